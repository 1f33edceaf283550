// TEST ONLY. WeChat Pay APIv3 cross-checks with wechatpay-axios-plugin (Formatter, Rsa, Aes,
// Decorator.responseVerifier): an independent implementation of the same protocol.
'use strict';

const { Formatter, Rsa, Aes, Decorator } = require('wechatpay-axios-plugin');
const { testKey, serve } = require('./common');

const merchantPrivate = () => Rsa.from(testKey('TEST_ONLY_wechatpay_merchant_private.pem'), Rsa.KEY_TYPE_PRIVATE);
const merchantPublic = () => Rsa.from(testKey('TEST_ONLY_wechatpay_merchant_public.pem'), Rsa.KEY_TYPE_PUBLIC);
const platformPrivate = () => Rsa.from(testKey('TEST_ONLY_wechatpay_platform_private.pem'), Rsa.KEY_TYPE_PRIVATE);

function parseAuthorization(header) {
  const [scheme, rest] = [header.slice(0, header.indexOf(' ')), header.slice(header.indexOf(' ') + 1)];
  const fields = {};
  for (const m of rest.matchAll(/(\w+)="([^"]*)"/g)) fields[m[1]] = m[2];
  return { scheme, fields };
}

serve((req) => {
  switch (req.op) {
    // (a) We signed a request: rebuild the message with Formatter.request, verify with Rsa.verify,
    // and sign it again here to compare bytes.
    case 'verifyRequest': {
      const { scheme, fields } = parseAuthorization(req.authorization);
      const message = Formatter.request(req.method, req.uri, fields.timestamp, fields.nonce_str, req.body);
      const nodeSignature = Rsa.sign(message, merchantPrivate());
      return {
        scheme,
        fields,
        message,
        verified: Rsa.verify(message, fields.signature, merchantPublic()),
        nodeSignature,
        nodeAuthorization: Formatter.authorization(fields.mchid, fields.nonce_str, nodeSignature,
          fields.timestamp, fields.serial_no),
      };
    }
    // We signed a response as the platform would: the plugin's own response verifier judges it
    // (all four headers, ±300 s against this machine's clock, serial → key, RSA).
    case 'verifyResponse': {
      const certs = {};
      certs[req.certSerial] = testKey('TEST_ONLY_wechatpay_platform_cert.pem');
      certs[req.publicKeyId] = testKey('TEST_ONLY_wechatpay_platform_public.pem');
      const verifier = Decorator.responseVerifier(certs);
      const out = verifier.call({ url: '/v3/pay/transactions/native', validateStatus: (s) => s >= 200 && s < 300 },
        req.body, req.headers, 200);
      return out instanceof Error ? { ok: false, code: out.code, message: out.message } : { ok: true };
    }
    // The plugin signs a response with the platform key: C++ must verify it.
    case 'signResponse': {
      const timestamp = `${Formatter.timestamp() + (req.skew || 0)}`;
      const nonce = Formatter.nonce();
      return {
        headers: {
          'Wechatpay-Timestamp': timestamp,
          'Wechatpay-Nonce': nonce,
          'Wechatpay-Serial': req.serial,
          'Wechatpay-Signature': Rsa.sign(Formatter.response(timestamp, nonce, req.body), platformPrivate()),
        },
      };
    }
    // (b) A payment callback built with Aes.AesGcm.encrypt, for C++ to decrypt.
    case 'buildCallback': {
      const ciphertext = Aes.AesGcm.encrypt(req.plaintext, req.apiV3Key, req.nonce, req.associatedData);
      return {
        body: JSON.stringify({
          id: 'EV-2018022511223320873',
          create_time: '2015-05-20T13:29:35+08:00',
          resource_type: 'encrypt-resource',
          event_type: 'TRANSACTION.SUCCESS',
          summary: '支付成功',
          resource: {
            original_type: 'transaction',
            algorithm: 'AEAD_AES_256_GCM',
            ciphertext,
            associated_data: req.associatedData,
            nonce: req.nonce,
          },
        }),
      };
    }
    // And the other way round: C++ encrypted, the plugin decrypts.
    case 'decrypt':
      return { plaintext: Aes.AesGcm.decrypt(req.ciphertext, req.apiV3Key, req.nonce, req.associatedData) };
    default:
      throw new Error(`unknown op ${req.op}`);
  }
});
