#include "ui/logindialog.h"

#include "ui_logindialog.h"

#include "models/services/staffservice.h"

#include <QPushButton>

namespace fund::ui {

LoginDialog::LoginDialog(models::StaffService &staff, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<::Ui::LoginDialog>())
    , m_staffService(staff)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("loginDialog"));
    m_ui->counterLabel->hide();
    m_ui->databaseButton->hide();
    m_ui->loginButton->setDefault(true);
    connect(m_ui->loginButton, &QPushButton::clicked, this, &LoginDialog::signIn);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_ui->databaseButton, &QPushButton::clicked, this, [this] { done(DatabaseRequested); });
    connect(m_ui->loginEdit, &QLineEdit::textChanged, this, &LoginDialog::updateButton);
    connect(m_ui->passwordEdit, &QLineEdit::textChanged, this, &LoginDialog::updateButton);
    connect(m_ui->loginEdit, &QLineEdit::returnPressed, this, [this] {
        if (m_ui->passwordEdit->text().isEmpty())
            m_ui->passwordEdit->setFocus();
        else
            signIn();
    });
    connect(m_ui->passwordEdit, &QLineEdit::returnPressed, this, &LoginDialog::signIn);
    updateButton();
    m_ui->loginEdit->setFocus();
}

LoginDialog::~LoginDialog() = default;

void LoginDialog::setCounterDescription(const QString &text)
{
    m_ui->counterLabel->setText(text);
    m_ui->counterLabel->setVisible(!text.isEmpty());
}

void LoginDialog::setDatabaseChoiceAllowed(bool allowed)
{
    m_ui->databaseButton->setVisible(allowed);
}

void LoginDialog::updateButton()
{
    m_ui->loginButton->setEnabled(!m_ui->loginEdit->text().trimmed().isEmpty() && !m_ui->passwordEdit->text().isEmpty());
}

void LoginDialog::signIn()
{
    if (!m_ui->loginButton->isEnabled())
        return;
    m_ui->messageBar->clearMessage();
    auto member = m_staffService.login(m_ui->loginEdit->text(), m_ui->passwordEdit->text());
    if (!member) {
        m_ui->messageBar->showError(member.error());
        m_ui->passwordEdit->clear();
        m_ui->passwordEdit->setFocus();
        return;
    }
    m_staff = *member;
    m_ui->passwordEdit->clear();
    accept();
}

} // namespace fund::ui
