#include "models/channels/crypto.h"

#include <QCoreApplication>

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/decoder.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>

#include <memory>
#include <optional>

namespace fund::models {

namespace {

constexpr int GcmTagLength = 16;
constexpr int AesKeyLength = 32;

struct PkeyDeleter
{
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
};
struct MdCtxDeleter
{
    void operator()(EVP_MD_CTX *p) const { EVP_MD_CTX_free(p); }
};
struct CipherCtxDeleter
{
    void operator()(EVP_CIPHER_CTX *p) const { EVP_CIPHER_CTX_free(p); }
};
struct DecoderCtxDeleter
{
    void operator()(OSSL_DECODER_CTX *p) const { OSSL_DECODER_CTX_free(p); }
};
struct BioDeleter
{
    void operator()(BIO *p) const { BIO_free(p); }
};
struct X509Deleter
{
    void operator()(X509 *p) const { X509_free(p); }
};

using Pkey = std::unique_ptr<EVP_PKEY, PkeyDeleter>;

// Strict Base64 (line breaks tolerated, as in PEM bodies); nullopt on any other stray character.
std::optional<QByteArray> strictBase64(const QByteArray &text)
{
    QByteArray compact = text.trimmed();
    compact.replace('\n', QByteArray()).replace('\r', QByteArray());
    auto result = QByteArray::fromBase64Encoding(compact, QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return std::nullopt;
    return result.decoded;
}

// OpenSSL's reason texts (never key material), and an empty error queue afterwards.
QString opensslErrors()
{
    QStringList reasons;
    while (const unsigned long e = ERR_get_error()) {
        char buffer[256];
        ERR_error_string_n(e, buffer, sizeof buffer);
        reasons << QString::fromLatin1(buffer);
    }
    return reasons.isEmpty() ? QStringLiteral("no OpenSSL error recorded") : reasons.join(u"; ");
}

Error networkError(const QString &message, const QString &detail)
{
    Error e;
    e.code = Error::Code::Network;
    e.message = message;
    e.detail = detail;
    return e;
}

Error keyError(const QString &what)
{
    return Error::internal(
        QCoreApplication::translate("Crypto", "The payment key could not be read. Please check the payment channel settings."),
        what + u": " + opensslErrors());
}

// An RSA key from PEM (any of the forms crypto.h lists) or bare Base64 DER.
Pkey decodeKey(const QByteArray &text, int selection)
{
    const QByteArray trimmed = text.trimmed();
    const bool pem = trimmed.startsWith("-----BEGIN");
    QByteArray data = trimmed;
    if (!pem) {
        const auto decoded = strictBase64(trimmed);
        if (!decoded)
            return {};
        data = *decoded;
    }
    EVP_PKEY *raw = nullptr;
    std::unique_ptr<OSSL_DECODER_CTX, DecoderCtxDeleter> ctx(OSSL_DECODER_CTX_new_for_pkey(
        &raw, pem ? "PEM" : "DER", nullptr, "RSA", selection, nullptr, nullptr));
    if (!ctx)
        return {};
    const auto *bytes = reinterpret_cast<const unsigned char *>(data.constData());
    size_t length = static_cast<size_t>(data.size());
    if (OSSL_DECODER_from_data(ctx.get(), &bytes, &length) != 1) {
        EVP_PKEY_free(raw);
        return {};
    }
    return Pkey(raw);
}

Pkey publicKeyFromCertificate(const QByteArray &text)
{
    const QByteArray trimmed = text.trimmed();
    std::unique_ptr<X509, X509Deleter> cert;
    if (trimmed.startsWith("-----BEGIN")) {
        std::unique_ptr<BIO, BioDeleter> bio(BIO_new_mem_buf(trimmed.constData(), static_cast<int>(trimmed.size())));
        if (!bio)
            return {};
        cert.reset(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    } else {
        const auto der = strictBase64(trimmed);
        if (!der)
            return {};
        const auto *bytes = reinterpret_cast<const unsigned char *>(der->constData());
        cert.reset(d2i_X509(nullptr, &bytes, static_cast<long>(der->size())));
    }
    if (!cert)
        return {};
    Pkey key(X509_get_pubkey(cert.get()));
    if (key && !EVP_PKEY_is_a(key.get(), "RSA"))
        return {};
    return key;
}

Result<Pkey> loadPrivateKey(const QByteArray &text)
{
    if (text.trimmed().isEmpty()) {
        return fail(Error::invalidInput(
            QCoreApplication::translate("Crypto", "No private key is configured for this payment channel."),
            QStringLiteral("empty private key")));
    }
    Pkey key = decodeKey(text, EVP_PKEY_KEYPAIR);
    if (!key)
        return fail(keyError(QStringLiteral("private key (PKCS#1 or PKCS#8 PEM, RSA) not readable")));
    return key;
}

Result<Pkey> loadPublicKey(const QByteArray &text)
{
    if (text.trimmed().isEmpty()) {
        return fail(Error::invalidInput(
            QCoreApplication::translate("Crypto", "No public key is configured for this payment channel."),
            QStringLiteral("empty public key")));
    }
    const bool certificate = text.contains("BEGIN CERTIFICATE");
    Pkey key = certificate ? publicKeyFromCertificate(text) : decodeKey(text, EVP_PKEY_PUBLIC_KEY);
    if (!key && !certificate && !text.contains("-----BEGIN"))
        key = publicKeyFromCertificate(text); // bare Base64 of a DER certificate
    if (!key)
        return fail(keyError(QStringLiteral("public key or certificate (RSA) not readable")));
    return key;
}

QByteArray upperHex(const unsigned char *data, size_t length)
{
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(length)).toHex().toUpper();
}

Result<void> checkGcmParameters(const QByteArray &key, const QByteArray &nonce)
{
    if (key.size() != AesKeyLength) {
        return fail(Error::invalidInput(
            QCoreApplication::translate("Crypto", "The APIv3 key must be exactly 32 characters."),
            QStringLiteral("AES-256-GCM key is %1 bytes, expected 32").arg(key.size())));
    }
    if (nonce.isEmpty()) {
        return fail(Error::invalidInput(
            QCoreApplication::translate("Crypto", "The encrypted message has no nonce."),
            QStringLiteral("AES-256-GCM nonce is empty")));
    }
    return {};
}

} // namespace

Result<QByteArray> Crypto::signRsaSha256(const QByteArray &message, const QByteArray &privateKeyPem)
{
    auto key = loadPrivateKey(privateKeyPem);
    if (!key)
        return fail(key.error());
    std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
    size_t length = 0;
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key->get()) != 1
        || EVP_DigestSign(ctx.get(), nullptr, &length,
                          reinterpret_cast<const unsigned char *>(message.constData()),
                          static_cast<size_t>(message.size())) != 1) {
        return fail(keyError(QStringLiteral("SHA256withRSA signing failed")));
    }
    QByteArray signature(static_cast<qsizetype>(length), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                       reinterpret_cast<const unsigned char *>(message.constData()),
                       static_cast<size_t>(message.size())) != 1) {
        return fail(keyError(QStringLiteral("SHA256withRSA signing failed")));
    }
    signature.truncate(static_cast<qsizetype>(length));
    return signature.toBase64();
}

VoidResult Crypto::verifyRsaSha256(const QByteArray &message, const QByteArray &signatureBase64,
                                   const QByteArray &publicKeyOrCertificatePem)
{
    auto key = loadPublicKey(publicKeyOrCertificatePem);
    if (!key)
        return fail(key.error());
    const QString notAuthentic = QCoreApplication::translate(
        "Crypto", "The payment channel's answer failed the signature check and was not accepted.");
    const auto signature = strictBase64(signatureBase64);
    if (!signature || signature->isEmpty())
        return fail(networkError(notAuthentic, QStringLiteral("signature is not Base64")));

    std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key->get()) != 1)
        return fail(keyError(QStringLiteral("SHA256withRSA verification could not start")));
    const int rc = EVP_DigestVerify(ctx.get(),
                                    reinterpret_cast<const unsigned char *>(signature->constData()),
                                    static_cast<size_t>(signature->size()),
                                    reinterpret_cast<const unsigned char *>(message.constData()),
                                    static_cast<size_t>(message.size()));
    if (rc != 1) {
        const QString reasons = opensslErrors();
        return fail(networkError(notAuthentic, u"SHA256withRSA signature does not match (" + reasons + u')'));
    }
    return {};
}

Result<QByteArray> Crypto::aes256GcmDecrypt(const QByteArray &key, const QByteArray &nonce,
                                            const QByteArray &aad,
                                            const QByteArray &ciphertextAndTagBase64)
{
    if (auto ok = checkGcmParameters(key, nonce); !ok)
        return fail(ok.error());
    const QString notAuthentic = QCoreApplication::translate(
        "Crypto", "An encrypted message from the payment channel could not be decrypted; it was not accepted.");
    const auto input = strictBase64(ciphertextAndTagBase64);
    if (!input)
        return fail(networkError(notAuthentic, QStringLiteral("AES-256-GCM ciphertext is not Base64")));
    if (input->size() < GcmTagLength) {
        return fail(networkError(notAuthentic,
                                 QStringLiteral("AES-256-GCM input is %1 bytes, shorter than the 16-byte tag")
                                     .arg(input->size())));
    }
    const qsizetype textLength = input->size() - GcmTagLength;
    QByteArray tag = input->right(GcmTagLength);

    std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter> ctx(EVP_CIPHER_CTX_new());
    QByteArray plaintext(textLength, Qt::Uninitialized);
    int length = 0;
    int finalLength = 0;
    const bool ok = ctx
        && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1
        && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(nonce.size()), nullptr) == 1
        && EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr,
                              reinterpret_cast<const unsigned char *>(key.constData()),
                              reinterpret_cast<const unsigned char *>(nonce.constData())) == 1
        && (aad.isEmpty()
            || EVP_DecryptUpdate(ctx.get(), nullptr, &length,
                                 reinterpret_cast<const unsigned char *>(aad.constData()),
                                 static_cast<int>(aad.size())) == 1)
        && EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(plaintext.data()), &length,
                             reinterpret_cast<const unsigned char *>(input->constData()),
                             static_cast<int>(textLength)) == 1
        && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, GcmTagLength, tag.data()) == 1
        && EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(plaintext.data()) + length,
                               &finalLength) == 1;
    if (!ok) {
        const QString reasons = opensslErrors();
        return fail(networkError(notAuthentic,
                                 u"AES-256-GCM authentication failed (wrong key, nonce or associated data, or a tampered text): "
                                     + reasons));
    }
    plaintext.truncate(length + finalLength);
    return plaintext;
}

Result<QByteArray> Crypto::aes256GcmEncrypt(const QByteArray &key, const QByteArray &nonce,
                                            const QByteArray &aad, const QByteArray &plaintext)
{
    if (auto ok = checkGcmParameters(key, nonce); !ok)
        return fail(ok.error());
    std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter> ctx(EVP_CIPHER_CTX_new());
    QByteArray output(plaintext.size() + GcmTagLength, Qt::Uninitialized);
    int length = 0;
    int finalLength = 0;
    const bool ok = ctx
        && EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1
        && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(nonce.size()), nullptr) == 1
        && EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr,
                              reinterpret_cast<const unsigned char *>(key.constData()),
                              reinterpret_cast<const unsigned char *>(nonce.constData())) == 1
        && (aad.isEmpty()
            || EVP_EncryptUpdate(ctx.get(), nullptr, &length,
                                 reinterpret_cast<const unsigned char *>(aad.constData()),
                                 static_cast<int>(aad.size())) == 1)
        && EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(output.data()), &length,
                             reinterpret_cast<const unsigned char *>(plaintext.constData()),
                             static_cast<int>(plaintext.size())) == 1
        && EVP_EncryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(output.data()) + length,
                               &finalLength) == 1
        && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, GcmTagLength,
                               output.data() + length + finalLength) == 1;
    if (!ok)
        return fail(Error::internal(QCoreApplication::translate("Crypto", "Encryption failed."),
                                    u"AES-256-GCM encryption failed: " + opensslErrors()));
    output.truncate(length + finalLength + GcmTagLength);
    return output.toBase64();
}

QByteArray Crypto::hmacSha256HexUpper(const QByteArray &key, const QByteArray &message)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    size_t length = 0;
    if (!EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, key.constData(),
                   static_cast<size_t>(key.size()),
                   reinterpret_cast<const unsigned char *>(message.constData()),
                   static_cast<size_t>(message.size()), out, sizeof out, &length)) {
        ERR_clear_error();
        return {};
    }
    return upperHex(out, length);
}

QByteArray Crypto::md5HexUpper(const QByteArray &message)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    size_t length = 0;
    if (!EVP_Q_digest(nullptr, "MD5", nullptr, message.constData(), static_cast<size_t>(message.size()),
                      out, &length)) {
        ERR_clear_error();
        return {};
    }
    return upperHex(out, length);
}

QByteArray Crypto::sha256Hex(const QByteArray &message)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    size_t length = 0;
    if (!EVP_Q_digest(nullptr, "SHA256", nullptr, message.constData(),
                      static_cast<size_t>(message.size()), out, &length)) {
        ERR_clear_error();
        return {};
    }
    return upperHex(out, length).toLower();
}

bool Crypto::constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    return a.size() == b.size()
        && CRYPTO_memcmp(a.constData(), b.constData(), static_cast<size_t>(a.size())) == 0;
}

QByteArray Crypto::randomNonce()
{
    unsigned char bytes[16];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        qFatal("RAND_bytes failed: no randomness for a payment nonce");
    return upperHex(bytes, sizeof bytes);
}

} // namespace fund::models
