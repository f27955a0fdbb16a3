#pragma once

#include <QObject>
#include <QPointer>

namespace chorus::workspace {
class DemoServer;
class Session;
struct Options;
} // namespace chorus::workspace

namespace chorus::ui {

class MainWindow;
class SignInDialog;

/// The desktop start-up: signs in from the command line, from the saved account, or
/// through the sign-in dialog on first run; hands each new workspace to the window; and,
/// for --screenshot, waits until the workspace has settled before saving the window.
/// With a DemoServer, the first-run dialog offers the local demo and signs in to it.
class AppController : public QObject
{
    Q_OBJECT
public:
    /// `demo` may be null (no demo offered); it must outlive the controller.
    AppController(workspace::Session *session, MainWindow *window,
                  workspace::DemoServer *demo = nullptr, QObject *parent = nullptr);

    /// Starts with the command line's options. Returns false (with a message printed)
    /// when the options cannot work, e.g. an unreadable password file.
    bool start(const workspace::Options &options);
    void showSignIn();

private:
    void startDemo();
    void scheduleScreenshot(const QString &path, int maxWaitMs);
    bool settled() const;
    void saveScreenshot(const QString &path);

    workspace::Session *m_session;
    MainWindow *m_window;
    workspace::DemoServer *m_demo;
    QPointer<SignInDialog> m_dialog;
    bool m_screenshotMode = false;
};

} // namespace chorus::ui
