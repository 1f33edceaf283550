#include "counterapp.h"

#include "settings.h"

#include "models/channels/alipaychannel.h"
#include "models/channels/cardchannel.h"
#include "models/channels/cashchannel.h"
#include "models/channels/channelconfig.h"
#include "models/channels/wechatcodechannel.h"
#include "models/channels/wechatnativechannel.h"
#include "models/core/clock.h"
#include "models/services/appservices.h"
#include "models/services/auditlog.h"
#include "models/services/democitybuilder.h"
#include "models/services/depositservice.h"
#include "models/services/houseservice.h"
#include "models/services/lookupservice.h"
#include "models/services/paymentservice.h"
#include "models/services/refundservice.h"
#include "models/services/receiptservice.h"
#include "models/services/reconciliationservice.h"
#include "models/services/registrationservice.h"
#include "models/services/servicecontext.h"
#include "models/services/staffservice.h"
#include "models/services/tillservice.h"
#include "models/session/countersession.h"
#include "models/storage/database.h"
#include "ui/connectionprofiledialog.h"
#include "ui/display/customerdisplay.h"
#include "ui/interaction.h"
#include "ui/logindialog.h"
#include "ui/mainwindow.h"

#include <QCoreApplication>
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTranslator>
#include <QUrl>

#include <chrono>

namespace fund::app {

namespace {

// --- the file log -------------------------------------------------------------------------

constexpr qint64 LogRotateBytes = 1024 * 1024;
constexpr int LogKeep = 3;

QMutex logMutex;
QString logPath;
QtMessageHandler previousHandler = nullptr;

void rotateLogs()
{
    QFile::remove(logPath + QStringLiteral(".%1").arg(LogKeep));
    for (int i = LogKeep - 1; i >= 1; --i)
        QFile::rename(logPath + QStringLiteral(".%1").arg(i), logPath + QStringLiteral(".%1").arg(i + 1));
    QFile::rename(logPath, logPath + QStringLiteral(".1"));
}

void fileLogHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    static const char *const levels[] = {"debug", "warning", "critical", "fatal", "info"};
    const int level = int(type);
    {
        const QMutexLocker locker(&logMutex);
        if (QFileInfo(logPath).size() >= LogRotateBytes)
            rotateLogs();
        QFile file(logPath);
        if (file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
            const QString line = QStringLiteral("%1 %2 %3: %4\n")
                                     .arg(QDateTime::currentDateTime().toString(Qt::ISODateWithMs),
                                          QLatin1String(level >= 0 && level <= 4 ? levels[level] : "?"),
                                          QLatin1String(context.category ? context.category : "default"), message);
            file.write(line.toUtf8());
        }
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

// What the status bar says about the database: the file name, or the server without credentials.
QString describeDatabase(const QString &spec)
{
    if (spec.startsWith(QLatin1String("postgres"))) {
        const QUrl url(spec);
        return QStringLiteral("%1%2").arg(url.host(), url.path());
    }
    return QDir::toNativeSeparators(spec);
}

} // namespace

CounterApp::CounterApp(Settings &settings, Options options)
    : m_settings(settings)
    , m_options(std::move(options))
{
}

CounterApp::~CounterApp()
{
    m_display.reset();
    m_window.reset();
}

void CounterApp::installTranslators(const QString &language)
{
    auto *qt = new QTranslator(qApp);
    if (qt->load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *ours = new QTranslator(qApp);
    if (ours->load(QStringLiteral(":/i18n/fund-counter_") + language))
        QCoreApplication::installTranslator(ours);
    else
        qWarning("no translation for %s", qUtf8Printable(language));
}

void CounterApp::installFileLog(const QString &folder)
{
    if (!QDir().mkpath(folder))
        return;
    logPath = QDir(folder).filePath(QStringLiteral("fund-counter.log"));
    previousHandler = qInstallMessageHandler(fileLogHandler);
}

int CounterApp::run()
{
    m_interaction = std::make_unique<ui::DialogInteraction>();
    switch (openDatabase()) {
    case Opened::Yes:
        break;
    case Opened::Failed:
        return 1;
    case Opened::Cancelled:
        return 0;
    }
    if (!loadIssuer())
        return 1;
    buildServices();
    if (!signIn())
        return 0;
    showWindows();
    recoverPayments();
    const int code = QApplication::exec();
    if (m_window)
        m_settings.setMainWindowGeometry(m_window->saveGeometry());
    m_settings.sync();
    return code;
}

CounterApp::Opened CounterApp::openDatabase()
{
    // A saved server profile is used unless --db names a database; it only lacks the password.
    const std::optional<ui::ConnectionProfile> saved = m_settings.connectionProfile();
    if (m_options.chooseConnection || (!m_options.databaseGiven && saved)) {
        m_db = connectWithProfile(saved.value_or(ui::ConnectionProfile{}));
        return m_db ? Opened::Yes : Opened::Cancelled;
    }

    const QString spec = m_options.databaseSpec;
    auto opened = models::Database::open(spec, /*create*/ false);
    if (!opened) {
        qCritical().noquote() << "cannot open database" << opened.error().detail;
        m_interaction->warn(nullptr, QCoreApplication::translate("CounterApp", "Fund Counter"),
                            QCoreApplication::translate("CounterApp", "The database cannot be opened:\n%1\n\nTo create the demo database, run scripts/demo, "
                               "or ask the administrator to run:\nfundctl --db \"%2\" init")
                                .arg(opened.error().message, spec));
        return Opened::Failed;
    }
    m_db = std::move(*opened);
    if (auto migrated = m_db->migrate(); !migrated) {
        qCritical().noquote() << "cannot migrate database" << migrated.error().detail;
        m_interaction->warn(nullptr, QCoreApplication::translate("CounterApp", "Fund Counter"),
                            QCoreApplication::translate("CounterApp", "The database cannot be brought up to date:\n%1").arg(migrated.error().message));
        return Opened::Failed;
    }
    return Opened::Yes;
}

std::unique_ptr<models::Database> CounterApp::connectWithProfile(const ui::ConnectionProfile &profile)
{
    ui::ConnectionProfileDialog dialog(*m_interaction);
    dialog.setProfile(profile);
    for (;;) {
        if (dialog.exec() != QDialog::Accepted)
            return nullptr;
        std::unique_ptr<models::Database> db = dialog.takeDatabase();
        if (auto migrated = db->migrate(); !migrated) {
            qCritical().noquote() << "cannot migrate database" << migrated.error().detail;
            dialog.showError(migrated.error());
            continue;
        }
        m_settings.setConnectionProfile(dialog.profile());
        m_settings.sync();
        return db;
    }
}

void CounterApp::chooseDatabase()
{
    ui::ConnectionProfile current = m_settings.connectionProfile().value_or(ui::ConnectionProfile{});
    std::unique_ptr<models::Database> db = connectWithProfile(current);
    if (!db)
        return; // cancelled: stay on the database that is open
    tearDownServices();
    m_db = std::move(db);
    buildServices();
}

bool CounterApp::loadIssuer()
{
    // The built-in local issuer (demo keys) until receipts.json — owner-only, next to
    // channels.json — gives the issuer's keys and, optionally, the finance bureau's platform
    // (docs/receipts.md).
    m_issuer = models::DemoCityBuilder::demoIssuer();
    const QString receiptsPath = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("receipts.json"));
    if (QFileInfo::exists(receiptsPath)) {
        auto loaded = models::ReceiptService::loadIssuerConfig(receiptsPath);
        if (!loaded) {
            // Never fall back to the demo issuer behind the clerk's back: receipts signed with the
            // TEST ONLY demo key would go out as real ones.
            qCritical().noquote() << "receipt issuer not loaded from" << receiptsPath << loaded.error().message << loaded.error().detail;
            m_interaction->warn(nullptr, QCoreApplication::translate("CounterApp", "Fund Counter"),
                                QCoreApplication::translate("CounterApp", "The counter does not start: its receipt issuer settings cannot be used, and it never "
                                                                          "issues receipts with the built-in demo issuer instead.\n\n%1")
                                    .arg(loaded.error().message));
            return false;
        }
        m_issuer = *loaded;
    }
    return true;
}

void CounterApp::buildServices()
{
    m_clock = std::make_unique<models::SystemClock>();
    m_audit = std::make_unique<models::AuditLog>(*m_db, *m_clock, m_options.counterId);
    m_context = std::make_unique<models::ServiceContext>(models::ServiceContext{*m_db, *m_clock, *m_audit, m_options.counterId});
    m_context->requireOpenTill = m_settings.requireOpenTill();
    m_lookup = std::make_unique<models::LookupService>(*m_context);
    m_houses = std::make_unique<models::HouseService>(*m_context);
    m_deposits = std::make_unique<models::DepositService>(*m_context);
    if (m_issuer.platform) {
        m_receiptNetwork = std::make_unique<QNetworkAccessManager>();
        m_receiptPlatform = std::make_unique<models::RemoteReceiptPlatform>(*m_issuer.platform, m_receiptNetwork.get());
    }
    m_receipts = std::make_unique<models::ReceiptService>(*m_context, m_issuer, m_receiptPlatform.get());
    m_staff = std::make_unique<models::StaffService>(*m_db, *m_clock, *m_audit);
    buildPayments();
    m_tills = std::make_unique<models::TillService>(*m_context);
    m_reconciliation = std::make_unique<models::ReconciliationService>(*m_context);
    m_registrations = std::make_unique<models::RegistrationService>(*m_context);
    m_services = std::make_unique<models::AppServices>(models::AppServices{
        *m_lookup, *m_houses, *m_deposits, *m_receipts, *m_staff, *m_payments, *m_tills, *m_reconciliation, *m_registrations});
    m_refunds = std::make_unique<models::RefundService>(*m_context, *m_payments);
    m_services->refunds = m_refunds.get();
    m_session = std::make_unique<models::CounterSession>();
}

void CounterApp::buildPayments()
{
    using models::PaymentMethod;
    QHash<PaymentMethod, models::PaymentChannel *> channels;
    auto add = [&](std::unique_ptr<models::PaymentChannel> channel) {
        channels.insert(channel->method(), channel.get());
        m_channels.push_back(std::move(channel));
    };
    add(std::make_unique<models::CashChannel>());
    add(std::make_unique<models::CardChannel>());

    // The channel keys live in their own owner-only file, never in the counter's settings.
    QString path = m_settings.channelConfigPath();
    if (path.isEmpty())
        path = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("channels.json"));
    if (QFileInfo::exists(path)) {
        auto config = models::ChannelConfig::load(path);
        if (!config) {
            qWarning().noquote() << "payment channels not loaded from" << path << config.error().message << config.error().detail;
        } else {
            m_network = std::make_unique<QNetworkAccessManager>();
            if (config->wechat) {
                add(std::make_unique<models::WechatNativeChannel>(*config->wechat, m_network.get()));
                add(std::make_unique<models::WechatCodeChannel>(*config->wechat, m_network.get()));
            }
            if (config->alipay) {
                add(std::make_unique<models::AlipayChannel>(PaymentMethod::AlipayQr, *config->alipay, m_network.get()));
                add(std::make_unique<models::AlipayChannel>(PaymentMethod::AlipayCode, *config->alipay, m_network.get()));
            }
        }
    }
    m_payments = std::make_unique<models::PaymentService>(*m_context, channels);
}

void CounterApp::recoverPayments()
{
    // Refunds left in flight are asked about with their own refund numbers (never refunded anew).
    if (auto refunds = m_refunds->recoverInFlight(); !refunds)
        qWarning().noquote() << "refund recovery failed" << refunds.error().detail;
    auto recovered = m_payments->recoverInFlight();
    if (!recovered) {
        qWarning().noquote() << "payment recovery failed" << recovered.error().detail;
        return;
    }
    if (*recovered > 0 && m_window)
        m_window->statusBar()->showMessage(
            QCoreApplication::translate("CounterApp", "%n unfinished payment(s) of this counter were checked with the payment channels.",
                                        nullptr, *recovered),
            30000);
}

void CounterApp::tearDownServices()
{
    // Dependents first: the services hold references to the context, the audit log and the database.
    m_session.reset();
    m_services.reset();
    m_refunds.reset();
    m_registrations.reset();
    m_reconciliation.reset();
    m_tills.reset();
    m_payments.reset();
    m_channels.clear();
    m_network.reset();
    m_staff.reset();
    m_receipts.reset();
    m_receiptPlatform.reset();
    m_receiptNetwork.reset();
    m_deposits.reset();
    m_houses.reset();
    m_lookup.reset();
    m_context.reset();
    m_audit.reset();
    m_clock.reset();
}

bool CounterApp::signIn()
{
    models::StaffMember staff;
    for (;;) {
        int result = QDialog::Rejected;
        {
            ui::LoginDialog dialog(*m_staff);
            // Another server only before the first sign-in: afterwards the windows hold these services.
            dialog.setDatabaseChoiceAllowed(!m_window);
            dialog.setCounterDescription(QCoreApplication::translate("CounterApp", "Counter %1 · %2")
                                             .arg(m_options.counterId, QFileInfo(describeDatabase(m_db->spec())).fileName()));
            result = dialog.exec();
            staff = dialog.staff();
        }
        if (result == ui::LoginDialog::DatabaseRequested) {
            chooseDatabase(); // then a new sign-in dialog on whichever database is open now
            continue;
        }
        if (result != QDialog::Accepted)
            return false;
        break;
    }
    if (m_window)
        m_window->setActor(staff);
    else
        m_window = std::make_unique<ui::MainWindow>(*m_services, *m_session, *m_interaction, staff, m_options.counterId);
    return true;
}

void CounterApp::showWindows()
{
    m_window->setDatabaseDescription(describeDatabase(m_db->spec()));
    m_window->setIdleLockTimeout(std::chrono::minutes(m_options.idleLockMinutes));
    QObject::connect(m_window.get(), &ui::MainWindow::logoutRequested, m_window.get(), [this] { onLogout(); },
                     Qt::QueuedConnection);
    const QByteArray geometry = m_settings.mainWindowGeometry();
    if (geometry.isEmpty() || !m_window->restoreGeometry(geometry))
        m_window->resize(1280, 800);
    m_window->show();

    if (!m_options.customerDisplay)
        return;
    m_display = std::make_unique<ui::CustomerDisplay>(*m_session);
    m_display->setAttribute(Qt::WA_QuitOnClose, false);
    m_display->setWindowNumber(m_options.counterId);
    m_display->placeOnScreen(m_window->screen(), m_options.customerScreen);
}

void CounterApp::onLogout()
{
    m_window->hide();
    if (m_display)
        m_display->hide();
    if (!signIn()) {
        QApplication::quit();
        return;
    }
    m_window->show();
    if (m_display)
        m_display->placeOnScreen(m_window->screen(), m_options.customerScreen);
}

} // namespace fund::app
