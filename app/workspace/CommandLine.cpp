#include "workspace/CommandLine.h"

#include "Version.h"

#include <QCommandLineParser>
#include <QCoreApplication>

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

bool CommandLine::wantsScreenshot(const QStringList &arguments)
{
    for (const QString &arg : arguments.mid(1)) {
        if (arg == u"--screenshot" || arg.startsWith(u"--screenshot="))
            return true;
    }
    return false;
}

std::optional<Options> CommandLine::parse(const QCoreApplication &app, int *exitCode)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "CommandLine", "Run many group chats at once: members, activities, canned replies "
                       "and sales over XMPP."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profile(
        u"profile"_s, QCoreApplication::translate("CommandLine", "Keep all state under <dir>."),
        u"dir"_s);
    const QCommandLineOption lang(
        u"lang"_s,
        QCoreApplication::translate("CommandLine",
                                    "Use <language> (for example en or zh_CN) instead of "
                                    "the system language."),
        u"language"_s);
    const QCommandLineOption screenshot(
        u"screenshot"_s,
        QCoreApplication::translate("CommandLine",
                                    "Render the main window after start-up, save it as a PNG "
                                    "<file> and exit."),
        u"file"_s);
    parser.addOptions({profile, lang, screenshot});

    if (!parser.parse(app.arguments())) {
        std::fprintf(stderr, "%s\n%s\n", qPrintable(parser.errorText()),
                     qPrintable(QCoreApplication::translate("CommandLine",
                                                            "Try 'chorus --help'.")));
        *exitCode = 2;
        return std::nullopt;
    }
    if (parser.isSet(u"help"_s)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        *exitCode = 0;
        return std::nullopt;
    }
    if (parser.isSet(u"version"_s)) {
        std::printf("chorus %s\n", kVersion);
        *exitCode = 0;
        return std::nullopt;
    }
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate("CommandLine",
                                                            "Unexpected argument: %1")
                                    .arg(parser.positionalArguments().constFirst())));
        *exitCode = 2;
        return std::nullopt;
    }

    Options options;
    options.profileDir = parser.value(profile);
    options.language = parser.value(lang);
    options.screenshotPath = parser.value(screenshot);
    *exitCode = 0;
    return options;
}

} // namespace chorus::workspace
