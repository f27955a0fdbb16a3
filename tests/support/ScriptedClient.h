#pragma once

#include "ScriptedServer.h"
#include "ScriptedTransport.h"

#include "xmpp/Client.h"

#include <QList>

#include <memory>

namespace chorus::test {

/// A Client wired to a ScriptedServer, recording what it reports: the usual set-up
/// of a scripted session test (negotiation phases, managers on top of the session).
struct ScriptedClient
{
    /// Settings for user@localhost / "secret" on 127.0.0.1, no reconnection.
    static xmpp::ClientSettings defaultSettings();

    explicit ScriptedClient(const xmpp::ClientSettings &settings = defaultSettings());
    ~ScriptedClient();

    /// connectToServer() and acceptLogin(); true once the client reports the session.
    bool login(const ScriptedServer::Login &login = {});
    /// Waits until the client reports `count` sessions / disconnections.
    bool waitForSessions(int count, int timeoutMs = 5000);
    bool waitForDisconnects(int count, int timeoutMs = 5000);

    ScriptedTransport *transport = nullptr; ///< owned by client
    std::unique_ptr<xmpp::Client> client;
    ScriptedServer server;

    QList<bool> sessions; ///< sessionStarted(resumed)
    QList<xmpp::Error> disconnects; ///< disconnected(error)
    QList<int> reconnects; ///< reconnecting(delayMs)
    QList<xmpp::Element> unhandled; ///< stanzaUnhandled
    QList<QList<xmpp::Element>> unconfirmed;
};

} // namespace chorus::test
