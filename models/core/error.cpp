#include "models/core/error.h"

namespace fund::models {

namespace {
Error make(Error::Code code, const QString &message, const QString &detail)
{
    Error e;
    e.code = code;
    e.message = message;
    e.detail = detail;
    return e;
}
} // namespace

Error Error::invalidInput(const QString &m, const QString &d) { return make(Code::InvalidInput, m, d); }
Error Error::notFound(const QString &m, const QString &d) { return make(Code::NotFound, m, d); }
Error Error::conflict(const QString &m, const QString &d) { return make(Code::Conflict, m, d); }
Error Error::busy(const QString &m, const QString &d) { return make(Code::Busy, m, d); }
Error Error::permissionDenied(const QString &m, const QString &d) { return make(Code::PermissionDenied, m, d); }
Error Error::storage(const QString &m, const QString &d) { return make(Code::Storage, m, d); }
Error Error::io(const QString &m, const QString &d) { return make(Code::Io, m, d); }
Error Error::internal(const QString &m, const QString &d) { return make(Code::Internal, m, d); }

QString Error::codeName() const
{
    switch (code) {
    case Code::InvalidInput: return QStringLiteral("invalid-input");
    case Code::NotFound: return QStringLiteral("not-found");
    case Code::Conflict: return QStringLiteral("conflict");
    case Code::Busy: return QStringLiteral("busy");
    case Code::PermissionDenied: return QStringLiteral("permission-denied");
    case Code::Storage: return QStringLiteral("storage");
    case Code::Io: return QStringLiteral("io");
    case Code::Network: return QStringLiteral("network");
    case Code::Internal: return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

} // namespace fund::models
