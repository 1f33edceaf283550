#include "models/domain/ledgerentry.h"

#include <QCoreApplication>

namespace fund::models {

QString ledgerKindLabel(const QString &code)
{
    static const struct {
        const char *code;
        const char *label;
    } labels[] = {
        {"first_deposit", QT_TRANSLATE_NOOP("LedgerKind", "First deposit")},
        {"renewal", QT_TRANSLATE_NOOP("LedgerKind", "Renewal deposit")},
        {"supplement", QT_TRANSLATE_NOOP("LedgerKind", "Supplementary deposit")},
        {"interest", QT_TRANSLATE_NOOP("LedgerKind", "Interest")},
        {"expense", QT_TRANSLATE_NOOP("LedgerKind", "Repair expense share")},
        {"refund", QT_TRANSLATE_NOOP("LedgerKind", "Refund")},
        {"reversal", QT_TRANSLATE_NOOP("LedgerKind", "Reversal")},
    };
    for (const auto &l : labels) {
        if (code == QLatin1String(l.code))
            return QCoreApplication::translate("LedgerKind", l.label);
    }
    return code;
}

bool AccountStatement::isRenewalDue(int thresholdPercent) const
{
    if (firstDeposit.fen() <= 0)
        return false;
    // balance < threshold% × first deposit, compared exactly in integers.
    return balance().fen() * 100 < firstDeposit.fen() * thresholdPercent;
}

} // namespace fund::models
