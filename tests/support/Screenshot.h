#pragma once

#include <QDir>
#include <QWidget>

namespace chorus::test {

/// Saves what `widget` shows as <name>.png under $CHORUS_SCREENSHOT_DIR when it is set,
/// so a person can look at every UI state a test reaches. Returns the path or empty.
inline QString saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("CHORUS_SCREENSHOT_DIR");
    if (dir.isEmpty() || !QDir().mkpath(dir))
        return {};
    const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
    return widget->grab().save(path) ? path : QString();
}

} // namespace chorus::test
