#include "models/services/proofdocument.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QImage>
#include <QImageReader>
#include <QLocale>
#include <QPdfDocument>
#include <QTemporaryFile>

namespace fund::models {

namespace {

bool looksLikeProgram(const QByteArray &bytes)
{
    return bytes.startsWith("MZ") || bytes.startsWith("\x7f" "ELF") || bytes.startsWith("#!")
        || bytes.startsWith("\xca\xfe\xba\xbe") || bytes.startsWith("\xcf\xfa\xed\xfe") || bytes.startsWith("PK\x03\x04");
}

bool pdfLoads(const QByteArray &bytes, QString *why)
{
    // QPdfDocument::load(QIODevice *) loads asynchronously; from a file it answers at once.
    QTemporaryFile file;
    if (!file.open() || file.write(bytes) != bytes.size() || !file.flush()) {
        *why = QStringLiteral("cannot write a temporary file");
        return false;
    }
    file.close();
    QPdfDocument document;
    const QPdfDocument::Error error = document.load(file.fileName());
    if (error != QPdfDocument::Error::None) {
        *why = QStringLiteral("QPdfDocument error %1").arg(int(error));
        return false;
    }
    if (document.pageCount() < 1) {
        *why = QStringLiteral("no pages");
        return false;
    }
    return true;
}

bool imageDecodes(const QByteArray &bytes, const char *format, QString *why)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, format);
    const QImage image = reader.read();
    if (image.isNull()) {
        *why = reader.errorString();
        return false;
    }
    return true;
}

} // namespace

ProofDocument::Type ProofDocument::sniff(const QByteArray &bytes)
{
    if (bytes.startsWith("%PDF-"))
        return Type::Pdf;
    if (bytes.startsWith("\xff\xd8\xff"))
        return Type::Jpeg;
    if (bytes.startsWith("\x89PNG\r\n\x1a\n"))
        return Type::Png;
    return Type::Unknown;
}

QString ProofDocument::mimeType(Type type)
{
    switch (type) {
    case Type::Pdf: return QStringLiteral("application/pdf");
    case Type::Jpeg: return QStringLiteral("image/jpeg");
    case Type::Png: return QStringLiteral("image/png");
    case Type::Unknown: break;
    }
    return QStringLiteral("application/octet-stream");
}

ProofDocument::Type ProofDocument::fromMimeType(const QString &mime)
{
    if (mime == QLatin1String("application/pdf"))
        return Type::Pdf;
    if (mime == QLatin1String("image/jpeg"))
        return Type::Jpeg;
    if (mime == QLatin1String("image/png"))
        return Type::Png;
    return Type::Unknown;
}

Result<ProofDocument> ProofDocument::check(const QString &originalName, const QByteArray &bytes)
{
    const QString name = originalName.isEmpty() ? QCoreApplication::translate("ProofDocument", "(unnamed file)") : originalName;
    if (bytes.isEmpty())
        return fail(Error::invalidInput(QCoreApplication::translate("ProofDocument", "The file %1 is empty. Scan the document again.").arg(name),
                                        QStringLiteral("empty proof %1").arg(name)));
    if (bytes.size() > MaxBytes)
        return fail(Error::invalidInput(QCoreApplication::translate("ProofDocument", "The file %1 is %2 MB; a proof document may be at most %3 MB. Scan it at a lower resolution or split it into several files.")
                                            .arg(name, QLocale::system().toString(double(bytes.size()) / (1024.0 * 1024.0), 'f', 1))
                                            .arg(MaxBytes / (1024 * 1024)),
                                        QStringLiteral("proof %1 has %2 bytes").arg(name).arg(bytes.size())));
    ProofDocument doc;
    doc.originalName = name;
    doc.type = sniff(bytes);
    QString why;
    switch (doc.type) {
    case Type::Unknown:
        if (looksLikeProgram(bytes))
            return fail(Error::invalidInput(QCoreApplication::translate("ProofDocument", "The file %1 is a program or an archive, not a scanned document, whatever its name says. Attach a PDF, JPEG or PNG scan.").arg(name),
                                            QStringLiteral("proof %1 starts with %2").arg(name, QString::fromLatin1(bytes.left(8).toHex()))));
        return fail(Error::invalidInput(QCoreApplication::translate("ProofDocument", "The file %1 is not a PDF, JPEG or PNG file. Scan the document as PDF, JPEG or PNG.").arg(name),
                                        QStringLiteral("proof %1 starts with %2").arg(name, QString::fromLatin1(bytes.left(8).toHex()))));
    case Type::Pdf:
        if (!pdfLoads(bytes, &why))
            return fail(Error::invalidInput(QCoreApplication::translate("ProofDocument", "The PDF file %1 is damaged or incomplete and cannot be opened. Scan or save it again.").arg(name),
                                            QStringLiteral("proof %1: %2").arg(name, why)));
        break;
    case Type::Jpeg:
    case Type::Png:
        if (!imageDecodes(bytes, doc.type == Type::Jpeg ? "jpeg" : "png", &why))
            return fail(Error::invalidInput(QCoreApplication::translate("ProofDocument", "The image %1 is damaged or incomplete and cannot be shown. Scan it again.").arg(name),
                                            QStringLiteral("proof %1: %2").arg(name, why)));
        break;
    }
    doc.bytes = bytes;
    doc.sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    return doc;
}

} // namespace fund::models
