#include "ui/payments/paymenttab.h"
#include "ui_paymenttab.h"

#include "models/core/error.h"
#include "models/itemmodels/depositrequestmodel.h"
#include "models/services/appservices.h"
#include "models/services/depositservice.h"
#include "models/services/lookupservice.h"
#include "models/session/countersession.h"
#include "ui/interaction.h"
#include "ui/widgets/messagebar.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QScopeGuard>
#include <QSignalBlocker>

namespace fund::ui {

using models::CounterSession;
using models::DepositRequest;
using models::Money;

namespace {
const QString ChangeOkStyle = QStringLiteral("color: #1b5e20;");
const QString ChangeShortStyle = QStringLiteral("color: #b71c1c;");
} // namespace

PaymentTab::PaymentTab(models::AppServices &services, models::CounterSession &session, Interaction &interaction,
                       QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<::Ui::PaymentTab>())
    , m_services(services)
    , m_session(session)
    , m_interaction(interaction)
    , m_model(new models::DepositRequestModel(this))
{
    setObjectName(QStringLiteral("paymentTab"));
    m_ui->setupUi(this);

    // The amount due is the biggest text on the tab; the change is the second thing the clerk reads.
    QFont dueFont = m_ui->amountDueLabel->font();
    dueFont.setPointSize(32);
    dueFont.setBold(true);
    m_ui->amountDueLabel->setFont(dueFont);
    QFont changeFont = m_ui->changeLabel->font();
    changeFont.setPointSize(16);
    changeFont.setBold(true);
    m_ui->changeLabel->setFont(changeFont);
    QFont collectFont = m_ui->collectButton->font();
    collectFont.setPointSize(14);
    collectFont.setBold(true);
    m_ui->collectButton->setFont(collectFont);
    m_ui->collectButton->setMinimumHeight(44);

    m_ui->depositTable->setModel(m_model);
    m_ui->depositTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->amountEdit->setReadOnly(true);

    connect(m_ui->depositTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PaymentTab::onCurrentRowChanged);
    connect(m_ui->quickFindButton, &QPushButton::clicked, this, &PaymentTab::quickFind);
    connect(m_ui->ownerNameEdit, &QLineEdit::returnPressed, this, &PaymentTab::quickFind);
    connect(m_ui->serialEdit, &QLineEdit::returnPressed, m_ui->ownerNameEdit, qOverload<>(&QWidget::setFocus));
    connect(m_ui->amountEdit, &QLineEdit::textChanged, this, &PaymentTab::onAmountEdited);
    connect(m_ui->amountEdit, &QLineEdit::editingFinished, this, [this] {
        if (!m_request || m_request->fixedAmount || m_ui->amountEdit->text().trimmed().isEmpty())
            return;
        QString why;
        if (!validAmount(&why))
            showAmountError(why);
    });
    connect(m_ui->tenderedEdit, &QLineEdit::textChanged, this, &PaymentTab::onTenderedEdited);
    connect(m_ui->payerNameEdit, &QLineEdit::textEdited, this, [this] { m_payerEdited = true; });
    // The button alone starts a collection; Enter in a field never does (a held key repeats).
    connect(m_ui->collectButton, &QPushButton::clicked, this, &PaymentTab::collect);
    connect(&m_session, &CounterSession::changed, this, &PaymentTab::onSessionChanged);

    clearForm();
    onSessionChanged();
}

PaymentTab::~PaymentTab() = default;

void PaymentTab::setActor(const models::StaffMember &actor)
{
    m_actor = actor;
    updateCollectEnabled();
}

void PaymentTab::onSessionChanged()
{
    const models::HouseSummary &house = m_session.house();
    if (house.id != m_houseId) {
        m_houseId = house.id;
        m_payerEdited = false;
        m_request.reset();
        clearForm();
        m_ui->messageBar->clearMessage();
        reloadPending();
    }
    m_ui->houseLabel->setText(house.id != 0 ? tr("House: %1").arg(house.address)
                                            : tr("No house is being served. Find one on the Houses tab, or use quick deposit."));
    if (!m_payerEdited && m_ui->payerNameEdit->text() != m_session.ownerName())
        m_ui->payerNameEdit->setText(m_session.ownerName());
    updateAmountDue();
    updateChange();
    updateCollectEnabled();
}

void PaymentTab::reloadPending()
{
    if (m_houseId == 0) {
        m_model->setRequests({});
        m_request.reset();
        clearForm();
        return;
    }
    auto requests = m_services.deposits.pendingForHouse(m_houseId);
    if (!requests) {
        m_ui->messageBar->showError(requests.error());
        m_model->setRequests({});
    } else {
        m_model->setRequests(*requests);
    }
    // A reset model forgets the current row without telling: keep the request only if still pending.
    if (m_request) {
        int row = -1;
        for (int i = 0; i < m_model->rowCount(); ++i) {
            if (m_model->request(i).id == m_request->id)
                row = i;
        }
        if (row >= 0) {
            m_ui->depositTable->selectionModel()->setCurrentIndex(
                m_model->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        } else {
            m_request.reset();
            clearForm();
        }
    }
    updateCollectEnabled();
}

void PaymentTab::selectRequest(qint64 depositId)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->request(row).id == depositId) {
            m_ui->depositTable->selectionModel()->setCurrentIndex(
                m_model->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_ui->depositTable->scrollTo(m_model->index(row, 0));
            return;
        }
    }
}

void PaymentTab::onCurrentRowChanged()
{
    const QModelIndex current = m_ui->depositTable->selectionModel()->currentIndex();
    if (!current.isValid()) {
        m_request.reset();
        clearForm();
        updateAmountDue();
        updateCollectEnabled();
        return;
    }
    const DepositRequest &request = m_model->request(current.row());
    if (m_request && m_request->id == request.id)
        return;
    m_request = request;
    m_ui->messageBar->clearMessage();
    showAmountError(QString());
    m_ui->depositLabel->setText(tr("%1 · %2 · due %3")
                                    .arg(request.serialNo, models::depositKindLabel(request.kind),
                                         request.dueDate.isValid() ? request.dueDate.toString(Qt::ISODate) : tr("no due date")));
    {
        const QSignalBlocker amountBlocker(m_ui->amountEdit);
        const QSignalBlocker tenderedBlocker(m_ui->tenderedEdit);
        m_ui->tenderedEdit->clear();
        if (request.fixedAmount) {
            m_ui->amountEdit->setReadOnly(true);
            m_ui->amountEdit->setText(request.amount.toString());
            showAmountHint(tr("Fixed amount: confirm it with the payer."));
        } else {
            m_ui->amountEdit->setReadOnly(false);
            m_ui->amountEdit->clear();
            showAmountHint(tr("Enter an amount between %1 and %2 yuan.").arg(request.minimum.toString(), request.maximum.toString()));
        }
    }
    m_session.setDeposit(request, request.fixedAmount ? request.amount : Money());
    if (request.fixedAmount)
        m_ui->tenderedEdit->setFocus();
    else
        m_ui->amountEdit->setFocus();
    updateCollectEnabled();
}

void PaymentTab::onAmountEdited()
{
    if (!m_request || m_request->fixedAmount)
        return;
    showAmountError(QString());
    QString why;
    const auto amount = validAmount(&why);
    // The customer display shows an amount only once it is valid.
    m_session.setDeposit(*m_request, amount.value_or(Money()));
    if (const auto tendered = parsedTendered(); tendered && !tendered->isNegative())
        m_session.setTendered(*tendered);
}

void PaymentTab::onTenderedEdited()
{
    if (m_request && m_session.stage() == CounterSession::Stage::AwaitingPayment) {
        const auto tendered = parsedTendered();
        m_session.setTendered(tendered && !tendered->isNegative() ? *tendered : Money());
    } else {
        updateChange();
    }
}

std::optional<Money> PaymentTab::validAmount(QString *why) const
{
    if (!m_request) {
        *why = tr("Select a pending deposit first.");
        return std::nullopt;
    }
    const QString text = m_ui->amountEdit->text().trimmed();
    std::optional<Money> amount = m_request->fixedAmount ? std::optional<Money>(m_request->amount) : Money::parse(text);
    if (!amount) {
        *why = text.isEmpty() ? tr("Enter the amount to deposit in yuan, e.g. 1234.50.")
                              : tr("\"%1\" is not an amount in yuan. Type digits with at most two decimals, e.g. 1234.50.").arg(text);
        return std::nullopt;
    }
    if (auto valid = models::DepositService::validateAmount(*m_request, *amount); !valid) {
        *why = valid.error().message;
        return std::nullopt;
    }
    return amount;
}

std::optional<Money> PaymentTab::parsedTendered() const
{
    return Money::parse(m_ui->tenderedEdit->text());
}

void PaymentTab::showAmountError(const QString &message)
{
    m_ui->amountErrorLabel->setText(message);
    m_ui->formLayout->setRowVisible(m_ui->amountErrorLabel, !message.isEmpty());
}

void PaymentTab::showAmountHint(const QString &hint)
{
    m_ui->amountHintLabel->setText(hint);
    m_ui->formLayout->setRowVisible(m_ui->amountHintLabel, !hint.isEmpty());
}

void PaymentTab::clearForm()
{
    const QSignalBlocker amountBlocker(m_ui->amountEdit);
    const QSignalBlocker tenderedBlocker(m_ui->tenderedEdit);
    m_ui->amountEdit->clear();
    m_ui->amountEdit->setReadOnly(true);
    showAmountHint(QString());
    showAmountError(QString());
    m_ui->tenderedEdit->clear();
    if (m_houseId == 0)
        m_ui->depositLabel->clear();
    else if (m_model->rowCount() == 0)
        m_ui->depositLabel->setText(tr("This house has no pending deposit (待交存)."));
    else
        m_ui->depositLabel->setText(tr("Select a pending deposit to collect it."));
    updateAmountDue();
    updateChange();
}

void PaymentTab::updateAmountDue()
{
    const auto stage = m_session.stage();
    const bool paid = (stage == CounterSession::Stage::Paid || stage == CounterSession::Stage::ReceiptIssued)
                      && m_session.payment().id != 0;
    if (paid) {
        m_ui->amountDueCaption->setText(tr("Collected"));
        m_ui->amountDueLabel->setText(m_session.payment().amount.toDisplayString());
        m_ui->amountDueLabel->setStyleSheet(QStringLiteral("color: #1b5e20;"));
        return;
    }
    m_ui->amountDueCaption->setText(tr("Amount due"));
    const bool known = m_request && !m_session.amountDue().isZero();
    m_ui->amountDueLabel->setText(known ? m_session.amountDue().toDisplayString() : QStringLiteral("—"));
    m_ui->amountDueLabel->setStyleSheet(known ? QString() : QStringLiteral("color: #9e9e9e;"));
}

void PaymentTab::updateChange()
{
    const auto stage = m_session.stage();
    QString text;
    bool shortfall = false;
    if ((stage == CounterSession::Stage::Paid || stage == CounterSession::Stage::ReceiptIssued) && m_session.payment().id != 0) {
        text = m_session.change().toDisplayString();
    } else if (m_request && !m_ui->tenderedEdit->text().trimmed().isEmpty()) {
        const auto tendered = parsedTendered();
        const Money due = m_session.amountDue();
        if (!tendered || tendered->isNegative()) {
            text = tr("Not a valid amount");
            shortfall = true;
        } else if (due.isZero()) {
            text = tr("Enter the amount first");
            shortfall = true;
        } else if (*tendered < due) {
            text = tr("Not enough: %1 yuan short").arg((due - *tendered).toString());
            shortfall = true;
        } else {
            text = (*tendered - due).toDisplayString();
        }
    }
    m_ui->changeLabel->setText(text);
    m_ui->changeLabel->setStyleSheet(shortfall ? ChangeShortStyle : ChangeOkStyle);
}

void PaymentTab::updateCollectEnabled()
{
    m_ui->collectButton->setEnabled(!m_collecting && m_request.has_value() && m_actor.canCollect());
    m_ui->quickFindButton->setEnabled(!m_collecting);
}

void PaymentTab::quickFind()
{
    if (m_collecting)
        return;
    m_ui->messageBar->clearMessage();
    const QString ownerName = m_ui->ownerNameEdit->text().simplified();
    auto request = m_services.deposits.findForQuickDeposit(m_ui->serialEdit->text(), ownerName);
    if (!request) {
        m_ui->messageBar->showError(request.error());
        return;
    }
    if (!request->isPending()) {
        m_ui->messageBar->showMessage(MessageBar::Kind::Error,
                                      tr("Deposit %1 is not pending: it has already been paid or was cancelled. There is nothing to collect.")
                                          .arg(request->serialNo));
        return;
    }
    auto house = m_services.lookup.summary(request->houseId);
    if (!house) {
        m_ui->messageBar->showError(house.error());
        return;
    }
    // Quick deposit does not identify the payer as an owner: the owner's ID number stays unknown.
    m_session.beginService(*house, ownerName, QString());
    reloadPending();
    selectRequest(request->id);
    if (!m_request || m_request->id != request->id) {
        m_ui->messageBar->showMessage(MessageBar::Kind::Error,
                                      tr("Deposit %1 is no longer pending. Nothing to collect.").arg(request->serialNo));
        return;
    }
    m_ui->messageBar->showMessage(MessageBar::Kind::Info,
                                  tr("Found deposit %1 for %2.").arg(request->serialNo, house->address));
}

void PaymentTab::collect()
{
    // Exactly once: the first click disables the button before anything else happens, and the
    // flag refuses any click, key or queued event that still arrives while this call runs.
    if (m_collecting || !m_request)
        return;
    m_collecting = true;
    m_ui->collectButton->setEnabled(false);
    const auto done = qScopeGuard([this] {
        m_collecting = false;
        updateCollectEnabled();
    });

    m_ui->messageBar->clearMessage();
    QString why;
    const auto amount = validAmount(&why);
    if (!amount) {
        showAmountError(why);
        m_ui->messageBar->showMessage(MessageBar::Kind::Error, tr("Nothing was collected: %1").arg(why));
        m_ui->amountEdit->setFocus();
        return;
    }
    const auto tendered = parsedTendered();
    if (!tendered || tendered->isNegative()) {
        m_ui->messageBar->showMessage(MessageBar::Kind::Error,
                                      tr("Enter the cash handed over by the payer in yuan, e.g. 2000. Nothing was collected."));
        m_ui->tenderedEdit->setFocus();
        return;
    }
    if (*tendered < *amount) {
        m_ui->messageBar->showMessage(MessageBar::Kind::Error,
                                      tr("The cash handed over (%1 yuan) is less than the amount due (%2 yuan). Nothing was collected.")
                                          .arg(tendered->toString(), amount->toString()));
        m_ui->tenderedEdit->setFocus();
        return;
    }
    const QString payerName = m_ui->payerNameEdit->text().simplified();
    if (payerName.isEmpty()) {
        m_ui->messageBar->showMessage(MessageBar::Kind::Error, tr("Enter the payer's name (交款人). Nothing was collected."));
        m_ui->payerNameEdit->setFocus();
        return;
    }

    const DepositRequest request = *m_request;
    auto payment = m_services.deposits.collectCash(m_actor, request.id, models::CashTender{*amount, *tendered}, payerName);
    if (!payment) {
        m_ui->messageBar->showError(payment.error());
        // Paid or cancelled elsewhere: it is no longer ours to collect.
        if (payment.error().code == models::Error::Code::Conflict) {
            m_request.reset();
            m_session.clearDeposit(); // the customer display stops asking for it
            reloadPending();
        }
        return;
    }
    m_request.reset();
    m_session.recordPayment(*payment);
    reloadPending();
    clearForm();
    m_ui->serialEdit->clear(); // a second 查询 of the same serial has nothing left to find
    m_ui->messageBar->showMessage(MessageBar::Kind::Success,
                                  tr("Collected %1 yuan for deposit %2 — change %3 yuan. Issue the e-receipt on the Receipts tab.")
                                      .arg(payment->amount.toString(), payment->serialNo, payment->change.toString()));
}

} // namespace fund::ui
