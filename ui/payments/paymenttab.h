#pragma once

#include "models/domain/deposit.h"
#include "models/domain/staffmember.h"

#include <QWidget>

#include <memory>
#include <optional>

namespace Ui {
class PaymentTab;
}

namespace fund::models {
class CounterSession;
class DepositRequestModel;
struct AppServices;
} // namespace fund::models

namespace fund::ui {

class Interaction;

// 我要交款: the served house's pending deposits (待交存), quick deposit (快速交存) by serial number
// and owner name, and collecting one deposit in cash, exactly once.
class PaymentTab : public QWidget
{
    Q_OBJECT

public:
    PaymentTab(models::AppServices &services, models::CounterSession &session, Interaction &interaction,
               QWidget *parent = nullptr);
    ~PaymentTab() override;

    void setActor(const models::StaffMember &actor);

private:
    void onSessionChanged();
    void reloadPending();
    void selectRequest(qint64 depositId);
    void onCurrentRowChanged();
    void onAmountEdited();
    void onTenderedEdited();
    void quickFind();
    void collect();

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
};

} // namespace fund::ui
