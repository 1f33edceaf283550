#pragma once

#include <QString>

#include <tl/expected.hpp>

namespace fund::models {

// Errors are values at every boundary (ARCHITECTURE decision 7). An Error carries a stable code
// for programs and tests, a translated message for the clerk, and technical detail for the log.
struct Error
{
    enum class Code {
        InvalidInput,    // the clerk typed something that is not valid
        NotFound,        // nothing matches what was asked
        Conflict,        // the action collides with the current state (already paid, refused…)
        Busy,            // another counter holds the lock right now: nothing changed, try again
        PermissionDenied,
        Storage,         // the database failed or refused
        Io,              // files, folders
        Network,
        Internal,
    };

    Code code = Code::Internal;
    QString message; // translated, for the clerk
    QString detail;  // technical, for the log; never shown as the only text

    static Error invalidInput(const QString &message, const QString &detail = {});
    static Error notFound(const QString &message, const QString &detail = {});
    static Error conflict(const QString &message, const QString &detail = {});
    static Error busy(const QString &message, const QString &detail = {});
    static Error permissionDenied(const QString &message, const QString &detail = {});
    static Error storage(const QString &message, const QString &detail = {});
    static Error io(const QString &message, const QString &detail = {});
    static Error internal(const QString &message, const QString &detail = {});

    QString codeName() const;
};

template<typename T>
using Result = tl::expected<T, Error>;

using VoidResult = tl::expected<void, Error>;

inline tl::unexpected<Error> fail(Error error)
{
    return tl::unexpected<Error>(std::move(error));
}

} // namespace fund::models
