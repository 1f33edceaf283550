#include "models/services/depositservice.h"

#include "models/core/clock.h"
#include "models/domain/personname.h"
#include "models/domain/staffmember.h"
#include "models/services/auditlog.h"
#include "models/services/permissions.h"
#include "models/services/servicecontext.h"
#include "models/services/tillservice.h"
#include "models/storage/database.h"

#include <QCoreApplication>
#include <QRandomGenerator>

namespace fund::models {

namespace {
const QString RequestColumns = QStringLiteral(
    "r.id, r.serial_no, r.house_id, h.address, r.kind, r.amount_mode, coalesce(r.amount_fen, 0), "
    "coalesce(r.min_fen, 0), coalesce(r.max_fen, 0), r.status, coalesce(r.due_date, '') ");

DepositRequest readRequest(const QSqlQuery &q)
{
    DepositRequest r;
    r.id = q.value(0).toLongLong();
    r.serialNo = q.value(1).toString();
    r.houseId = q.value(2).toLongLong();
    r.houseAddress = q.value(3).toString();
    r.kind = q.value(4).toString();
    r.fixedAmount = q.value(5).toString() == QLatin1String("fixed");
    r.amount = Money::fromFen(q.value(6).toLongLong());
    r.minimum = Money::fromFen(q.value(7).toLongLong());
    r.maximum = Money::fromFen(q.value(8).toLongLong());
    r.status = q.value(9).toString();
    r.dueDate = QDate::fromString(q.value(10).toString(), Qt::ISODate);
    return r;
}

const QString PaymentColumns = QStringLiteral(
    "p.id, p.deposit_id, r.serial_no, p.out_trade_no, p.method, p.amount_fen, coalesce(p.tendered_fen, 0), "
    "coalesce(p.change_fen, 0), p.state, p.payer_name, p.counter_id, s.display_name, coalesce(p.paid_at, ''), "
    "r.house_id, h.address, r.kind ");
const QString PaymentJoins = QStringLiteral(
    "FROM payments p JOIN deposit_requests r ON r.id = p.deposit_id JOIN houses h ON h.id = r.house_id "
    "JOIN staff s ON s.id = p.staff_id ");

PaymentRecord readPayment(const QSqlQuery &q)
{
    PaymentRecord p;
    p.id = q.value(0).toLongLong();
    p.depositId = q.value(1).toLongLong();
    p.serialNo = q.value(2).toString();
    p.outTradeNo = q.value(3).toString();
    p.method = q.value(4).toString();
    p.amount = Money::fromFen(q.value(5).toLongLong());
    p.tendered = Money::fromFen(q.value(6).toLongLong());
    p.change = Money::fromFen(q.value(7).toLongLong());
    p.state = q.value(8).toString();
    p.payerName = q.value(9).toString();
    p.counterId = q.value(10).toString();
    p.staffName = q.value(11).toString();
    p.paidAt = QDateTime::fromString(q.value(12).toString(), Qt::ISODateWithMs);
    p.houseId = q.value(13).toLongLong();
    p.houseAddress = q.value(14).toString();
    p.depositKind = q.value(15).toString();
    return p;
}

} // namespace

DepositService::DepositService(ServiceContext &ctx)
    : m_ctx(ctx)
{
}

QString DepositService::newOutTradeNo(const QDateTime &now)
{
    // 32 characters of [A-Z0-9] (valid for WeChat and Alipay): the second it was made, then 64
    // random bits, so two counters (or two thousand payments in one second) never collide.
    return QStringLiteral("FC%1%2")
        .arg(now.toUTC().toString(QStringLiteral("yyyyMMddHHmmss")))
        .arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'))
        .toUpper();
}

Result<DepositRequest> DepositService::lockPendingRequest(Database &db, qint64 depositId)
{
    auto q = db.exec(QStringLiteral("SELECT ") + RequestColumns
                         + QStringLiteral("FROM deposit_requests r JOIN houses h ON h.id = r.house_id WHERE r.id = ?")
                         + (db.isSqlite() ? QString() : QStringLiteral(" FOR UPDATE OF r")),
                     {depositId});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(Error::notFound(QCoreApplication::translate("DepositService", "The deposit request no longer exists.")));
    const DepositRequest request = readRequest(*q);
    if (request.status == QLatin1String("paid")) {
        auto who = db.exec(QStringLiteral("SELECT p.counter_id, s.display_name, p.paid_at FROM payments p JOIN staff s ON s.id = p.staff_id "
                                          "WHERE p.deposit_id = ? AND p.state = 'paid'"),
                           {depositId});
        if (who && who->next()) {
            const QDateTime at = QDateTime::fromString(who->value(2).toString(), Qt::ISODateWithMs).toLocalTime();
            return fail(Error::conflict(QCoreApplication::translate("DepositService", "Deposit %1 is already paid: collected at counter %2 by %3 at %4. Do not collect it again.")
                                            .arg(request.serialNo, who->value(0).toString(), who->value(1).toString(),
                                                 at.toString(QStringLiteral("yyyy-MM-dd HH:mm")))));
        }
        return fail(Error::conflict(QCoreApplication::translate("DepositService", "Deposit %1 is already paid. Do not collect it again.").arg(request.serialNo)));
    }
    if (!request.isPending())
        return fail(Error::conflict(QCoreApplication::translate("DepositService", "Deposit %1 was cancelled and cannot be paid.").arg(request.serialNo)));
    return request;
}

VoidResult DepositService::refuseIfAttemptOpen(Database &db, const DepositRequest &request, qint64 exceptPaymentId)
{
    auto q = db.exec(QStringLiteral("SELECT p.counter_id, s.display_name, p.method FROM payments p JOIN staff s ON s.id = p.staff_id "
                                    "WHERE p.deposit_id = ? AND p.id <> ? AND p.state IN ('created', 'awaiting', 'unknown')"),
                     {request.id, exceptPaymentId});
    if (!q)
        return fail(q.error());
    if (q->next())
        return fail(Error::conflict(QCoreApplication::translate("PaymentService", "Deposit %1 already has a payment in progress (%2) at counter %3, started by %4. Finish or close that payment first.")
                                        .arg(request.serialNo, paymentMethodLabel(q->value(2).toString()), q->value(0).toString(),
                                             q->value(1).toString())));
    // When in doubt, refuse: a channel reported this deposit paid after its attempt was closed.
    // Until a supervisor settles that in reconciliation (补记 or refund), collecting again could
    // make the resident pay twice.
    auto late = db.exec(QStringLiteral("SELECT p.out_trade_no, p.method FROM payments p WHERE p.deposit_id = ? AND p.id <> ? "
                                       "AND p.needs_reconciliation = 1 AND p.state IN ('closed', 'failed')"),
                        {request.id, exceptPaymentId});
    if (!late)
        return fail(late.error());
    if (late->next())
        return fail(Error::conflict(QCoreApplication::translate("PaymentService", "Deposit %1 was reported paid by %2 after that payment (order %3) was closed. A supervisor must settle it in reconciliation before it is collected again.")
                                        .arg(request.serialNo, paymentMethodLabel(late->value(1).toString()), late->value(0).toString())));
    return {};
}

VoidResult DepositService::postToLedger(Database &db, const DepositRequest &request, qint64 paymentId, Money amount,
                                        const QDateTime &now)
{
    const QString nowText = now.toUTC().toString(Qt::ISODateWithMs);
    // The fund account: created with the first deposit if the house has none yet.
    auto acc = db.exec(QStringLiteral("SELECT id, principal_fen, interest_fen, entry_count FROM fund_accounts WHERE house_id = ?") + db.forUpdate(),
                       {request.houseId});
    if (!acc)
        return fail(acc.error());
    qint64 accountId = 0;
    Money principal;
    Money interest;
    int entries = 0;
    if (acc->next()) {
        accountId = acc->value(0).toLongLong();
        principal = Money::fromFen(acc->value(1).toLongLong());
        interest = Money::fromFen(acc->value(2).toLongLong());
        entries = acc->value(3).toInt();
    } else {
        auto created = db.insert(QStringLiteral("INSERT INTO fund_accounts (house_id, opened_on) VALUES (?, ?)"),
                                 {request.houseId, now.toLocalTime().date().toString(Qt::ISODate)});
        if (!created)
            return fail(created.error());
        accountId = *created;
    }
    const auto newPrincipal = principal.checkedAdd(amount);
    if (!newPrincipal)
        return fail(Error::invalidInput(QCoreApplication::translate("DepositService", "The amount is too large.")));

    auto entry = db.exec(QStringLiteral("INSERT INTO ledger_entries (account_id, seq, booked_on, recorded_at, kind, principal_fen, interest_fen, "
                                        "principal_balance_fen, interest_balance_fen, memo, payment_id) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)"),
                         {accountId, entries + 1, now.toLocalTime().date().toString(Qt::ISODate), nowText, request.kind,
                          amount.fen(), newPrincipal->fen(), interest.fen(), request.serialNo, paymentId});
    if (!entry)
        return fail(entry.error());
    auto upd = db.exec(QStringLiteral("UPDATE fund_accounts SET principal_fen = ?, entry_count = entry_count + 1, "
                                      "first_deposit_fen = CASE WHEN first_deposit_fen = 0 AND ? = 'first_deposit' THEN ? ELSE first_deposit_fen END "
                                      "WHERE id = ?"),
                       {newPrincipal->fen(), request.kind, amount.fen(), accountId});
    if (!upd)
        return fail(upd.error());
    auto done = db.exec(QStringLiteral("UPDATE deposit_requests SET status = 'paid' WHERE id = ? AND status = 'pending'"), {request.id});
    if (!done)
        return fail(done.error());
    if (done->numRowsAffected() != 1)
        return fail(Error::conflict(QCoreApplication::translate("DepositService", "Deposit %1 was just paid at another counter. Do not collect it again.").arg(request.serialNo)));
    return {};
}

Result<QList<DepositRequest>> DepositService::pendingForHouse(qint64 houseId)
{
    auto q = m_ctx.db.exec(QStringLiteral("SELECT ") + RequestColumns
                               + QStringLiteral("FROM deposit_requests r JOIN houses h ON h.id = r.house_id "
                                                "WHERE r.house_id = ? AND r.status = 'pending' ORDER BY r.id"),
                           {houseId});
    if (!q)
        return fail(q.error());
    QList<DepositRequest> list;
    while (q->next())
        list.append(readRequest(*q));
    return list;
}

Result<DepositRequest> DepositService::bySerial(const QString &serialNo)
{
    const QString serial = serialNo.trimmed().toUpper();
    if (serial.isEmpty())
        return fail(Error::invalidInput(QCoreApplication::translate("DepositService", "Enter the business serial number (业务流水号) printed on the payment notice.")));
    auto q = m_ctx.db.exec(QStringLiteral("SELECT ") + RequestColumns
                               + QStringLiteral("FROM deposit_requests r JOIN houses h ON h.id = r.house_id WHERE r.serial_no = ?"),
                           {serial});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(Error::notFound(QCoreApplication::translate("DepositService", "No deposit has the serial number %1. Check the number on the payment notice.").arg(serial)));
    return readRequest(*q);
}

Result<DepositRequest> DepositService::findForQuickDeposit(const QString &serialNo, const QString &ownerName)
{
    const QString nameKey = normalizePersonName(ownerName);
    if (nameKey.isEmpty())
        return fail(Error::invalidInput(QCoreApplication::translate("DepositService", "Enter the owner's name (业主名称) as on the payment notice.")));
    auto request = bySerial(serialNo);
    if (!request)
        return request;
    auto match = m_ctx.db.scalar(QStringLiteral("SELECT count(*) FROM house_owners o JOIN persons p ON p.id = o.person_id "
                                                "WHERE o.house_id = ? AND o.until_date IS NULL AND p.name_key = ?"),
                                 {request->houseId, nameKey});
    if (!match)
        return fail(match.error());
    if (match->toInt() == 0)
        return fail(Error::notFound(QCoreApplication::translate("DepositService", "The owner's name does not match serial number %1. Check the name on the payment notice.")
                                        .arg(request->serialNo)));
    return request;
}

VoidResult DepositService::validateAmount(const DepositRequest &request, Money amount)
{
    if (amount.fen() <= 0)
        return fail(Error::invalidInput(QCoreApplication::translate("DepositService", "The amount must be greater than zero.")));
    if (request.fixedAmount) {
        if (amount != request.amount)
            return fail(Error::invalidInput(QCoreApplication::translate("DepositService", "This deposit has a fixed amount of %1 yuan.").arg(request.amount.toString())));
        return {};
    }
    if (amount < request.minimum || amount > request.maximum)
        return fail(Error::invalidInput(QCoreApplication::translate("DepositService", "The amount must be between %1 and %2 yuan.")
                                            .arg(request.minimum.toString(), request.maximum.toString())));
    return {};
}

VoidResult DepositService::validateTender(Money amount, Money tendered)
{
    if (tendered < amount)
        return fail(Error::invalidInput(QCoreApplication::translate("DepositService", "The cash handed over (%1 yuan) is less than the amount due (%2 yuan).")
                                            .arg(tendered.toString(), amount.toString())));
    if (tendered.fen() - amount.fen() > MaxChangeFen)
        return fail(Error::invalidInput(QCoreApplication::translate("DepositService", "The cash handed over (%1 yuan) is more than 10,000 yuan above the amount due (%2 yuan). Check the amount tendered.")
                                            .arg(tendered.toString(), amount.toString())));
    return {};
}

Result<PaymentRecord> DepositService::collectCash(const StaffMember &actor, qint64 depositId, const CashTender &tender,
                                                  const QString &payerName)
{
    if (auto allowed = require(actor, Permission::CollectPayment); !allowed)
        return fail(allowed.error());
    if (payerName.trimmed().isEmpty())
        return fail(Error::invalidInput(QCoreApplication::translate("DepositService", "Enter the payer's name.")));
    if (auto t = validateTender(tender.amount, tender.tendered); !t)
        return fail(t.error());

    // One transaction, run again if the database aborted it only because of another counter.
    auto paid = m_ctx.db.retrying([&]() -> Result<qint64> {
        Database &db = m_ctx.db;
        TransactionGuard tx(db);
        if (!tx.started())
            return fail(tx.started().error());

        // Lock the request: a second counter waits here and then sees it paid.
        auto locked = lockPendingRequest(db, depositId);
        if (!locked)
            return fail(locked.error());
        const DepositRequest request = *locked;
        if (auto open = refuseIfAttemptOpen(db, request); !open)
            return fail(open.error());
        if (auto v = validateAmount(request, tender.amount); !v)
            return fail(v.error());
        auto till = TillService::tillForCollection(m_ctx);
        if (!till)
            return fail(till.error());

        const QDateTime now = m_ctx.clock.now().toUTC();
        const QString nowText = now.toString(Qt::ISODateWithMs);
        const Money change = tender.tendered - tender.amount;
        const QString outTradeNo = newOutTradeNo(now);

        auto paymentId = db.insert(QStringLiteral("INSERT INTO payments (deposit_id, out_trade_no, method, amount_fen, tendered_fen, change_fen, "
                                                  "state, staff_id, counter_id, payer_name, created_at, paid_at, till_id) "
                                                  "VALUES (?, ?, 'cash', ?, ?, ?, 'paid', ?, ?, ?, ?, ?, ?)"),
                                   {depositId, outTradeNo, tender.amount.fen(), tender.tendered.fen(), change.fen(), actor.id,
                                    m_ctx.counterId, payerName.trimmed(), nowText, nowText,
                                    *till ? QVariant(*till) : QVariant(QMetaType(QMetaType::LongLong))});
        if (!paymentId) {
            // Only the one-paid-per-deposit index means "paid elsewhere"; any other clash (say an
            // order number) is a storage error, retried by Database::retrying.
            const QString &detail = paymentId.error().detail;
            if (detail.contains(QLatin1String("payments.deposit_id")) || detail.contains(QLatin1String("ux_payments_one_paid_per_deposit")))
                return fail(Error::conflict(QCoreApplication::translate("DepositService", "Deposit %1 was just paid at another counter. Do not collect it again.").arg(request.serialNo),
                                            paymentId.error().detail));
            return fail(paymentId.error());
        }
        if (auto posted = postToLedger(db, request, *paymentId, tender.amount, now); !posted)
            return fail(posted.error());
        if (auto a = m_ctx.audit.append(&actor, QStringLiteral("payment.collect"), QStringLiteral("payment"), QString::number(*paymentId),
                                        QStringLiteral("serial=%1 method=cash amount_fen=%2 tendered_fen=%3")
                                            .arg(request.serialNo)
                                            .arg(tender.amount.fen())
                                            .arg(tender.tendered.fen()));
            !a)
            return fail(a.error());
        if (auto c = tx.commit(); !c)
            return fail(c.error());
        return *paymentId;
    });
    if (!paid)
        return fail(paid.error());
    return payment(*paid);
}

Result<QList<PaymentRecord>> DepositService::paymentsForHouse(qint64 houseId)
{
    auto q = m_ctx.db.exec(QStringLiteral("SELECT ") + PaymentColumns + PaymentJoins
                               + QStringLiteral("WHERE r.house_id = ? ORDER BY p.id DESC"),
                           {houseId});
    if (!q)
        return fail(q.error());
    QList<PaymentRecord> list;
    while (q->next())
        list.append(readPayment(*q));
    return list;
}

Result<PaymentRecord> DepositService::payment(qint64 paymentId)
{
    auto q = m_ctx.db.exec(QStringLiteral("SELECT ") + PaymentColumns + PaymentJoins + QStringLiteral("WHERE p.id = ?"), {paymentId});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(Error::notFound(QCoreApplication::translate("DepositService", "The payment no longer exists."), QString::number(paymentId)));
    return readPayment(*q);
}

} // namespace fund::models
