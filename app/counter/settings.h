#pragma once

#include "ui/connectionprofiledialog.h"

#include <QByteArray>
#include <QSettings>
#include <QString>

#include <optional>

namespace fund::app {

// The counter's own settings, in an INI file whose path is passed in (tests give a temporary
// file). Each key is declared once with its type and default in settings.cpp. Database
// passwords are never stored here: the saved connection profile has no password field (the
// clerk types it for each connection), a --db URL comes from the command line, a SQLite
// database has none.
class Settings
{
public:
    static constexpr int CurrentVersion = 1;

    explicit Settings(const QString &filePath);

    QString filePath() const { return m_settings.fileName(); }

    QString counterId() const;
    void setCounterId(const QString &id);
    QString language() const; // zh_CN | en
    void setLanguage(const QString &language);
    QString customerScreen() const; // a QScreen name; empty: the first screen that is not the clerk's
    void setCustomerScreen(const QString &name);
    // The payment channels' private settings file (ChannelConfig JSON, owner-only permissions);
    // empty: channels.json in the counter's data folder.
    QString channelConfigPath() const;
    void setChannelConfigPath(const QString &path);
    // The shared database server, without the password; nullopt when none was saved.
    std::optional<ui::ConnectionProfile> connectionProfile() const;
    void setConnectionProfile(const ui::ConnectionProfile &profile);
    // Collections need an open till (款箱) at this counter (on by default; off only for a
    // counter that keeps no cash, e.g. a back-office desk).
    bool requireOpenTill() const;
    void setRequireOpenTill(bool required);
    // Minutes without input before the clerk's window locks; 0 never.
    int idleLockMinutes() const;
    void setIdleLockMinutes(int minutes);
    QByteArray mainWindowGeometry() const;
    void setMainWindowGeometry(const QByteArray &geometry);

    void sync();

private:
    void migrate();

    QSettings m_settings;
};

} // namespace fund::app
