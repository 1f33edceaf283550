#pragma once

#include "models/services/receiptservice.h"

#include <QString>

#include <memory>
#include <vector>

class QNetworkAccessManager;

namespace fund::models {
class AuditLog;
class CounterSession;
class Database;
class DepositService;
class HouseService;
class LookupService;
class PaymentChannel;
class PaymentService;
class RefundService;
class ReceiptService;
class RemoteReceiptPlatform;
class ReconciliationService;
class RegistrationService;
class StaffService;
class SystemClock;
class TillService;
struct AppServices;
struct ServiceContext;
} // namespace fund::models

namespace fund::ui {
class CustomerDisplay;
struct ConnectionProfile;
class DialogInteraction;
class MainWindow;
} // namespace fund::ui

namespace fund::app {

class Settings;

// The composition root of fund-counter: opens the database, builds the clock, audit log,
// services and session, signs the clerk in and shows the main window and the customer display.
class CounterApp
{
public:
    struct Options
    {
        QString databaseSpec;   // SQLite path or postgresql:// URL
        bool databaseGiven = false;     // --db was on the command line: it wins over a saved profile
        bool chooseConnection = false;  // --connection-profile: ask for the server before signing in
        int idleLockMinutes = 5;        // 0: never lock
        QString counterId;
        QString language;       // zh_CN | en
        QString customerScreen; // screen name; empty: the first screen that is not the clerk's
        bool customerDisplay = true;
    };

    CounterApp(Settings &settings, Options options);
    ~CounterApp();

    CounterApp(const CounterApp &) = delete;
    CounterApp &operator=(const CounterApp &) = delete;

    // Installs Qt's and our translations for `language` (zh_CN | en).
    static void installTranslators(const QString &language);
    // Also writes every message to <folder>/fund-counter.log, rotated at 1 MB, 3 old files kept.
    static void installFileLog(const QString &folder);

    // Opens the database, signs in and runs the event loop; the process exit code.
    int run();

private:
    enum class Opened { Yes, Failed, Cancelled };

    Opened openDatabase();
    // The connection profile dialog until a server answers and its schema is up to date (the
    // profile is then saved, without the password); nullptr when the clerk cancels.
    std::unique_ptr<models::Database> connectWithProfile(const ui::ConnectionProfile &profile);
    // "Database…" on the sign-in dialog: another server, and services on it.
    void chooseDatabase();
    // receipts.json (owner-only, next to channels.json) or the built-in demo issuer; false, after
    // telling the clerk, when the file is there but cannot be used.
    bool loadIssuer();
    void buildServices();
    void tearDownServices();
    // The payment channels: cash and card always; WeChat Pay and Alipay when the protected
    // channel settings file (Settings key channelConfigPath) exists and loads.
    void buildPayments();
    // After sign-in: asks the channels about payments this counter left unfinished.
    void recoverPayments();
    bool signIn();
    void showWindows();
    void onLogout();

    Settings &m_settings;
    Options m_options;
    std::unique_ptr<models::Database> m_db;
    std::unique_ptr<models::SystemClock> m_clock;
    std::unique_ptr<models::AuditLog> m_audit;
    std::unique_ptr<models::ServiceContext> m_context;
    std::unique_ptr<models::LookupService> m_lookup;
    std::unique_ptr<models::HouseService> m_houses;
    std::unique_ptr<models::DepositService> m_deposits;
    std::unique_ptr<QNetworkAccessManager> m_receiptNetwork;
    std::unique_ptr<models::RemoteReceiptPlatform> m_receiptPlatform; // before m_receipts, which uses it
    models::ReceiptService::IssuerConfig m_issuer;
    std::unique_ptr<models::ReceiptService> m_receipts;
    std::unique_ptr<models::StaffService> m_staff;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::vector<std::unique_ptr<models::PaymentChannel>> m_channels;
    std::unique_ptr<models::PaymentService> m_payments;
    std::unique_ptr<models::TillService> m_tills;
    std::unique_ptr<models::ReconciliationService> m_reconciliation;
    std::unique_ptr<models::RefundService> m_refunds;
    std::unique_ptr<models::RegistrationService> m_registrations;
    std::unique_ptr<models::AppServices> m_services;
    std::unique_ptr<models::CounterSession> m_session;
    std::unique_ptr<ui::DialogInteraction> m_interaction;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<ui::CustomerDisplay> m_display;
};

} // namespace fund::app
