// Breaker: amounts near the top of Money's range. Money::parse accepts up to 90,000,000,000,000
// yuan (9e15 fen); unchecked Money arithmetic (operator+ / operator-) then overflows Money's
// range, which asserts (QT_FORCE_ASSERTS builds: the program aborts) or silently keeps the left
// operand (release builds: a wrong figure). Each case runs in a child process so that an abort
// is reported as a failure of that case instead of killing the whole test.
#include "common/testenvironment.h"

#include "models/channels/cashchannel.h"
#include "models/services/depositservice.h"
#include "models/services/paymentservice.h"
#include "models/services/tillservice.h"

#include <QTest>

#include <csignal>
#include <cstring>
#include <limits>
#include <optional>
#include <cstdio>
#include <functional>
#include <sys/wait.h>
#include <unistd.h>

using namespace fund::models;
using fund::tests::TestEnvironment;

namespace {

// Runs `body` in a child process; returns "" when it exited 0, else what happened.
QString inChild(const std::function<int()> &body)
{
    std::fflush(nullptr);
    const pid_t pid = ::fork();
    if (pid == 0) {
        int rc = 99;
        rc = body();
        std::fflush(nullptr);
        ::_exit(rc);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (WIFSIGNALED(status))
        return QStringLiteral("the child CRASHED with signal %1 (%2)").arg(WTERMSIG(status)).arg(QString::fromLocal8Bit(strsignal(WTERMSIG(status))));
    if (WEXITSTATUS(status) != 0)
        return QStringLiteral("the child exited %1 (a wrong result, see its output)").arg(WEXITSTATUS(status));
    return QString();
}

qint64 newDeposit(TestEnvironment &env, Money amount, const QString &serial)
{
    auto house = env.db->scalar(QStringLiteral("SELECT min(id) FROM houses"));
    if (!house)
        return 0;
    auto id = env.db->insert(QStringLiteral("INSERT INTO deposit_requests (serial_no, house_id, kind, amount_mode, amount_fen, status, created_at) "
                                            "VALUES (?, ?, 'renewal', 'fixed', ?, 'pending', ?)"),
                             {serial, house->toLongLong(), amount.fen(), env.clock.now().toString(Qt::ISODateWithMs)});
    return id ? *id : 0;
}

} // namespace

class tst_BreakOverflow : public QObject
{
    Q_OBJECT

private slots:
    void hugeFloatThenOneCashPayment();
    void hugeTenderedAtTheService();
    void hugeTenderedThroughSubmitCash();
};

// Till tab: the clerk types 90000000000000 (a value Money::parse accepts) as the opening float,
// then collects 1 yuan in cash. The X report adds float + cash in with unchecked operator+.
void tst_BreakOverflow::hugeFloatThenOneCashPayment()
{
    const QString problem = inChild([] {
        auto env = TestEnvironment::create(5, QStringLiteral("OVF1"));
        if (!env)
            return 98;
        const auto huge = Money::parse(QStringLiteral("90000000000000"));
        if (!huge)
            return 97;
        auto till = env->tills->open(env->clerk, *huge);
        if (!till) {
            std::fprintf(stderr, "open refused (fine): %s\n", qPrintable(till.error().message));
            return 0; // refusing an absurd float is a correct answer
        }
        const qint64 deposit = newDeposit(*env, Money::fromFen(100), QStringLiteral("OVF000000001"));
        auto paid = env->deposits->collectCash(env->clerk, deposit, {Money::fromFen(100), Money::fromFen(100)}, QStringLiteral("溢出"));
        if (!paid) {
            std::fprintf(stderr, "collect refused: %s\n", qPrintable(paid.error().message));
            return 0;
        }
        auto x = env->tills->xReport(till->tillId); // float + cash in
        if (!x) {
            std::fprintf(stderr, "X report refused: %s\n", qPrintable(x.error().message));
            return 0;
        }
        std::fprintf(stderr, "expected cash %lld fen, float %lld, cash in %lld\n", qint64(x->expectedCash.fen()),
                     qint64(x->openingFloat.fen()), qint64(x->cashIn.fen()));
        return x->expectedCash.fen() == x->openingFloat.fen() + x->cashIn.fen() ? 0 : 1;
    });
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

// DepositService::collectCash computes the change with unchecked operator- before anything
// bounds `tendered`.
void tst_BreakOverflow::hugeTenderedAtTheService()
{
    const QString problem = inChild([] {
        auto env = TestEnvironment::create(5, QStringLiteral("OVF2"));
        if (!env)
            return 98;
        const qint64 deposit = newDeposit(*env, Money::fromFen(100), QStringLiteral("OVF000000002"));
        auto paid = env->deposits->collectCash(env->clerk, deposit,
                                               {Money::fromFen(100), Money::fromFen(std::numeric_limits<qint64>::max())}, QStringLiteral("溢出"));
        if (!paid) {
            std::fprintf(stderr, "refused (fine): %s\n", qPrintable(paid.error().message));
            return paid.error().code == Error::Code::InvalidInput ? 0 : 2;
        }
        std::fprintf(stderr, "collected; tendered %lld change %lld\n", qint64(paid->tendered.fen()), qint64(paid->change.fen()));
        return 1; // collected with a change that is not tendered - amount
    });
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void tst_BreakOverflow::hugeTenderedThroughSubmitCash()
{
    const QString problem = inChild([] {
        auto env = TestEnvironment::create(5, QStringLiteral("OVF3"));
        if (!env)
            return 98;
        const qint64 deposit = newDeposit(*env, Money::fromFen(100), QStringLiteral("OVF000000003"));
        CashChannel cash;
        PaymentService payments(*env->context, {{PaymentMethod::Cash, &cash}});
        auto a = payments.start(env->clerk, deposit, PaymentMethod::Cash, Money::fromFen(100), QStringLiteral("溢出"));
        if (!a)
            return 3;
        std::optional<Result<PaymentAttempt>> r;
        payments.submitCash(a->id, Money::fromFen(std::numeric_limits<qint64>::max()), [&](Result<PaymentAttempt> x) { r = x; });
        if (!r)
            return 4;
        if (!*r) {
            std::fprintf(stderr, "refused (fine): %s\n", qPrintable(r->error().message));
            return 0;
        }
        std::fprintf(stderr, "paid; tendered %lld change %lld\n", qint64((*r)->tendered.fen()), qint64((*r)->change.fen()));
        return (*r)->change.fen() + 100 == (*r)->tendered.fen() ? 0 : 1;
    });
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QTEST_GUILESS_MAIN(tst_BreakOverflow)
#include "tst_break_overflow.moc"
