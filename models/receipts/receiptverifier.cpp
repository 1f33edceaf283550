#include "models/receipts/receiptverifier.h"

#include "models/channels/crypto.h"
#include "models/receipts/localreceiptissuer.h"
#include "models/receipts/receiptdocument.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace fund::models {

Result<VerifiedReceipt> ReceiptVerifier::verifyPdf(const QByteArray &pdf, const QByteArray &verifyKeyPem, const QByteArray &checkKey)
{
    if (!pdf.startsWith("%PDF-"))
        return fail(Error::invalidInput(QCoreApplication::translate("ReceiptVerifier", "The file is not a PDF, so it is not a receipt file.")));
    const auto embedded = ReceiptDocument::embeddedData(pdf);
    if (!embedded)
        return fail(Error::invalidInput(QCoreApplication::translate("ReceiptVerifier", "The PDF carries no signed receipt data: it is not an e-receipt of this issuer.")));
    if (auto ok = Crypto::verifyRsaSha256(embedded->signedData, embedded->signature, verifyKeyPem); !ok) {
        if (ok.error().code == Error::Code::Internal)
            return fail(ok.error());
        return fail(Error::conflict(QCoreApplication::translate("ReceiptVerifier", "The receipt's signature does not match its data: the file was altered or was not issued by this issuer."),
                                    ok.error().detail));
    }
    const QJsonObject o = QJsonDocument::fromJson(embedded->signedData).object();
    VerifiedReceipt v;
    v.kind = o.value(u"kind"_s).toString();
    v.billCode = o.value(u"code"_s).toString();
    v.billNumber = o.value(u"number"_s).toString();
    v.checkCode = o.value(u"check"_s).toString();
    bool amountOk = false;
    v.amount = Money::fromFen(o.value(u"amountFen"_s).toString().toLongLong(&amountOk));
    v.date = QDate::fromString(o.value(u"date"_s).toString(), u"yyyyMMdd"_s);
    v.payerName = o.value(u"payer"_s).toString();
    v.reverses = o.value(u"reverses"_s).toString();
    if (!amountOk || !v.date.isValid() || v.billCode.isEmpty() || v.billNumber.isEmpty())
        return fail(Error::conflict(QCoreApplication::translate("ReceiptVerifier", "The receipt's signed data is incomplete.")));
    const QString expected = LocalReceiptIssuer::checkCode(checkKey, v.billCode, v.billNumber, v.amount.fen(), v.date);
    if (!Crypto::constantTimeEquals(expected.toLatin1(), v.checkCode.toLatin1()))
        return fail(Error::conflict(QCoreApplication::translate("ReceiptVerifier", "The receipt's check code (校验码) does not match its code, number, amount and date.")));
    return v;
}

} // namespace fund::models
