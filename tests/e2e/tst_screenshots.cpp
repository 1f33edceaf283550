// The walk-through in short, photographed: with FUND_SCREENSHOT_DIR set, every tab of the main
// window and every state of the customer display is saved as a PNG there for people to look at.
#include "common/testenvironment.h"

#include "models/itemmodels/depositrequestmodel.h"
#include "models/itemmodels/houselistmodel.h"
#include "models/session/countersession.h"
#include "ui/display/customerdisplay.h"
#include "ui/interaction.h"
#include "ui/logindialog.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QDir>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QPdfDocument>
#include <QPdfView>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTranslator>
#include <QtTest>

using namespace fund;
using models::CounterSession;
using models::DepositRequest;
using models::Money;

namespace {

class ScriptedInteraction final : public ui::Interaction
{
public:
    bool confirm(QWidget *, const QString &, const QString &) override { return true; }
    void warn(QWidget *, const QString &, const QString &) override {}
    std::optional<QString> saveFileName(QWidget *, const QString &, const QString &, const QString &) override
    {
        return std::nullopt;
    }
    bool setUpPrinter(QWidget *, QPrinter *) override { return false; }
};

void typeText(QWidget *widget, const QString &text)
{
    widget->setFocus();
    for (const QChar ch : text) {
        if (ch.unicode() < 0x80) {
            QTest::keyClicks(widget, QString(ch));
            continue;
        }
        QInputMethodEvent event;
        event.setCommitString(QString(ch));
        QCoreApplication::sendEvent(widget, &event);
    }
}

template<typename T>
T *find(const QObject *parent, const char *name)
{
    T *child = parent->findChild<T *>(QString::fromLatin1(name));
    if (!child)
        qFatal("no child %s", name);
    return child;
}

void clickRow(QTableView *table, int row)
{
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(table->model()->index(row, 0)).center());
}

} // namespace

class TestScreenshots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void walkThroughPhotographed();

private:
    void shoot(QWidget *widget, const QString &name);

    std::unique_ptr<tests::TestEnvironment> m_env;
    QString m_dir;
    QTranslator m_qtTranslator;
    QTranslator m_translator;
};

void TestScreenshots::initTestCase()
{
    // The counter runs in Chinese: load the translations when they are there.
    if (m_qtTranslator.load(QStringLiteral("qtbase_zh_CN"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qtTranslator);
    if (m_translator.load(QStringLiteral(":/i18n/fund-counter_zh_CN.qm")) && !m_translator.isEmpty())
        QCoreApplication::installTranslator(&m_translator);
    else
        qInfo("no zh_CN translation of our own strings yet: the screenshots show English with Chinese data");

    m_dir = qEnvironmentVariable("FUND_SCREENSHOT_DIR");
    if (!m_dir.isEmpty())
        QVERIFY(QDir().mkpath(m_dir));
    m_env = tests::TestEnvironment::create(300);
    QVERIFY2(m_env, "the demo city cannot be built");
}

void TestScreenshots::shoot(QWidget *widget, const QString &name)
{
    QCoreApplication::processEvents();
    const QPixmap pixmap = widget->grab();
    QVERIFY2(!pixmap.isNull(), qPrintable(name));
    QVERIFY(pixmap.width() > 100 && pixmap.height() > 100);
    if (!m_dir.isEmpty())
        QVERIFY2(pixmap.save(QDir(m_dir).filePath(name)), qPrintable(name));
}

void TestScreenshots::walkThroughPhotographed()
{
    // A house with a pending fixed-amount deposit.
    qint64 houseId = 0;
    DepositRequest request;
    auto houses = m_env->lookup->search(QStringLiteral("北京市"), 300, 0);
    QVERIFY(houses);
    for (const models::HouseSummary &house : std::as_const(*houses)) {
        auto pending = house.pendingCount > 0 ? m_env->deposits->pendingForHouse(house.id) : models::Result<QList<DepositRequest>>();
        QVERIFY(pending);
        for (const DepositRequest &r : std::as_const(*pending)) {
            if (houseId == 0 && r.fixedAmount && r.isPending()) {
                houseId = house.id;
                request = r;
            }
        }
        if (houseId != 0)
            break;
    }
    QVERIFY(houseId != 0);
    auto detail = m_env->houses->detail(m_env->clerk, houseId);
    QVERIFY(detail && !detail->owners.isEmpty());
    const models::OwnerInfo owner = detail->owners.first();

    CounterSession session;
    ScriptedInteraction interaction;
    ui::LoginDialog login(*m_env->staff);
    login.setCounterDescription(QStringLiteral("T01 · demo-city.sqlite"));
    login.show();
    QVERIFY(QTest::qWaitForWindowExposed(&login));
    typeText(find<QLineEdit>(&login, "loginEdit"), QStringLiteral("clerk"));
    typeText(find<QLineEdit>(&login, "passwordEdit"), QStringLiteral("clerk123"));
    shoot(&login, QStringLiteral("login.png"));
    QTest::mouseClick(find<QPushButton>(&login, "loginButton"), Qt::LeftButton);
    QCOMPARE(login.result(), int(QDialog::Accepted));

    ui::MainWindow window(*m_env->services, session, interaction, login.staff(), QStringLiteral("T01"));
    window.setDatabaseDescription(QStringLiteral("demo-city.sqlite"));
    window.resize(1366, 768); // the smallest screen found at a counter
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ui::CustomerDisplay display(session);
    display.setWindowNumber(QStringLiteral("T01"));
    display.placeOnScreen(window.screen(), QString());
    QVERIFY(QTest::qWaitForWindowExposed(&display));
    shoot(&display, QStringLiteral("customer-display-idle.png"));

    auto *tabs = find<QTabWidget>(&window, "tabs");
    QWidget *housesTab = find<QWidget>(&window, "housesTab");
    typeText(find<QLineEdit>(housesTab, "idNumberEdit"), owner.idNumber);
    typeText(find<QLineEdit>(housesTab, "residentNameEdit"), owner.name);
    QTest::mouseClick(find<QPushButton>(housesTab, "identifyButton"), Qt::LeftButton);
    auto *houseTable = find<QTableView>(housesTab, "houseTable");
    auto *houseModel = qobject_cast<models::HouseListModel *>(houseTable->model());
    for (int row = 0; row < houseModel->rowCount(); ++row) {
        if (houseModel->house(row).id == houseId)
            clickRow(houseTable, row);
    }
    shoot(&window, QStringLiteral("mainwindow-houses.png"));
    QTest::mouseClick(find<QPushButton>(housesTab, "serveButton"), Qt::LeftButton);
    QCOMPARE(session.house().id, houseId);
    QCOMPARE(tabs->currentWidget()->objectName(), QStringLiteral("fundTab"));
    shoot(&window, QStringLiteral("mainwindow-fund.png"));

    QWidget *paymentTab = find<QWidget>(&window, "paymentTab");
    tabs->setCurrentWidget(paymentTab);
    auto *depositTable = find<QTableView>(paymentTab, "depositTable");
    for (int row = 0; row < depositTable->model()->rowCount(); ++row) {
        if (depositTable->model()->index(row, 0).data(models::DepositRequestModel::DepositIdRole).toLongLong() == request.id)
            clickRow(depositTable, row);
    }
    QCOMPARE(session.stage(), CounterSession::Stage::AwaitingPayment);
    const Money tendered = Money::fromFen((request.amount.fen() / 10000 + 1) * 10000);
    typeText(find<QLineEdit>(paymentTab, "tenderedEdit"), tendered.toPlainString());
    shoot(&window, QStringLiteral("mainwindow-payment.png"));
    shoot(&display, QStringLiteral("customer-display-payment.png"));
    QTest::mouseClick(find<QPushButton>(paymentTab, "collectButton"), Qt::LeftButton);
    QCOMPARE(session.stage(), CounterSession::Stage::Paid);

    QWidget *receiptsTab = find<QWidget>(&window, "receiptsTab");
    tabs->setCurrentWidget(receiptsTab);
    QTest::mouseClick(find<QPushButton>(receiptsTab, "issueButton"), Qt::LeftButton);
    QTRY_COMPARE(session.stage(), CounterSession::Stage::ReceiptIssued);
    auto *preview = find<QPdfView>(receiptsTab, "receiptPreview");
    QTRY_VERIFY(preview->document() && preview->document()->pageCount() == 1);
    QTest::qWait(50); // let the preview render its page
    shoot(&window, QStringLiteral("mainwindow-receipts.png"));
    shoot(&display, QStringLiteral("customer-display-receipt.png"));

    window.findChild<QAction *>(QStringLiteral("actionEndService"))->trigger();
    QCOMPARE(session.stage(), CounterSession::Stage::Idle);
    shoot(&window, QStringLiteral("mainwindow-idle.png"));
}

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
