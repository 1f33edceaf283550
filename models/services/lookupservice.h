#pragma once

#include "models/core/error.h"
#include "models/domain/deposit.h"
#include "models/domain/house.h"

#include <QList>

namespace fund::models {

struct ServiceContext;
struct StaffMember;

// Every way to find a house. Result lists are paged (limit/offset) and never carry an owner's
// identity: that is HouseService::detail's business, which audits the read.
class LookupService
{
public:
    explicit LookupService(ServiceContext &ctx);

    // Exact full address (坐落), with or without the leading 北京市, spacing and width ignored.
    Result<QList<HouseSummary>> byAddress(const QString &address);
    // Free text over addresses: any part of an address, ordered by house id. 3+ characters: FTS5
    // trigram on SQLite, LIKE with a pg_trgm index on PostgreSQL. 1–2 characters (schema v3): an
    // index of every character and character pair of the addresses (FTS5 on SQLite, GIN on
    // PostgreSQL). See docs/benchmarks.md.
    Result<QList<HouseSummary>> search(const QString &text, int limit = 50, int offset = 0);
    // 网签合同编号 (+ optional house type) / 不动产权证号.
    Result<QList<HouseSummary>> byContract(const QString &contractNo, const QString &houseType = {});
    Result<QList<HouseSummary>> byCertificate(const QString &certificateNo);
    // 票据代码 (8 digits) + 票据号码 (10 digits): the house the receipt was issued for.
    Result<QList<HouseSummary>> byReceipt(const QString &billCode, const QString &billNumber);
    // The houses currently owned by a person, identified by ID number and name.
    Result<QList<HouseSummary>> byOwner(const StaffMember &actor, const QString &idNumber, const QString &name);

    // The cascade: district → estate → building → unit → room (the room's key is the house id).
    Result<QList<CascadeItem>> districts();
    Result<QList<CascadeItem>> estates(const QString &districtCode);
    Result<QList<CascadeItem>> buildings(qint64 estateId);
    Result<QList<CascadeItem>> units(qint64 buildingId);
    Result<QList<CascadeItem>> rooms(qint64 unitId);

    Result<HouseSummary> summary(qint64 houseId);

private:
    Result<QList<HouseSummary>> summaries(const QString &where, const QVariantList &values, const QString &order = {},
                                          int limit = 200, int offset = 0);
    ServiceContext &m_ctx;
};

} // namespace fund::models
