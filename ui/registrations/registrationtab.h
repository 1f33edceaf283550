#pragma once

#include "models/domain/house.h"
#include "models/domain/staffmember.h"
#include "models/services/registrationservice.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace fund::models {
struct AppServices;
class CounterSession;
}

namespace fund::ui {

class Interaction;
class MessageBar;

// 个人造册 / 去绑定 / 业主信息变更 at the counter: the resident (name, ID number, phone), the kind,
// the way the house is named (网签合同编号, 不动产权证号 — a query fills address, area and type —,
// proof documents with the address typed in, or the house of the current lookup result), the
// district, the proof files; then the result page (已绑定 / 需审核) and the resident's history
// (历史记录). When a resident is served, decisions taken since their last visit are shown.
class RegistrationTab : public QWidget
{
    Q_OBJECT

public:
    RegistrationTab(models::AppServices &services, models::CounterSession &session, Interaction &interaction,
                    QWidget *parent = nullptr);
    ~RegistrationTab() override;

    void setActor(const models::StaffMember &actor);
    // 个人造册 from the house lookup (a resident with no house, or no house matched): a new form
    // with the kind set to 个人造册, the identified resident's name and ID number, and the typed
    // address with the proof-documents way when there is one.
    void startAddHouse(const QString &name, const QString &idNumber, const QString &address);

    // Adds a proof file (the Attach button reads it from disk and calls this); a bad file is
    // refused with the service's message.
    models::VoidResult attachDocument(const QString &name, const QByteArray &bytes);
    int attachedCount() const { return int(m_documents.size()); }
    // The result page is showing.
    bool showingResult() const;

Q_SIGNALS:
    // Decisions on the resident's requests taken since their last visit (one line each).
    void outcomesShown(const QString &text);

private:
    void attachFromDisk();
    void removeDocument();
    void queryKnown();
    void submit();
    void newRegistration();
    void refreshHistory();
    void updateMethod();
    void onSessionChanged();
    models::RegistrationMethod method() const;

    models::AppServices &m_services;
    models::CounterSession &m_session;
    Interaction &m_interaction;
    models::StaffMember m_actor;
    QList<models::ProofDocument> m_documents;
    qint64 m_servedHouseId = 0;
    QString m_servedResident;

    QStackedWidget *m_pages = nullptr;
    MessageBar *m_messageBar = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QLineEdit *m_idEdit = nullptr;
    QLineEdit *m_phoneEdit = nullptr;
    QComboBox *m_kindCombo = nullptr;
    QComboBox *m_methodCombo = nullptr;
    QLineEdit *m_contractEdit = nullptr;
    QLineEdit *m_certificateEdit = nullptr;
    QPushButton *m_queryButton = nullptr;
    QLabel *m_knownLabel = nullptr;
    QLineEdit *m_addressEdit = nullptr;
    QComboBox *m_districtCombo = nullptr;
    QLabel *m_lookupHouseLabel = nullptr;
    QListWidget *m_fileList = nullptr;
    QPushButton *m_submitButton = nullptr;
    QTableWidget *m_historyTable = nullptr;
    QLabel *m_resultTitle = nullptr;
    QLabel *m_resultDetail = nullptr;
};

} // namespace fund::ui
