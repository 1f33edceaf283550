#include "qrreader.h"

#include <QBuffer>
#include <QDebug>
#include <QDir>
#include <QPainter>
#include <QPdfDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryFile>

#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>

namespace fund::tests {

namespace {

// QPdfDocument::load(QIODevice *) reads from the device for the document's whole life, so the
// buffer is a member declared before the document and outlives it.
class LoadedPdf
{
public:
    explicit LoadedPdf(const QByteArray &pdf)
        : m_bytes(pdf)
    {
        m_buffer.setBuffer(&m_bytes);
        m_buffer.open(QIODevice::ReadOnly);
        m_document.load(&m_buffer);
    }

    bool isReady() const { return m_document.status() == QPdfDocument::Status::Ready; }
    QPdfDocument &document() { return m_document; }

private:
    QByteArray m_bytes;
    QBuffer m_buffer;
    QPdfDocument m_document;
};

} // namespace

std::optional<QString> decodeQr(const QImage &image)
{
    if (image.isNull())
        return std::nullopt;
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(grey.constBits(), grey.width(), grey.height(),
                                ZXing::ImageFormat::Lum, static_cast<int>(grey.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(true);
    const ZXing::Result result = ZXing::ReadBarcode(view, hints);
    if (!result.isValid())
        return std::nullopt;
    const std::string text = result.text();
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QImage renderPdfPage(const QByteArray &pdf, int page, int dpi)
{
    LoadedPdf loaded(pdf);
    if (!loaded.isReady() || page < 0 || page >= loaded.document().pageCount()) {
        qWarning() << "renderPdfPage: cannot load page" << page << "status"
                   << loaded.document().status() << "error" << loaded.document().error();
        return {};
    }
    const QSizeF points = loaded.document().pagePointSize(page);
    const QSize pixels = (points * dpi / 72.0).toSize();
    const QImage rendered = loaded.document().render(page, pixels);
    if (rendered.isNull())
        return {};
    // QtPdf renders onto transparent pixels; flatten onto paper white.
    QImage flattened(rendered.size(), QImage::Format_RGB32);
    flattened.fill(Qt::white);
    QPainter painter(&flattened);
    painter.drawImage(0, 0, rendered);
    painter.end();
    return flattened;
}

int pdfPageCount(const QByteArray &pdf)
{
    LoadedPdf loaded(pdf);
    return loaded.isReady() ? loaded.document().pageCount() : -1;
}

QString pdfText(const QByteArray &pdf)
{
    const QString program = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (program.isEmpty()) {
        qWarning("pdfText: pdftotext not found; install poppler-utils");
        return {};
    }
    QTemporaryFile file(QDir::tempPath() + QStringLiteral("/fund-pdftext-XXXXXX.pdf"));
    if (!file.open() || file.write(pdf) != pdf.size() || !file.flush()) {
        qWarning() << "pdfText: cannot write temporary file" << file.errorString();
        return {};
    }
    QProcess process;
    process.start(program, {QStringLiteral("-layout"), QStringLiteral("-enc"),
                            QStringLiteral("UTF-8"), file.fileName(), QStringLiteral("-")});
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        qWarning() << "pdfText: pdftotext failed:" << process.readAllStandardError();
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace fund::tests
