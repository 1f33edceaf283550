// The supervisor's refund (退款) flow offscreen: clerks do not see the action, the reason is
// mandatory, the confirmation goes through Interaction, an unknown outcome is shown as "result
// unknown — querying" and resolved by 查询, and clicking again never makes a second refund.
#include "common/screenshots.h"
#include "common/fakechannel.h"
#include "common/testenvironment.h"

#include "models/services/refundservice.h"
#include "models/session/countersession.h"
#include "ui/fund/fundtab.h"
#include "ui/interaction.h"
#include "ui/payments/refunddialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QtTest>

using namespace fund;
using models::Money;
using models::PaymentMethod;
using tests::FakeChannel;

namespace {

class ScriptedInteraction final : public ui::Interaction
{
public:
    bool confirm(QWidget *, const QString &, const QString &text) override
    {
        asked.append(text);
        return answer;
    }
    void warn(QWidget *, const QString &, const QString &text) override { warnings.append(text); }
    std::optional<QString> saveFileName(QWidget *, const QString &, const QString &, const QString &) override { return std::nullopt; }
    bool setUpPrinter(QWidget *, QPrinter *) override { return false; }

    bool answer = true;
    QStringList asked;
    QStringList warnings;
};

const Money Due = Money::fromFen(256'000);

} // namespace

class TestRefundDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void clerksDoNotSeeTheAction();
    void supervisorRefundsWithUnknownThenQuery();

private:
    qint64 paidPayment();

    std::unique_ptr<tests::TestEnvironment> m_env;
    std::unique_ptr<FakeChannel> m_fake;
    std::unique_ptr<models::RefundService> m_refunds;
};

void TestRefundDialog::initTestCase()
{
    m_env = tests::TestEnvironment::create(5);
    QVERIFY2(m_env, qPrintable(tests::TestEnvironment::lastError()));
    m_fake = std::make_unique<FakeChannel>(PaymentMethod::WechatNative);
    m_fake->setDefaultAmount(Due);
    m_env->addChannel(PaymentMethod::WechatNative, m_fake.get());
    m_refunds = std::make_unique<models::RefundService>(*m_env->context, *m_env->payments);
    m_env->services->refunds = m_refunds.get();
}

void TestRefundDialog::cleanupTestCase()
{
    m_refunds.reset();
    m_env.reset();
}

qint64 TestRefundDialog::paidPayment()
{
    auto house = m_env->db->scalar(QStringLiteral("SELECT min(id) FROM houses"));
    auto deposit = m_env->db->insert(QStringLiteral("INSERT INTO deposit_requests (serial_no, house_id, kind, amount_mode, amount_fen, status, created_at) "
                                                    "VALUES (?, ?, 'renewal', 'fixed', ?, 'pending', ?)"),
                                     {QStringLiteral("RFG%1").arg(QRandomGenerator::global()->bounded(1'000'000'000)), house->toLongLong(), Due.fen(),
                                      m_env->clock.now().toString(Qt::ISODateWithMs)});
    if (!deposit)
        return 0;
    auto a = m_env->payments->start(m_env->clerk, *deposit, PaymentMethod::WechatNative, Due, QStringLiteral("张三"));
    if (!a)
        return 0;
    models::ChannelStatus paid;
    paid.state = models::ChannelState::Paid;
    paid.paidAmount = Due;
    auto r = m_env->payments->applyChannelStatus(a->id, paid);
    return r ? a->id : 0;
}

void TestRefundDialog::clerksDoNotSeeTheAction()
{
    models::CounterSession session;
    ScriptedInteraction interaction;
    ui::FundTab tab(*m_env->services, session, interaction);
    auto *button = tab.findChild<QPushButton *>(QStringLiteral("refundButton"));
    QVERIFY(button);
    tab.setActor(m_env->clerk);
    QVERIFY(button->isHidden());
    tab.setActor(m_env->supervisor);
    QVERIFY(!button->isHidden());
    QVERIFY(!button->isEnabled()); // nothing selected
}

void TestRefundDialog::supervisorRefundsWithUnknownThenQuery()
{
    const qint64 paymentId = paidPayment();
    QVERIFY(paymentId > 0);
    auto payment = m_env->deposits->payment(paymentId);
    QVERIFY(payment);
    ScriptedInteraction interaction;
    ui::RefundDialog dialog(*m_refunds, interaction, m_env->supervisor, *payment);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *amount = dialog.findChild<QLabel *>(QStringLiteral("refundAmountLabel"));
    auto *reason = dialog.findChild<QLineEdit *>(QStringLiteral("refundReasonEdit"));
    auto *refund = dialog.findChild<QPushButton *>(QStringLiteral("refundButton"));
    auto *query = dialog.findChild<QPushButton *>(QStringLiteral("refundQueryButton"));
    auto *state = dialog.findChild<QLabel *>(QStringLiteral("refundStateLabel"));
    QVERIFY(amount && reason && refund && query && state);
    QCOMPARE(amount->text(), Due.toDisplayString());
    // The amount is the largest text of the dialog.
    for (QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label != amount)
            QVERIFY(label->font().pointSizeF() < amount->font().pointSizeF());
    }
    QVERIFY(query->isHidden());

    // No reason: refused, nothing stored.
    QTest::mouseClick(refund, Qt::LeftButton);
    QCOMPARE(dialog.refundId(), 0);
    QVERIFY(interaction.asked.isEmpty());
    reason->setText(QStringLiteral("居民重复缴存"));
    // The supervisor says no at the confirmation: nothing stored.
    interaction.answer = false;
    QTest::mouseClick(refund, Qt::LeftButton);
    QCOMPARE(interaction.asked.size(), 1);
    QVERIFY2(interaction.asked.first().contains(Due.toDisplayString()), qPrintable(interaction.asked.first()));
    QCOMPARE(dialog.refundId(), 0);

    // Yes: the channel's reply is lost.
    interaction.answer = true;
    m_fake->scriptRefund(FakeChannel::Call::Refund, FakeChannel::RefundOutcome::Unknown);
    QTest::mouseClick(refund, Qt::LeftButton);
    QVERIFY(dialog.refundId() > 0);
    QVERIFY2(state->text().contains(QStringLiteral("unknown")), qPrintable(state->text()));
    QVERIFY(!query->isHidden());
    QVERIFY(query->isEnabled());
    QVERIFY(fund::tests::saveScreenshot(dialog.grab(), QStringLiteral("refunddialog-unknown.png")));

    // Clicking again resends the same refund number: still one refund.
    m_fake->scriptRefund(FakeChannel::Call::Refund, FakeChannel::RefundOutcome::Processing);
    QTest::mouseClick(refund, Qt::LeftButton);
    QCOMPARE(m_env->db->scalar(QStringLiteral("SELECT count(*) FROM payment_refunds WHERE payment_id = ?"), {paymentId})->toInt(), 1);
    QCOMPARE(m_fake->count(FakeChannel::Call::Refund), 2);
    QCOMPARE(m_fake->calls().at(m_fake->calls().size() - 1).outRefundNo, m_fake->calls().at(m_fake->calls().size() - 2).outRefundNo);

    // 查询: succeeded; the deposit is due again.
    QTest::mouseClick(query, Qt::LeftButton);
    QVERIFY2(state->text().contains(QStringLiteral("refunded")), qPrintable(state->text()));
    QVERIFY(!refund->isEnabled());
    QVERIFY(!query->isEnabled());
    QCOMPARE(m_env->db->scalar(QStringLiteral("SELECT state FROM payments WHERE id = ?"), {paymentId})->toString(), QStringLiteral("refunded"));
    QCOMPARE(m_env->db->scalar(QStringLiteral("SELECT status FROM deposit_requests WHERE id = ?"), {payment->depositId})->toString(),
             QStringLiteral("pending"));
    QVERIFY(fund::tests::saveScreenshot(dialog.grab(), QStringLiteral("refunddialog-done.png")));

    // Opened again on the refunded payment: it says so and offers nothing.
    ui::RefundDialog again(*m_refunds, interaction, m_env->supervisor, *payment);
    auto *againButton = again.findChild<QPushButton *>(QStringLiteral("refundButton"));
    QVERIFY(!againButton->isEnabled());
}

QTEST_MAIN(TestRefundDialog)
#include "tst_refunddialog.moc"
