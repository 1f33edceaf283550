#include "models/domain/chineseamount.h"

#include <QtGlobal>

namespace fund::models {

// Rules (《支付结算办法》附件一《正确填写票据和结算凭证的基本规定》 and common banking practice):
//  * digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟 within a four-digit section, sections 万 and 亿;
//  * a leading 1 in the tens place is written 壹拾 (10 → 壹拾元整, 100,000 → 壹拾万元整);
//  * a run of zeros inside the integer part, also across a section boundary, is one 零
//    (1,001 → 壹仟零壹; 10,010 → 壹万零壹拾; 100,000,001 → 壹亿零壹); zeros at the end of a section
//    or of the integer part are not written (1,000,000 → 壹佰万);
//  * "整" follows 元 or 角 when the amount ends there, never 分. So 0.50 → 伍角整 and
//    1.50 → 壹元伍角整 (the rule text allows "整" after 角; some write plain 伍角, we chose 伍角整);
//  * 角 zero with 分 non-zero writes 零 before 分 (1.05 → 壹元零伍分), unless there is no
//    integer part (0.05 → 伍分);
//  * when the integer part ends in zero and 角 is non-zero, no 零 is written between 元 and 角
//    (10.30 → 壹拾元叁角整); the rules allow either form, we chose the shorter;
//  * zero is 零元整; a negative amount is prefixed with 负.

namespace {

constexpr char16_t Digits[] = u"零壹贰叁肆伍陆柒捌玖";
constexpr char16_t SmallUnits[] = u" 拾佰仟"; // index 0 unused

constexpr quint64 TenThousand = 10'000;
constexpr quint64 HundredMillion = 100'000'000;

QChar digit(quint64 d)
{
    return QChar(Digits[d]);
}

// 1..9999, no leading zero.
QString section(quint64 n)
{
    Q_ASSERT(n > 0 && n < TenThousand);
    QString s;
    bool pendingZero = false;
    bool started = false;
    quint64 divisor = 1000;
    for (int position = 3; position >= 0; --position, divisor /= 10) {
        const quint64 d = n / divisor % 10;
        if (d == 0) {
            pendingZero = started;
            continue;
        }
        if (pendingZero)
            s += digit(0);
        pendingZero = false;
        started = true;
        s += digit(d);
        if (position > 0)
            s += QChar(SmallUnits[position]);
    }
    return s;
}

// n > 0.
QString integerPart(quint64 n)
{
    Q_ASSERT(n > 0);
    quint64 unit = 0;
    QChar unitName;
    if (n >= HundredMillion) {
        unit = HundredMillion;
        unitName = QChar(u'亿');
    } else if (n >= TenThousand) {
        unit = TenThousand;
        unitName = QChar(u'万');
    } else {
        return section(n);
    }
    const quint64 high = n / unit;
    const quint64 low = n % unit;
    QString s = integerPart(high) + unitName;
    if (low == 0)
        return s;
    if (low < unit / 10) // the lower part starts with at least one zero digit
        s += digit(0);
    return s + integerPart(low);
}

} // namespace

QString amountInChineseCapitals(Money amount)
{
    const qint64 fen = amount.fen();
    const quint64 abs = fen < 0 ? 0 - static_cast<quint64>(fen) : static_cast<quint64>(fen);
    const quint64 yuan = abs / 100;
    const quint64 jiao = abs / 10 % 10;
    const quint64 fenDigit = abs % 10;

    QString s;
    if (fen < 0)
        s += u'负';
    if (yuan > 0)
        s += integerPart(yuan) + u'元';
    if (yuan == 0 && jiao == 0 && fenDigit == 0)
        return s + u"零元整";
    if (jiao > 0)
        s += digit(jiao) + u'角';
    else if (fenDigit > 0 && yuan > 0)
        s += digit(0);
    if (fenDigit > 0)
        s += digit(fenDigit) + u'分';
    else
        s += u'整';
    return s;
}

} // namespace fund::models
