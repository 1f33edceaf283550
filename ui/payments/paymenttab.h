#pragma once

#include "models/channels/paymentchannel.h"
#include "models/domain/deposit.h"
#include "models/domain/staffmember.h"

#include <QElapsedTimer>
#include <QHash>
#include <QWidget>

#include <chrono>
#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QStackedWidget;
class QTimer;

namespace Ui {
class PaymentTab;
}

namespace fund::models {
class CounterSession;
class DepositRequestModel;
struct AppServices;
struct PaymentAttempt;
} // namespace fund::models

namespace fund::ui {

class Interaction;

// 我要交款: the served house's pending deposits (待交存), quick deposit (快速交存) by serial number
// and owner name, and collecting one deposit exactly once: in cash, by bank card (the POS slip's
// numbers), by a WeChat Pay / Alipay QR on the customer display, or by scanning the resident's
// 付款码. Channel payments go through PaymentService: only the channel's Paid (or a supervisor's
// manual confirmation) records the payment; an unknown outcome is queried, never called failed.
class PaymentTab : public QWidget
{
    Q_OBJECT

public:
    PaymentTab(models::AppServices &services, models::CounterSession &session, Interaction &interaction,
               QWidget *parent = nullptr);
    ~PaymentTab() override;

    void setActor(const models::StaffMember &actor);

    // How often an open channel payment is queried (2 s) and for how long (120 s); for tests.
    void setPollInterval(std::chrono::milliseconds interval);
    void setPollLimit(std::chrono::milliseconds limit);

private:
    void onSessionChanged();
    void reloadPending();
    void selectRequest(qint64 depositId);
    void onCurrentRowChanged();
    void onAmountEdited();
    void onTenderedEdited();
    void quickFind();
    void collect();

    // Channel payments (PaymentService).
    void buildPaymentWidgets();
    void updateMethods();
    void onMethodChanged();
    models::PaymentMethod selectedMethod() const;
    void payByCard();
    void showQr();
    void onScanned();
    // Starts and submits an attempt for the selected deposit; false if it could not start.
    bool startAttempt(models::PaymentMethod method, const QString &authCode);
    void checkPaid();
    void poll();
    void closeAttempt();
    void confirmManually();
    void onAttemptChanged(qint64 attemptId);
    void showAttempt(const models::PaymentAttempt &attempt);
    void finishPaid(qint64 attemptId);
    void endAttempt();
    bool attemptOpen() const { return m_attemptId != 0; }

    // The amount the clerk confirmed or entered, if it parses and passes the request's rules.
    std::optional<models::Money> validAmount(QString *why) const;
    std::optional<models::Money> parsedTendered() const;
    void showAmountError(const QString &message);
    void showAmountHint(const QString &hint);
    void clearForm();
    void updateAmountDue();
    void updateChange();
    void updateCollectEnabled();

    std::unique_ptr<::Ui::PaymentTab> m_ui;
    models::AppServices &m_services;
    models::CounterSession &m_session;
    Interaction &m_interaction;
    models::DepositRequestModel *m_model = nullptr;
    models::StaffMember m_actor;
    std::optional<models::DepositRequest> m_request; // the request being collected
    qint64 m_houseId = 0;
    bool m_payerEdited = false; // the clerk typed a payer other than the owner
    bool m_collecting = false;  // a collection is running: refuse every further click

    QRadioButton *m_scanRadio = nullptr;
    QStackedWidget *m_methodPages = nullptr;
    QWidget *m_cashPage = nullptr;
    QWidget *m_cardPage = nullptr;
    QWidget *m_qrPage = nullptr;
    QWidget *m_scanPage = nullptr;
    QLineEdit *m_rrnEdit = nullptr;
    QLineEdit *m_terminalEdit = nullptr;
    QLineEdit *m_batchEdit = nullptr;
    QPushButton *m_showQrButton = nullptr;
    QLineEdit *m_scanEdit = nullptr;
    QWidget *m_attemptBox = nullptr;
    QLabel *m_attemptLabel = nullptr;
    QPushButton *m_paidButton = nullptr;
    QPushButton *m_closePaymentButton = nullptr;
    QPushButton *m_confirmManuallyButton = nullptr;
    QTimer *m_pollTimer = nullptr;
    QElapsedTimer m_pollClock;
    std::chrono::milliseconds m_pollLimit{std::chrono::seconds(120)};
    qint64 m_attemptId = 0; // the open channel payment of the selected deposit
    models::PaymentMethod m_attemptMethod = models::PaymentMethod::Cash;
    QElapsedTimer m_scanClock;
    QHash<QString, qint64> m_recentScans; // payment code → when it was scanned (m_scanClock ms)
};

} // namespace fund::ui
