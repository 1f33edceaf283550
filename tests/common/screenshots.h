#pragma once

#include <QDir>
#include <QImage>
#include <QPixmap>
#include <QString>
#include <QtGlobal>

namespace fund::tests {

// Screenshots (and sample files) for a person to look at go to $FUND_SCREENSHOT_DIR when it is
// set, and nowhere otherwise: a test run leaves nothing behind.

// The path of NAME in that folder (created), or an empty string when it is not set.
inline QString screenshotPath(const QString &name)
{
    const QString dir = qEnvironmentVariable("FUND_SCREENSHOT_DIR");
    if (dir.isEmpty() || !QDir().mkpath(dir))
        return {};
    return QDir(dir).filePath(name);
}

// False only when the folder is set and saving failed.
inline bool saveScreenshot(const QImage &image, const QString &name)
{
    const QString path = screenshotPath(name);
    return path.isEmpty() ? qEnvironmentVariableIsEmpty("FUND_SCREENSHOT_DIR") : image.save(path);
}

inline bool saveScreenshot(const QPixmap &pixmap, const QString &name)
{
    return saveScreenshot(pixmap.toImage(), name);
}

} // namespace fund::tests
