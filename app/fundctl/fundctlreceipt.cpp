// fundctl receipt verify FILE.pdf: is a receipt file authentic and unaltered?
#include "fundctl.h"

#include "models/receipts/receiptverifier.h"
#include "models/services/democitybuilder.h"
#include "models/services/receiptservice.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace fund::models;

namespace fund::fundctl {

int Fundctl::commandReceipt()
{
    const QStringList args = m_parser.positionalArguments();
    if (args.size() != 3 || args.at(1) != u"verify"_s)
        return usageError(tr("Use: fundctl receipt verify FILE.pdf [--issuer SETTINGS.json]"));
    const QString path = args.at(2);
    QFile file(path);
    if (!file.exists())
        return reportError(Error::notFound(tr("The file %1 does not exist.").arg(QDir::toNativeSeparators(path)), path));
    if (!file.open(QIODevice::ReadOnly))
        return reportError(Error::io(tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()), path));
    const QByteArray bytes = file.readAll();

    ReceiptService::IssuerConfig issuer = DemoCityBuilder::demoIssuer();
    const QString issuerFile = m_parser.value(u"issuer"_s);
    if (!issuerFile.isEmpty()) {
        auto loaded = ReceiptService::loadIssuerConfig(issuerFile);
        if (!loaded)
            return reportError(loaded.error());
        issuer = *loaded;
    }
    auto verified = ReceiptVerifier::verifyPdf(bytes, issuer.verifyKeyPem, issuer.checkKey);
    if (!verified) {
        if (m_json) {
            m_out << QJsonDocument(QJsonObject{{u"file"_s, path}, {u"authentic"_s, false}, {u"reason"_s, verified.error().message}}).toJson();
            m_out.flush();
        }
        return reportError(verified.error());
    }
    const QString amount = (verified->kind == u"red"_s ? u"-"_s : QString()) + verified->amount.toString();
    if (m_json) {
        m_out << QJsonDocument(QJsonObject{{u"file"_s, path},
                                           {u"authentic"_s, true},
                                           {u"kind"_s, verified->kind},
                                           {u"billCode"_s, verified->billCode},
                                           {u"billNumber"_s, verified->billNumber},
                                           {u"checkCode"_s, verified->checkCode},
                                           {u"amountFen"_s, QString::number(verified->amount.fen())},
                                           {u"date"_s, verified->date.toString(Qt::ISODate)},
                                           {u"payer"_s, verified->payerName},
                                           {u"reverses"_s, verified->reverses}})
                     .toJson();
    } else {
        m_out << tr("Authentic and unaltered: receipt %1 %2, check code %3, %4 yuan, issued %5 to %6.")
                     .arg(verified->billCode, verified->billNumber, verified->checkCode, amount, verified->date.toString(Qt::ISODate),
                          verified->payerName)
              << u'\n';
        if (verified->kind == u"red"_s)
            m_out << tr("This is a red receipt (红冲) reversing %1.").arg(verified->reverses) << u'\n';
        m_out << tr("Compare these figures with the ones printed on the receipt.") << u'\n';
    }
    m_out.flush();
    return ExitOk;
}

} // namespace fund::fundctl
