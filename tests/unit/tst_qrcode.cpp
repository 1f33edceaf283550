#include "models/receipts/qrcode.h"
#include "common/qrreader.h"

#include <QImage>
#include <QPainter>
#include <QTest>

using namespace Qt::StringLiterals;
using fund::models::QrCode;

class TestQrCode : public QObject
{
    Q_OBJECT

private slots:
    void roundTripsThroughImage_data();
    void roundTripsThroughImage();
    void roundTripsThroughPaint_data();
    void roundTripsThroughPaint();
    void imageHasQuietZoneAndCrispModules();
    void rejectsEmptyAndOversizedInput();

private:
    static void addPayloads();
};

void TestQrCode::addPayloads()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("wechat code_url") << u"weixin://wxpay/bizpayurl?pr=teiglY6zz"_s;
    QTest::newRow("alipay qr_code") << u"https://qr.alipay.com/bax00022tldi82dwzbvp6013"_s;
    QTest::newRow("chinese") << u"北京市住宅专项维修资金 续交 金额合计：壹仟贰佰叁拾肆元伍角整 ¥1,234.50"_s;
    QString longText;
    for (int i = 0; longText.size() < 300; ++i)
        longText += u"%1-ABCdef/?&=;"_s.arg(i, 3, 10, QLatin1Char('0'));
    longText.truncate(300);
    QTest::newRow("300 characters") << longText;
}

void TestQrCode::roundTripsThroughImage_data()
{
    addPayloads();
}

void TestQrCode::roundTripsThroughImage()
{
    QFETCH(QString, text);
    const auto code = QrCode::encode(text.toUtf8());
    QVERIFY(code.has_value());
    QVERIFY(code->size() >= 21);
    QCOMPARE((code->size() - 17) % 4, 0); // 17 + 4 × version

    const QImage image = code->toImage(8);
    QCOMPARE(image.format(), QImage::Format_Grayscale8);
    QCOMPARE(image.width(), (code->size() + 8) * 8);

    const std::optional<QString> decoded = fund::tests::decodeQr(image);
    QVERIFY(decoded.has_value());
    QCOMPARE(*decoded, text);
}

void TestQrCode::roundTripsThroughPaint_data()
{
    addPayloads();
}

void TestQrCode::roundTripsThroughPaint()
{
    QFETCH(QString, text);
    const auto code = QrCode::encode(text.toUtf8());
    QVERIFY(code.has_value());

    // A deliberately non-integer module size and a non-square target: paint() must still give a
    // centred, decodable symbol.
    QImage canvas(700, 500, QImage::Format_RGB32);
    canvas.fill(Qt::lightGray);
    {
        QPainter painter(&canvas);
        code->paint(&painter, QRectF(100.5, 20.25, 583.3, 461.7));
    }
    const std::optional<QString> decoded = fund::tests::decodeQr(canvas);
    QVERIFY(decoded.has_value());
    QCOMPARE(*decoded, text);
}

void TestQrCode::imageHasQuietZoneAndCrispModules()
{
    const auto code = QrCode::encode("weixin://wxpay/bizpayurl?pr=teiglY6zz");
    QVERIFY(code.has_value());
    const QImage image = code->toImage(3, 4);
    const int quiet = 4 * 3;
    for (int y = 0; y < image.height(); ++y) {
        const uchar *line = image.constScanLine(y);
        for (int x = 0; x < image.width(); ++x) {
            QVERIFY2(line[x] == 0 || line[x] == 255, "only black and white pixels");
            const bool inQuietZone = x < quiet || y < quiet || x >= image.width() - quiet
                || y >= image.height() - quiet;
            if (inQuietZone)
                QCOMPARE(line[x], uchar(255));
            else
                QCOMPARE(line[x] == 0, code->isDark((x - quiet) / 3, (y - quiet) / 3));
        }
    }
    // Finder pattern corner is dark; outside the symbol is light.
    QVERIFY(code->isDark(0, 0));
    QVERIFY(!code->isDark(-1, 0));
    QVERIFY(!code->isDark(code->size(), 0));
}

void TestQrCode::rejectsEmptyAndOversizedInput()
{
    QVERIFY(!QrCode::encode(QByteArray()).has_value());
    // Level M, version 40 holds at most 2331 bytes.
    QVERIFY(!QrCode::encode(QByteArray(3000, 'x')).has_value());
    QVERIFY(QrCode::encode(QByteArray(2000, 'x')).has_value());
}

QTEST_GUILESS_MAIN(TestQrCode)
#include "tst_qrcode.moc"
