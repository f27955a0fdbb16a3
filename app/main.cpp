// Composition root: arguments, translations, the session, then the window (or, with
// --headless, the agent that runs the workspace without one).
#include "translations/Translations.h"
#include "ui/AppController.h"
#include "ui/MainWindow.h"
#include "ui/Resources.h"
#include "workspace/CommandLine.h"
#include "workspace/DemoServer.h"
#include "workspace/HeadlessAgent.h"
#include "workspace/Profile.h"
#include "workspace/Session.h"

#include "Version.h"

#include <QApplication>
#include <QSettings>
#include <QStandardPaths>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using chorus::workspace::CommandLine;

namespace {

QStringList argumentList(int argc, char **argv)
{
    QStringList list;
    for (int i = 0; i < argc; ++i)
        list << QString::fromLocal8Bit(argv[i]);
    return list;
}

std::unique_ptr<QCoreApplication> makeApplication(int &argc, char **argv)
{
    const QStringList args = argumentList(argc, argv);
    if (CommandLine::wantsConsoleOnly(args) || CommandLine::wantsHeadless(args))
        return std::make_unique<QCoreApplication>(argc, argv);
    // A screenshot needs no screen: render offscreen when there is no display.
    if (CommandLine::wantsScreenshot(args) && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QApplication>(argc, argv);
}

} // namespace

int main(int argc, char **argv)
{
    std::unique_ptr<QCoreApplication> app = makeApplication(argc, argv);
    QCoreApplication::setApplicationName(u"chorus"_s);
    QCoreApplication::setApplicationVersion(QString::fromLatin1(chorus::kVersion));
    QGuiApplication::setDesktopFileName(QString::fromLatin1(chorus::kAppId));
    chorus::i18n::install(*app, CommandLine::languageArgument(app->arguments()));

    int exitCode = 0;
    const auto options = CommandLine::parse(*app, &exitCode);
    if (!options)
        return exitCode;

    chorus::workspace::Profile profile(options->profileDir);
    if (!profile.isUsable()) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate("main",
                                                            "Cannot create the profile "
                                                            "directory %1.")
                                    .arg(profile.directory())));
        return 1;
    }
    const std::unique_ptr<QSettings> settings = profile.openSettings();

    // The local demo server lives as long as the app: its destructor stops it. It is made
    // before the session so that it stops after the session has closed its connection
    // (Prosody otherwise waits for our stream to close while we wait for Prosody).
    chorus::workspace::DemoServer demo(
        chorus::workspace::DemoLocations::find(QCoreApplication::applicationDirPath()),
        QStandardPaths::writableLocation(QStandardPaths::CacheLocation));
    chorus::workspace::Session session(profile, settings.get());
    if (options->headless) {
        chorus::workspace::HeadlessAgent agent(&session);
        if (!agent.start(*options))
            return 1;
        return app->exec();
    }

    chorus::ui::initResources();
    chorus::ui::MainWindow window(settings.get());
    chorus::ui::AppController controller(&session, &window, &demo);
    window.show();
    if (!controller.start(*options))
        return 1;
    return app->exec();
}
