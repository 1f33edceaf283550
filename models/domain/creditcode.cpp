#include "models/domain/creditcode.h"

#include <QCoreApplication>

#include <array>

namespace fund::models {

namespace {

// GB 32100: digits and upper-case letters without I, O, S, V, Z.
constexpr QStringView Alphabet = u"0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> Weights = {1, 3, 9, 27, 19, 26, 16, 17, 20,
                                         29, 25, 13, 8, 24, 10, 30, 28};
constexpr std::array<int, 8> InnerWeights = {3, 7, 9, 10, 5, 8, 4, 2};

QString normalize(QStringView text)
{
    QString s;
    s.reserve(text.size());
    for (QChar c : text) {
        char16_t u = c.unicode();
        if (c.isSpace())
            continue;
        if (u >= 0xFF01 && u <= 0xFF5E) // full-width ASCII block
            u = static_cast<char16_t>(u - 0xFF01 + 0x21);
        if (u >= u'a' && u <= u'z')
            u = static_cast<char16_t>(u - u'a' + u'A');
        s.append(QChar(u));
    }
    return s;
}

// GB 11714: digits 0–9, letters A–Z as 10–35.
int innerValue(QChar c)
{
    if (c >= u'0' && c <= u'9')
        return c.unicode() - u'0';
    if (c >= u'A' && c <= u'Z')
        return c.unicode() - u'A' + 10;
    return -1;
}

bool innerCheckPasses(QStringView code9)
{
    int sum = 0;
    for (qsizetype i = 0; i < 8; ++i) {
        const int v = innerValue(code9.at(i));
        if (v < 0)
            return false;
        sum += v * InnerWeights[static_cast<std::size_t>(i)];
    }
    const int c = 11 - sum % 11;
    const QChar expected = c == 10 ? QChar(u'X') : c == 11 ? QChar(u'0') : QChar(u'0' + c);
    return code9.at(8) == expected;
}

} // namespace

QChar CreditCode::checkCharacter(QStringView first17)
{
    if (first17.size() != 17)
        return {};
    int sum = 0;
    for (qsizetype i = 0; i < 17; ++i) {
        const qsizetype v = Alphabet.indexOf(first17.at(i));
        if (v < 0)
            return {};
        sum += static_cast<int>(v) * Weights[static_cast<std::size_t>(i)];
    }
    return Alphabet.at((31 - sum % 31) % 31);
}

CreditCode::Check CreditCode::check(QStringView text)
{
    Check c;
    c.normalized = normalize(text);
    const QStringView s = c.normalized;

    if (s.isEmpty()) {
        c.problem =
            QCoreApplication::translate("CreditCode", "Enter the unified social credit code");
        return c;
    }
    if (s.size() != 18) {
        c.problem = QCoreApplication::translate(
                        "CreditCode",
                        "A unified social credit code has 18 characters, but %1 were entered; "
                        "check the code on the business licence")
                        .arg(s.size());
        return c;
    }
    for (QChar ch : s) {
        if (!Alphabet.contains(ch)) {
            c.problem = QCoreApplication::translate(
                            "CreditCode",
                            "The code contains %1, which never appears in a unified social "
                            "credit code (the letters I, O, S, V and Z are not used); check the "
                            "code on the business licence")
                            .arg(ch);
            return c;
        }
    }
    const QChar expected = checkCharacter(s.left(17));
    if (s.at(17) != expected) {
        c.problem = QCoreApplication::translate(
                        "CreditCode",
                        "The last character should be %1; check the code on the business licence")
                        .arg(expected);
        return c;
    }
    c.valid = true;
    c.innerCheckValid = innerCheckPasses(s.mid(8, 9));
    if (!c.innerCheckValid) {
        c.problem = QCoreApplication::translate(
            "CreditCode",
            "The organisation code inside this credit code (characters 9 to 17) does not pass its "
            "own check; compare the code with the business licence before continuing");
    }
    return c;
}

} // namespace fund::models
