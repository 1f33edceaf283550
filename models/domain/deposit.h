#pragma once

#include "models/domain/money.h"

#include <QDateTime>
#include <QString>

namespace fund::models {

QString depositKindLabel(const QString &code); // renewal → 续交 …
QString paymentMethodLabel(const QString &code); // cash → 现金 …

// A deposit request (待交存) with its 业务流水号.
struct DepositRequest
{
    qint64 id = 0;
    QString serialNo;
    qint64 houseId = 0;
    QString houseAddress;
    QString kind;
    bool fixedAmount = true;
    Money amount;    // the fixed amount
    Money minimum;   // bounds of an open amount
    Money maximum;
    QString status;  // pending | paid | cancelled
    QDate dueDate;

    bool isPending() const { return status == QLatin1String("pending"); }
};

struct CashTender
{
    Money amount;   // what is collected (the fixed amount, or what the clerk entered)
    Money tendered; // cash handed over
};

struct PaymentRecord
{
    qint64 id = 0;
    qint64 depositId = 0;
    QString serialNo;
    QString outTradeNo;
    QString method;
    Money amount;
    Money tendered;
    Money change;
    QString state;
    QString payerName;
    QString counterId;
    QString staffName;
    QDateTime paidAt;
    qint64 houseId = 0;
    QString houseAddress;
    QString depositKind;
};

} // namespace fund::models
