#pragma once

#include "models/core/error.h"
#include "models/domain/deposit.h"

#include <QDateTime>
#include <QList>

namespace fund::models {

class Database;
struct ServiceContext;
struct StaffMember;

// Pending deposits (待交存) and collecting them exactly once.
class DepositService
{
public:
    explicit DepositService(ServiceContext &ctx);

    Result<QList<DepositRequest>> pendingForHouse(qint64 houseId);
    // Quick deposit (快速交存): 业务流水号 + 业主名称, for any house. The name is compared
    // after normalising width, spaces and the middle dot.
    Result<DepositRequest> findForQuickDeposit(const QString &serialNo, const QString &ownerName);
    Result<DepositRequest> bySerial(const QString &serialNo);

    // Checks an amount against a request: the fixed amount, or within the open bounds.
    static VoidResult validateAmount(const DepositRequest &request, Money amount);
    // Cash handed over for `amount`: not less than it, and not more than MaxChange above it (a
    // typing slip such as an extra zero, and far from any overflow of the change).
    static VoidResult validateTender(Money amount, Money tendered);
    static constexpr qint64 MaxChangeFen = 1'000'000; // 10,000 yuan

    // Collects a deposit in cash: payment, ledger entry, account balance, request status and
    // audit row in one transaction. A second collection of the same request is refused by the
    // service and, should two counters race, by the database's unique index.
    Result<PaymentRecord> collectCash(const StaffMember &actor, qint64 depositId, const CashTender &tender,
                                      const QString &payerName);

    Result<QList<PaymentRecord>> paymentsForHouse(qint64 houseId);
    Result<PaymentRecord> payment(qint64 paymentId);

    // A merchant order number valid for every channel: [A-Za-z0-9], at most 32 characters.
    static QString newOutTradeNo(const QDateTime &now);

private:
    // The posting steps shared with PaymentService (the one place a deposit becomes paid).
    friend class PaymentService;

    // Reads and locks the request (FOR UPDATE OF r on PostgreSQL; SQLite already holds the write
    // lock). Refuses, as Conflict, a request that is already paid (naming the counter, clerk and
    // time) or cancelled. Must run inside the caller's write transaction.
    static Result<DepositRequest> lockPendingRequest(Database &db, qint64 depositId);
    // Refuses, as Conflict, a request with an open payment attempt (created, awaiting or unknown),
    // naming the counter and clerk that started it; `exceptPaymentId` is the caller's own attempt.
    static VoidResult refuseIfAttemptOpen(Database &db, const DepositRequest &request, qint64 exceptPaymentId = 0);
    // Books a paid payment: the fund account (opened with the first deposit), the ledger entry
    // with its running balances, the account cache and the request's status. Inside the caller's
    // transaction, after lockPendingRequest.
    static VoidResult postToLedger(Database &db, const DepositRequest &request, qint64 paymentId, Money amount,
                                   const QDateTime &now);
    ServiceContext &m_ctx;
};

} // namespace fund::models
