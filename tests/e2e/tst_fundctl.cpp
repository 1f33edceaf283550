#include "models/storage/database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using fund::models::Database;

// Runs the fundctl binary named by $FUNDCTL (set by CTest) against a temporary SQLite file.
class TestFundctl : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void initDatabase();
    void demoCity();
    void lookupSearch();
    void lookupSearchJson();
    void lookupAddress();
    void lookupSerial();
    void statement();
    void receiptPdf();
    void receiptVerify();
    void statementNamesReceipts();
    void adminCommands();
    void newDatabaseTakesTheDocumentedImports();
    void check();
    void missingDatabase();
    void usageErrors();
    void refusesSecondCity();
    void checkFindsBrokenCache();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run fundctl(const QStringList &arguments, const QString &db = {}) const;
    QVariant scalar(const QString &sql) const;

    QString m_program;
    QTemporaryDir m_dir;
    QString m_db;
    qint64 m_houseId = 0;
    QString m_address;
};

TestFundctl::Run TestFundctl::fundctl(const QStringList &arguments, const QString &db) const
{
    QProcess p;
    p.setProgram(m_program);
    p.setArguments(QStringList{u"--db"_s, db.isEmpty() ? m_db : db} + arguments);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LANG"_s, u"C.UTF-8"_s);
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    p.setProcessEnvironment(env);
    p.start();
    Run run;
    if (!p.waitForFinished(300'000) || p.exitStatus() != QProcess::NormalExit) {
        p.kill();
        p.waitForFinished();
        run.err = u"fundctl did not finish: "_s + p.errorString();
        return run;
    }
    run.exitCode = p.exitCode();
    run.out = QString::fromUtf8(p.readAllStandardOutput());
    run.err = QString::fromUtf8(p.readAllStandardError());
    return run;
}

QVariant TestFundctl::scalar(const QString &sql) const
{
    auto db = Database::open(m_db, false);
    if (!db)
        return {};
    auto v = (*db)->scalar(sql);
    return v ? *v : QVariant();
}

void TestFundctl::initTestCase()
{
    m_program = qEnvironmentVariable("FUNDCTL");
    if (m_program.isEmpty())
        m_program = QDir(QCoreApplication::applicationDirPath()).filePath(u"../app/fundctl"_s);
    QVERIFY2(QFileInfo(m_program).isExecutable(), qPrintable(u"fundctl not found at "_s + m_program + u" (set FUNDCTL)"_s));
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(u"city.sqlite"_s);
}

void TestFundctl::initDatabase()
{
    const Run r = fundctl({u"init"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(u"schema version %1"_s.arg(Database::SchemaVersion)), qPrintable(r.out));
    QVERIFY(QFile::exists(m_db));
}

void TestFundctl::demoCity()
{
    const Run r = fundctl({u"--json"_s, u"demo-city"_s, u"--houses"_s, u"500"_s, u"--seed"_s, u"7"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject summary = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(summary.value(u"houses"_s).toInteger(), 500);
    QCOMPARE(summary.value(u"districts"_s).toInteger(), 16);
    QCOMPARE(summary.value(u"receipts"_s).toInteger(), 5);
    QVERIFY(summary.value(u"pendingDeposits"_s).toInteger() > 0);
    QVERIFY2(r.err.contains(u"500 of 500 houses"_s), qPrintable(r.err)); // progress on stderr
    QCOMPARE(scalar(u"SELECT count(*) FROM houses"_s).toInt(), 500);
}

void TestFundctl::lookupSearch()
{
    const Run r = fundctl({u"lookup"_s, u"--search"_s, u"号楼1单元"_s, u"--limit"_s, u"10"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(u"北京市"_s));
    QCOMPARE(r.out.count(u"号楼1单元"_s), 10);

    const Run none = fundctl({u"lookup"_s, u"--search"_s, u"不存在的地址"_s});
    QCOMPARE(none.exitCode, 3);
    QVERIFY2(none.err.contains(u"No house matches"_s), qPrintable(none.err));
}

void TestFundctl::lookupSearchJson()
{
    const Run r = fundctl({u"--json"_s, u"lookup"_s, u"--search"_s, u"单元"_s, u"--limit"_s, u"5"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QVERIFY(doc.isArray());
    const QJsonArray houses = doc.array();
    QCOMPARE(houses.size(), 5);
    const QJsonObject first = houses.first().toObject();
    m_houseId = first.value(u"id"_s).toInteger();
    m_address = first.value(u"address"_s).toString();
    QVERIFY(m_houseId > 0);
    QVERIFY(m_address.startsWith(u"北京市"_s));
    QVERIFY(first.value(u"areaCenti"_s).toInteger() >= 4000);
    QVERIFY(first.contains(u"balanceFen"_s));
}

void TestFundctl::lookupAddress()
{
    QVERIFY(!m_address.isEmpty());
    // Without 北京市 and with a space: the address key ignores both.
    const QString typed = m_address.mid(3).insert(3, u' ');
    const Run r = fundctl({u"--json"_s, u"lookup"_s, u"--address"_s, typed});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonArray houses = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(houses.size(), 1);
    QCOMPARE(houses.first().toObject().value(u"id"_s).toInteger(), m_houseId);
}

void TestFundctl::lookupSerial()
{
    const QString serial = scalar(u"SELECT serial_no FROM deposit_requests WHERE status = 'pending' ORDER BY id LIMIT 1"_s).toString();
    QVERIFY(serial.startsWith(u"WX"_s));
    const QString owner = scalar(u"SELECT p.name FROM deposit_requests d JOIN house_owners o ON o.house_id = d.house_id "
                                 "JOIN persons p ON p.id = o.person_id WHERE d.serial_no = '"_s + serial + u"' ORDER BY o.id LIMIT 1"_s)
                              .toString();
    QVERIFY(!owner.isEmpty());

    const Run r = fundctl({u"--json"_s, u"lookup"_s, u"--serial"_s, serial, u"--owner"_s, owner});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonArray found = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().toObject().value(u"serialNo"_s).toString(), serial);
    QCOMPARE(found.first().toObject().value(u"status"_s).toString(), u"pending"_s);

    const Run text = fundctl({u"lookup"_s, u"--serial"_s, serial});
    QVERIFY2(text.exitCode == 0, qPrintable(text.err));
    QVERIFY(text.out.contains(serial));

    const Run wrongOwner = fundctl({u"lookup"_s, u"--serial"_s, serial, u"--owner"_s, owner + u"某"_s});
    QVERIFY(wrongOwner.exitCode != 0);
    QVERIFY(!wrongOwner.err.isEmpty());
    QVERIFY(wrongOwner.out.isEmpty());

    const Run unknown = fundctl({u"lookup"_s, u"--serial"_s, u"WX209900000000"_s});
    QCOMPARE(unknown.exitCode, 3);
    QVERIFY(unknown.err.contains(u"WX209900000000"_s));
}

void TestFundctl::statement()
{
    QVERIFY(m_houseId > 0);
    const Run r = fundctl({u"statement"_s, QString::number(m_houseId)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(m_address));
    QVERIFY(r.out.contains(u"First deposit"_s));
    QVERIFY(r.out.contains(u"Total"_s));

    const Run j = fundctl({u"--json"_s, u"statement"_s, QString::number(m_houseId)});
    QVERIFY2(j.exitCode == 0, qPrintable(j.err));
    const QJsonObject s = QJsonDocument::fromJson(j.out.toUtf8()).object();
    const QJsonArray entries = s.value(u"entries"_s).toArray();
    QVERIFY(!entries.isEmpty());
    QCOMPARE(entries.first().toObject().value(u"kind"_s).toString(), u"first_deposit"_s);
    QCOMPARE(entries.last().toObject().value(u"balanceFen"_s).toInteger(), s.value(u"balanceFen"_s).toInteger());
    qint64 principal = 0;
    for (const QJsonValue &e : entries)
        principal += e.toObject().value(u"principalFen"_s).toInteger();
    QCOMPARE(principal, s.value(u"principalFen"_s).toInteger());

    // The 30 % warning for an account below the threshold.
    const qint64 low = scalar(u"SELECT house_id FROM fund_accounts WHERE (principal_fen + interest_fen) * 100 < first_deposit_fen * 30 "
                              "ORDER BY id LIMIT 1"_s)
                           .toLongLong();
    if (low > 0) {
        const Run w = fundctl({u"statement"_s, QString::number(low)});
        QCOMPARE(w.exitCode, 0);
        QVERIFY2(w.out.contains(u"below 30 %"_s), qPrintable(w.out));
    }

    QCOMPARE(fundctl({u"statement"_s, u"99999999"_s}).exitCode, 3);
    QCOMPARE(fundctl({u"statement"_s, u"abc"_s}).exitCode, 2);
    QCOMPARE(fundctl({u"statement"_s}).exitCode, 2);
}

void TestFundctl::statementNamesReceipts()
{
    // An operator finds a receipt's id in the statement, then prints it with receipt-pdf.
    const QVariant house = scalar(u"SELECT r.house_id FROM receipts c JOIN payments p ON p.id = c.payment_id "
                                  "JOIN deposit_requests r ON r.id = p.deposit_id WHERE c.state = 'issued' ORDER BY c.id LIMIT 1"_s);
    QVERIFY(house.isValid());
    const Run r = fundctl({u"statement"_s, house.toString(), u"--json"_s});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray entries = QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"entries"_s).toArray();
    bool found = false;
    for (const QJsonValue &e : entries)
        found = found || e.toObject().value(u"receiptId"_s).toInteger() > 0;
    QVERIFY2(found, qPrintable(r.out.left(2000)));
    const Run text = fundctl({u"statement"_s, house.toString()});
    QVERIFY(text.out.contains(u"11010126"_s));
}

void TestFundctl::adminCommands()
{
    Run verify = fundctl({u"audit"_s, u"verify"_s});
    QCOMPARE(verify.exitCode, 0);
    QVERIFY2(verify.out.contains(u"intact"_s), qPrintable(verify.out));
    // it prints the log's end as an anchor, which a later check accepts
    const QRegularExpressionMatch anchor = QRegularExpression(u"--anchor (\\d+:[0-9a-f]{64})"_s).match(verify.out);
    QVERIFY2(anchor.hasMatch(), qPrintable(verify.out));
    QCOMPARE(fundctl({u"audit"_s, u"verify"_s, u"--anchor"_s, anchor.captured(1)}).exitCode, 0);
    QCOMPARE(fundctl({u"audit"_s, u"verify"_s, u"--anchor"_s, u"12:nothex"_s}).exitCode, 2);
    const Run list = fundctl({u"staff"_s, u"list"_s, u"--json"_s});
    QCOMPARE(list.exitCode, 0);
    QVERIFY(list.out.contains(u"\"clerk\""_s));
    const Run badRole = fundctl({u"staff"_s, u"add"_s, u"zhou"_s, u"--name"_s, u"周"_s, u"--role"_s, u"boss"_s});
    QCOMPARE(badRole.exitCode, 2);
    const Run badRate = fundctl({u"interest"_s, u"--year"_s, u"2024"_s, u"--rate"_s, u"abc"_s});
    QCOMPARE(badRate.exitCode, 2);
    const Run missing = fundctl({u"import"_s, u"houses"_s, m_dir.filePath(u"nothing.csv"_s)});
    QCOMPARE(missing.exitCode, 3);
}

void TestFundctl::newDatabaseTakesTheDocumentedImports()
{
    // The operator's path on a real database: init, then the two examples of
    // docs/import-formats.md, exactly as printed there.
    QFile doc(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../docs/import-formats.md"));
    QVERIFY(doc.open(QIODevice::ReadOnly));
    const QStringList blocks = QString::fromUtf8(doc.readAll()).split(u"```"_s);
    QVERIFY(blocks.size() >= 5); // text, houses example, text, owners example, …
    const QString db = m_dir.filePath(u"fresh.sqlite"_s);
    const Run init = fundctl({u"init"_s}, db);
    QVERIFY2(init.exitCode == 0, qPrintable(init.err));
    QVERIFY2(init.out.contains(u"16 districts, 349 streets"_s), qPrintable(init.out));
    QCOMPARE(fundctl({u"init"_s}, db).exitCode, 0); // again: nothing doubled
    const auto write = [this](const QString &name, const QString &text) {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            return QString();
        f.write(text.trimmed().toUtf8() + '\n');
        return f.fileName();
    };
    const Run houses = fundctl({u"import"_s, u"houses"_s, write(u"doc-houses.csv"_s, blocks.at(1))}, db);
    QVERIFY2(houses.exitCode == 0, qPrintable(houses.out + houses.err));
    const Run owners = fundctl({u"import"_s, u"owners"_s, write(u"doc-owners.csv"_s, blocks.at(3))}, db);
    QVERIFY2(owners.exitCode == 0, qPrintable(owners.out + owners.err));
    auto opened = Database::open(db, false);
    QVERIFY(opened);
    QCOMPARE((*opened)->scalar(u"SELECT count(*) FROM districts"_s)->toInt(), 16);
    QCOMPARE((*opened)->scalar(u"SELECT count(*) FROM houses"_s)->toInt(), 2);
    QCOMPARE((*opened)->scalar(u"SELECT count(*) FROM house_owners"_s)->toInt(), 2);

    // No administrator account yet: interest (money) is refused, nothing is recorded.
    const Run interest = fundctl({u"interest"_s, u"--year"_s, u"2025"_s, u"--rate"_s, u"1.5%"_s}, db);
    QCOMPARE(interest.exitCode, 1);
    QVERIFY2(interest.err.contains(u"staff add admin"_s), qPrintable(interest.err));
    QCOMPARE((*opened)->scalar(u"SELECT count(*) FROM interest_runs"_s)->toInt(), 0);
}

void TestFundctl::receiptPdf()
{
    const qint64 receipt = scalar(u"SELECT id FROM receipts WHERE state = 'issued' ORDER BY id LIMIT 1"_s).toLongLong();
    QVERIFY(receipt > 0);
    const QString file = m_dir.filePath(u"receipt.pdf"_s);
    const Run r = fundctl({u"receipt-pdf"_s, QString::number(receipt), u"-o"_s, file});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile pdf(file);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(4) == "%PDF");
    QVERIFY(pdf.size() > 1000);

    QCOMPARE(fundctl({u"receipt-pdf"_s, u"999999"_s, u"-o"_s, m_dir.filePath(u"none.pdf"_s)}).exitCode, 3);
    QVERIFY(!QFile::exists(m_dir.filePath(u"none.pdf"_s)));
    QCOMPARE(fundctl({u"receipt-pdf"_s, QString::number(receipt)}).exitCode, 2); // no -o
}

void TestFundctl::receiptVerify()
{
    // receiptPdf() wrote a demo receipt, issued and signed by the demo issuer.
    const QString file = m_dir.filePath(u"receipt.pdf"_s);
    Run r = fundctl({u"receipt"_s, u"verify"_s, file});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(u"Authentic and unaltered"_s), qPrintable(r.out));
    const QString number = scalar(u"SELECT bill_no FROM receipts WHERE state = 'issued' ORDER BY id LIMIT 1"_s).toString();
    QVERIFY2(r.out.contains(number), qPrintable(r.out));
    r = fundctl({u"--json"_s, u"receipt"_s, u"verify"_s, file});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"authentic"_s).toBool(), true);

    // the same keys from a private settings file
    const QString keys = QStringLiteral(FUND_TEST_KEYS_DIR);
    const QString settings = m_dir.filePath(u"issuer.json"_s);
    {
        QFile f(settings);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(QJsonObject{{u"payee"_s, u"演示"_s},
                                          {u"check_key"_s, u"fund-counter demo city check-code key"_s},
                                          {u"signing_key_file"_s, QString(keys + u"/TEST_ONLY_receipt_issuer_private.pem"_s)},
                                          {u"verify_key_file"_s, QString(keys + u"/TEST_ONLY_receipt_issuer_public.pem"_s)},
                                          {u"page_size"_s, u"receipt"_s}})
                    .toJson());
    }
    QFile::setPermissions(settings, QFile::ReadOwner | QFile::WriteOwner);
    r = fundctl({u"receipt"_s, u"verify"_s, file, u"--issuer"_s, settings});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile::setPermissions(settings, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
    r = fundctl({u"receipt"_s, u"verify"_s, file, u"--issuer"_s, settings});
    QCOMPARE_NE(r.exitCode, 0);
    QVERIFY2(r.err.contains(u"chmod 600"_s), qPrintable(r.err));
    // a settings file that does not exist (exit 3) or is not JSON (exit 2, said so)
    r = fundctl({u"receipt"_s, u"verify"_s, file, u"--issuer"_s, m_dir.filePath(u"no-such-issuer.json"_s)});
    QCOMPARE(r.exitCode, 3);
    const QString broken = m_dir.filePath(u"broken-issuer.json"_s);
    {
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"payee\": \"演示\", ");
    }
    QFile::setPermissions(broken, QFile::ReadOwner | QFile::WriteOwner);
    r = fundctl({u"receipt"_s, u"verify"_s, file, u"--issuer"_s, broken});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"not valid JSON"_s), qPrintable(r.err));

    // altered: the signed data says one yuan more
    QFile original(file);
    QVERIFY(original.open(QIODevice::ReadOnly));
    QByteArray bytes = original.readAll();
    const qsizetype at = bytes.indexOf(" fr:data=\"");
    QVERIFY(at > 0);
    const qsizetype start = at + 10;
    const qsizetype end = bytes.indexOf('"', start);
    QByteArray data = QByteArray::fromBase64(bytes.mid(start, end - start));
    const qsizetype amountAt = data.indexOf("\"amountFen\":\"") + 13;
    data[amountAt] = data[amountAt] == '9' ? '1' : char(data[amountAt] + 1);
    bytes.replace(start, end - start, data.toBase64());
    const QString altered = m_dir.filePath(u"altered.pdf"_s);
    {
        QFile f(altered);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    r = fundctl({u"receipt"_s, u"verify"_s, altered});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(u"altered"_s), qPrintable(r.err));

    // not a PDF; a PDF that is not a receipt; no such file
    const QString text = m_dir.filePath(u"notes.txt"_s);
    {
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("hello");
    }
    r = fundctl({u"receipt"_s, u"verify"_s, text});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"not a PDF"_s), qPrintable(r.err));
    const QString plain = m_dir.filePath(u"plain.pdf"_s);
    {
        QFile f(plain);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
    }
    r = fundctl({u"receipt"_s, u"verify"_s, plain});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"not an e-receipt"_s), qPrintable(r.err));
    QCOMPARE(fundctl({u"receipt"_s, u"verify"_s, m_dir.filePath(u"missing.pdf"_s)}).exitCode, 3);
    QCOMPARE(fundctl({u"receipt"_s, u"check"_s, file}).exitCode, 2);
}

void TestFundctl::check()
{
    const Run r = fundctl({u"check"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY(r.out.contains(u"OK"_s));
    QVERIFY(!r.out.contains(u"FAIL"_s));

    const Run j = fundctl({u"--json"_s, u"check"_s});
    QCOMPARE(j.exitCode, 0);
    const QJsonArray checks = QJsonDocument::fromJson(j.out.toUtf8()).array();
    QVERIFY(checks.size() >= 8);
    for (const QJsonValue &c : checks)
        QVERIFY2(c.toObject().value(u"ok"_s).toBool(), qPrintable(c.toObject().value(u"check"_s).toString()));
}

void TestFundctl::missingDatabase()
{
    const QString missing = m_dir.filePath(u"nowhere/none.sqlite"_s);
    const Run r = fundctl({u"lookup"_s, u"--search"_s, u"朝阳"_s}, missing);
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains(u"does not exist"_s), qPrintable(r.err));
    QVERIFY(!QFile::exists(missing));
    QVERIFY(fundctl({u"check"_s}, missing).exitCode != 0);
}

void TestFundctl::usageErrors()
{
    // help for a command that does not exist is an error, not the general help
    const Run unknownHelp = fundctl({u"till"_s, u"--help"_s});
    QCOMPARE(unknownHelp.exitCode, 2);
    QVERIFY2(unknownHelp.err.contains(u"Unknown command"_s), qPrintable(unknownHelp.err));
    QCOMPARE(fundctl({u"lookup"_s, u"--help"_s}).exitCode, 0);

    QProcess p;
    p.start(m_program, {u"check"_s}); // no --db
    QVERIFY(p.waitForFinished());
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(u"--db"_s));

    QCOMPARE(fundctl({u"frobnicate"_s}).exitCode, 2);
    QCOMPARE(fundctl({u"lookup"_s}).exitCode, 2);
    QCOMPARE(fundctl({u"lookup"_s, u"--search"_s, u"a"_s, u"--serial"_s, u"b"_s}).exitCode, 2);
    QCOMPARE(fundctl({u"check"_s, u"--houses"_s, u"5"_s}).exitCode, 2);
    QCOMPARE(fundctl({u"demo-city"_s, u"--houses"_s, u"many"_s}).exitCode, 2);

    QProcess help;
    help.start(m_program, {u"--help"_s});
    QVERIFY(help.waitForFinished());
    QCOMPARE(help.exitCode(), 0);
    const QString text = QString::fromUtf8(help.readAllStandardOutput());
    QVERIFY(text.contains(u"Exit status"_s));
    QVERIFY(text.contains(u"receipt-pdf"_s));
}

void TestFundctl::refusesSecondCity()
{
    const Run r = fundctl({u"demo-city"_s, u"--houses"_s, u"10"_s});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(u"already"_s), qPrintable(r.err));
    QCOMPARE(scalar(u"SELECT count(*) FROM houses"_s).toInt(), 500);
}

void TestFundctl::checkFindsBrokenCache()
{
    {
        auto db = Database::open(m_db, false);
        QVERIFY(db);
        QVERIFY((*db)->exec(u"UPDATE fund_accounts SET principal_fen = principal_fen + 1 WHERE id = 3"_s));
    }
    const Run r = fundctl({u"check"_s});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(u"FAIL"_s), qPrintable(r.out));
}

QTEST_GUILESS_MAIN(TestFundctl)
#include "tst_fundctl.moc"
