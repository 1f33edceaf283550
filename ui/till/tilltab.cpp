#include "ui/till/tilltab.h"

#include "models/receipts/dailyclosereport.h"
#include "models/services/appservices.h"
#include "models/services/permissions.h"
#include "models/services/tillservice.h"
#include "ui/interaction.h"
#include "ui/widgets/messagebar.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>

namespace fund::ui {

using models::Money;
using models::TillReport;
using models::TillService;
using models::TillState;

namespace {

constexpr int CountColumn = 1;
constexpr int AmountColumn = 2;

QTableWidgetItem *readOnlyItem(const QString &text, Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    item->setTextAlignment(alignment);
    return item;
}

constexpr Qt::Alignment Right = Qt::AlignRight | Qt::AlignVCenter;

} // namespace

TillTab::TillTab(models::AppServices &services, Interaction &interaction, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_interaction(interaction)
{
    setObjectName(QStringLiteral("tillTab"));
    auto *layout = new QVBoxLayout(this);

    m_messageBar = new MessageBar(this);
    m_messageBar->setObjectName(QStringLiteral("tillMessageBar"));
    layout->addWidget(m_messageBar);

    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(QStringLiteral("tillStateLabel"));
    m_stateLabel->setTextFormat(Qt::PlainText);
    m_stateLabel->setWordWrap(true);
    QFont stateFont = m_stateLabel->font();
    stateFont.setPointSize(stateFont.pointSize() + 2);
    stateFont.setBold(true);
    m_stateLabel->setFont(stateFont);
    layout->addWidget(m_stateLabel);

    auto *columns = new QHBoxLayout;
    layout->addLayout(columns, 1);

    // Left: open, X report.
    auto *left = new QVBoxLayout;
    columns->addLayout(left, 1);
    auto *openBox = new QGroupBox(tr("Open the till"), this);
    auto *openLayout = new QHBoxLayout(openBox);
    openLayout->addWidget(new QLabel(tr("Opening float (yuan):"), openBox));
    m_floatEdit = new QLineEdit(openBox);
    m_floatEdit->setObjectName(QStringLiteral("floatEdit"));
    m_floatEdit->setPlaceholderText(tr("e.g. 1000.00"));
    openLayout->addWidget(m_floatEdit, 1);
    m_openButton = new QPushButton(tr("Open till"), openBox);
    m_openButton->setObjectName(QStringLiteral("openTillButton"));
    openLayout->addWidget(m_openButton);
    left->addWidget(openBox);

    auto *xBox = new QGroupBox(tr("X report (takings so far)"), this);
    auto *xLayout = new QVBoxLayout(xBox);
    m_xReportTable = new QTableWidget(0, 3, xBox);
    m_xReportTable->setObjectName(QStringLiteral("xReportTable"));
    m_xReportTable->setHorizontalHeaderLabels({tr("Channel / method"), tr("Payments"), tr("Total")});
    m_xReportTable->verticalHeader()->hide();
    m_xReportTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_xReportTable->setSelectionMode(QAbstractItemView::NoSelection);
    m_xReportTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_xReportTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_xReportTable->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    xLayout->addWidget(m_xReportTable, 1);
    m_cashLabel = new QLabel(xBox);
    m_cashLabel->setObjectName(QStringLiteral("expectedCashLabel"));
    m_cashLabel->setTextFormat(Qt::PlainText);
    m_cashLabel->setWordWrap(true);
    xLayout->addWidget(m_cashLabel);
    auto *xButtons = new QHBoxLayout;
    m_refreshButton = new QPushButton(tr("Refresh"), xBox);
    m_refreshButton->setObjectName(QStringLiteral("refreshTillButton"));
    m_reportButton = new QPushButton(tr("Save daily close report…"), xBox);
    m_reportButton->setObjectName(QStringLiteral("dailyReportButton"));
    xButtons->addWidget(m_refreshButton);
    xButtons->addStretch(1);
    xButtons->addWidget(m_reportButton);
    xLayout->addLayout(xButtons);
    left->addWidget(xBox, 1);

    // Right: the count and the close.
    auto *closeBox = new QGroupBox(tr("Close the till (cash count)"), this);
    auto *closeLayout = new QVBoxLayout(closeBox);
    const QList<qint64> &denominations = TillService::denominationsFen();
    m_denominationTable = new QTableWidget(int(denominations.size()), 3, closeBox);
    m_denominationTable->setObjectName(QStringLiteral("denominationTable"));
    m_denominationTable->setHorizontalHeaderLabels({tr("Denomination"), tr("Count"), tr("Amount")});
    m_denominationTable->verticalHeader()->hide();
    m_denominationTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    for (int row = 0; row < denominations.size(); ++row) {
        const qint64 fen = denominations.at(row);
        auto *label = readOnlyItem(models::DailyCloseReport::denominationLabel(fen));
        label->setData(Qt::UserRole, fen);
        m_denominationTable->setItem(row, 0, label);
        auto *count = new QTableWidgetItem(QStringLiteral("0"));
        count->setTextAlignment(Right);
        m_denominationTable->setItem(row, CountColumn, count);
        m_denominationTable->setItem(row, AmountColumn, readOnlyItem(Money::zero().toString(), Right));
    }
    closeLayout->addWidget(m_denominationTable, 1);
    m_countedLabel = new QLabel(closeBox);
    m_countedLabel->setObjectName(QStringLiteral("countedTotalLabel"));
    m_countedLabel->setTextFormat(Qt::PlainText);
    m_countedLabel->setWordWrap(true);
    QFont countedFont = m_countedLabel->font();
    countedFont.setBold(true);
    m_countedLabel->setFont(countedFont);
    closeLayout->addWidget(m_countedLabel);
    auto *noteForm = new QFormLayout;
    m_varianceNoteEdit = new QLineEdit(closeBox);
    m_varianceNoteEdit->setObjectName(QStringLiteral("varianceNoteEdit"));
    m_varianceNoteEdit->setPlaceholderText(tr("Required when the count differs from the expected cash"));
    noteForm->addRow(tr("Variance note:"), m_varianceNoteEdit);
    closeLayout->addLayout(noteForm);
    auto *closeButtons = new QHBoxLayout;
    m_approveButton = new QPushButton(tr("Approve variance"), closeBox);
    m_approveButton->setObjectName(QStringLiteral("approveVarianceButton"));
    m_closeButton = new QPushButton(tr("Close till"), closeBox);
    m_closeButton->setObjectName(QStringLiteral("closeTillButton"));
    closeButtons->addWidget(m_approveButton);
    closeButtons->addStretch(1);
    closeButtons->addWidget(m_closeButton);
    closeLayout->addLayout(closeButtons);
    columns->addWidget(closeBox, 1);

    connect(m_openButton, &QPushButton::clicked, this, &TillTab::openTill);
    connect(m_floatEdit, &QLineEdit::returnPressed, this, &TillTab::openTill);
    connect(m_closeButton, &QPushButton::clicked, this, &TillTab::closeTill);
    connect(m_approveButton, &QPushButton::clicked, this, &TillTab::approveVariance);
    connect(m_reportButton, &QPushButton::clicked, this, &TillTab::saveDailyReport);
    connect(m_refreshButton, &QPushButton::clicked, this, &TillTab::refresh);
    connect(m_denominationTable, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (item->column() == CountColumn)
            updateCountedTotal();
    });

    clearReport();
}

TillTab::~TillTab() = default;

void TillTab::setActor(const models::StaffMember &actor)
{
    m_actor = actor;
    m_messageBar->clearMessage();
    refresh();
}

void TillTab::refresh()
{
    // The open till, or one still waiting for its variance approval (also after a restart).
    auto current = m_services.tills.currentTillId();
    if (!current) {
        m_messageBar->showError(current.error());
        return;
    }
    if (*current > 0)
        m_tillId = *current;
    if (m_tillId == 0) {
        clearReport();
        return;
    }
    auto report = m_services.tills.report(m_tillId);
    if (!report) {
        m_messageBar->showError(report.error());
        return;
    }
    showReport(*report);
}

void TillTab::clearReport()
{
    m_state = -1;
    m_expectedFen = 0;
    m_stateLabel->setText(tr("No till is open at this counter. Count the float and open the till."));
    m_xReportTable->setRowCount(0);
    m_cashLabel->clear();
    updateCountedTotal();
    updateButtons();
}

void TillTab::showReport(const TillReport &report)
{
    m_tillId = report.tillId;
    m_state = int(report.state);
    m_expectedFen = report.expectedCash.fen();
    const QString opened = tr("opened by %1 at %2 with a float of %3")
                               .arg(report.openedByName, report.openedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                    report.openingFloat.toDisplayString());
    switch (report.state) {
    case TillState::Open:
        m_stateLabel->setText(tr("Till %1 of counter %2 is open, %3.").arg(report.tillId).arg(report.counterId, opened));
        break;
    case TillState::Closing:
        m_stateLabel->setText(tr("Till %1 is counted with a variance of %2 (%3) and waits for a supervisor's approval.")
                                  .arg(report.tillId)
                                  .arg(report.variance.toDisplayString(), report.varianceNote));
        break;
    case TillState::Closed:
        m_stateLabel->setText(tr("Till %1 is closed (counted %2, variance %3).")
                                  .arg(report.tillId)
                                  .arg(report.countedCash.toDisplayString(), report.variance.toDisplayString()));
        break;
    }

    if (report.counted) { // the frozen count, as the 日结单 prints it
        const QSignalBlocker blocker(m_denominationTable);
        for (int row = 0; row < m_denominationTable->rowCount(); ++row) {
            const qint64 fen = m_denominationTable->item(row, 0)->data(Qt::UserRole).toLongLong();
            m_denominationTable->item(row, CountColumn)->setText(QString::number(report.denominations.value(fen)));
        }
        m_varianceNoteEdit->setText(report.varianceNote);
    }

    m_xReportTable->setRowCount(0);
    auto addRow = [this](const QString &label, int count, Money total, bool bold) {
        const int row = m_xReportTable->rowCount();
        m_xReportTable->insertRow(row);
        QList<QTableWidgetItem *> items{readOnlyItem(label), readOnlyItem(QString::number(count), Right),
                                        readOnlyItem(total.toString(), Right)};
        for (int column = 0; column < items.size(); ++column) {
            if (bold) {
                QFont font = items.at(column)->font();
                font.setBold(true);
                items.at(column)->setFont(font);
            }
            m_xReportTable->setItem(row, column, items.at(column));
        }
    };
    for (const models::TillTakings &channel : report.channels) {
        addRow(models::DailyCloseReport::channelLabel(channel.code), channel.count, channel.total, true);
        for (const models::TillTakings &method : report.methods) {
            if (method.channel == channel.code && method.code != channel.code)
                addRow(QStringLiteral("    ") + models::DailyCloseReport::methodLabel(method.code), method.count, method.total, false);
        }
    }
    addRow(tr("All payments"), report.paymentCount, report.totalCollected, true);
    if (report.refundCount > 0) {
        addRow(tr("Refunds (退款), money out"), report.refundCount, report.totalRefunded, true);
        for (const models::TillTakings &refund : report.refunds)
            addRow(QStringLiteral("    ") + models::DailyCloseReport::methodLabel(refund.code), refund.count, refund.total, false);
    }

    m_cashLabel->setText(tr("Cash expected in the till: %1 (float %2 + cash in %3 − cash out %4)")
                             .arg(report.expectedCash.toDisplayString(), report.openingFloat.toDisplayString(),
                                  report.cashIn.toDisplayString(), report.cashOut.toDisplayString()));
    if (!report.openAttempts.isEmpty())
        m_messageBar->showMessage(MessageBar::Kind::Info,
                                  tr("Payments still in progress at this counter: %1").arg(report.openAttempts.join(tr("; "))));
    updateCountedTotal();
    updateButtons();
}

QMap<qint64, qint64> TillTab::enteredCount(bool *ok) const
{
    QMap<qint64, qint64> count;
    *ok = true;
    for (int row = 0; row < m_denominationTable->rowCount(); ++row) {
        const qint64 fen = m_denominationTable->item(row, 0)->data(Qt::UserRole).toLongLong();
        const QString text = m_denominationTable->item(row, CountColumn)->text().trimmed();
        if (text.isEmpty())
            continue;
        bool valid = false;
        const qint64 n = text.toLongLong(&valid);
        if (!valid || n < 0) {
            *ok = false;
            continue;
        }
        if (n > 0)
            count.insert(fen, n);
    }
    return count;
}

void TillTab::updateCountedTotal()
{
    const QSignalBlocker blocker(m_denominationTable);
    for (int row = 0; row < m_denominationTable->rowCount(); ++row) {
        const qint64 fen = m_denominationTable->item(row, 0)->data(Qt::UserRole).toLongLong();
        bool valid = false;
        const qint64 n = m_denominationTable->item(row, CountColumn)->text().trimmed().toLongLong(&valid);
        // Counts up to the service's limit (10,000,000 pieces) show their exact amount; a count
        // beyond it is refused by the service and shows "?" here.
        const bool shown = valid && n >= 0 && n <= 10'000'000;
        m_denominationTable->item(row, AmountColumn)->setText(shown ? Money::fromFen(fen * n).toString() : tr("?"));
    }
    bool ok = false;
    const QMap<qint64, qint64> count = enteredCount(&ok);
    const models::Result<Money> total = TillService::countedTotal(count);
    if (!ok || !total) {
        m_countedLabel->setText(tr("Counted: — (check the counts: whole numbers of notes and coins)"));
        return;
    }
    if (m_state == int(TillState::Open)) {
        const Money variance = Money::fromFen(total->fen() - m_expectedFen);
        m_countedLabel->setText(tr("Counted: %1 · expected: %2 · variance: %3")
                                    .arg(total->toDisplayString(), Money::fromFen(m_expectedFen).toDisplayString(),
                                         variance.toDisplayString()));
    } else {
        m_countedLabel->setText(tr("Counted: %1").arg(total->toDisplayString()));
    }
}

void TillTab::updateButtons()
{
    const bool open = m_state == int(TillState::Open);
    const bool supervisor = models::isAllowed(m_actor, models::Permission::ApproveVariance);
    m_openButton->setEnabled(!open && m_state != int(TillState::Closing));
    m_floatEdit->setEnabled(m_openButton->isEnabled());
    m_closeButton->setEnabled(open);
    m_denominationTable->setEnabled(open);
    m_varianceNoteEdit->setEnabled(open);
    m_approveButton->setVisible(supervisor);
    m_approveButton->setEnabled(supervisor && m_state == int(TillState::Closing));
    m_reportButton->setEnabled(m_tillId > 0);
    m_refreshButton->setEnabled(true);
}

void TillTab::openTill()
{
    if (!m_openButton->isEnabled())
        return;
    const std::optional<Money> amount = Money::parse(m_floatEdit->text());
    if (!amount) {
        m_messageBar->showMessage(MessageBar::Kind::Error, tr("Enter the opening float in yuan, e.g. 1000.00."));
        return;
    }
    auto opened = m_services.tills.open(m_actor, *amount);
    if (!opened) {
        m_messageBar->showError(opened.error());
        return;
    }
    m_floatEdit->clear();
    for (int row = 0; row < m_denominationTable->rowCount(); ++row)
        m_denominationTable->item(row, CountColumn)->setText(QStringLiteral("0"));
    m_varianceNoteEdit->clear();
    m_messageBar->showMessage(MessageBar::Kind::Success,
                              tr("Till opened with a float of %1.").arg(opened->openingFloat.toDisplayString()));
    showReport(*opened);
}

void TillTab::closeTill()
{
    if (m_tillId == 0 || m_state != int(TillState::Open))
        return;
    bool ok = false;
    const QMap<qint64, qint64> count = enteredCount(&ok);
    if (!ok) {
        m_messageBar->showMessage(MessageBar::Kind::Error, tr("Every count must be a whole number of notes or coins."));
        return;
    }
    auto closed = m_services.tills.close(m_actor, m_tillId, count, m_varianceNoteEdit->text().trimmed());
    if (!closed) {
        m_messageBar->showError(closed.error());
        return;
    }
    if (closed->state == TillState::Closed)
        m_messageBar->showMessage(MessageBar::Kind::Success,
                                  tr("Till closed: the count of %1 matches.").arg(closed->countedCash.toDisplayString()));
    else
        m_messageBar->showMessage(MessageBar::Kind::Info,
                                  tr("Variance of %1 recorded. A supervisor must approve it to close the till.")
                                      .arg(closed->variance.toDisplayString()));
    showReport(*closed);
}

void TillTab::approveVariance()
{
    if (m_tillId == 0 || m_state != int(TillState::Closing))
        return;
    auto approved = m_services.tills.approveVariance(m_actor, m_tillId);
    if (!approved) {
        m_messageBar->showError(approved.error());
        return;
    }
    m_messageBar->showMessage(MessageBar::Kind::Success,
                              tr("Variance of %1 approved; the till is closed.").arg(approved->variance.toDisplayString()));
    showReport(*approved);
}

void TillTab::saveDailyReport()
{
    if (m_tillId == 0)
        return;
    auto report = m_services.tills.report(m_tillId);
    if (!report) {
        m_messageBar->showError(report.error());
        return;
    }
    auto pdf = models::DailyCloseReport::renderPdf(*report);
    if (!pdf) {
        m_messageBar->showError(pdf.error());
        return;
    }
    const QString suggested = QStringLiteral("daily-close-%1-%2.pdf")
                                  .arg(report->counterId, report->businessDate.toString(Qt::ISODate));
    const std::optional<QString> path =
        m_interaction.saveFileName(this, tr("Save daily close report"), suggested, tr("PDF files (*.pdf)"));
    if (!path)
        return;
    QSaveFile file(*path);
    if (!file.open(QIODevice::WriteOnly) || file.write(*pdf) != pdf->size() || !file.commit()) {
        m_messageBar->showMessage(MessageBar::Kind::Error, tr("The report cannot be saved to %1.").arg(*path));
        return;
    }
    m_messageBar->showMessage(MessageBar::Kind::Success, tr("Daily close report saved to %1.").arg(*path));
}

} // namespace fund::ui
