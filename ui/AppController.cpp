#include "ui/AppController.h"

#include "ui/MainWindow.h"
#include "ui/SignInDialog.h"
#include "workspace/AccountController.h"
#include "workspace/CommandLine.h"
#include "workspace/DemoServer.h"
#include "workspace/GroupListModel.h"
#include "workspace/Session.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStatusBar>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace chorus::ui {

using workspace::GroupListModel;

AppController::AppController(workspace::Session *session, MainWindow *window,
                             workspace::DemoServer *demo, QObject *parent)
    : QObject(parent), m_session(session), m_window(window), m_demo(demo)
{
    if (m_demo) {
        connect(m_demo, &workspace::DemoServer::progress, this,
                [this](workspace::DemoServer::Step, const QString &text) {
                    if (m_dialog)
                        m_dialog->showDemoProgress(text);
                });
    }
    connect(session, &workspace::Session::workspaceOpened, window, &MainWindow::setWorkspace);
    connect(session, &workspace::Session::warning, window, [window](const QString &message) {
        window->statusBar()->showMessage(message, 15000);
    });
    connect(window, &MainWindow::signInRequested, this, &AppController::showSignIn);
    connect(session->account(), &workspace::AccountController::signInFailed, this,
            [this](const QString &message) {
                if (m_screenshotMode) {
                    std::fprintf(stderr, "%s\n", qPrintable(message));
                    return;
                }
                showSignIn();
                if (m_dialog)
                    m_window->statusBar()->showMessage(message, 15000);
            });
}

bool AppController::start(const workspace::Options &options)
{
    m_screenshotMode = !options.screenshotPath.isEmpty();
    QString error;
    bool fromOptions = false;
    if (!m_session->signInFromOptions(options, &fromOptions, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return false;
    }
    if (!fromOptions && m_session->account()->hasSavedAccount()) {
        m_session->account()->restore();
    } else if (!fromOptions && !m_screenshotMode) {
        // First run: the window shows behind the dialog with its empty states.
        QTimer::singleShot(0, this, &AppController::showSignIn);
    }
    if (m_screenshotMode)
        scheduleScreenshot(options.screenshotPath, options.screenshotWaitMs);
    return true;
}

void AppController::showSignIn()
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    m_dialog = new SignInDialog(m_session->account(), m_session->chat(), m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_session->account()->hasSavedAccount())
        m_dialog->setSettings(m_session->account()->savedSettings());
    if (m_demo) {
        m_dialog->setDemoAvailable(m_demo->isAvailable());
        connect(m_dialog, &SignInDialog::demoRequested, this, &AppController::startDemo);
        // Closing the dialog while the demo starts means "not now": nothing stays running.
        connect(m_dialog, &QDialog::rejected, m_demo, [demo = m_demo] {
            if (demo->isStarting())
                demo->stop();
        });
        if (m_demo->isStarting())
            m_dialog->showDemoProgress(tr("Starting the demo server…"));
    }
    m_dialog->open();
}

void AppController::startDemo()
{
    if (!m_demo || m_demo->isStarting())
        return;
    if (m_dialog)
        m_dialog->showDemoProgress(
            workspace::DemoServer::stepText(workspace::DemoServer::Step::StartingServer));
    m_demo->start().then(this, [this](const Expected<workspace::DemoAccount, workspace::DemoError> &started) {
        if (!started.ok()) {
            if (started.error().code == workspace::DemoError::Code::Stopped)
                return;
            if (m_dialog)
                m_dialog->showDemoFailed(started.error().message, started.error().detail);
            else
                m_window->statusBar()->showMessage(started.error().message, 15000);
            return;
        }
        const workspace::DemoAccount &demo = started.value();
        if (m_dialog)
            m_dialog->waitForDemoSignIn(demo.jid, demo.host, demo.port);
        m_session->signInToDemo(demo.jid, demo.password, demo.host, demo.port);
    });
}

bool AppController::settled() const
{
    workspace::Workspace *ws = m_session->workspace();
    if (!ws || ws->connectionState() != chat::ConnectionState::Connected)
        return false;
    GroupListModel *groups = ws->groups();
    if (groups->rowCount() == 0)
        return false;
    for (int row = 0; row < groups->rowCount(); ++row) {
        const auto state = groups->index(row).data(GroupListModel::JoinStateRole).value<GroupListModel::JoinState>();
        if (state == GroupListModel::JoinState::Joining || state == GroupListModel::JoinState::NotJoined)
            return false;
    }
    return true;
}

void AppController::scheduleScreenshot(const QString &path, int maxWaitMs)
{
    auto *poll = new QTimer(this);
    auto *clock = new QElapsedTimer;
    clock->start();
    poll->setInterval(250);
    connect(poll, &QTimer::timeout, this, [this, poll, clock, path, maxWaitMs] {
        const bool ready = settled();
        if (!ready && clock->elapsed() < maxWaitMs)
            return;
        poll->stop();
        delete clock;
        if (ready) {
            // Show the two busiest-looking groups side by side, then give the archive
            // catch-up a moment to fill them.
            GroupListModel *groups = m_session->workspace()->groups();
            for (int row = 0; row < qMin(2, groups->rowCount()); ++row)
                m_window->openGroup(groups->index(row).data(GroupListModel::GroupIdRole).toString(), row > 0);
        }
        QTimer::singleShot(ready ? 2500 : 300, this, [this, path] { saveScreenshot(path); });
    });
    poll->start();
}

void AppController::saveScreenshot(const QString &path)
{
    const bool saved = m_window->grab().save(path, "PNG");
    if (saved)
        std::printf("%s\n", qPrintable(QCoreApplication::translate("main", "Screenshot saved to %1").arg(path)));
    else
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate("main", "Could not save a screenshot to %1").arg(path)));
    QCoreApplication::exit(saved ? 0 : 1);
}

} // namespace chorus::ui
