#pragma once

#include "models/domain/staffmember.h"
#include "models/services/registrationservice.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QPdfDocument;
class QPdfView;
class QPushButton;
class QScrollArea;
class QStackedWidget;
class QTableView;
class QTemporaryFile;

namespace fund::models {
struct AppServices;
class RegistrationQueueModel;
}

namespace fund::ui {

class Interaction;
class MessageBar;

// 审核 (supervisors and reviewers): the queue of pending registrations and owner changes, oldest
// first, filtered by district and kind and paged as it scrolls; the request, the resident, the
// house (with its owners past and present) and the proof side by side — PDF in a QPdfView, images
// zoomable — and approve / reject (reason) / return for more documents (reason). The service
// refuses a decision on one's own request; the buttons say so before.
class ReviewTab : public QWidget
{
    Q_OBJECT

public:
    ReviewTab(models::AppServices &services, Interaction &interaction, QWidget *parent = nullptr);
    ~ReviewTab() override;

    void setActor(const models::StaffMember &actor);
    // Reloads the queue with the current filters (also on showing the tab).
    void reload();
    qint64 currentRequestId() const { return m_current.id; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showRequest(int row);
    void clearRequest();
    void showDocument(int index);
    void setZoom(double zoom);
    void approve();
    void decideWithReason(bool reject);
    void afterDecision(const models::VoidResult &result, const QString &done);

    models::AppServices &m_services;
    Interaction &m_interaction;
    models::StaffMember m_actor;
    models::RegistrationRecord m_current;
    QList<models::RegistrationDocumentInfo> m_documents;
    QImage *m_image = nullptr;
    double m_zoom = 1.0;

    MessageBar *m_messageBar = nullptr;
    QComboBox *m_districtCombo = nullptr;
    QComboBox *m_kindCombo = nullptr;
    QLabel *m_countLabel = nullptr;
    QTableView *m_queueView = nullptr;
    models::RegistrationQueueModel *m_queueModel = nullptr;
    QLabel *m_detailLabel = nullptr;
    QListWidget *m_documentList = nullptr;
    QStackedWidget *m_viewerStack = nullptr;
    QPdfView *m_pdfView = nullptr;
    QPdfDocument *m_pdfDocument = nullptr;
    QTemporaryFile *m_pdfFile = nullptr;
    QScrollArea *m_imageArea = nullptr;
    QLabel *m_imageLabel = nullptr;
    QLabel *m_viewerMessage = nullptr;
    QPushButton *m_approveButton = nullptr;
    QPushButton *m_rejectButton = nullptr;
    QPushButton *m_returnButton = nullptr;
};

} // namespace fund::ui
