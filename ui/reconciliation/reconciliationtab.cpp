#include "ui/reconciliation/reconciliationtab.h"

#include "models/services/appservices.h"
#include "models/services/paymentservice.h"
#include "models/services/permissions.h"
#include "ui/interaction.h"
#include "ui/widgets/messagebar.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QStringDecoder>
#include <QTableWidget>
#include <QVBoxLayout>

namespace fund::ui {

using models::BillChannel;
using models::ReconciliationItem;
using Category = models::ReconciliationItem::Category;

namespace {

QColor categoryColor(Category category)
{
    switch (category) {
    case Category::Matched:
        return QColor(0xe8, 0xf5, 0xe9); // green
    case Category::LocalOnly:
        return QColor(0xff, 0xf8, 0xe1); // amber
    case Category::ChannelOnly:
        return QColor(0xff, 0xeb, 0xee); // red
    case Category::AmountMismatch:
        return QColor(0xff, 0xe0, 0xb2); // orange
    }
    return {};
}

// A POS settlement file is UTF-8 or GB18030; anything that is not valid UTF-8 is read as GB18030.
QString decodeSettlement(const QByteArray &bytes)
{
    QStringDecoder utf8(QStringDecoder::Utf8);
    QString text = utf8(bytes);
    if (!utf8.hasError())
        return text;
    QStringDecoder gb("GB18030");
    if (gb.isValid()) {
        text = gb(bytes);
        if (!gb.hasError())
            return text;
    }
    return QString::fromUtf8(bytes);
}

// The bill's times are Beijing time already; a local-only line carries the payment's paid_at in
// UTC, shown in Beijing time like the others.
QString displayTime(const ReconciliationItem &item)
{
    if (item.category != Category::LocalOnly)
        return item.happenedAt;
    const QDateTime utc = QDateTime::fromString(item.happenedAt, Qt::ISODateWithMs);
    if (!utc.isValid())
        return item.happenedAt;
    return utc.toOffsetFromUtc(8 * 3600).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace

ReconciliationTab::ReconciliationTab(models::AppServices &services, Interaction &interaction, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_interaction(interaction)
{
    setObjectName(QStringLiteral("reconciliationTab"));
    auto *layout = new QVBoxLayout(this);

    m_messageBar = new MessageBar(this);
    m_messageBar->setObjectName(QStringLiteral("reconciliationMessageBar"));
    layout->addWidget(m_messageBar);

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Channel:"), this));
    m_channelCombo = new QComboBox(this);
    m_channelCombo->setObjectName(QStringLiteral("channelCombo"));
    m_channelCombo->addItem(tr("WeChat Pay"), int(BillChannel::Wechat));
    m_channelCombo->addItem(tr("Alipay"), int(BillChannel::Alipay));
    m_channelCombo->addItem(tr("POS (bank card)"), int(BillChannel::Pos));
    bar->addWidget(m_channelCombo);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Business day:"), this));
    m_dateEdit = new QDateEdit(QDate::currentDate(), this);
    m_dateEdit->setObjectName(QStringLiteral("reconciliationDateEdit"));
    m_dateEdit->setCalendarPopup(true);
    m_dateEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    bar->addWidget(m_dateEdit);
    bar->addSpacing(12);
    m_importButton = new QPushButton(tr("Import bill…"), this);
    m_importButton->setObjectName(QStringLiteral("importBillButton"));
    bar->addWidget(m_importButton);
    m_reconcileButton = new QPushButton(tr("Reconcile"), this);
    m_reconcileButton->setObjectName(QStringLiteral("reconcileButton"));
    bar->addWidget(m_reconcileButton);
    bar->addStretch(1);
    m_exportButton = new QPushButton(tr("Export CSV…"), this);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    bar->addWidget(m_exportButton);
    layout->addLayout(bar);

    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("reconciliationSummaryLabel"));
    m_summaryLabel->setTextFormat(Qt::PlainText);
    QFont summaryFont = m_summaryLabel->font();
    summaryFont.setBold(true);
    m_summaryLabel->setFont(summaryFont);
    layout->addWidget(m_summaryLabel);

    m_table = new QTableWidget(0, 6, this);
    m_table->setObjectName(QStringLiteral("reconciliationTable"));
    m_table->setHorizontalHeaderLabels({tr("Category"), tr("Order number / RRN"), tr("Local amount"),
                                        tr("Channel amount"), tr("Local state"), tr("Time")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);

    connect(m_importButton, &QPushButton::clicked, this, &ReconciliationTab::importBill);
    connect(m_reconcileButton, &QPushButton::clicked, this, &ReconciliationTab::reconcile);
    connect(m_exportButton, &QPushButton::clicked, this, &ReconciliationTab::exportResult);
    connect(m_channelCombo, &QComboBox::currentIndexChanged, this, &ReconciliationTab::clearResult);
    connect(m_dateEdit, &QDateEdit::dateChanged, this, &ReconciliationTab::clearResult);

    clearResult();
}

ReconciliationTab::~ReconciliationTab() = default;

void ReconciliationTab::setActor(const models::StaffMember &actor)
{
    m_actor = actor;
    m_messageBar->clearMessage();
    const bool allowed = models::isAllowed(actor, models::Permission::Reconcile);
    m_importButton->setEnabled(allowed);
    m_reconcileButton->setEnabled(allowed);
    clearResult();
}

BillChannel ReconciliationTab::channel() const
{
    return BillChannel(m_channelCombo->currentData().toInt());
}

void ReconciliationTab::clearResult()
{
    m_result.reset();
    m_table->setRowCount(0);
    m_summaryLabel->setText(tr("Import the channel's bill for the day, then reconcile."));
    m_exportButton->setEnabled(false);
}

void ReconciliationTab::importBill()
{
    const BillChannel billChannel = channel();
    const QString filter = billChannel == BillChannel::Alipay ? tr("Alipay bills (*.zip);;All files (*)")
                                                               : tr("CSV files (*.csv *.txt);;All files (*)");
    const std::optional<QString> path =
        m_interaction.openFileName(this, tr("Import the %1 bill").arg(models::billChannelLabel(billChannel)), QString(), filter);
    if (!path)
        return;
    QFile file(*path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_messageBar->showMessage(MessageBar::Kind::Error, tr("The file %1 cannot be read.").arg(*path));
        return;
    }
    const QByteArray bytes = file.readAll();
    models::Result<models::BillImport> imported = [&] {
        switch (billChannel) {
        case BillChannel::Alipay:
            return m_services.reconciliation.importAlipayBill(m_actor, bytes);
        case BillChannel::Pos:
            return m_services.reconciliation.importPosSettlement(m_actor, decodeSettlement(bytes));
        case BillChannel::Wechat:
            break;
        }
        return m_services.reconciliation.importWechatBill(m_actor, bytes);
    }();
    if (!imported) {
        m_messageBar->showError(imported.error());
        return;
    }
    m_dateEdit->setDate(imported->billDate); // clears the previous result
    const QString what = tr("%n line(s)", nullptr, imported->rows);
    m_messageBar->showMessage(
        MessageBar::Kind::Success,
        imported->alreadyImported
            ? tr("This %1 bill of %2 was imported before (%3); nothing changed.")
                  .arg(models::billChannelLabel(billChannel), imported->billDate.toString(Qt::ISODate), what)
            : tr("Imported the %1 bill of %2: %3.")
                  .arg(models::billChannelLabel(billChannel), imported->billDate.toString(Qt::ISODate), what));
}

void ReconciliationTab::reconcile()
{
    auto result = m_services.reconciliation.reconcile(m_actor, channel(), m_dateEdit->date());
    if (!result) {
        clearResult();
        m_messageBar->showError(result.error());
        return;
    }
    if (m_messageBar->kind() == MessageBar::Kind::Error)
        m_messageBar->clearMessage(); // the import's confirmation stays
    showResult(*result);
}

void ReconciliationTab::showResult(const models::ReconciliationResult &result)
{
    m_result = result;
    m_table->setRowCount(0);
    auto categoryLabel = [this](Category category) {
        switch (category) {
        case Category::Matched:
            return tr("Matched");
        case Category::LocalOnly:
            return tr("Local only");
        case Category::ChannelOnly:
            return tr("Channel only");
        case Category::AmountMismatch:
            return tr("Amount mismatch");
        }
        return QString();
    };
    auto addItems = [&](const QList<ReconciliationItem> &items) {
        for (const ReconciliationItem &item : items) {
            const int row = m_table->rowCount();
            m_table->insertRow(row);
            const bool hasLocal = item.paymentId != 0;
            const bool hasChannel = item.category != Category::LocalOnly;
            const QStringList texts{categoryLabel(item.category),
                                    item.key,
                                    hasLocal ? item.localAmount.toString() : tr("—"),
                                    hasChannel ? item.channelAmount.toString() : tr("—"),
                                    hasLocal ? models::paymentStateLabel(item.localState) : tr("—"),
                                    displayTime(item)};
            const QColor background = categoryColor(item.category);
            for (int column = 0; column < texts.size(); ++column) {
                auto *cell = new QTableWidgetItem(texts.at(column));
                cell->setBackground(background);
                cell->setForeground(QColor(0x21, 0x21, 0x21));
                if (column == 2 || column == 3)
                    cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                if (column == 0)
                    cell->setData(Qt::UserRole, models::reconciliationCategoryCode(item.category));
                m_table->setItem(row, column, cell);
            }
        }
    };
    addItems(result.channelOnly);
    addItems(result.amountMismatch);
    addItems(result.localOnly);
    addItems(result.matched);
    m_summaryLabel->setText(tr("%1 · %2 — matched: %3 · local only: %4 · channel only: %5 · amount mismatch: %6")
                                .arg(models::billChannelLabel(result.channel), result.date.toString(Qt::ISODate))
                                .arg(result.matched.size())
                                .arg(result.localOnly.size())
                                .arg(result.channelOnly.size())
                                .arg(result.amountMismatch.size()));
    m_summaryLabel->setStyleSheet(result.clean() ? QStringLiteral("QLabel { color: #2e7d32; }")
                                                 : QStringLiteral("QLabel { color: #c62828; }"));
    m_exportButton->setEnabled(true);
}

void ReconciliationTab::exportResult()
{
    if (!m_result)
        return;
    const QString suggested = QStringLiteral("reconciliation-%1-%2.csv")
                                  .arg(models::billChannelCode(m_result->channel), m_result->date.toString(Qt::ISODate));
    const std::optional<QString> path =
        m_interaction.saveFileName(this, tr("Export reconciliation"), suggested, tr("CSV files (*.csv)"));
    if (!path)
        return;
    const QByteArray csv = models::ReconciliationService::exportCsv(*m_result);
    QSaveFile file(*path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit()) {
        m_messageBar->showMessage(MessageBar::Kind::Error, tr("The reconciliation cannot be saved to %1.").arg(*path));
        return;
    }
    m_messageBar->showMessage(MessageBar::Kind::Success, tr("Reconciliation exported to %1.").arg(*path));
}

} // namespace fund::ui
