// TEST ONLY. Alipay cross-checks with the official alipay-sdk (v4): its request signing
// (sdkExecute → util sign()), checkNotifySign, checkResponseSign and getSignStr. The gateway
// points at 127.0.0.1 and nothing is ever sent.
'use strict';

const { AlipaySdk } = require('alipay-sdk');
const crypto = require('crypto');
const { testKey, serve } = require('./common');

function sdk() {
  return new AlipaySdk({
    appId: '2021000000000001',
    privateKey: testKey('TEST_ONLY_alipay_app_private_pkcs1.pem'),
    keyType: 'PKCS1',
    alipayPublicKey: testKey('TEST_ONLY_alipay_gateway_public.pem'),
    gateway: 'http://127.0.0.1:9/gateway.do',
    endpoint: 'http://127.0.0.1:9',
  });
}

serve((req) => {
  switch (req.op) {
    // (d) Sign the same request with the SDK: every parameter and the sign must equal ours.
    case 'signRequest': {
      const p = req.params;
      const extra = { timestamp: p.timestamp, format: p.format };
      if (p.notify_url) extra.notifyUrl = p.notify_url;
      const query = sdk().sdkExecute(p.method, { ...extra, bizContent: JSON.parse(p.biz_content) },
        { bizContentAutoSnakeCase: false });
      return { params: Object.fromEntries(new URLSearchParams(query)) };
    }
    // We signed a notification with the gateway key (as the fake gateway will): the SDK checks it.
    case 'checkNotify':
      return { results: req.notifications.map((n) => sdk().checkNotifySign(n)) };
    // We built and signed a synchronous answer: the SDK's own response check and substring.
    case 'checkResponse': {
      const s = sdk();
      return {
        results: req.responses.map((r) => {
          const key = `${r.method.replaceAll('.', '_')}_response`;
          const signStr = s.getSignStr(r.body, key);
          try {
            s.checkResponseSign(r.body, key, JSON.parse(r.body).sign, 'trace');
            return { ok: true, signStr };
          } catch (e) {
            return { ok: false, signStr, message: e.message };
          }
        }),
      };
    }
    // The SDK side signs an answer (RSA2 over the raw response object) for C++ to verify.
    case 'signResponse': {
      const key = `${req.method.replaceAll('.', '_')}_response`;
      const object = JSON.stringify(req.response);
      const sign = crypto.createSign('RSA-SHA256').update(object, 'utf8')
        .sign(testKey('TEST_ONLY_alipay_gateway_private.pem'), 'base64');
      return { body: `{"${key}":${object},"sign":"${sign}"}` };
    }
    default:
      throw new Error(`unknown op ${req.op}`);
  }
});
