#pragma once

#include "models/domain/staffmember.h"
#include "models/services/reconciliationservice.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QTableWidget;

namespace fund::models {
struct AppServices;
}

namespace fund::ui {

class Interaction;
class MessageBar;

// 对账 for supervisors and administrators: import a channel's bill (WeChat Pay, Alipay, POS
// settlement), reconcile a day against the local payments, and export the result as CSV.
class ReconciliationTab : public QWidget
{
    Q_OBJECT

public:
    ReconciliationTab(models::AppServices &services, Interaction &interaction, QWidget *parent = nullptr);
    ~ReconciliationTab() override;

    void setActor(const models::StaffMember &actor);

private:
    models::BillChannel channel() const;
    void importBill();
    void reconcile();
    void exportResult();
    void showResult(const models::ReconciliationResult &result);
    void clearResult();

    models::AppServices &m_services;
    Interaction &m_interaction;
    models::StaffMember m_actor;
    std::optional<models::ReconciliationResult> m_result;

    MessageBar *m_messageBar = nullptr;
    QComboBox *m_channelCombo = nullptr;
    QDateEdit *m_dateEdit = nullptr;
    QPushButton *m_importButton = nullptr;
    QPushButton *m_reconcileButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_summaryLabel = nullptr;
};

} // namespace fund::ui
