#pragma once

#include <QString>

namespace fund::models {

// Masks for screens, receipts and logs that must not show personal data in full.
// Characters are counted as Unicode code points: a rare name character outside the BMP counts once.

// 张 → 张; 张三 → 张*; 张小三 → 张*三; 欧阳小明 → 欧**明; 阿卜杜拉·买买提 → 阿******提
// (keeps the first and last character; every character between, a middle dot included, is one *).
QString maskName(const QString &name);

// Keeps the first 6 and last 4: 11010219840406970X → 110102********970X. Shorter than 11
// characters: keeps the first and last character (3–10 characters) or masks everything (1–2).
QString maskIdNumber(const QString &idNumber);

// 13812345678 → 138****5678: keeps the first 3 and last 4 of 8 or more characters; shorter:
// keeps the first and last character (3–7) or masks everything (1–2).
QString maskPhone(const QString &phone);

} // namespace fund::models
