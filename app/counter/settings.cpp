#include "settings.h"

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
