#pragma once

#include <QString>
#include <QStringList>

#include <optional>

class QCoreApplication;

namespace chorus::workspace {

/// What the user asked for on the command line.
struct Options
{
    QString profileDir;     ///< --profile DIR: all state under DIR (empty: the standard place)
    QString language;       ///< --lang zh_CN: overrides the system locale
    QString screenshotPath; ///< --screenshot FILE: render the window offscreen, save, exit
};

/// Command-line parsing for `chorus`. Handles --help and --version itself.
class CommandLine
{
public:
    /// True when the arguments ask for something that needs no GUI (help, version), so
    /// main() can start a QCoreApplication instead of a QApplication.
    static bool wantsConsoleOnly(const QStringList &arguments);

    /// The value of --lang, read before parsing so that --help is already translated.
    static QString languageArgument(const QStringList &arguments);

    /// True when --screenshot was given (main() then renders offscreen without a display).
    static bool wantsScreenshot(const QStringList &arguments);

    /// Parses the application's arguments. Returns nullopt after printing help,
    /// the version or an error; `exitCode` then says how to exit.
    static std::optional<Options> parse(const QCoreApplication &app, int *exitCode);
};

} // namespace chorus::workspace
