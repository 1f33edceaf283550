#include "models/receipts/receiptplatform.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace fund::models {

ReceiptAnswer ReceiptAnswer::unknown(const QString &why)
{
    ReceiptAnswer a;
    a.outcome = Outcome::Unknown;
    a.message = why;
    return a;
}

ReceiptAnswer ReceiptPlatform::validated(ReceiptAnswer answer, const QString &businessSerial, Money expectedAmount)
{
    if (answer.outcome != ReceiptAnswer::Outcome::Issued)
        return answer;
    static const QRegularExpression code(QStringLiteral("^\\d{8}$"));
    static const QRegularExpression number(QStringLiteral("^\\d{10}$"));
    static const QRegularExpression check(QStringLiteral("^[0-9A-Za-z]{6}$"));
    QString problem;
    if (answer.businessSerial != businessSerial)
        problem = QStringLiteral("business serial %1 instead of %2").arg(answer.businessSerial, businessSerial);
    else if (!code.match(answer.billCode).hasMatch())
        problem = QStringLiteral("receipt code '%1' is not 8 digits").arg(answer.billCode.left(20));
    else if (!number.match(answer.billNumber).hasMatch())
        problem = QStringLiteral("receipt number '%1' is not 10 digits").arg(answer.billNumber.left(20));
    else if (!check.match(answer.checkCode).hasMatch())
        problem = QStringLiteral("check code '%1' is not 6 characters").arg(answer.checkCode.left(20));
    else if (answer.qrText.isEmpty())
        problem = QStringLiteral("no QR text");
    else if (!answer.issuedAt.isValid())
        problem = QStringLiteral("no valid issue time");
    else if (answer.amount != expectedAmount)
        problem = QStringLiteral("amount %1 fen instead of %2").arg(answer.amount.fen()).arg(expectedAmount.fen());
    if (problem.isEmpty())
        return answer;
    return ReceiptAnswer::unknown(
        QCoreApplication::translate("ReceiptPlatform", "The receipt platform's answer could not be accepted (%1); the receipt stays \"issuing\" until a query settles it.")
            .arg(problem));
}

} // namespace fund::models
