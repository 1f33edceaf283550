#pragma once

#include "models/core/error.h"
#include "models/domain/deposit.h"

#include <QList>

namespace fund::models {

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

    // Collects a deposit in cash: payment, ledger entry, account balance, request status and
    // audit row in one transaction. A second collection of the same request is refused by the
    // service and, should two counters race, by the database's unique index.
    Result<PaymentRecord> collectCash(const StaffMember &actor, qint64 depositId, const CashTender &tender,
                                      const QString &payerName);

    Result<QList<PaymentRecord>> paymentsForHouse(qint64 houseId);
    Result<PaymentRecord> payment(qint64 paymentId);

private:
    ServiceContext &m_ctx;
};

} // namespace fund::models
