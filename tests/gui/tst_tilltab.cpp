// The till tab (款箱与日结): open with a float, a cash payment collected through DepositService
// shows in the X report, an exact count closes, a variance without a note is refused, with a note
// it waits for a supervisor's approval, and the 日结单 is saved as a PDF.
#include "common/screenshots.h"
#include "common/testenvironment.h"
#include "models/receipts/dailyclosereport.h"
#include "ui/interaction.h"
#include "ui/till/tilltab.h"
#include "ui/widgets/messagebar.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QtTest>

using namespace fund;
using models::Money;
using models::TillService;
using tests::TestEnvironment;
using ui::TillTab;

namespace {

class ScriptedInteraction final : public ui::Interaction
{
public:
    bool confirm(QWidget *, const QString &, const QString &) override { return false; }
    void warn(QWidget *, const QString &, const QString &text) override { warnings.append(text); }
    std::optional<QString> saveFileName(QWidget *, const QString &, const QString &suggested, const QString &) override
    {
        suggestedNames.append(suggested);
        return savePath;
    }
    bool setUpPrinter(QWidget *, QPrinter *) override { return false; }

    std::optional<QString> savePath;
    QStringList suggestedNames;
    QStringList warnings;
};

template<typename T>
T *find(QWidget *parent, const char *name)
{
    T *child = parent->findChild<T *>(QLatin1String(name));
    if (!child)
        qFatal("no %s", name);
    return child;
}

} // namespace

class tst_TillTab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void openCollectAndCloseExactly();
    void varianceNeedsNoteAndApproval();

private:
    qint64 newDeposit(Money amount);
    // Enters a count of notes and coins that adds up to `total`, largest denominations first.
    void enterCount(Money total);
    QString cell(QTableWidget *table, int row, int column) const { return table->item(row, column)->text(); }
    void shoot(const QString &name);

    std::unique_ptr<TestEnvironment> m_env;
    ScriptedInteraction m_interaction;
    std::unique_ptr<TillTab> m_tab;
    int m_serial = 0;
};

void tst_TillTab::initTestCase()
{
    m_env = TestEnvironment::create(20);
    QVERIFY2(m_env, qPrintable(TestEnvironment::lastError()));
    m_tab = std::make_unique<TillTab>(*m_env->services, m_interaction);
    m_tab->setActor(m_env->clerk);
    m_tab->resize(1200, 720);
    m_tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_tab.get()));
}

void tst_TillTab::cleanupTestCase()
{
    m_tab.reset();
    m_env.reset();
}

qint64 tst_TillTab::newDeposit(Money amount)
{
    auto house = m_env->db->scalar(QStringLiteral("SELECT min(id) FROM houses"));
    if (!house)
        return 0;
    auto id = m_env->db->insert(QStringLiteral("INSERT INTO deposit_requests (serial_no, house_id, kind, amount_mode, amount_fen, status, created_at) "
                                               "VALUES (?, ?, 'renewal', 'fixed', ?, 'pending', ?)"),
                                {QStringLiteral("TTB%1").arg(++m_serial, 9, 10, QLatin1Char('0')), house->toLongLong() + (m_serial % 10),
                                 amount.fen(), m_env->clock.now().toString(Qt::ISODateWithMs)});
    return id ? *id : 0;
}

void tst_TillTab::enterCount(Money total)
{
    auto *table = find<QTableWidget>(m_tab.get(), "denominationTable");
    const QList<qint64> &denominations = TillService::denominationsFen();
    QCOMPARE(table->rowCount(), int(denominations.size()));
    qint64 rest = total.fen();
    for (int row = 0; row < denominations.size(); ++row) {
        const qint64 n = rest / denominations.at(row);
        rest -= n * denominations.at(row);
        table->item(row, 1)->setText(QString::number(n));
    }
    QCOMPARE(rest, qint64(0));
}

void tst_TillTab::shoot(const QString &name)
{
    QVERIFY(fund::tests::saveScreenshot(m_tab->grab(), name));
}

void tst_TillTab::openCollectAndCloseExactly()
{
    auto *bar = find<ui::MessageBar>(m_tab.get(), "tillMessageBar");
    auto *openButton = find<QPushButton>(m_tab.get(), "openTillButton");
    auto *closeButton = find<QPushButton>(m_tab.get(), "closeTillButton");
    QVERIFY(openButton->isEnabled());
    QVERIFY(!closeButton->isEnabled());
    QVERIFY(find<QPushButton>(m_tab.get(), "approveVarianceButton")->isHidden()); // a clerk approves nothing

    // A float that is not an amount is refused in the message bar.
    QTest::keyClicks(find<QLineEdit>(m_tab.get(), "floatEdit"), QStringLiteral("1,000.005"));
    QTest::mouseClick(openButton, Qt::LeftButton);
    QCOMPARE(bar->kind(), ui::MessageBar::Kind::Error);
    QVERIFY(!closeButton->isEnabled());

    find<QLineEdit>(m_tab.get(), "floatEdit")->clear();
    QTest::keyClicks(find<QLineEdit>(m_tab.get(), "floatEdit"), QStringLiteral("1000.00"));
    QTest::mouseClick(openButton, Qt::LeftButton);
    QVERIFY2(bar->kind() == ui::MessageBar::Kind::Success, qPrintable(bar->text()));
    QVERIFY(closeButton->isEnabled());
    QVERIFY(!openButton->isEnabled());
    auto till = m_env->tills->openTillId();
    QVERIFY(till && *till > 0);

    // A cash payment at this counter shows in the X report after a refresh.
    m_env->clock.advanceSeconds(60);
    const Money due = Money::fromFen(123'456);
    const qint64 deposit = newDeposit(due);
    auto paid = m_env->deposits->collectCash(m_env->clerk, deposit, {due, Money::fromFen(130'000)}, QStringLiteral("张三"));
    QVERIFY2(paid, qPrintable(paid ? QString() : paid.error().message));
    m_env->clock.advanceSeconds(60);
    QTest::mouseClick(find<QPushButton>(m_tab.get(), "refreshTillButton"), Qt::LeftButton);

    auto *xReport = find<QTableWidget>(m_tab.get(), "xReportTable");
    const QString cashLabel = models::DailyCloseReport::channelLabel(QStringLiteral("cash"));
    int cashRow = -1;
    for (int row = 0; row < xReport->rowCount(); ++row) {
        if (cell(xReport, row, 0) == cashLabel)
            cashRow = row;
    }
    QVERIFY(cashRow >= 0);
    QCOMPARE(cell(xReport, cashRow, 1), QStringLiteral("1"));
    QCOMPARE(cell(xReport, cashRow, 2), due.toString());
    QCOMPARE(cell(xReport, xReport->rowCount() - 1, 2), due.toString()); // all payments
    const Money expected = Money::fromFen(100'000) + due;
    QVERIFY2(find<QLabel>(m_tab.get(), "expectedCashLabel")->text().contains(expected.toDisplayString()),
             qPrintable(find<QLabel>(m_tab.get(), "expectedCashLabel")->text()));

    // The total follows the count as it is typed.
    enterCount(expected);
    QVERIFY2(find<QLabel>(m_tab.get(), "countedTotalLabel")->text().contains(expected.toDisplayString()),
             qPrintable(find<QLabel>(m_tab.get(), "countedTotalLabel")->text()));
    shoot(QStringLiteral("till-open.png"));

    QTest::mouseClick(closeButton, Qt::LeftButton);
    QVERIFY2(bar->kind() == ui::MessageBar::Kind::Success, qPrintable(bar->text()));
    auto report = m_env->tills->report(*till);
    QVERIFY(report);
    QCOMPARE(report->state, models::TillState::Closed);
    QVERIFY(report->variance.isZero());
    QVERIFY(!closeButton->isEnabled());
    QVERIFY(openButton->isEnabled());
}

void tst_TillTab::varianceNeedsNoteAndApproval()
{
    auto *bar = find<ui::MessageBar>(m_tab.get(), "tillMessageBar");
    auto *closeButton = find<QPushButton>(m_tab.get(), "closeTillButton");
    auto *approveButton = find<QPushButton>(m_tab.get(), "approveVarianceButton");
    m_env->clock.advanceSeconds(60);
    auto *floatEdit = find<QLineEdit>(m_tab.get(), "floatEdit");
    floatEdit->clear();
    QTest::keyClicks(floatEdit, QStringLiteral("500"));
    QTest::keyClick(floatEdit, Qt::Key_Return);
    QVERIFY2(bar->kind() == ui::MessageBar::Kind::Success, qPrintable(bar->text()));
    auto till = m_env->tills->openTillId();
    QVERIFY(till && *till > 0);
    m_env->clock.advanceSeconds(60);

    // A card payment still in progress at this counter: the close is refused, naming it.
    enterCount(Money::fromFen(50'000));
    const Money due = Money::fromFen(20'000);
    auto attempt = m_env->payments->start(m_env->clerk, newDeposit(due), models::PaymentMethod::Card, due, QStringLiteral("李四"));
    QVERIFY2(attempt, qPrintable(attempt ? QString() : attempt.error().message));
    QTest::mouseClick(closeButton, Qt::LeftButton);
    QCOMPARE(bar->kind(), ui::MessageBar::Kind::Error);
    QVERIFY2(bar->text().contains(attempt->outTradeNo) || bar->text().contains(QString::number(attempt->id)), qPrintable(bar->text()));
    QCOMPARE(m_env->tills->report(*till)->state, models::TillState::Open);
    QVERIFY(m_env->payments->transition(attempt->id, models::PaymentState::Closed, models::PaymentEventSource::Clerk));

    // Ten yuan short, and no note: refused, the till stays open.
    enterCount(Money::fromFen(49'000));
    QVERIFY(find<QLabel>(m_tab.get(), "countedTotalLabel")->text().contains(Money::fromFen(-1'000).toDisplayString()));
    QTest::mouseClick(closeButton, Qt::LeftButton);
    QCOMPARE(bar->kind(), ui::MessageBar::Kind::Error);
    QVERIFY(!bar->text().isEmpty());
    QCOMPARE(m_env->tills->report(*till)->state, models::TillState::Open);
    QVERIFY(closeButton->isEnabled());

    // With a note: counted, waiting for a supervisor.
    QTest::keyClicks(find<QLineEdit>(m_tab.get(), "varianceNoteEdit"), QStringLiteral("short of a 10 yuan note"));
    QTest::mouseClick(closeButton, Qt::LeftButton);
    QVERIFY2(bar->kind() == ui::MessageBar::Kind::Info, qPrintable(bar->text()));
    QCOMPARE(m_env->tills->report(*till)->state, models::TillState::Closing);
    QVERIFY(!closeButton->isEnabled());
    QVERIFY(approveButton->isHidden());

    // The supervisor signs in on the same counter and approves.
    m_tab->setActor(m_env->supervisor);
    QVERIFY(!approveButton->isHidden());
    QVERIFY(approveButton->isEnabled());
    shoot(QStringLiteral("till-awaiting-approval.png"));
    QTest::mouseClick(approveButton, Qt::LeftButton);
    QVERIFY2(bar->kind() == ui::MessageBar::Kind::Success, qPrintable(bar->text()));
    auto report = m_env->tills->report(*till);
    QVERIFY(report);
    QCOMPARE(report->state, models::TillState::Closed);
    QCOMPARE(report->approvedByName, m_env->supervisor.displayName);
    QVERIFY(!approveButton->isEnabled());

    // The 日结单 of that till is saved where the clerk chose.
    const QString path = m_env->dir.filePath(QStringLiteral("daily.pdf"));
    m_interaction.savePath = path;
    QTest::mouseClick(find<QPushButton>(m_tab.get(), "dailyReportButton"), Qt::LeftButton);
    QVERIFY2(bar->kind() == ui::MessageBar::Kind::Success, qPrintable(bar->text()));
    QCOMPARE(m_interaction.suggestedNames.size(), 1);
    QVERIFY(m_interaction.suggestedNames.first().endsWith(QStringLiteral(".pdf")));
    QFile pdf(path);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5).startsWith("%PDF"));
    shoot(QStringLiteral("till-closed.png"));
}

QTEST_MAIN(tst_TillTab)
#include "tst_tilltab.moc"
