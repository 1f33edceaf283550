#pragma once

#include "models/domain/staffmember.h"

#include <QMap>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace fund::models {
struct AppServices;
struct TillReport;
} // namespace fund::models

namespace fund::ui {

class Interaction;
class MessageBar;

// 款箱与日结: opens this counter's till with a float, shows the interim X report, closes it with
// the cash counted by denomination (a variance needs a note and a supervisor's approval) and
// saves the 日结单 PDF. Every rule is TillService's; the tab only shows what it answers.
class TillTab : public QWidget
{
    Q_OBJECT

public:
    TillTab(models::AppServices &services, Interaction &interaction, QWidget *parent = nullptr);
    ~TillTab() override;

    void setActor(const models::StaffMember &actor);
    // Reloads the till of this counter and its X report.
    void refresh();

private:
    void openTill();
    void closeTill();
    void approveVariance();
    void saveDailyReport();
    void showReport(const models::TillReport &report);
    void clearReport();
    void updateCountedTotal();
    void updateButtons();
    QMap<qint64, qint64> enteredCount(bool *ok) const;

    models::AppServices &m_services;
    Interaction &m_interaction;
    models::StaffMember m_actor;
    qint64 m_tillId = 0; // the open till, or the last one this tab closed
    int m_state = -1;    // models::TillState of m_tillId, -1 when none
    qint64 m_expectedFen = 0;

    MessageBar *m_messageBar = nullptr;
    QLabel *m_stateLabel = nullptr;
    QLineEdit *m_floatEdit = nullptr;
    QPushButton *m_openButton = nullptr;
    QTableWidget *m_xReportTable = nullptr;
    QLabel *m_cashLabel = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QTableWidget *m_denominationTable = nullptr;
    QLabel *m_countedLabel = nullptr;
    QLineEdit *m_varianceNoteEdit = nullptr;
    QPushButton *m_closeButton = nullptr;
    QPushButton *m_approveButton = nullptr;
    QPushButton *m_reportButton = nullptr;
};

} // namespace fund::ui
