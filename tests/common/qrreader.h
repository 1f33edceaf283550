#pragma once

#include <QByteArray>
#include <QImage>
#include <QString>

#include <optional>

namespace fund::tests {

// Reads the first QR code in image with zxing-cpp; nullopt when none decodes.
std::optional<QString> decodeQr(const QImage &image);

// Renders one page of an in-memory PDF with QtPdf at dpi dots per inch, on white.
// A null image if the PDF does not load or the page does not exist.
QImage renderPdfPage(const QByteArray &pdf, int page, int dpi);

// Number of pages of an in-memory PDF, or -1 if QtPdf cannot load it.
int pdfPageCount(const QByteArray &pdf);

// The text of a PDF as `pdftotext -layout` extracts it (UTF-8). Empty, with a qWarning, if
// pdftotext (poppler-utils) is missing or fails: callers QVERIFY a non-empty result.
QString pdfText(const QByteArray &pdf);

} // namespace fund::tests
