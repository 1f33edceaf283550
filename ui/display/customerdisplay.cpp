#include "ui/display/customerdisplay.h"

#include "models/domain/masking.h"
#include "models/receipts/qrcode.h"
#include "models/session/countersession.h"

#include <QFontDatabase>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QScreen>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace fund::ui {

using models::CounterSession;

namespace {
// Calm and high contrast: white on deep blue, the amount in warm yellow (contrast above 10:1).
const QString Background = QStringLiteral("#0b2a4a");
const QString Foreground = QStringLiteral("#ffffff");
const QString Muted = QStringLiteral("#c8d6e5");
const QString AmountColor = QStringLiteral("#ffd54f");
const QString WaitingColor = QStringLiteral("#ffb74d");
const QString DoneColor = QStringLiteral("#81c784");
const QString FailedColor = QStringLiteral("#ef9a9a");

QLabel *makeLabel(QWidget *parent, const QString &objectName, int pointSize, bool bold, const QString &color)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    QFont font = label->font();
    font.setPointSize(pointSize);
    font.setBold(bold);
    label->setFont(font);
    label->setStyleSheet(QStringLiteral("color: %1;").arg(color));
    return label;
}
} // namespace

CustomerDisplay::CustomerDisplay(models::CounterSession &session, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_session(session)
{
    setObjectName(QStringLiteral("customerDisplay"));
    setWindowTitle(tr("Customer display"));
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, QColor(Background));
    pal.setColor(QPalette::WindowText, QColor(Foreground));
    setPalette(pal);
    setMinimumSize(800, 500);

    m_pages = new QStackedWidget(this);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(48, 40, 48, 40);
    outer->addWidget(m_pages);

    // Welcome: nothing about anybody.
    m_welcomePage = new QWidget(m_pages);
    auto *welcome = new QVBoxLayout(m_welcomePage);
    auto *fundName = makeLabel(m_welcomePage, QStringLiteral("fundNameLabel"), 30, false, Muted);
    fundName->setText(tr("Beijing Residential Special Maintenance Fund"));
    m_welcomeLabel = makeLabel(m_welcomePage, QStringLiteral("welcomeLabel"), 44, true, Foreground);
    //: On the customer display between residents: 欢迎来到维修资金服务窗口
    m_welcomeLabel->setText(tr("Welcome to the maintenance fund service counter"));
    m_windowLabel = makeLabel(m_welcomePage, QStringLiteral("windowLabel"), 34, false, AmountColor);
    m_windowLabel->hide();
    welcome->addStretch(2);
    welcome->addWidget(fundName);
    welcome->addSpacing(24);
    welcome->addWidget(m_welcomeLabel);
    welcome->addSpacing(32);
    welcome->addWidget(m_windowLabel);
    welcome->addStretch(3);
    m_pages->addWidget(m_welcomePage);

    // Serving: the house, the masked owner, the amount (the biggest thing), cash, status, receipt.
    m_servicePage = new QWidget(m_pages);
    auto *service = new QVBoxLayout(m_servicePage);
    service->setSpacing(12);
    m_addressLabel = makeLabel(m_servicePage, QStringLiteral("addressLabel"), 26, true, Foreground);
    m_ownerLabel = makeLabel(m_servicePage, QStringLiteral("ownerLabel"), 22, false, Muted);
    m_amountCaption = makeLabel(m_servicePage, QStringLiteral("amountCaption"), 22, false, Muted);
    m_amountLabel = makeLabel(m_servicePage, QStringLiteral("amountLabel"), 72, true, AmountColor);
    m_amountLabel->setWordWrap(false);
    m_tenderedLabel = makeLabel(m_servicePage, QStringLiteral("tenderedLabel"), 26, false, Foreground);
    m_changeLabel = makeLabel(m_servicePage, QStringLiteral("changeLabel"), 26, true, Foreground);
    m_statusLabel = makeLabel(m_servicePage, QStringLiteral("statusLabel"), 30, true, WaitingColor);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSize(24);
    m_receiptLabel = makeLabel(m_servicePage, QStringLiteral("receiptLabel"), 24, false, Foreground);
    m_receiptLabel->setFont(mono);

    auto *cash = new QHBoxLayout;
    cash->setSpacing(48);
    cash->addWidget(m_tenderedLabel, 1);
    cash->addWidget(m_changeLabel, 1);

    // A QR payment: the code (black on white with its quiet zone, whole pixels per module) beside
    // the amount, and which app to scan it with.
    m_qrBox = new QWidget(m_servicePage);
    m_qrBox->setObjectName(QStringLiteral("paymentQrBox"));
    auto *qrColumn = new QVBoxLayout(m_qrBox);
    qrColumn->setContentsMargins(0, 0, 0, 0);
    m_qrLabel = new QLabel(m_qrBox);
    m_qrLabel->setObjectName(QStringLiteral("paymentQrLabel"));
    m_qrLabel->setAlignment(Qt::AlignCenter);
    m_qrHintLabel = makeLabel(m_qrBox, QStringLiteral("paymentQrHintLabel"), 20, true, Foreground);
    m_qrHintLabel->setWordWrap(true);
    qrColumn->addWidget(m_qrLabel, 0, Qt::AlignCenter);
    qrColumn->addWidget(m_qrHintLabel);
    m_qrBox->hide();

    auto *amountColumn = new QVBoxLayout;
    amountColumn->addStretch(1);
    amountColumn->addWidget(m_amountCaption);
    amountColumn->addWidget(m_amountLabel);
    amountColumn->addSpacing(8);
    amountColumn->addLayout(cash);
    amountColumn->addStretch(1);
    auto *middle = new QHBoxLayout;
    middle->setSpacing(48);
    middle->addLayout(amountColumn, 1);
    middle->addWidget(m_qrBox, 0, Qt::AlignVCenter);

    service->addWidget(m_addressLabel);
    service->addWidget(m_ownerLabel);
    service->addStretch(1);
    service->addLayout(middle);
    service->addStretch(1);
    service->addWidget(m_statusLabel);
    service->addWidget(m_receiptLabel);
    service->addStretch(1);
    m_pages->addWidget(m_servicePage);

    connect(&m_session, &CounterSession::changed, this, &CustomerDisplay::onSessionChanged);
    connect(&m_session, &CounterSession::serviceEnded, this, &CustomerDisplay::showWelcome);
    onSessionChanged();
}

CustomerDisplay::~CustomerDisplay() = default;

void CustomerDisplay::setWindowNumber(const QString &number)
{
    //: The counter window's number on the customer display: 窗口 %1
    m_windowLabel->setText(tr("Window %1").arg(number));
    m_windowLabel->setVisible(!number.isEmpty());
}

void CustomerDisplay::showWelcome()
{
    // Nothing of the previous resident stays on screen, not even in a hidden page.
    for (QLabel *label : {m_addressLabel, m_ownerLabel, m_amountLabel, m_tenderedLabel, m_changeLabel, m_statusLabel, m_receiptLabel})
        label->clear();
    showQr(QString(), QString());
    m_pages->setCurrentWidget(m_welcomePage);
}

void CustomerDisplay::setStatus(const QString &text, const QString &color)
{
    m_statusLabel->setText(text);
    m_statusLabel->setStyleSheet(QStringLiteral("color: %1;").arg(color));
}

void CustomerDisplay::showQr(const QString &text, const QString &channelName)
{
    if (text.isEmpty()) {
        m_qrText.clear();
        m_qrLabel->clear();
        m_qrHintLabel->clear();
        m_qrBox->hide();
        return;
    }
    if (text != m_qrText) {
        m_qrText = text;
        const auto code = models::QrCode::encode(text.toUtf8());
        if (!code) {
            m_qrLabel->clear();
            m_qrBox->hide();
            return;
        }
        // Whole pixels per module (at least 8) so that every phone reads it from a metre away.
        constexpr int TargetPixels = 300;
        const int modules = code->size() + 2 * models::QrCode::QuietZoneModules;
        const int modulePixels = qMax(8, TargetPixels / modules);
        m_qrLabel->setPixmap(QPixmap::fromImage(code->toImage(modulePixels, models::QrCode::QuietZoneModules)));
        m_qrLabel->setFixedSize(m_qrLabel->pixmap().size());
        m_qrBox->setFixedWidth(m_qrLabel->width());
    }
    //: Under the payment QR on the customer display: 请使用微信扫码支付 / 请使用支付宝扫码支付
    m_qrHintLabel->setText(tr("Scan with %1 to pay").arg(channelName));
    m_qrBox->show();
}

void CustomerDisplay::onSessionChanged()
{
    using Stage = CounterSession::Stage;
    const Stage stage = m_session.stage();
    if (stage == Stage::Idle) {
        showWelcome();
        return;
    }

    m_addressLabel->setText(m_session.house().address);
    // Masked, always: the resident behind this one can read the screen too.
    const QString maskedName = models::maskName(m_session.ownerName());
    const QString maskedId = m_session.ownerIdNumber().isEmpty() ? QString() : models::maskIdNumber(m_session.ownerIdNumber());
    if (maskedName.isEmpty())
        m_ownerLabel->clear();
    else if (maskedId.isEmpty())
        m_ownerLabel->setText(tr("Owner %1").arg(maskedName));
    else
        m_ownerLabel->setText(tr("Owner %1   ID %2").arg(maskedName, maskedId));

    const bool paid = stage == Stage::Paid || stage == Stage::ReceiptIssued;
    const bool amountShown = stage == Stage::AwaitingPayment || paid;
    m_amountCaption->setVisible(amountShown);
    m_amountLabel->setVisible(amountShown);
    if (amountShown) {
        //: 应付金额 / 已付金额
        m_amountCaption->setText(paid ? tr("Amount paid") : tr("Amount due"));
        m_amountLabel->setText(m_session.amountDue().isZero() ? tr("being entered…") : m_session.amountDue().toDisplayString());
    } else {
        m_amountLabel->clear();
    }

    // Cash received and change only for cash: a card or WeChat/Alipay payment has neither.
    const QString method = m_session.payment().method;
    const bool paidInCash = method.isEmpty() || method == QLatin1String("cash");
    const bool cashShown = amountShown && (paid ? paidInCash : !m_session.tendered().isZero());
    m_tenderedLabel->setVisible(cashShown);
    m_changeLabel->setVisible(cashShown);
    if (cashShown) {
        //: 实收现金
        m_tenderedLabel->setText(tr("Cash received %1").arg(m_session.tendered().toDisplayString()));
        if (!paid && m_session.tendered() < m_session.amountDue())
            m_changeLabel->setText(tr("Not enough yet"));
        else
            //: 找零
            m_changeLabel->setText(tr("Change %1").arg(m_session.change().toDisplayString()));
    } else {
        m_tenderedLabel->clear();
        m_changeLabel->clear();
    }

    const models::ReceiptRecord &receipt = m_session.receipt();
    const bool ourReceipt = paid && receipt.paymentId == m_session.payment().id && receipt.paymentId != 0;
    switch (stage) {
    case Stage::Serving:
        //: 请核对房屋信息
        setStatus(tr("Please check the house details"), Foreground);
        break;
    case Stage::AwaitingPayment:
        //: 等待付款
        setStatus(tr("Awaiting payment"), WaitingColor);
        break;
    case Stage::Paid:
        if (ourReceipt && receipt.state == QLatin1String("issuing"))
            //: 开票中
            setStatus(tr("Paid — issuing your e-receipt…"), WaitingColor);
        else if (ourReceipt && receipt.state == QLatin1String("failed"))
            //: 开票失败，窗口将重新开票
            setStatus(tr("Paid — the e-receipt failed, the clerk will issue it again"), FailedColor);
        else
            //: 已收款
            setStatus(tr("Paid. Thank you"), DoneColor);
        break;
    case Stage::ReceiptIssued:
        //: 开票成功
        setStatus(tr("Paid — e-receipt issued"), DoneColor);
        break;
    case Stage::Idle:
        break;
    }
    if (stage == Stage::ReceiptIssued && receipt.isIssued()) {
        //: 票据代码 / 票据号码
        m_receiptLabel->setText(tr("Receipt code %1\nReceipt number %2").arg(receipt.billCode, receipt.billNumber));
        m_receiptLabel->show();
    } else {
        m_receiptLabel->clear();
        m_receiptLabel->hide();
    }
    showQr(stage == Stage::AwaitingPayment ? m_session.paymentQr() : QString(), m_session.paymentChannelName());
    m_pages->setCurrentWidget(m_servicePage);
    // Laid out now, not at the next event: what the resident sees is never a half-placed frame.
    fitAmount();
    m_servicePage->layout()->invalidate();
    m_servicePage->layout()->activate();
}

void CustomerDisplay::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_pages->currentWidget() == m_servicePage) {
        fitAmount();
        m_servicePage->layout()->invalidate();
        m_servicePage->layout()->activate();
    }
}

void CustomerDisplay::fitAmount()
{
    constexpr int FullSize = 72;
    constexpr int SmallestSize = 44; // still above every other text on the screen
    QFont font = m_amountLabel->font();
    // From the window's width (the layout may not have run yet): the margins, and the QR column.
    int available = width() - 2 * 48 - 2 * 24;
    if (!m_qrBox->isHidden())
        available -= m_qrBox->width() + 48;
    int size = FullSize;
    for (; size > SmallestSize; size -= 2) {
        font.setPointSize(size);
        if (QFontMetrics(font).horizontalAdvance(m_amountLabel->text()) <= available)
            break;
    }
    font.setPointSize(size);
    if (font != m_amountLabel->font())
        m_amountLabel->setFont(font);
}

QScreen *CustomerDisplay::chooseScreen(const QList<QScreen *> &screens, QScreen *clerkScreen, const QString &configuredName)
{
    if (!configuredName.isEmpty()) {
        for (QScreen *screen : screens) {
            if (screen && screen->name() == configuredName)
                return screen;
        }
    }
    if (screens.size() < 2)
        return nullptr;
    for (QScreen *screen : screens) {
        if (screen && screen != clerkScreen)
            return screen;
    }
    return nullptr;
}

void CustomerDisplay::placeOnScreen(QScreen *clerkScreen, const QString &configuredName)
{
    m_clerkScreen = clerkScreen;
    m_configuredName = configuredName;
    if (!m_followsScreens) {
        m_followsScreens = true;
        // Placed again once Qt has finished adding or removing the screen (unplug, replug).
        auto placeLater = [this] { QTimer::singleShot(0, this, &CustomerDisplay::place); };
        connect(qGuiApp, &QGuiApplication::screenAdded, this, placeLater);
        connect(qGuiApp, &QGuiApplication::screenRemoved, this, placeLater);
    }
    place();
}

void CustomerDisplay::place()
{
    QScreen *clerk = m_clerkScreen ? m_clerkScreen.data() : QGuiApplication::primaryScreen();
    QScreen *target = chooseScreen(QGuiApplication::screens(), clerk, m_configuredName);
    if (target && target != clerk) {
        // A real second screen: fill it, without a frame.
        setScreen(target);
        setGeometry(target->geometry());
        showFullScreen();
        return;
    }
    // The clerk's screen only: an ordinary window the clerk can move and size.
    QScreen *screen = target ? target : clerk;
    if (isFullScreen())
        showNormal();
    if (screen) {
        setScreen(screen);
        const QRect available = screen->availableGeometry();
        const QSize size(qMin(1024, available.width() * 2 / 3), qMin(640, available.height() * 2 / 3));
        setGeometry(QRect(available.topLeft() + QPoint((available.width() - size.width()) / 2, (available.height() - size.height()) / 2),
                          size));
    }
    show();
}

} // namespace fund::ui
