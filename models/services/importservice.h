#pragma once

#include "models/core/error.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace fund::models {

struct ServiceContext;
struct StaffMember;

// One problem in an import file: the physical line where the record starts (1 = the header),
// the column (its English header name; empty for a problem with the whole line or file) and a
// translated reason for the operator.
struct ImportIssue
{
    int line = 0;
    QString field;
    QString reason;
};

// What an import did, or why it did nothing. When `errors` is not empty nothing was written.
struct ImportReport
{
    QString kind;        // "houses" | "owners"
    QString fileName;
    QString sha256;      // of the file's bytes, lower-case hex
    QString encoding;    // "UTF-8" | "GB18030"
    int rows = 0;        // data records in the file
    int inserted = 0;    // houses, or ownerships, added
    int unchanged = 0;   // already present: left as they were
    int estatesCreated = 0;
    int buildingsCreated = 0;
    int unitsCreated = 0;
    int personsCreated = 0;
    QString previousImport; // "2026-12-03T09:30:00.000Z" when the same file was imported before
    QList<ImportIssue> errors;

    bool ok() const { return errors.isEmpty(); }
};

// `fundctl import houses|owners FILE.csv`: the formats are documented in docs/import-formats.md.
//
// The whole file is read and validated first; every bad row is reported (line, field, reason) and
// if there is any, nothing is written. Otherwise everything is written in one transaction with
// batched multi-row INSERTs, together with an import_batches row and an audit row. What is
// already there (a house with the same address key, a person with the same ID, a current
// ownership) is left unchanged, so importing the same file again changes nothing.
class ImportService
{
public:
    explicit ImportService(ServiceContext &ctx);

    // Errors (Result) are for what stops the import before any row is looked at: the role, an
    // unreadable file, the database. Problems in the file's content are in the report.
    Result<ImportReport> importHouses(const StaffMember &actor, const QString &path);
    Result<ImportReport> importOwners(const StaffMember &actor, const QString &path);

    // A CSV record: the fields and the physical line where it starts.
    struct CsvRecord
    {
        int line = 0;
        QStringList fields;
    };
    // RFC 4180 with the usual leniencies: "," separator, fields in double quotes may hold commas,
    // quotes ("") and line breaks, CRLF or LF line ends, blank lines skipped. A quote left open
    // at the end of the file is reported in `problemLine` (0 when none).
    static QList<CsvRecord> parseCsv(QStringView text, int *problemLine = nullptr);

    // UTF-8 (a BOM is dropped) when the bytes are valid UTF-8, else GB18030. Sets `encoding` to
    // "UTF-8" or "GB18030"; an empty encoding means the bytes are neither.
    static QString decode(const QByteArray &bytes, QString *encoding);

    // "123.45" → 12345 hundredths of m², exactly (never through a double); full-width digits are
    // accepted. nullopt for more than two decimals, signs, grouping, exponents or anything else;
    // "0.00" gives 0 (the caller refuses it with its own message).
    static std::optional<qint64> parseAreaCenti(QStringView text);

private:
    ServiceContext &m_ctx;
};

} // namespace fund::models
