// The connection lifecycle against a scripted server: reconnect back-off with jitter
// (bounded), retries after failed attempts, fatal errors ending retries, a clean
// disconnect, XEP-0199 pings detecting a dead connection, XEP-0352 client state.
#include "ScriptedClient.h"

#include "xmpp/Namespaces.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::xmpp;
using chorus::test::ScriptedClient;
using chorus::test::ScriptedServer;

namespace {

ClientSettings settings()
{
    ClientSettings s = ScriptedClient::defaultSettings();
    s.plaintextOnLoopback = true;
    s.reconnect.enabled = true;
    s.reconnect.initialDelayMs = 40;
    s.reconnect.maxDelayMs = 1000;
    s.reconnect.jitter = 0;
    s.pingIntervalMs = 0;
    return s;
}

} // namespace

class tst_Connection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void backoffGrowsAndIsBounded();
    void jitterStaysWithinItsBand();
    void reconnectsAfterADrop();
    void failedAttemptsBackOff();
    void fatalErrorStopsRetrying();
    void disconnectWhileWaitingToRetry();
    void cleanDisconnect();
    void invalidSettings();
    void pingKeepsALiveConnection();
    void pingDetectsADeadConnection();
    void incomingDataCountsAsAlive();
    void clientStateIndication();
    void noCsiWhenTheServerDoesNotOfferIt();
};

void tst_Connection::backoffGrowsAndIsBounded()
{
    ReconnectPolicy p;
    p.initialDelayMs = 1000;
    p.maxDelayMs = 60000;
    p.multiplier = 2;
    p.jitter = 0;
    QCOMPARE(p.delayMs(0, 0.5), 1000);
    QCOMPARE(p.delayMs(1, 0.5), 2000);
    QCOMPARE(p.delayMs(4, 0.5), 16000);
    QCOMPARE(p.delayMs(6, 0.5), 60000);
    QCOMPARE(p.delayMs(1000, 0.5), 60000); // no overflow, still the cap
}

void tst_Connection::jitterStaysWithinItsBand()
{
    ReconnectPolicy p;
    p.initialDelayMs = 1000;
    p.maxDelayMs = 60000;
    p.jitter = 0.25;
    QCOMPARE(p.delayMs(0, 0.0), 750);
    QCOMPARE(p.delayMs(0, 0.999999), 1249);
    QCOMPARE(p.delayMs(2, 0.5), 4000);
    // At the cap jitter can only shorten the delay: the bound holds.
    QVERIFY(p.delayMs(20, 0.999) <= 60000);
    QVERIFY(p.delayMs(20, 0.0) >= 45000);
}

void tst_Connection::reconnectsAfterADrop()
{
    ScriptedClient c(settings());
    QList<Client::State> states;
    QObject::connect(c.client.get(), &Client::stateChanged, [&](Client::State s) { states << s; });
    QVERIFY2(c.login(), qPrintable(c.server.failure()));
    c.transport->drop(TransportError::Network);
    QCOMPARE(c.client->state(), Client::State::Reconnecting);
    QCOMPARE(c.reconnects, QList<int> {40});
    QCOMPARE(c.client->lastError().code, Error::Code::ConnectionLost);
    QVERIFY(c.server.waitForConnect(2));
    QVERIFY2(c.server.acceptAuthentication({}), qPrintable(c.server.failure()));
    c.server.send("<resumed xmlns='urn:xmpp:sm:3' h='0' previd='sm-1'/>");
    QVERIFY(c.waitForSessions(2));
    QCOMPARE(states,
             (QList<Client::State> {Client::State::Connecting, Client::State::Connected,
                                    Client::State::Reconnecting, Client::State::Connected}));
    // A working session resets the back-off.
    c.transport->drop();
    QCOMPARE(c.reconnects, (QList<int> {40, 40}));
}

void tst_Connection::failedAttemptsBackOff()
{
    ScriptedClient c(settings());
    QVERIFY2(c.login(), qPrintable(c.server.failure()));
    c.transport->setConnectError(TransportError::ConnectionRefused);
    c.transport->drop();
    QTRY_VERIFY_WITH_TIMEOUT(c.reconnects.size() >= 4, 5000);
    QCOMPARE(c.reconnects.mid(0, 4), (QList<int> {40, 80, 160, 320}));
    QCOMPARE(c.client->lastError().code, Error::Code::ConnectionRefused);
    QVERIFY(c.disconnects.isEmpty());
    c.transport->setConnectError(TransportError::None);
    const int attempts = int(c.transport->connectRequests().size());
    QVERIFY(c.server.waitForConnect(attempts + 1, 5000));
    QVERIFY2(c.server.acceptAuthentication({}), qPrintable(c.server.failure()));
    c.server.send("<resumed xmlns='urn:xmpp:sm:3' h='0' previd='sm-1'/>");
    QVERIFY(c.waitForSessions(2));
    QCOMPARE(c.sessions.last(), true);
}

void tst_Connection::fatalErrorStopsRetrying()
{
    ScriptedClient c(settings());
    QVERIFY2(c.login(), qPrintable(c.server.failure()));
    c.transport->drop();
    QVERIFY(c.server.waitForConnect(2));
    QVERIFY(c.server.waitForHeader());
    c.server.sendHeader();
    c.server.send(ScriptedServer::featuresXml({u"PLAIN"_s}, false, false));
    QVERIFY(c.server.nextElement());
    c.server.send("<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><not-authorized/></failure>");
    QVERIFY(c.waitForDisconnects(1));
    QCOMPARE(c.disconnects.first().code, Error::Code::NotAuthorized);
    QCOMPARE(c.client->state(), Client::State::Disconnected);
    QTest::qWait(200);
    QCOMPARE(c.transport->connectRequests().size(), 2);
    QCOMPARE(c.reconnects.size(), 1);
}

void tst_Connection::disconnectWhileWaitingToRetry()
{
    ClientSettings s = settings();
    s.reconnect.initialDelayMs = 10000;
    ScriptedClient c(s);
    QVERIFY2(c.login(), qPrintable(c.server.failure()));
    QVERIFY(c.client->send(Element(u"message"_s, ns::Client)
                               .setAttribute(u"to"_s, u"a@localhost"_s)
                               .appendTextChild(u"body"_s, ns::Client, u"unacked"_s)));
    c.transport->drop();
    QCOMPARE(c.client->state(), Client::State::Reconnecting);
    c.client->disconnectFromServer();
    QCOMPARE(c.client->state(), Client::State::Disconnected);
    QCOMPARE(c.disconnects.size(), 1);
    QCOMPARE(c.disconnects.first().code, Error::Code::None);
    // Nobody will ever know whether it arrived: the application is told.
    QCOMPARE(c.unconfirmed.size(), 1);
    QTest::qWait(100);
    QCOMPARE(c.transport->connectRequests().size(), 1);
}

void tst_Connection::cleanDisconnect()
{
    ScriptedClient c(settings());
    QVERIFY2(c.login(), qPrintable(c.server.failure()));
    c.server.send("<message from='a@localhost/x'><body>1</body></message>");
    c.client->disconnectFromServer();
    // Our last count, then the end of our stream; we wait for the server's.
    QVERIFY2(c.server.expectRaw("<a xmlns=\"urn:xmpp:sm:3\" h=\"1\"/></stream:stream>"),
             qPrintable(c.server.failure()));
    QVERIFY(c.disconnects.isEmpty());
    c.server.send("</stream:stream>");
    QVERIFY(c.waitForDisconnects(1));
    QCOMPARE(c.disconnects.first().code, Error::Code::None);
    QCOMPARE(c.client->state(), Client::State::Disconnected);
    QVERIFY(c.reconnects.isEmpty());
}

void tst_Connection::invalidSettings()
{
    ClientSettings s = settings();
    s.jid = Jid::fromString(u"localhost"); // no user
    ScriptedClient c(s);
    c.client->connectToServer();
    QCOMPARE(c.disconnects.size(), 1);
    QCOMPARE(c.disconnects.first().code, Error::Code::InvalidSettings);
    QVERIFY(c.transport->connectRequests().isEmpty());
}

void tst_Connection::pingKeepsALiveConnection()
{
    ClientSettings s = settings();
    s.pingIntervalMs = 100;
    s.pingTimeoutMs = 300;
    ScriptedClient c(s);
    QVERIFY2(c.login(), qPrintable(c.server.failure()));
    for (int i = 0; i < 2; ++i) {
        const auto ping = c.server.nextStanza(2000);
        QVERIFY(ping);
        QCOMPARE(ping->attribute(u"to"), u"localhost"_s);
        QVERIFY(ping->hasChild(u"ping", ns::Ping));
        c.server.send("<iq type='result' id='" + ping->attribute(u"id").toUtf8()
                      + "' from='localhost'/>");
    }
    QCOMPARE(c.client->state(), Client::State::Connected);
    QVERIFY(c.reconnects.isEmpty());
}

void tst_Connection::pingDetectsADeadConnection()
{
    ClientSettings s = settings();
    s.pingIntervalMs = 100;
    s.pingTimeoutMs = 200;
    ScriptedClient c(s);
    QVERIFY2(c.login(), qPrintable(c.server.failure()));
    QVERIFY(c.server.nextStanza(2000)); // the ping, never answered: the link is dead
    QTRY_COMPARE_WITH_TIMEOUT(c.reconnects.size(), 1, 3000);
    QCOMPARE(c.client->lastError().code, Error::Code::PingTimeout);
    QVERIFY(c.server.waitForConnect(2));
}

void tst_Connection::incomingDataCountsAsAlive()
{
    ClientSettings s = settings();
    s.pingIntervalMs = 100;
    s.pingTimeoutMs = 300;
    ScriptedClient c(s);
    QVERIFY2(c.login(), qPrintable(c.server.failure()));
    QVERIFY(c.server.nextStanza(2000));
    // No answer to the ping, but the server is busy sending us other things.
    for (int i = 0; i < 8; ++i) {
        c.server.send("<presence from='r@conference.localhost/n" + QByteArray::number(i) + "'/>");
        QTest::qWait(50);
    }
    QTest::qWait(100);
    QVERIFY(c.reconnects.isEmpty());
}

void tst_Connection::clientStateIndication()
{
    ScriptedClient c(settings());
    c.client->setActive(false); // before connecting: sent once the session is up
    QVERIFY2(c.login(), qPrintable(c.server.failure()));
    QVERIFY2(c.server.expectRaw("<inactive xmlns=\"urn:xmpp:csi:0\"/>"),
             qPrintable(c.server.failure()));
    c.client->setActive(true);
    QVERIFY(c.server.expectRaw("<active xmlns=\"urn:xmpp:csi:0\"/>"));
    c.client->setActive(true); // no change, nothing sent
    QVERIFY(c.server.staysSilent(50));
    c.client->setActive(false);
    QVERIFY(c.server.expectRaw("<inactive xmlns=\"urn:xmpp:csi:0\"/>"));
    // Stated again after a reconnection.
    c.transport->drop();
    QVERIFY(c.server.waitForConnect(2));
    QVERIFY2(c.server.acceptAuthentication({}), qPrintable(c.server.failure()));
    QVERIFY(c.server.expectRaw("<resume xmlns=\"urn:xmpp:sm:3\" h=\"0\" previd=\"sm-1\"/>"));
    c.server.send("<resumed xmlns='urn:xmpp:sm:3' h='0' previd='sm-1'/>");
    QVERIFY2(c.server.expectRaw("<inactive xmlns=\"urn:xmpp:csi:0\"/>"),
             qPrintable(c.server.failure()));
}

void tst_Connection::noCsiWhenTheServerDoesNotOfferIt()
{
    ScriptedClient c(settings());
    ScriptedServer::Login login;
    login.csi = false;
    QVERIFY2(c.login(login), qPrintable(c.server.failure()));
    c.client->setActive(false);
    QVERIFY(c.server.staysSilent(50));
    QVERIFY(!c.client->isActive());
}

QTEST_GUILESS_MAIN(tst_Connection)
#include "tst_connection.moc"
