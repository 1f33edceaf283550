#pragma once

#include "models/domain/money.h"

#include <QDate>
#include <QList>
#include <QString>

namespace fund::models {

// Entry kinds are an open set stored as codes; labels come from here.
QString ledgerKindLabel(const QString &code); // first_deposit → 首期交存 …

struct LedgerEntry
{
    qint64 id = 0;
    int seq = 0;
    QDate bookedOn;
    QString kind;
    Money principal;        // signed: deposits +, expenses/refunds −
    Money interest;
    Money principalBalance; // running balances after this entry
    Money interestBalance;
    QString memo;
    qint64 paymentId = 0;   // 0 when not from a counter payment

    Money balance() const { return principalBalance + interestBalance; }
};

struct AccountStatement
{
    qint64 accountId = 0;
    qint64 houseId = 0;
    QDate openedOn;
    Money firstDeposit;
    Money principal;
    Money interest;
    QList<LedgerEntry> entries;

    Money balance() const { return principal + interest; }
    // Art. 17 of the national rules: below 30 % of the first deposit, a 续交 is due.
    bool isRenewalDue(int thresholdPercent = 30) const;
};

} // namespace fund::models
