#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringView>

#include <compare>
#include <optional>

namespace fund::models {

// An amount of renminbi in integer fen (分). Never a double anywhere (ARCHITECTURE decision 1).
class Money
{
public:
    constexpr Money() = default;

    static constexpr Money fromFen(qint64 fen) { return Money(fen); }
    static constexpr Money zero() { return Money(0); }

    // Parses what a clerk types: "1234", "1234.5", "1,234.50", "¥12.30", "１２.３" (full-width),
    // with an optional leading '-'. More than two decimals, stray characters, empty input or a
    // value beyond ±90,000,000,000,000 yuan give nullopt: never a silently rounded value.
    static std::optional<Money> parse(QStringView text);

    constexpr qint64 fen() const { return m_fen; }
    constexpr bool isZero() const { return m_fen == 0; }
    constexpr bool isNegative() const { return m_fen < 0; }

    // "1234.50" / "-0.05": the plain form for protocols (Alipay total_amount) and files.
    QString toPlainString() const;
    // "1,234.50": grouped, two decimals, for screens and receipts.
    QString toString() const;
    // "¥1,234.50"
    QString toDisplayString() const;

    // Checked arithmetic: nullopt on overflow.
    std::optional<Money> checkedAdd(Money other) const;
    std::optional<Money> checkedSubtract(Money other) const;

    // Unchecked arithmetic for values known to be small (asserts on overflow in debug builds).
    Money operator+(Money other) const;
    Money operator-(Money other) const;
    Money operator-() const { return Money(-m_fen); }
    Money &operator+=(Money other);
    Money &operator-=(Money other);

    // The one place where a per-m² standard meets an area: standard (fen per m²) × area
    // (hundredths of m²) / 100, rounded half away from zero to the fen. Documented in
    // docs/architecture.md; every deposit computation calls this and nothing else.
    static Money forArea(Money perSquareMetre, qint64 areaHundredths);

    // `percent` per cent of this amount, rounded half away from zero to the fen.
    Money percent(int percent) const;

    // Splits into `parts` amounts that add up exactly; the first (fen mod parts) parts get one
    // fen more. parts <= 0 gives an empty list.
    QList<Money> allocate(int parts) const;

    friend constexpr bool operator==(Money a, Money b) = default;
    friend constexpr auto operator<=>(Money a, Money b) = default;

private:
    constexpr explicit Money(qint64 fen) : m_fen(fen) {}

    qint64 m_fen = 0;
};

} // namespace fund::models

Q_DECLARE_METATYPE(fund::models::Money)
