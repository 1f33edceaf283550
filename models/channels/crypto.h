#pragma once

#include "models/core/error.h"

#include <QByteArray>

namespace fund::models {

// The cryptography the payment channels need, on OpenSSL 3 EVP only (no RSA_* calls).
//
// Keys are PEM text: a private key as PKCS#8 ("BEGIN PRIVATE KEY", WeChat's apiclient_key.pem) or
// PKCS#1 ("BEGIN RSA PRIVATE KEY", Alipay's key tool); a public key as SubjectPublicKeyInfo
// ("BEGIN PUBLIC KEY"), PKCS#1 ("BEGIN RSA PUBLIC KEY") or an X.509 certificate ("BEGIN
// CERTIFICATE", a WeChat Pay platform certificate). The bare Base64 body without the BEGIN/END
// lines, as Alipay's console shows it, is accepted too. Only RSA keys are accepted.
//
// Key material never appears in an Error: messages name what failed, details carry OpenSSL's
// reason text only.
class Crypto
{
public:
    // SHA256withRSA (RSASSA-PKCS1-v1_5) over `message`, Base64. Deterministic for a given key.
    static Result<QByteArray> signRsaSha256(const QByteArray &message, const QByteArray &privateKeyPem);

    // Checks a Base64 SHA256withRSA signature. A signature that does not match (or is not Base64)
    // is a Network error ("not authentic"); an unreadable key is an Internal error.
    static VoidResult verifyRsaSha256(const QByteArray &message, const QByteArray &signatureBase64,
                                      const QByteArray &publicKeyOrCertificatePem);

    // AES-256-GCM as WeChat Pay uses it for callbacks and certificates: `key` 32 bytes, `nonce`
    // (12 bytes for WeChat; any non-empty length works), `aad` possibly empty, and the input is
    // Base64 of ciphertext || 16-byte tag. A wrong key, nonce, AAD or a tampered text fails.
    static Result<QByteArray> aes256GcmDecrypt(const QByteArray &key, const QByteArray &nonce,
                                               const QByteArray &aad,
                                               const QByteArray &ciphertextAndTagBase64);
    // The inverse (for the fake gateway and the tests): Base64 of ciphertext || 16-byte tag.
    static Result<QByteArray> aes256GcmEncrypt(const QByteArray &key, const QByteArray &nonce,
                                               const QByteArray &aad, const QByteArray &plaintext);

    // Digests as the channels print them.
    static QByteArray hmacSha256HexUpper(const QByteArray &key, const QByteArray &message);
    static QByteArray md5HexUpper(const QByteArray &message);
    static QByteArray sha256Hex(const QByteArray &message); // lower case

    // Comparison in time independent of where the texts differ (for signatures and MACs).
    static bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

    // 32 upper-case hex characters from 16 bytes of RAND_bytes, for nonce_str / nonce.
    static QByteArray randomNonce();
};

} // namespace fund::models
