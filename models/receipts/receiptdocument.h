#pragma once

#include "models/core/error.h"
#include "models/domain/money.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPageLayout>
#include <QString>

#include <optional>

namespace fund::models {

// One line of a 财政电子票据: 项目编码 / 项目名称 / 单位 / 数量 / 标准 / 金额.
struct ReceiptItem
{
    QString code;
    QString name;
    QString unit;
    QString quantity;
    QString standard;
    Money amount;
};

// Everything printed on a receipt. The document only draws; it checks nothing.
struct ReceiptData
{
    QString title;           // 票据名称, e.g. 北京市住宅专项维修资金缴存票据（电子）
    QString billCode;        // 票据代码, 8 digits
    QString billNumber;      // 票据号码, 10 digits
    QString checkCode;       // 校验码, 6 lower-case hex
    QDateTime issuedAt;      // 开票日期
    QString payerName;       // 交款人
    QString payerCreditCode; // 交款人统一社会信用代码; empty for a person
    QList<ReceiptItem> items;
    Money total;
    QString payeeName;    // 收款单位
    QString clerkName;    // 收款人 / 开票人
    QString reviewerName; // 复核人
    QByteArray qrText;    // drawn as a QR code as it is; nothing drawn when empty
    QString remarks;      // 其他信息
    bool isCopy = false;  // a reprint: marked 重打（第N次）
    int copyNumber = 0;
    bool isRedReversal = false; // 红冲: marked, with the reversed bill as reference
    QString reversedBill;
    // The issuer's signed receipt data (JSON) and its Base64 signature, embedded in the PDF's XMP
    // metadata so the file can be verified later (fundctl receipt verify). Nothing when empty.
    QByteArray signedData;
    QByteArray signature;
};

// What a receipt PDF carries for verification (see ReceiptData::signedData).
struct EmbeddedReceiptData
{
    QByteArray signedData;
    QByteArray signature;
};

// Draws a receipt in the layout of a finance-bureau bill into a one-page PDF.
// Needs a QGuiApplication (fonts); without one, renderPdf fails with Error::Code::Internal.
class ReceiptDocument
{
public:
    enum class PageSize {
        A4,     // portrait; the receipt fills the top of the sheet
        A5,     // landscape
        Receipt // 241 × 140 mm landscape, the usual 财政票据 continuous form
    };

    static Result<QByteArray> renderPdf(const ReceiptData &data, PageSize size = PageSize::A5);
    static VoidResult writePdf(const ReceiptData &data, const QString &path,
                               PageSize size = PageSize::A5);

    // The page layout a receipt is drawn on (printers use it too).
    static QPageLayout pageLayoutFor(PageSize size);

    // The signed data embedded by renderPdf, if `pdf` carries any.
    static std::optional<EmbeddedReceiptData> embeddedData(const QByteArray &pdf);

    // The font families the document draws with, as chosen from the installed fonts.
    static QString textFontFamily();
    static QString numberFontFamily();
};

} // namespace fund::models
