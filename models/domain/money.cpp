#include "models/domain/money.h"

#include <QLocale>

#include <limits>

namespace fund::models {

namespace {
// 128-bit intermediates so that amount × area never overflows (GCC/Clang extension).
__extension__ typedef __int128 Int128;

// ±9e15 fen = ±90 trillion yuan: far beyond any fund, and far from qint64 overflow.
constexpr qint64 MaxFen = 9'000'000'000'000'000LL;

qint64 roundedDivide(Int128 numerator, qint64 denominator)
{
    // Half away from zero.
    const bool negative = (numerator < 0) != (denominator < 0);
    Int128 n = numerator < 0 ? -numerator : numerator;
    const Int128 d = denominator < 0 ? -Int128(denominator) : Int128(denominator);
    Int128 q = (n + d / 2) / d;
    return static_cast<qint64>(negative ? -q : q);
}
} // namespace

std::optional<Money> Money::parse(QStringView text)
{
    QString s;
    s.reserve(text.size());
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 0xFF10 && u <= 0xFF19) // full-width digits
            s.append(QChar(u - 0xFF10 + u'0'));
        else if (u == 0xFF0E || u == 0x3002) // full-width full stop, ideographic full stop
            s.append(u'.');
        else if (u == 0xFF0C) // full-width comma
            s.append(u',');
        else if (u == 0xFF0D)
            s.append(u'-');
        else
            s.append(c);
    }
    s = s.trimmed();
    auto stripCurrencySign = [&s] {
        if (s.startsWith(u'¥') || s.startsWith(QChar(0xFFE5))) {
            s.remove(0, 1);
            s = s.trimmed();
            return true;
        }
        return false;
    };
    const bool hadCurrencySign = stripCurrencySign();
    if (s.endsWith(u'元')) {
        s.chop(1);
        s = s.trimmed();
    }

    bool negative = false;
    if (s.startsWith(u'-')) {
        negative = true;
        s.remove(0, 1);
    } else if (s.startsWith(u'+')) {
        s.remove(0, 1);
    }
    // "-¥1,234.50" is what toDisplayString() writes for a negative amount.
    if (!hadCurrencySign)
        stripCurrencySign();
    if (s.isEmpty())
        return std::nullopt;

    const qsizetype dot = s.indexOf(u'.');
    QString whole = dot < 0 ? s : s.left(dot);
    const QString fraction = dot < 0 ? QString() : s.mid(dot + 1);
    if (dot >= 0 && (fraction.isEmpty() || fraction.size() > 2))
        return std::nullopt;

    // Group separators are allowed only in the correct places (every three digits).
    if (whole.contains(u',')) {
        const QStringList groups = whole.split(u',');
        if (groups.first().isEmpty() || groups.first().size() > 3)
            return std::nullopt;
        for (qsizetype i = 1; i < groups.size(); ++i) {
            if (groups.at(i).size() != 3)
                return std::nullopt;
        }
        whole.remove(u',');
    }
    if (whole.isEmpty())
        return std::nullopt;

    auto allDigits = [](const QString &t) {
        for (QChar c : t) {
            if (c < u'0' || c > u'9')
                return false;
        }
        return true;
    };
    if (!allDigits(whole) || !allDigits(fraction))
        return std::nullopt;
    while (whole.size() > 1 && whole.startsWith(u'0')) // leading zeros do not count as digits
        whole.remove(0, 1);
    if (whole.size() > 14)
        return std::nullopt;

    qint64 fen = whole.toLongLong() * 100;
    if (fraction.size() == 1)
        fen += fraction.toLongLong() * 10;
    else if (fraction.size() == 2)
        fen += fraction.toLongLong();
    if (fen > MaxFen)
        return std::nullopt;
    return Money(negative ? -fen : fen);
}

QString Money::toPlainString() const
{
    const qint64 abs = m_fen < 0 ? -m_fen : m_fen;
    return QStringLiteral("%1%2.%3")
        .arg(m_fen < 0 ? QStringLiteral("-") : QString())
        .arg(abs / 100)
        .arg(abs % 100, 2, 10, QLatin1Char('0'));
}

QString Money::toString() const
{
    const qint64 abs = m_fen < 0 ? -m_fen : m_fen;
    QString whole = QString::number(abs / 100);
    for (qsizetype i = whole.size() - 3; i > 0; i -= 3)
        whole.insert(i, u',');
    return QStringLiteral("%1%2.%3")
        .arg(m_fen < 0 ? QStringLiteral("-") : QString(), whole)
        .arg(abs % 100, 2, 10, QLatin1Char('0'));
}

QString Money::toDisplayString() const
{
    if (m_fen < 0)
        return QStringLiteral("-¥") + Money(-m_fen).toString();
    return QStringLiteral("¥") + toString();
}

std::optional<Money> Money::checkedAdd(Money other) const
{
    qint64 r = 0;
    if (__builtin_add_overflow(m_fen, other.m_fen, &r) || r > MaxFen || r < -MaxFen)
        return std::nullopt;
    return Money(r);
}

std::optional<Money> Money::checkedSubtract(Money other) const
{
    qint64 r = 0;
    if (__builtin_sub_overflow(m_fen, other.m_fen, &r) || r > MaxFen || r < -MaxFen)
        return std::nullopt;
    return Money(r);
}

Money Money::operator+(Money other) const
{
    const auto r = checkedAdd(other);
    Q_ASSERT(r);
    return r.value_or(Money(m_fen));
}

Money Money::operator-(Money other) const
{
    const auto r = checkedSubtract(other);
    Q_ASSERT(r);
    return r.value_or(Money(m_fen));
}

Money &Money::operator+=(Money other)
{
    *this = *this + other;
    return *this;
}

Money &Money::operator-=(Money other)
{
    *this = *this - other;
    return *this;
}

Money Money::forArea(Money perSquareMetre, qint64 areaHundredths)
{
    return Money(roundedDivide(Int128(perSquareMetre.m_fen) * areaHundredths, 100));
}

Money Money::percent(int percent) const
{
    return Money(roundedDivide(Int128(m_fen) * percent, 100));
}

QList<Money> Money::allocate(int parts) const
{
    QList<Money> result;
    if (parts <= 0)
        return result;
    const qint64 base = m_fen / parts;
    qint64 remainder = m_fen % parts; // same sign as m_fen
    const qint64 step = remainder < 0 ? -1 : 1;
    result.reserve(parts);
    for (int i = 0; i < parts; ++i) {
        qint64 v = base;
        if (remainder != 0) {
            v += step;
            remainder -= step;
        }
        result.append(Money(v));
    }
    return result;
}

} // namespace fund::models
