#include "models/receipts/qrcode.h"

#include <QPainter>
#include <QPainterPath>

#include <qrencode.h>

#include <algorithm>
#include <memory>

namespace fund::models {

QrCode::QrCode(int size, QVector<bool> modules)
    : m_size(size)
    , m_modules(std::move(modules))
{
}

std::optional<QrCode> QrCode::encode(const QByteArray &utf8Text)
{
    if (utf8Text.isEmpty())
        return std::nullopt;

    // QRcode_encodeData always uses 8-bit (byte) mode, so case and any UTF-8 are kept exactly,
    // and it takes a byte count, so even an embedded NUL survives. Version 0 = smallest that fits.
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeData(static_cast<int>(utf8Text.size()),
                          reinterpret_cast<const unsigned char *>(utf8Text.constData()),
                          0, QR_ECLEVEL_M),
        &QRcode_free);
    if (!code || code->width <= 0)
        return std::nullopt;

    const int size = code->width;
    QVector<bool> modules(qsizetype(size) * size);
    for (qsizetype i = 0; i < modules.size(); ++i)
        modules[i] = (code->data[i] & 1) != 0;
    return QrCode(size, std::move(modules));
}

bool QrCode::isDark(int x, int y) const
{
    if (x < 0 || y < 0 || x >= m_size || y >= m_size)
        return false;
    return m_modules.at(qsizetype(y) * m_size + x);
}

QImage QrCode::toImage(int modulePixels, int quietZoneModules) const
{
    modulePixels = qMax(1, modulePixels);
    quietZoneModules = qMax(0, quietZoneModules);
    const int side = (m_size + 2 * quietZoneModules) * modulePixels;
    QImage image(side, side, QImage::Format_Grayscale8);
    image.fill(255);
    for (int y = 0; y < m_size; ++y) {
        for (int x = 0; x < m_size; ++x) {
            if (!isDark(x, y))
                continue;
            const int left = (x + quietZoneModules) * modulePixels;
            const int top = (y + quietZoneModules) * modulePixels;
            for (int row = top; row < top + modulePixels; ++row) {
                uchar *line = image.scanLine(row);
                std::fill(line + left, line + left + modulePixels, uchar(0));
            }
        }
    }
    return image;
}

void QrCode::paint(QPainter *painter, const QRectF &target) const
{
    if (!painter || m_size <= 0 || target.isEmpty())
        return;

    const int total = m_size + 2 * QuietZoneModules;
    const qreal side = qMin(target.width(), target.height());
    const qreal module = side / total;
    const QRectF square(target.center().x() - side / 2, target.center().y() - side / 2, side, side);

    // One path holding a rectangle per horizontal run of dark modules, filled once with the
    // winding rule: neighbouring rectangles merge, so an antialiasing PDF viewer shows no
    // hairline seams between modules, and the PDF stays small.
    QPainterPath path;
    path.setFillRule(Qt::WindingFill);
    for (int y = 0; y < m_size; ++y) {
        int x = 0;
        while (x < m_size) {
            if (!isDark(x, y)) {
                ++x;
                continue;
            }
            const int start = x;
            while (x < m_size && isDark(x, y))
                ++x;
            path.addRect(QRectF(square.left() + (start + QuietZoneModules) * module,
                                square.top() + (y + QuietZoneModules) * module,
                                (x - start) * module, module));
        }
    }

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter->fillRect(square, Qt::white);
    painter->fillPath(path, Qt::black);
    painter->restore();
}

} // namespace fund::models
