#include "models/domain/masking.h"
#include "common/screenshots.h"
#include "common/qrreader.h"
#include "models/receipts/qrcode.h"
#include "models/session/countersession.h"
#include "ui/display/customerdisplay.h"

#include <QDir>
#include <QGuiApplication>
#include <QLabel>
#include <QScreen>
#include <QtTest>

using namespace fund;
using models::CounterSession;
using models::Money;
using ui::CustomerDisplay;

namespace {
const QString OwnerName = QStringLiteral("欧阳小明");
const QString OwnerId = QStringLiteral("11010219840406970X");

models::HouseSummary demoHouse()
{
    models::HouseSummary house;
    house.id = 42;
    house.address = QStringLiteral("北京市东城区东华门街道多福巷小区3号楼2单元502室");
    return house;
}

models::DepositRequest fixedRequest()
{
    models::DepositRequest request;
    request.id = 7;
    request.serialNo = QStringLiteral("JC20261203000123");
    request.houseId = 42;
    request.kind = QStringLiteral("renewal");
    request.fixedAmount = true;
    request.amount = Money::fromFen(123450);
    request.status = QStringLiteral("pending");
    return request;
}

} // namespace

class TestCustomerDisplay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void chooseScreen();
    void placedOnTheCustomerScreen();
    void oneScreenIsAnOrdinaryWindow();
    void placedAgainWhenScreensChange();
    void idleShowsWelcomeOnly();
    void servingShowsMaskedOwnerAndAmount();
    void tenderedShowsChange();
    void paidAndIssued();
    void serviceEndedBlanks();
    void paymentQrIsLargeAndReadable();

private:
    QLabel *label(CustomerDisplay &display, const char *name);
    void checkNothingUnmasked(CustomerDisplay &display);
};

void TestCustomerDisplay::initTestCase()
{
    QCOMPARE(QGuiApplication::screens().size(), 2); // tests/gui/two-screens.json
}

QLabel *TestCustomerDisplay::label(CustomerDisplay &display, const char *name)
{
    auto *found = display.findChild<QLabel *>(QString::fromLatin1(name));
    if (!found)
        qWarning("no label %s", name);
    return found;
}

void TestCustomerDisplay::checkNothingUnmasked(CustomerDisplay &display)
{
    const auto labels = display.findChildren<QLabel *>();
    for (const QLabel *l : labels) {
        QVERIFY2(!l->text().contains(OwnerName), qPrintable(l->objectName()));
        QVERIFY2(!l->text().contains(OwnerId), qPrintable(l->objectName()));
        QVERIFY(!l->toolTip().contains(OwnerName));
    }
    QVERIFY(!display.windowTitle().contains(OwnerName));
}

void TestCustomerDisplay::chooseScreen()
{
    const QList<QScreen *> screens = QGuiApplication::screens();
    QScreen *clerk = screens.at(0);
    QScreen *customer = screens.at(1);
    QCOMPARE(clerk->name(), QStringLiteral("clerk"));
    QCOMPARE(customer->name(), QStringLiteral("customer"));

    QCOMPARE(CustomerDisplay::chooseScreen(screens, clerk, {}), customer);
    // The clerk on the second monitor: the display goes to the first.
    QCOMPARE(CustomerDisplay::chooseScreen(screens, customer, {}), clerk);
    // A configured screen wins when it is connected, and is ignored when it is not.
    QCOMPARE(CustomerDisplay::chooseScreen(screens, customer, QStringLiteral("customer")), customer);
    QCOMPARE(CustomerDisplay::chooseScreen(screens, clerk, QStringLiteral("HDMI-2")), customer);
    // One screen: no customer display screen.
    QCOMPARE(CustomerDisplay::chooseScreen({clerk}, clerk, {}), nullptr);
    QCOMPARE(CustomerDisplay::chooseScreen({}, nullptr, {}), nullptr);
}

void TestCustomerDisplay::placedOnTheCustomerScreen()
{
    CounterSession session;
    CustomerDisplay display(session);
    display.setWindowNumber(QStringLiteral("3"));
    QScreen *clerk = QGuiApplication::screens().at(0);
    QScreen *customer = QGuiApplication::screens().at(1);
    display.placeOnScreen(clerk, {});
    QVERIFY(QTest::qWaitForWindowExposed(&display));
    QTRY_VERIFY(display.isFullScreen());
    QTRY_COMPARE(display.geometry(), customer->geometry());
    QVERIFY(customer->geometry().contains(display.frameGeometry()));
    QCOMPARE(display.screen(), customer);
    QVERIFY(fund::tests::saveScreenshot(display.grab(), QStringLiteral("customer-welcome.png")));
}

void TestCustomerDisplay::oneScreenIsAnOrdinaryWindow()
{
    CounterSession session;
    CustomerDisplay display(session);
    QScreen *clerk = QGuiApplication::screens().at(0);
    // The configured screen is the clerk's own (a single-monitor training desk).
    display.placeOnScreen(clerk, QStringLiteral("clerk"));
    QVERIFY(QTest::qWaitForWindowExposed(&display));
    QVERIFY(!display.isFullScreen());
    QVERIFY(clerk->geometry().contains(display.geometry()));
    QVERIFY(display.width() < clerk->geometry().width());
}

void TestCustomerDisplay::placedAgainWhenScreensChange()
{
    // The offscreen platform cannot unplug a screen, so this plays what Qt does: the window is
    // moved to the remaining screen, then the screen comes back and Qt announces it.
    CounterSession session;
    CustomerDisplay display(session);
    QScreen *clerk = QGuiApplication::screens().at(0);
    QScreen *customer = QGuiApplication::screens().at(1);
    display.placeOnScreen(clerk, {});
    QTRY_COMPARE(display.geometry(), customer->geometry());

    display.showNormal();
    display.setGeometry(QRect(100, 100, 900, 600));
    QTRY_VERIFY(clerk->geometry().contains(display.geometry()));
    Q_EMIT qGuiApp->screenAdded(customer);
    QTRY_COMPARE(display.geometry(), customer->geometry());
    QVERIFY(display.isFullScreen());

    display.showNormal();
    display.setGeometry(QRect(100, 100, 900, 600));
    Q_EMIT qGuiApp->screenRemoved(clerk); // any change of screens: placed again
    QTRY_COMPARE(display.geometry(), customer->geometry());
}

void TestCustomerDisplay::idleShowsWelcomeOnly()
{
    CounterSession session;
    CustomerDisplay display(session);
    display.setWindowNumber(QStringLiteral("3"));
    display.resize(1280, 800);
    display.show();
    QVERIFY(QTest::qWaitForWindowExposed(&display));
    QVERIFY(label(display, "welcomeLabel")->isVisible());
    QVERIFY(!label(display, "welcomeLabel")->text().isEmpty());
    QVERIFY(label(display, "windowLabel")->text().contains(u'3'));
    QVERIFY(!label(display, "addressLabel")->isVisible());
    QVERIFY(!label(display, "amountLabel")->isVisible());
}

void TestCustomerDisplay::servingShowsMaskedOwnerAndAmount()
{
    CounterSession session;
    CustomerDisplay display(session);
    display.resize(1280, 800);
    display.show();
    QVERIFY(QTest::qWaitForWindowExposed(&display));

    session.beginService(demoHouse(), OwnerName, OwnerId);
    QVERIFY(label(display, "addressLabel")->isVisible());
    QCOMPARE(label(display, "addressLabel")->text(), demoHouse().address);
    const QString owner = label(display, "ownerLabel")->text();
    QVERIFY2(owner.contains(QStringLiteral("欧**明")), qPrintable(owner));
    QVERIFY2(owner.contains(QStringLiteral("110102********970X")), qPrintable(owner));
    QVERIFY(!label(display, "welcomeLabel")->isVisible());
    checkNothingUnmasked(display);

    session.setDeposit(fixedRequest(), fixedRequest().amount);
    QCOMPARE(label(display, "amountLabel")->text(), QStringLiteral("¥1,234.50"));
    QVERIFY(label(display, "amountLabel")->isVisible());
    QVERIFY(!label(display, "statusLabel")->text().isEmpty());
    checkNothingUnmasked(display);

    // The amount is the biggest text on the screen.
    const int amountSize = label(display, "amountLabel")->font().pointSize();
    const auto labels = display.findChildren<QLabel *>();
    for (const QLabel *l : labels) {
        if (l->objectName() != QLatin1String("amountLabel"))
            QVERIFY2(l->font().pointSize() < amountSize, qPrintable(l->objectName()));
    }
    QVERIFY(amountSize >= 60);
    // Nothing cut off: the amount fits in its label.
    QLabel *amount = label(display, "amountLabel");
    QVERIFY(amount->fontMetrics().horizontalAdvance(amount->text()) <= amount->width());
    QVERIFY(fund::tests::saveScreenshot(display.grab(), QStringLiteral("customer-awaiting.png")));
}

void TestCustomerDisplay::tenderedShowsChange()
{
    CounterSession session;
    CustomerDisplay display(session);
    display.resize(1280, 800);
    display.show();
    session.beginService(demoHouse(), OwnerName, OwnerId);
    session.setDeposit(fixedRequest(), fixedRequest().amount);

    session.setTendered(Money::fromFen(100000));
    QVERIFY(label(display, "tenderedLabel")->text().contains(QStringLiteral("¥1,000.00")));
    QVERIFY(!label(display, "changeLabel")->text().contains(u'¥')); // not enough yet

    session.setTendered(Money::fromFen(200000));
    QVERIFY(label(display, "tenderedLabel")->text().contains(QStringLiteral("¥2,000.00")));
    QVERIFY2(label(display, "changeLabel")->text().contains(QStringLiteral("¥765.50")), qPrintable(label(display, "changeLabel")->text()));
    checkNothingUnmasked(display);
    QVERIFY(fund::tests::saveScreenshot(display.grab(), QStringLiteral("customer-tendered.png")));
}

void TestCustomerDisplay::paidAndIssued()
{
    CounterSession session;
    CustomerDisplay display(session);
    display.resize(1280, 800);
    display.show();
    session.beginService(demoHouse(), OwnerName, OwnerId);
    session.setDeposit(fixedRequest(), fixedRequest().amount);
    session.setTendered(Money::fromFen(200000));
    const QString awaiting = label(display, "statusLabel")->text();

    models::PaymentRecord payment;
    payment.id = 11;
    payment.depositId = 7;
    payment.amount = Money::fromFen(123450);
    payment.tendered = Money::fromFen(200000);
    payment.change = Money::fromFen(76550);
    payment.state = QStringLiteral("paid");
    session.recordPayment(payment);
    const QString paid = label(display, "statusLabel")->text();
    QVERIFY(paid != awaiting);
    QVERIFY(!label(display, "receiptLabel")->isVisible());

    models::ReceiptRecord issuing;
    issuing.paymentId = 11;
    issuing.state = QStringLiteral("issuing");
    session.recordReceipt(issuing);
    const QString issuingText = label(display, "statusLabel")->text();
    QVERIFY(issuingText != paid);

    models::ReceiptRecord receipt;
    receipt.id = 5;
    receipt.paymentId = 11;
    receipt.state = QStringLiteral("issued");
    receipt.billCode = QStringLiteral("11010126");
    receipt.billNumber = QStringLiteral("0000000042");
    receipt.checkCode = QStringLiteral("a1b2c3");
    session.recordReceipt(receipt);
    QVERIFY(label(display, "statusLabel")->text() != issuingText);
    QVERIFY(label(display, "receiptLabel")->isVisible());
    QVERIFY(label(display, "receiptLabel")->text().contains(QStringLiteral("11010126")));
    QVERIFY(label(display, "receiptLabel")->text().contains(QStringLiteral("0000000042")));
    QCOMPARE(label(display, "amountLabel")->text(), QStringLiteral("¥1,234.50"));
    QVERIFY(label(display, "changeLabel")->text().contains(QStringLiteral("¥765.50")));
    checkNothingUnmasked(display);
    QVERIFY(fund::tests::saveScreenshot(display.grab(), QStringLiteral("customer-issued.png")));
}

void TestCustomerDisplay::serviceEndedBlanks()
{
    CounterSession session;
    CustomerDisplay display(session);
    display.resize(1280, 800);
    display.show();
    session.beginService(demoHouse(), OwnerName, OwnerId);
    session.setDeposit(fixedRequest(), fixedRequest().amount);
    session.setTendered(Money::fromFen(200000));
    QSignalSpy ended(&session, &CounterSession::serviceEnded);
    session.endService();
    QCOMPARE(ended.count(), 1);
    QVERIFY(label(display, "welcomeLabel")->isVisible());
    QVERIFY(!label(display, "addressLabel")->isVisible());
    // Blank, not just hidden: nothing of the last resident is kept in any label.
    const auto labels = display.findChildren<QLabel *>();
    for (const QLabel *l : labels) {
        QVERIFY2(!l->text().contains(QStringLiteral("多福巷")), qPrintable(l->objectName()));
        QVERIFY2(!l->text().contains(QStringLiteral("1,234.50")), qPrintable(l->objectName()));
        QVERIFY2(!l->text().contains(models::maskName(OwnerName)), qPrintable(l->objectName()));
    }
}

void TestCustomerDisplay::paymentQrIsLargeAndReadable()
{
    CounterSession session;
    CustomerDisplay display(session);
    display.resize(1024, 640);
    display.show();
    QVERIFY(QTest::qWaitForWindowExposed(&display));
    const QString codeUrl = QStringLiteral("weixin://wxpay/bizpayurl?pr=Ab12Cd34Ef");

    session.beginService(demoHouse(), OwnerName, OwnerId);
    session.setPaymentQr(codeUrl, QStringLiteral("WeChat")); // no deposit yet: refused
    QVERIFY(session.paymentQr().isEmpty());
    session.setDeposit(fixedRequest(), fixedRequest().amount);
    session.setPaymentQr(codeUrl, QStringLiteral("WeChat"));
    QLabel *qr = label(display, "paymentQrLabel");
    QVERIFY(qr->isVisible());
    // At least 8 px per module plus the 4-module quiet zone on each side.
    const auto code = models::QrCode::encode(codeUrl.toUtf8());
    QVERIFY(code);
    QVERIFY(qr->width() >= (code->size() + 8) * 8);
    QVERIFY2(label(display, "paymentQrHintLabel")->text().contains(QStringLiteral("WeChat")),
             qPrintable(label(display, "paymentQrHintLabel")->text()));
    // The amount stays the biggest text, and is not cut off.
    QLabel *amount = label(display, "amountLabel");
    QVERIFY(amount->fontMetrics().horizontalAdvance(amount->text()) <= amount->width());
    QVERIFY(!qr->geometry().intersects(label(display, "paymentQrHintLabel")->geometry()));
    const QImage shot = display.grab().toImage();
    QVERIFY(fund::tests::saveScreenshot(shot, QStringLiteral("customer-qr.png")));
    QCOMPARE(fund::tests::decodeQr(shot).value_or(QString()), codeUrl);

    // Paid: the QR goes away; the next resident never sees it.
    models::PaymentRecord payment;
    payment.id = 7;
    payment.amount = fixedRequest().amount;
    session.recordPayment(payment);
    QVERIFY(!qr->isVisible());
    QVERIFY(session.paymentQr().isEmpty());
    session.endService();
    QVERIFY(qr->pixmap().isNull());
}

QTEST_MAIN(TestCustomerDisplay)
#include "tst_customerdisplay.moc"
