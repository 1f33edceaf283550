// TLS to the shared PostgreSQL server (PostgreSQL only, label db-pg): sslmode=verify-full with the
// server's CA connects and is encrypted; a certificate from another CA, a name the certificate
// does not carry and a missing CA file are refused in words a clerk or an administrator can act
// on. scripts/lib/pgtemp.sh makes the CA and the server certificate (FUND_TEST_PG_TLS_URL,
// FUND_TEST_PG_CA); without them the test fails, it is never skipped.
#include "models/storage/database.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

using namespace fund::models;

class tst_PostgresTls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void verifyFullWithTheRightCaConnects();
    void caPathWithSpacesWorks();
    void plainLoopbackStillWorks();
    void wrongCaIsRefused();
    void nameNotOnTheCertificateIsRefused();
    void missingCaFileIsRefused();
    void unknownSslModeIsRefused();

private:
    // The TLS URL with sslrootcert (and optionally the host) replaced.
    QString tlsUrl(const QString &caFile, const QString &host = {}) const;
    static bool isEncrypted(Database &db);

    QString m_tlsUrl;
    QString m_ca;
    QTemporaryDir m_dir;
};

void tst_PostgresTls::initTestCase()
{
    m_tlsUrl = qEnvironmentVariable("FUND_TEST_PG_TLS_URL");
    m_ca = qEnvironmentVariable("FUND_TEST_PG_CA");
    QVERIFY2(!m_tlsUrl.isEmpty() && !m_ca.isEmpty(),
             "FUND_TEST_PG_TLS_URL / FUND_TEST_PG_CA are not set: run through scripts/test (scripts/lib/pgtemp.sh starts the server with TLS)");
    QVERIFY2(QFile::exists(m_ca), qPrintable(m_ca));
    QVERIFY(m_dir.isValid());
}

QString tst_PostgresTls::tlsUrl(const QString &caFile, const QString &host) const
{
    QUrl url(m_tlsUrl);
    if (!host.isEmpty())
        url.setHost(host);
    QUrlQuery query(url);
    query.removeAllQueryItems(QStringLiteral("sslrootcert"));
    query.addQueryItem(QStringLiteral("sslrootcert"), QString::fromUtf8(QUrl::toPercentEncoding(caFile, "/")));
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

bool tst_PostgresTls::isEncrypted(Database &db)
{
    auto ssl = db.scalar(QStringLiteral("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"));
    return ssl && ssl->toBool();
}

void tst_PostgresTls::verifyFullWithTheRightCaConnects()
{
    auto db = Database::open(m_tlsUrl);
    QVERIFY2(db, qPrintable(db ? QString() : db.error().message + u'\n' + db.error().detail));
    QCOMPARE((*db)->engine(), Database::Engine::Postgres);
    QVERIFY(isEncrypted(**db));
    auto version = (*db)->scalar(QStringLiteral("SELECT version FROM pg_stat_ssl WHERE pid = pg_backend_pid()"));
    QVERIFY(version);
    QVERIFY2(version->toString().startsWith(QLatin1String("TLSv1.")), qPrintable(version->toString()));
}

void tst_PostgresTls::caPathWithSpacesWorks()
{
    const QString folder = m_dir.filePath(QStringLiteral("CA files"));
    QVERIFY(QDir().mkpath(folder));
    const QString copy = folder + QStringLiteral("/server's ca.crt");
    QFile::remove(copy);
    QVERIFY(QFile::copy(m_ca, copy));
    auto db = Database::open(tlsUrl(copy));
    QVERIFY2(db, qPrintable(db ? QString() : db.error().message + u'\n' + db.error().detail));
    QVERIFY(isEncrypted(**db));
}

void tst_PostgresTls::plainLoopbackStillWorks()
{
    QUrl url(qEnvironmentVariable("FUND_TEST_PG_URL"));
    QVERIFY(url.isValid() && !url.host().isEmpty());
    url.setQuery(QStringLiteral("sslmode=disable"));
    auto db = Database::open(url.toString());
    QVERIFY2(db, qPrintable(db ? QString() : db.error().detail));
    QVERIFY(!isEncrypted(**db));
}

void tst_PostgresTls::wrongCaIsRefused()
{
    // Another CA, made here: it has never signed the server's certificate.
    const QString key = m_dir.filePath(QStringLiteral("other-ca.key"));
    const QString cert = m_dir.filePath(QStringLiteral("other-ca.crt"));
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-new"), QStringLiteral("-nodes"),
                   QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-days"), QStringLiteral("1"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=Some other CA"), QStringLiteral("-keyout"), key,
                   QStringLiteral("-out"), cert});
    QVERIFY2(openssl.waitForFinished(30000), "openssl did not finish");
    QVERIFY2(openssl.exitCode() == 0, openssl.readAll().constData());

    auto db = Database::open(tlsUrl(cert));
    QVERIFY(!db);
    const Error &e = db.error();
    QCOMPARE(e.code, Error::Code::Storage);
    // The clerk's text explains, names the CA file and is not libpq's own text; the detail keeps
    // libpq's words for the log.
    QVERIFY2(e.message.contains(QLatin1String("certificate")) && e.message.contains(QDir::toNativeSeparators(cert)),
             qPrintable(e.message));
    QVERIFY2(!e.message.contains(QLatin1String("SSL error")) && !e.message.contains(QLatin1String("verify failed")),
             qPrintable(e.message));
    QVERIFY2(e.detail.contains(QLatin1String("certificate verify failed")), qPrintable(e.detail));
}

void tst_PostgresTls::nameNotOnTheCertificateIsRefused()
{
    // The certificate names localhost and 127.0.0.1. Dial 127.0.0.1 (hostaddr) but expect the
    // server to be called fund-db.invalid: verify-full must refuse.
    QUrl url(tlsUrl(m_ca, QStringLiteral("fund-db.invalid")));
    QUrlQuery query(url);
    query.addQueryItem(QStringLiteral("hostaddr"), QStringLiteral("127.0.0.1"));
    url.setQuery(query);
    auto db = Database::open(url.toString(QUrl::FullyEncoded));
    QVERIFY(!db);
    const Error &e = db.error();
    QCOMPARE(e.code, Error::Code::Storage);
    QVERIFY2(e.message.contains(QLatin1String("fund-db.invalid")), qPrintable(e.message + u'\n' + e.detail));
    QVERIFY2(e.detail.contains(QLatin1String("does not match host name")), qPrintable(e.detail));

    // The address written on the certificate verifies.
    auto byAddress = Database::open(tlsUrl(m_ca, QStringLiteral("127.0.0.1")));
    QVERIFY2(byAddress, qPrintable(byAddress ? QString() : byAddress.error().detail));
    QVERIFY(isEncrypted(**byAddress));
}

void tst_PostgresTls::missingCaFileIsRefused()
{
    const QString missing = m_dir.filePath(QStringLiteral("no-such-folder/ca.crt"));
    auto db = Database::open(tlsUrl(missing));
    QVERIFY(!db);
    QCOMPARE(db.error().code, Error::Code::NotFound);
    QVERIFY2(db.error().message.contains(QDir::toNativeSeparators(missing)), qPrintable(db.error().message));
    QVERIFY2(db.error().message.contains(QLatin1String("does not exist")), qPrintable(db.error().message));
}

void tst_PostgresTls::unknownSslModeIsRefused()
{
    QString url = m_tlsUrl;
    url.replace(QLatin1String("sslmode=verify-full"), QLatin1String("sslmode=verify-everything"));
    auto db = Database::open(url);
    QVERIFY(!db);
    QCOMPARE(db.error().code, Error::Code::InvalidInput);
    QVERIFY2(db.error().message.contains(QLatin1String("verify-everything")), qPrintable(db.error().message));
}

QTEST_GUILESS_MAIN(tst_PostgresTls)
#include "tst_postgrestls.moc"
