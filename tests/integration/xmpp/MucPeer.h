#pragma once

// One account on a real server with a MucManager, recording what it reports: the
// actors of the MUC integration tests (operator, other members, a guest).

#include "TestServer.h"

#include "xmpp/Client.h"
#include "xmpp/MucManager.h"

#include <QSignalSpy>
#include <QTest>

namespace chorus::test {

class MucPeer
{
public:
    MucPeer(const TestServer &server, const QString &user, const QString &password)
    {
        xmpp::ClientSettings s;
        s.jid = xmpp::Jid::fromString(user + u'@' + server.domain());
        s.password = password;
        s.host = server.host();
        s.port = server.port();
        s.plaintextOnLoopback = true;
        s.reconnect.enabled = false;
        client.setSettings(s);
        client.addExtension(&muc);
        QObject::connect(&muc, &xmpp::MucManager::roomJoined,
                         [this](const xmpp::MucJoined &j) { joined.append(j); });
        QObject::connect(&muc, &xmpp::MucManager::roomJoinFailed,
                         [this](const xmpp::Jid &r, const xmpp::MucError &e) { failed.append({r, e}); });
        QObject::connect(&muc, &xmpp::MucManager::joinLimitReached,
                         [this](const QList<xmpp::Jid> &refused, const QList<xmpp::Jid> &skipped,
                                const xmpp::MucError &e) { limits.append({refused, skipped, e}); });
        QObject::connect(&muc, &xmpp::MucManager::roomLeft,
                         [this](const xmpp::Jid &r, const xmpp::MucLeave &w) { left.append({r, w}); });
        QObject::connect(&muc, &xmpp::MucManager::occupantChanged,
                         [this](const xmpp::Jid &, const xmpp::MucOccupant &o) { changed.append(o); });
        QObject::connect(&muc, &xmpp::MucManager::occupantLeft,
                         [this](const xmpp::Jid &, const xmpp::MucOccupant &o, const xmpp::MucLeave &w) {
                             occupantsLeft.append({o, w});
                         });
        QObject::connect(&muc, &xmpp::MucManager::messageReceived,
                         [this](const xmpp::MucMessage &m) { messages.append(m); });
        QObject::connect(&muc, &xmpp::MucManager::invitationReceived,
                         [this](const xmpp::MucInvitation &i) { invitations.append(i); });
    }

    bool connect()
    {
        QSignalSpy started(&client, &xmpp::Client::sessionStarted);
        QSignalSpy stopped(&client, &xmpp::Client::disconnected);
        client.connectToServer();
        (void)QTest::qWaitFor([&] { return !started.isEmpty() || !stopped.isEmpty(); }, 20000);
        if (started.isEmpty())
            return false;
        // Available, so that messages to our bare JID (invitations) reach us.
        client.send(xmpp::Element(QStringLiteral("presence")));
        return true;
    }

    /// Joins and waits; true when joined.
    bool join(const xmpp::Jid &room, const QString &nick, xmpp::MucError *error = nullptr)
    {
        auto task = muc.join({room, nick});
        (void)QTest::qWaitFor([&] { return task.isFinished(); }, 20000);
        if (!task.isFinished())
            return false;
        if (!task.result().ok() && error)
            *error = task.result().error();
        return task.result().ok();
    }

    /// Waits for a Task and returns its result (a Timeout error when it never ends).
    template <typename T>
    static Expected<T, xmpp::MucError> wait(const Task<T, xmpp::MucError> &task, int ms = 20000)
    {
        (void)QTest::qWaitFor([&] { return task.isFinished(); }, ms);
        if (!task.isFinished())
            return xmpp::MucError::make(xmpp::MucError::Code::Timeout, QStringLiteral("test wait"));
        return task.result();
    }

    xmpp::Jid jid() const { return client.settings().jid; }

    xmpp::Client client;
    xmpp::MucManager muc;
    QList<xmpp::MucJoined> joined;
    QList<QPair<xmpp::Jid, xmpp::MucError>> failed;
    QList<std::tuple<QList<xmpp::Jid>, QList<xmpp::Jid>, xmpp::MucError>> limits;
    QList<QPair<xmpp::Jid, xmpp::MucLeave>> left;
    QList<xmpp::MucOccupant> changed;
    QList<QPair<xmpp::MucOccupant, xmpp::MucLeave>> occupantsLeft;
    QList<xmpp::MucMessage> messages;
    QList<xmpp::MucInvitation> invitations;
};

} // namespace chorus::test
