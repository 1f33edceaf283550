#pragma once

#include "models/core/error.h"

#include <QDialog>
#include <QString>

#include <memory>
#include <optional>

namespace Ui {
class ConnectionProfileDialog;
}

namespace fund::models {
class Database;
}

namespace fund::ui {

class Interaction;

// Where the shared PostgreSQL server is: everything but the password, which is typed for each
// connection and never stored (STYLE rule 14). Settings keeps one of these.
struct ConnectionProfile
{
    static constexpr int DefaultPort = 5432;

    QString host;
    int port = DefaultPort;
    QString database;
    QString user;
    QString sslMode = QStringLiteral("verify-full"); // disable | require | verify-ca | verify-full
    QString caFile;                                  // sslrootcert; may be empty unless verify-*

    bool isComplete() const { return !host.isEmpty() && !database.isEmpty() && !user.isEmpty(); }
    // postgresql://user[:password]@host:port/database?sslmode=…[&sslrootcert=…], every part
    // percent-encoded, so any user name, password or CA path survives the round trip. With an
    // empty password libpq falls back to PGPASSWORD or ~/.pgpass.
    QString url(const QString &password = {}) const;
    // The server as the status bar names it: host:port/database, no user, no password.
    QString description() const;

    friend bool operator==(const ConnectionProfile &, const ConnectionProfile &) = default;
};

// 数据库连接: the clerk (or the administrator setting up a counter) names the server, checks the
// connection with "Test connection" and connects. The dialog opens the database itself, so a
// refused connection is shown in place, in the words of Database::open, and can be corrected.
class ConnectionProfileDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectionProfileDialog(Interaction &interaction, QWidget *parent = nullptr);
    ~ConnectionProfileDialog() override;

    void setProfile(const ConnectionProfile &profile);
    ConnectionProfile profile() const;
    // Typed for this connection only; never part of the profile.
    QString password() const;
    // The address with the password, for Database::open.
    QString url() const;

    // Shows a failure that happened after the dialog (e.g. a migration refused) and lets the clerk
    // correct the profile.
    void showError(const models::Error &error);

    // Tries the connection on a temporary connection name and closes it again; the result is shown
    // in the message bar. True when the server answered.
    bool testConnection();
    // The connection opened by "Connect"; valid after the dialog was accepted.
    std::unique_ptr<models::Database> takeDatabase();

private:
    void browseCaFile();
    void connectToServer();
    void updateFields();
    std::optional<QString> problem() const;
    models::Result<std::unique_ptr<models::Database>> open(const QString &connectionName) const;

    std::unique_ptr<::Ui::ConnectionProfileDialog> m_ui;
    Interaction &m_interaction;
    std::unique_ptr<models::Database> m_database;
};

} // namespace fund::ui
