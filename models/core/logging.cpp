#include "models/core/logging.h"

Q_LOGGING_CATEGORY(lcDb, "fund.db", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServices, "fund.services", QtInfoMsg)
Q_LOGGING_CATEGORY(lcReceipts, "fund.receipts", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDemo, "fund.demo", QtInfoMsg)
