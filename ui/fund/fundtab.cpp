#include "ui/fund/fundtab.h"

#include "ui_fundtab.h"

#include "models/itemmodels/ledgermodel.h"
#include "models/services/appservices.h"
#include "models/services/depositservice.h"
#include "models/services/houseservice.h"
#include "models/services/permissions.h"
#include "models/services/refundservice.h"
#include "models/session/countersession.h"
#include "ui/interaction.h"
#include "ui/payments/refunddialog.h"

#include <QBoxLayout>
#include <QItemSelectionModel>
#include <QPushButton>

#include <QHeaderView>
#include <QTimer>

namespace fund::ui {

FundTab::FundTab(models::AppServices &services, models::CounterSession &session, Interaction &interaction,
                 QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<::Ui::FundTab>())
    , m_services(services)
    , m_session(session)
    , m_interaction(interaction)
    , m_model(new models::LedgerModel(this))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("fundTab"));
    // Captions sit right above their figures, all on the baseline of the big balance.
    for (QLayout *box : {m_ui->firstDepositBox, m_ui->principalBox, m_ui->interestBox, m_ui->balanceBox})
        m_ui->figuresLayout->setAlignment(box, Qt::AlignBottom);
    m_ui->ledgerTable->setModel(m_model);
    QHeaderView *header = m_ui->ledgerTable->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(models::LedgerModel::MemoColumn, QHeaderView::Stretch);
    connect(&m_session, &models::CounterSession::changed, this, &FundTab::onSessionChanged);

    // 退款: supervisors only, on the entry of a collected payment.
    m_refundButton = new QPushButton(tr("Refund (退款)…"), this);
    m_refundButton->setObjectName(QStringLiteral("refundButton"));
    m_refundButton->setToolTip(tr("Refund the payment of the selected entry to the resident (supervisors)"));
    if (auto *box = qobject_cast<QBoxLayout *>(m_ui->ledgerTable->parentWidget()->layout())) {
        auto *row = new QHBoxLayout;
        row->addStretch();
        row->addWidget(m_refundButton);
        box->addLayout(row);
    }
    connect(m_refundButton, &QPushButton::clicked, this, &FundTab::refundSelected);
    connect(m_ui->ledgerTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &FundTab::updateRefundButton);
    connect(m_model, &QAbstractItemModel::modelReset, this, &FundTab::updateRefundButton);
    updateRefundButton();
    showEmpty();
}

FundTab::~FundTab() = default;

void FundTab::setActor(const models::StaffMember &actor)
{
    m_actor = actor;
    updateRefundButton();
}

void FundTab::updateRefundButton()
{
    if (!m_refundButton)
        return;
    // Clerks do not see it (the service refuses them anyway).
    m_refundButton->setVisible(m_services.refunds && models::isAllowed(m_actor, models::Permission::Refund));
    const QModelIndex current = m_ui->ledgerTable->currentIndex();
    m_refundButton->setEnabled(current.isValid() && current.data(models::LedgerModel::PaymentIdRole).toLongLong() > 0);
}

void FundTab::refundSelected()
{
    if (!m_services.refunds)
        return;
    const qint64 paymentId = m_ui->ledgerTable->currentIndex().data(models::LedgerModel::PaymentIdRole).toLongLong();
    if (paymentId <= 0)
        return;
    auto payment = m_services.deposits.payment(paymentId);
    if (!payment) {
        m_ui->messageBar->showError(payment.error());
        return;
    }
    RefundDialog dialog(*m_services.refunds, m_interaction, m_actor, *payment, this);
    dialog.exec();
    reload();
}

void FundTab::onSessionChanged()
{
    const qint64 houseId = m_session.house().id;
    const qint64 paymentId = m_session.payment().id;
    if (houseId == m_houseId && paymentId == m_paymentId)
        return;
    m_houseId = houseId;
    m_paymentId = paymentId;
    if (houseId == 0)
        showEmpty();
    else
        reload();
}

void FundTab::reload()
{
    m_ui->messageBar->clearMessage();
    auto statement = m_services.houses.statement(m_houseId);
    if (!statement) {
        showEmpty();
        m_ui->messageBar->showError(statement.error());
        return;
    }
    m_model->setStatement(*statement);
    m_ui->addressLabel->setText(m_session.house().address);
    m_ui->firstDepositLabel->setText(statement->firstDeposit.toDisplayString());
    m_ui->principalLabel->setText(statement->principal.toDisplayString());
    m_ui->interestLabel->setText(statement->interest.toDisplayString());
    m_ui->balanceLabel->setText(statement->balance().toDisplayString());
    m_ui->renewalWarning->setVisible(statement->isRenewalDue());
    if (statement->entries.isEmpty())
        m_ui->messageBar->showMessage(MessageBar::Kind::Info, tr("This house has no fund account entries yet."));
    m_ui->fundStack->setCurrentWidget(m_ui->contentPage);
    scrollToLatest();
}

void FundTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    scrollToLatest();
}

void FundTab::scrollToLatest()
{
    // The latest entries matter most; the table is laid out once the tab is shown.
    QTimer::singleShot(0, this, [this] {
        if (m_model->rowCount() > 0)
            m_ui->ledgerTable->scrollToBottom();
    });
}

void FundTab::showEmpty()
{
    m_model->setStatement({});
    m_ui->addressLabel->clear();
    m_ui->firstDepositLabel->clear();
    m_ui->principalLabel->clear();
    m_ui->interestLabel->clear();
    m_ui->balanceLabel->clear();
    m_ui->renewalWarning->hide();
    m_ui->fundStack->setCurrentWidget(m_ui->emptyPage);
}

} // namespace fund::ui
