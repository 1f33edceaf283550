#pragma once

#include <QByteArray>
#include <QImage>
#include <QRectF>
#include <QVector>

#include <optional>

class QPainter;

namespace fund::models {

// A QR code symbol (libqrencode, error correction level M, 8-bit mode), kept as a square grid of
// modules so that it can be drawn crisply on screen, into an image or into a PDF.
class QrCode
{
public:
    // Encodes UTF-8 bytes as they are (byte mode, case sensitive). nullopt for empty input or
    // input too long for the largest symbol.
    static std::optional<QrCode> encode(const QByteArray &utf8Text);

    // Modules per side, without the quiet zone.
    int size() const { return m_size; }
    // Out-of-range coordinates are light (they belong to the quiet zone).
    bool isDark(int x, int y) const;

    // A Format_Grayscale8 image: every module is modulePixels × modulePixels pixels, black on
    // white, with quietZoneModules light modules around the symbol.
    QImage toImage(int modulePixels, int quietZoneModules = 4) const;

    // Draws the symbol plus a 4-module quiet zone into target (the largest centred square that
    // fits), as filled rectangles without antialiasing. Works for screen, image and PDF painters.
    void paint(QPainter *painter, const QRectF &target) const;

    static constexpr int QuietZoneModules = 4;

private:
    QrCode(int size, QVector<bool> modules);

    int m_size = 0;
    QVector<bool> m_modules; // row-major, m_size × m_size
};

} // namespace fund::models
