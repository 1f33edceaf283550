#include "ui/payments/paymenttab.h"
#include "ui_paymenttab.h"

#include "models/channels/paymentcode.h"
#include "models/core/error.h"
#include "models/itemmodels/depositrequestmodel.h"
#include "models/services/appservices.h"
#include "models/services/depositservice.h"
#include "models/services/lookupservice.h"
#include "models/services/paymentservice.h"
#include "models/session/countersession.h"
#include "ui/interaction.h"
#include "ui/widgets/messagebar.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpressionValidator>
#include <QScopeGuard>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace fund::ui {

using models::CounterSession;
using models::DepositRequest;
using models::Money;
using models::PaymentAttempt;
using models::PaymentMethod;
using models::PaymentState;

namespace {
const QString ChangeOkStyle = QStringLiteral("color: #1b5e20;");
const QString ChangeShortStyle = QStringLiteral("color: #b71c1c;");
const QString WaitingStyle = QStringLiteral("color: #e65100; font-weight: bold;");
const QString UnknownStyle = QStringLiteral("color: #b71c1c; font-weight: bold;");
constexpr qint64 ScanDebounceMs = 60 * 1000; // the same 付款码 within a minute is a repeat

bool isQrMethod(PaymentMethod method)
{
    return method == PaymentMethod::WechatNative || method == PaymentMethod::AlipayQr;
}
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
    connect(m_ui->collectButton, &QPushButton::clicked, this, [this] {
        if (selectedMethod() == PaymentMethod::Card)
            payByCard();
        else
            collect();
    });
    connect(&m_session, &CounterSession::changed, this, &PaymentTab::onSessionChanged);

    buildPaymentWidgets();
    clearForm();
    onSessionChanged();
}

PaymentTab::~PaymentTab() = default;

void PaymentTab::setActor(const models::StaffMember &actor)
{
    m_actor = actor;
    updateCollectEnabled();
}

void PaymentTab::setPollInterval(std::chrono::milliseconds interval)
{
    m_pollTimer->setInterval(interval);
}

void PaymentTab::setPollLimit(std::chrono::milliseconds limit)
{
    m_pollLimit = limit;
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
    const bool open = attemptOpen();
    const bool ready = !m_collecting && !open && m_request.has_value() && m_actor.canCollect();
    m_ui->collectButton->setEnabled(ready);
    m_ui->quickFindButton->setEnabled(!m_collecting && !open);
    m_ui->depositTable->setEnabled(!open);
    if (m_showQrButton) {
        m_showQrButton->setEnabled(ready);
        m_attemptBox->setVisible(open);
        m_confirmManuallyButton->setVisible(open && m_actor.role == models::StaffRole::Supervisor);
        updateMethods();
    }
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

// --- channel payments ---------------------------------------------------------------------

void PaymentTab::buildPaymentWidgets()
{
    // 付款码: the resident shows the code on the phone, the clerk scans it.
    m_scanRadio = new QRadioButton(tr("Payment code (付款码)"), m_ui->collectBox);
    m_scanRadio->setObjectName(QStringLiteral("scanRadio"));
    m_ui->methodLayout->addWidget(m_scanRadio);
    for (QRadioButton *radio : {m_ui->cashRadio, m_ui->cardRadio, m_ui->wechatRadio, m_ui->alipayRadio, m_scanRadio})
        connect(radio, &QRadioButton::toggled, this, [this](bool on) {
            if (on)
                onMethodChanged();
        });

    m_methodPages = new QStackedWidget(m_ui->collectBox);
    m_methodPages->setObjectName(QStringLiteral("methodPages"));
    m_methodPages->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_cashPage = new QWidget(m_methodPages);
    m_methodPages->addWidget(m_cashPage);

    // Bank card: the numbers on the POS slip.
    m_cardPage = new QWidget(m_methodPages);
    auto *cardForm = new QFormLayout(m_cardPage);
    cardForm->setContentsMargins(0, 0, 0, 0);
    auto digits = [this](const QString &name, int length, const QString &pattern) {
        auto *edit = new QLineEdit(m_cardPage);
        edit->setObjectName(name);
        edit->setMaxLength(length);
        edit->setValidator(new QRegularExpressionValidator(QRegularExpression(pattern), edit));
        return edit;
    };
    m_rrnEdit = digits(QStringLiteral("posRrnEdit"), 12, QStringLiteral("[0-9]{0,12}"));
    m_terminalEdit = digits(QStringLiteral("posTerminalEdit"), 8, QStringLiteral("[0-9A-Za-z]{0,8}"));
    m_batchEdit = digits(QStringLiteral("posBatchEdit"), 6, QStringLiteral("[0-9]{0,6}"));
    m_rrnEdit->setPlaceholderText(tr("12 digits"));
    m_terminalEdit->setPlaceholderText(tr("8 characters"));
    m_batchEdit->setPlaceholderText(tr("6 digits"));
    cardForm->addRow(tr("Reference no. (参考号):"), m_rrnEdit);
    cardForm->addRow(tr("Terminal no. (终端号):"), m_terminalEdit);
    cardForm->addRow(tr("Batch no. (批次号):"), m_batchEdit);
    m_methodPages->addWidget(m_cardPage);

    // QR: the resident scans the code on the customer display.
    m_qrPage = new QWidget(m_methodPages);
    auto *qrLayout = new QVBoxLayout(m_qrPage);
    qrLayout->setContentsMargins(0, 0, 0, 0);
    m_showQrButton = new QPushButton(tr("Show the QR code to the resident"), m_qrPage);
    m_showQrButton->setObjectName(QStringLiteral("showQrButton"));
    m_showQrButton->setAutoDefault(false);
    m_showQrButton->setMinimumHeight(44);
    qrLayout->addWidget(m_showQrButton);
    m_methodPages->addWidget(m_qrPage);

    // 付款码: a keyboard-wedge scanner types the digits and Enter.
    m_scanPage = new QWidget(m_methodPages);
    auto *scanLayout = new QFormLayout(m_scanPage);
    scanLayout->setContentsMargins(0, 0, 0, 0);
    m_scanEdit = new QLineEdit(m_scanPage);
    m_scanEdit->setObjectName(QStringLiteral("scanEdit"));
    m_scanEdit->setPlaceholderText(tr("scan the resident's payment code"));
    scanLayout->addRow(tr("Payment &code:"), m_scanEdit);
    m_methodPages->addWidget(m_scanPage);

    // The open payment: its state, 已支付, close, and the supervisor's manual confirmation.
    m_attemptBox = new QWidget(m_ui->collectBox);
    m_attemptBox->setObjectName(QStringLiteral("attemptBox"));
    m_attemptBox->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto *attemptLayout = new QVBoxLayout(m_attemptBox);
    attemptLayout->setContentsMargins(0, 0, 0, 0);
    m_attemptLabel = new QLabel(m_attemptBox);
    m_attemptLabel->setObjectName(QStringLiteral("paymentStatusLabel"));
    m_attemptLabel->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    m_paidButton = new QPushButton(tr("Paid — check"), m_attemptBox);
    m_paidButton->setObjectName(QStringLiteral("paidButton"));
    m_paidButton->setToolTip(tr("已支付: asks the payment channel whether the resident has paid"));
    m_closePaymentButton = new QPushButton(tr("Close payment"), m_attemptBox);
    m_closePaymentButton->setObjectName(QStringLiteral("closePaymentButton"));
    m_confirmManuallyButton = new QPushButton(tr("Confirm manually…"), m_attemptBox);
    m_confirmManuallyButton->setObjectName(QStringLiteral("confirmManuallyButton"));
    for (QPushButton *button : {m_paidButton, m_closePaymentButton, m_confirmManuallyButton}) {
        button->setAutoDefault(false);
        buttons->addWidget(button);
    }
    attemptLayout->addWidget(m_attemptLabel);
    attemptLayout->addLayout(buttons);
    m_attemptBox->hide();
    m_confirmManuallyButton->hide();

    const int at = m_ui->collectLayout->indexOf(m_ui->collectButton);
    m_ui->collectLayout->insertWidget(at, m_methodPages);
    m_ui->collectLayout->insertWidget(at + 2, m_attemptBox);

    m_pollTimer = new QTimer(this);
    m_pollTimer->setInterval(std::chrono::seconds(2));
    m_scanClock.start();

    connect(m_showQrButton, &QPushButton::clicked, this, &PaymentTab::showQr);
    connect(m_scanEdit, &QLineEdit::returnPressed, this, &PaymentTab::onScanned);
    connect(m_paidButton, &QPushButton::clicked, this, &PaymentTab::checkPaid);
    connect(m_closePaymentButton, &QPushButton::clicked, this, &PaymentTab::closeAttempt);
    connect(m_confirmManuallyButton, &QPushButton::clicked, this, &PaymentTab::confirmManually);
    connect(m_pollTimer, &QTimer::timeout, this, &PaymentTab::poll);
    connect(&m_services.payments, &models::PaymentService::attemptChanged, this, &PaymentTab::onAttemptChanged);
    onMethodChanged();
}

void PaymentTab::updateMethods()
{
    const models::PaymentService &payments = m_services.payments;
    const bool open = attemptOpen();
    struct Choice
    {
        QRadioButton *radio;
        bool available;
        QString missing;
    };
    const QList<Choice> choices{
        {m_ui->cashRadio, true, {}},
        {m_ui->cardRadio, payments.hasChannel(PaymentMethod::Card), tr("Bank card payments are not set up at this counter.")},
        {m_ui->wechatRadio, payments.hasChannel(PaymentMethod::WechatNative),
         tr("WeChat Pay is not set up: the payment channel settings file (channels.json) has no \"wechat\" section.")},
        {m_ui->alipayRadio, payments.hasChannel(PaymentMethod::AlipayQr),
         tr("Alipay is not set up: the payment channel settings file (channels.json) has no \"alipay\" section.")},
        {m_scanRadio, payments.hasChannel(PaymentMethod::WechatCode) || payments.hasChannel(PaymentMethod::AlipayCode),
         tr("Payment codes need WeChat Pay or Alipay: the payment channel settings file (channels.json) has neither.")},
    };
    for (const Choice &choice : choices) {
        choice.radio->setEnabled(choice.available && !open);
        choice.radio->setToolTip(choice.available ? QString() : choice.missing);
        if (!choice.available && choice.radio->isChecked())
            m_ui->cashRadio->setChecked(true);
    }
}

PaymentMethod PaymentTab::selectedMethod() const
{
    if (m_ui->cardRadio->isChecked())
        return PaymentMethod::Card;
    if (m_ui->wechatRadio->isChecked())
        return PaymentMethod::WechatNative;
    if (m_ui->alipayRadio->isChecked())
        return PaymentMethod::AlipayQr;
    if (m_scanRadio && m_scanRadio->isChecked())
        return PaymentMethod::WechatCode; // the code itself says which channel
    return PaymentMethod::Cash;
}

void PaymentTab::onMethodChanged()
{
    const PaymentMethod method = selectedMethod();
    const bool cash = method == PaymentMethod::Cash;
    m_ui->formLayout->setRowVisible(m_ui->tenderedEdit, cash);
    m_ui->formLayout->setRowVisible(m_ui->changeLabel, cash);
    QWidget *page = m_cashPage;
    if (method == PaymentMethod::Card)
        page = m_cardPage;
    else if (isQrMethod(method))
        page = m_qrPage;
    else if (method == PaymentMethod::WechatCode)
        page = m_scanPage;
    // The stack is as tall as the page shown, not the tallest page.
    for (QWidget *each : {m_cashPage, m_cardPage, m_qrPage, m_scanPage})
        each->setSizePolicy(QSizePolicy::Preferred, each == page ? QSizePolicy::Maximum : QSizePolicy::Ignored);
    m_methodPages->setCurrentWidget(page);
    m_methodPages->setVisible(page != m_cashPage);
    m_methodPages->adjustSize();
    m_ui->collectButton->setVisible(cash || method == PaymentMethod::Card);
    m_ui->collectButton->setText(method == PaymentMethod::Card ? tr("Record card payment") : tr("Collect"));
    if (page == m_scanPage)
        m_scanEdit->setFocus();
    updateCollectEnabled();
}

bool PaymentTab::startAttempt(PaymentMethod method, const QString &authCode)
{
    if (m_collecting || !m_request)
        return false;
    m_ui->messageBar->clearMessage();
    QString why;
    const auto amount = validAmount(&why);
    if (!amount) {
        showAmountError(why);
        m_ui->messageBar->showMessage(MessageBar::Kind::Error, tr("Nothing was collected: %1").arg(why));
        return false;
    }
    const QString payerName = m_ui->payerNameEdit->text().simplified();
    if (payerName.isEmpty()) {
        m_ui->messageBar->showMessage(MessageBar::Kind::Error, tr("Enter the payer's name (交款人). Nothing was collected."));
        m_ui->payerNameEdit->setFocus();
        return false;
    }
    auto started = m_services.payments.start(m_actor, m_request->id, method, *amount, payerName);
    if (!started) {
        // e.g. another payment of this deposit is still open: the service says where.
        m_ui->messageBar->showError(started.error());
        return false;
    }
    m_attemptId = started->id;
    m_attemptMethod = method;
    m_ui->amountEdit->setReadOnly(true);
    m_attemptLabel->setText(tr("Sending the payment to the channel…"));
    m_attemptLabel->setStyleSheet(WaitingStyle);
    updateCollectEnabled();
    const qint64 id = started->id;
    auto done = [self = QPointer<PaymentTab>(this), this, id](const models::Result<PaymentAttempt> &result) {
        if (!self)
            return; // a network answer after the tab is gone
        if (!result && m_attemptId == id)
            m_ui->messageBar->showError(result.error());
    };
    if (method == PaymentMethod::Card)
        m_services.payments.submitCard(id, m_rrnEdit->text().trimmed(), m_terminalEdit->text().trimmed(),
                                       m_batchEdit->text().trimmed(), done);
    else
        m_services.payments.submit(id, authCode, done);
    return true;
}

void PaymentTab::payByCard()
{
    if (m_collecting || attemptOpen() || !m_request)
        return;
    // The slip is checked before anything is stored, so a typo leaves no open payment behind.
    if (auto slip = models::PaymentService::validatePosSlip(m_rrnEdit->text().trimmed(), m_terminalEdit->text().trimmed(),
                                                            m_batchEdit->text().trimmed());
        !slip) {
        m_ui->messageBar->showMessage(MessageBar::Kind::Error, tr("Nothing was recorded: %1").arg(slip.error().message));
        m_rrnEdit->setFocus();
        return;
    }
    startAttempt(PaymentMethod::Card, QString());
}

void PaymentTab::showQr()
{
    if (attemptOpen())
        return;
    startAttempt(selectedMethod(), QString());
}

void PaymentTab::onScanned()
{
    const QString scanned = m_scanEdit->text();
    m_scanEdit->clear();
    if (scanned.trimmed().isEmpty())
        return; // a second Enter of the same burst
    const auto recognised = models::PaymentCode::recognise(scanned);
    if (!recognised.isPaymentCode()) {
        m_ui->messageBar->showMessage(MessageBar::Kind::Error,
                                      tr("%1 Nothing was charged.").arg(recognised.problem));
        return;
    }
    const qint64 now = m_scanClock.elapsed();
    const auto last = m_recentScans.constFind(recognised.code);
    if (last != m_recentScans.cend() && now - *last < ScanDebounceMs) {
        m_ui->messageBar->showMessage(MessageBar::Kind::Info,
                                      tr("The same payment code was scanned again; it was ignored. Nothing more is charged."));
        return;
    }
    m_recentScans.insert(recognised.code, now);
    const PaymentMethod method = recognised.channel == models::PaymentCode::Channel::WechatPay ? PaymentMethod::WechatCode
                                                                                               : PaymentMethod::AlipayCode;
    if (!m_services.payments.hasChannel(method)) {
        m_ui->messageBar->showMessage(MessageBar::Kind::Error,
                                      method == PaymentMethod::WechatCode
                                          ? tr("This is a WeChat Pay code, but WeChat Pay is not set up at this counter. Nothing was charged.")
                                          : tr("This is an Alipay code, but Alipay is not set up at this counter. Nothing was charged."));
        return;
    }
    if (!m_request) {
        m_ui->messageBar->showMessage(MessageBar::Kind::Error, tr("Select a pending deposit first. Nothing was charged."));
        return;
    }
    startAttempt(method, recognised.code);
}

void PaymentTab::checkPaid()
{
    if (!attemptOpen())
        return;
    const qint64 id = m_attemptId;
    m_services.payments.query(id, [self = QPointer<PaymentTab>(this), this, id](const models::Result<PaymentAttempt> &result) {
        if (!self)
            return; // a network answer after the tab is gone
        if (m_attemptId != id)
            return; // paid (or ended) meanwhile: finishPaid said so
        if (!result) {
            m_ui->messageBar->showError(result.error());
            return;
        }
        if (result->state != PaymentState::Paid)
            m_ui->messageBar->showMessage(MessageBar::Kind::Info,
                                          tr("The payment channel has not received this payment yet. Ask the resident to finish paying on the phone."));
    });
}

void PaymentTab::poll()
{
    if (!attemptOpen()) {
        m_pollTimer->stop();
        return;
    }
    if (m_pollClock.elapsed() > m_pollLimit.count()) {
        m_pollTimer->stop();
        m_attemptLabel->setText(tr("No payment has arrived yet. Press \"Paid — check\" when the resident has paid, or close the payment."));
        m_closePaymentButton->setFocus();
        return;
    }
    m_services.payments.query(m_attemptId);
}

void PaymentTab::closeAttempt()
{
    if (!attemptOpen())
        return;
    const qint64 id = m_attemptId;
    m_services.payments.close(id, [self = QPointer<PaymentTab>(this), this, id](const models::Result<PaymentAttempt> &result) {
        if (!self)
            return; // a network answer after the tab is gone
        if (!result && m_attemptId == id)
            m_ui->messageBar->showError(result.error());
    });
}

void PaymentTab::confirmManually()
{
    if (!attemptOpen() || m_actor.role != models::StaffRole::Supervisor)
        return;
    const qint64 id = m_attemptId;
    const auto reason = m_interaction.askText(this, tr("Confirm payment manually"),
                                              tr("Why is this payment confirmed without the channel's answer? (recorded and reconciled later)"));
    if (!reason)
        return;
    auto confirmed = m_services.payments.confirmManually(m_actor, id, reason->simplified());
    if (!confirmed) {
        m_ui->messageBar->showError(confirmed.error());
        return;
    }
    if (confirmed->state == PaymentState::Paid)
        finishPaid(id);
}

void PaymentTab::onAttemptChanged(qint64 attemptId)
{
    if (attemptId != m_attemptId)
        return;
    auto attempt = m_services.payments.attempt(attemptId);
    if (!attempt) {
        m_ui->messageBar->showError(attempt.error());
        return;
    }
    showAttempt(*attempt);
}

void PaymentTab::showAttempt(const PaymentAttempt &attempt)
{
    switch (attempt.state) {
    case PaymentState::Paid:
        finishPaid(attempt.id);
        return;
    case PaymentState::Closed:
    case PaymentState::Failed: {
        const QString reason = attempt.failure.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(attempt.failure);
        endAttempt();
        m_ui->messageBar->showMessage(MessageBar::Kind::Error,
                                      attempt.state == PaymentState::Closed
                                          ? tr("Payment %1 was closed. Nothing was charged; you may start a new payment.").arg(attempt.outTradeNo)
                                          : tr("Payment %1 failed%2. Nothing was charged; you may start a new payment.").arg(attempt.outTradeNo, reason));
        return;
    }
    case PaymentState::Unknown:
        //: The outcome of a channel payment is not known yet: never say "failed"
        m_attemptLabel->setText(tr("Result unknown — querying… Do not charge again."));
        m_attemptLabel->setStyleSheet(UnknownStyle);
        break;
    case PaymentState::Created:
    case PaymentState::Awaiting:
        if (attempt.method == PaymentMethod::Card)
            m_attemptLabel->setText(tr("The card payment is not confirmed. Check the POS slip; a supervisor may confirm it."));
        else if (isQrMethod(attempt.method))
            m_attemptLabel->setText(tr("Awaiting payment: the resident scans the QR code on the customer display."));
        else
            m_attemptLabel->setText(tr("Awaiting payment: the resident confirms on the phone."));
        m_attemptLabel->setStyleSheet(WaitingStyle);
        break;
    default:
        break;
    }
    if (isQrMethod(attempt.method) && !attempt.qrText.isEmpty()) {
        const QString channel = attempt.method == PaymentMethod::WechatNative ? tr("WeChat") : tr("Alipay");
        m_session.setPaymentQr(attempt.qrText, channel);
    }
    // Channel payments are queried until paid; card and cash cannot be asked.
    if (attempt.method != PaymentMethod::Card && attempt.method != PaymentMethod::Cash && !m_pollTimer->isActive()
        && !m_pollClock.isValid()) {
        m_pollClock.start();
        m_pollTimer->start();
    }
    updateCollectEnabled();
}

void PaymentTab::finishPaid(qint64 attemptId)
{
    if (attemptId != m_attemptId)
        return;
    auto attempt = m_services.payments.attempt(attemptId);
    auto payment = m_services.deposits.payment(attemptId);
    endAttempt();
    if (!payment) {
        m_ui->messageBar->showError(payment.error());
        return;
    }
    m_request.reset();
    // The customer display shows it only while that deposit is still the one being served.
    if (m_session.deposit().id == payment->depositId)
        m_session.recordPayment(*payment);
    reloadPending();
    clearForm();
    m_rrnEdit->clear();
    m_terminalEdit->clear();
    m_batchEdit->clear();
    m_ui->serialEdit->clear();
    const bool flagged = attempt && attempt->needsReconciliation;
    m_ui->messageBar->showMessage(MessageBar::Kind::Success,
                                  (flagged ? tr("Received %1 yuan for deposit %2 (confirmed manually, flagged for reconciliation). Issue the e-receipt on the Receipts tab.")
                                           : tr("Received %1 yuan for deposit %2. Issue the e-receipt on the Receipts tab."))
                                      .arg(payment->amount.toString(), payment->serialNo));
}

void PaymentTab::endAttempt()
{
    m_attemptId = 0;
    m_pollTimer->stop();
    m_pollClock.invalidate();
    m_session.setPaymentQr(QString(), QString());
    if (m_request && !m_request->fixedAmount)
        m_ui->amountEdit->setReadOnly(false);
    updateCollectEnabled();
}

} // namespace fund::ui
