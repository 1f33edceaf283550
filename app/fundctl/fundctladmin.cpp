// fundctl: batch jobs (import, interest) and administration (staff, audit).
#include "fundctl.h"

#include "models/core/clock.h"
#include "models/services/auditlog.h"
#include "models/services/democitybuilder.h"
#include "models/services/importservice.h"
#include "models/services/interestservice.h"
#include "models/services/servicecontext.h"
#include "models/services/staffservice.h"
#include "models/storage/database.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace fund::models;

namespace fund::fundctl {

QString Fundctl::readSecretLine(const QString &prompt)
{
    // Passwords never come from the command line (they would show in the process list and the
    // shell history): read a line from standard input, without echo on a terminal.
    const bool tty = ::isatty(STDIN_FILENO) == 1;
    termios saved{};
    if (tty) {
        m_err << prompt;
        m_err.flush();
        if (::tcgetattr(STDIN_FILENO, &saved) == 0) {
            termios quiet = saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
        }
    }
    QTextStream in(stdin);
    const QString line = in.readLine();
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        m_err << u'\n';
        m_err.flush();
    }
    return line;
}

int Fundctl::commandImport()
{
    const QStringList args = m_parser.positionalArguments();
    if (args.size() != 3 || (args.at(1) != u"houses"_s && args.at(1) != u"owners"_s))
        return usageError(tr("Use \"import houses FILE.csv\" or \"import owners FILE.csv\"."));
    const QString kind = args.at(1);
    const QString file = args.at(2);
    if (QFileInfo(file).isDir())
        return usageError(tr("%1 is a folder: give the CSV file itself.").arg(QDir::toNativeSeparators(file)));
    if (!QFileInfo(file).isFile())
        return reportError(Error::notFound(tr("The file %1 does not exist.").arg(QDir::toNativeSeparators(file)), file));

    auto db = openDatabase(false);
    if (!db)
        return reportError(db.error());
    if (auto m = (*db)->migrate(); !m)
        return reportError(m.error());
    // A database the counter created on first start has no districts yet: houses name theirs.
    if (auto divisions = DemoCityBuilder::ensureDivisions(**db); !divisions)
        return reportError(divisions.error());
    SystemClock clock;
    AuditLog audit(**db, clock, m_counterId);
    ServiceContext ctx{**db, clock, audit, m_counterId};
    ImportService service(ctx);
    const StaffMember actor = actingStaff(**db);
    auto report = kind == u"houses"_s ? service.importHouses(actor, file) : service.importOwners(actor, file);
    if (!report)
        return reportError(report.error());

    if (m_json) {
        QJsonArray errors;
        for (const ImportIssue &e : report->errors)
            errors.append(QJsonObject{{u"line"_s, e.line}, {u"field"_s, e.field}, {u"reason"_s, e.reason}});
        m_out << QJsonDocument(QJsonObject{
                                   {u"kind"_s, report->kind},
                                   {u"file"_s, report->fileName},
                                   {u"sha256"_s, report->sha256},
                                   {u"encoding"_s, report->encoding},
                                   {u"rows"_s, report->rows},
                                   {u"inserted"_s, report->inserted},
                                   {u"unchanged"_s, report->unchanged},
                                   {u"estatesCreated"_s, report->estatesCreated},
                                   {u"buildingsCreated"_s, report->buildingsCreated},
                                   {u"unitsCreated"_s, report->unitsCreated},
                                   {u"personsCreated"_s, report->personsCreated},
                                   {u"previousImport"_s, report->previousImport},
                                   {u"errors"_s, errors},
                               })
                     .toJson();
    } else if (report->ok()) {
        m_out << tr("Imported %1 (%2, %3): %4 rows, %5 added, %6 already present (unchanged).")
                     .arg(QDir::toNativeSeparators(file), report->encoding, report->sha256.left(12))
                     .arg(report->rows)
                     .arg(report->inserted)
                     .arg(report->unchanged)
              << u'\n';
        if (report->estatesCreated + report->buildingsCreated + report->unitsCreated + report->personsCreated > 0)
            m_out << tr("Created %1 estates, %2 buildings, %3 units, %4 persons.")
                         .arg(report->estatesCreated)
                         .arg(report->buildingsCreated)
                         .arg(report->unitsCreated)
                         .arg(report->personsCreated)
                  << u'\n';
        if (!report->previousImport.isEmpty())
            m_out << tr("The same file was imported before, at %1.").arg(report->previousImport) << u'\n';
    } else {
        m_err << tr("%1 has %n problem(s); nothing was imported:", nullptr, int(report->errors.size())).arg(QDir::toNativeSeparators(file))
              << u'\n';
        for (const ImportIssue &e : report->errors) {
            if (e.field.isEmpty())
                m_err << tr("  line %1: %2").arg(e.line).arg(e.reason) << u'\n';
            else
                m_err << tr("  line %1, column %2: %3").arg(e.line).arg(e.field, e.reason) << u'\n';
        }
    }
    m_out.flush();
    m_err.flush();
    return report->ok() ? ExitOk : ExitUsage;
}

int Fundctl::commandInterest()
{
    if (m_parser.positionalArguments().size() != 1)
        return usageError(tr("interest takes --year Y and --rate R, and no other arguments."));
    bool ok = false;
    const int year = m_parser.value(u"year"_s).toInt(&ok);
    if (!ok || year < 1990 || year > 2100)
        return usageError(tr("Give the year to credit with --year, e.g. --year 2026."));
    const auto rate = InterestService::parseRate(m_parser.value(u"rate"_s));
    if (!rate)
        return usageError(tr("Give the annual rate with --rate: from 0.01% to 100% with at most two decimals, e.g. --rate 1.50%."));

    auto db = openDatabase(false);
    if (!db)
        return reportError(db.error());
    if (auto m = (*db)->migrate(); !m)
        return reportError(m.error());
    SystemClock clock;
    AuditLog audit(**db, clock, m_counterId);
    ServiceContext ctx{**db, clock, audit, m_counterId};
    InterestService service(ctx);
    // Money is credited in a named administrator's name, never in nobody's.
    const StaffMember actor = actingStaff(**db);
    if (actor.id == 0)
        return reportError(Error::permissionDenied(tr("Interest is credited by the administrator account \"admin\", which this database does not have "
                                                      "(or is disabled). Add it first: fundctl --db DB staff add admin --name NAME --role admin")));
    auto run = service.credit(actor, year, *rate);
    if (!run)
        return reportError(run.error());
    if (m_json)
        m_out << QJsonDocument(QJsonObject{{u"year"_s, run->year},
                                           {u"rate"_s, InterestService::formatRate(run->rateBasisPoints)},
                                           {u"accounts"_s, run->accounts},
                                           {u"totalInterestFen"_s, run->totalInterest.fen()},
                                           {u"bookedOn"_s, run->bookedOn.toString(Qt::ISODate)}})
                     .toJson();
    else
        m_out << tr("Credited %1 interest for %2 at %3 to %4 accounts, booked on %5.")
                     .arg(run->totalInterest.toDisplayString())
                     .arg(run->year)
                     .arg(InterestService::formatRate(run->rateBasisPoints))
                     .arg(run->accounts)
                     .arg(run->bookedOn.toString(Qt::ISODate))
              << u'\n';
    return ExitOk;
}

int Fundctl::commandStaff()
{
    const QStringList args = m_parser.positionalArguments();
    const QString action = args.value(1);
    auto db = openDatabase(false);
    if (!db)
        return reportError(db.error());
    SystemClock clock;
    AuditLog audit(**db, clock, m_counterId);
    StaffService staff(**db, clock, audit);
    const StaffMember actor = actingStaff(**db);

    if (action == u"list"_s && args.size() == 2) {
        auto members = staff.list();
        if (!members)
            return reportError(members.error());
        QJsonArray array;
        for (const StaffService::Listed &listed : *members) {
            const StaffMember &m = listed.member;
            if (m_json)
                array.append(QJsonObject{{u"login"_s, m.login}, {u"name"_s, m.displayName}, {u"role"_s, staffRoleCode(m.role)}, {u"active"_s, listed.active}});
            else
                m_out << m.login << u'\t' << m.displayName << u'\t' << staffRoleLabel(m.role) << u'\t'
                      << (listed.active ? tr("active") : tr("disabled")) << u'\n';
        }
        if (m_json)
            m_out << QJsonDocument(array).toJson();
        return ExitOk;
    }
    if (args.size() != 3)
        return usageError(tr("Use \"staff list\", \"staff add LOGIN --name NAME --role ROLE\", \"staff reset-password LOGIN\", "
                             "\"staff disable LOGIN\" or \"staff enable LOGIN\"."));
    const QString login = args.at(2);
    if (action == u"add"_s) {
        const auto role = staffRoleFromCode(m_parser.value(u"role"_s));
        if (!role)
            return usageError(tr("Give the role with --role clerk, --role supervisor, --role admin or --role reviewer."));
        if (!m_parser.isSet(u"name"_s))
            return usageError(tr("Give the staff member's name with --name."));
        const QString password = readSecretLine(tr("Password for %1: ").arg(login));
        auto added = staff.addStaff(login, m_parser.value(u"name"_s), *role, password);
        if (!added)
            return reportError(added.error());
        m_out << tr("Added %1 (%2, %3).").arg(added->login, added->displayName, staffRoleLabel(added->role)) << u'\n';
        return ExitOk;
    }
    if (action == u"reset-password"_s) {
        const QString password = readSecretLine(tr("New password for %1: ").arg(login));
        if (auto r = staff.resetPassword(actor, login, password); !r)
            return reportError(r.error());
        m_out << tr("The password of %1 was reset; the account is unlocked.").arg(login) << u'\n';
        return ExitOk;
    }
    if (action == u"disable"_s || action == u"enable"_s) {
        const bool enable = action == u"enable"_s;
        auto changed = staff.setActive(actor, login, enable);
        if (!changed)
            return reportError(changed.error());
        if (!*changed)
            m_out << (enable ? tr("%1 may already sign in: nothing changed.").arg(login) : tr("%1 was already disabled: nothing changed.").arg(login)) << u'\n';
        else
            m_out << (enable ? tr("%1 may sign in again.").arg(login) : tr("%1 can no longer sign in.").arg(login)) << u'\n';
        return ExitOk;
    }
    if (action == u"list"_s)
        return usageError(tr("staff list takes no further arguments."));
    return usageError(tr("Unknown staff action \"%1\".").arg(action));
}

int Fundctl::commandAudit()
{
    const QStringList args = m_parser.positionalArguments();
    if (args.size() != 2 || args.at(1) != u"verify"_s)
        return usageError(tr("Use \"audit verify\"."));
    auto db = openDatabase(false);
    if (!db)
        return reportError(db.error());
    SystemClock clock;
    AuditLog audit(**db, clock, m_counterId);
    std::optional<AuditLog::Anchor> anchor;
    if (m_parser.isSet(u"anchor"_s)) {
        anchor = AuditLog::Anchor::parse(m_parser.value(u"anchor"_s));
        if (!anchor)
            return usageError(tr("Give the anchor as an earlier \"audit verify\" printed it: --anchor ROW:HASH (the row number, a colon, 64 hex digits)."));
    }
    auto v = audit.verifyDetailed(anchor);
    if (!v)
        return reportError(v.error());
    const bool intact = v->problem == AuditLog::Verification::Problem::None;
    if (m_json) {
        static const char *names[] = {"none", "modified", "deleted", "inserted"};
        m_out << QJsonDocument(QJsonObject{{u"intact"_s, intact},
                                           {u"problem"_s, QString::fromLatin1(names[int(v->problem)])},
                                           {u"rowId"_s, v->rowId},
                                           {u"previousRowId"_s, v->previousRowId},
                                           {u"rowsChecked"_s, v->rowsChecked},
                                           {u"description"_s, v->description},
                                           {u"anchor"_s, intact && v->lastRowId > 0 ? u"%1:%2"_s.arg(v->lastRowId).arg(v->lastHash) : QString()}})
                     .toJson();
    } else if (intact) {
        m_out << tr("The audit log is intact: %1 rows checked.").arg(v->rowsChecked) << u'\n';
        if (v->lastRowId > 0)
            m_out << tr("Its end, to keep outside the database: %1:%2 — a later \"audit verify --anchor %1:%2\" also finds rows deleted from the end.")
                         .arg(v->lastRowId)
                         .arg(v->lastHash)
                  << u'\n';
    } else {
        m_out << v->description << u'\n';
    }
    return intact ? ExitOk : ExitFailure;
}

} // namespace fund::fundctl
