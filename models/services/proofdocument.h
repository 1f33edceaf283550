#pragma once

#include "models/core/error.h"

#include <QByteArray>
#include <QString>

namespace fund::models {

// A proof document (scan) for a registration: PDF, JPEG or PNG, checked from its bytes, never
// trusted from its name. Limits are constants so the clerk's message and docs/registrations.md
// say the same thing.
struct ProofDocument
{
    static constexpr qint64 MaxBytes = 10 * 1024 * 1024; // per file
    static constexpr int MaxPerRequest = 20;             // files on one request, over all rounds

    enum class Type { Unknown, Pdf, Jpeg, Png };

    QString originalName;
    QByteArray bytes;
    Type type = Type::Unknown;
    QString sha256; // lower-case hex

    // What the first bytes say (magic numbers only; check() also makes sure the file loads).
    static Type sniff(const QByteArray &bytes);
    static QString mimeType(Type type); // application/pdf, image/jpeg, image/png
    static Type fromMimeType(const QString &mime);

    // Detects the type, refuses what is empty, too large, not a PDF/JPEG/PNG (a renamed
    // program included) or does not load (a broken PDF, a truncated image); fills type and
    // sha256. The message names the file and what to do.
    static Result<ProofDocument> check(const QString &originalName, const QByteArray &bytes);
};

} // namespace fund::models
