#include "models/receipts/dailyclosereport.h"

#include "models/receipts/receiptdocument.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fund::models {

namespace {

// Drawn on A4 portrait in millimetres from the top-left corner of the printable area; the
// content is about 200 mm high, so it stays on one page whatever the figures.
constexpr int Dpi = 300;
constexpr qreal MarginMm = 12.0;
constexpr qreal Width = 186.0; // 210 − 2 × 12

// The receipt's colours: red-brown frame and labels, black values.
const QColor FrameRed(0xA6, 0x1C, 0x24);
const QColor MarkRed(0xD0, 0x10, 0x10);
const QColor ValueBlack(0x10, 0x10, 0x10);
const QColor LabelFill(0xFB, 0xF1, 0xF1);
const QColor RowRule(0xE0, 0xB8, 0xBA);

class Page
{
public:
    explicit Page(QPainter *painter)
        : m_painter(painter)
        , m_unit(Dpi / 25.4)
    {
    }

    QRectF rect(const QRectF &mm) const
    {
        return QRectF((MarginMm + mm.x()) * m_unit, (MarginMm + mm.y()) * m_unit, mm.width() * m_unit,
                      mm.height() * m_unit);
    }

    QFont font(const QString &family, qreal points, bool bold = false) const
    {
        QFont f(family);
        f.setPointSizeF(points);
        f.setBold(bold);
        f.setKerning(false);
        f.setStyleStrategy(QFont::PreferOutline);
        return f;
    }

    void line(qreal x1, qreal y1, qreal x2, qreal y2, const QColor &color, qreal widthMm) const
    {
        m_painter->setPen(QPen(color, widthMm * m_unit, Qt::SolidLine, Qt::SquareCap));
        m_painter->drawLine(QPointF((MarginMm + x1) * m_unit, (MarginMm + y1) * m_unit),
                            QPointF((MarginMm + x2) * m_unit, (MarginMm + y2) * m_unit));
    }

    void frame(const QRectF &mm, const QColor &color, qreal widthMm) const
    {
        m_painter->setPen(QPen(color, widthMm * m_unit, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
        m_painter->setBrush(Qt::NoBrush);
        m_painter->drawRect(rect(mm));
    }

    void fill(const QRectF &mm, const QColor &color) const { m_painter->fillRect(rect(mm), color); }

    // One line of text in mm; set smaller (down to 60 %), then elided, never over the border.
    void text(const QRectF &mm, const QString &text, QFont font, const QColor &color, Qt::Alignment alignment,
              qreal paddingMm = 1.5) const
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

    // Wrapped text, set smaller until it fits.
    void paragraph(const QRectF &mm, const QString &text, QFont font, const QColor &color, qreal paddingMm = 1.5) const
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

private:
    QPainter *m_painter;
    qreal m_unit; // device pixels per mm
};

QString localTime(const QDateTime &at)
{
    return at.isValid() ? at.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s) : QString();
}

void drawReport(QPainter *painter, const TillReport &r)
{
    const QString textFamily = ReceiptDocument::textFontFamily();
    const QString numberFamily = ReceiptDocument::numberFontFamily();
    const Page page(painter);
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setRenderHint(QPainter::TextAntialiasing, true);

    const QFont labelFont = page.font(textFamily, 10);
    const QFont valueFont = page.font(textFamily, 10.5);
    const QFont numberFont = page.font(numberFamily, 10.5);
    const QFont numberBold = page.font(numberFamily, 11, true);
    const QFont headFont = page.font(textFamily, 11, true);

    // Title with the double rule of the receipt.
    const QString title = u"北京市住宅专项维修资金柜台日结单"_s;
    page.text(QRectF(34.0, 0, Width - 68.0, 11), title, page.font(textFamily, 16, true), FrameRed, Qt::AlignHCenter, 0);
    const qreal titleWidth = 100.0;
    page.line(Width / 2 - titleWidth / 2, 12.0, Width / 2 + titleWidth / 2, 12.0, FrameRed, 0.45);
    page.line(Width / 2 - titleWidth / 2, 13.0, Width / 2 + titleWidth / 2, 13.0, FrameRed, 0.2);

    // State mark, top right, like the receipt's 重打 stamp.
    {
        const QString mark = DailyCloseReport::stateLabel(r.state);
        const QRectF box(Width - 32.0, 1.0, 32.0, 10.0);
        page.frame(box, MarkRed, 0.6);
        page.frame(box.adjusted(0.9, 0.9, -0.9, -0.9), MarkRed, 0.2);
        page.text(box.adjusted(1.0, 1.0, -1.0, -1.0), mark, page.font(textFamily, 12, true), MarkRed, Qt::AlignHCenter, 0.5);
    }

    qreal y = 18.0;
    constexpr qreal Row = 7.5;

    // Header fields: four label/value pairs per two rows.
    const auto field = [&](qreal x, qreal labelWidth, qreal valueWidth, const QString &label, const QString &value,
                           bool number) {
        page.fill(QRectF(x, y, labelWidth, Row), LabelFill);
        page.text(QRectF(x, y, labelWidth, Row), label, labelFont, FrameRed, Qt::AlignHCenter, 0.5);
        page.text(QRectF(x + labelWidth, y, valueWidth, Row), value, number ? numberFont : valueFont, ValueBlack,
                  Qt::AlignLeft, 2.0);
        page.line(x + labelWidth, y, x + labelWidth, y + Row, FrameRed, 0.2);
        page.line(x + labelWidth + valueWidth, y, x + labelWidth + valueWidth, y + Row, FrameRed, 0.2);
    };
    const qreal headerTop = y;
    {
        const qreal lw = 22.0, vw = Width / 3 - lw;
        field(0, lw, vw, u"柜台号"_s, r.counterId, true);
        field(Width / 3, lw, vw, u"营业日期"_s, r.businessDate.toString(Qt::ISODate), true);
        field(2 * Width / 3, lw, vw, u"款箱编号"_s, QString::number(r.tillId), true);
        y += Row;
        page.line(0, y, Width, y, FrameRed, 0.2);
        field(0, lw, vw, u"开箱人"_s, r.openedByName, false);
        field(Width / 3, lw, vw, u"开箱时间"_s, localTime(r.openedAt), true);
        field(2 * Width / 3, lw, vw, u"备用金"_s, r.openingFloat.toString(), true);
        y += Row;
        page.line(0, y, Width, y, FrameRed, 0.2);
        field(0, lw, vw, u"日结人"_s, r.closedByName, false);
        field(Width / 3, lw, vw, r.counted ? u"日结时间"_s : u"截至时间"_s, localTime(r.periodEnd), true);
        field(2 * Width / 3, lw, vw, u"收款笔数"_s, QString::number(r.paymentCount), true);
        y += Row;
        page.frame(QRectF(0, headerTop, Width, y - headerTop), FrameRed, 0.5);
    }

    // Takings per channel and method.
    y += 5.0;
    page.text(QRectF(0, y, Width, 7.0), u"一、收款汇总（按渠道、方式）"_s, headFont, FrameRed, Qt::AlignLeft, 0);
    y += 7.5;
    {
        const qreal c1 = 46.0, c2 = 62.0, c3 = 30.0, c4 = Width - c1 - c2 - c3;
        const qreal top = y;
        page.fill(QRectF(0, y, Width, Row), LabelFill);
        page.text(QRectF(0, y, c1, Row), u"收款渠道"_s, labelFont, FrameRed, Qt::AlignHCenter);
        page.text(QRectF(c1, y, c2, Row), u"支付方式"_s, labelFont, FrameRed, Qt::AlignHCenter);
        page.text(QRectF(c1 + c2, y, c3, Row), u"笔数"_s, labelFont, FrameRed, Qt::AlignHCenter);
        page.text(QRectF(c1 + c2 + c3, y, c4, Row), u"金额（元）"_s, labelFont, FrameRed, Qt::AlignHCenter);
        y += Row;
        page.line(0, y, Width, y, FrameRed, 0.3);
        for (const TillTakings &channel : r.channels) {
            QList<TillTakings> methods;
            for (const TillTakings &m : r.methods) {
                if (m.channel == channel.code)
                    methods.append(m);
            }
            const qreal channelTop = y;
            // The channel's own line carries its subtotal; its methods follow when there are
            // several (or one that is not the channel itself).
            const bool detail = methods.size() > 1 || (methods.size() == 1 && methods.first().code != channel.code);
            page.text(QRectF(0, y, c1, Row), DailyCloseReport::channelLabel(channel.code), valueFont, ValueBlack, Qt::AlignLeft, 2.5);
            page.text(QRectF(c1, y, c2, Row), detail            ? u"小计"_s
                          : methods.isEmpty() ? u"—"_s
                                              : DailyCloseReport::methodLabel(methods.first().code), valueFont,
                      ValueBlack, Qt::AlignLeft, 2.5);
            page.text(QRectF(c1 + c2, y, c3, Row), QString::number(channel.count), numberFont, ValueBlack, Qt::AlignRight, 3.0);
            page.text(QRectF(c1 + c2 + c3, y, c4, Row), channel.total.toString(), numberFont, ValueBlack, Qt::AlignRight, 3.0);
            y += Row;
            if (detail) {
                for (const TillTakings &m : std::as_const(methods)) {
                    page.line(c1, y, Width, y, RowRule, 0.12);
                    page.text(QRectF(c1, y, c2, Row), DailyCloseReport::methodLabel(m.code), valueFont, ValueBlack, Qt::AlignLeft, 5.0);
                    page.text(QRectF(c1 + c2, y, c3, Row), QString::number(m.count), numberFont, ValueBlack, Qt::AlignRight, 3.0);
                    page.text(QRectF(c1 + c2 + c3, y, c4, Row), m.total.toString(), numberFont, ValueBlack, Qt::AlignRight, 3.0);
                    y += Row;
                }
            }
            Q_UNUSED(channelTop);
            page.line(0, y, Width, y, FrameRed, 0.2);
        }
        for (qreal x : {c1, c1 + c2, c1 + c2 + c3})
            page.line(x, top, x, y, FrameRed, 0.2);
        page.fill(QRectF(0, y, Width, Row + 1.0), LabelFill);
        page.line(0, y, Width, y, FrameRed, 0.3);
        page.line(c1 + c2, y, c1 + c2, y + Row + 1.0, FrameRed, 0.2);
        page.line(c1 + c2 + c3, y, c1 + c2 + c3, y + Row + 1.0, FrameRed, 0.2);
        page.text(QRectF(0, y, c1 + c2, Row + 1.0), u"合计"_s, page.font(textFamily, 11, true), FrameRed, Qt::AlignHCenter);
        page.text(QRectF(c1 + c2, y, c3, Row + 1.0), QString::number(r.paymentCount), numberBold, ValueBlack, Qt::AlignRight, 3.0);
        page.text(QRectF(c1 + c2 + c3, y, c4, Row + 1.0), r.totalCollected.toString(), numberBold, ValueBlack, Qt::AlignRight, 3.0);
        y += Row + 1.0;
        page.frame(QRectF(0, top, Width, y - top), FrameRed, 0.5);
    }

    // Refunds made at this counter (money out), when there were any.
    if (r.refundCount > 0) {
        y += 2.0;
        QStringList parts;
        for (const TillTakings &m : r.refunds)
            parts.append(u"%1 %2 笔 %3 元"_s.arg(DailyCloseReport::methodLabel(m.code)).arg(m.count).arg(m.total.toString()));
        page.text(QRectF(0, y, Width, Row), u"退款（支出）：%1 笔，合计 %2 元（%3）"_s.arg(r.refundCount).arg(r.totalRefunded.toString(), parts.join(u"；"_s)),
                  valueFont, ValueBlack, Qt::AlignLeft, 0);
        y += Row;
    }

    // Cash: the reckoning on the left, the count by denomination on the right.
    y += 5.0;
    page.text(QRectF(0, y, Width, 7.0), u"二、现金核对"_s, headFont, FrameRed, Qt::AlignLeft, 0);
    y += 7.5;
    const qreal cashTop = y;
    qreal leftBottom = y;
    {
        const qreal lw = 40.0, vw = 56.0;
        const bool hasVariance = r.counted && !r.variance.isZero();
        const QList<std::tuple<QString, QString, bool>> rows = {
            {u"备用金"_s, r.openingFloat.toString(), false},
            {u"现金收入"_s, r.cashIn.toString(), false},
            {u"现金支出"_s, r.cashOut.toString(), false},
            {u"应有现金"_s, r.expectedCash.toString(), true},
            {u"实点现金"_s, r.counted ? r.countedCash.toString() : u"—"_s, true},
            {u"差额（实点−应有）"_s, r.counted ? r.variance.toString() : u"—"_s, true},
        };
        const qreal noteHeight = 15.0;
        page.fill(QRectF(0, y, lw, rows.size() * Row + noteHeight), LabelFill);
        qreal ly = y;
        for (const auto &[label, value, strong] : rows) {
            page.text(QRectF(0, ly, lw, Row), label, labelFont, FrameRed, Qt::AlignLeft, 2.5);
            const bool red = hasVariance && label.startsWith(u"差额"_s);
            page.text(QRectF(lw, ly, vw, Row), value, strong ? numberBold : numberFont, red ? MarkRed : ValueBlack,
                      Qt::AlignRight, 3.0);
            ly += Row;
            page.line(0, ly, lw + vw, ly, FrameRed, 0.2);
        }
        // 差额说明: the note, wrapped.
        page.text(QRectF(0, ly, lw, noteHeight), u"差额说明"_s, labelFont, FrameRed, Qt::AlignLeft, 2.5);
        page.paragraph(QRectF(lw, ly, vw, noteHeight), r.varianceNote.isEmpty() ? (r.counted ? u"无"_s : QString()) : r.varianceNote,
                       page.font(textFamily, 9.5), ValueBlack, 2.0);
        ly += noteHeight;
        page.line(lw, y, lw, ly, FrameRed, 0.2);
        page.frame(QRectF(0, y, lw + vw, ly - y), FrameRed, 0.5);
        leftBottom = ly;
    }
    qreal rightBottom = y;
    {
        const qreal x0 = 102.0;
        const qreal c1 = 24.0, c2 = 26.0, c3 = Width - x0 - c1 - c2;
        const qreal dRow = 5.6;
        qreal ry = y;
        page.fill(QRectF(x0, ry, Width - x0, dRow + 0.4), LabelFill);
        page.text(QRectF(x0, ry, c1, dRow + 0.4), u"面额"_s, labelFont, FrameRed, Qt::AlignHCenter);
        page.text(QRectF(x0 + c1, ry, c2, dRow + 0.4), u"张/枚数"_s, labelFont, FrameRed, Qt::AlignHCenter);
        page.text(QRectF(x0 + c1 + c2, ry, c3, dRow + 0.4), u"金额（元）"_s, labelFont, FrameRed, Qt::AlignHCenter);
        ry += dRow + 0.4;
        page.line(x0, ry, Width, ry, FrameRed, 0.3);
        const QFont small = page.font(numberFamily, 9.5);
        for (qint64 fen : TillService::denominationsFen()) {
            const qint64 count = r.denominations.value(fen);
            page.text(QRectF(x0, ry, c1, dRow), DailyCloseReport::denominationLabel(fen), page.font(textFamily, 9.5), ValueBlack,
                      Qt::AlignHCenter);
            if (r.counted) {
                page.text(QRectF(x0 + c1, ry, c2, dRow), QString::number(count), small, ValueBlack, Qt::AlignRight, 3.0);
                page.text(QRectF(x0 + c1 + c2, ry, c3, dRow), Money::fromFen(fen * count).toString(), small, ValueBlack,
                          Qt::AlignRight, 3.0);
            }
            ry += dRow;
            page.line(x0, ry, Width, ry, RowRule, 0.12);
        }
        page.fill(QRectF(x0, ry, Width - x0, dRow + 1.0), LabelFill);
        page.line(x0, ry, Width, ry, FrameRed, 0.3);
        page.text(QRectF(x0, ry, c1 + c2, dRow + 1.0), u"实点合计"_s, labelFont, FrameRed, Qt::AlignHCenter);
        page.text(QRectF(x0 + c1 + c2, ry, c3, dRow + 1.0), r.counted ? r.countedCash.toString() : u"—"_s, numberBold, ValueBlack,
                  Qt::AlignRight, 3.0);
        ry += dRow + 1.0;
        page.line(x0 + c1, y, x0 + c1, ry - dRow - 1.0, FrameRed, 0.2);
        page.line(x0 + c1 + c2, y, x0 + c1 + c2, ry, FrameRed, 0.2);
        page.frame(QRectF(x0, y, Width - x0, ry - y), FrameRed, 0.5);
        rightBottom = ry;
    }
    Q_UNUSED(cashTop);
    y = std::max(leftBottom, rightBottom);

    // Receipts.
    y += 5.0;
    page.text(QRectF(0, y, Width, 7.0), u"三、票据"_s, headFont, FrameRed, Qt::AlignLeft, 0);
    y += 7.5;
    {
        const qreal top = y;
        const qreal lw = 40.0, vw = Width / 2 - lw;
        field(0, lw, vw, u"开具票据（张）"_s, QString::number(r.receiptsIssued), true);
        field(Width / 2, lw, vw, u"红冲票据（张）"_s, QString::number(r.receiptsReversed), true);
        y += Row;
        page.frame(QRectF(0, top, Width, y - top), FrameRed, 0.5);
    }

    // Signatures and approval.
    y += 9.0;
    {
        const auto sign = [&](qreal x, qreal lw, qreal vw, const QString &label, const QString &value, bool number) {
            page.text(QRectF(x, y, lw, Row), label, labelFont, FrameRed, Qt::AlignLeft, 0.5);
            page.text(QRectF(x + lw, y, vw, Row), value, number ? numberFont : valueFont, ValueBlack, Qt::AlignLeft, 0.5);
            page.line(x + lw, y + Row, x + lw + vw, y + Row, FrameRed, 0.15);
        };
        sign(0, 20.0, 36.0, u"日结人："_s, r.closedByName, false);
        sign(62.0, 26.0, 34.0, u"差额审批人："_s, r.approvedByName, false);
        sign(128.0, 22.0, 36.0, u"审批时间："_s, localTime(r.approvedAt), true);
        y += Row + 3.0;
        const QString approval = !r.counted ? u"未日结：本单为营业中的X报表，仅供核对。"_s
            : r.variance.isZero()           ? u"实点现金与应有现金相符，无需审批。"_s
            : r.approvedByName.isEmpty()    ? u"现金差额待主管审批。"_s
                                            : u"现金差额已由主管审批。"_s;
        page.text(QRectF(0, y, Width, Row), approval, labelFont, r.counted && !r.variance.isZero() && r.approvedByName.isEmpty() ? MarkRed : ValueBlack,
                  Qt::AlignLeft, 0.5);
    }
}

} // namespace

QString DailyCloseReport::channelLabel(const QString &code)
{
    if (code == u"cash"_s)
        return u"现金"_s;
    if (code == u"card"_s)
        return u"银行卡（POS）"_s;
    if (code == u"wechat"_s)
        return u"微信支付"_s;
    if (code == u"alipay"_s)
        return u"支付宝"_s;
    return code;
}

QString DailyCloseReport::methodLabel(const QString &code)
{
    if (code == u"cash"_s)
        return u"现金"_s;
    if (code == u"card"_s)
        return u"POS刷卡"_s;
    if (code == u"wechat_native"_s)
        return u"微信扫码（Native）"_s;
    if (code == u"wechat_code"_s)
        return u"微信付款码"_s;
    if (code == u"alipay_qr"_s)
        return u"支付宝扫码"_s;
    if (code == u"alipay_code"_s)
        return u"支付宝付款码"_s;
    return code;
}

QString DailyCloseReport::denominationLabel(qint64 fen)
{
    if (fen >= 100 && fen % 100 == 0)
        return u"%1元"_s.arg(fen / 100);
    if (fen >= 10 && fen % 10 == 0)
        return u"%1角"_s.arg(fen / 10);
    return u"%1分"_s.arg(fen);
}

QString DailyCloseReport::stateLabel(TillState state)
{
    switch (state) {
    case TillState::Open:
        return u"X报表 未日结"_s;
    case TillState::Closing:
        return u"待审批"_s;
    case TillState::Closed:
        return u"已日结"_s;
    }
    return {};
}

Result<QByteArray> DailyCloseReport::renderPdf(const TillReport &report)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        return fail(Error::internal(QCoreApplication::translate("DailyCloseReport", "The daily close report cannot be drawn."),
                                    u"DailyCloseReport::renderPdf needs a QGuiApplication for fonts"_s));
    }
    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setTitle(u"日结单 %1 %2"_s.arg(report.counterId, report.businessDate.toString(Qt::ISODate)));
        writer.setCreator(u"Fund Counter"_s);
        writer.setResolution(Dpi);
        if (!writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0),
                                              QPageLayout::Millimeter))) {
            return fail(Error::internal(QCoreApplication::translate("DailyCloseReport", "The daily close report cannot be drawn."),
                                        u"QPdfWriter rejected the page layout"_s));
        }
        QPainter painter;
        if (!painter.begin(&writer)) {
            return fail(Error::internal(QCoreApplication::translate("DailyCloseReport", "The daily close report cannot be drawn."),
                                        u"QPainter::begin failed on QPdfWriter"_s));
        }
        drawReport(&painter, report);
        painter.end();
    }
    buffer.close();
    return pdf;
}

VoidResult DailyCloseReport::writePdf(const TillReport &report, const QString &path)
{
    const Result<QByteArray> pdf = renderPdf(report);
    if (!pdf)
        return fail(pdf.error());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(*pdf) != pdf->size() || !file.commit()) {
        return fail(Error::io(QCoreApplication::translate("DailyCloseReport", "The daily close report could not be saved as %1: %2")
                                  .arg(QDir::toNativeSeparators(path), file.errorString()),
                              u"QSaveFile failed for %1: %2"_s.arg(path, file.errorString())));
    }
    return {};
}

} // namespace fund::models
