#include "settings.h"

#include <algorithm>

namespace fund::app {

namespace {

template<typename T>
struct Key
{
    QLatin1String name;
    T defaultValue;
};

const Key<int> VersionKey{QLatin1String("version"), 0};
const Key<QString> CounterIdKey{QLatin1String("counter/id"), QStringLiteral("W01")};
const Key<QString> LanguageKey{QLatin1String("ui/language"), QStringLiteral("zh_CN")};
const Key<QString> CustomerScreenKey{QLatin1String("display/customerScreen"), QString()};
const Key<QByteArray> GeometryKey{QLatin1String("ui/mainWindowGeometry"), QByteArray()};
const Key<QString> ChannelConfigPathKey{QLatin1String("payments/channelConfigPath"), QString()};
const Key<bool> RequireOpenTillKey{QLatin1String("till/required"), true};
const Key<int> IdleLockMinutesKey{QLatin1String("ui/idleLockMinutes"), 5};
// The connection profile (STYLE rule 14: never a password here).
const Key<QString> DbHostKey{QLatin1String("database/host"), QString()};
const Key<int> DbPortKey{QLatin1String("database/port"), ui::ConnectionProfile::DefaultPort};
const Key<QString> DbNameKey{QLatin1String("database/name"), QString()};
const Key<QString> DbUserKey{QLatin1String("database/user"), QString()};
const Key<QString> DbSslModeKey{QLatin1String("database/sslMode"), QStringLiteral("verify-full")};
const Key<QString> DbCaFileKey{QLatin1String("database/caFile"), QString()};
constexpr int MaxIdleLockMinutes = 24 * 60;

template<typename T>
T read(const QSettings &settings, const Key<T> &key)
{
    const QVariant value = settings.value(key.name);
    if (!value.isValid() || !value.canConvert<T>())
        return key.defaultValue;
    return value.value<T>();
}

template<typename T>
void write(QSettings &settings, const Key<T> &key, const T &value)
{
    if (value == key.defaultValue)
        settings.remove(key.name);
    else
        settings.setValue(key.name, value);
}

} // namespace

Settings::Settings(const QString &filePath)
    : m_settings(filePath, QSettings::IniFormat)
{
    migrate();
}

void Settings::migrate()
{
    const int version = read(m_settings, VersionKey);
    if (version >= CurrentVersion)
        return;
    // Version 0 → 1: nothing to convert yet; later versions rename keys here.
    m_settings.setValue(VersionKey.name, CurrentVersion);
}

QString Settings::counterId() const
{
    const QString id = read(m_settings, CounterIdKey).trimmed();
    return id.isEmpty() ? CounterIdKey.defaultValue : id;
}

void Settings::setCounterId(const QString &id)
{
    write(m_settings, CounterIdKey, id.trimmed());
}

QString Settings::language() const
{
    const QString language = read(m_settings, LanguageKey);
    return language == QLatin1String("en") ? language : LanguageKey.defaultValue;
}

void Settings::setLanguage(const QString &language)
{
    write(m_settings, LanguageKey, language);
}

QString Settings::customerScreen() const
{
    return read(m_settings, CustomerScreenKey);
}

void Settings::setCustomerScreen(const QString &name)
{
    write(m_settings, CustomerScreenKey, name);
}

QString Settings::channelConfigPath() const
{
    return read(m_settings, ChannelConfigPathKey);
}

void Settings::setChannelConfigPath(const QString &path)
{
    write(m_settings, ChannelConfigPathKey, path);
}

std::optional<ui::ConnectionProfile> Settings::connectionProfile() const
{
    ui::ConnectionProfile profile;
    profile.host = read(m_settings, DbHostKey).trimmed();
    profile.port = read(m_settings, DbPortKey);
    if (profile.port < 1 || profile.port > 65535)
        profile.port = DbPortKey.defaultValue;
    profile.database = read(m_settings, DbNameKey).trimmed();
    profile.user = read(m_settings, DbUserKey).trimmed();
    static const QStringList modes = {QStringLiteral("disable"), QStringLiteral("require"), QStringLiteral("verify-ca"),
                                      QStringLiteral("verify-full")};
    profile.sslMode = read(m_settings, DbSslModeKey);
    if (!modes.contains(profile.sslMode))
        profile.sslMode = DbSslModeKey.defaultValue;
    profile.caFile = read(m_settings, DbCaFileKey);
    if (profile.host.isEmpty())
        return std::nullopt;
    return profile;
}

void Settings::setConnectionProfile(const ui::ConnectionProfile &profile)
{
    write(m_settings, DbHostKey, profile.host);
    write(m_settings, DbPortKey, profile.port);
    write(m_settings, DbNameKey, profile.database);
    write(m_settings, DbUserKey, profile.user);
    write(m_settings, DbSslModeKey, profile.sslMode);
    write(m_settings, DbCaFileKey, profile.caFile);
}

bool Settings::requireOpenTill() const
{
    return read(m_settings, RequireOpenTillKey);
}

void Settings::setRequireOpenTill(bool required)
{
    write(m_settings, RequireOpenTillKey, required);
}

int Settings::idleLockMinutes() const
{
    // A value that is not a number keeps the default: a typo must not switch the lock off.
    bool ok = false;
    const int minutes = m_settings.value(IdleLockMinutesKey.name).toInt(&ok);
    return ok ? std::clamp(minutes, 0, MaxIdleLockMinutes) : IdleLockMinutesKey.defaultValue;
}

void Settings::setIdleLockMinutes(int minutes)
{
    write(m_settings, IdleLockMinutesKey, std::clamp(minutes, 0, MaxIdleLockMinutes));
}

QByteArray Settings::mainWindowGeometry() const
{
    return read(m_settings, GeometryKey);
}

void Settings::setMainWindowGeometry(const QByteArray &geometry)
{
    write(m_settings, GeometryKey, geometry);
}

void Settings::sync()
{
    m_settings.sync();
}

} // namespace fund::app
