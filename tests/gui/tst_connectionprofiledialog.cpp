// The connection profile dialog: the postgresql:// address it builds survives any user name,
// password or CA path; the password never reaches the settings file; a refused connection is
// shown in plain words; a reachable server answers "Test connection" and "Connect".
#include "models/storage/database.h"
#include "ui/connectionprofiledialog.h"
#include "ui/interaction.h"
#include "ui/widgets/messagebar.h"

// app/ is an executable, not a library: the Settings class under test is compiled in here.
#include "app/counter/settings.cpp"

#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QUrl>
#include <QUrlQuery>
#include <QtTest>

using namespace fund;
using ui::ConnectionProfile;
using ui::ConnectionProfileDialog;
using ui::MessageBar;

namespace {

class ScriptedInteraction final : public ui::Interaction
{
public:
    bool confirm(QWidget *, const QString &, const QString &) override { return true; }
    void warn(QWidget *, const QString &, const QString &text) override { warnings.append(text); }
    std::optional<QString> saveFileName(QWidget *, const QString &, const QString &, const QString &) override
    {
        return std::nullopt;
    }
    std::optional<QString> openFileName(QWidget *, const QString &title, const QString &, const QString &) override
    {
        asked.append(title);
        return nextFile;
    }
    bool setUpPrinter(QWidget *, QPrinter *) override { return false; }

    std::optional<QString> nextFile;
    QStringList asked;
    QStringList warnings;
};

// Latin key by key, anything else through the input method's commit, as a clerk types.
void typeText(QWidget *widget, const QString &text)
{
    widget->setFocus();
    QString latin;
    const auto flush = [&] {
        if (!latin.isEmpty())
            QTest::keyClicks(widget, latin);
        latin.clear();
    };
    for (const QChar ch : text) {
        if (ch.unicode() >= 0x20 && ch.unicode() < 0x7f) {
            latin += ch;
            continue;
        }
        flush();
        QInputMethodEvent event;
        event.setCommitString(QString(ch));
        QCoreApplication::sendEvent(widget, &event);
    }
    flush();
}

// Every message logged while a test runs (the file log of the real application sees the same).
QStringList logged;
QtMessageHandler previousHandler = nullptr;
void captureMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    logged.append(message);
    if (previousHandler)
        previousHandler(type, context, message);
}

} // namespace

class TestConnectionProfileDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void defaults();
    void urlSurvivesAnyCharacters_data();
    void urlSurvivesAnyCharacters();
    void passwordNeverReachesTheSettingsFile();
    void idleLockMinutesSetting();
    void browseChoosesTheCaFile();
    void refusedConnectionIsExplained_data();
    void refusedConnectionIsExplained();
    void reachableServerConnects_data();
    void reachableServerConnects();

private:
    template<typename T>
    T *child(const char *name) const
    {
        T *w = m_dialog->findChild<T *>(QString::fromLatin1(name));
        if (!w)
            qFatal("no child %s", name);
        return w;
    }
    void fill(const ConnectionProfile &profile, const QString &password);

    std::unique_ptr<ScriptedInteraction> m_interaction;
    std::unique_ptr<ConnectionProfileDialog> m_dialog;
};

void TestConnectionProfileDialog::init()
{
    m_interaction = std::make_unique<ScriptedInteraction>();
    m_dialog = std::make_unique<ConnectionProfileDialog>(*m_interaction);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

void TestConnectionProfileDialog::cleanup()
{
    m_dialog.reset();
    m_interaction.reset();
}

void TestConnectionProfileDialog::fill(const ConnectionProfile &profile, const QString &password)
{
    for (const char *name : {"hostEdit", "databaseEdit", "userEdit", "passwordEdit", "caFileEdit"})
        child<QLineEdit>(name)->clear();
    typeText(child<QLineEdit>("hostEdit"), profile.host);
    child<QSpinBox>("portSpin")->setValue(profile.port);
    typeText(child<QLineEdit>("databaseEdit"), profile.database);
    typeText(child<QLineEdit>("userEdit"), profile.user);
    typeText(child<QLineEdit>("passwordEdit"), password);
    auto *modes = child<QComboBox>("sslModeCombo");
    modes->setCurrentIndex(modes->findData(profile.sslMode));
    if (child<QLineEdit>("caFileEdit")->isEnabled())
        typeText(child<QLineEdit>("caFileEdit"), profile.caFile);
}

void TestConnectionProfileDialog::defaults()
{
    QCOMPARE(m_dialog->objectName(), QStringLiteral("connectionProfileDialog"));
    QCOMPARE(child<QSpinBox>("portSpin")->value(), 5432);
    auto *modes = child<QComboBox>("sslModeCombo");
    QCOMPARE(modes->currentData().toString(), QStringLiteral("verify-full"));
    QStringList codes;
    for (int i = 0; i < modes->count(); ++i)
        codes << modes->itemData(i).toString();
    codes.sort();
    QCOMPARE(codes, (QStringList{QStringLiteral("disable"), QStringLiteral("require"), QStringLiteral("verify-ca"),
                                 QStringLiteral("verify-full")}));
    QVERIFY(child<QLineEdit>("caFileEdit")->isEnabled());
    QCOMPARE(child<QLineEdit>("passwordEdit")->echoMode(), QLineEdit::Password);
    for (const char *name : {"hostEdit", "databaseEdit", "userEdit"})
        QVERIFY(child<QLineEdit>(name)->isVisible());
    QVERIFY(child<QPushButton>("testButton")->isVisible());
    // Without TLS there is no CA to choose.
    modes->setCurrentIndex(modes->findData(QStringLiteral("disable")));
    QVERIFY(!child<QLineEdit>("caFileEdit")->isEnabled());
    QVERIFY(!child<QPushButton>("browseCaButton")->isEnabled());
    // Nothing to connect to yet: the dialog says what is missing and stays open.
    QTest::mouseClick(child<QPushButton>("connectButton"), Qt::LeftButton);
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(child<MessageBar>("messageBar")->kind(), MessageBar::Kind::Error);
    QVERIFY(!child<MessageBar>("messageBar")->text().isEmpty());
}

void TestConnectionProfileDialog::urlSurvivesAnyCharacters_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("sslMode");
    QTest::addColumn<QString>("caFile");
    QTest::newRow("plain") << "db.fund.example" << 5432 << "fund" << "counter01" << "secret" << "verify-full"
                           << "/etc/fund/ca.crt";
    QTest::newRow("URL syntax in user and password")
        << "10.1.2.3" << 6543 << "fund_city" << "clerk@hall:1%41" << "p@ss:w/rd?#&=+%20;x" << "verify-ca"
        << "/etc/fund/ca.crt";
    QTest::newRow("spaces and Chinese") << "localhost" << 5432 << "维修资金" << "王柜员" << " 口令 with spaces " << "require"
                                        << "/home/王柜员/我的 证书/ca #1&x=y+%41.crt";
    QTest::newRow("Windows-style path") << "db-01.hall.example" << 15432 << "fund" << "fund" << "%%%" << "verify-full"
                                        << "C:/Program Files/Fund Counter/ca.pem";
    QTest::newRow("no TLS, no password") << "127.0.0.1" << 1 << "postgres" << "fund" << "" << "disable" << "";
}

void TestConnectionProfileDialog::urlSurvivesAnyCharacters()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, database);
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(QString, sslMode);
    QFETCH(QString, caFile);

    const ConnectionProfile typed{host, port, database, user, sslMode, caFile};
    fill(typed, password);
    QCOMPARE(m_dialog->profile(), typed);
    QCOMPARE(m_dialog->password(), password);

    // What Database::open reads back from the address (QUrl, StrictMode, fully decoded).
    const QUrl url(m_dialog->url(), QUrl::StrictMode);
    QVERIFY2(url.isValid(), qPrintable(url.errorString()));
    QCOMPARE(url.scheme(), QStringLiteral("postgresql"));
    QCOMPARE(url.host(), host);
    QCOMPARE(url.port(), port);
    QCOMPARE(url.path().mid(1), database);
    QCOMPARE(url.userName(), user);
    QCOMPARE(url.password(), password);
    const QUrlQuery query(url);
    QCOMPARE(query.queryItemValue(QStringLiteral("sslmode"), QUrl::FullyDecoded), sslMode);
    QCOMPARE(query.queryItemValue(QStringLiteral("sslrootcert"), QUrl::FullyDecoded), caFile);
    QCOMPARE(query.queryItems().size(), caFile.isEmpty() ? 1 : 2);
    // The address as plain ASCII: nothing in it is left for a reader to guess.
    const QString text = m_dialog->url();
    for (const QChar ch : text)
        QVERIFY2(ch.unicode() > 0x20 && ch.unicode() < 0x7f, qPrintable(text));

    // The profile alone carries no password.
    const QUrl withoutPassword(m_dialog->profile().url(), QUrl::StrictMode);
    QVERIFY(withoutPassword.password().isEmpty());
    QCOMPARE(withoutPassword.userName(), user);
}

void TestConnectionProfileDialog::passwordNeverReachesTheSettingsFile()
{
    const QString password = QStringLiteral("S3cret-口令-p@ss:%41");
    const ConnectionProfile typed{QStringLiteral("db.fund.example"), 6432, QStringLiteral("fund"), QStringLiteral("counter01"),
                                  QStringLiteral("verify-full"), QStringLiteral("/etc/fund/city ca.crt")};
    fill(typed, password);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("fund-counter.ini"));
    {
        app::Settings settings(path);
        QVERIFY(!settings.connectionProfile());
        settings.setConnectionProfile(m_dialog->profile());
        settings.sync();
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY2(bytes.contains("db.fund.example"), bytes.constData());
    QVERIFY2(bytes.contains("counter01"), bytes.constData());
    for (const QByteArray &form : {password.toUtf8(), QUrl::toPercentEncoding(password), QByteArrayLiteral("S3cret"),
                                   QByteArrayLiteral("p@ss"), QByteArrayLiteral("password")})
        QVERIFY2(!bytes.contains(form), bytes.constData());

    // Read back: the same profile, and the dialog then asks only for the password.
    app::Settings again(path);
    const auto saved = again.connectionProfile();
    QVERIFY(saved);
    QCOMPARE(*saved, typed);
    ConnectionProfileDialog dialog(*m_interaction);
    dialog.setProfile(*saved);
    QCOMPARE(dialog.profile(), typed);
    QVERIFY(dialog.password().isEmpty());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.focusWidget(), dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit")));
}

void TestConnectionProfileDialog::idleLockMinutesSetting()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("fund-counter.ini"));
    {
        app::Settings settings(path);
        QCOMPARE(settings.idleLockMinutes(), 5);
        settings.setIdleLockMinutes(0);
        settings.sync();
    }
    {
        app::Settings settings(path);
        QCOMPARE(settings.idleLockMinutes(), 0); // off, when the administrator says so
    }
    {
        QSettings raw(path, QSettings::IniFormat);
        raw.setValue(QStringLiteral("ui/idleLockMinutes"), QStringLiteral("five"));
    }
    app::Settings typo(path);
    QCOMPARE(typo.idleLockMinutes(), 5); // a typo never switches the lock off
}

void TestConnectionProfileDialog::browseChoosesTheCaFile()
{
    const QString chosen = QStringLiteral("/etc/fund/我的 CA.crt");
    m_interaction->nextFile = chosen;
    QTest::mouseClick(child<QPushButton>("browseCaButton"), Qt::LeftButton);
    QCOMPARE(m_interaction->asked.size(), 1);
    QCOMPARE(child<QLineEdit>("caFileEdit")->text(), QDir::toNativeSeparators(chosen));
    QCOMPARE(m_dialog->profile().caFile, chosen);
    // Cancelled: the field keeps what it had.
    m_interaction->nextFile = std::nullopt;
    QTest::mouseClick(child<QPushButton>("browseCaButton"), Qt::LeftButton);
    QCOMPARE(m_dialog->profile().caFile, chosen);
}

void TestConnectionProfileDialog::refusedConnectionIsExplained_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("sslMode");
    QTest::addColumn<QString>("caFile");
    QTest::addColumn<QString>("mentions"); // what the clerk's message must name
    QTest::newRow("nothing listens on the port") << "127.0.0.1" << 1 << "disable" << "" << "127.0.0.1:1";
    QTest::newRow("CA file missing") << "127.0.0.1" << 1 << "verify-full" << "/nonexistent/fund ca.crt"
                                     << "/nonexistent/fund ca.crt";
    QTest::newRow("no CA file chosen") << "127.0.0.1" << 1 << "verify-ca" << "" << "verify-ca";
}

void TestConnectionProfileDialog::refusedConnectionIsExplained()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, sslMode);
    QFETCH(QString, caFile);
    QFETCH(QString, mentions);

    const QStringList connectionsBefore = QSqlDatabase::connectionNames();
    fill(ConnectionProfile{host, port, QStringLiteral("fund"), QStringLiteral("fund"), sslMode, caFile},
         QStringLiteral("never-logged-%41"));
    logged.clear();
    previousHandler = qInstallMessageHandler(captureMessages);
    QTest::mouseClick(child<QPushButton>("testButton"), Qt::LeftButton);
    qInstallMessageHandler(previousHandler);
    for (const QString &message : std::as_const(logged)) {
        QVERIFY2(!message.contains(QLatin1String("never-logged")), qPrintable(message));
        QVERIFY2(!message.contains(QLatin1String("never%2Dlogged")), qPrintable(message));
    }

    auto *bar = child<MessageBar>("messageBar");
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->kind(), MessageBar::Kind::Error);
    const QString text = bar->text();
    QVERIFY2(text.contains(mentions), qPrintable(text));
    // Plain words, no libpq or driver dump, no password.
    for (const char *raw : {"could not connect", "Connection refused", "QPSQL", "libpq", "connection to server", "never-logged"})
        QVERIFY2(!text.contains(QLatin1String(raw)), qPrintable(text));
    QCOMPARE(QSqlDatabase::connectionNames(), connectionsBefore); // the test connection is gone

    // "Connect" fails the same way and leaves the dialog open for a correction.
    QTest::mouseClick(child<QPushButton>("connectButton"), Qt::LeftButton);
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(m_dialog->result(), int(QDialog::Rejected));
    QCOMPARE(bar->kind(), MessageBar::Kind::Error);
    QVERIFY(!m_dialog->takeDatabase());
    QCOMPARE(QSqlDatabase::connectionNames(), connectionsBefore);
}

void TestConnectionProfileDialog::reachableServerConnects_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("sslMode");
    QTest::addColumn<QString>("caFile");
    QTest::newRow("loopback, no TLS") << "127.0.0.1" << "disable" << "";
    // scripts/lib/pgtemp.sh gives the test server a certificate for localhost from a throwaway CA.
    QTest::newRow("verify-full") << "localhost" << "verify-full" << qEnvironmentVariable("FUND_TEST_PG_CA");
}

void TestConnectionProfileDialog::reachableServerConnects()
{
    QFETCH(QString, host);
    QFETCH(QString, sslMode);
    QFETCH(QString, caFile);

    const QString serverUrl = qEnvironmentVariable("FUND_TEST_PG_URL");
    if (serverUrl.isEmpty()) {
        if (qEnvironmentVariable("FUND_TEST_ENGINE") == QLatin1String("postgresql"))
            QFAIL("FUND_TEST_ENGINE=postgresql but FUND_TEST_PG_URL is not set: run the suite through scripts/test, "
                  "which starts a PostgreSQL server");
        QSKIP("No PostgreSQL test server: FUND_TEST_PG_URL is not set (scripts/test starts one and sets it)");
    }
    if (sslMode != QLatin1String("disable") && caFile.isEmpty())
        QFAIL("FUND_TEST_PG_URL is set but FUND_TEST_PG_CA is not: scripts/lib/pgtemp.sh exports both");
    bool portOk = false;
    int port = qEnvironmentVariable("FUND_TEST_PG_PORT").toInt(&portOk);
    if (!portOk)
        port = QUrl(serverUrl).port(5432);

    const QStringList connectionsBefore = QSqlDatabase::connectionNames();
    // The test server trusts loopback connections: the password is typed but not needed.
    fill(ConnectionProfile{host, port, QStringLiteral("postgres"), QStringLiteral("fund"), sslMode, caFile},
         QStringLiteral("unused"));
    QTest::mouseClick(child<QPushButton>("testButton"), Qt::LeftButton);
    auto *bar = child<MessageBar>("messageBar");
    QVERIFY(bar->isVisible());
    QVERIFY2(bar->kind() == MessageBar::Kind::Success, qPrintable(bar->text()));
    QVERIFY2(bar->text().contains(QStringLiteral("%1:%2").arg(host).arg(port)), qPrintable(bar->text()));
    QCOMPARE(QSqlDatabase::connectionNames(), connectionsBefore);

    QTest::mouseClick(child<QPushButton>("connectButton"), Qt::LeftButton);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    QVERIFY(m_dialog->password().isEmpty()); // forgotten once used
    std::unique_ptr<models::Database> db = m_dialog->takeDatabase();
    QVERIFY(db);
    QCOMPARE(db->engine(), models::Database::Engine::Postgres);
    auto one = db->scalar(QStringLiteral("SELECT 1"));
    QVERIFY2(one, qPrintable(one ? QString() : one.error().message));
    QCOMPARE(one->toInt(), 1);
}

QTEST_MAIN(TestConnectionProfileDialog)
#include "tst_connectionprofiledialog.moc"
