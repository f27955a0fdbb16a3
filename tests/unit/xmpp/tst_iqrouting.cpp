// IQ tracking and stanza routing in an established session (scripted server): a reply
// is accepted only from the entity asked (the attack: a result from another JID is
// ignored and the request times out), the RFC 6120 rules for our own account and
// server, typed stanza errors, timeouts, unclaimed requests answered, extensions.
#include "ScriptedClient.h"

#include "xmpp/Extension.h"
#include "xmpp/Namespaces.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::xmpp;
using chorus::Expected;
using chorus::test::ScriptedClient;
using chorus::test::ScriptedServer;

namespace {

ClientSettings settings()
{
    ClientSettings s = ScriptedClient::defaultSettings();
    s.plaintextOnLoopback = true;
    return s;
}

Element iqGet(const QString &to, const QString &ns)
{
    Element iq(u"iq"_s, ns::Client);
    iq.setAttribute(u"type"_s, u"get"_s).appendChild(Element(u"query"_s, ns));
    if (!to.isEmpty())
        iq.setAttribute(u"to"_s, to);
    return iq;
}

QByteArray reply(const Element &request, const QString &from, const QByteArray &type = "result")
{
    QByteArray xml = "<iq type='" + type + "' id='" + request.attribute(u"id").toUtf8() + "'";
    if (!from.isNull())
        xml += " from='" + from.toUtf8() + "'";
    if (type == "error")
        return xml
            + "><error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
              "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>no such node</text></error></iq>";
    return xml + "><query xmlns='urn:x'/></iq>";
}

// Claims what matches, records what it saw and the session events.
class Recorder : public Extension
{
public:
    explicit Recorder(QString claims) : m_claims(std::move(claims)) { }
    bool handleStanza(const Element &stanza) override
    {
        seen.append(stanza);
        return stanza.name() == m_claims;
    }
    void onSessionStarted(bool resumed) override
    {
        events.append(resumed ? u"resumed"_s : u"fresh"_s);
    }
    void onDisconnected() override { events.append(u"disconnected"_s); }
    QList<Element> seen;
    QStringList events;

private:
    QString m_claims;
};

} // namespace

class tst_IqRouting : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void replyFromTheEntityAsked();
    void replyFromAnotherEntityIsIgnored();
    void spoofedReplyThenTheRealOne();
    void ownAccountRules_data();
    void ownAccountRules();
    void serverRules_data();
    void serverRules();
    void errorReplyIsTyped();
    void everyUnansweredRequestTimesOut();
    void notConnected();
    void requestsFailWhenTheSessionIsLost();
    void unclaimedRequestGetsServiceUnavailable();
    void pingIsAnswered();
    void unsolicitedResultIsDropped();
    void extensionsClaimInOrder();
    void extensionLifecycle();
    void extensionMayDisconnectWhenTheConnectionDrops();

private:
    std::unique_ptr<ScriptedClient> m_c;
};

void tst_IqRouting::init()
{
    m_c = std::make_unique<ScriptedClient>(settings());
    QVERIFY2(m_c->login(), qPrintable(m_c->server.failure()));
}

void tst_IqRouting::cleanup()
{
    m_c.reset();
}

void tst_IqRouting::replyFromTheEntityAsked()
{
    auto task = m_c->client->sendIq(iqGet(u"room@conference.localhost"_s, u"urn:x"_s));
    const auto sent = m_c->server.nextStanza();
    QVERIFY(sent);
    QVERIFY(!sent->attribute(u"id").isEmpty()); // an id was added
    QCOMPARE(sent->attribute(u"to"), u"room@conference.localhost"_s);
    m_c->server.send(reply(*sent, u"Room@Conference.Localhost"_s)); // same JID, other case
    QTRY_VERIFY(task.isFinished());
    QVERIFY(task.result().ok());
    QVERIFY(task.result().value().hasChild(u"query", u"urn:x"));
}

void tst_IqRouting::replyFromAnotherEntityIsIgnored()
{
    // The attack: someone else answers with the right id. Their answer must not be
    // taken for the real one; the request times out instead.
    auto task = m_c->client->sendIq(iqGet(u"alice@localhost/phone"_s, u"urn:x"_s), 300);
    const auto sent = m_c->server.nextStanza();
    QVERIFY(sent);
    m_c->server.send(reply(*sent, u"mallory@localhost/x"_s));
    m_c->server.send(reply(*sent, u"alice@localhost"_s)); // the bare JID is not who we asked either
    m_c->server.send(reply(*sent, QString())); // nor is our server
    QTest::qWait(50);
    QVERIFY(!task.isFinished());
    QTRY_VERIFY_WITH_TIMEOUT(task.isFinished(), 2000);
    QVERIFY(!task.result().ok());
    QCOMPARE(task.result().error().code, IqError::Code::Timeout);
    // The spoofed results were not treated as requests either: nothing was answered.
    QVERIFY(m_c->server.staysSilent(50) || !m_c->server.takeRaw().contains("<iq"));
}

void tst_IqRouting::spoofedReplyThenTheRealOne()
{
    auto task = m_c->client->sendIq(iqGet(u"alice@localhost/phone"_s, u"urn:x"_s));
    const auto sent = m_c->server.nextStanza();
    QVERIFY(sent);
    m_c->server.send("<iq type='result' id='" + sent->attribute(u"id").toUtf8()
                     + "' from='mallory@localhost/x'><query xmlns='urn:x'><fake/></query></iq>");
    m_c->server.send("<iq type='result' id='" + sent->attribute(u"id").toUtf8()
                     + "' from='alice@localhost/phone'><query xmlns='urn:x'><real/></query></iq>");
    QTRY_VERIFY(task.isFinished());
    QVERIFY(task.result().ok());
    QVERIFY(task.result().value().child(u"query", u"urn:x").hasChild(u"real", u"urn:x"));
}

void tst_IqRouting::ownAccountRules_data()
{
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("from");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("no to, no from") << QString() << QString() << true;
    QTest::newRow("no to, from bare") << QString() << u"user@localhost"_s << true;
    QTest::newRow("no to, from our full JID") << QString() << u"FULL"_s << true;
    QTest::newRow("no to, from the server") << QString() << u"localhost"_s << false;
    QTest::newRow("no to, from someone else") << QString() << u"other@localhost"_s << false;
    QTest::newRow("to bare, no from") << u"user@localhost"_s << QString() << true;
    QTest::newRow("to bare, from bare") << u"user@localhost"_s << u"user@localhost"_s << true;
    QTest::newRow("to bare, from another resource")
        << u"user@localhost"_s << u"user@localhost/evil"_s << false;
}

void tst_IqRouting::ownAccountRules()
{
    QFETCH(QString, to);
    QFETCH(QString, from);
    QFETCH(bool, accepted);
    if (from == u"FULL")
        from = m_c->client->boundJid().toString();
    auto task = m_c->client->sendIq(iqGet(to, u"jabber:iq:roster"_s), 200);
    const auto sent = m_c->server.nextStanza();
    QVERIFY(sent);
    m_c->server.send(reply(*sent, from));
    QTRY_VERIFY_WITH_TIMEOUT(task.isFinished(), 2000);
    QCOMPARE(task.result().ok(), accepted);
}

void tst_IqRouting::serverRules_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("from the server") << u"localhost"_s << true;
    QTest::newRow("no from") << QString() << true;
    QTest::newRow("from our account") << u"user@localhost"_s << false;
    QTest::newRow("from a user") << u"mallory@localhost"_s << false;
    QTest::newRow("garbage from") << u"@@"_s << false;
}

void tst_IqRouting::serverRules()
{
    QFETCH(QString, from);
    QFETCH(bool, accepted);
    auto task = m_c->client->sendIq(
        iqGet(u"localhost"_s, u"http://jabber.org/protocol/disco#info"_s), 200);
    const auto sent = m_c->server.nextStanza();
    QVERIFY(sent);
    m_c->server.send(reply(*sent, from));
    QTRY_VERIFY_WITH_TIMEOUT(task.isFinished(), 2000);
    QCOMPARE(task.result().ok(), accepted);
    if (!accepted)
        QCOMPARE(task.result().error().code, IqError::Code::Timeout);
}

void tst_IqRouting::errorReplyIsTyped()
{
    auto task = m_c->client->sendIq(iqGet(u"pubsub.localhost"_s, u"urn:x"_s));
    const auto sent = m_c->server.nextStanza();
    QVERIFY(sent);
    m_c->server.send(reply(*sent, u"pubsub.localhost"_s, "error"));
    QTRY_VERIFY(task.isFinished());
    const IqError e = task.result().error();
    QCOMPARE(e.code, IqError::Code::StanzaError);
    QCOMPARE(e.condition, u"item-not-found"_s);
    QCOMPARE(e.type, u"cancel"_s);
    QCOMPARE(e.text, u"no such node"_s);
    QCOMPARE(e.stanza.attribute(u"type"), u"error"_s);
}

void tst_IqRouting::everyUnansweredRequestTimesOut()
{
    // Many requests with staggered short timeouts: none may be forgotten, however the
    // timer happens to fire (coarse timers may fire a little early).
    QList<chorus::Task<Element, IqError>> tasks;
    for (int i = 0; i < 200; ++i)
        tasks << m_c->client->sendIq(iqGet(u"silent@localhost/x"_s, u"urn:x"_s),
                                     10 + (i * 7) % 190);
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(tasks.cbegin(), tasks.cend(), [](const auto &t) { return t.isFinished(); }),
        5000);
    for (const auto &t : tasks)
        QCOMPARE(t.result().error().code, IqError::Code::Timeout);
}

void tst_IqRouting::notConnected()
{
    ScriptedClient idle(settings());
    auto task = idle.client->sendIq(iqGet(u"localhost"_s, u"urn:x"_s));
    QVERIFY(task.isFinished());
    QCOMPARE(task.result().error().code, IqError::Code::NotConnected);
    QVERIFY(!idle.client->send(Element(u"presence"_s, ns::Client)));
}

void tst_IqRouting::requestsFailWhenTheSessionIsLost()
{
    ClientSettings s = settings();
    s.streamManagement = false; // nothing can be resumed
    s.reconnect.enabled = true;
    s.reconnect.initialDelayMs = 60000;
    ScriptedClient c(s);
    ScriptedServer::Login login;
    login.streamManagement = false;
    QVERIFY2(c.login(login), qPrintable(c.server.failure()));
    auto task = c.client->sendIq(iqGet(u"localhost"_s, u"urn:x"_s));
    QVERIFY(c.server.nextStanza());
    c.transport->drop();
    QTRY_VERIFY(task.isFinished());
    QCOMPARE(task.result().error().code, IqError::Code::SessionLost);
    QCOMPARE(c.client->state(), Client::State::Reconnecting);
}

void tst_IqRouting::unclaimedRequestGetsServiceUnavailable()
{
    m_c->server.send("<iq type='get' id='v1' from='someone@localhost/x'><query "
                     "xmlns='jabber:iq:version'/></iq>");
    const auto answer = m_c->server.nextStanza();
    QVERIFY(answer);
    QCOMPARE(answer->attribute(u"type"), u"error"_s);
    QCOMPARE(answer->attribute(u"id"), u"v1"_s);
    QCOMPARE(answer->attribute(u"to"), u"someone@localhost/x"_s);
    QVERIFY(answer->child(u"error", ns::Client).hasChild(u"service-unavailable", ns::Stanzas));
}

void tst_IqRouting::pingIsAnswered()
{
    m_c->server.send(
        "<iq type='get' id='ping1' from='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
    const auto answer = m_c->server.nextStanza();
    QVERIFY(answer);
    QCOMPARE(answer->attribute(u"type"), u"result"_s);
    QCOMPARE(answer->attribute(u"id"), u"ping1"_s);
    QCOMPARE(answer->attribute(u"to"), u"localhost"_s);
}

void tst_IqRouting::unsolicitedResultIsDropped()
{
    Recorder recorder(u"iq"_s);
    m_c->client->addExtension(&recorder);
    m_c->server.send("<iq type='result' id='nobody-asked' from='localhost'/>");
    m_c->server.send("<iq type='error' id='nobody-asked-2' from='localhost'/>");
    // Neither answered (that could loop between two entities) nor handed out.
    QVERIFY2(m_c->server.staysSilent(100) || !m_c->server.takeRaw().contains("<iq"), "answered");
    QVERIFY(recorder.seen.isEmpty());
}

void tst_IqRouting::extensionsClaimInOrder()
{
    Recorder messages(u"message"_s), everything(u"presence"_s);
    m_c->client->addExtension(&messages);
    m_c->client->addExtension(&everything);
    m_c->server.send("<message from='a@localhost/x' type='chat'><body>1</body></message>");
    m_c->server.send("<presence from='a@localhost/x'/>");
    m_c->server.send("<iq type='set' id='s1' from='a@localhost/x'><query xmlns='urn:x'/></iq>");
    QTRY_COMPARE(everything.seen.size(), 2);
    // The first extension claimed the message: the second never saw it.
    QCOMPARE(messages.seen.size(), 3);
    QCOMPARE(everything.seen[0].name(), u"presence"_s);
    QCOMPARE(everything.seen[1].name(), u"iq"_s);
    QVERIFY(m_c->unhandled.isEmpty());
    // Unclaimed iq set: answered with an error.
    const auto answer = m_c->server.nextStanza();
    QVERIFY(answer && answer->attribute(u"type") == u"error");

    m_c->client->removeExtension(&messages);
    m_c->server.send("<message from='a@localhost/x' type='chat'><body>2</body></message>");
    QTRY_COMPARE(m_c->unhandled.size(), 1);
    QCOMPARE(m_c->unhandled.first().childText(u"body", ns::Client), u"2"_s);
}

void tst_IqRouting::extensionLifecycle()
{
    ClientSettings s = settings();
    s.reconnect.enabled = true;
    s.reconnect.initialDelayMs = 10;
    s.reconnect.jitter = 0;
    ScriptedClient c(s);
    auto recorder = std::make_unique<Recorder>(QString());
    c.client->addExtension(recorder.get());
    QVERIFY2(c.login(), qPrintable(c.server.failure()));
    QCOMPARE(recorder->events, QStringList {u"fresh"_s});
    c.transport->drop();
    QTRY_COMPARE(recorder->events, (QStringList {u"fresh"_s, u"disconnected"_s}));
    // A destroyed extension unregisters itself.
    recorder.reset();
    QVERIFY(c.client->extensions().isEmpty());
}

void tst_IqRouting::extensionMayDisconnectWhenTheConnectionDrops()
{
    // A manager that gives up when the connection drops: one disconnected(), once.
    class Quitter : public Extension
    {
    public:
        bool handleStanza(const Element &) override { return false; }
        void onDisconnected() override { client()->disconnectFromServer(); }
    };
    ClientSettings s = settings();
    s.reconnect.enabled = true;
    ScriptedClient c(s);
    Quitter quitter;
    c.client->addExtension(&quitter);
    QVERIFY2(c.login(), qPrintable(c.server.failure()));
    c.transport->drop();
    QTest::qWait(100);
    QCOMPARE(c.disconnects.size(), 1);
    QCOMPARE(c.disconnects.first().code, Error::Code::None);
    QVERIFY(c.reconnects.isEmpty());
    QCOMPARE(c.client->state(), Client::State::Disconnected);
}

QTEST_GUILESS_MAIN(tst_IqRouting)
#include "tst_iqrouting.moc"
