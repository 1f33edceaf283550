#pragma once

#include <QString>
#include <QStringView>

namespace fund::models {

// 统一社会信用代码 (GB 32100-2015) of developers and unit depositors, with the GB 11714 check of
// the embedded organisation code (positions 9–17). See domain-facts §4 and implication 11:
// a failing inner check alone is a warning, not a rejection.
class CreditCode
{
public:
    struct Check
    {
        bool valid = false;           // 18 characters of the GB 32100 alphabet, outer check passes
        bool innerCheckValid = false; // positions 9–17 pass GB 11714
        QString normalized;           // half-width, upper-case, without spaces
        QString problem;              // translated: why it is invalid, or the inner-check warning
    };

    static Check check(QStringView text);

    // The GB 32100 check character for 17 characters of the alphabet; a null QChar otherwise.
    static QChar checkCharacter(QStringView first17);
};

} // namespace fund::models
