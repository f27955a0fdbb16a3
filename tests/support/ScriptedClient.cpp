#include "ScriptedClient.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace chorus::test {
xmpp::ClientSettings ScriptedClient::defaultSettings()
{
    xmpp::ClientSettings s;
    s.jid = xmpp::Jid::fromString(u"user@localhost");
    s.password = u"secret"_s;
    s.host = u"127.0.0.1"_s;
    s.port = 5222;
    s.reconnect.enabled = false;
    return s;
}

ScriptedClient::ScriptedClient(const xmpp::ClientSettings &settings)
    : transport(new ScriptedTransport),
      client(std::make_unique<xmpp::Client>(std::unique_ptr<xmpp::Transport>(transport))),
      server(transport)
{
    client->setSettings(settings);
    QObject::connect(client.get(), &xmpp::Client::sessionStarted, client.get(),
                     [this](bool resumed) { sessions.append(resumed); });
    QObject::connect(client.get(), &xmpp::Client::disconnected, client.get(),
                     [this](const xmpp::Error &e) { disconnects.append(e); });
    QObject::connect(client.get(), &xmpp::Client::reconnecting, client.get(),
                     [this](int delay, const xmpp::Error &) { reconnects.append(delay); });
    QObject::connect(client.get(), &xmpp::Client::stanzaUnhandled, client.get(),
                     [this](const xmpp::Element &e) { unhandled.append(e); });
    QObject::connect(client.get(), &xmpp::Client::stanzasUnconfirmed, client.get(),
                     [this](const QList<xmpp::Element> &l) { unconfirmed.append(l); });
}

ScriptedClient::~ScriptedClient() = default;

bool ScriptedClient::login(const ScriptedServer::Login &login)
{
    const int before = int(sessions.size());
    client->connectToServer();
    if (!server.acceptLogin(login))
        return false;
    return waitForSessions(before + 1);
}

bool ScriptedClient::waitForSessions(int count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return sessions.size() >= count; }, timeoutMs);
}

bool ScriptedClient::waitForDisconnects(int count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return disconnects.size() >= count; }, timeoutMs);
}

} // namespace chorus::test
