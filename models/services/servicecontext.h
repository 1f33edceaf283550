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
    // Collections need an open till (款箱) at this counter: set by the counter application
    // (Settings: till/required, on by default); off for tools and tests that do not model tills.
    bool requireOpenTill = false;
};

} // namespace fund::models
