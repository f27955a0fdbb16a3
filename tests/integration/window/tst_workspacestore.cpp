// The workspace puts what the XMPP layer receives into the store: live and caught-up
// messages land once each (compared by stanza-id with what was sent), catch-up resumes
// from the store's last stanza-id after a restart, and the store's history shows before
// the server answers.

#include "TestServer.h"

#include "chat/XmppChatService.h"
#include "store/AsyncStore.h"
#include "workspace/GroupListModel.h"
#include "workspace/TimelineModel.h"
#include "workspace/Workspace.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus;

namespace {

template <typename T, typename E>
std::optional<Expected<T, E>> await(Task<T, E> task, int ms = 20000)
{
    if (!QTest::qWaitFor([&] { return task.isFinished(); }, ms) || task.resultCount() == 0)
        return std::nullopt;
    return task.result();
}

chat::AccountSettings accountOn(const test::TestServer &server, const QString &user)
{
    chat::AccountSettings s;
    s.jid = user + u'@' + server.domain();
    s.host = server.host();
    s.port = server.port();
    s.allowPlaintextLoopback = true;
    return s;
}

/// The operator's side as the app builds it: service, store, workspace.
struct Operator
{
    chat::XmppChatService chat;
    store::AsyncStore store;
    workspace::Workspace workspace;
    explicit Operator(const QString &dbPath)
        : store(store::AsyncStore::Options {{dbPath}, {}, {}, {}}), workspace(&chat, &store)
    {
        store.open();
        workspace.start();
    }
};

QStringList storedBodies(store::AsyncStore &store, const QString &group, QSet<QString> *stanzaIds,
                         int *duplicateIds)
{
    stanzaIds->clear();
    *duplicateIds = 0;
    auto page = await(store.timeline(group, store::Direction::Backward, std::nullopt, 1000));
    if (!page || !page->ok())
        return {u"<store read failed>"_s};
    QStringList bodies;
    for (const store::StoredMessage &m : page->value().messages) {
        bodies << m.message.body;
        if (!m.message.stanzaId.isEmpty()) {
            if (stanzaIds->contains(m.message.stanzaId))
                ++*duplicateIds;
            stanzaIds->insert(m.message.stanzaId);
        }
    }
    if (qEnvironmentVariableIsSet("DEBUG_STORE"))
        for (const store::StoredMessage &m : page->value().messages)
            qWarning() << m.id << m.message.timestamp << m.message.body << m.message.stanzaId;
    return bodies;
}

} // namespace

class tst_WorkspaceStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void messagesLandOnceAcrossRestarts();
};

void tst_WorkspaceStore::messagesLandOnceAcrossRestarts()
{
    QString error;
    auto server = test::TestServer::fromEnvironment(&error);
    QVERIFY2(server, qPrintable(error));
    const QString op = test::TestServer::uniqueName(u"op"_s);
    const QString guest = test::TestServer::uniqueName(u"guest"_s);
    QVERIFY2(server->addUsers({{op, u"pw"_s}, {guest, u"pw"_s}}, &error), qPrintable(error));
    QTemporaryDir dir;
    const QString db = dir.filePath(u"op.sqlite"_s);

    // The guest's side: a plain chat service.
    chat::XmppChatService guestChat;
    QStringList guestSeen;
    connect(&guestChat, &chat::ChatService::messagesReceived, this,
            [&](const QList<chat::Message> &batch) { for (const auto &m : batch) guestSeen << m.body; });
    guestChat.connectAccount(accountOn(*server, guest), u"pw"_s);

    auto first = std::make_unique<Operator>(db);
    QStringList warnings;
    connect(&first->workspace, &workspace::Workspace::serviceWarning, this,
            [&](const QString &w) { warnings << w; qWarning("%s", qPrintable(w)); });
    first->chat.connectAccount(accountOn(*server, op), u"pw"_s);
    QTRY_COMPARE_WITH_TIMEOUT(first->workspace.connectionState(), chat::ConnectionState::Connected, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(guestChat.connectionState(), chat::ConnectionState::Connected, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!first->chat.groupService().isEmpty(), 10000);

    chat::Group wanted = workspace::Workspace::newGroupDefaults(u"Yoga Monday"_s,
                                                                test::TestServer::uniqueName(u"yoga"_s));
    wanted.tags = {u"fitness"_s};
    auto created = await(first->workspace.createGroup(wanted));
    QVERIFY(created && created->ok());
    const chat::Group group = created->value();
    QTRY_COMPARE_WITH_TIMEOUT(
        first->workspace.groups()->index(first->workspace.groups()->rowOf(group.id))
            .data(workspace::GroupListModel::JoinStateRole).value<workspace::GroupListModel::JoinState>(),
        workspace::GroupListModel::JoinState::Joined, 20000);

    chat::Group asGuest = group;
    asGuest.nick = u"Lin"_s;
    guestChat.joinGroups({asGuest});
    QSignalSpy joined(&guestChat, &chat::ChatService::catchUpFinished);
    QTRY_VERIFY_WITH_TIMEOUT(!joined.isEmpty(), 20000);

    // Live: five messages, and one from the operator through the workspace.
    QStringList sent;
    for (int i = 1; i <= 5; ++i) {
        const QString text = u"live %1 — 报名 +1"_s.arg(i);
        QVERIFY(await(guestChat.sendMessage(group.id, text))->ok());
        sent << text;
    }
    // (Received messages are stamped on arrival: wait for them so the order is the room's.)
    QTRY_COMPARE_WITH_TIMEOUT(first->workspace.timeline(group.id)->rowCount(), 5, 10000);
    QVERIFY(await(first->workspace.send(group.id, u"Class moves to 7:30 tomorrow."_s))->ok());
    sent << u"Class moves to 7:30 tomorrow."_s;
    QTRY_VERIFY_WITH_TIMEOUT(guestSeen.contains(u"Class moves to 7:30 tomorrow."_s), 10000);
    QSet<QString> ids;
    int duplicates = 0;
    QTRY_COMPARE_WITH_TIMEOUT(first->workspace.timeline(group.id)->rowCount(), sent.size(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(storedBodies(first->store, group.id, &ids, &duplicates), sent, 10000);

    // Offline: the guest keeps writing.
    first.reset();
    for (int i = 1; i <= 7; ++i) {
        const QString text = u"while away %1"_s.arg(i);
        QVERIFY(await(guestChat.sendMessage(group.id, text))->ok());
        sent << text;
    }
    QTRY_VERIFY_WITH_TIMEOUT(guestSeen.contains(u"while away 7"_s), 10000);

    // Restart on the same store: history shows from the store before connecting, and
    // the catch-up brings exactly the missed seven.
    auto second = std::make_unique<Operator>(db);
    QTRY_VERIFY_WITH_TIMEOUT(second->workspace.groups()->rowOf(group.id) >= 0, 5000);
    workspace::TimelineModel *timeline = second->workspace.timeline(group.id);
    QTRY_COMPARE_WITH_TIMEOUT(timeline->rowCount(), 6, 5000);
    QSignalSpy caughtUp(&second->chat, &chat::ChatService::catchUpFinished);
    second->chat.connectAccount(accountOn(*server, op), u"pw"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!caughtUp.isEmpty(), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(storedBodies(second->store, group.id, &ids, &duplicates), sent, 10000);
    QCOMPARE(duplicates, 0);
    QCOMPARE(ids.size(), sent.size()); // every stored message carries the room's stanza-id
    QTRY_COMPARE_WITH_TIMEOUT(timeline->rowCount(), sent.size(), 5000);
    // The group's tags came back from the bookmark, its rules from the store.
    const chat::Group restored = second->workspace.groups()->group(group.id);
    QCOMPARE(restored.tags, wanted.tags);
    QCOMPARE(restored.config.historyLength, 0);
}

QTEST_GUILESS_MAIN(tst_WorkspaceStore)
#include "tst_workspacestore.moc"
