// The walk-through: a clerk signs in, identifies a resident, opens the ledger, collects a fixed
// deposit in cash, issues the e-receipt and calls the next resident, through the real main
// window, with the customer display on the second (virtual) screen.
#include "common/screenshots.h"
#include "common/testenvironment.h"

#include "models/domain/idnumber.h"
#include "models/domain/masking.h"
#include "models/itemmodels/depositrequestmodel.h"
#include "models/itemmodels/houselistmodel.h"
#include "models/session/countersession.h"
#include "ui/display/customerdisplay.h"
#include "ui/fund/fundtab.h"
#include "ui/houses/housestab.h"
#include "ui/interaction.h"
#include "ui/logindialog.h"
#include "ui/mainwindow.h"
#include "ui/payments/paymenttab.h"
#include "ui/registrations/registrationtab.h"
#include "ui/receipts/receiptstab.h"
#include "ui/widgets/messagebar.h"

#include <QAction>
#include <QComboBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPdfDocument>
#include <QPdfView>
#include <QPushButton>
#include <QScreen>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

using namespace fund;
using namespace Qt::StringLiterals;
using models::CounterSession;
using models::DepositRequest;
using models::Money;

namespace {

class ScriptedInteraction final : public ui::Interaction
{
public:
    bool confirm(QWidget *, const QString &, const QString &text) override
    {
        asked.append(text);
        return true;
    }
    void warn(QWidget *, const QString &, const QString &text) override { warnings.append(text); }
    std::optional<QString> saveFileName(QWidget *, const QString &, const QString &, const QString &) override
    {
        return std::nullopt;
    }
    bool setUpPrinter(QWidget *, QPrinter *) override { return false; }

    QStringList asked;
    QStringList warnings;
};

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
        if (ch.unicode() < 0x80) {
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

template<typename T>
T *find(const QObject *parent, const char *name)
{
    T *child = parent->findChild<T *>(QString::fromLatin1(name));
    if (!child)
        qFatal("no child %s", name);
    return child;
}

// Every text the customer display shows at the moment.
QString displayed(const QWidget *display)
{
    QStringList texts;
    for (const QLabel *label : display->findChildren<QLabel *>()) {
        if (label->isVisible())
            texts << label->text();
    }
    return texts.join(u'\n');
}

void clickRow(QTableView *table, int row)
{
    const QPoint cell = table->visualRect(table->model()->index(row, 0)).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell);
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void walkThrough();
    void wrongPasswordStaysInTheDialog();
    void tabsFollowTheRole_data();
    void tabsFollowTheRole();
    void addHouseOpensTheRegistrationForm();

private:
    std::unique_ptr<tests::TestEnvironment> m_env;
};

void TestMainWindow::initTestCase()
{
    QCOMPARE(QGuiApplication::screens().size(), 2); // tests/gui/two-screens.json
    m_env = tests::TestEnvironment::create(300);
    QVERIFY2(m_env, "the demo city cannot be built");
}

void TestMainWindow::wrongPasswordStaysInTheDialog()
{
    ui::LoginDialog dialog(*m_env->staff);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    typeText(find<QLineEdit>(&dialog, "loginEdit"), QStringLiteral("supervisor"));
    typeText(find<QLineEdit>(&dialog, "passwordEdit"), QStringLiteral("wrong-password"));
    QTest::mouseClick(find<QPushButton>(&dialog, "loginButton"), Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    auto *bar = find<ui::MessageBar>(&dialog, "messageBar");
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->kind(), ui::MessageBar::Kind::Error);
    QVERIFY(find<QLineEdit>(&dialog, "passwordEdit")->text().isEmpty());
}

void TestMainWindow::tabsFollowTheRole_data()
{
    QTest::addColumn<QString>("login");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QStringList>("tabs");
    const QStringList lookup{QStringLiteral("housesTab"), QStringLiteral("fundTab")};
    const QStringList counter = lookup + QStringList{QStringLiteral("paymentTab"), QStringLiteral("receiptsTab"), QStringLiteral("tillTab")};
    QTest::newRow("clerk") << u"clerk"_s << u"clerk123"_s << counter + QStringList{QStringLiteral("registrationTab")};
    QTest::newRow("supervisor") << u"supervisor"_s << u"super123"_s
                                << counter + QStringList{QStringLiteral("reconciliationTab"), QStringLiteral("registrationTab"), QStringLiteral("reviewTab")};
    QTest::newRow("reviewer: checker only") << u"reviewer"_s << u"review123"_s << lookup + QStringList{QStringLiteral("reviewTab")};
    QTest::newRow("administrator") << u"admin"_s << u"admin123"_s << lookup + QStringList{QStringLiteral("reconciliationTab")};
}

void TestMainWindow::tabsFollowTheRole()
{
    QFETCH(QString, login);
    QFETCH(QString, password);
    QFETCH(QStringList, tabs);
    const auto tabNames = [](QTabWidget *widget) {
        QStringList names;
        for (int i = 0; i < widget->count(); ++i)
            names.append(widget->widget(i)->objectName());
        return names;
    };
    auto actor = m_env->staff->login(login, password);
    QVERIFY(actor);
    CounterSession session;
    ScriptedInteraction interaction;
    // Signed in as the supervisor first, then (sign out, sign in) as this role: the window keeps
    // the order and shows only this role's tabs; nothing a tab left behind shows.
    auto supervisor = m_env->staff->login(u"supervisor"_s, u"super123"_s);
    QVERIFY(supervisor);
    ui::MainWindow window(*m_env->services, session, interaction, *supervisor, QStringLiteral("T01"));
    window.setActor(*actor);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *tabWidget = find<QTabWidget>(&window, "tabs");
    QCOMPARE(tabNames(tabWidget), tabs);
    // A reviewer starts on the review tab; everyone else on the house lookup.
    QCOMPARE(tabWidget->currentWidget()->objectName(), login == u"reviewer"_s ? u"reviewTab"_s : u"housesTab"_s);
    for (const char *name : {"paymentTab", "receiptsTab", "tillTab", "reconciliationTab", "registrationTab", "reviewTab"}) {
        auto *page = find<QWidget>(&window, name);
        if (!tabs.contains(QLatin1String(name)))
            QVERIFY2(!page->isVisible(), name);
    }
    // The no-house panel offers only what the role may do.
    auto *housesTab = find<ui::HousesTab>(&window, "housesTab");
    QCOMPARE(!find<QPushButton>(housesTab, "quickDepositButton")->isHidden(), tabs.contains(u"paymentTab"_s));
    QCOMPARE(!find<QPushButton>(housesTab, "addHouseButton")->isHidden(), tabs.contains(u"registrationTab"_s));
    QVERIFY(tests::saveScreenshot(window.grab(), u"mainwindow-%1.png"_s.arg(login)));
}

void TestMainWindow::addHouseOpensTheRegistrationForm()
{
    auto clerk = m_env->staff->login(u"clerk"_s, u"clerk123"_s);
    QVERIFY(clerk);
    CounterSession session;
    ScriptedInteraction interaction;
    ui::MainWindow window(*m_env->services, session, interaction, *clerk, QStringLiteral("T01"));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // A resident without a house: identified, the no-house panel offers 个人造册.
    const QString id = models::IdNumber::generate(QStringLiteral("110105"), QDate(1980, 8, 8), 808);
    auto *housesTab = find<ui::HousesTab>(&window, "housesTab");
    typeText(find<QLineEdit>(housesTab, "idNumberEdit"), id);
    typeText(find<QLineEdit>(housesTab, "residentNameEdit"), QStringLiteral("新房测试"));
    QTest::mouseClick(find<QPushButton>(housesTab, "identifyButton"), Qt::LeftButton);
    auto *add = find<QPushButton>(housesTab, "addHouseButton");
    QVERIFY(add->isVisible() && add->isEnabled());
    QTest::mouseClick(add, Qt::LeftButton);
    auto *registration = find<ui::RegistrationTab>(&window, "registrationTab");
    QCOMPARE(find<QTabWidget>(&window, "tabs")->currentWidget(), registration);
    QCOMPARE(find<QLineEdit>(registration, "residentName")->text(), QStringLiteral("新房测试"));
    QCOMPARE(find<QLineEdit>(registration, "residentId")->text(), id);
    QCOMPARE(find<QComboBox>(registration, "kindCombo")->currentData().toInt(), int(models::RegistrationKind::AddHouse));
    QVERIFY(find<QLineEdit>(registration, "regAddressEdit")->text().isEmpty());

    // An exact address that matches no house: 个人造册 by proof documents, the address carried over.
    find<QTabWidget>(&window, "tabs")->setCurrentWidget(housesTab);
    auto *modes = find<QComboBox>(housesTab, "modeCombo");
    modes->setCurrentIndex(modes->findText(ui::HousesTab::tr("Exact address (精确查询)")));
    const QString address = QStringLiteral("北京市东城区不存在小区88号楼8单元808室");
    typeText(find<QLineEdit>(housesTab, "addressEdit"), address);
    QTest::keyClick(find<QLineEdit>(housesTab, "addressEdit"), Qt::Key_Return);
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(find<QTabWidget>(&window, "tabs")->currentWidget(), registration);
    QCOMPARE(find<QLineEdit>(registration, "regAddressEdit")->text(), address);
    QCOMPARE(find<QComboBox>(registration, "methodCombo")->currentData().toInt(), int(models::RegistrationMethod::Documents));
    QCOMPARE(find<QLineEdit>(registration, "residentId")->text(), id); // still the resident at the counter
}

void TestMainWindow::walkThrough()
{
    // A house with a pending deposit of a fixed amount, and its owner.
    qint64 houseId = 0;
    DepositRequest request;
    auto houses = m_env->lookup->search(QStringLiteral("北京市"), 300, 0);
    QVERIFY(houses);
    for (const models::HouseSummary &house : std::as_const(*houses)) {
        if (house.pendingCount == 0)
            continue;
        auto pending = m_env->deposits->pendingForHouse(house.id);
        QVERIFY(pending);
        for (const DepositRequest &r : std::as_const(*pending)) {
            if (r.fixedAmount && r.isPending() && !r.amount.isZero()) {
                houseId = house.id;
                request = r;
                break;
            }
        }
        if (houseId != 0)
            break;
    }
    QVERIFY2(houseId != 0, "the demo city has no pending fixed-amount deposit");
    auto detail = m_env->houses->detail(m_env->clerk, houseId);
    QVERIFY(detail);
    QVERIFY(!detail->owners.isEmpty());
    const models::OwnerInfo owner = detail->owners.first();
    QVERIFY(owner.name.size() >= 2);

    CounterSession session;
    ScriptedInteraction interaction;

    // 1. Sign in as the clerk.
    ui::LoginDialog login(*m_env->staff);
    login.show();
    QVERIFY(QTest::qWaitForWindowExposed(&login));
    typeText(find<QLineEdit>(&login, "loginEdit"), QStringLiteral("clerk"));
    typeText(find<QLineEdit>(&login, "passwordEdit"), QStringLiteral("clerk123"));
    QTest::mouseClick(find<QPushButton>(&login, "loginButton"), Qt::LeftButton);
    QCOMPARE(login.result(), int(QDialog::Accepted));
    QCOMPARE(login.staff().login, QStringLiteral("clerk"));

    ui::MainWindow window(*m_env->services, session, interaction, login.staff(), QStringLiteral("T01"));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ui::CustomerDisplay display(session);
    display.placeOnScreen(window.screen(), QString());
    QVERIFY(QTest::qWaitForWindowExposed(&display));

    QCOMPARE(window.objectName(), QStringLiteral("mainWindow"));
    QVERIFY(find<QLabel>(&window, "statusStaff")->text().contains(login.staff().displayName));
    QVERIFY(find<QLabel>(&window, "statusCounter")->text().contains(QStringLiteral("T01")));
    auto *tabs = find<QTabWidget>(&window, "tabs");
    QCOMPARE(tabs->count(), 6); // a clerk has no reconciliation and no review tab
    QCOMPARE(tabs->widget(0)->objectName(), QStringLiteral("housesTab"));
    QCOMPARE(tabs->widget(1)->objectName(), QStringLiteral("fundTab"));
    QCOMPARE(tabs->widget(2)->objectName(), QStringLiteral("paymentTab"));
    QCOMPARE(tabs->widget(3)->objectName(), QStringLiteral("receiptsTab"));
    QCOMPARE(tabs->widget(4)->objectName(), QStringLiteral("tillTab"));

    // The customer display is on the customer's screen.
    const QRect customerScreen = QGuiApplication::screens().at(1)->geometry();
    QVERIFY2(customerScreen.contains(display.geometry()),
             qPrintable(QStringLiteral("display at %1,%2 %3x%4").arg(display.x()).arg(display.y()).arg(display.width()).arg(display.height())));

    // 2. Identify the resident by ID card and serve the house.
    auto *housesTab = find<ui::HousesTab>(&window, "housesTab");
    QCOMPARE(tabs->currentWidget(), housesTab);
    typeText(find<QLineEdit>(housesTab, "idNumberEdit"), owner.idNumber);
    typeText(find<QLineEdit>(housesTab, "residentNameEdit"), owner.name);
    QTest::mouseClick(find<QPushButton>(housesTab, "identifyButton"), Qt::LeftButton);
    auto *houseTable = find<QTableView>(housesTab, "houseTable");
    auto *houseModel = qobject_cast<models::HouseListModel *>(houseTable->model());
    int houseRow = -1;
    for (int row = 0; row < houseModel->rowCount(); ++row) {
        if (houseModel->house(row).id == houseId)
            houseRow = row;
    }
    QVERIFY(houseRow >= 0);
    clickRow(houseTable, houseRow);
    QTest::mouseClick(find<QPushButton>(housesTab, "serveButton"), Qt::LeftButton);
    QCOMPARE(session.house().id, houseId);
    QVERIFY(find<QLabel>(&window, "serviceBanner")->text().contains(detail->summary.address));

    // 3. The ledger opens at once.
    auto *fundTab = find<ui::FundTab>(&window, "fundTab");
    QCOMPARE(tabs->currentWidget(), fundTab);
    auto statement = m_env->houses->statement(houseId);
    QVERIFY(statement);
    QVERIFY(find<QTableView>(fundTab, "ledgerTable")->model()->rowCount() > 0);
    QCOMPARE(find<QTableView>(fundTab, "ledgerTable")->model()->rowCount(), statement->entries.size());
    QCOMPARE(find<QLabel>(fundTab, "balanceLabel")->text(), statement->balance().toDisplayString());
    QCOMPARE(find<QLabel>(fundTab, "renewalWarning")->isVisibleTo(fundTab), statement->isRenewalDue());

    // The resident sees the house and the masked name, never the full one.
    QVERIFY(displayed(&display).contains(models::maskName(owner.name)));
    QVERIFY(!displayed(&display).contains(owner.name));
    QVERIFY(!displayed(&display).contains(owner.idNumber));

    // 4. Payment: the pending deposit, cash handed over, collected once despite a double click.
    auto *paymentTab = find<ui::PaymentTab>(&window, "paymentTab");
    tabs->setCurrentWidget(paymentTab);
    auto *depositTable = find<QTableView>(paymentTab, "depositTable");
    auto *depositModel = depositTable->model();
    int depositRow = -1;
    for (int row = 0; row < depositModel->rowCount(); ++row) {
        if (depositModel->index(row, 0).data(models::DepositRequestModel::DepositIdRole).toLongLong() == request.id)
            depositRow = row;
    }
    QVERIFY(depositRow >= 0);
    clickRow(depositTable, depositRow);
    QCOMPARE(Money::parse(find<QLineEdit>(paymentTab, "amountEdit")->text()), std::optional<Money>(request.amount));
    QCOMPARE(session.stage(), CounterSession::Stage::AwaitingPayment);

    const Money tendered = Money::fromFen((request.amount.fen() / 10000 + 1) * 10000); // the next 100 yuan up
    typeText(find<QLineEdit>(paymentTab, "tenderedEdit"), tendered.toPlainString());
    QTRY_VERIFY(find<QLabel>(paymentTab, "changeLabel")->text().contains((tendered - request.amount).toString()));
    QVERIFY(displayed(&display).contains(request.amount.toString()));
    QVERIFY(displayed(&display).contains(models::maskName(owner.name)));
    QVERIFY(!displayed(&display).contains(owner.name));

    auto *collect = find<QPushButton>(paymentTab, "collectButton");
    QVERIFY(collect->isEnabled());
    QTest::mouseDClick(collect, Qt::LeftButton);
    QTest::mouseClick(collect, Qt::LeftButton);
    QCOMPARE(session.stage(), CounterSession::Stage::Paid);
    auto payments = m_env->deposits->paymentsForHouse(houseId);
    QVERIFY(payments);
    int forRequest = 0;
    for (const models::PaymentRecord &p : std::as_const(*payments))
        forRequest += p.depositId == request.id ? 1 : 0;
    QCOMPARE(forRequest, 1);
    QCOMPARE(session.payment().amount, request.amount);
    QCOMPARE(session.payment().change, tendered - request.amount);
    QVERIFY(displayed(&display).contains(request.amount.toString()));

    // The ledger follows the payment.
    QCOMPARE(find<QTableView>(fundTab, "ledgerTable")->model()->rowCount(), statement->entries.size() + 1);

    // 5. The e-receipt.
    auto *receiptsTab = find<ui::ReceiptsTab>(&window, "receiptsTab");
    tabs->setCurrentWidget(receiptsTab);
    auto *issue = find<QPushButton>(receiptsTab, "issueButton");
    QVERIFY(issue->isEnabled());
    QTest::mouseClick(issue, Qt::LeftButton);
    QTRY_COMPARE(session.stage(), CounterSession::Stage::ReceiptIssued);
    auto *preview = find<QPdfView>(receiptsTab, "receiptPreview");
    QTRY_VERIFY(preview->document() && preview->document()->status() == QPdfDocument::Status::Ready);
    QCOMPARE(preview->document()->pageCount(), 1);
    const QString billNumber = session.receipt().billNumber;
    QVERIFY(!billNumber.isEmpty());
    QTRY_VERIFY(displayed(&display).contains(billNumber));
    QVERIFY(find<QLabel>(&window, "serviceBanner")->text().contains(billNumber));

    // 6. Next resident: the display blanks, the forms are empty, back to the lookup.
    auto *endService = window.findChild<QAction *>(QStringLiteral("actionEndService"));
    QVERIFY(endService);
    QVERIFY(endService->isEnabled());
    endService->trigger();
    QVERIFY(interaction.asked.isEmpty()); // the receipt was issued: nothing to confirm
    QCOMPARE(session.stage(), CounterSession::Stage::Idle);
    const QString after = displayed(&display);
    QVERIFY(!after.contains(detail->summary.address));
    QVERIFY(!after.contains(models::maskName(owner.name)));
    QVERIFY(!after.contains(request.amount.toString()));
    QVERIFY(!after.contains(billNumber));
    QCOMPARE(tabs->currentWidget(), housesTab);
    QCOMPARE(houseModel->rowCount(), 0);
    QVERIFY(find<QLineEdit>(housesTab, "idNumberEdit")->text().isEmpty());
    QCOMPARE(find<QTableView>(fundTab, "ledgerTable")->model()->rowCount(), 0);
    QVERIFY(!endService->isEnabled());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
