#include "ui/connectionprofiledialog.h"

#include "ui_connectionprofiledialog.h"

#include "models/storage/database.h"
#include "ui/interaction.h"
#include "ui/widgets/messagebar.h"

#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPushButton>
#include <QUrl>
#include <QUrlQuery>

namespace fund::ui {

namespace {

const QString DisableMode = QStringLiteral("disable");

bool verifiesServer(const QString &sslMode)
{
    return sslMode.startsWith(QLatin1String("verify-"));
}

// Restores the cursor however the blocking call ends.
class WaitCursor
{
public:
    WaitCursor() { QGuiApplication::setOverrideCursor(Qt::WaitCursor); }
    ~WaitCursor() { QGuiApplication::restoreOverrideCursor(); }
    WaitCursor(const WaitCursor &) = delete;
    WaitCursor &operator=(const WaitCursor &) = delete;
};

} // namespace

QString ConnectionProfile::url(const QString &password) const
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    // DecodedMode: every character is data, so '%', '@', ':' or '/' in a name or password are
    // encoded instead of being read as URL syntax.
    url.setUserName(user, QUrl::DecodedMode);
    if (!password.isEmpty())
        url.setPassword(password, QUrl::DecodedMode);
    url.setHost(host.trimmed(), QUrl::DecodedMode);
    url.setPort(port);
    url.setPath(u'/' + database.trimmed(), QUrl::DecodedMode);
    // QUrlQuery keeps percent-encoded values as they are, so a CA path with '&', '=', '+', '#'
    // or '%' comes back unchanged from QUrlQuery::queryItems(QUrl::FullyDecoded).
    QUrlQuery query;
    const auto add = [&query](const QString &key, const QString &value) {
        query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    };
    add(QStringLiteral("sslmode"), sslMode);
    if (sslMode != DisableMode && !caFile.isEmpty())
        add(QStringLiteral("sslrootcert"), caFile);
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

QString ConnectionProfile::description() const
{
    return QStringLiteral("%1:%2/%3").arg(host.trimmed()).arg(port).arg(database.trimmed());
}

ConnectionProfileDialog::ConnectionProfileDialog(Interaction &interaction, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<::Ui::ConnectionProfileDialog>())
    , m_interaction(interaction)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("connectionProfileDialog"));
    m_ui->sslModeCombo->addItem(tr("verify-full: encrypted, certificate and host name checked (recommended)"),
                                QStringLiteral("verify-full"));
    m_ui->sslModeCombo->addItem(tr("verify-ca: encrypted, certificate checked"), QStringLiteral("verify-ca"));
    m_ui->sslModeCombo->addItem(tr("require: encrypted, server not verified"), QStringLiteral("require"));
    m_ui->sslModeCombo->addItem(tr("disable: not encrypted (this computer or a closed network only)"), DisableMode);

    connect(m_ui->sslModeCombo, &QComboBox::currentIndexChanged, this, &ConnectionProfileDialog::updateFields);
    connect(m_ui->browseCaButton, &QPushButton::clicked, this, &ConnectionProfileDialog::browseCaFile);
    connect(m_ui->testButton, &QPushButton::clicked, this, &ConnectionProfileDialog::testConnection);
    connect(m_ui->connectButton, &QPushButton::clicked, this, &ConnectionProfileDialog::connectToServer);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &QDialog::reject);
    setProfile(ConnectionProfile{});
}

ConnectionProfileDialog::~ConnectionProfileDialog() = default;

void ConnectionProfileDialog::setProfile(const ConnectionProfile &profile)
{
    m_ui->hostEdit->setText(profile.host);
    m_ui->portSpin->setValue(profile.port);
    m_ui->databaseEdit->setText(profile.database);
    m_ui->userEdit->setText(profile.user);
    const int mode = m_ui->sslModeCombo->findData(profile.sslMode);
    m_ui->sslModeCombo->setCurrentIndex(mode >= 0 ? mode : 0);
    m_ui->caFileEdit->setText(QDir::toNativeSeparators(profile.caFile));
    m_ui->passwordEdit->clear();
    updateFields();
    // A saved profile only lacks the password.
    if (profile.isComplete())
        m_ui->passwordEdit->setFocus();
    else
        m_ui->hostEdit->setFocus();
}

ConnectionProfile ConnectionProfileDialog::profile() const
{
    ConnectionProfile profile;
    profile.host = m_ui->hostEdit->text().trimmed();
    profile.port = m_ui->portSpin->value();
    profile.database = m_ui->databaseEdit->text().trimmed();
    profile.user = m_ui->userEdit->text().trimmed();
    profile.sslMode = m_ui->sslModeCombo->currentData().toString();
    profile.caFile = QDir::fromNativeSeparators(m_ui->caFileEdit->text().trimmed());
    return profile;
}

QString ConnectionProfileDialog::password() const
{
    return m_ui->passwordEdit->text();
}

QString ConnectionProfileDialog::url() const
{
    return profile().url(password());
}

void ConnectionProfileDialog::showError(const models::Error &error)
{
    m_ui->messageBar->showError(error);
}

void ConnectionProfileDialog::updateFields()
{
    const bool tls = m_ui->sslModeCombo->currentData().toString() != DisableMode;
    m_ui->caFileEdit->setEnabled(tls);
    m_ui->browseCaButton->setEnabled(tls);
}

void ConnectionProfileDialog::browseCaFile()
{
    const QString current = m_ui->caFileEdit->text().trimmed();
    const QString folder = current.isEmpty() ? QDir::homePath() : QFileInfo(current).absolutePath();
    const auto file = m_interaction.openFileName(this, tr("CA certificate file"), folder,
                                                 tr("Certificates (*.crt *.pem *.cer);;All files (*)"));
    if (file)
        m_ui->caFileEdit->setText(QDir::toNativeSeparators(*file));
}

std::optional<QString> ConnectionProfileDialog::problem() const
{
    const ConnectionProfile p = profile();
    if (p.host.isEmpty())
        return tr("Enter the database server's host name or address.");
    if (p.database.isEmpty())
        return tr("Enter the name of the database on the server.");
    if (p.user.isEmpty())
        return tr("Enter the user name for the database server.");
    if (verifiesServer(p.sslMode) && p.caFile.isEmpty())
        return tr("Choose the CA certificate file: %1 checks the server's certificate against it.").arg(p.sslMode);
    return std::nullopt;
}

models::Result<std::unique_ptr<models::Database>> ConnectionProfileDialog::open(const QString &connectionName) const
{
    if (const auto why = problem())
        return models::fail(models::Error::invalidInput(*why));
    const WaitCursor wait;
    auto opened = models::Database::open(url(), /*create*/ false, connectionName);
    if (opened)
        return opened;
    // The detail goes to the log: never with the password in it.
    models::Error error = opened.error();
    error.detail.replace(url(), profile().url());
    if (const QString secret = password(); !secret.isEmpty())
        error.detail.replace(secret, QStringLiteral("***"));
    return models::fail(error);
}

bool ConnectionProfileDialog::testConnection()
{
    m_ui->messageBar->clearMessage();
    static int tests = 0;
    auto opened = open(QStringLiteral("fund-connection-test-%1").arg(++tests));
    if (!opened) {
        m_ui->messageBar->showError(opened.error());
        return false;
    }
    opened->reset(); // closes and removes the temporary connection
    m_ui->messageBar->showMessage(MessageBar::Kind::Success,
                                  tr("The connection to %1 works.").arg(profile().description()));
    return true;
}

void ConnectionProfileDialog::connectToServer()
{
    m_ui->messageBar->clearMessage();
    auto opened = open({});
    if (!opened) {
        m_ui->messageBar->showError(opened.error());
        return;
    }
    m_database = std::move(*opened);
    m_ui->passwordEdit->clear();
    accept();
}

std::unique_ptr<models::Database> ConnectionProfileDialog::takeDatabase()
{
    return std::move(m_database);
}

} // namespace fund::ui
