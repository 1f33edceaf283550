#include "models/receipts/receiptdocument.h"
#include "common/qrreader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using fund::models::Money;
using fund::models::ReceiptData;
using fund::models::ReceiptDocument;
using fund::models::ReceiptItem;

Q_DECLARE_METATYPE(ReceiptDocument::PageSize)

namespace {

// Golden files: tests/fixtures/receipts/<case>/input.json (amounts in integer fen) and
// expected.txt (lines that must appear in the `pdftotext -layout` output, compared line by line
// after collapsing whitespace runs to one space).

QString fixturesRoot()
{
    // Relative to QT_TESTCASE_SOURCEDIR (tests/): __FILE__ is relative under CCACHE_BASEDIR.
    return QFINDTESTDATA("fixtures/receipts");
}

std::optional<ReceiptData> loadInput(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !json.isObject()) {
        qWarning() << path << error.errorString();
        return std::nullopt;
    }
    const QJsonObject o = json.object();
    const auto fen = [](const QJsonValue &v) {
        return Money::fromFen(static_cast<qint64>(v.toDouble())); // integers, exact below 2^53
    };

    ReceiptData d;
    d.title = o.value(u"title").toString();
    d.billCode = o.value(u"billCode").toString();
    d.billNumber = o.value(u"billNumber").toString();
    d.checkCode = o.value(u"checkCode").toString();
    d.issuedAt = QDateTime::fromString(o.value(u"issuedAt").toString(), Qt::ISODate);
    d.payerName = o.value(u"payerName").toString();
    d.payerCreditCode = o.value(u"payerCreditCode").toString();
    const QJsonArray items = o.value(u"items").toArray();
    for (const QJsonValue &value : items) {
        const QJsonObject i = value.toObject();
        d.items.append(ReceiptItem{i.value(u"code").toString(), i.value(u"name").toString(),
                                   i.value(u"unit").toString(), i.value(u"quantity").toString(),
                                   i.value(u"standard").toString(), fen(i.value(u"amountFen"))});
    }
    d.total = fen(o.value(u"totalFen"));
    d.payeeName = o.value(u"payeeName").toString();
    d.clerkName = o.value(u"clerkName").toString();
    d.reviewerName = o.value(u"reviewerName").toString();
    d.qrText = o.value(u"qrText").toString().toUtf8();
    d.remarks = o.value(u"remarks").toString();
    d.isCopy = o.value(u"isCopy").toBool();
    d.copyNumber = o.value(u"copyNumber").toInt();
    d.isRedReversal = o.value(u"isRedReversal").toBool();
    d.reversedBill = o.value(u"reversedBill").toString();
    return d;
}

QStringList collapsedLines(const QString &text)
{
    static const QRegularExpression spaces(u"\\s+"_s);
    QStringList lines;
    for (const QString &line : text.split(u'\n')) {
        const QString collapsed = QString(line).replace(spaces, u" "_s).trimmed();
        if (!collapsed.isEmpty())
            lines.append(collapsed);
    }
    return lines;
}

QString pageSizeName(ReceiptDocument::PageSize size)
{
    switch (size) {
    case ReceiptDocument::PageSize::A4: return u"A4"_s;
    case ReceiptDocument::PageSize::A5: return u"A5"_s;
    case ReceiptDocument::PageSize::Receipt: return u"Receipt"_s;
    }
    return {};
}

const QList<ReceiptDocument::PageSize> AllPageSizes = {
    ReceiptDocument::PageSize::A4, ReceiptDocument::PageSize::A5,
    ReceiptDocument::PageSize::Receipt};

// Nothing may be drawn in the outer band of the page (the margins are 8 mm): a drawing that
// runs over the page edge would show there first. Returns the first non-white pixel found.
std::optional<QPoint> inkInBorder(const QImage &page, int bandPixels)
{
    for (int y = 0; y < page.height(); ++y) {
        const bool rowInBand = y < bandPixels || y >= page.height() - bandPixels;
        for (int x = 0; x < page.width(); ++x) {
            if (!rowInBand && x >= bandPixels && x < page.width() - bandPixels)
                continue;
            if (qGray(page.pixel(x, y)) < 250)
                return QPoint(x, y);
        }
    }
    return std::nullopt;
}

} // namespace

class TestReceiptDocument : public QObject
{
    Q_OBJECT

public:
    // QPdfWriter needs fonts, so a QGuiApplication; unit tests run without a display.
    static void initMain() { qputenv("QT_QPA_PLATFORM", "offscreen"); }

private slots:
    void initTestCase();
    void goldenFiles_data();
    void goldenFiles();
    void manyLongItemsStayOnOnePage_data();
    void manyLongItemsStayOnOnePage();
    void writePdfReportsUnwritablePath();
    void writePdfWritesFile();
};

void TestReceiptDocument::initTestCase()
{
    QVERIFY2(!fixturesRoot().isEmpty(), "tests/fixtures/receipts not found");
    qDebug() << "text font" << ReceiptDocument::textFontFamily() << "number font"
             << ReceiptDocument::numberFontFamily();
}

void TestReceiptDocument::goldenFiles_data()
{
    QTest::addColumn<QString>("caseDir");
    QTest::addColumn<ReceiptDocument::PageSize>("pageSize");

    const QDir root(fixturesRoot());
    const QStringList cases = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QVERIFY(cases.size() >= 4);
    for (const QString &name : cases) {
        for (const ReceiptDocument::PageSize size : AllPageSizes) {
            QTest::addRow("%s/%s", qPrintable(name), qPrintable(pageSizeName(size)))
                << root.filePath(name) << size;
        }
    }
}

void TestReceiptDocument::goldenFiles()
{
    QFETCH(QString, caseDir);
    QFETCH(ReceiptDocument::PageSize, pageSize);

    const std::optional<ReceiptData> data = loadInput(caseDir + u"/input.json"_s);
    QVERIFY2(data.has_value(), qPrintable(caseDir + u"/input.json unreadable"_s));

    QElapsedTimer timer;
    timer.start();
    const auto pdf = ReceiptDocument::renderPdf(*data, pageSize);
    const qint64 renderMs = timer.elapsed();
    QVERIFY2(pdf.has_value(), qPrintable(pdf ? QString() : pdf.error().detail));
    qDebug("%s: %lld bytes, rendered in %lld ms", qPrintable(pageSizeName(pageSize)),
           static_cast<long long>(pdf->size()), static_cast<long long>(renderMs));
    QVERIFY(pdf->startsWith("%PDF-"));

    // (d) exactly one page
    QCOMPARE(fund::tests::pdfPageCount(*pdf), 1);

    const QString text = fund::tests::pdfText(*pdf);
    QVERIFY2(!text.isEmpty(), "pdftotext gave nothing (is poppler-utils installed?)");

    // (b) no Kangxi radicals or CJK radicals-supplement code points instead of ideographs
    for (const QChar c : text) {
        if (c.unicode() >= 0x2E80 && c.unicode() <= 0x2FDF) {
            QFAIL(qPrintable(u"radical code point U+%1 in extracted text"_s.arg(
                c.unicode(), 4, 16, QLatin1Char('0'))));
        }
    }

    // (a) every expected line appears in the extracted text
    const QStringList actualLines = collapsedLines(text);
    QFile expectedFile(caseDir + u"/expected.txt"_s);
    QVERIFY(expectedFile.open(QIODevice::ReadOnly));
    const QStringList expectedLines = collapsedLines(QString::fromUtf8(expectedFile.readAll()));
    QVERIFY(!expectedLines.isEmpty());
    for (const QString &expected : expectedLines) {
        const bool found = std::any_of(actualLines.cbegin(), actualLines.cend(),
                                       [&](const QString &line) { return line.contains(expected); });
        if (!found)
            qWarning().noquote() << "extracted text:\n" << actualLines.join(u'\n');
        QVERIFY2(found, qPrintable(u"missing line: "_s + expected));
    }

    // (c) the QR code decodes from a 150-dpi render
    const QImage page = fund::tests::renderPdfPage(*pdf, 0, 150);
    QVERIFY(!page.isNull());
    const std::optional<QString> qr = fund::tests::decodeQr(page);
    QVERIFY2(qr.has_value(), "no QR code found on the 150-dpi render");
    QCOMPARE(*qr, QString::fromUtf8(data->qrText));

    // nothing cut off: the outer 4 mm of the page stay blank
    const std::optional<QPoint> ink = inkInBorder(page, qRound(4.0 / 25.4 * 150));
    QVERIFY2(!ink.has_value(),
             qPrintable(u"ink at the page edge at %1,%2"_s.arg(ink ? ink->x() : 0).arg(
                 ink ? ink->y() : 0)));
}

void TestReceiptDocument::manyLongItemsStayOnOnePage_data()
{
    QTest::addColumn<ReceiptDocument::PageSize>("pageSize");
    for (const ReceiptDocument::PageSize size : AllPageSizes)
        QTest::newRow(qPrintable(pageSizeName(size))) << size;
}

void TestReceiptDocument::manyLongItemsStayOnOnePage()
{
    QFETCH(ReceiptDocument::PageSize, pageSize);

    ReceiptData data;
    data.title = u"北京市住宅专项维修资金缴存票据（电子）"_s;
    data.billCode = u"11010125"_s;
    data.billNumber = u"0026421099"_s;
    data.checkCode = u"a0b1c2"_s;
    data.issuedAt = QDateTime(QDate(2025, 12, 31), QTime(23, 59));
    data.payerName = u"北京市某某区某某街道某某社区居民委员会代收代缴业主住宅专项维修资金专户"_s;
    data.payerCreditCode = u"91110000101623741K"_s;
    Money total;
    for (int i = 0; i < 10; ++i) {
        const Money amount = Money::fromFen(123456789 + i);
        data.items.append({u"03010%1"_s.arg(i),
                           u"住宅专项维修资金（首期）朝阳区安立路一号院%1号楼全部住宅及非住宅"_s.arg(i),
                           u"平方米"_s, u"12,345.67"_s, u"200.00元/平方米"_s, amount});
        total += amount;
    }
    data.total = total;
    data.payeeName = u"北京市住房资金管理中心朝阳管理部"_s;
    data.clerkName = u"欧阳金花"_s;
    data.reviewerName = u"司马长门"_s;
    data.qrText = "https://einvoice.example.cn/v?c=11010125&n=0026421099&r=a0b1c2";
    data.remarks = QString(u"房屋坐落：朝阳区安立路一号院；缴费方式：对公转账；"_s).repeated(6);
    data.isCopy = true;
    data.copyNumber = 12;
    data.isRedReversal = true;
    data.reversedBill = u"11010125-0026421031"_s;

    const auto pdf = ReceiptDocument::renderPdf(data, pageSize);
    QVERIFY(pdf.has_value());
    QCOMPARE(fund::tests::pdfPageCount(*pdf), 1);
    const QImage page = fund::tests::renderPdfPage(*pdf, 0, 150);
    QVERIFY(!inkInBorder(page, qRound(4.0 / 25.4 * 150)).has_value());
    QCOMPARE(fund::tests::decodeQr(page), std::optional<QString>(QString::fromUtf8(data.qrText)));

    const QStringList lines = collapsedLines(fund::tests::pdfText(*pdf));
    const auto contains = [&](const QString &s) {
        return std::any_of(lines.cbegin(), lines.cend(),
                           [&](const QString &l) { return l.contains(s); });
    };
    QVERIFY(contains(u"¥"_s + total.toString()));
    QVERIFY(contains(u"重打（第12次）"_s));
    QVERIFY(contains(u"红冲"_s));
    QVERIFY(contains(u"1,234,567.97"_s)); // the last item's amount
}

void TestReceiptDocument::writePdfReportsUnwritablePath()
{
    const QString dir = QTemporaryDir().path() + u"/no/such/folder"_s; // removed already
    const QString path = dir + u"/receipt.pdf"_s;
    const auto written = ReceiptDocument::writePdf(ReceiptData{}, path,
                                                   ReceiptDocument::PageSize::A5);
    QVERIFY(!written.has_value());
    QCOMPARE(written.error().code, fund::models::Error::Code::Io);
    QVERIFY2(written.error().message.contains(QDir::toNativeSeparators(path)),
             qPrintable(written.error().message));
    QVERIFY(!QFile::exists(path));
}

void TestReceiptDocument::writePdfWritesFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"receipt.pdf"_s);
    const std::optional<ReceiptData> data =
        loadInput(fixturesRoot() + u"/person-cash-topup/input.json"_s);
    QVERIFY(data.has_value());
    const auto written = ReceiptDocument::writePdf(*data, path, ReceiptDocument::PageSize::Receipt);
    QVERIFY2(written.has_value(), qPrintable(written ? QString() : written.error().detail));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith("%PDF-"));
}

QTEST_MAIN(TestReceiptDocument)
#include "tst_receiptdocument.moc"
