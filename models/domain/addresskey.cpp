#include "models/domain/addresskey.h"

#include "models/domain/certificatenumber.h"

namespace fund::models {

namespace {
QString compact(QStringView text)
{
    const QString folded = text.toString().normalized(QString::NormalizationForm_KC);
    QString out;
    out.reserve(folded.size());
    for (QChar c : folded) {
        if (c.isSpace())
            continue;
        out.append(c);
    }
    return out.toUpper();
}
} // namespace

QString addressKey(QStringView address)
{
    QString key = compact(address);
    if (key.startsWith(QStringLiteral("北京市")))
        key.remove(0, 3);
    key.replace(u'—', u'-');
    return key;
}

QString contractKey(QStringView contractNo)
{
    return compact(contractNo);
}

QString certificateKey(QStringView certificateNo)
{
    return CertificateNumber::key(certificateNo);
}

} // namespace fund::models
