#include "LiveAccount.h"

#include "xmpp/Namespaces.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace chorus::test {

using xmpp::Element;
using xmpp::Jid;

bool StanzaRecorder::handleStanza(const Element &stanza)
{
    if (stanza.name() == u"message") {
        messages.append(stanza);
        return true;
    }
    if (stanza.name() == u"presence") {
        presences.append(stanza);
        return true;
    }
    return false;
}

LiveAccount::LiveAccount(const TestServer &server, const QString &user, const QString &resource)
    : m_client(std::make_unique<xmpp::Client>())
{
    xmpp::ClientSettings s;
    s.jid = Jid::fromString(user + u'@' + server.domain());
    s.password = u"pw-"_s + user;
    s.host = server.host();
    s.port = server.port();
    s.plaintextOnLoopback = true;
    s.resource = resource;
    s.reconnect.enabled = false;
    m_client->setSettings(s);
}

LiveAccount::~LiveAccount()
{
    if (m_client->state() != xmpp::Client::State::Disconnected)
        disconnect();
}

bool LiveAccount::waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    return QTest::qWaitFor(condition, timeoutMs);
}

bool LiveAccount::connect(int timeoutMs)
{
    if (!m_recorderAdded) {
        // Last, so the managers under test see stanzas first.
        m_client->addExtension(&m_recorder);
        m_recorderAdded = true;
    } else {
        m_client->removeExtension(&m_recorder);
        m_client->addExtension(&m_recorder);
    }
    QSignalSpy started(m_client.get(), &xmpp::Client::sessionStarted);
    QSignalSpy stopped(m_client.get(), &xmpp::Client::disconnected);
    m_client->connectToServer();
    waitFor([&] { return !started.isEmpty() || !stopped.isEmpty(); }, timeoutMs);
    return !started.isEmpty();
}

void LiveAccount::disconnect()
{
    QSignalSpy stopped(m_client.get(), &xmpp::Client::disconnected);
    m_client->disconnectFromServer();
    waitFor([&] { return !stopped.isEmpty(); }, 10000);
}

void LiveAccount::sendPresence(const Element &extra)
{
    Element presence(u"presence"_s, xmpp::ns::Client);
    if (!extra.isNull())
        presence.appendChild(extra);
    m_client->send(presence);
}

chorus::Expected<Element, xmpp::IqError> LiveAccount::iq(const Element &request, int timeoutMs)
{
    auto task = m_client->sendIq(request, timeoutMs);
    waitFor([&] { return task.isFinished(); }, timeoutMs + 5000);
    if (!task.isFinished())
        return xmpp::IqError {xmpp::IqError::Code::Timeout, {}, {}, {}, {}};
    return task.result();
}

bool LiveAccount::joinRoom(const Jid &room, const QString &nick)
{
    const qsizetype seen = m_recorder.presences.size();
    const Jid occupant = room.withResource(nick);
    Element presence(u"presence"_s, xmpp::ns::Client);
    presence.setAttribute(u"to"_s, occupant.toString());
    Element x(u"x"_s, u"http://jabber.org/protocol/muc"_s);
    x.appendChild(Element(u"history"_s, u"http://jabber.org/protocol/muc"_s)
                      .setAttribute(u"maxstanzas"_s, u"0"_s));
    presence.appendChild(x);
    m_client->send(presence);
    Element self;
    const bool joined = waitFor([&] {
        for (qsizetype i = seen; i < m_recorder.presences.size(); ++i) {
            const Element &p = m_recorder.presences.at(i);
            if (Jid::fromString(p.attribute(u"from")) != occupant)
                continue;
            if (p.attribute(u"type") == u"error")
                return true;
            for (const Element &status :
                 p.child(u"x", xmpp::ns::MucUser).children(u"status", xmpp::ns::MucUser)) {
                if (status.attribute(u"code") == u"110") {
                    self = p;
                    return true;
                }
            }
        }
        return false;
    });
    if (!joined || self.isNull())
        return false;
    bool created = false;
    for (const Element &status :
         self.child(u"x", xmpp::ns::MucUser).children(u"status", xmpp::ns::MucUser))
        created = created || status.attribute(u"code") == u"201";
    if (created) {
        // A new room: accept the default configuration (an "instant room").
        Element form(u"x"_s, xmpp::ns::DataForms);
        form.setAttribute(u"type"_s, u"submit"_s);
        Element owner(u"iq"_s, xmpp::ns::Client);
        owner.setAttribute(u"type"_s, u"set"_s)
            .setAttribute(u"to"_s, room.toString())
            .appendChild(
                Element(u"query"_s, u"http://jabber.org/protocol/muc#owner"_s).appendChild(form));
        if (!iq(owner).ok())
            return false;
    }
    return true;
}

QString LiveAccount::sendToRoom(const Jid &room, const QString &body)
{
    const QString id = m_client->generateId();
    Element message(u"message"_s, xmpp::ns::Client);
    message.setAttribute(u"to"_s, room.toString())
        .setAttribute(u"type"_s, u"groupchat"_s)
        .setAttribute(u"id"_s, id)
        .appendTextChild(u"body"_s, xmpp::ns::Client, body)
        .appendChild(Element(u"origin-id"_s, xmpp::ns::StanzaId).setAttribute(u"id"_s, id));
    const qsizetype seen = m_recorder.messages.size();
    m_client->send(message);
    QString stanzaId;
    waitFor([&] {
        for (qsizetype i = seen; i < m_recorder.messages.size(); ++i) {
            const Element &m = m_recorder.messages.at(i);
            if (m.attribute(u"id") != id
                && m.child(u"origin-id", xmpp::ns::StanzaId).attribute(u"id") != id)
                continue;
            for (const Element &sid : m.children(u"stanza-id", xmpp::ns::StanzaId)) {
                if (Jid::fromString(sid.attribute(u"by")) == room.bare()) {
                    stanzaId = sid.attribute(u"id");
                    return true;
                }
            }
        }
        return false;
    });
    return stanzaId;
}

QStringList makeAccounts(const TestServer &server, const QString &prefix, int count, QString *error)
{
    QList<QPair<QString, QString>> users;
    QStringList names;
    for (int i = 0; i < count; ++i) {
        const QString name = TestServer::uniqueName(prefix);
        users.append({name, u"pw-"_s + name});
        names.append(name);
    }
    if (!server.addUsers(users, error))
        return {};
    return names;
}

} // namespace chorus::test
