#pragma once

#include "models/domain/receiptrecord.h"
#include "models/domain/staffmember.h"

#include <QBuffer>
#include <QWidget>

#include <memory>
#include <optional>

class QPdfDocument;
class QPushButton;

namespace Ui {
class ReceiptsTab;
}

namespace fund::models {
class CounterSession;
class ReceiptListModel;
struct AppServices;
} // namespace fund::models

namespace fund::ui {

class Interaction;

// 维修资金电子票据: issue the e-receipt of the session's payment (我要开票 → 开票中 → 开票成功 |
// 开票失败 → 重新开票), and preview, print, save and look up the served house's receipts; exchange
// one for paper (换开纸质) and take the paper back (收回纸质), request and approve its red
// reversal (红冲) and verify it (查验).
class ReceiptsTab : public QWidget
{
    Q_OBJECT

public:
    ReceiptsTab(models::AppServices &services, models::CounterSession &session, Interaction &interaction,
                QWidget *parent = nullptr);
    ~ReceiptsTab() override;

    void setActor(const models::StaffMember &actor);

private:
    void onSessionChanged();
    void reloadReceipts(qint64 selectId = 0);
    void refreshList();
    void updatePanel();
    void updateButtons();
    void issue();
    void runIssue(qint64 paymentId);
    void onCurrentRowChanged();
    void showPreview(const models::ReceiptRecord &receipt);
    void setPreviewCaption(const models::ReceiptRecord &receipt);
    void clearPreview();
    std::optional<models::ReceiptRecord> selectedReceipt() const;
    void printSelected();
    void printAll();
    // Prints the receipts on one printer set up once; returns how many were printed.
    int printReceipts(const QList<models::ReceiptRecord> &receipts);
    void save();
    void findReceipt();
    // 换开纸质, 红冲 (request; a supervisor signed in here approves another's request), 查验
    void exchangeForPaper();
    void voidPaper();
    void requestReversal();
    void approveReversal();
    void verifySelected();

    std::unique_ptr<::Ui::ReceiptsTab> m_ui;
    models::AppServices &m_services;
    models::CounterSession &m_session;
    Interaction &m_interaction;
    models::ReceiptListModel *m_model = nullptr;
    QPushButton *m_paperButton = nullptr;
    QPushButton *m_voidPaperButton = nullptr;
    QPushButton *m_reverseButton = nullptr;
    QPushButton *m_approveButton = nullptr;
    QPushButton *m_verifyButton = nullptr;
    models::StaffMember m_actor;
    // The preview reads the PDF lazily from this buffer: it lives as long as the document.
    QBuffer m_pdfBuffer;
    std::unique_ptr<QPdfDocument> m_document;
    qint64 m_previewId = 0;
    qint64 m_houseId = 0;
    qint64 m_paymentId = 0;
    models::ReceiptRecord m_receipt; // what is known of the current payment's receipt
    bool m_lookupMode = false;       // the table shows a receipt found by number
    bool m_busy = false;             // issuing or printing: refuse further clicks
};

} // namespace fund::ui
