#pragma once

// A MucManager on a scripted session, with the server's side of rooms in a few calls
// and everything the manager reports recorded: the set-up of the MUC unit tests.

#include "ScriptedClient.h"

#include "xmpp/MucManager.h"
#include "xmpp/Namespaces.h"

#include <QTest>

#include <tuple>

namespace chorus::test {

class MucScript
{
public:
    MucScript()
    {
        xmpp::ClientSettings s = ScriptedClient::defaultSettings();
        s.plaintextOnLoopback = true;
        s.reconnect.enabled = true;
        s.reconnect.initialDelayMs = 10;
        s.reconnect.jitter = 0;
        s.ackRequestDelayMs = 60000; // keep <r/> out of the scripts
        m_client = std::make_unique<ScriptedClient>(s);
        m_client->client->addExtension(&muc);
        record();
    }

    bool login()
    {
        ScriptedServer::Login l;
        l.smId.clear(); // stream management without resumption: drops start afresh
        return m_client->login(l);
    }
    QString failure() const { return m_client->server.failure(); }
    ScriptedServer &server() { return m_client->server; }

    static xmpp::Jid room(int i)
    {
        return xmpp::Jid::fromString(QStringLiteral("room%1@conference.localhost").arg(i));
    }

    /// The next stanza the client wrote (a null Element when none came).
    xmpp::Element next(int timeoutMs = 2000)
    {
        return m_client->server.nextStanza(timeoutMs).value_or(xmpp::Element());
    }
    void inject(const QByteArray &xml) { m_client->server.send(xml); }
    QList<xmpp::Element> unhandled() const { return m_client->unhandled; }

    /// Another occupant's presence in `room`.
    void occupant(const xmpp::Jid &room, const QString &nick, const QString &affiliation,
                  const QString &role, const QString &realJid = {}, const QByteArray &extra = {})
    {
        QByteArray item = "<item affiliation='" + affiliation.toUtf8() + "' role='" + role.toUtf8() + "'";
        if (!realJid.isEmpty())
            item += " jid='" + realJid.toUtf8() + "'";
        inject("<presence from='" + room.toString().toUtf8() + '/' + nick.toUtf8() + "'>" + extra
               + "<x xmlns='http://jabber.org/protocol/muc#user'>" + item + "/></x></presence>");
    }

    /// Our own presence in `room` with status codes (110 for self).
    void selfPresence(const xmpp::Jid &room, const QString &nick, const QList<int> &codes,
                      const QString &affiliation, const QString &role, const QByteArray &extra = {})
    {
        QByteArray x = "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='"
            + affiliation.toUtf8() + "' role='" + role.toUtf8() + "' jid='"
            + m_client->server.boundJid().toUtf8() + "'/>";
        for (int c : codes)
            x += "<status code='" + QByteArray::number(c) + "'/>";
        inject("<presence from='" + room.toString().toUtf8() + '/' + nick.toUtf8() + "'>" + extra + x
               + "</x></presence>");
    }

    /// The room refuses `request` (a presence or message the client sent).
    void errorPresence(const xmpp::Element &request, const QByteArray &type,
                       const QByteArray &condition, const QByteArray &text = {})
    {
        inject("<presence type='error' from='" + request.attribute(u"to").toUtf8() + "'>"
               + "<x xmlns='http://jabber.org/protocol/muc'/>" + errorXml(type, condition, text)
               + "</presence>");
    }

    static QByteArray errorXml(const QByteArray &type, const QByteArray &condition,
                               const QByteArray &text = {})
    {
        QByteArray e = "<error type='" + type + "'><" + condition
            + " xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>";
        if (!text.isEmpty())
            e += "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>" + text + "</text>";
        return e + "</error>";
    }

    /// Answers an iq the client sent.
    void result(const xmpp::Element &iq, const QByteArray &payload = {})
    {
        inject("<iq type='result' id='" + iq.attribute(u"id").toUtf8() + "' from='"
               + iq.attribute(u"to").toUtf8() + "'>" + payload + "</iq>");
    }
    void iqError(const xmpp::Element &iq, const QByteArray &type, const QByteArray &condition,
                 const QByteArray &text = {})
    {
        inject("<iq type='error' id='" + iq.attribute(u"id").toUtf8() + "' from='"
               + iq.attribute(u"to").toUtf8() + "'>" + errorXml(type, condition, text) + "</iq>");
    }

    /// Answers a join in flight: the other occupants, then us.
    bool answerJoin(const xmpp::Jid &room, const QString &nick, const QStringList &others)
    {
        const int before = int(joined.size());
        for (const QString &o : others)
            occupant(room, o, QStringLiteral("none"), QStringLiteral("participant"));
        selfPresence(room, nick, {110}, QStringLiteral("owner"), QStringLiteral("moderator"));
        return QTest::qWaitFor([&] { return joined.size() > before; }, 2000);
    }

    /// Joins `room` start to finish.
    bool joinRoom(const xmpp::Jid &room, const QString &nick, const QStringList &others)
    {
        muc.joinRooms({{room, nick}});
        const xmpp::Element p = next();
        if (p.attribute(u"to") != room.toString() + u'/' + nick)
            return false;
        return answerJoin(room, nick, others);
    }

    /// Drops the connection; the client reconnects to a fresh session.
    bool reconnectFresh()
    {
        const int sessions = int(m_client->sessions.size());
        m_client->transport->drop();
        ScriptedServer::Login l;
        l.smId.clear();
        if (!m_client->server.acceptLogin(l))
            return false;
        return m_client->waitForSessions(sessions + 1);
    }

    static QString kindName(xmpp::MucLeave::Kind kind)
    {
        using K = xmpp::MucLeave::Kind;
        switch (kind) {
        case K::Left: return QStringLiteral("Left");
        case K::Kicked: return QStringLiteral("Kicked");
        case K::Banned: return QStringLiteral("Banned");
        case K::AffiliationChanged: return QStringLiteral("AffiliationChanged");
        case K::MembersOnly: return QStringLiteral("MembersOnly");
        case K::Shutdown: return QStringLiteral("Shutdown");
        case K::Error: return QStringLiteral("Error");
        case K::Destroyed: return QStringLiteral("Destroyed");
        case K::Dropped: return QStringLiteral("Dropped");
        }
        return {};
    }

    xmpp::MucManager muc;

    // What the manager reported.
    QList<xmpp::MucJoined> joined;
    QList<QPair<xmpp::Jid, xmpp::MucError>> failed;
    QList<std::tuple<QList<xmpp::Jid>, QList<xmpp::Jid>, xmpp::MucError>> limits;
    QList<QPair<xmpp::Jid, xmpp::MucLeave>> roomsLeft;
    QList<xmpp::Jid> rejoining;
    QStringList occupantEvents;
    QList<xmpp::MucLeave> leaves; ///< of other occupants
    QList<xmpp::MucMessage> messages;
    QList<xmpp::MucMessage> privateMessages;
    QList<xmpp::MucInvitation> invitations;
    QStringList subjects;
    QList<QList<int>> configChanges;
    QList<QPair<QString, xmpp::MucError>> messageFailures;
    int settled = 0;

private:
    void record()
    {
        using namespace chorus::xmpp;
        QObject::connect(&muc, &MucManager::roomJoined, [this](const MucJoined &j) { joined.append(j); });
        QObject::connect(&muc, &MucManager::roomJoinFailed,
                         [this](const Jid &r, const MucError &e) { failed.append({r, e}); });
        QObject::connect(&muc, &MucManager::joinLimitReached,
                         [this](const QList<Jid> &a, const QList<Jid> &b, const MucError &e) {
                             limits.append({a, b, e});
                         });
        QObject::connect(&muc, &MucManager::roomLeft,
                         [this](const Jid &r, const MucLeave &w) { roomsLeft.append({r, w}); });
        QObject::connect(&muc, &MucManager::roomRejoining, [this](const Jid &r) { rejoining.append(r); });
        QObject::connect(&muc, &MucManager::occupantJoined, [this](const Jid &, const MucOccupant &o) {
            occupantEvents.append(QStringLiteral("joined ") + o.nick);
        });
        QObject::connect(&muc, &MucManager::occupantChanged, [this](const Jid &, const MucOccupant &o) {
            occupantEvents.append(QStringLiteral("changed ") + o.nick);
        });
        QObject::connect(&muc, &MucManager::occupantNickChanged,
                         [this](const Jid &, const QString &old, const MucOccupant &o) {
                             occupantEvents.append(QStringLiteral("renamed %1 -> %2").arg(old, o.nick));
                         });
        QObject::connect(&muc, &MucManager::occupantLeft,
                         [this](const Jid &, const MucOccupant &o, const MucLeave &w) {
                             leaves.append(w);
                             occupantEvents.append(QStringLiteral("left %1 %2").arg(o.nick, kindName(w.kind)));
                         });
        QObject::connect(&muc, &MucManager::messageReceived, [this](const MucMessage &m) { messages.append(m); });
        QObject::connect(&muc, &MucManager::privateMessageReceived,
                         [this](const MucMessage &m) { privateMessages.append(m); });
        QObject::connect(&muc, &MucManager::invitationReceived,
                         [this](const MucInvitation &i) { invitations.append(i); });
        QObject::connect(&muc, &MucManager::subjectChanged,
                         [this](const Jid &, const QString &s, const QString &) { subjects.append(s); });
        QObject::connect(&muc, &MucManager::configChanged,
                         [this](const Jid &, const QList<int> &c) { configChanges.append(c); });
        QObject::connect(&muc, &MucManager::messageFailed,
                         [this](const Jid &, const QString &id, const MucError &e) {
                             messageFailures.append({id, e});
                         });
        QObject::connect(&muc, &MucManager::joinsSettled, [this] { ++settled; });
    }

    std::unique_ptr<ScriptedClient> m_client;
};

} // namespace chorus::test
