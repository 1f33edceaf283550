#pragma once

#include "models/core/error.h"
#include "models/services/receiptservice.h"

#include <QByteArray>
#include <QDate>
#include <QPair>
#include <QString>

#include <functional>

namespace fund::models {

class Database;

// Builds the demo city into an empty, migrated database: the real Beijing districts and streets
// (from :/data/beijing-divisions.csv), estates named after the real residents' committees,
// buildings, units, houses, owners with valid-checksum ID numbers, fund accounts with a ledger
// (first deposit by the configured standard, yearly interest, some repair expenses), pending
// deposit requests, the demo staff accounts, a receipt number range and a few historical
// payments collected through DepositService and ReceiptService.
//
// Deterministic: the same seed, house count and `today` give the same rows with the same ids.
// Bulk rows are written with explicit ids, in multi-row INSERTs reused across batches, one
// transaction per chunk of houses; the same SQL runs on SQLite and PostgreSQL.
class DemoCityBuilder
{
public:
    struct Options
    {
        int houses = 20000;
        quint32 seed = 20261203;
        QDate today; // invalid: the current date
        std::function<void(qint64 done, qint64 total)> progress;

        // Not part of the city's content; changing them does not change the generated rows.
        int passwordIterations = 0; // PBKDF2 iterations of the demo staff; 0: the default
        int chunkHouses = 10000;    // houses per transaction
        QString counterId = QStringLiteral("demo-city");
    };

    struct Summary
    {
        qint64 districts = 0;
        qint64 streets = 0;
        qint64 estates = 0;
        qint64 buildings = 0;
        qint64 units = 0;
        qint64 houses = 0;
        qint64 persons = 0;
        qint64 houseOwners = 0;
        qint64 accounts = 0;
        qint64 ledgerEntries = 0;
        qint64 pendingDeposits = 0;
        qint64 paidDeposits = 0;
        qint64 receipts = 0;
        qint64 belowThreshold = 0; // accounts below 30 % of their first deposit
    };

    // Interest credited at every 12-31, in hundredths of a per cent per year (150 = 1.50 %).
    static constexpr int InterestBasisPoints = 150;
    static constexpr int MinAreaCenti = 40 * 100;
    static constexpr int MaxAreaCenti = 200 * 100;

    // The 票据代码 of the demo receipt range: 11 (Beijing) 01 01 + the two-digit year.
    static QString billCodeFor(const QDate &today);
    // The local receipt issuer of the demo city (收款单位 and the 校验码 key).
    static ReceiptService::IssuerConfig demoIssuer();
    // "多福巷社区居委会" → "多福巷"; empty for villages (村委会) and virtual communities.
    static QString communityBaseName(const QString &communityName);

    // Refuses a database that already has houses.
    static Result<Summary> build(Database &db, const Options &options);

    // Beijing's real districts and streets (GB/T 2260, :/data/beijing-divisions.csv), written when
    // the database has none — what `fundctl init` gives a real database so that houses can be
    // imported. Returns the numbers of districts and streets in the database.
    static Result<QPair<qint64, qint64>> ensureDivisions(Database &db);
};

} // namespace fund::models
