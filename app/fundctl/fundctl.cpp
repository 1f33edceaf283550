#include "fundctl.h"

#include "texttable.h"

#include "models/core/clock.h"
#include "models/domain/deposit.h"
#include "models/domain/house.h"
#include "models/domain/ledgerentry.h"
#include "models/services/auditlog.h"
#include "models/services/democitybuilder.h"
#include "models/services/depositservice.h"
#include "models/services/houseservice.h"
#include "models/services/lookupservice.h"
#include "models/services/receiptservice.h"
#include "models/services/servicecontext.h"
#include "models/storage/database.h"

#include <QDir>
#include <QHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QLoggingCategory>
#include <QSaveFile>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace fund::models;

namespace fund::fundctl {

namespace {

struct CommandInfo
{
    QString name;
    QStringList options; // command-specific options it accepts
};

const QList<CommandInfo> &commands()
{
    static const QList<CommandInfo> list = {
        {u"init"_s, {}},
        {u"demo-city"_s, {u"houses"_s, u"seed"_s}},
        {u"lookup"_s, {u"address"_s, u"search"_s, u"serial"_s, u"owner"_s, u"limit"_s}},
        {u"statement"_s, {}},
        {u"receipt-pdf"_s, {u"output"_s}},
        {u"receipt"_s, {u"issuer"_s}},
        {u"check"_s, {}},
        {u"import"_s, {}},
        {u"interest"_s, {u"year"_s, u"rate"_s}},
        {u"staff"_s, {u"name"_s, u"role"_s}},
        {u"audit"_s, {u"anchor"_s}},
        {u"bench"_s, {u"houses"_s, u"pg"_s, u"samples"_s}},
    };
    return list;
}

const CommandInfo *findCommand(const QString &name)
{
    const auto it = std::find_if(commands().begin(), commands().end(), [&](const CommandInfo &c) { return c.name == name; });
    return it == commands().end() ? nullptr : &*it;
}

QString areaText(qint64 centi)
{
    return u"%1.%2"_s.arg(centi / 100).arg(centi % 100, 2, 10, QLatin1Char('0'));
}

QJsonObject houseJson(const HouseSummary &h)
{
    return QJsonObject{
        {u"id"_s, h.id},
        {u"address"_s, h.address},
        {u"district"_s, h.districtName},
        {u"areaCenti"_s, h.areaCenti},
        {u"area"_s, areaText(h.areaCenti)},
        {u"houseType"_s, h.houseType},
        {u"balanceFen"_s, h.balance.fen()},
        {u"balance"_s, h.balance.toPlainString()},
        {u"pendingDeposits"_s, h.pendingCount},
    };
}

QJsonObject requestJson(const DepositRequest &r)
{
    QJsonObject o{
        {u"id"_s, r.id},
        {u"serialNo"_s, r.serialNo},
        {u"houseId"_s, r.houseId},
        {u"address"_s, r.houseAddress},
        {u"kind"_s, r.kind},
        {u"amountMode"_s, r.fixedAmount ? u"fixed"_s : u"open"_s},
        {u"status"_s, r.status},
        {u"dueDate"_s, r.dueDate.isValid() ? QJsonValue(r.dueDate.toString(Qt::ISODate)) : QJsonValue()},
    };
    if (r.fixedAmount) {
        o.insert(u"amountFen"_s, r.amount.fen());
    } else {
        o.insert(u"minFen"_s, r.minimum.fen());
        o.insert(u"maxFen"_s, r.maximum.fen());
    }
    return o;
}

} // namespace

Fundctl::Fundctl()
    : m_out(stdout)
    , m_err(stderr)
{
}

Fundctl::~Fundctl() = default;

StaffMember Fundctl::actingStaff(Database &db)
{
    auto q = db.exec(u"SELECT id, display_name FROM staff WHERE login = 'admin' AND role = 'admin' AND active = 1"_s);
    if (q && q->next())
        return StaffMember{q->value(0).toLongLong(), u"admin"_s, q->value(1).toString(), StaffRole::Admin};
    return StaffMember{0, u"fundctl"_s, u"fundctl"_s, StaffRole::Admin};
}

QString Fundctl::positional(int index) const
{
    const QStringList args = m_parser.positionalArguments();
    return index + 1 < args.size() ? args.at(index + 1) : QString();
}

int Fundctl::usageError(const QString &message)
{
    m_err << u"fundctl: "_s << message << u'\n' << tr("Run \"fundctl --help\" for the commands and options.") << u'\n';
    m_err.flush();
    return ExitUsage;
}

int Fundctl::reportError(const Error &error)
{
    m_err << u"fundctl: "_s << (error.message.isEmpty() ? error.detail : error.message) << u'\n';
    if (m_verbose && !error.detail.isEmpty())
        m_err << u"  ("_s << error.codeName() << u") "_s << error.detail << u'\n';
    m_err.flush();
    switch (error.code) {
    case Error::Code::NotFound: return ExitNotFound;
    case Error::Code::InvalidInput: return ExitUsage;
    default: return ExitFailure;
    }
}

Result<std::unique_ptr<Database>> Fundctl::openDatabase(bool create)
{
    auto db = Database::open(m_dbSpec, create);
    if (!db)
        return db;
    if (!create && (*db)->schemaVersion() < 1)
        return fail(Error::conflict(tr("%1 is not a Fund Counter database yet: create it with \"fundctl --db %1 init\".")
                                        .arg(Database::displaySpec(m_dbSpec))));
    return db;
}

int Fundctl::run(const QStringList &arguments)
{
    QString commandList;
    for (const CommandInfo &c : commands())
        commandList += (commandList.isEmpty() ? QString() : u", "_s) + c.name;
    m_parser.setApplicationDescription(
        tr("Fund Counter operator's tool (维修资金柜台端).\n"
           "\n"
           "Commands:\n"
           "  init                              create the database or bring its schema up to date\n"
           "  demo-city [--houses N] [--seed S] build the demo city into an empty database\n"
           "  lookup --address TEXT             find a house by its full address (坐落)\n"
           "  lookup --search TEXT [--limit N]  find houses by any part of the address\n"
           "  lookup --serial NO [--owner NAME] find a pending deposit by 业务流水号 (and owner name)\n"
           "  statement HOUSE_ID                the fund account statement (资金明细) of a house\n"
           "  receipt-pdf RECEIPT_ID -o FILE    write the PDF of an issued receipt\n"
           "  receipt verify FILE.pdf [--issuer SETTINGS.json]\n"
           "                                    is the receipt file authentic and unaltered? (no --db;\n"
           "                                    without --issuer, the demo issuer's TEST ONLY keys)\n"
           "  check                             verify the ledger, payments, receipts and audit trail\n"
           "  import houses|owners FILE.csv     import houses or owners (docs/import-formats.md)\n"
           "  interest --year Y --rate R        credit the annual interest (年度结息), e.g. --rate 1.50%\n"
           "  staff list                        the staff accounts, disabled ones marked\n"
           "  staff add LOGIN --name N --role R add an account (role clerk, supervisor, admin or reviewer);\n"
           "                                    the password is read from standard input\n"
           "  staff reset-password LOGIN        set a new password (read from standard input)\n"
           "  staff disable|enable LOGIN        stop or allow an account's sign-in\n"
           "  audit verify [--anchor ID:HASH]   check the hash chain of the audit log (and that it still\n"
           "                                    reaches the end an earlier check printed)\n"
           "  bench [--houses N] [--pg URL] [--samples K]\n"
           "                                    figures for docs/benchmarks.md on a bench database\n"
           "                                    (built with N houses if empty; it WRITES payments)\n"
           "\n"
           "Exit status: 0 success; 1 an error, or check found a problem; 2 the command line or an\n"
           "input value is not valid; 3 nothing matches (house, serial number, receipt, database file)."));
    const QCommandLineOption helpOption = m_parser.addHelpOption();
    const QCommandLineOption versionOption = m_parser.addVersionOption();
    const QCommandLineOption dbOption(u"db"_s, tr("The database: a SQLite file or a postgresql:// address (required)."), u"SPEC"_s);
    const QCommandLineOption jsonOption(u"json"_s, tr("Print JSON instead of text."));
    const QCommandLineOption counterOption(u"counter"_s, tr("The counter name written to the audit log (default: fundctl)."),
                                           u"ID"_s, u"fundctl"_s);
    const QCommandLineOption verboseOption(u"verbose"_s, tr("Show technical details of errors."));
    const QCommandLineOption housesOption(u"houses"_s, tr("demo-city: the number of houses (default 20000); bench: at least this many (default 1000000)."), u"N"_s);
    const QCommandLineOption pgOption(u"pg"_s, tr("bench: also measure this postgresql:// database."), u"URL"_s);
    const QCommandLineOption samplesOption(u"samples"_s, tr("bench: samples per lookup kind (default 200)."), u"K"_s);
    const QCommandLineOption seedOption(u"seed"_s, tr("demo-city: the random seed (default 20261203)."), u"S"_s);
    const QCommandLineOption addressOption(u"address"_s, tr("lookup: the full address of a house."), u"TEXT"_s);
    const QCommandLineOption searchOption(u"search"_s, tr("lookup: any part of an address."), u"TEXT"_s);
    const QCommandLineOption serialOption(u"serial"_s, tr("lookup: a business serial number (业务流水号)."), u"NO"_s);
    const QCommandLineOption ownerOption(u"owner"_s, tr("lookup --serial: the owner's name (业主名称)."), u"NAME"_s);
    const QCommandLineOption limitOption(u"limit"_s, tr("lookup --search: at most this many houses (default 50)."), u"N"_s);
    const QCommandLineOption outputOption({u"o"_s, u"output"_s}, tr("receipt-pdf: the PDF file to write."), u"FILE"_s);
    const QCommandLineOption yearOption(u"year"_s, tr("interest: the year to credit."), u"Y"_s);
    const QCommandLineOption rateOption(u"rate"_s, tr("interest: the annual rate, e.g. 1.50%."), u"R"_s);
    const QCommandLineOption nameOption(u"name"_s, tr("staff add: the staff member's name."), u"NAME"_s);
    const QCommandLineOption roleOption(u"role"_s, tr("staff add: clerk, supervisor, admin or reviewer (审核员: reviews registrations only)."), u"ROLE"_s);
    const QCommandLineOption issuerOption(u"issuer"_s, tr("receipt verify: the receipt issuer's settings file (keys)."), u"FILE"_s);
    const QCommandLineOption anchorOption(u"anchor"_s, tr("audit verify: the end of the log printed by an earlier check, to find rows deleted from the end."),
                                          u"ID:HASH"_s);
    for (const QCommandLineOption &o : {dbOption, jsonOption, counterOption, verboseOption, housesOption, seedOption,
                                        addressOption, searchOption, serialOption, ownerOption, limitOption, outputOption,
                                        yearOption, rateOption, nameOption, roleOption, pgOption, samplesOption, issuerOption, anchorOption})
        m_parser.addOption(o);
    m_parser.addPositionalArgument(u"command"_s, tr("One of: %1.").arg(commandList));
    m_parser.addPositionalArgument(u"arguments"_s, tr("The command's arguments."), u"[arguments…]"_s);

    if (!m_parser.parse(arguments))
        return usageError(m_parser.errorText());
    if (m_parser.isSet(helpOption)) {
        // "fundctl tilll --help": say the command does not exist rather than succeed.
        const QStringList asked = m_parser.positionalArguments();
        if (!asked.isEmpty() && !findCommand(asked.first()))
            return usageError(tr("Unknown command \"%1\". The commands are: %2.").arg(asked.first(), commandList));
        m_out << m_parser.helpText();
        m_out.flush();
        return ExitOk;
    }
    if (m_parser.isSet(versionOption)) {
        m_out << QCoreApplication::applicationName() << u' ' << QCoreApplication::applicationVersion() << u'\n';
        m_out.flush();
        return ExitOk;
    }
    m_json = m_parser.isSet(jsonOption);
    m_verbose = m_parser.isSet(verboseOption);
    // The models' informational log lines (migrations applied, receipts issued) are noise on a
    // terminal; --verbose shows them.
    if (!m_verbose)
        QLoggingCategory::setFilterRules(u"fund.*.info=false"_s);
    m_counterId = m_parser.value(counterOption).trimmed();
    m_dbSpec = m_parser.value(dbOption).trimmed();

    const QStringList positionals = m_parser.positionalArguments();
    if (positionals.isEmpty())
        return usageError(tr("Name a command: %1.").arg(commandList));
    m_command = positionals.first();
    const CommandInfo *info = findCommand(m_command);
    if (!info)
        return usageError(tr("Unknown command \"%1\". The commands are: %2.").arg(m_command, commandList));
    static const QStringList global = {u"db"_s, u"json"_s, u"counter"_s, u"verbose"_s};
    for (const QString &name : m_parser.optionNames()) {
        const QString longName = name == u"o"_s ? u"output"_s : name;
        if (!global.contains(longName) && !info->options.contains(longName))
            return usageError(tr("The option --%1 does not apply to the command %2.").arg(longName, m_command));
    }
    if (m_command == u"receipt"_s)
        return commandReceipt(); // works on a file, not on a database
    if (m_dbSpec.isEmpty())
        return usageError(tr("Say which database to use with --db FILE or --db postgresql://user@host/database."));
    if (m_counterId.isEmpty())
        return usageError(tr("The counter name (--counter) must not be empty."));

    if (m_command == u"init"_s)
        return commandInit();
    if (m_command == u"demo-city"_s)
        return commandDemoCity();
    if (m_command == u"lookup"_s)
        return commandLookup();
    if (m_command == u"statement"_s)
        return commandStatement();
    if (m_command == u"receipt-pdf"_s)
        return commandReceiptPdf();
    if (m_command == u"import"_s)
        return commandImport();
    if (m_command == u"interest"_s)
        return commandInterest();
    if (m_command == u"staff"_s)
        return commandStaff();
    if (m_command == u"audit"_s)
        return commandAudit();
    if (m_command == u"bench"_s)
        return commandBench();
    return commandCheck();
}

int Fundctl::commandInit()
{
    if (m_parser.positionalArguments().size() > 1)
        return usageError(tr("init takes no arguments."));
    auto db = openDatabase(true);
    if (!db)
        return reportError(db.error());
    if (auto r = (*db)->migrate(); !r)
        return reportError(r.error());
    // Beijing's districts and streets: the reference data every import and lookup needs.
    auto divisions = DemoCityBuilder::ensureDivisions(**db);
    if (!divisions)
        return reportError(divisions.error());
    const int version = (*db)->schemaVersion();
    if (m_json) {
        m_out << QJsonDocument(QJsonObject{{u"database"_s, Database::displaySpec(m_dbSpec)},
                                           {u"schemaVersion"_s, version},
                                           {u"districts"_s, divisions->first},
                                           {u"streets"_s, divisions->second}})
                     .toJson();
    } else {
        m_out << tr("Database %1 is ready: schema version %2.").arg(Database::displaySpec(m_dbSpec)).arg(version) << u'\n'
              << tr("Beijing's districts and streets: %1 districts, %2 streets.").arg(divisions->first).arg(divisions->second) << u'\n';
    }
    return ExitOk;
}

int Fundctl::commandDemoCity()
{
    if (m_parser.positionalArguments().size() > 1)
        return usageError(tr("demo-city takes no arguments; use --houses N and --seed S."));
    DemoCityBuilder::Options options;
    options.counterId = m_counterId;
    if (m_parser.isSet(u"houses"_s)) {
        bool ok = false;
        options.houses = m_parser.value(u"houses"_s).toInt(&ok);
        if (!ok || options.houses < 1)
            return usageError(tr("--houses takes a whole number of at least 1."));
    }
    if (m_parser.isSet(u"seed"_s)) {
        bool ok = false;
        options.seed = m_parser.value(u"seed"_s).toUInt(&ok);
        if (!ok)
            return usageError(tr("--seed takes a whole number from 0 to 4294967295."));
    }
    auto db = openDatabase(true);
    if (!db)
        return reportError(db.error());
    if (auto r = (*db)->migrate(); !r)
        return reportError(r.error());

    QElapsedTimer timer;
    timer.start();
    int reported = -1;
    const QLocale locale;
    options.progress = [&](qint64 done, qint64 total) {
        const int percent = total > 0 ? int(done * 100 / total) : 100;
        if (percent / 5 == reported / 5 && done < total)
            return;
        reported = percent;
        m_err << tr("Building the demo city: %1 of %2 houses (%3 %), %4 s")
                     .arg(locale.toString(done), locale.toString(total))
                     .arg(percent)
                     .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
              << u'\n';
        m_err.flush();
    };
    auto summary = DemoCityBuilder::build(**db, options);
    if (!summary)
        return reportError(summary.error());
    const double seconds = double(timer.elapsed()) / 1000.0;

    const QList<std::pair<QString, std::pair<QString, qint64>>> rows = {
        {u"districts"_s, {tr("Districts"), summary->districts}},
        {u"streets"_s, {tr("Streets"), summary->streets}},
        {u"estates"_s, {tr("Estates"), summary->estates}},
        {u"buildings"_s, {tr("Buildings"), summary->buildings}},
        {u"units"_s, {tr("Units"), summary->units}},
        {u"houses"_s, {tr("Houses"), summary->houses}},
        {u"persons"_s, {tr("Owners (persons)"), summary->persons}},
        {u"houseOwners"_s, {tr("Ownerships"), summary->houseOwners}},
        {u"accounts"_s, {tr("Fund accounts"), summary->accounts}},
        {u"ledgerEntries"_s, {tr("Ledger entries"), summary->ledgerEntries}},
        {u"belowThreshold"_s, {tr("Accounts below 30 % of the first deposit"), summary->belowThreshold}},
        {u"pendingDeposits"_s, {tr("Pending deposits"), summary->pendingDeposits}},
        {u"paidDeposits"_s, {tr("Historical payments"), summary->paidDeposits}},
        {u"receipts"_s, {tr("Receipts issued"), summary->receipts}},
    };
    if (m_json) {
        QJsonObject o{{u"seed"_s, qint64(options.seed)}, {u"seconds"_s, seconds}};
        for (const auto &[key, value] : rows)
            o.insert(key, value.second);
        m_out << QJsonDocument(o).toJson();
        return ExitOk;
    }
    TextTable table({tr("Demo city"), tr("Count")});
    table.setRightAligned(1);
    for (const auto &[key, value] : rows)
        table.addRow({value.first, locale.toString(value.second)});
    table.print(m_out);
    m_out << tr("Built in %1 s with seed %2. Staff: clerk / clerk123, supervisor / super123, reviewer / review123, admin / admin123.")
                 .arg(seconds, 0, 'f', 1)
                 .arg(options.seed)
          << u'\n';
    return ExitOk;
}

int Fundctl::commandLookup()
{
    const bool byAddress = m_parser.isSet(u"address"_s);
    const bool bySearch = m_parser.isSet(u"search"_s);
    const bool bySerial = m_parser.isSet(u"serial"_s);
    if (int(byAddress) + int(bySearch) + int(bySerial) != 1)
        return usageError(tr("lookup needs exactly one of --address TEXT, --search TEXT or --serial NO."));
    if (m_parser.isSet(u"owner"_s) && !bySerial)
        return usageError(tr("--owner goes with --serial."));
    if (m_parser.isSet(u"limit"_s) && !bySearch)
        return usageError(tr("--limit goes with --search."));
    if (m_parser.positionalArguments().size() > 1)
        return usageError(tr("lookup takes no arguments besides its options."));
    int limit = 50;
    if (m_parser.isSet(u"limit"_s)) {
        bool ok = false;
        limit = m_parser.value(u"limit"_s).toInt(&ok);
        if (!ok || limit < 1 || limit > 1000)
            return usageError(tr("--limit takes a number from 1 to 1000."));
    }

    auto db = openDatabase(false);
    if (!db)
        return reportError(db.error());
    SystemClock clock;
    AuditLog audit(**db, clock, m_counterId);
    ServiceContext ctx{**db, clock, audit, m_counterId};

    if (bySerial) {
        DepositService deposits(ctx);
        const QString serial = m_parser.value(u"serial"_s);
        auto request = m_parser.isSet(u"owner"_s) ? deposits.findForQuickDeposit(serial, m_parser.value(u"owner"_s))
                                                  : deposits.bySerial(serial);
        if (!request)
            return reportError(request.error());
        if (m_json) {
            m_out << QJsonDocument(QJsonArray{requestJson(*request)}).toJson();
            return ExitOk;
        }
        TextTable table({tr("Serial no."), tr("House"), tr("Address"), tr("Kind"), tr("Amount (yuan)"), tr("Status"), tr("Due")});
        table.setRightAligned(1);
        table.setRightAligned(4);
        const QString amount = request->fixedAmount
            ? request->amount.toString()
            : tr("%1 – %2").arg(request->minimum.toString(), request->maximum.toString());
        table.addRow({request->serialNo, QString::number(request->houseId), request->houseAddress,
                      depositKindLabel(request->kind), amount, request->status,
                      request->dueDate.toString(Qt::ISODate)});
        table.print(m_out);
        return ExitOk;
    }

    LookupService lookup(ctx);
    const QString text = m_parser.value(byAddress ? u"address"_s : u"search"_s);
    auto houses = byAddress ? lookup.byAddress(text) : lookup.search(text, limit);
    if (!houses)
        return reportError(houses.error());
    if (houses->isEmpty()) {
        m_err << u"fundctl: "_s << tr("No house matches \"%1\".").arg(text) << u'\n';
        m_err.flush();
        if (m_json)
            m_out << QJsonDocument(QJsonArray()).toJson();
        return ExitNotFound;
    }
    if (m_json) {
        QJsonArray array;
        for (const HouseSummary &h : *houses)
            array.append(houseJson(h));
        m_out << QJsonDocument(array).toJson();
        return ExitOk;
    }
    TextTable table({tr("ID"), tr("Address"), tr("District"), tr("Area (m²)"), tr("Type"), tr("Balance (yuan)"), tr("Pending")});
    for (int c : {0, 3, 5, 6})
        table.setRightAligned(c);
    for (const HouseSummary &h : *houses)
        table.addRow({QString::number(h.id), h.address, h.districtName, areaText(h.areaCenti), houseTypeLabel(h.houseType),
                      h.balance.toString(), QString::number(h.pendingCount)});
    table.print(m_out);
    if (bySearch && houses->size() >= limit)
        m_out << tr("(the first %1 matches; narrow the search or use --limit)").arg(limit) << u'\n';
    return ExitOk;
}

int Fundctl::commandStatement()
{
    if (m_parser.positionalArguments().size() != 2)
        return usageError(tr("statement takes one house ID, e.g. \"fundctl --db city.sqlite statement 42\"."));
    bool ok = false;
    const qint64 houseId = positional(0).toLongLong(&ok);
    if (!ok || houseId < 1)
        return usageError(tr("\"%1\" is not a house ID: use the number from the ID column of lookup.").arg(positional(0)));

    auto db = openDatabase(false);
    if (!db)
        return reportError(db.error());
    SystemClock clock;
    AuditLog audit(**db, clock, m_counterId);
    ServiceContext ctx{**db, clock, audit, m_counterId};
    LookupService lookup(ctx);
    auto house = lookup.summary(houseId);
    if (!house)
        return reportError(house.error());
    HouseService houses(ctx);
    auto statement = houses.statement(houseId);
    if (!statement)
        return reportError(statement.error());
    const bool renewalDue = statement->isRenewalDue(30);
    // The receipts of the house's payments, so an operator can go on to receipt-pdf.
    ReceiptService receipts(ctx, DemoCityBuilder::demoIssuer());
    auto houseReceipts = receipts.forHouse(houseId);
    if (!houseReceipts)
        return reportError(houseReceipts.error());
    QHash<qint64, ReceiptRecord> receiptOfPayment;
    for (const ReceiptRecord &r : *houseReceipts)
        receiptOfPayment.insert(r.paymentId, r);
    auto receiptText = [&](qint64 paymentId) {
        const auto it = receiptOfPayment.constFind(paymentId);
        if (paymentId <= 0 || it == receiptOfPayment.constEnd())
            return QString();
        return it->isIssued() ? u"#%1 %2 %3"_s.arg(it->id).arg(it->billCode, it->billNumber) : u"#%1 (%2)"_s.arg(it->id).arg(it->state);
    };

    if (m_json) {
        QJsonArray entries;
        for (const LedgerEntry &e : statement->entries) {
            entries.append(QJsonObject{
                {u"seq"_s, e.seq},
                {u"date"_s, e.bookedOn.toString(Qt::ISODate)},
                {u"kind"_s, e.kind},
                {u"kindLabel"_s, ledgerKindLabel(e.kind)},
                {u"principalFen"_s, e.principal.fen()},
                {u"interestFen"_s, e.interest.fen()},
                {u"principalBalanceFen"_s, e.principalBalance.fen()},
                {u"interestBalanceFen"_s, e.interestBalance.fen()},
                {u"balanceFen"_s, e.balance().fen()},
                {u"memo"_s, e.memo},
                {u"paymentId"_s, e.paymentId > 0 ? QJsonValue(e.paymentId) : QJsonValue()},
                {u"receiptId"_s, receiptOfPayment.contains(e.paymentId) ? QJsonValue(receiptOfPayment.value(e.paymentId).id) : QJsonValue()},
            });
        }
        m_out << QJsonDocument(QJsonObject{
                                   {u"houseId"_s, houseId},
                                   {u"address"_s, house->address},
                                   {u"accountId"_s, statement->accountId},
                                   {u"openedOn"_s, statement->openedOn.toString(Qt::ISODate)},
                                   {u"firstDepositFen"_s, statement->firstDeposit.fen()},
                                   {u"principalFen"_s, statement->principal.fen()},
                                   {u"interestFen"_s, statement->interest.fen()},
                                   {u"balanceFen"_s, statement->balance().fen()},
                                   {u"renewalDue"_s, renewalDue},
                                   {u"entries"_s, entries},
                               })
                     .toJson();
        return ExitOk;
    }

    m_out << house->address << u'\n';
    if (statement->accountId == 0) {
        m_out << tr("This house has no fund account yet.") << u'\n';
        return ExitOk;
    }
    m_out << tr("Account %1, opened %2, first deposit %3 yuan")
                 .arg(statement->accountId)
                 .arg(statement->openedOn.toString(Qt::ISODate), statement->firstDeposit.toString())
          << u"\n\n"_s;
    TextTable table({tr("No."), tr("Date"), tr("Kind"), tr("Principal"), tr("Interest"), tr("Principal balance"),
                     tr("Interest balance"), tr("Balance"), tr("Memo"), tr("Receipt")});
    for (int c : {0, 3, 4, 5, 6, 7})
        table.setRightAligned(c);
    Money principal, interest;
    for (const LedgerEntry &e : statement->entries) {
        principal += e.principal;
        interest += e.interest;
        table.addRow({QString::number(e.seq), e.bookedOn.toString(Qt::ISODate), ledgerKindLabel(e.kind),
                      e.principal.toString(), e.interest.toString(), e.principalBalance.toString(),
                      e.interestBalance.toString(), e.balance().toString(), e.memo, receiptText(e.paymentId)});
    }
    table.addRow({QString(), QString(), tr("Total"), principal.toString(), interest.toString(),
                  statement->principal.toString(), statement->interest.toString(), statement->balance().toString(), QString(), QString()});
    table.print(m_out);
    m_out << u'\n'
          << tr("Balance %1 yuan (principal %2, interest %3).")
                 .arg(statement->balance().toString(), statement->principal.toString(), statement->interest.toString())
          << u'\n';
    if (renewalDue) {
        m_out << tr("Warning: the balance is below 30 % of the first deposit (%1 yuan): a renewal deposit (续交) is due.")
                     .arg(statement->firstDeposit.percent(30).toString())
              << u'\n';
    }
    return ExitOk;
}

int Fundctl::commandReceiptPdf()
{
    if (m_parser.positionalArguments().size() != 2)
        return usageError(tr("receipt-pdf takes one receipt ID and -o FILE."));
    bool ok = false;
    const qint64 receiptId = positional(0).toLongLong(&ok);
    if (!ok || receiptId < 1)
        return usageError(tr("\"%1\" is not a receipt ID.").arg(positional(0)));
    const QString file = m_parser.value(u"output"_s);
    if (file.isEmpty())
        return usageError(tr("Say where to write the PDF with -o FILE."));

    auto db = openDatabase(false);
    if (!db)
        return reportError(db.error());
    SystemClock clock;
    AuditLog audit(**db, clock, m_counterId);
    ServiceContext ctx{**db, clock, audit, m_counterId};
    ReceiptService receipts(ctx, DemoCityBuilder::demoIssuer());
    const StaffMember operatorStaff = actingStaff(**db);
    auto pdf = receipts.pdf(operatorStaff, receiptId);
    if (!pdf)
        return reportError(pdf.error());
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(*pdf) != pdf->size() || !out.commit())
        return reportError(Error::io(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(file), out.errorString()), file));
    // Every copy of a receipt that leaves the system is on the audit trail (the counter's own
    // prints are counted as 重打 by ReceiptService; an operator's export is recorded here).
    {
        TransactionGuard tx(**db);
        if (!tx.started())
            return reportError(tx.started().error());
        if (auto a = audit.append(&operatorStaff, u"receipt.export"_s, u"receipt"_s, QString::number(receiptId),
                                  u"file=%1 bytes=%2"_s.arg(QFileInfo(file).fileName()).arg(pdf->size()));
            !a)
            return reportError(a.error());
        if (auto c = tx.commit(); !c)
            return reportError(c.error());
    }
    if (m_json)
        m_out << QJsonDocument(QJsonObject{{u"receiptId"_s, receiptId}, {u"file"_s, file}, {u"bytes"_s, qint64(pdf->size())}}).toJson();
    else
        m_out << tr("Wrote receipt %1 to %2 (%3 bytes).").arg(receiptId).arg(QDir::toNativeSeparators(file)).arg(pdf->size()) << u'\n';
    return ExitOk;
}

int Fundctl::commandCheck()
{
    if (m_parser.positionalArguments().size() > 1)
        return usageError(tr("check takes no arguments."));
    auto db = openDatabase(false);
    if (!db)
        return reportError(db.error());
    Database &d = **db;

    // Each query returns (rows checked, rows that break the rule), set-based.
    struct Check
    {
        QString key;
        QString description;
        QString sql;
    };
    QList<Check> checks = {
        {u"account_sums"_s, tr("Account balances equal the sums of their ledger entries"),
         u"SELECT count(*), coalesce(sum(CASE WHEN a.principal_fen <> coalesce(l.p, 0) OR a.interest_fen <> coalesce(l.i, 0) "
         "OR a.entry_count <> coalesce(l.n, 0) OR coalesce(l.m, 0) <> coalesce(l.n, 0) THEN 1 ELSE 0 END), 0) "
         "FROM fund_accounts a LEFT JOIN (SELECT account_id, sum(principal_fen) AS p, sum(interest_fen) AS i, "
         "count(*) AS n, max(seq) AS m FROM ledger_entries GROUP BY account_id) l ON l.account_id = a.id"_s},
        {u"account_last_entry"_s, tr("Account balances equal the last entry's running balance"),
         u"SELECT count(*), coalesce(sum(CASE WHEN e.id IS NULL OR e.principal_balance_fen <> a.principal_fen "
         "OR e.interest_balance_fen <> a.interest_fen THEN 1 ELSE 0 END), 0) "
         "FROM fund_accounts a LEFT JOIN ledger_entries e ON e.account_id = a.id AND e.seq = a.entry_count "
         "WHERE a.entry_count > 0"_s},
        {u"running_balances"_s, tr("Every entry's running balance is the sum of the entries up to it"),
         u"SELECT count(*), coalesce(sum(CASE WHEN rp <> principal_balance_fen OR ri <> interest_balance_fen THEN 1 ELSE 0 END), 0) "
         "FROM (SELECT principal_balance_fen, interest_balance_fen, "
         "sum(principal_fen) OVER w AS rp, sum(interest_fen) OVER w AS ri FROM ledger_entries "
         "WINDOW w AS (PARTITION BY account_id ORDER BY seq ROWS UNBOUNDED PRECEDING)) x"_s},
        {u"paid_once"_s, tr("No deposit request has more than one paid payment"),
         u"SELECT (SELECT count(*) FROM deposit_requests), (SELECT count(*) FROM (SELECT deposit_id FROM payments "
         "WHERE state = 'paid' GROUP BY deposit_id HAVING count(*) > 1) x)"_s},
        {u"paid_status"_s, tr("Paid requests have exactly one paid payment; other requests none"),
         u"SELECT count(*), coalesce(sum(CASE WHEN d.status = 'paid' AND coalesce(p.n, 0) <> 1 THEN 1 "
         "WHEN d.status <> 'paid' AND coalesce(p.n, 0) > 0 THEN 1 ELSE 0 END), 0) "
         "FROM deposit_requests d LEFT JOIN (SELECT deposit_id, count(*) AS n FROM payments WHERE state = 'paid' "
         "GROUP BY deposit_id) p ON p.deposit_id = d.id"_s},
        {u"payments_booked"_s, tr("Every paid payment is booked in the ledger"),
         u"SELECT count(*), coalesce(sum(CASE WHEN l.n IS NULL OR l.n <> 1 THEN 1 ELSE 0 END), 0) "
         "FROM payments p LEFT JOIN (SELECT payment_id, count(*) AS n FROM ledger_entries WHERE payment_id IS NOT NULL "
         "GROUP BY payment_id) l ON l.payment_id = p.id WHERE p.state = 'paid'"_s},
        {u"refunds_booked"_s, tr("Every succeeded refund is reversed once in the ledger and its payment is refunded"),
         u"SELECT count(*), coalesce(sum(CASE WHEN p.state <> 'refunded' OR (SELECT count(*) FROM ledger_entries e WHERE e.refund_id = f.id "
         "AND e.principal_fen = -f.amount_fen) <> 1 THEN 1 ELSE 0 END), 0) "
         "FROM payment_refunds f JOIN payments p ON p.id = f.payment_id WHERE f.state = 'succeeded'"_s},
        {u"receipt_numbers_unique"_s, tr("Receipt numbers (票据代码 + 票据号码) are unique"),
         u"SELECT (SELECT count(*) FROM receipts WHERE bill_no IS NOT NULL), (SELECT count(*) FROM (SELECT bill_code, bill_no "
         "FROM receipts WHERE bill_no IS NOT NULL GROUP BY bill_code, bill_no HAVING count(*) > 1) x)"_s},
        {u"receipt_numbers_in_range"_s, tr("Issued receipt numbers lie within a handed-out part of their range"),
         u"SELECT count(*), coalesce(sum(CASE WHEN NOT EXISTS (SELECT 1 FROM receipt_ranges g WHERE g.bill_code = r.bill_code "
         "AND CAST(r.bill_no AS BIGINT) BETWEEN g.first_no AND g.last_no AND CAST(r.bill_no AS BIGINT) < g.next_no) "
         "THEN 1 ELSE 0 END), 0) FROM local_issuer_bills r"_s}, // the local issuer's bills (blue and red); a remote platform numbers its own
    };
    if (d.isSqlite()) {
        // The file itself first: a damaged page may hold rows no other check reads.
        checks.prepend({u"file_integrity"_s, tr("The database file is undamaged (SQLite quick_check)"),
                        u"SELECT 1, CASE WHEN (SELECT group_concat(quick_check) FROM pragma_quick_check) = 'ok' THEN 0 ELSE 1 END"_s});
    }

    struct Outcome
    {
        QString key;
        QString description;
        qint64 checked = 0;
        qint64 problems = 0;
    };
    QList<Outcome> outcomes;
    for (const Check &c : checks) {
        auto q = d.exec(c.sql);
        if (!q)
            return reportError(q.error());
        if (!q->next())
            return reportError(Error::internal(tr("A check returned nothing."), c.sql));
        outcomes.append({c.key, c.description, q->value(0).toLongLong(), q->value(1).toLongLong()});
    }
    {
        SystemClock clock;
        AuditLog audit(d, clock, m_counterId);
        auto broken = audit.verify();
        if (!broken)
            return reportError(broken.error());
        auto rows = d.scalar(u"SELECT count(*) FROM audit_log"_s);
        if (!rows)
            return reportError(rows.error());
        outcomes.append({u"audit_chain"_s,
                         *broken == 0 ? tr("The audit trail's hash chain is intact")
                                      : tr("The audit trail's hash chain is intact (first broken row: %1)").arg(*broken),
                         rows->toLongLong(), *broken == 0 ? 0 : 1});
    }

    bool allOk = true;
    for (const Outcome &o : outcomes)
        allOk = allOk && o.problems == 0;
    if (m_json) {
        QJsonArray array;
        for (const Outcome &o : outcomes)
            array.append(QJsonObject{{u"check"_s, o.key}, {u"description"_s, o.description}, {u"ok"_s, o.problems == 0},
                                     {u"checked"_s, o.checked}, {u"problems"_s, o.problems}});
        m_out << QJsonDocument(array).toJson();
    } else {
        const QLocale locale;
        for (const Outcome &o : outcomes) {
            if (o.problems == 0)
                m_out << u"OK    "_s << tr("%1 (%2 checked)").arg(o.description, locale.toString(o.checked)) << u'\n';
            else
                m_out << u"FAIL  "_s << tr("%1: %2 of %3 wrong").arg(o.description, locale.toString(o.problems), locale.toString(o.checked))
                      << u'\n';
        }
        m_out << (allOk ? tr("All checks passed.") : tr("Some checks FAILED.")) << u'\n';
    }
    return allOk ? ExitOk : ExitFailure;
}

} // namespace fund::fundctl
