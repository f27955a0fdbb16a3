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
    /// --screenshot-after MS: the longest to wait for the workspace to settle (signed in,
    /// groups joined) before the screenshot.
    int screenshotWaitMs = 15000;

    // Sign-in without the dialog (demo, tests, a headless agent).
    QString account;        ///< --account JID
    QString passwordFile;   ///< --password-file FILE: first line is the password
    QString serverHost;     ///< --server HOST[:PORT]
    quint16 serverPort = 0;
    bool allowPlaintextLoopback = false; ///< --allow-plaintext-loopback
    bool headless = false;  ///< --headless: no window, log to stdout
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
    /// The same on an explicit argument list (argument 0 is the program); errors go to
    /// `error` instead of stderr. Used by parse() and by tests.
    static std::optional<Options> parseArguments(const QStringList &arguments, QString *error,
                                                 bool *helpOrVersion = nullptr);
    /// True when --headless was given (main() then starts no GUI).
    static bool wantsHeadless(const QStringList &arguments);
    /// Reads the password from the first line of `path`; empty with `error` set on failure.
    static QString readPasswordFile(const QString &path, QString *error);
};

} // namespace chorus::workspace
