#pragma once

#include <QString>
#include <QStringView>

namespace fund::models {

// Owner names are matched exactly after normalising (domain-facts, implication 5):
// NFKC (full-width → half-width), all whitespace removed (U+3000 included), every middle-dot
// look-alike (· • ・ ‧ ･ ∙ ⋅ ·) mapped to U+00B7, Latin letters upper-cased.
QString normalizePersonName(QStringView name);

// True when both names normalise to the same non-empty string. Two empty names do not match.
bool personNamesMatch(QStringView a, QStringView b);

} // namespace fund::models
