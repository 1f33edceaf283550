#include "ui/payments/refunddialog.h"

#include "models/receipts/dailyclosereport.h"
#include "models/services/refundservice.h"
#include "ui/interaction.h"
#include "ui/widgets/messagebar.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace fund::ui {

RefundDialog::RefundDialog(models::RefundService &refunds, Interaction &interaction, const models::StaffMember &supervisor,
                           const models::PaymentRecord &payment, QWidget *parent)
    : QDialog(parent)
    , m_refunds(refunds)
    , m_interaction(interaction)
    , m_supervisor(supervisor)
    , m_payment(payment)
{
    setObjectName(QStringLiteral("refundDialog"));
    setWindowTitle(tr("Refund (退款)"));
    auto *layout = new QVBoxLayout(this);

    auto *caption = new QLabel(tr("Amount to refund (退款金额)"), this);
    layout->addWidget(caption);
    m_amountLabel = new QLabel(payment.amount.toDisplayString(), this);
    m_amountLabel->setObjectName(QStringLiteral("refundAmountLabel"));
    QFont big = m_amountLabel->font();
    big.setPointSizeF(big.pointSizeF() * 2.4);
    big.setBold(true);
    m_amountLabel->setFont(big);
    m_amountLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
    layout->addWidget(m_amountLabel);

    auto *form = new QFormLayout;
    form->addRow(tr("Deposit (业务流水号):"), new QLabel(payment.serialNo, this));
    form->addRow(tr("Payer:"), new QLabel(payment.payerName, this));
    form->addRow(tr("Paid by:"), new QLabel(models::DailyCloseReport::methodLabel(payment.method), this));
    form->addRow(tr("Paid at:"), new QLabel(payment.paidAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), this));
    form->addRow(tr("Order number:"), new QLabel(payment.outTradeNo, this));
    m_reasonEdit = new QLineEdit(this);
    m_reasonEdit->setObjectName(QStringLiteral("refundReasonEdit"));
    m_reasonEdit->setPlaceholderText(tr("Why the money goes back (mandatory)"));
    form->addRow(tr("Reason (退款原因):"), m_reasonEdit);
    m_referenceEdit = new QLineEdit(this);
    m_referenceEdit->setObjectName(QStringLiteral("refundReferenceEdit"));
    m_referenceEdit->setMaxLength(12);
    m_referenceEdit->setPlaceholderText(tr("12 digits from the POS refund slip"));
    if (payment.method == QLatin1String("card"))
        form->addRow(tr("Refund slip reference (参考号):"), m_referenceEdit);
    else
        m_referenceEdit->hide();
    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(QStringLiteral("refundStateLabel"));
    form->addRow(tr("Refund state:"), m_stateLabel);
    layout->addLayout(form);

    m_messageBar = new MessageBar(this);
    layout->addWidget(m_messageBar);

    auto *buttons = new QDialogButtonBox(this);
    m_refundButton = buttons->addButton(tr("Refund (退款)"), QDialogButtonBox::ActionRole);
    m_refundButton->setObjectName(QStringLiteral("refundButton"));
    m_queryButton = buttons->addButton(tr("Query result (查询)"), QDialogButtonBox::ActionRole);
    m_queryButton->setObjectName(QStringLiteral("refundQueryButton"));
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    layout->addWidget(buttons);
    connect(m_refundButton, &QPushButton::clicked, this, &RefundDialog::refund);
    connect(m_queryButton, &QPushButton::clicked, this, &RefundDialog::queryResult);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(&m_refunds, &models::RefundService::refundChanged, this, [this](qint64 id) {
        if (id == m_refundId && !m_busy) {
            if (auto f = m_refunds.refund(id))
                showRefund(*f);
        }
    });

    // A refund already in flight for this payment is shown and continued, never doubled.
    if (auto live = m_refunds.liveRefundForPayment(payment.id); live && live->id != 0) {
        m_refundId = live->id;
        m_reasonEdit->setText(live->reason);
        showRefund(*live);
    } else if (auto refusal = m_refunds.checkRefundable(supervisor, payment.id); !refusal) {
        m_messageBar->showError(refusal.error());
        m_final = true;
    } else {
        m_stateLabel->setText(tr("not requested yet"));
    }
    updateButtons();
    resize(sizeHint().expandedTo(QSize(520, 0)));
}

RefundDialog::~RefundDialog() = default;

void RefundDialog::refund()
{
    if (m_busy || m_final)
        return;
    const QString reason = m_reasonEdit->text().trimmed();
    if (m_refundId == 0) {
        if (reason.isEmpty()) {
            m_messageBar->showMessage(MessageBar::Kind::Error, tr("Enter the reason for the refund."));
            m_reasonEdit->setFocus();
            return;
        }
        if (!m_interaction.confirm(this, tr("Refund (退款)"),
                                   tr("Refund %1 to %2 by %3 for deposit %4? The deposit becomes due again (待交存).")
                                       .arg(m_payment.amount.toDisplayString(), m_payment.payerName,
                                            models::DailyCloseReport::methodLabel(m_payment.method), m_payment.serialNo)))
            return;
    }
    m_busy = true;
    updateButtons();
    if (m_refundId == 0) {
        auto requested = m_refunds.request(m_supervisor, m_payment.id, reason);
        if (!requested) {
            m_busy = false;
            m_messageBar->showError(requested.error());
            updateButtons();
            return;
        }
        m_refundId = requested->id;
        showRefund(*requested);
    }
    QPointer<RefundDialog> self(this);
    m_refunds.submit(m_refundId, m_referenceEdit->text(), [self](models::Result<models::PaymentRefund> r) {
        if (!self)
            return;
        self->m_busy = false;
        if (auto f = self->m_refunds.refund(self->m_refundId))
            self->showRefund(*f);
        if (!r)
            self->m_messageBar->showError(r.error());
        self->updateButtons();
    });
}

void RefundDialog::queryResult()
{
    if (m_busy || m_refundId == 0)
        return;
    m_busy = true;
    updateButtons();
    QPointer<RefundDialog> self(this);
    m_refunds.query(m_refundId, [self](models::Result<models::PaymentRefund> r) {
        if (!self)
            return;
        self->m_busy = false;
        if (auto f = self->m_refunds.refund(self->m_refundId))
            self->showRefund(*f);
        if (!r)
            self->m_messageBar->showError(r.error());
        self->updateButtons();
    });
}

void RefundDialog::showRefund(const models::PaymentRefund &refund)
{
    m_stateLabel->setText(tr("%1 (refund number %2)").arg(models::refundStateLabel(models::refundStateCode(refund.state)), refund.outRefundNo));
    m_reasonEdit->setReadOnly(true);
    switch (refund.state) {
    case models::RefundRequestState::Succeeded:
        m_final = true;
        m_messageBar->showMessage(MessageBar::Kind::Success,
                                  tr("Refunded %1. The deposit is due again (待交存).").arg(refund.amount.toDisplayString()));
        break;
    case models::RefundRequestState::Failed:
        m_final = true;
        m_messageBar->showMessage(MessageBar::Kind::Error, tr("The refund failed: %1 Nothing was refunded.").arg(refund.failure));
        break;
    case models::RefundRequestState::Unknown:
    case models::RefundRequestState::Processing:
        m_messageBar->showMessage(MessageBar::Kind::Info,
                                  tr("The channel has not confirmed the refund yet. Query the result; do not refund again."));
        break;
    case models::RefundRequestState::Requested:
        break;
    }
    updateButtons();
}

void RefundDialog::updateButtons()
{
    const bool open = m_refundId != 0 && !m_final;
    m_refundButton->setEnabled(!m_busy && !m_final);
    m_refundButton->setText(m_refundId == 0 ? tr("Refund (退款)") : tr("Send the refund again (same number)"));
    m_queryButton->setVisible(m_refundId != 0);
    m_queryButton->setEnabled(!m_busy && open);
    m_reasonEdit->setEnabled(!m_final);
}

} // namespace fund::ui
