// The reconciliation tab (对账): hidden from clerks; a supervisor imports a WeChat Pay trade bill
// built here from real local payments, sees matched / local-only / channel-only rows, and exports
// the result as a CSV that Excel opens (UTF-8 with a BOM).
#include "common/screenshots.h"
#include "common/fakechannel.h"
#include "common/testenvironment.h"
#include "models/session/countersession.h"
#include "ui/interaction.h"
#include "ui/mainwindow.h"
#include "ui/reconciliation/reconciliationtab.h"
#include "ui/widgets/messagebar.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QtTest>

using namespace fund;
using models::Money;
using models::PaymentMethod;
using tests::FakeChannel;
using tests::TestEnvironment;

namespace {

const Money Due = Money::fromFen(123'456);

class ScriptedInteraction final : public ui::Interaction
{
public:
    bool confirm(QWidget *, const QString &, const QString &) override { return false; }
    void warn(QWidget *, const QString &, const QString &text) override { warnings.append(text); }
    std::optional<QString> saveFileName(QWidget *, const QString &, const QString &, const QString &) override
    {
        return savePath;
    }
    std::optional<QString> openFileName(QWidget *, const QString &, const QString &, const QString &) override
    {
        ++filesAsked;
        return openPath;
    }
    bool setUpPrinter(QWidget *, QPrinter *) override { return false; }

    std::optional<QString> savePath;
    std::optional<QString> openPath;
    int filesAsked = 0;
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

struct Line
{
    QString key;
    QString amount;
};

// A WeChat Pay trade bill (bill_type=ALL) as tests/db/tst_reconciliationservice.cpp builds it.
QByteArray wechatBill(const QList<Line> &lines, const QString &time)
{
    const QString header = QStringLiteral("交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,"
                                          "应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,"
                                          "商户数据包,手续费,费率,订单金额,申请退款金额,费率备注");
    QString text = header + u"\r\n";
    int n = 0;
    for (const Line &l : lines) {
        ++n;
        const QString wx = QStringLiteral("42000012%1").arg(n, 20, 10, QLatin1Char('0'));
        const QStringList f = {time, QStringLiteral("wx2421b1c4370ec43b"), QStringLiteral("1900000109"), QString(), QString(), wx, l.key,
                               QStringLiteral("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"), QStringLiteral("NATIVE"), QStringLiteral("SUCCESS"),
                               QStringLiteral("OTHERS"), QStringLiteral("CNY"), l.amount, QStringLiteral("0.00"), QString(), QString(),
                               QStringLiteral("0.00"), QStringLiteral("0.00"), QString(), QString(), QStringLiteral("住宅专项维修资金, 续交"),
                               QString(), QStringLiteral("0.00"), QStringLiteral("0.60%"), l.amount, QStringLiteral("0.00"), QString()};
        QStringList cells;
        for (const QString &c : f)
            cells.append(u'`' + c);
        text += cells.join(u',') + u"\r\n";
    }
    text += QStringLiteral("总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\r\n");
    text += QStringLiteral("`%1,`0.00,`0.00,`0.00,`0.00,`0.00,`0.00\r\n").arg(lines.size());
    return QByteArray("\xEF\xBB\xBF") + text.toUtf8();
}

} // namespace

class tst_ReconciliationTab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void onlySupervisorsSeeTheTab();
    void importReconcileAndExport();

private:
    qint64 newDeposit();
    QString payByWechat();

    std::unique_ptr<TestEnvironment> m_env;
    std::unique_ptr<FakeChannel> m_wechat;
    ScriptedInteraction m_interaction;
    int m_serial = 0;
};

void tst_ReconciliationTab::initTestCase()
{
    m_env = TestEnvironment::create(20);
    QVERIFY2(m_env, qPrintable(TestEnvironment::lastError()));
    m_wechat = std::make_unique<FakeChannel>(PaymentMethod::WechatNative);
    m_wechat->setDefault(FakeChannel::Call::Create, FakeChannel::Outcome::Paid);
    m_wechat->setDefaultAmount(Due);
    m_env->addChannel(PaymentMethod::WechatNative, m_wechat.get());
}

void tst_ReconciliationTab::cleanupTestCase()
{
    m_env.reset();
    m_wechat.reset();
}

qint64 tst_ReconciliationTab::newDeposit()
{
    auto house = m_env->db->scalar(QStringLiteral("SELECT min(id) FROM houses"));
    if (!house)
        return 0;
    auto id = m_env->db->insert(QStringLiteral("INSERT INTO deposit_requests (serial_no, house_id, kind, amount_mode, amount_fen, status, created_at) "
                                               "VALUES (?, ?, 'renewal', 'fixed', ?, 'pending', ?)"),
                                {QStringLiteral("RTB%1").arg(++m_serial, 9, 10, QLatin1Char('0')), house->toLongLong() + (m_serial % 10),
                                 Due.fen(), m_env->clock.now().toString(Qt::ISODateWithMs)});
    return id ? *id : 0;
}

// A WeChat payment paid through PaymentService; its out_trade_no.
QString tst_ReconciliationTab::payByWechat()
{
    auto attempt = m_env->payments->start(m_env->clerk, newDeposit(), PaymentMethod::WechatNative, Due, QStringLiteral("张三"));
    if (!attempt)
        return {};
    std::optional<models::Result<models::PaymentAttempt>> result;
    m_env->payments->submit(attempt->id, QString(), [&](models::Result<models::PaymentAttempt> r) { result = std::move(r); });
    if (!result || !*result || (*result)->state != models::PaymentState::Paid)
        return {};
    return (*result)->outTradeNo;
}

void tst_ReconciliationTab::onlySupervisorsSeeTheTab()
{
    models::CounterSession session;
    ui::MainWindow window(*m_env->services, session, m_interaction, m_env->clerk, QStringLiteral("T01"));
    auto *tabs = find<QTabWidget>(&window, "tabs");
    auto *tab = find<ui::ReconciliationTab>(&window, "reconciliationTab");
    QCOMPARE(tabs->indexOf(tab), -1);
    QVERIFY(tabs->indexOf(find<QWidget>(&window, "tillTab")) >= 0);

    window.setActor(m_env->supervisor);
    QVERIFY(tabs->indexOf(tab) >= 0);
    QCOMPARE(tabs->tabText(tabs->indexOf(tab)), QStringLiteral("Reconciliation"));

    window.setActor(m_env->clerk); // the next sign-in is a clerk again
    QCOMPARE(tabs->indexOf(tab), -1);
}

void tst_ReconciliationTab::importReconcileAndExport()
{
    const QDate day(2026, 12, 4);
    m_env->clock.setNow(QDateTime(day, QTime(9, 30), Qt::UTC)); // 17:30 in Beijing
    const QString matched = payByWechat();
    const QString localOnly = payByWechat();
    QVERIFY(!matched.isEmpty() && !localOnly.isEmpty());
    const QString stranger = QStringLiteral("NOSUCHORDER1");
    const QString billPath = m_env->dir.filePath(QStringLiteral("wechat-bill.csv"));
    {
        QFile bill(billPath);
        QVERIFY(bill.open(QIODevice::WriteOnly));
        bill.write(wechatBill({{matched, Due.toPlainString()}, {stranger, QStringLiteral("10.00")}},
                              day.toString(Qt::ISODate) + QStringLiteral(" 17:30:00")));
    }

    ui::ReconciliationTab tab(*m_env->services, m_interaction);
    tab.setActor(m_env->supervisor);
    tab.resize(1200, 600);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    auto *bar = find<ui::MessageBar>(&tab, "reconciliationMessageBar");
    auto *combo = find<QComboBox>(&tab, "channelCombo");
    QCOMPARE(combo->count(), 3);
    combo->setCurrentIndex(combo->findData(int(models::BillChannel::Wechat)));
    QVERIFY(!find<QPushButton>(&tab, "exportButton")->isEnabled());

    m_interaction.openPath = billPath;
    QTest::mouseClick(find<QPushButton>(&tab, "importBillButton"), Qt::LeftButton);
    QCOMPARE(m_interaction.filesAsked, 1);
    QVERIFY2(bar->kind() == ui::MessageBar::Kind::Success, qPrintable(bar->text()));
    QCOMPARE(find<QDateEdit>(&tab, "reconciliationDateEdit")->date(), day);

    QTest::mouseClick(find<QPushButton>(&tab, "reconcileButton"), Qt::LeftButton);
    auto *table = find<QTableWidget>(&tab, "reconciliationTable");
    QCOMPARE(table->rowCount(), 3);
    QMap<QString, QString> categoryOf; // key → category code
    QSet<QRgb> colours;
    for (int row = 0; row < table->rowCount(); ++row) {
        categoryOf.insert(table->item(row, 1)->text(), table->item(row, 0)->data(Qt::UserRole).toString());
        colours.insert(table->item(row, 0)->background().color().rgb());
    }
    QCOMPARE(categoryOf.value(matched), QStringLiteral("MATCHED"));
    QCOMPARE(categoryOf.value(localOnly), QStringLiteral("LOCAL_ONLY"));
    QCOMPARE(categoryOf.value(stranger), QStringLiteral("CHANNEL_ONLY"));
    QCOMPARE(colours.size(), 3); // one colour per category
    const QString summary = find<QLabel>(&tab, "reconciliationSummaryLabel")->text();
    QVERIFY2(summary.contains(QStringLiteral("matched: 1")) && summary.contains(QStringLiteral("local only: 1"))
                 && summary.contains(QStringLiteral("channel only: 1")),
             qPrintable(summary));
    QVERIFY(fund::tests::saveScreenshot(tab.grab(), QStringLiteral("reconciliation.png")));

    const QString csvPath = m_env->dir.filePath(QStringLiteral("reconciliation.csv"));
    m_interaction.savePath = csvPath;
    QVERIFY(find<QPushButton>(&tab, "exportButton")->isEnabled());
    QTest::mouseClick(find<QPushButton>(&tab, "exportButton"), Qt::LeftButton);
    QVERIFY2(bar->kind() == ui::MessageBar::Kind::Success, qPrintable(bar->text()));
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QByteArray bytes = csv.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    QVERIFY(bytes.contains(matched.toUtf8()));
    QVERIFY(bytes.contains(stranger.toUtf8()));
}

QTEST_MAIN(tst_ReconciliationTab)
#include "tst_reconciliationtab.moc"
