#include "fundctl.h"

#include "version.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLocale>
#include <QLibraryInfo>
#include <QTranslator>

#include <cstring>
#include <memory>

// fundctl: the operator's command line. Composition root only; the commands live in Fundctl.
int main(int argc, char *argv[])
{
    // Drawing a receipt PDF needs fonts, hence a QGuiApplication; on the offscreen platform,
    // so that fundctl runs on a server without a display. Every other command is console-only.
    bool needsFonts = false;
    for (int i = 1; i < argc; ++i)
        needsFonts = needsFonts || std::strcmp(argv[i], "receipt-pdf") == 0;
    std::unique_ptr<QCoreApplication> app;
    if (needsFonts) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("fundctl"));
    QCoreApplication::setOrganizationName(QStringLiteral("FundCounter"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FUND_VERSION));

    // Ours, and Qt's own (the command-line parser's Usage/Options headings, its error messages).
    QTranslator translator;
    QTranslator qtTranslator;
    if (QLocale().language() == QLocale::Chinese) {
        if (translator.load(QStringLiteral(":/i18n/fund-counter_zh_CN.qm")))
            QCoreApplication::installTranslator(&translator);
        if (qtTranslator.load(QStringLiteral("qtbase_zh_CN"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&qtTranslator);
    }

    fund::fundctl::Fundctl fundctl;
    return fundctl.run(QCoreApplication::arguments());
}
