#include "models/services/houseservice.h"

#include "models/domain/staffmember.h"
#include "models/services/auditlog.h"
#include "models/services/permissions.h"
#include "models/services/lookupservice.h"
#include "models/services/servicecontext.h"
#include "models/storage/database.h"

#include <QCoreApplication>

namespace fund::models {

HouseService::HouseService(ServiceContext &ctx)
    : m_ctx(ctx)
{
}

Result<HouseDetail> HouseService::detail(const StaffMember &actor, qint64 houseId)
{
    if (auto allowed = require(actor, Permission::ReadPersonalData); !allowed)
        return fail(allowed.error());
    LookupService lookup(m_ctx);
    auto summary = lookup.summary(houseId);
    if (!summary)
        return fail(summary.error());

    HouseDetail d;
    d.summary = *summary;
    auto q = m_ctx.db.exec(QStringLiteral(
                               "SELECT e.name, b.name, b.building_type, u.name, h.room, h.floor, coalesce(h.contract_no, ''), coalesce(h.certificate_no, '') "
                               "FROM houses h JOIN units u ON u.id = h.unit_id JOIN buildings b ON b.id = u.building_id "
                               "JOIN estates e ON e.id = b.estate_id WHERE h.id = ?"),
                           {houseId});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(Error::notFound(QCoreApplication::translate("HouseService", "There is no house with the ID %1.").arg(houseId), QString::number(houseId)));
    d.estateName = q->value(0).toString();
    d.buildingName = q->value(1).toString();
    d.buildingType = q->value(2).toString();
    d.unitName = q->value(3).toString();
    d.room = q->value(4).toString();
    d.floor = q->value(5).toInt();
    d.contractNo = q->value(6).toString();
    d.certificateNo = q->value(7).toString();

    TransactionGuard tx(m_ctx.db);
    if (!tx.started())
        return fail(tx.started().error());
    auto owners = m_ctx.db.exec(QStringLiteral("SELECT p.id, p.name, p.id_number, coalesce(p.phone, '') FROM house_owners o "
                                               "JOIN persons p ON p.id = o.person_id WHERE o.house_id = ? AND o.until_date IS NULL ORDER BY o.id"),
                                {houseId});
    if (!owners)
        return fail(owners.error());
    while (owners->next())
        d.owners.append({owners->value(0).toLongLong(), owners->value(1).toString(), owners->value(2).toString(), owners->value(3).toString()});
    if (auto a = m_ctx.audit.append(&actor, QStringLiteral("house.read_owners"), QStringLiteral("house"), QString::number(houseId)); !a)
        return fail(a.error());
    if (auto c = tx.commit(); !c)
        return fail(c.error());
    return d;
}

Result<AccountStatement> HouseService::statement(qint64 houseId)
{
    AccountStatement s;
    s.houseId = houseId;
    auto acc = m_ctx.db.exec(QStringLiteral("SELECT id, opened_on, first_deposit_fen, principal_fen, interest_fen FROM fund_accounts WHERE house_id = ?"),
                             {houseId});
    if (!acc)
        return fail(acc.error());
    if (!acc->next())
        return s; // a house without an account yet: an empty statement
    s.accountId = acc->value(0).toLongLong();
    s.openedOn = QDate::fromString(acc->value(1).toString(), Qt::ISODate);
    s.firstDeposit = Money::fromFen(acc->value(2).toLongLong());
    s.principal = Money::fromFen(acc->value(3).toLongLong());
    s.interest = Money::fromFen(acc->value(4).toLongLong());

    auto q = m_ctx.db.exec(QStringLiteral("SELECT id, seq, booked_on, kind, principal_fen, interest_fen, principal_balance_fen, "
                                          "interest_balance_fen, memo, coalesce(payment_id, 0) FROM ledger_entries "
                                          "WHERE account_id = ? ORDER BY seq"),
                           {s.accountId});
    if (!q)
        return fail(q.error());
    while (q->next()) {
        LedgerEntry e;
        e.id = q->value(0).toLongLong();
        e.seq = q->value(1).toInt();
        e.bookedOn = QDate::fromString(q->value(2).toString(), Qt::ISODate);
        e.kind = q->value(3).toString();
        e.principal = Money::fromFen(q->value(4).toLongLong());
        e.interest = Money::fromFen(q->value(5).toLongLong());
        e.principalBalance = Money::fromFen(q->value(6).toLongLong());
        e.interestBalance = Money::fromFen(q->value(7).toLongLong());
        e.memo = q->value(8).toString();
        e.paymentId = q->value(9).toLongLong();
        s.entries.append(e);
    }
    return s;
}

} // namespace fund::models
