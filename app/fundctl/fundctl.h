#pragma once

#include "models/core/error.h"
#include "models/domain/staffmember.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

#include <memory>

namespace fund::models {
class Database;
}

namespace fund::fundctl {

// Exit statuses, documented in --help.
enum ExitCode : int {
    ExitOk = 0,
    ExitFailure = 1,  // an error, or `check` found a problem
    ExitUsage = 2,    // the command line or an input value is not valid
    ExitNotFound = 3, // nothing matches (house, serial number, receipt, database file)
};

// The operator's command line: parses the arguments and runs one command against the database.
class Fundctl
{
    Q_DECLARE_TR_FUNCTIONS(fundctl)

public:
    Fundctl();
    ~Fundctl();

    int run(const QStringList &arguments);

    // Who fundctl acts as in the audit log: the `admin` account when there is one, otherwise a
    // built-in administrator with id 0 and login "fundctl".
    static models::StaffMember actingStaff(models::Database &db);

private:
    int commandInit();
    int commandDemoCity();
    int commandLookup();
    int commandStatement();
    int commandReceiptPdf();
    int commandReceipt(); // fundctlreceipt.cpp: receipt verify
    int commandCheck();
    // fundctladmin.cpp: batch jobs and administration
    int commandImport();
    int commandInterest();
    int commandStaff();
    int commandAudit();
    // fundctlbench.cpp: figures (docs/benchmarks.md)
    int commandBench();
    QString readSecretLine(const QString &prompt);

    models::Result<std::unique_ptr<models::Database>> openDatabase(bool create);
    int usageError(const QString &message);
    int reportError(const models::Error &error);
    QString positional(int index) const;

    QCommandLineParser m_parser;
    QTextStream m_out;
    QTextStream m_err;
    QString m_command;
    QString m_dbSpec;
    QString m_counterId;
    bool m_json = false;
    bool m_verbose = false;
};

} // namespace fund::fundctl
