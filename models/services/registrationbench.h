#pragma once

#include "models/core/error.h"
#include "models/domain/staffmember.h"

#include <QList>
#include <QString>

namespace fund::models {

class Database;
class RegistrationService;

// Figures, not tests (docs/registrations.md): fills the review queue with `count` pending
// requests in one set-based INSERT … SELECT (house unknown, typed address "BENCH…", districts
// and kinds in turn, one second apart), then times the queue as the Review tab asks for it:
// the first page, a page filtered by district, by district and kind, a page deep in the queue
// (keyset after the middle row) and the pending count. Writes rows it cannot tell apart from
// real requests: run it on a bench or test database only.
class RegistrationBench
{
public:
    struct Figure
    {
        QString label;
        int rows = 0;       // rows the call returned (a page: RegistrationService::QueuePageSize)
        double p50Ms = 0;
        double maxMs = 0;
    };
    struct Report
    {
        qint64 inserted = 0;
        double insertSeconds = 0;
        QList<Figure> figures;
        QString text() const; // one line per figure, for fundctl and the test log
    };

    // `submitter` must be a staff row (the requests' submitted_by); `reviewer` reads the queue.
    static Result<Report> run(Database &db, RegistrationService &service, qint64 submitterId,
                              const StaffMember &reviewer, int count = 100000, int samples = 20);
};

} // namespace fund::models
