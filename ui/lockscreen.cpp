#include "ui/lockscreen.h"

#include "ui_lockscreen.h"

#include "models/services/staffservice.h"

#include <QEvent>
#include <QPushButton>

namespace fund::ui {

LockScreen::LockScreen(models::StaffService &staff, QWidget *window)
    : QWidget(window)
    , m_ui(std::make_unique<::Ui::LockScreen>())
    , m_staff(staff)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("lockDialog"));
    setAutoFillBackground(true);
    // Opaque and dark around a light panel: nothing of the window behind shows through.
    QPalette shade = palette();
    shade.setColor(QPalette::Window, QColor(0x37, 0x47, 0x4f));
    setPalette(shade);
    QPalette panel = m_ui->lockPanel->palette();
    panel.setColor(QPalette::Window, Qt::white);
    m_ui->lockPanel->setPalette(panel);
    m_ui->unlockButton->setDefault(true);
    connect(m_ui->unlockButton, &QPushButton::clicked, this, &LockScreen::unlock);
    connect(m_ui->passwordEdit, &QLineEdit::returnPressed, this, &LockScreen::unlock);
    connect(m_ui->passwordEdit, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_ui->unlockButton->setEnabled(!text.isEmpty()); });
    connect(m_ui->signOutButton, &QPushButton::clicked, this, &LockScreen::signOutRequested);
    m_ui->unlockButton->setEnabled(false);
    window->installEventFilter(this);
    hide();
}

LockScreen::~LockScreen() = default;

void LockScreen::lock(const models::StaffMember &actor)
{
    m_actor = actor;
    m_locked = true;
    m_ui->staffLabel->setText(
        tr("%1 (%2) is signed in. Enter the password to continue, or sign out so that someone else can sign in.")
            .arg(actor.displayName, actor.login));
    m_ui->messageBar->clearMessage();
    m_ui->passwordEdit->clear();
    setGeometry(parentWidget()->rect());
    show();
    raise();
    m_ui->passwordEdit->setFocus();
}

void LockScreen::dismiss()
{
    m_locked = false;
    m_ui->passwordEdit->clear();
    m_ui->messageBar->clearMessage();
    hide();
}

void LockScreen::unlock()
{
    if (!m_locked || m_ui->passwordEdit->text().isEmpty())
        return;
    m_ui->messageBar->clearMessage();
    auto member = m_staff.login(m_actor.login, m_ui->passwordEdit->text());
    m_ui->passwordEdit->clear();
    if (!member) {
        m_ui->messageBar->showError(member.error());
        m_ui->passwordEdit->setFocus();
        return;
    }
    dismiss();
    Q_EMIT unlocked();
}

bool LockScreen::eventFilter(QObject *watched, QEvent *event)
{
    // Follows the window's size, and stays on top of anything added to it later.
    if (watched == parentWidget() && m_locked
        && (event->type() == QEvent::Resize || event->type() == QEvent::ChildAdded)) {
        setGeometry(parentWidget()->rect());
        raise();
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace fund::ui
