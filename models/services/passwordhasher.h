#pragma once

#include <QString>

namespace fund::models {

// Salted slow password hashes through OpenSSL PBKDF2-HMAC-SHA256.
// Stored form: "pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>".
class PasswordHasher
{
public:
    static constexpr int DefaultIterations = 120'000;

    static QString hash(const QString &password, int iterations = DefaultIterations);
    static bool verify(const QString &password, const QString &stored);
};

} // namespace fund::models
