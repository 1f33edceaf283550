#include "ui/receipts/receiptstab.h"
#include "ui_receiptstab.h"

#include "models/core/error.h"
#include "models/itemmodels/receiptlistmodel.h"
#include "models/services/appservices.h"
#include "models/services/receiptservice.h"
#include "models/session/countersession.h"
#include "ui/interaction.h"
#include "ui/widgets/messagebar.h"

#include <QDate>
#include <QDir>
#include <QHBoxLayout>
#include <QVBoxLayout>
#include <QPushButton>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QPageSize>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfView>
#include <QPrinter>
#include <QSaveFile>
#include <QScopeGuard>
#include <QTimer>

#include <algorithm>

namespace fund::ui {

using models::CounterSession;
using models::ReceiptRecord;

namespace {
const QString IssuedStyle = QStringLiteral("color: #1b5e20; font-weight: bold;");
const QString FailedStyle = QStringLiteral("color: #b71c1c; font-weight: bold;");
const QString IssuingStyle = QStringLiteral("color: #e65100; font-weight: bold;");

// Rendering dots per inch for printing: the printer's own resolution, within limits that keep
// the QR code sharp and one page image well under 100 MB.
constexpr int MinPrintDpi = 300;
constexpr int MaxPrintDpi = 600;
} // namespace

ReceiptsTab::ReceiptsTab(models::AppServices &services, models::CounterSession &session, Interaction &interaction,
                         QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<::Ui::ReceiptsTab>())
    , m_services(services)
    , m_session(session)
    , m_interaction(interaction)
    , m_model(new models::ReceiptListModel(this))
    , m_document(std::make_unique<QPdfDocument>())
{
    setObjectName(QStringLiteral("receiptsTab"));
    m_ui->setupUi(this);
    // The receipt is A5 landscape: give the preview room to be read.
    m_ui->splitter->setStretchFactor(0, 1);
    m_ui->splitter->setStretchFactor(1, 1);
    m_ui->splitter->setSizes({540, 660});
    QFont buttonFont = m_ui->issueButton->font();
    buttonFont.setPointSize(13);
    buttonFont.setBold(true);
    m_ui->issueButton->setFont(buttonFont);
    m_ui->retryButton->setFont(buttonFont);
    m_ui->issueButton->setMinimumHeight(40);
    m_ui->retryButton->setMinimumHeight(40);
    m_ui->retryButton->hide();

    m_ui->receiptTable->setModel(m_model);
    m_ui->receiptTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->receiptPreview->setDocument(m_document.get());
    m_ui->receiptPreview->setPageMode(QPdfView::PageMode::SinglePage);
    m_ui->receiptPreview->setZoomMode(QPdfView::ZoomMode::FitInView);

    connect(m_ui->receiptTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ReceiptsTab::onCurrentRowChanged);
    connect(m_ui->issueButton, &QPushButton::clicked, this, &ReceiptsTab::issue);
    connect(m_ui->retryButton, &QPushButton::clicked, this, &ReceiptsTab::issue);
    connect(m_ui->printButton, &QPushButton::clicked, this, &ReceiptsTab::printSelected);
    connect(m_ui->printAllButton, &QPushButton::clicked, this, &ReceiptsTab::printAll);
    connect(m_ui->saveButton, &QPushButton::clicked, this, &ReceiptsTab::save);
    connect(m_ui->findReceiptButton, &QPushButton::clicked, this, &ReceiptsTab::findReceipt);
    connect(m_ui->billNumberEdit, &QLineEdit::returnPressed, this, &ReceiptsTab::findReceipt);
    connect(m_ui->billCodeEdit, &QLineEdit::returnPressed, m_ui->billNumberEdit, qOverload<>(&QWidget::setFocus));
    connect(&m_session, &CounterSession::changed, this, &ReceiptsTab::onSessionChanged);

    // The after-issue actions on the selected receipt.
    auto *actions = new QVBoxLayout;
    actions->setObjectName(QStringLiteral("receiptActionsLayout"));
    m_paperButton = new QPushButton(tr("Exchange for paper (换开纸质)…"), this);
    m_paperButton->setObjectName(QStringLiteral("paperButton"));
    m_voidPaperButton = new QPushButton(tr("Take paper back (收回纸质)…"), this);
    m_voidPaperButton->setObjectName(QStringLiteral("voidPaperButton"));
    m_voidPaperButton->setToolTip(tr("The resident hands the paper receipt back: it is voided and the e-receipt counts again"));
    m_reverseButton = new QPushButton(tr("Request red reversal (红冲)…"), this);
    m_reverseButton->setObjectName(QStringLiteral("reverseButton"));
    m_approveButton = new QPushButton(tr("Approve red reversal"), this);
    m_approveButton->setObjectName(QStringLiteral("approveReversalButton"));
    m_approveButton->setToolTip(tr("Supervisors: approve another staff member's request; the red receipt is issued at once"));
    m_verifyButton = new QPushButton(tr("Verify (查验)…"), this);
    m_verifyButton->setObjectName(QStringLiteral("verifyButton"));
    m_verifyButton->setToolTip(tr("Check the code, number, check code, amount and date a resident shows together"));
    // Two rows, so that no label is cut off on a narrow pane: paper and verification, then 红冲
    // (box layouts, so a hidden button leaves no gap).
    auto *paperRow = new QHBoxLayout;
    auto *reversalRow = new QHBoxLayout;
    for (QPushButton *b : {m_paperButton, m_voidPaperButton, m_verifyButton})
        paperRow->addWidget(b);
    for (QPushButton *b : {m_reverseButton, m_approveButton})
        reversalRow->addWidget(b);
    paperRow->addStretch(1);
    reversalRow->addStretch(1);
    actions->addLayout(paperRow);
    actions->addLayout(reversalRow);
    m_ui->rightLayout->addLayout(actions);
    connect(m_paperButton, &QPushButton::clicked, this, &ReceiptsTab::exchangeForPaper);
    connect(m_voidPaperButton, &QPushButton::clicked, this, &ReceiptsTab::voidPaper);
    connect(m_reverseButton, &QPushButton::clicked, this, &ReceiptsTab::requestReversal);
    connect(m_approveButton, &QPushButton::clicked, this, &ReceiptsTab::approveReversal);
    connect(m_verifyButton, &QPushButton::clicked, this, &ReceiptsTab::verifySelected);

    clearPreview();
    onSessionChanged();
}

ReceiptsTab::~ReceiptsTab()
{
    // The view and the document let go of each other before the buffer they read goes.
    m_ui->receiptPreview->setDocument(nullptr);
    m_document->close();
}

void ReceiptsTab::setActor(const models::StaffMember &actor)
{
    const bool firstSignIn = m_actor.login.isEmpty() && actor.canCollect();
    m_actor = actor;
    if (firstSignIn) {
        // Start-up: receipts this database left issuing (开票中) are settled by asking the
        // platform, never by issuing again.
        auto settled = m_services.receipts.resolvePending(m_actor);
        if (!settled)
            m_ui->messageBar->showError(settled.error());
        else if (*settled > 0)
            m_ui->messageBar->showMessage(MessageBar::Kind::Info, tr("%n receipt(s) left issuing were settled with the receipt platform.", nullptr, *settled));
        if (settled && *settled > 0)
            reloadReceipts();
    }
    updatePanel();
    updateButtons();
}

void ReceiptsTab::onSessionChanged()
{
    const qint64 houseId = m_session.house().id;
    if (houseId != m_houseId) {
        m_houseId = houseId;
        m_lookupMode = false;
        m_ui->messageBar->clearMessage();
        clearPreview();
        reloadReceipts();
    }
    const models::PaymentRecord &payment = m_session.payment();
    if (payment.id != m_paymentId) {
        m_paymentId = payment.id;
        m_receipt = {};
        if (m_paymentId != 0) {
            // A payment reopened later may already have its receipt.
            auto existing = m_services.receipts.forPayment(m_paymentId);
            if (existing)
                m_receipt = *existing;
            else if (existing.error().code != models::Error::Code::NotFound)
                m_ui->messageBar->showError(existing.error());
        }
    }
    if (m_paymentId != 0 && m_session.receipt().paymentId == m_paymentId)
        m_receipt = m_session.receipt();
    updatePanel();
    updateButtons();
}

void ReceiptsTab::reloadReceipts(qint64 selectId)
{
    if (selectId == 0)
        selectId = m_previewId;
    if (m_houseId == 0) {
        m_model->setReceipts({});
    } else {
        auto receipts = m_services.receipts.forHouse(m_houseId);
        if (!receipts) {
            m_ui->messageBar->showError(receipts.error());
            m_model->setReceipts({});
        } else {
            m_model->setReceipts(*receipts);
        }
    }
    m_lookupMode = false;
    m_ui->houseReceiptsCaption->setText(m_houseId != 0 ? tr("Receipts of %1:").arg(m_session.house().address)
                                                       : tr("No house is being served. Receipts can still be found by code and number."));
    const int row = selectId != 0 ? m_model->rowOf(selectId) : -1;
    if (row >= 0) {
        m_ui->receiptTable->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_ui->receiptTable->scrollTo(m_model->index(row, 0));
    } else {
        // A reset model forgets its current row without a signal.
        clearPreview();
    }
    updateButtons();
}

void ReceiptsTab::refreshList()
{
    // Print counts changed: show the new ones, in whichever list the clerk is looking at.
    if (!m_lookupMode) {
        reloadReceipts();
    } else if (const auto selected = selectedReceipt()) {
        if (auto fresh = m_services.receipts.byId(selected->id)) {
            m_model->setReceipts({*fresh});
            m_ui->receiptTable->selectionModel()->setCurrentIndex(m_model->index(0, 0),
                                                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            onCurrentRowChanged();
        }
    }
    updatePanel();
    updateButtons();
}

void ReceiptsTab::updatePanel()
{
    const models::PaymentRecord &payment = m_session.payment();
    m_ui->failureLabel->clear();
    m_ui->failureLabel->hide();
    m_ui->receiptNumberLabel->clear();
    m_ui->receiptNumberLabel->hide();
    if (payment.id == 0) {
        m_ui->paymentLabel->setText(tr("No payment in this service yet. Collect a deposit on the Payment tab first."));
        m_ui->issueStateLabel->clear();
        m_ui->issueButton->show();
        m_ui->issueButton->setEnabled(false);
        m_ui->retryButton->hide();
        return;
    }
    m_ui->paymentLabel->setText(tr("Deposit %1 · %2 yuan · paid by %3 at counter %4")
                                    .arg(payment.serialNo, payment.amount.toString(), payment.payerName, payment.counterId));
    const QString state = m_receipt.paymentId == payment.id ? m_receipt.state : QString();
    if (state.isEmpty()) {
        m_ui->issueStateLabel->setText(tr("Not issued yet"));
        m_ui->issueStateLabel->setStyleSheet(QString());
    } else {
        m_ui->issueStateLabel->setText(models::receiptStateLabel(state));
        m_ui->issueStateLabel->setStyleSheet(state == QLatin1String("issued")   ? IssuedStyle
                                             : state == QLatin1String("failed") ? FailedStyle
                                                                                : IssuingStyle);
    }
    const bool failed = state == QLatin1String("failed");
    // Left issuing (no answer from the platform): the same button asks the platform again; it
    // never issues a second receipt.
    const bool pending = state == QLatin1String("issuing") && !m_busy && !m_receipt.businessSerial.isEmpty();
    m_ui->issueButton->setVisible(!failed && !pending);
    m_ui->retryButton->setVisible(failed || pending);
    m_ui->retryButton->setText(pending ? tr("Ask the platform again") : tr("Issue again (重新开票)"));
    // After a 红冲 the payment may get a new e-receipt.
    m_ui->issueButton->setEnabled(!m_busy && (state.isEmpty() || state == QLatin1String("reversed")));
    m_ui->retryButton->setEnabled(!m_busy && (failed || pending));
    if (failed || pending) {
        m_ui->failureLabel->setText(failed ? tr("The receipt could not be issued: %1").arg(m_receipt.failure)
                                           : tr("No answer yet (开票中): %1").arg(m_receipt.failure));
        m_ui->failureLabel->show();
    }
    if (state == QLatin1String("issued")) {
        // Captions in the UI font, the numbers the clerk reads out in monospace.
        const auto row = [](const QString &caption, const QString &value) {
            return QStringLiteral("<tr><td valign=\"middle\" style=\"padding-right: 16px;\">%1</td>"
                                  "<td valign=\"middle\" style=\"font-family: monospace; font-size: 15pt; font-weight: bold;\">%2</td></tr>")
                .arg(caption.toHtmlEscaped(), value.toHtmlEscaped());
        };
        m_ui->receiptNumberLabel->setText(QStringLiteral("<table>") + row(tr("Receipt code (票据代码)"), m_receipt.billCode)
                                          + row(tr("Receipt number (票据号码)"), m_receipt.billNumber)
                                          + row(tr("Check code (校验码)"), m_receipt.checkCode) + QStringLiteral("</table>"));
        m_ui->receiptNumberLabel->show();
    }
}

void ReceiptsTab::updateButtons()
{
    const auto selected = selectedReceipt();
    const bool canOutput = !m_busy && selected && selected->isIssued();
    m_ui->printButton->setEnabled(canOutput);
    m_ui->saveButton->setEnabled(canOutput);
    bool anyIssued = false;
    if (!m_lookupMode) {
        for (int row = 0; row < m_model->rowCount() && !anyIssued; ++row)
            anyIssued = m_model->receipt(row).state == QLatin1String("issued");
    }
    m_ui->printAllButton->setEnabled(!m_busy && m_houseId != 0 && anyIssued);
    m_ui->findReceiptButton->setEnabled(!m_busy);
    const bool liveBlue = !m_busy && selected && !selected->isRed() && selected->state == QLatin1String("issued");
    m_paperButton->setEnabled(liveBlue);
    m_paperButton->setText(liveBlue && !selected->paperNumber.isEmpty() ? tr("Exchange for paper again (重新换开)…")
                                                                        : tr("Exchange for paper (换开纸质)…"));
    m_voidPaperButton->setVisible(liveBlue && !selected->paperNumber.isEmpty());
    m_reverseButton->setEnabled(liveBlue && !selected->reversalRequested());
    const bool supervisor = m_actor.role == models::StaffRole::Supervisor;
    m_approveButton->setVisible(supervisor);
    m_approveButton->setEnabled(liveBlue && supervisor && selected->reversalRequested() && selected->reversalRequestedBy != m_actor.id);
    m_verifyButton->setEnabled(!m_busy && selected && selected->isIssued());
}

void ReceiptsTab::issue()
{
    const qint64 paymentId = m_session.payment().id;
    if (m_busy || paymentId == 0)
        return;
    m_busy = true;
    m_ui->messageBar->clearMessage();
    // 开票中 first, on this tab and on the customer display; the call runs once that is shown.
    ReceiptRecord issuing;
    issuing.paymentId = paymentId;
    issuing.state = QStringLiteral("issuing");
    m_session.recordReceipt(issuing);
    QTimer::singleShot(0, this, [this, paymentId] { runIssue(paymentId); });
}

void ReceiptsTab::runIssue(qint64 paymentId)
{
    const auto done = qScopeGuard([this] {
        m_busy = false;
        updatePanel();
        updateButtons();
    });
    if (m_session.payment().id != paymentId)
        return; // the service moved on meanwhile
    auto receipt = m_services.receipts.issue(m_actor, paymentId);
    if (!receipt) {
        m_ui->messageBar->showError(receipt.error());
        ReceiptRecord failed;
        failed.paymentId = paymentId;
        failed.state = QStringLiteral("failed");
        failed.failure = receipt.error().message;
        m_session.recordReceipt(failed);
        return;
    }
    m_session.recordReceipt(*receipt);
    reloadReceipts(receipt->id);
    if (receipt->isIssued()) {
        m_ui->messageBar->showMessage(MessageBar::Kind::Success, tr("E-receipt %1 %2 issued. Print it or save it for the resident.")
                                                                     .arg(receipt->billCode, receipt->billNumber));
    } else if (receipt->isPending()) {
        m_ui->messageBar->showMessage(MessageBar::Kind::Info, tr("The receipt platform has not answered yet (开票中): %1 Ask it again in a moment; "
                                                                 "no second receipt is ever issued.")
                                                                  .arg(receipt->failure));
    } else {
        m_ui->messageBar->showMessage(MessageBar::Kind::Error, tr("The e-receipt could not be issued: %1").arg(receipt->failure));
    }
}

std::optional<ReceiptRecord> ReceiptsTab::selectedReceipt() const
{
    const QModelIndex current = m_ui->receiptTable->selectionModel()->currentIndex();
    if (!current.isValid() || current.row() >= m_model->rowCount())
        return std::nullopt;
    return m_model->receipt(current.row());
}

void ReceiptsTab::onCurrentRowChanged()
{
    const auto receipt = selectedReceipt();
    if (!receipt) {
        clearPreview();
    } else if (!receipt->isIssued()) {
        clearPreview();
        m_ui->previewCaption->setText(receipt->failure.isEmpty()
                                          ? tr("This receipt is not issued: %1").arg(models::receiptStateLabel(receipt->state))
                                          : tr("This receipt is not issued: %1").arg(receipt->failure));
    } else if (receipt->id != m_previewId) {
        showPreview(*receipt);
    } else {
        setPreviewCaption(*receipt); // the same receipt, perhaps printed meanwhile
    }
    updateButtons();
}

void ReceiptsTab::showPreview(const ReceiptRecord &receipt)
{
    auto pdf = m_services.receipts.pdf(m_actor, receipt.id, false);
    if (!pdf) {
        clearPreview();
        m_ui->messageBar->showError(pdf.error());
        return;
    }
    // A new view and document each time: Qt 6.4's QPdfView hands a page render still pending
    // for the previous document (same page, same size) to the new one, so switching between
    // two receipts quickly could show the previous receipt.
    auto *view = new QPdfView(m_ui->rightPane);
    view->setObjectName(QStringLiteral("receiptPreview"));
    view->setMinimumSize(m_ui->receiptPreview->minimumSize());
    view->setPageMode(QPdfView::PageMode::SinglePage);
    view->setZoomMode(QPdfView::ZoomMode::FitInView);
    QPdfView *old = m_ui->receiptPreview;
    old->setDocument(nullptr);
    m_ui->rightLayout->replaceWidget(old, view);
    m_ui->receiptPreview = view;
    old->setObjectName(QString());
    old->hide();
    old->deleteLater();
    m_document->close();
    m_pdfBuffer.close();
    m_pdfBuffer.setData(*pdf);
    m_pdfBuffer.open(QIODevice::ReadOnly);
    m_document = std::make_unique<QPdfDocument>();
    m_document->load(&m_pdfBuffer);
    view->setDocument(m_document.get());
    view->show();
    m_previewId = receipt.id;
    setPreviewCaption(receipt);
}

void ReceiptsTab::setPreviewCaption(const ReceiptRecord &receipt)
{
    m_ui->previewCaption->setText(tr("Receipt %1 %2, printed %n time(s)", nullptr, receipt.printCount)
                                      .arg(receipt.billCode, receipt.billNumber));
}

void ReceiptsTab::clearPreview()
{
    m_document->close();
    m_pdfBuffer.close();
    m_pdfBuffer.setData(QByteArray());
    m_previewId = 0;
    m_ui->previewCaption->setText(tr("Select an issued receipt to preview it."));
}

void ReceiptsTab::printSelected()
{
    const auto receipt = selectedReceipt();
    if (m_busy || !receipt || !receipt->isIssued())
        return;
    const int before = receipt->printCount;
    if (printReceipts({*receipt}) != 1)
        return;
    // The service decides what is a copy; the clerk is told which one went out.
    if (before == 0) {
        m_ui->messageBar->showMessage(MessageBar::Kind::Success,
                                      tr("Printed the original of receipt %1 %2.").arg(receipt->billCode, receipt->billNumber));
    } else {
        m_ui->messageBar->showMessage(MessageBar::Kind::Success,
                                      tr("Printed copy no. %3 of receipt %1 %2, marked as a reprint (重打).")
                                          .arg(receipt->billCode, receipt->billNumber)
                                          .arg(before));
    }
}

void ReceiptsTab::printAll()
{
    if (m_busy || m_houseId == 0)
        return;
    auto receipts = m_services.receipts.forHouse(m_houseId);
    if (!receipts) {
        m_ui->messageBar->showError(receipts.error());
        return;
    }
    QList<ReceiptRecord> issued;
    // The valid receipts only: a reversed one and its red receipt are not handed out again.
    std::copy_if(receipts->cbegin(), receipts->cend(), std::back_inserter(issued),
                 [](const ReceiptRecord &r) { return r.state == QLatin1String("issued"); });
    if (issued.isEmpty()) {
        m_ui->messageBar->showMessage(MessageBar::Kind::Info, tr("This house has no issued receipt to print."));
        return;
    }
    std::reverse(issued.begin(), issued.end()); // oldest first, as the resident files them
    const int printed = printReceipts(issued);
    if (printed == issued.size())
        m_ui->messageBar->showMessage(MessageBar::Kind::Success, tr("Printed %n receipt(s) of this house.", nullptr, printed));
}

int ReceiptsTab::printReceipts(const QList<ReceiptRecord> &receipts)
{
    m_busy = true;
    updateButtons();
    const auto done = qScopeGuard([this] {
        m_busy = false;
        refreshList();
    });
    m_ui->messageBar->clearMessage();

    QPrinter printer(QPrinter::PrinterResolution);
    // The paper the service draws receipts for (A5 landscape unless configured otherwise).
    const QPageLayout layout = models::ReceiptDocument::pageLayoutFor(m_services.receipts.pageSize());
    printer.setPageSize(layout.pageSize());
    printer.setPageOrientation(layout.orientation());
    printer.setFullPage(true); // the receipt PDF carries its own margins
    printer.setDocName(tr("Maintenance fund receipt"));
    if (!m_interaction.setUpPrinter(this, &printer))
        return 0; // cancelled: nothing printed, nothing counted

    QPainter painter;
    if (!painter.begin(&printer)) {
        m_ui->messageBar->showMessage(MessageBar::Kind::Error,
                                      tr("The printer could not be started. Check that it is switched on and ready, then print again."));
        return 0;
    }
    const int dpi = std::clamp(printer.resolution(), MinPrintDpi, MaxPrintDpi);
    const QRectF paper = printer.paperRect(QPrinter::DevicePixel);
    int printed = 0;
    bool firstPage = true;
    for (const ReceiptRecord &receipt : receipts) {
        // Counted (and marked 重打 after the first) only now that the printer has started.
        auto pdf = m_services.receipts.pdf(m_actor, receipt.id, true);
        if (!pdf) {
            m_ui->messageBar->showError(pdf.error());
            break;
        }
        QBuffer buffer(&*pdf);
        buffer.open(QIODevice::ReadOnly);
        QPdfDocument document;
        document.load(&buffer);
        if (document.status() != QPdfDocument::Status::Ready || document.pageCount() == 0) {
            m_ui->messageBar->showMessage(MessageBar::Kind::Error,
                                          tr("Receipt %1 %2 could not be prepared for printing.").arg(receipt.billCode, receipt.billNumber));
            break;
        }
        for (int page = 0; page < document.pageCount(); ++page) {
            if (!firstPage && !printer.newPage()) {
                m_ui->messageBar->showMessage(MessageBar::Kind::Error, tr("The printer stopped while printing. Check it and print again."));
                painter.end();
                return printed;
            }
            firstPage = false;
            const QSizeF points = document.pagePointSize(page);
            const QImage image = document.render(page, (points * dpi / 72.0).toSize());
            // Actual size on the paper, shrunk only if the paper is smaller than the receipt.
            QSizeF target = points * printer.resolution() / 72.0;
            if (target.width() > paper.width() || target.height() > paper.height())
                target.scale(paper.size(), Qt::KeepAspectRatio);
            painter.drawImage(QRectF(paper.topLeft(), target), image);
        }
        ++printed;
    }
    if (!painter.end()) {
        m_ui->messageBar->showMessage(MessageBar::Kind::Error, tr("The printer reported an error. Check it and print again."));
        return 0;
    }
    return printed;
}

void ReceiptsTab::save()
{
    const auto receipt = selectedReceipt();
    if (m_busy || !receipt || !receipt->isIssued())
        return;
    m_ui->messageBar->clearMessage();
    const auto fileName = m_interaction.saveFileName(this, tr("Save receipt"),
                                                     tr("receipt-%1-%2.pdf").arg(receipt->billCode, receipt->billNumber),
                                                     tr("PDF files (*.pdf)"));
    if (!fileName)
        return;
    auto pdf = m_services.receipts.pdf(m_actor, receipt->id, false);
    if (!pdf) {
        m_ui->messageBar->showError(pdf.error());
        return;
    }
    QSaveFile file(*fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(*pdf) != pdf->size() || !file.commit()) {
        m_ui->messageBar->showMessage(MessageBar::Kind::Error, tr("The receipt could not be saved to %1: %2. Choose another folder.")
                                                                   .arg(QDir::toNativeSeparators(*fileName), file.errorString()));
        return;
    }
    m_ui->messageBar->showMessage(MessageBar::Kind::Success, tr("Receipt %1 %2 saved to %3.")
                                                                 .arg(receipt->billCode, receipt->billNumber, QDir::toNativeSeparators(*fileName)));
}

void ReceiptsTab::findReceipt()
{
    if (m_busy)
        return;
    m_ui->messageBar->clearMessage();
    auto receipt = m_services.receipts.lookup(m_actor, m_ui->billCodeEdit->text(), m_ui->billNumberEdit->text()); // audited
    if (!receipt) {
        m_ui->messageBar->showError(receipt.error());
        return;
    }
    int row = m_model->rowOf(receipt->id);
    if (row < 0) {
        // Not the served house's: show it alone until the service changes.
        m_model->setReceipts({*receipt});
        m_lookupMode = true;
        m_ui->houseReceiptsCaption->setText(tr("Found by code and number (not a receipt of the served house):"));
        row = 0;
    }
    m_ui->receiptTable->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                                          QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_ui->receiptTable->scrollTo(m_model->index(row, 0));
    onCurrentRowChanged(); // also when it was already the current row
}

void ReceiptsTab::exchangeForPaper()
{
    const auto receipt = selectedReceipt();
    if (m_busy || !receipt)
        return;
    m_ui->messageBar->clearMessage();
    const auto code = m_interaction.askText(this, tr("Exchange for paper (换开纸质)"),
                                            tr("Code of the paper receipt form (票据代码, printed on the form):"));
    if (!code)
        return;
    const auto number = m_interaction.askText(this, tr("Exchange for paper (换开纸质)"),
                                              tr("Number of the paper receipt form (票据号码):"));
    if (!number)
        return;
    QString voidReason;
    if (!receipt->paperNumber.isEmpty()) {
        const auto reason = m_interaction.askText(this, tr("Exchange for paper again (重新换开)"),
                                                  tr("Paper receipt %1 %2 will be voided. Why?").arg(receipt->paperCode, receipt->paperNumber));
        if (!reason)
            return;
        voidReason = *reason;
    }
    auto done = m_services.receipts.exchangeForPaper(m_actor, receipt->id, *code, *number, voidReason);
    if (!done) {
        m_ui->messageBar->showError(done.error());
        return;
    }
    m_ui->messageBar->showMessage(MessageBar::Kind::Success, tr("Receipt %1 %2 exchanged for paper receipt %3 %4.")
                                                                 .arg(done->billCode, done->billNumber, done->paperCode, done->paperNumber));
    refreshList();
}

void ReceiptsTab::voidPaper()
{
    const auto receipt = selectedReceipt();
    if (m_busy || !receipt || receipt->paperNumber.isEmpty())
        return;
    m_ui->messageBar->clearMessage();
    const auto reason = m_interaction.askText(this, tr("Take paper back (收回纸质)"),
                                              tr("Take paper receipt %1 %2 back from the resident; it will be voided and e-receipt %3 %4 counts again. Reason:")
                                                  .arg(receipt->paperCode, receipt->paperNumber, receipt->billCode, receipt->billNumber));
    if (!reason)
        return;
    auto done = m_services.receipts.voidPaper(m_actor, receipt->id, *reason);
    if (!done) {
        m_ui->messageBar->showError(done.error());
        return;
    }
    m_ui->messageBar->showMessage(MessageBar::Kind::Success, tr("Paper receipt %1 %2 voided; e-receipt %3 %4 counts again.")
                                                                 .arg(receipt->paperCode, receipt->paperNumber, done->billCode, done->billNumber));
    refreshList();
}

void ReceiptsTab::requestReversal()
{
    const auto receipt = selectedReceipt();
    if (m_busy || !receipt)
        return;
    m_ui->messageBar->clearMessage();
    const auto reason = m_interaction.askText(this, tr("Red reversal (红冲)"),
                                              tr("The whole receipt %1 %2 (%3 yuan) will be reversed once a supervisor approves. Reason (冲红原因):")
                                                  .arg(receipt->billCode, receipt->billNumber, receipt->amount.toString()));
    if (!reason)
        return;
    auto done = m_services.receipts.requestReversal(m_actor, receipt->id, *reason);
    if (!done) {
        m_ui->messageBar->showError(done.error());
        return;
    }
    m_ui->messageBar->showMessage(MessageBar::Kind::Info, tr("Red reversal of %1 %2 requested. A supervisor other than you must approve it.")
                                                              .arg(done->billCode, done->billNumber));
    refreshList();
}

void ReceiptsTab::approveReversal()
{
    const auto receipt = selectedReceipt();
    if (m_busy || !receipt)
        return;
    m_ui->messageBar->clearMessage();
    if (!m_interaction.confirm(this, tr("Approve red reversal (红冲)"),
                               tr("Issue a red receipt reversing %1 %2 (%3 yuan)?\nReason: %4")
                                   .arg(receipt->billCode, receipt->billNumber, receipt->amount.toString(), receipt->reversalReason)))
        return;
    m_busy = true;
    updateButtons();
    auto red = m_services.receipts.approveReversal(m_actor, receipt->id);
    m_busy = false;
    if (!red) {
        m_ui->messageBar->showError(red.error());
        updateButtons();
        return;
    }
    if (red->state == QLatin1String("red_issued"))
        m_ui->messageBar->showMessage(MessageBar::Kind::Success, tr("Red receipt %1 %2 issued; it reverses %3 %4.")
                                                                     .arg(red->billCode, red->billNumber, receipt->billCode, receipt->billNumber));
    else
        m_ui->messageBar->showMessage(MessageBar::Kind::Error, tr("The red receipt is not issued yet (%1): %2. Approve again to retry.")
                                                                   .arg(models::receiptStateLabel(red->state), red->failure));
    if (m_paymentId == red->paymentId) {
        // The served payment's receipt is now reversed: show it so, and offer a new one.
        if (auto current = m_services.receipts.forPayment(m_paymentId))
            m_receipt = *current;
        updatePanel();
    }
    reloadReceipts(red->id);
}

void ReceiptsTab::verifySelected()
{
    const auto receipt = selectedReceipt();
    if (m_busy || !receipt)
        return;
    m_ui->messageBar->clearMessage();
    const QString title = tr("Verify receipt %1 %2 (查验)").arg(receipt->billCode, receipt->billNumber);
    const auto check = m_interaction.askText(this, title, tr("Check code (校验码) as printed on the resident's receipt:"));
    if (!check)
        return;
    const auto amountText = m_interaction.askText(this, title, tr("Amount in yuan as printed (e.g. 4467.50):"));
    if (!amountText)
        return;
    const auto amount = models::Money::parse(amountText->trimmed());
    if (!amount) {
        m_ui->messageBar->showMessage(MessageBar::Kind::Error, tr("\"%1\" is not an amount. Type it in yuan, e.g. 4467.50.").arg(*amountText));
        return;
    }
    const auto dateText = m_interaction.askText(this, title, tr("Issue date as printed (yyyy-mm-dd):"));
    if (!dateText)
        return;
    const QDate date = QDate::fromString(dateText->trimmed(), Qt::ISODate);
    if (!date.isValid()) {
        m_ui->messageBar->showMessage(MessageBar::Kind::Error, tr("\"%1\" is not a date. Type it as yyyy-mm-dd, e.g. 2026-12-03.").arg(*dateText));
        return;
    }
    auto verified = m_services.receipts.verify(m_actor, receipt->billCode, receipt->billNumber, *check, *amount, date);
    if (!verified) {
        m_ui->messageBar->showError(verified.error());
        return;
    }
    m_ui->messageBar->showMessage(MessageBar::Kind::Success, tr("Receipt %1 %2 is genuine: check code, amount and date match.")
                                                                 .arg(verified->billCode, verified->billNumber));
}

} // namespace fund::ui
