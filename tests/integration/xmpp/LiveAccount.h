#pragma once

// A logged-in account on the fixture server for integration tests of the managers:
// a Client, a recorder of what reaches it, and a tiny room join (the MUC manager is
// not this test's subject: a join presence and the owner's instant-room form).

#include "TestServer.h"

#include "xmpp/Client.h"
#include "xmpp/Extension.h"

#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace chorus::test {

/// Records every message and presence that reaches it (registered last).
class StanzaRecorder : public xmpp::Extension
{
public:
    bool handleStanza(const xmpp::Element &stanza) override;
    QList<xmpp::Element> messages;
    QList<xmpp::Element> presences;
};

class LiveAccount
{
public:
    LiveAccount(const TestServer &server, const QString &user, const QString &resource = {});
    ~LiveAccount();

    /// Connects (plaintext on loopback) and waits for the session; false on failure.
    bool connect(int timeoutMs = 20000);
    /// Closes the stream and waits until the client reports it.
    void disconnect();
    /// Sends an available presence (with `extra` children, e.g. caps).
    void sendPresence(const xmpp::Element &extra = {});
    /// Joins `room` as `nick` (no history) and waits for our own presence; creates the
    /// room as an instant room where the server locks new rooms (ejabberd).
    bool joinRoom(const xmpp::Jid &room, const QString &nick);
    /// Sends a groupchat message and waits for the room's echo; returns its stanza-id
    /// (by the room), empty on timeout.
    QString sendToRoom(const xmpp::Jid &room, const QString &body);
    /// Sends an iq and waits for its reply.
    chorus::Expected<xmpp::Element, xmpp::IqError> iq(const xmpp::Element &request,
                                                      int timeoutMs = 20000);
    /// Waits until `condition` holds (spinning the event loop).
    static bool waitFor(const std::function<bool()> &condition, int timeoutMs = 20000);

    xmpp::Jid jid() const { return m_client->boundJid(); }
    xmpp::Client &client() { return *m_client; }
    StanzaRecorder &recorder() { return m_recorder; }

private:
    std::unique_ptr<xmpp::Client> m_client;
    StanzaRecorder m_recorder;
    bool m_recorderAdded = false;
};

/// Creates `count` fresh accounts with password "pw-<name>"; empty on failure.
QStringList makeAccounts(const TestServer &server, const QString &prefix, int count,
                         QString *error = nullptr);

} // namespace chorus::test
