#include "models/channels/crypto.h"

#include <QFile>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using fund::models::Crypto;
using fund::models::Error;

namespace {

// tests/fixtures/keys: TEST ONLY keys, see the README there.
QByteArray testKey(const char *name)
{
    QFile file(QFINDTESTDATA(u"../fixtures/keys/"_s + QLatin1StringView(name)));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("test key %s not found", name);
    return file.readAll();
}

// QVERIFY2 evaluates its message even on success: never touch error() of a value.
template<typename R>
QByteArray why(const R &result)
{
    return result ? QByteArray() : (result.error().detail + u" / " + result.error().message).toUtf8();
}

QByteArray pemBody(const QByteArray &pem)
{
    QByteArray body;
    for (const QByteArray &line : pem.split('\n')) {
        if (!line.startsWith("-----"))
            body += line;
    }
    return body;
}

// The official WeChat Pay worked example message (§1.2), signed once with the openssl CLI:
// printf 'GET\n/v3/certificates\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n' |
//   openssl dgst -sha256 -sign TEST_ONLY_wechatpay_merchant_private.pem | base64 -w0
const QByteArray CertificatesMessage = "GET\n/v3/certificates\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n";
const QByteArray CertificatesSignature =
    "Rbhkr5/6e3l3rfe5pJ4tnrt+cxcCU6RGcLlyPcsGGXKCe3PTyvOGES5rjE7fX+OAz8693EzmU2XujKe32FVEQbj2BEIZBeBHc+hdPbUJG2CwpxdbwqCDh00KtmjRFAwE/Ms6tR765NPFNtjK3UmdTTA+RTEEO62WE2zKLYJZsYyKJULBrWVOex+XxCoW6Mu61B1VtWscEfn/4vdNgzzBM/xqZ+6d0MGd+0UDw2wlpSDC/FXLspQTeo2mxIDA2gKNpcKcN9RuYYU7uTug2vJl+/UQEz8cN2OVVpX93G7vI/kkV7weEK8vg06YlGyUaiDb3G+UIkAlXE7d35uXn37u1A==";
// printf 'hello' | openssl dgst -sha256 -sign TEST_ONLY_alipay_app_private_pkcs1.pem | base64 -w0
const QByteArray HelloSignaturePkcs1 =
    "L8o5wRwONXOG9J4sLqXYM7xOxQa9xaDyYFxWmdQVakdI6jCaaSCOSh1CuOnIPtteVDfXtWzturrNWmFsdLUqzRmM50veZNnbWAhgE0C5vjGYzW9XO4d6yCg9t2hsW5t1OaIoZW7TY2TOroQjoyt+wH231R0mmjGpES7QEf4ER03/BTybZ5qV7oHBp1M2wWcfGyJMgFI7Cs4ovKHnHiGunbtQ6paL62Ufl1K1StZa/mc2rabZGlfnOOc5VF/XFWYcVrTY9jg6Vu0Aqle/nmu+taX3UY9Hg80XVm97nQcAkbY3X818nVqX7ejbnADwPSNhxq+0BimgWeWlOkWXo69eNg==";

} // namespace

class TestCrypto : public QObject
{
    Q_OBJECT

private slots:
    void digests_data();
    void digests();
    void wechatV2Vector();
    void aesGcm_data();
    void aesGcm();
    void aesGcmRefuses_data();
    void aesGcmRefuses();
    void rsaGolden_data();
    void rsaGolden();
    void rsaRoundTrip_data();
    void rsaRoundTrip();
    void rsaRefuses_data();
    void rsaRefuses();
    void badKeys_data();
    void badKeys();
    void randomNonce();
    void constantTimeEquals();
};

void TestCrypto::digests_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("md5");
    QTest::addColumn<QByteArray>("sha256");

    QTest::newRow("empty") << QByteArray() << QByteArray("D41D8CD98F00B204E9800998ECF8427E")
                           << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QTest::newRow("abc") << QByteArray("abc") << QByteArray("900150983CD24FB0D6963F7D28E17F72")
                         << QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    // printf '维修资金' | openssl dgst -md5 / -sha256
    QTest::newRow("utf-8") << QByteArray("维修资金") << QByteArray("AE4FBC8063562855C2EDAE67030818E2")
                           << QByteArray("6c9d22c051dc774b454ce3734f1863a7957b2660838a649cf50cb04e1b26afd8");
}

void TestCrypto::digests()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, md5);
    QFETCH(QByteArray, sha256);
    QCOMPARE(Crypto::md5HexUpper(input), md5);
    QCOMPARE(Crypto::sha256Hex(input), sha256);
}

void TestCrypto::wechatV2Vector()
{
    // The official APIv2 安全规范 example (§1.5), also verified with `openssl dgst`.
    const QByteArray stringA = "appid=wxd930ea5d5a258f4f&body=test&device_info=1000&mch_id=10000100&nonce_str=ibuaiVcKdpRxkhJA";
    const QByteArray key = "192006250b4c09247ec02edce69f6a2d";
    const QByteArray signTemp = stringA + "&key=" + key;
    QCOMPARE(Crypto::md5HexUpper(signTemp), QByteArray("9A0A8659F005D6984697E2CA0A9CF3B7"));
    QCOMPARE(Crypto::hmacSha256HexUpper(key, signTemp),
             QByteArray("6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6"));
}

void TestCrypto::aesGcm_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("nonce");
    QTest::addColumn<QByteArray>("aad");
    QTest::addColumn<QByteArray>("plaintext");
    QTest::addColumn<QByteArray>("ciphertext");

    const QByteArray key = "0123456789abcdef0123456789abcdef";
    // wechatpay-axios-plugin tests/lib/aes.test.js (16-byte IV)
    QTest::newRow("axios-plugin hello/world") << key << QByteArray("0123456789abcdef") << QByteArray("world")
                                              << QByteArray("hello") << QByteArray("APoZlYpivU3HjbAiB4CvW1rAFr8J");
    QTest::newRow("axios-plugin empty") << key << QByteArray("0123456789abcdef") << QByteArray()
                                        << QByteArray() << QByteArray("GvpmmdtYwexXIPhySs9Tlg==");
    // WeChat-shaped: 12-byte nonce, associated_data "transaction" (computed in Node, checked in Python)
    QTest::newRow("wechat 12-byte nonce")
        << key << QByteArray("0123456789ab") << QByteArray("transaction")
        << QByteArray(R"({"out_trade_no":"T1","trade_state":"SUCCESS"})")
        << QByteArray("4ouITzeV7GmUYUbi3WteHWDS5e076h4ZReuqRrqM+N1PXV1boadmhiW9LEO2a7PGvKtw1AMKIESyCxKlSw==");
}

void TestCrypto::aesGcm()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, nonce);
    QFETCH(QByteArray, aad);
    QFETCH(QByteArray, plaintext);
    QFETCH(QByteArray, ciphertext);

    const auto encrypted = Crypto::aes256GcmEncrypt(key, nonce, aad, plaintext);
    QVERIFY2(encrypted, why(encrypted).constData());
    QCOMPARE(*encrypted, ciphertext);

    const auto decrypted = Crypto::aes256GcmDecrypt(key, nonce, aad, ciphertext);
    QVERIFY2(decrypted, why(decrypted).constData());
    QCOMPARE(*decrypted, plaintext);
}

void TestCrypto::aesGcmRefuses_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("nonce");
    QTest::addColumn<QByteArray>("aad");
    QTest::addColumn<QByteArray>("ciphertext");
    QTest::addColumn<int>("code");

    const QByteArray key = "0123456789abcdef0123456789abcdef";
    const QByteArray nonce = "0123456789ab";
    const QByteArray good = "4ouITzeV7GmUYUbi3WteHWDS5e076h4ZReuqRrqM+N1PXV1boadmhiW9LEO2a7PGvKtw1AMKIESyCxKlSw==";
    QByteArray tampered = QByteArray::fromBase64(good);
    tampered[3] = static_cast<char>(tampered.at(3) ^ 0x01);
    QByteArray badTag = QByteArray::fromBase64(good);
    badTag[badTag.size() - 1] = static_cast<char>(badTag.at(badTag.size() - 1) ^ 0x80);
    const int network = int(Error::Code::Network);
    const int invalid = int(Error::Code::InvalidInput);

    QTest::newRow("wrong key") << QByteArray("0123456789abcdef0123456789abcdeX") << nonce
                               << QByteArray("transaction") << good << network;
    QTest::newRow("wrong nonce") << key << QByteArray("0123456789ac") << QByteArray("transaction") << good << network;
    QTest::newRow("wrong aad") << key << nonce << QByteArray("certificate") << good << network;
    QTest::newRow("missing aad") << key << nonce << QByteArray() << good << network;
    QTest::newRow("tampered text") << key << nonce << QByteArray("transaction") << tampered.toBase64() << network;
    QTest::newRow("tampered tag") << key << nonce << QByteArray("transaction") << badTag.toBase64() << network;
    QTest::newRow("shorter than tag") << key << nonce << QByteArray() << QByteArray("AAAA") << network;
    QTest::newRow("not base64") << key << nonce << QByteArray("transaction") << QByteArray("@@@@") << network;
    QTest::newRow("short key") << QByteArray("0123456789abcdef") << nonce << QByteArray("transaction") << good << invalid;
    QTest::newRow("empty nonce") << key << QByteArray() << QByteArray("transaction") << good << invalid;
}

void TestCrypto::aesGcmRefuses()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, nonce);
    QFETCH(QByteArray, aad);
    QFETCH(QByteArray, ciphertext);
    QFETCH(int, code);

    const auto decrypted = Crypto::aes256GcmDecrypt(key, nonce, aad, ciphertext);
    QVERIFY(!decrypted);
    QCOMPARE(int(decrypted.error().code), code);
    QVERIFY(!decrypted.error().message.isEmpty());
}

void TestCrypto::rsaGolden_data()
{
    QTest::addColumn<QByteArray>("privateKey");
    QTest::addColumn<QByteArray>("publicKey");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("signature");

    QTest::newRow("PKCS#8 merchant key, WeChat example message")
        << testKey("TEST_ONLY_wechatpay_merchant_private.pem") << testKey("TEST_ONLY_wechatpay_merchant_public.pem")
        << CertificatesMessage << CertificatesSignature;
    QTest::newRow("PKCS#1 Alipay app key")
        << testKey("TEST_ONLY_alipay_app_private_pkcs1.pem") << testKey("TEST_ONLY_alipay_app_public.pem")
        << QByteArray("hello") << HelloSignaturePkcs1;
}

void TestCrypto::rsaGolden()
{
    QFETCH(QByteArray, privateKey);
    QFETCH(QByteArray, publicKey);
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, signature);

    // PKCS#1 v1.5 is deterministic: the same bytes as the openssl CLI.
    const auto signed_ = Crypto::signRsaSha256(message, privateKey);
    QVERIFY2(signed_, why(signed_).constData());
    QCOMPARE(*signed_, signature);
    const auto verified = Crypto::verifyRsaSha256(message, signature, publicKey);
    QVERIFY2(verified, why(verified).constData());
}

void TestCrypto::rsaRoundTrip_data()
{
    QTest::addColumn<QByteArray>("privateKey");
    QTest::addColumn<QByteArray>("publicKey");

    const QByteArray platformPrivate = testKey("TEST_ONLY_wechatpay_platform_private.pem");
    QTest::newRow("SPKI public key") << platformPrivate << testKey("TEST_ONLY_wechatpay_platform_public.pem");
    QTest::newRow("X.509 platform certificate") << platformPrivate << testKey("TEST_ONLY_wechatpay_platform_cert.pem");
    QTest::newRow("bare Base64 public key (Alipay console form)")
        << testKey("TEST_ONLY_alipay_gateway_private.pem") << pemBody(testKey("TEST_ONLY_alipay_gateway_public.pem"));
    QTest::newRow("bare Base64 PKCS#1 private key")
        << pemBody(testKey("TEST_ONLY_alipay_app_private_pkcs1.pem")) << testKey("TEST_ONLY_alipay_app_public.pem");
}

void TestCrypto::rsaRoundTrip()
{
    QFETCH(QByteArray, privateKey);
    QFETCH(QByteArray, publicKey);
    const QByteArray message = "1554209980\nc5ac7061fccab6bf3e254dcf98995b8c\n{\"data\":[]}\n";
    const auto signature = Crypto::signRsaSha256(message, privateKey);
    QVERIFY2(signature, why(signature).constData());
    QCOMPARE(QByteArray::fromBase64(*signature).size(), 256); // 2048-bit
    const auto verified = Crypto::verifyRsaSha256(message, *signature, publicKey);
    QVERIFY2(verified, why(verified).constData());
}

void TestCrypto::rsaRefuses_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("signature");
    QTest::addColumn<QByteArray>("publicKey");

    const QByteArray merchantPublic = testKey("TEST_ONLY_wechatpay_merchant_public.pem");
    QByteArray flipped = QByteArray::fromBase64(CertificatesSignature);
    flipped[10] = static_cast<char>(flipped.at(10) ^ 0x01);

    QTest::newRow("tampered message") << QByteArray(CertificatesMessage).replace("1554208460", "1554208461")
                                      << CertificatesSignature << merchantPublic;
    QTest::newRow("missing final newline") << CertificatesMessage.chopped(1) << CertificatesSignature << merchantPublic;
    QTest::newRow("tampered signature") << CertificatesMessage << flipped.toBase64() << merchantPublic;
    QTest::newRow("wrong public key") << CertificatesMessage << CertificatesSignature
                                      << testKey("TEST_ONLY_wechatpay_platform_public.pem");
    QTest::newRow("wrong certificate") << CertificatesMessage << CertificatesSignature
                                       << testKey("TEST_ONLY_wechatpay_platform_cert.pem");
    QTest::newRow("signature not base64") << CertificatesMessage << QByteArray("WECHATPAY/SIGNTEST/abc") << merchantPublic;
    QTest::newRow("empty signature") << CertificatesMessage << QByteArray() << merchantPublic;
    QTest::newRow("truncated signature") << CertificatesMessage << CertificatesSignature.left(40) << merchantPublic;
}

void TestCrypto::rsaRefuses()
{
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, signature);
    QFETCH(QByteArray, publicKey);
    const auto verified = Crypto::verifyRsaSha256(message, signature, publicKey);
    QVERIFY(!verified);
    QCOMPARE(verified.error().code, Error::Code::Network);
}

void TestCrypto::badKeys_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<int>("code");
    QTest::newRow("empty") << QByteArray() << int(Error::Code::InvalidInput);
    QTest::newRow("garbage PEM") << QByteArray("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")
                                 << int(Error::Code::Internal);
    QTest::newRow("not base64") << QByteArray("this is not a key") << int(Error::Code::Internal);
    QTest::newRow("public key where a private one is needed") << testKey("TEST_ONLY_wechatpay_merchant_public.pem")
                                                             << int(Error::Code::Internal);
}

void TestCrypto::badKeys()
{
    QFETCH(QByteArray, key);
    QFETCH(int, code);
    const auto signature = Crypto::signRsaSha256("message", key);
    QVERIFY(!signature);
    QCOMPARE(int(signature.error().code), code);
    // Key material never reaches the error texts.
    const QByteArray body = pemBody(key);
    if (body.size() > 8) {
        QVERIFY(!signature.error().detail.contains(QString::fromLatin1(body.left(16))));
        QVERIFY(!signature.error().message.contains(QString::fromLatin1(body.left(16))));
    }
    // The same text as a verifying key: an unreadable key is a configuration problem, not a
    // forged answer.
    if (code == int(Error::Code::Internal) && !key.contains("PUBLIC")) {
        const auto verified = Crypto::verifyRsaSha256("message", CertificatesSignature, key);
        QVERIFY(!verified);
        QCOMPARE(int(verified.error().code), code);
    }
}

void TestCrypto::randomNonce()
{
    QSet<QByteArray> seen;
    for (int i = 0; i < 100; ++i) {
        const QByteArray nonce = Crypto::randomNonce();
        QCOMPARE(nonce.size(), 32);
        for (char c : nonce)
            QVERIFY2((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'), nonce.constData());
        seen.insert(nonce);
    }
    QCOMPARE(seen.size(), 100);
}

void TestCrypto::constantTimeEquals()
{
    QVERIFY(Crypto::constantTimeEquals("ABC", "ABC"));
    QVERIFY(Crypto::constantTimeEquals({}, {}));
    QVERIFY(!Crypto::constantTimeEquals("ABC", "ABD"));
    QVERIFY(!Crypto::constantTimeEquals("ABC", "ABCD"));
}

QTEST_APPLESS_MAIN(TestCrypto)
#include "tst_crypto.moc"
