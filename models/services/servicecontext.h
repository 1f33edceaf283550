#pragma once

#include <QString>

namespace fund::models {

class AuditLog;
class Clock;
class Database;

// What every service needs: the database of this thread, the clock, the audit trail and the
// counter's name. Built once in main() and handed down (no singletons).
struct ServiceContext
{
    Database &db;
    const Clock &clock;
    AuditLog &audit;
    QString counterId;
};

} // namespace fund::models
