// fund-counter: the clerk's window at a service counter. Composition root only: options,
// settings, logging and translations here; CounterApp wires the rest.
#include "counterapp.h"
#include "settings.h"
#include "version.h"

#include <QCoreApplication>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QStandardPaths>

#include <cstdio>

int main(int argc, char *argv[])
{
    // --version answers without a display (CI smoke run, packaging scripts).
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--version") == 0 || qstrcmp(argv[i], "-v") == 0) {
            std::printf("fund-counter %s\n", FUND_VERSION);
            return 0;
        }
        // --help needs no display either: print it through the offscreen platform.
        const bool help = qstrcmp(argv[i], "--help") == 0 || qstrcmp(argv[i], "-h") == 0 || qstrcmp(argv[i], "--help-all") == 0;
        if (help && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
            && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
    }

    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("FundCounter"));
    QCoreApplication::setApplicationName(QStringLiteral("fund-counter"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FUND_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("fund-counter"));

    const QString dataFolder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QString configFolder = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
    QDir().mkpath(configFolder);
    fund::app::Settings settings(QDir(configFolder).filePath(QStringLiteral("fund-counter.ini")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Counter client of Beijing's residential special maintenance fund."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      QCoreApplication::translate("main", "The database: a SQLite file or a postgresql:// URL (default: %1).")
                                          .arg(QDir::toNativeSeparators(dataFolder + QStringLiteral("/demo-city.sqlite"))),
                                      QCoreApplication::translate("main", "SPEC"), dataFolder + QStringLiteral("/demo-city.sqlite"));
    const QCommandLineOption counterOption(QStringLiteral("counter"), QCoreApplication::translate("main", "The counter's name, e.g. W01."), QCoreApplication::translate("main", "ID"),
                                           settings.counterId());
    const QCommandLineOption langOption(QStringLiteral("lang"), QCoreApplication::translate("main", "The language of the window: zh_CN or en."),
                                        QCoreApplication::translate("main", "LANG"), settings.language());
    const QCommandLineOption screenOption(QStringLiteral("customer-screen"),
                                          QCoreApplication::translate("main", "The screen of the customer display (default: the first screen that is "
                                             "not the clerk's)."),
                                          QCoreApplication::translate("main", "NAME"), settings.customerScreen());
    const QCommandLineOption noDisplayOption(QStringLiteral("no-customer-display"), QCoreApplication::translate("main", "Do not show the customer display."));
    const QCommandLineOption profileOption(QStringLiteral("connection-profile"),
                                           QCoreApplication::translate("main", "Choose the database server before signing in (the profile is saved "
                                              "without the password)."));
    const QCommandLineOption idleLockOption(QStringLiteral("idle-lock-minutes"),
                                            QCoreApplication::translate("main", "Lock the window after this many minutes without input; 0 never "
                                               "(default: %1).")
                                                .arg(settings.idleLockMinutes()),
                                            QCoreApplication::translate("main", "N"), QString::number(settings.idleLockMinutes()));
    parser.addOptions({dbOption, counterOption, langOption, screenOption, noDisplayOption, profileOption, idleLockOption});
    parser.process(app);

    QString language = parser.value(langOption);
    if (language != QLatin1String("en") && language != QLatin1String("zh_CN")) {
        qWarning("unknown language %s, using zh_CN", qUtf8Printable(language));
        language = QStringLiteral("zh_CN");
    }
    fund::app::CounterApp::installFileLog(dataFolder);
    fund::app::CounterApp::installTranslators(language);

    fund::app::CounterApp::Options options;
    options.databaseSpec = parser.value(dbOption);
    options.databaseGiven = parser.isSet(dbOption);
    options.chooseConnection = parser.isSet(profileOption);
    bool minutesOk = false;
    options.idleLockMinutes = parser.value(idleLockOption).toInt(&minutesOk);
    if (!minutesOk || options.idleLockMinutes < 0) {
        qWarning("--idle-lock-minutes needs a number of minutes (0: never); using %d", settings.idleLockMinutes());
        options.idleLockMinutes = settings.idleLockMinutes();
    }
    options.counterId = parser.value(counterOption).trimmed().isEmpty() ? settings.counterId() : parser.value(counterOption).trimmed();
    options.language = language;
    options.customerScreen = parser.value(screenOption);
    options.customerDisplay = !parser.isSet(noDisplayOption);

    fund::app::CounterApp counter(settings, options);
    return counter.run();
}
