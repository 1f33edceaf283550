#include "models/receipts/receiptdocument.h"

#include "models/domain/chineseamount.h"
#include "models/receipts/qrcode.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace fund::models {

namespace {

// ---- Fonts -------------------------------------------------------------------------------------
//
// Font choice, measured with Qt 6.4.2's QPdfWriter and `pdftotext` (poppler 22.12) on Debian
// bookworm: with every Noto CJK face (Noto Sans CJK SC, Noto Serif CJK SC, Noto Sans Mono CJK SC
// from fonts-noto-cjk) the extracted text shows Kangxi and CJK radical code points instead of the
// ideographs: 一 → ⼀ (U+2F00), 金 → ⾦ (U+2FA6), 目 → ⽬, 长 → ⻓ (U+2ED3), 门 → ⻔. Those fonts map
// the radical code points and the ideographs to the same glyph, and the ToUnicode table Qt writes
// names one code point per glyph, the radical. A receipt whose text cannot be searched or copied
// as 金额 is not acceptable, so we draw with WenQuanYi Micro Hei (fonts-wqy-microhei), which has
// no such shared glyphs and reads back exactly. Noto stays in the list only as a last resort
// for machines without WenQuanYi (the text then looks right but extracts with radicals).
// tst_receiptdocument fails if any U+2E80–U+2FDF code point appears in the extracted text.
//
// Numbers (票据代码, 票据号码, 校验码) use DejaVu Sans Mono, which also reads back exactly.
const QStringList TextFontCandidates = {
    u"WenQuanYi Micro Hei"_s,
    u"Noto Sans CJK SC"_s,
    u"Noto Serif CJK SC"_s,
};
const QStringList NumberFontCandidates = {
    u"DejaVu Sans Mono"_s,
    u"WenQuanYi Micro Hei Mono"_s,
    u"Noto Sans Mono CJK SC"_s,
};

QString firstInstalled(const QStringList &candidates, QFont::StyleHint fallbackHint)
{
    const QStringList installed = QFontDatabase::families();
    for (const QString &family : candidates) {
        if (installed.contains(family, Qt::CaseInsensitive))
            return family;
    }
    QFont fallback;
    fallback.setStyleHint(fallbackHint);
    return fallback.defaultFamily();
}

// ---- Layout --------------------------------------------------------------------------------------
//
// The receipt is laid out on a nominal sheet NominalWidth mm wide (the 241 mm 财政票据 form
// minus margins) and as tall as its content; the whole drawing is then scaled uniformly to fit
// the printable area of the chosen page, so nothing is ever cut off. Fonts are given in points
// at nominal size and scaled with everything else.

constexpr qreal NominalWidth = 225.0;
constexpr qreal PageMarginMm = 8.0;
constexpr int Dpi = 300;

constexpr qreal TitleHeight = 12.0;
constexpr qreal DateHeight = 6.0;
// Symbol plus its 4-module quiet zone. 36 mm nominal keeps the symbol itself at least 22 mm wide
// on the smallest scale (A4, 0.84) for payloads up to QR version 6.
constexpr qreal QrSide = 36.0;
constexpr qreal HeaderHeight = DateHeight + QrSide + 2.0;
constexpr qreal PayerRowHeight = 9.0;
constexpr qreal ItemHeaderHeight = 8.0;
constexpr qreal ItemRowHeight = 7.5;
constexpr int MinimumItemRows = 3;
constexpr qreal TotalRowHeight = 11.0;
constexpr qreal RemarksRowHeight = 15.0;
constexpr qreal FooterHeight = 10.0;

// Colours of a printed finance bill: a red-brown frame and labels, black filled-in values.
const QColor BillRed(0xA6, 0x1C, 0x24);
const QColor MarkRed(0xD0, 0x10, 0x10);
const QColor ValueBlack(0x10, 0x10, 0x10);
const QColor LabelFill(0xFB, 0xF1, 0xF1); // a faint tint behind label cells
const QColor RowRule(0xE0, 0xB8, 0xBA);

struct Column
{
    QString header;
    qreal width;
};

// 项目编码 项目名称 单位 数量 标准 金额（元）; widths add up to NominalWidth.
const QList<Column> ItemColumns = {
    {u"项目编码"_s, 32.0}, {u"项目名称"_s, 68.0}, {u"单位"_s, 18.0},
    {u"数量"_s, 24.0},     {u"标准"_s, 36.0},     {u"金额（元）"_s, 47.0},
};

class Sheet
{
public:
    Sheet(QPainter *painter, const QRectF &area, qreal contentHeight, bool centreVertically)
        : m_painter(painter)
    {
        const qreal pixelsPerMm = Dpi / 25.4;
        m_unit = std::min(area.width() / NominalWidth, area.height() / contentHeight);
        m_scale = m_unit / pixelsPerMm;
        // Always centred horizontally; on A4 at the top, so the lower half stays free.
        const qreal spareHeight = area.height() - contentHeight * m_unit;
        m_origin = QPointF(area.left() + (area.width() - NominalWidth * m_unit) / 2,
                           area.top() + (centreVertically ? spareHeight / 2 : 0.0));
    }

    qreal toMm(qreal devicePixels) const { return devicePixels / m_unit; }

    QRectF rect(qreal x, qreal y, qreal w, qreal h) const
    {
        return QRectF(m_origin.x() + x * m_unit, m_origin.y() + y * m_unit, w * m_unit,
                      h * m_unit);
    }
    QRectF rect(const QRectF &mm) const { return rect(mm.x(), mm.y(), mm.width(), mm.height()); }

    QFont font(const QString &family, qreal points, bool bold = false) const
    {
        QFont f(family);
        f.setPointSizeF(points * m_scale);
        f.setBold(bold);
        f.setKerning(false);
        f.setStyleStrategy(QFont::PreferOutline);
        return f;
    }

    void line(qreal x1, qreal y1, qreal x2, qreal y2, const QColor &color, qreal widthMm) const
    {
        m_painter->setPen(QPen(color, widthMm * m_unit, Qt::SolidLine, Qt::SquareCap));
        m_painter->drawLine(QPointF(m_origin.x() + x1 * m_unit, m_origin.y() + y1 * m_unit),
                            QPointF(m_origin.x() + x2 * m_unit, m_origin.y() + y2 * m_unit));
    }

    void frame(const QRectF &mm, const QColor &color, qreal widthMm) const
    {
        m_painter->setPen(QPen(color, widthMm * m_unit, Qt::SolidLine, Qt::SquareCap,
                               Qt::MiterJoin));
        m_painter->setBrush(Qt::NoBrush);
        m_painter->drawRect(rect(mm));
    }

    // One line of text inside mm (less a small padding). Too wide a text is first set smaller
    // (down to 60 %), then elided: it never runs over the cell border.
    void text(const QRectF &mm, const QString &text, QFont font, const QColor &color,
              Qt::Alignment alignment, qreal paddingMm = 1.2) const
    {
        if (text.isEmpty())
            return;
        const QRectF box = rect(mm.adjusted(paddingMm, 0, -paddingMm, 0));
        const qreal original = font.pointSizeF();
        QString shown = text;
        for (;;) {
            const QFontMetricsF metrics(font, m_painter->device());
            if (metrics.horizontalAdvance(text) <= box.width())
                break;
            if (font.pointSizeF() <= original * 0.6) {
                shown = metrics.elidedText(text, Qt::ElideRight, box.width());
                break;
            }
            font.setPointSizeF(font.pointSizeF() * 0.92);
        }
        m_painter->setFont(font);
        m_painter->setPen(color);
        m_painter->drawText(box, int(alignment | Qt::AlignVCenter) | Qt::TextSingleLine, shown);
    }

    // Text wrapped onto as many lines as needed, set smaller until it fits mm; vertically
    // centred, so a short text looks like a one-line cell.
    void paragraph(const QRectF &mm, const QString &text, QFont font, const QColor &color,
                   qreal paddingMm = 1.5) const
    {
        if (text.isEmpty())
            return;
        const QRectF box = rect(mm.adjusted(paddingMm, 0.5, -paddingMm, -0.5));
        const int flags = Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap;
        for (int i = 0; i < 12; ++i) {
            const QFontMetricsF metrics(font, m_painter->device());
            const QRectF needed = metrics.boundingRect(box, flags, text);
            if (needed.height() <= box.height() && needed.width() <= box.width() + 0.5)
                break;
            font.setPointSizeF(font.pointSizeF() * 0.9);
        }
        m_painter->save();
        m_painter->setClipRect(box);
        m_painter->setFont(font);
        m_painter->setPen(color);
        m_painter->drawText(box, flags, text);
        m_painter->restore();
    }

    void fill(const QRectF &mm, const QColor &color) const { m_painter->fillRect(rect(mm), color); }

private:
    QPainter *m_painter;
    QPointF m_origin;
    qreal m_unit = 1.0;  // device pixels per nominal millimetre
    qreal m_scale = 1.0; // printed size / nominal size
};

int itemRowCount(const ReceiptData &data)
{
    return std::max<int>(MinimumItemRows, int(data.items.size()));
}

qreal contentHeight(const ReceiptData &data)
{
    return TitleHeight + HeaderHeight + PayerRowHeight + ItemHeaderHeight
        + itemRowCount(data) * ItemRowHeight + TotalRowHeight + RemarksRowHeight + FooterHeight;
}

// A stamp-like mark: red text in a double red frame, centred on centre.
void drawMark(const Sheet &sheet, const QPointF &centre, const QString &text,
              const QString &subText, const QString &family)
{
    const qreal width = subText.isEmpty() ? 44.0 : 64.0;
    const qreal height = subText.isEmpty() ? 12.0 : 17.0;
    const QRectF box(centre.x() - width / 2, centre.y() - height / 2, width, height);
    sheet.frame(box, MarkRed, 0.7);
    sheet.frame(box.adjusted(1.0, 1.0, -1.0, -1.0), MarkRed, 0.25);
    if (subText.isEmpty()) {
        sheet.text(box.adjusted(1.2, 1.2, -1.2, -1.2), text, sheet.font(family, 18, true),
                   MarkRed, Qt::AlignHCenter);
        return;
    }
    sheet.text(QRectF(box.x() + 1.2, box.y() + 1.5, box.width() - 2.4, 9.0), text,
               sheet.font(family, 17, true), MarkRed, Qt::AlignHCenter);
    sheet.text(QRectF(box.x() + 1.2, box.y() + 10.0, box.width() - 2.4, 5.5), subText,
               sheet.font(family, 8.5), MarkRed, Qt::AlignHCenter);
}

void drawReceipt(QPainter *painter, const QRectF &area, const ReceiptData &data,
                 bool centreVertically)
{
    const QString textFamily = ReceiptDocument::textFontFamily();
    const QString numberFamily = ReceiptDocument::numberFontFamily();
    const Sheet sheet(painter, area, contentHeight(data), centreVertically);
    const qreal w = NominalWidth;

    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setRenderHint(QPainter::TextAntialiasing, true);

    // Title, centred, with the double rule of a printed bill. The right column is kept free
    // for the date and the QR code.
    constexpr qreal rightColumn = 52.0;
    const QRectF titleBox(rightColumn, 0, w - 2 * rightColumn, TitleHeight - 2.5);
    sheet.text(titleBox, data.title, sheet.font(textFamily, 17, true), BillRed, Qt::AlignHCenter,
               0);
    {
        const QFont titleFont = sheet.font(textFamily, 17, true);
        const qreal titleWidth = std::min(
            titleBox.width(),
            sheet.toMm(QFontMetricsF(titleFont, painter->device()).horizontalAdvance(data.title))
                + 6.0);
        const qreal x1 = w / 2 - titleWidth / 2;
        const qreal x2 = w / 2 + titleWidth / 2;
        sheet.line(x1, TitleHeight - 2.0, x2, TitleHeight - 2.0, BillRed, 0.45);
        sheet.line(x1, TitleHeight - 1.0, x2, TitleHeight - 1.0, BillRed, 0.2);
    }

    // Top right: 开票日期, then the QR code under it.
    const QString date = data.issuedAt.isValid() ? data.issuedAt.toString(u"yyyy-MM-dd"_s)
                                                 : QString();
    {
        const QFont dateFont = sheet.font(numberFamily, 10.5);
        const qreal dateWidth = std::min(
            rightColumn - 20.0,
            sheet.toMm(QFontMetricsF(dateFont, painter->device()).horizontalAdvance(date)) + 0.5);
        sheet.text(QRectF(w - rightColumn, 0, rightColumn - dateWidth, DateHeight),
                   u"开票日期："_s, sheet.font(textFamily, 9.5), BillRed, Qt::AlignRight, 0);
        sheet.text(QRectF(w - dateWidth, 0, dateWidth, DateHeight), date, dateFont, ValueBlack,
                   Qt::AlignRight, 0);
    }
    if (const auto qr = QrCode::encode(data.qrText)) {
        // Integer module sizes in device pixels keep every module the same width when printed;
        // rounding may overshoot the box by half a pixel per module, into white space.
        const QRectF target = sheet.rect(w - QrSide, DateHeight + 1.0, QrSide, QrSide);
        const int modules = qr->size() + 2 * QrCode::QuietZoneModules;
        const qreal side = std::max<qreal>(1.0, std::round(target.width() / modules)) * modules;
        qr->paint(painter, QRectF(target.right() - side, target.top(), side, side));
    }

    // Top left: 票据代码 / 票据号码 / 校验码, sitting just above the table.
    const qreal headerTop = TitleHeight;
    const qreal tableTop = TitleHeight + HeaderHeight;
    {
        const qreal lineHeight = 6.0;
        const qreal labelWidth = 19.0;
        const QList<std::pair<QString, QString>> codes = {
            {u"票据代码："_s, data.billCode},
            {u"票据号码："_s, data.billNumber},
            {u"校验码："_s, data.checkCode},
        };
        qreal y = tableTop - 1.5 - codes.size() * lineHeight;
        for (const auto &[label, value] : codes) {
            sheet.text(QRectF(0, y, labelWidth, lineHeight), label, sheet.font(textFamily, 9.5),
                       BillRed, Qt::AlignRight, 0);
            sheet.text(QRectF(labelWidth, y, 50.0, lineHeight), value,
                       sheet.font(numberFamily, 10.5), ValueBlack, Qt::AlignLeft, 0.5);
            y += lineHeight;
        }
    }

    // Centre of the header: 重打 / 红冲 marks.
    {
        const QPointF centre(w / 2, headerTop + (HeaderHeight - 2.0) / 2 + 1.0);
        if (data.isRedReversal && data.isCopy) {
            drawMark(sheet, QPointF(centre.x() - 36.0, centre.y()), u"红冲"_s,
                     data.reversedBill.isEmpty() ? QString()
                                                 : u"原票据：%1"_s.arg(data.reversedBill),
                     textFamily);
            drawMark(sheet, QPointF(centre.x() + 36.0, centre.y()),
                     data.copyNumber > 0 ? u"重打（第%1次）"_s.arg(data.copyNumber) : u"重打"_s,
                     QString(), textFamily);
        } else if (data.isRedReversal) {
            drawMark(sheet, centre, u"红冲"_s,
                     data.reversedBill.isEmpty() ? QString()
                                                 : u"原票据：%1"_s.arg(data.reversedBill),
                     textFamily);
        } else if (data.isCopy) {
            drawMark(sheet, centre,
                     data.copyNumber > 0 ? u"重打（第%1次）"_s.arg(data.copyNumber) : u"重打"_s,
                     QString(), textFamily);
        }
    }

    // The table.
    const QFont labelFont = sheet.font(textFamily, 9.5);
    const QFont valueFont = sheet.font(textFamily, 10.5);
    qreal y = tableTop;

    // 交款人 | name | 统一社会信用代码 | code
    {
        const qreal c1 = 22.0, c2 = 100.0, c3 = 36.0;
        sheet.fill(QRectF(0, y, c1, PayerRowHeight), LabelFill);
        sheet.fill(QRectF(c1 + c2, y, c3, PayerRowHeight), LabelFill);
        sheet.text(QRectF(0, y, c1, PayerRowHeight), u"交款人"_s, labelFont, BillRed,
                   Qt::AlignHCenter);
        sheet.paragraph(QRectF(c1, y, c2, PayerRowHeight), data.payerName, valueFont,
                        ValueBlack, 2.0);
        sheet.text(QRectF(c1 + c2, y, c3, PayerRowHeight), u"统一社会信用代码"_s, labelFont,
                   BillRed, Qt::AlignHCenter);
        sheet.text(QRectF(c1 + c2 + c3, y, w - c1 - c2 - c3, PayerRowHeight),
                   data.payerCreditCode, sheet.font(numberFamily, 10.5), ValueBlack,
                   Qt::AlignLeft, 2.0);
        for (qreal x : {c1, c1 + c2, c1 + c2 + c3})
            sheet.line(x, y, x, y + PayerRowHeight, BillRed, 0.2);
        y += PayerRowHeight;
        sheet.line(0, y, w, y, BillRed, 0.3);
    }

    // Items: header, then the lines (and blank lines, as on a printed form).
    {
        const qreal itemsTop = y;
        sheet.fill(QRectF(0, y, w, ItemHeaderHeight), LabelFill);
        sheet.line(0, y, w, y, BillRed, 0.3); // again: the fill covered half of it
        qreal x = 0;
        for (const Column &column : ItemColumns) {
            sheet.text(QRectF(x, y, column.width, ItemHeaderHeight), column.header, labelFont,
                       BillRed, Qt::AlignHCenter);
            x += column.width;
        }
        y += ItemHeaderHeight;
        sheet.line(0, y, w, y, BillRed, 0.2);
        for (int row = 0; row < itemRowCount(data); ++row) {
            if (row < data.items.size()) {
                const ReceiptItem &item = data.items.at(row);
                const QStringList cells = {item.code,     item.name,     item.unit,
                                           item.quantity, item.standard, item.amount.toString()};
                x = 0;
                for (qsizetype i = 0; i < cells.size(); ++i) {
                    const qreal width = ItemColumns.at(i).width;
                    const bool number = i == 0 || i >= 3;
                    const Qt::Alignment alignment = i == 1 ? Qt::AlignLeft
                        : i >= 3                           ? Qt::AlignRight
                                                           : Qt::AlignHCenter;
                    const QRectF cell(x, y, width, ItemRowHeight);
                    if (i == 1) // a long 项目名称 wraps rather than shrinking to nothing
                        sheet.paragraph(cell, cells.at(i), valueFont, ValueBlack, 2.0);
                    else
                        sheet.text(cell, cells.at(i),
                                   number ? sheet.font(textFamily, 10) : valueFont, ValueBlack,
                                   alignment, 2.0);
                    x += width;
                }
            }
            y += ItemRowHeight;
            if (row + 1 < itemRowCount(data))
                sheet.line(0, y, w, y, RowRule, 0.12);
        }
        x = 0;
        for (qsizetype i = 0; i + 1 < ItemColumns.size(); ++i) {
            x += ItemColumns.at(i).width;
            sheet.line(x, itemsTop, x, y, BillRed, 0.2);
        }
        sheet.line(0, y, w, y, BillRed, 0.3);
    }

    // 金额合计（大写） capitals （小写）¥1,234.50: the amount is the largest thing in the table.
    {
        const qreal c1 = 36.0, c3 = 20.0, c4 = 47.0;
        const qreal c2 = w - c1 - c3 - c4;
        sheet.fill(QRectF(0, y, c1, TotalRowHeight), LabelFill);
        sheet.line(0, y, w, y, BillRed, 0.3);
        sheet.text(QRectF(0, y, c1, TotalRowHeight), u"金额合计（大写）"_s, labelFont, BillRed,
                   Qt::AlignHCenter);
        sheet.text(QRectF(c1, y, c2, TotalRowHeight), amountInChineseCapitals(data.total),
                   sheet.font(textFamily, 13, true), ValueBlack, Qt::AlignLeft, 3.0);
        sheet.text(QRectF(c1 + c2, y, c3, TotalRowHeight), u"（小写）"_s, labelFont, BillRed,
                   Qt::AlignRight, 0.5);
        sheet.text(QRectF(c1 + c2 + c3, y, c4, TotalRowHeight),
                   u"¥"_s + data.total.toString(), sheet.font(textFamily, 14, true), ValueBlack,
                   Qt::AlignRight, 2.0);
        sheet.line(c1, y, c1, y + TotalRowHeight, BillRed, 0.2);
        y += TotalRowHeight;
        sheet.line(0, y, w, y, BillRed, 0.3);
    }

    // 其他信息
    {
        const qreal c1 = 22.0;
        sheet.fill(QRectF(0, y, c1, RemarksRowHeight), LabelFill);
        sheet.line(0, y, w, y, BillRed, 0.3);
        sheet.text(QRectF(0, y, c1, RemarksRowHeight), u"其他信息"_s, labelFont, BillRed,
                   Qt::AlignHCenter);
        sheet.paragraph(QRectF(c1, y, w - c1, RemarksRowHeight), data.remarks,
                        sheet.font(textFamily, 9.5), ValueBlack);
        sheet.line(c1, y, c1, y + RemarksRowHeight, BillRed, 0.2);
        y += RemarksRowHeight;
    }

    // Outer frame, drawn last so it covers the cell fills' edges.
    sheet.frame(QRectF(0, tableTop, w, y - tableTop), BillRed, 0.5);

    // Footer: 收款单位（章） | 复核人 | 收款人
    {
        const qreal top = y + 1.0;
        const qreal h = FooterHeight - 1.0;
        const auto field = [&](qreal x, qreal labelWidth, qreal valueWidth, const QString &label,
                               const QString &value) {
            sheet.text(QRectF(x, top, labelWidth, h), label, labelFont, BillRed, Qt::AlignLeft,
                       0.5);
            sheet.text(QRectF(x + labelWidth, top, valueWidth, h), value, valueFont, ValueBlack,
                       Qt::AlignLeft, 0.5);
        };
        field(0, 27.0, 95.0, u"收款单位（章）："_s, data.payeeName);
        field(126.0, 15.0, 34.0, u"复核人："_s, data.reviewerName);
        field(177.0, 15.0, 33.0, u"收款人："_s, data.clerkName);
    }
}

QPageLayout pageLayout(ReceiptDocument::PageSize size)
{
    const QMarginsF margins(PageMarginMm, PageMarginMm, PageMarginMm, PageMarginMm);
    switch (size) {
    case ReceiptDocument::PageSize::A4:
        return QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, margins,
                           QPageLayout::Millimeter);
    case ReceiptDocument::PageSize::A5:
        return QPageLayout(QPageSize(QPageSize::A5), QPageLayout::Landscape, margins,
                           QPageLayout::Millimeter);
    case ReceiptDocument::PageSize::Receipt:
        break;
    }
    // Given portrait, shown landscape: 241 mm wide, 140 mm high.
    return QPageLayout(QPageSize(QSizeF(140.0, 241.0), QPageSize::Millimeter,
                                 u"财政票据 241×140 mm"_s, QPageSize::ExactMatch),
                       QPageLayout::Landscape, margins, QPageLayout::Millimeter);
}

} // namespace

QString ReceiptDocument::textFontFamily()
{
    return firstInstalled(TextFontCandidates, QFont::SansSerif);
}

QString ReceiptDocument::numberFontFamily()
{
    return firstInstalled(NumberFontCandidates, QFont::Monospace);
}

Result<QByteArray> ReceiptDocument::renderPdf(const ReceiptData &data, PageSize size)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        return fail(Error::internal(
            QCoreApplication::translate("ReceiptDocument", "The receipt cannot be drawn."),
            u"ReceiptDocument::renderPdf needs a QGuiApplication for fonts"_s));
    }

    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setTitle(u"%1 %2-%3"_s.arg(data.title, data.billCode, data.billNumber).trimmed());
        writer.setCreator(u"Fund Counter"_s);
        if (!data.signedData.isEmpty()) {
            // Qt writes the XMP packet as an uncompressed metadata stream; Base64 keeps it plain ASCII.
            writer.setDocumentXmpMetadata(
                "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                "<rdf:Description rdf:about=\"\" xmlns:fr=\"urn:fund-counter:receipt:1\" fr:data=\""
                + data.signedData.toBase64() + "\" fr:signature=\"" + data.signature
                + "\"/></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"r\"?>");
        }
        writer.setResolution(Dpi);
        if (!writer.setPageLayout(pageLayout(size))) {
            return fail(Error::internal(
                QCoreApplication::translate("ReceiptDocument", "The receipt cannot be drawn."),
                u"QPdfWriter rejected the page layout"_s));
        }

        QPainter painter;
        if (!painter.begin(&writer)) {
            return fail(Error::internal(
                QCoreApplication::translate("ReceiptDocument", "The receipt cannot be drawn."),
                u"QPainter::begin failed on QPdfWriter"_s));
        }
        drawReceipt(&painter, QRectF(0, 0, writer.width(), writer.height()), data,
                    size != PageSize::A4);
        painter.end();
    }
    buffer.close();
    return pdf;
}

QPageLayout ReceiptDocument::pageLayoutFor(PageSize size)
{
    return pageLayout(size);
}

std::optional<EmbeddedReceiptData> ReceiptDocument::embeddedData(const QByteArray &pdf)
{
    auto attribute = [&](const QByteArray &name) -> std::optional<QByteArray> {
        const QByteArray open = " fr:" + name + "=\"";
        const qsizetype from = pdf.indexOf(open);
        if (from < 0)
            return std::nullopt;
        const qsizetype start = from + open.size();
        const qsizetype end = pdf.indexOf('"', start);
        if (end < 0 || end - start > 1'000'000)
            return std::nullopt;
        return pdf.mid(start, end - start);
    };
    const auto data = attribute("data");
    const auto signature = attribute("signature");
    if (!data || !signature)
        return std::nullopt;
    auto decoded = QByteArray::fromBase64Encoding(*data, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return EmbeddedReceiptData{*decoded, *signature};
}

VoidResult ReceiptDocument::writePdf(const ReceiptData &data, const QString &path, PageSize size)
{
    const Result<QByteArray> pdf = renderPdf(data, size);
    if (!pdf)
        return fail(pdf.error());

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(*pdf) != pdf->size() || !file.commit()) {
        return fail(Error::io(
            QCoreApplication::translate("ReceiptDocument",
                                        "The receipt could not be saved as %1: %2")
                .arg(QDir::toNativeSeparators(path), file.errorString()),
            u"QSaveFile failed for %1: %2"_s.arg(path, file.errorString())));
    }
    return {};
}

} // namespace fund::models
