#pragma once

#include "models/domain/staffmember.h"

#include <QWidget>

#include <memory>

class QPushButton;

namespace Ui {
class FundTab;
}

namespace fund::models {
class CounterSession;
class LedgerModel;
struct AppServices;
} // namespace fund::models

namespace fund::ui {

class Interaction;

// 资金明细: the account of the house being served: first deposit, principal and interest kept
// apart, the total balance, the 续交 warning and every ledger entry with running balances.
class FundTab : public QWidget
{
    Q_OBJECT

public:
    FundTab(models::AppServices &services, models::CounterSession &session, Interaction &interaction,
            QWidget *parent = nullptr);
    ~FundTab() override;

    void setActor(const models::StaffMember &actor);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onSessionChanged();
    void scrollToLatest();
    void reload();
    void showEmpty();
    // Supervisors: refund (退款) the payment of the selected ledger entry.
    void refundSelected();
    void updateRefundButton();

    std::unique_ptr<::Ui::FundTab> m_ui;
    models::AppServices &m_services;
    models::CounterSession &m_session;
    Interaction &m_interaction;
    models::LedgerModel *m_model = nullptr;
    models::StaffMember m_actor;
    qint64 m_houseId = 0;
    qint64 m_paymentId = 0; // a new payment adds a ledger entry: reload
    QPushButton *m_refundButton = nullptr;
};

} // namespace fund::ui
