// The 日结单 PDF: one page, the figures and the Chinese labels read back exactly with pdftotext
// (no Kangxi/CJK radical code points), for an interim X report, a close with a variance awaiting
// approval and an approved one. Set FUND_SHOTS_DIR to keep the PDFs for a look.
#include "models/receipts/dailyclosereport.h"
#include "models/receipts/receiptdocument.h"
#include "common/qrreader.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fund::models;

Q_DECLARE_METATYPE(TillReport)

namespace {

TillReport sample(TillState state)
{
    TillReport r;
    r.tillId = 42;
    r.counterId = u"T07"_s;
    r.businessDate = QDate(2026, 12, 3);
    r.state = state;
    r.openedByName = u"王小梅"_s;
    r.openedAt = QDateTime(QDate(2026, 12, 3), QTime(8, 55), Qt::UTC);
    r.openingFloat = Money::fromFen(200'000);
    r.periodEnd = QDateTime(QDate(2026, 12, 3), QTime(17, 5), Qt::UTC);
    const auto line = [](const char *code, const char *channel, int count, qint64 fen) {
        return TillTakings{QString::fromLatin1(code), QString::fromLatin1(channel), count, Money::fromFen(fen)};
    };
    r.methods = {line("cash", "cash", 3, 1'234'567), line("card", "card", 2, 8'800'001), line("wechat_native", "wechat", 1, 123'456),
                 line("wechat_code", "wechat", 2, 20'002), line("alipay_qr", "alipay", 1, 99)};
    r.channels = {line("cash", "cash", 3, 1'234'567), line("card", "card", 2, 8'800'001), line("wechat", "wechat", 3, 143'458),
                  line("alipay", "alipay", 1, 99)};
    r.paymentCount = 9;
    r.totalCollected = Money::fromFen(1'234'567 + 8'800'001 + 143'458 + 99);
    r.cashIn = Money::fromFen(1'234'567);
    r.expectedCash = Money::fromFen(200'000 + 1'234'567);
    r.receiptsIssued = 8;
    r.receiptsReversed = 0;
    if (state != TillState::Open) {
        r.counted = true;
        // 14,345.62 counted: 143 × 100, 4 × 10, 5 × 1 yuan, 1 × 5 jiao, 1 × 1 jiao, 1 × 2 fen
        r.denominations = {{10000, 143}, {1000, 4}, {100, 5}, {50, 1}, {10, 1}, {2, 1}};
        r.countedCash = Money::fromFen(1'434'562);
        r.variance = r.countedCash - r.expectedCash; // −0.05
        r.varianceNote = u"顾客交来的5分硬币误作1角找零，短款5分。"_s;
        r.closedByName = u"王小梅"_s;
        r.closedById = 3;
    }
    if (state == TillState::Closed) {
        r.approvedByName = u"李主管"_s;
        r.approvedAt = QDateTime(QDate(2026, 12, 3), QTime(17, 20), Qt::UTC);
    }
    return r;
}

QString collapse(const QString &text)
{
    static const QRegularExpression spaces(u"[ \\t]+"_s);
    return QString(text).replace(spaces, u" "_s);
}

} // namespace

class tst_DailyCloseReport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(ReceiptDocument::textFontFamily() == u"WenQuanYi Micro Hei"_s, qPrintable(ReceiptDocument::textFontFamily()));
    }

    void labels()
    {
        QCOMPARE(DailyCloseReport::denominationLabel(10000), u"100元"_s);
        QCOMPARE(DailyCloseReport::denominationLabel(100), u"1元"_s);
        QCOMPARE(DailyCloseReport::denominationLabel(50), u"5角"_s);
        QCOMPARE(DailyCloseReport::denominationLabel(10), u"1角"_s);
        QCOMPARE(DailyCloseReport::denominationLabel(5), u"5分"_s);
        QCOMPARE(DailyCloseReport::channelLabel(u"wechat"_s), u"微信支付"_s);
    }

    void pdf_data()
    {
        QTest::addColumn<TillReport>("report");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QStringList>("absent");
        const QStringList common = {u"北京市住宅专项维修资金柜台日结单"_s, u"柜台号 T07"_s, u"营业日期 2026-12-03"_s,
                                    u"款箱编号 42"_s, u"开箱人 王小梅"_s, u"备用金 2,000.00"_s,
                                    u"现金 现金 3 12,345.67"_s, u"银行卡（POS） POS刷卡 2 88,000.01"_s,
                                    u"微信支付 小计 3 1,434.58"_s, u"微信扫码（Native） 1 1,234.56"_s, u"微信付款码 2 200.02"_s,
                                    u"支付宝 小计 1 0.99"_s, u"支付宝扫码 1 0.99"_s, u"合计 9 101,781.25"_s,
                                    u"现金收入 12,345.67"_s, u"现金支出 0.00"_s, u"应有现金 14,345.67"_s,
                                    u"开具票据（张） 8"_s, u"红冲票据（张） 0"_s};
        QTest::newRow("x report") << sample(TillState::Open)
                                  << (common + QStringList{u"X报表 未日结"_s, u"未日结：本单为营业中的X报表，仅供核对。"_s})
                                  << QStringList{u"实点现金 14,345.62"_s, u"已日结"_s};
        const QStringList counted = {u"实点现金 14,345.62"_s, u"差额（实点−应有） -0.05"_s, u"顾客交来的5分硬币误作1角找零"_s,
                                     u"100元 143 14,300.00"_s, u"10元 4 40.00"_s, u"1元 5 5.00"_s, u"5角 1 0.50"_s,
                                     u"1角 1 0.10"_s, u"2分 1 0.02"_s, u"实点合计 14,345.62"_s, u"日结人： 王小梅"_s};
        QTest::newRow("variance awaiting approval") << sample(TillState::Closing)
                                                    << (common + counted + QStringList{u"待审批"_s, u"现金差额待主管审批。"_s})
                                                    << QStringList{u"李主管"_s};
        QTest::newRow("approved") << sample(TillState::Closed)
                                  << (common + counted + QStringList{u"已日结"_s, u"差额审批人： 李主管"_s, u"现金差额已由主管审批。"_s})
                                  << QStringList{u"待审批"_s};
    }

    void pdf()
    {
        QFETCH(TillReport, report);
        QFETCH(QStringList, expected);
        QFETCH(QStringList, absent);
        const auto pdf = DailyCloseReport::renderPdf(report);
        QVERIFY2(pdf, pdf ? "" : qPrintable(pdf.error().detail));
        QCOMPARE(fund::tests::pdfPageCount(*pdf), 1);
        const QString text = fund::tests::pdfText(*pdf);
        QVERIFY(!text.isEmpty());
        for (const QChar c : text)
            QVERIFY2(c.unicode() < 0x2E80 || c.unicode() > 0x2FDF,
                     qPrintable(u"radical code point U+%1 in the extracted text"_s.arg(int(c.unicode()), 4, 16, QChar(u'0'))));
        const QString flat = collapse(text);
        for (const QString &line : expected)
            QVERIFY2(flat.contains(line), qPrintable(u"missing \"%1\" in:\n%2"_s.arg(line, flat)));
        for (const QString &line : absent)
            QVERIFY2(!flat.contains(line), qPrintable(u"unexpected \"%1\""_s.arg(line)));

        const QString shots = qEnvironmentVariable("FUND_SHOTS_DIR");
        if (!shots.isEmpty()) {
            QDir().mkpath(shots);
            const QString name = QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-');
            QVERIFY(DailyCloseReport::writePdf(report, shots + u"/"_s + name + u".pdf"_s));
        }
    }
};

QTEST_MAIN(tst_DailyCloseReport)
#include "tst_dailyclosereport.moc"
