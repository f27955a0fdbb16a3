#pragma once

// Shared set-up for the window tests on a real server: the operator's groups made
// beforehand (as from another device), the app built the way main.cpp builds it, and a
// member who talks in a group through a plain chat service.

#include "TestServer.h"

#include "chat/XmppChatService.h"
#include "ui/AppController.h"
#include "ui/MainWindow.h"
#include "workspace/CommandLine.h"
#include "workspace/GroupListModel.h"
#include "workspace/Profile.h"
#include "workspace/Session.h"
#include "workspace/Workspace.h"

#include <QFile>
#include <QSettings>
#include <QTest>

#include <memory>

namespace chorus::test {

/// Loopback account settings for `localpart` on the fixture's server.
inline chat::AccountSettings accountOn(const TestServer &server, const QString &localpart)
{
    chat::AccountSettings account;
    account.jid = localpart + u'@' + server.domain();
    account.host = server.host();
    account.port = server.port();
    account.allowPlaintextLoopback = true;
    return account;
}

/// Creates groups named `names` in `account`'s bookmarks through a connection of its
/// own, then disconnects. Returns the group ids, or an empty list with `error` set.
inline QStringList createGroups(const chat::AccountSettings &account, const QString &password,
                                const QStringList &names, QString *error)
{
    chat::XmppChatService setup;
    setup.connectAccount(account, password);
    // Signed in and the server's group service found.
    if (!QTest::qWaitFor([&] { return !setup.groupService().isEmpty(); }, 20000)) {
        *error = QStringLiteral("the set-up connection found no group service");
        return {};
    }
    QStringList ids;
    for (const QString &name : names) {
        chat::Group g = workspace::Workspace::newGroupDefaults(
            name, TestServer::uniqueName(QStringLiteral("class")));
        g.tags = {QStringLiteral("fitness")};
        auto task = setup.createGroup(g);
        if (!QTest::qWaitFor([&] { return task.isFinished(); }, 20000) || !task.result().ok()) {
            *error = task.isFinished() ? task.result().error().message
                                       : QStringLiteral("creating a group timed out");
            return {};
        }
        ids << task.result().value().id;
    }
    setup.disconnectAccount();
    return ids;
}

/// Chorus as main.cpp assembles it (profile, settings, session, window, start-up
/// controller), destroyed in the reverse order.
class RunningApp
{
public:
    explicit RunningApp(const QString &profileDir)
        : m_profile(profileDir), m_settings(m_profile.openSettings()),
          m_session(std::make_unique<workspace::Session>(m_profile, m_settings.get())),
          m_window(std::make_unique<ui::MainWindow>(m_settings.get())),
          m_controller(std::make_unique<ui::AppController>(m_session.get(), m_window.get()))
    {
    }
    ~RunningApp()
    {
        m_controller.reset();
        m_window.reset();
        m_session.reset();
    }

    /// Starts as `chorus --profile DIR <args>`, window shown.
    bool start(const QStringList &args, QString *error)
    {
        QStringList all {QStringLiteral("chorus"), QStringLiteral("--profile"), m_profile.directory()};
        all << args;
        const auto options = workspace::CommandLine::parseArguments(all, error);
        if (!options)
            return false;
        m_window->show();
        if (!m_controller->start(*options)) {
            *error = QStringLiteral("the app refused its command line");
            return false;
        }
        return true;
    }

    /// Closes the window (it saves its layout) and signs out cleanly, so the next run
    /// on the same profile can take the same nicks. False if the sign-out hung.
    bool quit()
    {
        m_window->close();
        m_session->chat()->disconnectAccount();
        return QTest::qWaitFor(
            [&] { return m_session->chat()->connectionState() == chat::ConnectionState::Offline; },
            5000);
    }

    workspace::Session *session() const { return m_session.get(); }
    ui::MainWindow *window() const { return m_window.get(); }
    ui::AppController *controller() const { return m_controller.get(); }
    workspace::Workspace *workspace() const { return m_session->workspace(); }
    QSettings *settings() const { return m_settings.get(); }

private:
    workspace::Profile m_profile;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<workspace::Session> m_session;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<ui::AppController> m_controller;
};

/// The arguments that sign `account` in without the dialog (password in a file under
/// `dir`), as the demo and a headless agent do.
inline QStringList signInArgs(const chat::AccountSettings &account, const QString &password,
                              const QString &dir)
{
    QFile file(dir + QStringLiteral("/password"));
    if (file.open(QIODevice::WriteOnly))
        file.write(password.toUtf8() + "\n");
    return {QStringLiteral("--account"), account.jid, QStringLiteral("--password-file"),
            file.fileName(), QStringLiteral("--server"),
            QStringLiteral("%1:%2").arg(account.host).arg(account.port),
            QStringLiteral("--allow-plaintext-loopback")};
}

/// The group's join state as the group list shows it.
inline workspace::GroupListModel::JoinState joinState(workspace::GroupListModel *groups,
                                                      const QString &id)
{
    const int row = groups->rowOf(id);
    return row < 0 ? workspace::GroupListModel::JoinState::NotJoined
                   : groups->index(row)
                         .data(workspace::GroupListModel::JoinStateRole)
                         .value<workspace::GroupListModel::JoinState>();
}

/// Waits until the window's workspace has joined every group in `ids`.
inline bool waitJoined(const RunningApp &app, const QStringList &ids, int timeoutMs = 30000)
{
    return QTest::qWaitFor(
        [&] {
            if (!app.workspace())
                return false;
            for (const QString &id : ids) {
                if (joinState(app.workspace()->groups(), id)
                    != workspace::GroupListModel::JoinState::Joined)
                    return false;
            }
            return true;
        },
        timeoutMs);
}

/// A member of the operator's groups on a client of their own: joins with a nick and
/// keeps every message it receives (its own echoes included).
class LiveMember
{
public:
    LiveMember(const chat::AccountSettings &account, const QString &password)
    {
        QObject::connect(&m_chat, &chat::ChatService::messagesReceived, &m_context,
                         [this](const QList<chat::Message> &batch) { m_received << batch; });
        QObject::connect(&m_chat, &chat::ChatService::groupJoined, &m_context,
                         [this](const QString &id) { m_joined << id; });
        m_chat.connectAccount(account, password);
    }

    /// Joins `group` (as the operator's list knows it) under `nick`.
    bool join(chat::Group group, const QString &nick)
    {
        if (!QTest::qWaitFor(
                [&] { return m_chat.connectionState() == chat::ConnectionState::Connected; }, 20000))
            return false;
        group.nick = nick;
        m_chat.joinGroups({group});
        return QTest::qWaitFor([&] { return m_joined.contains(group.id); }, 20000);
    }

    /// Says `text` in a group; true once the server took it.
    bool say(const QString &groupId, const QString &text)
    {
        auto task = m_chat.sendMessage(groupId, text);
        return QTest::qWaitFor([&] { return task.isFinished(); }, 10000) && task.result().ok();
    }

    /// The last message received with this body (an empty message when none).
    chat::Message received(const QString &body) const
    {
        for (auto it = m_received.crbegin(); it != m_received.crend(); ++it) {
            if (it->body == body)
                return *it;
        }
        return {};
    }

    chat::XmppChatService &chat() { return m_chat; }

private:
    // Declared so that the service goes first: its last signals still find the lists.
    QList<chat::Message> m_received;
    QStringList m_joined;
    QObject m_context;
    chat::XmppChatService m_chat;
};

} // namespace chorus::test
