#pragma once

#include <QString>
#include <QStringView>

namespace fund::models {

// Normalised keys for exact lookups (B-tree indexed columns houses.address_key, contract_key,
// certificate_key). Full-width characters become half-width, whitespace goes, Latin letters are
// upper-cased; the address key also drops a leading "北京市" so both spellings find the house.
QString addressKey(QStringView address);
QString contractKey(QStringView contractNo);
QString certificateKey(QStringView certificateNo);

} // namespace fund::models
