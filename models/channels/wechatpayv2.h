#pragma once

#include "models/core/error.h"
#include "models/domain/money.h"

#include <QByteArray>
#include <QMap>
#include <QString>

#include <optional>

namespace fund::models {

// WeChat Pay API v2 (XML), which a direct merchant still needs for 付款码支付 (micropay: we scan
// the resident's code). Signing (MD5 or HMAC-SHA256 over the sorted non-empty parameters), the
// flat XML, and the two-level result of a micropay. Pure: no network, no state.
// See shared/reference/payments-and-receipts.md §1.5.
class WechatPayV2
{
public:
    using Params = QMap<QString, QString>; // QMap keeps the keys in the ASCII order signing needs

    enum class SignType { Md5, HmacSha256 };
    static QString signTypeName(SignType type); // "MD5" / "HMAC-SHA256"

    // "k=v&k=v&key=KEY": every non-empty parameter except `sign`, keys in ASCII order.
    static QByteArray signContent(const Params &params, const QByteArray &key);
    // Upper-case hex MD5 or HMAC-SHA256 (keyed with `key`) of signContent().
    static QByteArray sign(const Params &params, const QByteArray &key, SignType type);
    // Checks params["sign"] (constant-time, case-insensitive hex). Unknown extra fields take part,
    // as WeChat requires. A missing or wrong sign is a Network error ("not authentic").
    static VoidResult verify(const Params &params, const QByteArray &key, SignType type = SignType::Md5);

    // <xml><k><![CDATA[v]]></k>…</xml>, keys in order. A value holding "]]>" is split across
    // two CDATA sections so it survives.
    static QByteArray toXml(const Params &params);
    // A flat <xml> document back into parameters (nested elements are refused, DOCTYPE too).
    static Result<Params> fromXml(const QByteArray &xml);

    // Adds nonce_str, sign_type and sign to `params` (whatever the call) and gives the XML body.
    static Result<QByteArray> signedRequest(Params params, const QByteArray &key, SignType type,
                                            const QByteArray &nonce);

    // POST /pay/micropay
    struct MicropayOrder
    {
        QString appId;
        QString mchId;
        QString body;           // 商品描述, at most 128 bytes
        QString outTradeNo;     // at most 32 of [0-9A-Za-z_-|*]
        Money total;            // positive; sent as total_fee in fen
        QString spbillCreateIp; // the counter PC's IP
        QString authCode;       // the scanned 18-digit code
        QString deviceInfo;     // optional: the counter id
    };
    static constexpr QStringView MicropayPath = u"/pay/micropay";
    static Result<Params> micropayParams(const MicropayOrder &order);

    // What a micropay answer means for the counter (for orderquery, trade_state decides instead).
    enum class Outcome {
        Success,     // return_code and result_code SUCCESS: paid
        UserPaying,  // USERPAYING: the resident is entering the password; query every few seconds
        SystemError, // SYSTEMERROR, BANKERROR, ORDERPAID, or no clear answer: unknown, query
        Error,       // a definite refusal (AUTH_CODE_INVALID, NOTENOUGH, …) or return_code FAIL
    };
    struct Answer
    {
        Outcome outcome = Outcome::SystemError;
        QString returnCode;
        QString returnMsg;
        QString resultCode;
        QString errCode;
        QString errCodeDes;
        QString transactionId;
        std::optional<Money> totalFee;
    };
    // Classifies already-verified parameters.
    static Answer classifyMicropay(const Params &response);
    // Parses the XML answer, verifies its sign when return_code is SUCCESS (answers with
    // return_code FAIL carry no sign), and classifies it.
    static Result<Answer> parseMicropayResponse(const QByteArray &xml, const QByteArray &key, SignType type);
};

} // namespace fund::models
