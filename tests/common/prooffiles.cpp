#include "common/prooffiles.h"

#include <QBuffer>
#include <QColor>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>

namespace fund::tests {

QByteArray samplePdf(int seed)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setTitle(QStringLiteral("proof %1").arg(seed));
        QPainter painter(&writer);
        painter.fillRect(QRect(100 + seed * 10, 100, 2000, 1000), QColor(40, 80, 160));
        painter.drawText(QPoint(300, 3000), QStringLiteral("不动产权证书 %1").arg(seed));
    }
    return buffer.data();
}

namespace {
QByteArray image(int seed, const char *format)
{
    QImage img(320, 200, QImage::Format_RGB32);
    img.fill(QColor(200, 220 - seed % 50, 240));
    QPainter painter(&img);
    painter.fillRect(QRect(20 + seed, 20, 120, 60), Qt::darkBlue);
    painter.end();
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    img.save(&buffer, format);
    return buffer.data();
}
} // namespace

QByteArray samplePng(int seed)
{
    return image(seed, "PNG");
}

QByteArray sampleJpeg(int seed)
{
    return image(seed, "JPEG");
}

} // namespace fund::tests
