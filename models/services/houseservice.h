#pragma once

#include "models/core/error.h"
#include "models/domain/house.h"
#include "models/domain/ledgerentry.h"

namespace fund::models {

struct ServiceContext;
struct StaffMember;

// A house's attributes and its fund account statement (房屋详情 / 资金明细).
class HouseService
{
public:
    explicit HouseService(ServiceContext &ctx);

    // The house with its current owners; reading owners' personal data is audited.
    Result<HouseDetail> detail(const StaffMember &actor, qint64 houseId);
    // The ledger with running balances, oldest first.
    Result<AccountStatement> statement(qint64 houseId);

private:
    ServiceContext &m_ctx;
};

} // namespace fund::models
