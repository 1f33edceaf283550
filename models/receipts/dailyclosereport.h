#pragma once

#include "models/core/error.h"
#include "models/services/tillservice.h"

#include <QByteArray>
#include <QString>

namespace fund::models {

// The 日结单 (daily close report) of one till as a one-page A4 PDF, drawn like the receipt
// (QPdfWriter; WenQuanYi Micro Hei for Chinese, DejaVu Sans Mono for figures, which both read
// back exactly with pdftotext). The labels are fixed Chinese, as on the receipt; every amount is
// Money::toString. The data comes from TillService::report(); the document checks nothing.
// Needs a QGuiApplication (fonts).
class DailyCloseReport
{
public:
    static Result<QByteArray> renderPdf(const TillReport &report);
    static VoidResult writePdf(const TillReport &report, const QString &path);

    // The Chinese labels the report prints, exposed for tests and the UI.
    static QString channelLabel(const QString &channelCode);     // cash → 现金 …
    static QString methodLabel(const QString &methodCode);       // wechat_native → 微信扫码（Native）…
    static QString denominationLabel(qint64 fen);                // 10000 → 100元, 50 → 5角, 1 → 1分
    static QString stateLabel(TillState state);                  // 营业中（X报表） / 待审批 / 已日结
};

} // namespace fund::models
