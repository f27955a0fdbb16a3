// XEP-0198 against real servers (Prosody and ejabberd), with the TCP connection cut
// or stalled by a TcpProxy between client and server: after a cut mid-flow the
// session resumes and no message is lost or duplicated in either direction; when the
// server refuses to resume, a fresh session starts and extensions are told; a
// stalled (dead) connection is noticed by XEP-0199 pings and resumed.
#include "TcpProxy.h"
#include "TestServer.h"

#include "xmpp/Client.h"
#include "xmpp/Extension.h"
#include "xmpp/Namespaces.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::xmpp;
using chorus::test::TcpProxy;
using chorus::test::TestServer;

namespace {

class Inbox : public Extension
{
public:
    bool handleStanza(const Element &stanza) override
    {
        if (stanza.name() != u"message" || !stanza.hasChild(u"body", ns::Client))
            return false;
        bodies << stanza.childText(u"body", ns::Client);
        return true;
    }
    void onSessionStarted(bool resumed) override
    {
        events << (resumed ? u"resumed"_s : u"fresh"_s);
    }
    void onDisconnected() override { events << u"disconnected"_s; }
    QStringList bodies;
    QStringList events;
};

Element chat(const Jid &to, const QString &body)
{
    Element m(u"message"_s, ns::Client);
    m.setAttribute(u"to"_s, to.toString())
        .setAttribute(u"type"_s, u"chat"_s)
        .appendTextChild(u"body"_s, ns::Client, body);
    return m;
}

QStringList numbered(const QString &prefix, int from, int to)
{
    QStringList out;
    for (int i = from; i <= to; ++i)
        out << prefix + QString::number(i);
    return out;
}

} // namespace

class tst_XmppResume : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void resumeAfterCutLosesAndDuplicatesNothing();
    void freshSessionWhenResumptionIsRefused();
    void deadConnectionIsNoticedAndResumed();

private:
    ClientSettings settingsFor(const QString &user) const;
    bool start(Client &client, int timeoutMs = 20000);

    std::optional<TestServer> m_server;
    QStringList m_accounts;
};

void tst_XmppResume::initTestCase()
{
    QString error;
    m_server = TestServer::fromEnvironment(&error);
    QVERIFY2(m_server, qPrintable(error));
    QList<QPair<QString, QString>> users;
    for (int i = 0; i < 6; ++i) {
        const QString name = TestServer::uniqueName(u"resume"_s);
        users.append({name, u"pw-"_s + name});
        m_accounts << name;
    }
    QVERIFY2(m_server->addUsers(users, &error), qPrintable(error));
}

ClientSettings tst_XmppResume::settingsFor(const QString &user) const
{
    ClientSettings s;
    s.jid = Jid::fromString(user + u'@' + m_server->domain());
    s.password = u"pw-"_s + user;
    s.host = m_server->host();
    s.port = m_server->port();
    s.plaintextOnLoopback = true; // loopback test servers; TLS is covered by xmpp_login
    s.reconnect.initialDelayMs = 100;
    s.reconnect.jitter = 0;
    s.ackRequestDelayMs = 50;
    s.pingIntervalMs = 0;
    return s;
}

bool tst_XmppResume::start(Client &client, int timeoutMs)
{
    QSignalSpy started(&client, &Client::sessionStarted);
    client.connectToServer();
    if (!started.wait(timeoutMs))
        return false;
    // Available, so that the server routes messages to this resource.
    return client.send(Element(u"presence"_s, ns::Client));
}

void tst_XmppResume::resumeAfterCutLosesAndDuplicatesNothing()
{
    TcpProxy proxy(m_server->host(), m_server->port());
    QVERIFY(proxy.start());
    ClientSettings aliceSettings = settingsFor(m_accounts.takeFirst());
    aliceSettings.host = proxy.host();
    aliceSettings.port = proxy.port();
    aliceSettings.ackRequestDelayMs = 60000; // no acknowledgement before the cut
    Client alice, bob;
    alice.setSettings(aliceSettings);
    bob.setSettings(settingsFor(m_accounts.takeFirst()));
    Inbox aliceInbox, bobInbox;
    alice.addExtension(&aliceInbox);
    bob.addExtension(&bobInbox);
    QVERIFY(start(alice));
    QVERIFY(start(bob));
    QVERIFY(alice.isStreamManagementEnabled());
    const Jid aliceJid = alice.boundJid();
    QSignalSpy aliceSessions(&alice, &Client::sessionStarted);

    // Alice is sending when her connection breaks: the server has handled some of her
    // messages (bob got them) but has not acknowledged them to her yet, so only the
    // count the server gives on resumption can tell her what to send again.
    for (int i = 1; i <= 15; ++i)
        QVERIFY(alice.send(chat(bob.boundJid(), u"a-%1"_s.arg(i))));
    QTRY_VERIFY_WITH_TIMEOUT(bobInbox.bodies.size() >= 5, 10000);
    proxy.cutAll();
    // She keeps sending while it is down.
    for (int i = 16; i <= 30; ++i)
        QVERIFY(alice.send(chat(bob.boundJid(), u"a-%1"_s.arg(i))));
    QTRY_COMPARE_WITH_TIMEOUT(alice.state(), Client::State::Reconnecting, 5000);
    // Meanwhile bob writes to her; the server keeps it for the interrupted session.
    for (int i = 1; i <= 20; ++i)
        QVERIFY(bob.send(chat(aliceJid, u"b-%1"_s.arg(i))));

    QVERIFY(aliceSessions.wait(20000));
    QCOMPARE(aliceSessions.first().first().toBool(), true);
    QCOMPARE(aliceInbox.events, (QStringList {u"fresh"_s, u"disconnected"_s, u"resumed"_s}));
    QCOMPARE(alice.boundJid(), aliceJid);
    QVERIFY(proxy.acceptedTotal() >= 2);

    QTRY_VERIFY_WITH_TIMEOUT(bobInbox.bodies.size() >= 30 && aliceInbox.bodies.size() >= 20, 15000);
    QTest::qWait(500); // a duplicate would arrive by now
    QCOMPARE(bobInbox.bodies, numbered(u"a-"_s, 1, 30));
    QCOMPARE(aliceInbox.bodies, numbered(u"b-"_s, 1, 20));
}

void tst_XmppResume::freshSessionWhenResumptionIsRefused()
{
    TcpProxy proxy(m_server->host(), m_server->port());
    QVERIFY(proxy.start());
    const QString user = m_accounts.takeFirst();
    ClientSettings aliceSettings = settingsFor(user);
    aliceSettings.host = proxy.host();
    aliceSettings.port = proxy.port();
    aliceSettings.resource = u"desk"_s;
    Client alice, bob;
    alice.setSettings(aliceSettings);
    bob.setSettings(settingsFor(m_accounts.takeFirst()));
    Inbox aliceInbox, bobInbox;
    alice.addExtension(&aliceInbox);
    bob.addExtension(&bobInbox);
    QVERIFY(start(alice));
    QVERIFY(start(bob));
    QSignalSpy aliceSessions(&alice, &Client::sessionStarted);

    // The connection breaks and stays broken for a while...
    proxy.setRefusing(true);
    proxy.cutAll();
    QTRY_COMPARE_WITH_TIMEOUT(alice.state(), Client::State::Reconnecting, 5000);
    // ...during which another device of the same account takes the resource, which
    // ends the interrupted session on the server.
    ClientSettings otherDevice = settingsFor(user);
    otherDevice.resource = u"desk"_s;
    Client other;
    other.setSettings(otherDevice);
    QVERIFY(start(other));
    QSignalSpy otherGone(&other, &Client::disconnected);
    other.disconnectFromServer();
    QVERIFY(otherGone.wait(5000));

    proxy.setRefusing(false);
    QVERIFY(aliceSessions.wait(30000));
    QCOMPARE(aliceSessions.first().first().toBool(), false);
    QCOMPARE(aliceInbox.events.first(), u"fresh"_s);
    QCOMPARE(aliceInbox.events.last(), u"fresh"_s);
    QVERIFY(!aliceInbox.events.contains(u"resumed"_s));
    QVERIFY(alice.sessionInfo().resumeFailed);
    QVERIFY(alice.isStreamManagementEnabled()); // the new session has its own

    // And it works.
    QVERIFY(alice.send(Element(u"presence"_s, ns::Client)));
    QVERIFY(alice.send(chat(bob.boundJid(), u"after the fresh start"_s)));
    QTRY_COMPARE_WITH_TIMEOUT(bobInbox.bodies, QStringList {u"after the fresh start"_s}, 10000);
}

void tst_XmppResume::deadConnectionIsNoticedAndResumed()
{
    TcpProxy proxy(m_server->host(), m_server->port());
    QVERIFY(proxy.start());
    ClientSettings aliceSettings = settingsFor(m_accounts.takeFirst());
    aliceSettings.host = proxy.host();
    aliceSettings.port = proxy.port();
    aliceSettings.pingIntervalMs = 300;
    aliceSettings.pingTimeoutMs = 500;
    Client alice, bob;
    alice.setSettings(aliceSettings);
    bob.setSettings(settingsFor(m_accounts.takeFirst()));
    Inbox aliceInbox;
    alice.addExtension(&aliceInbox);
    QVERIFY(start(alice));
    QVERIFY(start(bob));
    const Jid aliceJid = alice.boundJid();
    QSignalSpy reconnecting(&alice, &Client::reconnecting);
    QSignalSpy aliceSessions(&alice, &Client::sessionStarted);

    // Nothing is closed, nothing arrives: only pings can tell.
    proxy.setStalled(true);
    QVERIFY(bob.send(chat(aliceJid, u"while stalled"_s)));
    QVERIFY(reconnecting.wait(5000));
    QCOMPARE(reconnecting.first().at(1).value<Error>().code, Error::Code::PingTimeout);
    QVERIFY(aliceSessions.wait(20000));
    QCOMPARE(aliceSessions.first().first().toBool(), true);
    QTRY_COMPARE_WITH_TIMEOUT(aliceInbox.bodies, QStringList {u"while stalled"_s}, 10000);
    proxy.setStalled(false);
    QTest::qWait(300);
    QCOMPARE(aliceInbox.bodies, QStringList {u"while stalled"_s});
}

QTEST_GUILESS_MAIN(tst_XmppResume)
#include "tst_xmppresume.moc"
