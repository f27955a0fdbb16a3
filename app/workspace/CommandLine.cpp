#include "workspace/CommandLine.h"

#include "Version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace chorus::workspace {

bool CommandLine::wantsConsoleOnly(const QStringList &arguments)
{
    for (const QString &arg : arguments.mid(1)) {
        if (arg == u"--help" || arg == u"-h" || arg == u"--help-all" || arg == u"--version"
            || arg == u"-v")
            return true;
    }
    return false;
}

QString CommandLine::languageArgument(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == u"--lang" && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (arg.startsWith(u"--lang="))
            return arg.mid(7);
    }
    return {};
}

bool CommandLine::wantsHeadless(const QStringList &arguments)
{
    return arguments.mid(1).contains(u"--headless"_s);
}

QString CommandLine::readPasswordFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("CommandLine", "Cannot read the password file %1: %2")
                     .arg(path, file.errorString());
        return {};
    }
    const QString password = QString::fromUtf8(file.readLine(4096)).remove(u'\n').remove(u'\r');
    if (password.isEmpty())
        *error = QCoreApplication::translate("CommandLine", "The password file %1 is empty.").arg(path);
    return password;
}

bool CommandLine::wantsScreenshot(const QStringList &arguments)
{
    for (const QString &arg : arguments.mid(1)) {
        if (arg == u"--screenshot" || arg.startsWith(u"--screenshot="))
            return true;
    }
    return false;
}

namespace {

struct Parser
{
    QCommandLineParser parser;
    QCommandLineOption profile {u"profile"_s,
        QCoreApplication::translate("CommandLine", "Keep all state under <dir>."), u"dir"_s};
    QCommandLineOption lang {u"lang"_s,
        QCoreApplication::translate("CommandLine",
                                    "Use <language> (for example en or zh_CN) instead of "
                                    "the system language."),
        u"language"_s};
    QCommandLineOption screenshot {u"screenshot"_s,
        QCoreApplication::translate("CommandLine",
                                    "Render the main window once the workspace has settled, "
                                    "save it as a PNG <file> and exit."),
        u"file"_s};
    QCommandLineOption screenshotAfter {u"screenshot-after"_s,
        QCoreApplication::translate("CommandLine",
                                    "With --screenshot: wait at most <ms> milliseconds for "
                                    "sign-in and joins (default 15000)."),
        u"ms"_s, u"15000"_s};
    QCommandLineOption account {u"account"_s,
        QCoreApplication::translate("CommandLine",
                                    "Sign in as <jid> without the dialog (needs "
                                    "--password-file). The password is saved in the keychain."),
        u"jid"_s};
    QCommandLineOption passwordFile {u"password-file"_s,
        QCoreApplication::translate("CommandLine",
                                    "Read the password for --account from the first line of "
                                    "<file>."),
        u"file"_s};
    QCommandLineOption server {u"server"_s,
        QCoreApplication::translate("CommandLine",
                                    "Connect to <host[:port]> instead of looking up the "
                                    "account's domain."),
        u"host:port"_s};
    QCommandLineOption plaintext {u"allow-plaintext-loopback"_s,
        QCoreApplication::translate("CommandLine",
                                    "Allow an unencrypted connection, only to a server on "
                                    "this machine (the demo and tests).")};
    QCommandLineOption headless {u"headless"_s,
        QCoreApplication::translate("CommandLine",
                                    "Run the workspace without a window (activities keep "
                                    "running), logging to standard output.")};

    Parser()
    {
        parser.setApplicationDescription(QCoreApplication::translate(
            "CommandLine", "Run many group chats at once: members, activities, canned replies "
                           "and sales over XMPP."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({profile, lang, screenshot, screenshotAfter, account, passwordFile,
                           server, plaintext, headless});
    }
};

} // namespace

std::optional<Options> CommandLine::parseArguments(const QStringList &arguments, QString *error,
                                                   bool *helpOrVersion)
{
    Parser p;
    if (helpOrVersion)
        *helpOrVersion = false;
    if (!p.parser.parse(arguments)) {
        *error = p.parser.errorText();
        return std::nullopt;
    }
    if (p.parser.isSet(u"help"_s) || p.parser.isSet(u"version"_s)) {
        if (helpOrVersion)
            *helpOrVersion = true;
        *error = p.parser.isSet(u"help"_s) ? p.parser.helpText()
                                            : u"chorus %1\n"_s.arg(QString::fromLatin1(kVersion));
        return std::nullopt;
    }
    if (!p.parser.positionalArguments().isEmpty()) {
        *error = QCoreApplication::translate("CommandLine", "Unexpected argument: %1")
                     .arg(p.parser.positionalArguments().constFirst());
        return std::nullopt;
    }
    Options options;
    options.profileDir = p.parser.value(p.profile);
    options.language = p.parser.value(p.lang);
    options.screenshotPath = p.parser.value(p.screenshot);
    bool ok = false;
    options.screenshotWaitMs = p.parser.value(p.screenshotAfter).toInt(&ok);
    if (!ok || options.screenshotWaitMs < 0) {
        *error = QCoreApplication::translate("CommandLine",
                                             "--screenshot-after needs a number of milliseconds.");
        return std::nullopt;
    }
    options.account = p.parser.value(p.account).trimmed();
    options.passwordFile = p.parser.value(p.passwordFile);
    options.allowPlaintextLoopback = p.parser.isSet(p.plaintext);
    options.headless = p.parser.isSet(p.headless);
    if (!options.account.isEmpty()) {
        const qsizetype at = options.account.indexOf(u'@');
        if (at <= 0 || at == options.account.size() - 1 || options.account.contains(u'/')) {
            *error = QCoreApplication::translate("CommandLine",
                                                 "--account needs an address like "
                                                 "coach@example.org, not “%1”.")
                         .arg(options.account);
            return std::nullopt;
        }
        if (options.passwordFile.isEmpty()) {
            *error = QCoreApplication::translate("CommandLine",
                                                 "--account needs --password-file.");
            return std::nullopt;
        }
    } else if (!options.passwordFile.isEmpty()) {
        *error = QCoreApplication::translate("CommandLine", "--password-file needs --account.");
        return std::nullopt;
    }
    const QString server = p.parser.value(p.server).trimmed();
    if (!server.isEmpty()) {
        const qsizetype colon = server.lastIndexOf(u':');
        options.serverHost = colon > 0 ? server.left(colon) : server;
        if (colon > 0) {
            const uint port = server.mid(colon + 1).toUInt(&ok);
            if (!ok || port == 0 || port > 65535) {
                *error = QCoreApplication::translate("CommandLine",
                                                     "--server needs host or host:port with "
                                                     "a port from 1 to 65535, not “%1”.")
                             .arg(server);
                return std::nullopt;
            }
            options.serverPort = quint16(port);
        }
    }
    return options;
}

std::optional<Options> CommandLine::parse(const QCoreApplication &app, int *exitCode)
{
    QString message;
    bool helpOrVersion = false;
    auto options = parseArguments(app.arguments(), &message, &helpOrVersion);
    if (options) {
        *exitCode = 0;
        return options;
    }
    if (helpOrVersion) {
        std::fputs(qPrintable(message), stdout);
        *exitCode = 0;
    } else {
        std::fprintf(stderr, "%s\n%s\n", qPrintable(message),
                     qPrintable(QCoreApplication::translate("CommandLine",
                                                            "Try 'chorus --help'.")));
        *exitCode = 2;
    }
    return std::nullopt;
}

} // namespace chorus::workspace
