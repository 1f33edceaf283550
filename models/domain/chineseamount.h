#pragma once

#include "models/domain/money.h"

#include <QString>

namespace fund::models {

// The amount in Chinese capitals (大写金额) as banks, receipts and 交存证明 write it:
// 1,001.00 → 壹仟零壹元整, 1.05 → 壹元零伍分, 0.50 → 伍角整, 0 → 零元整, −3 → 负叁元整.
// The rules are listed in chineseamount.cpp.
QString amountInChineseCapitals(Money amount);

} // namespace fund::models
