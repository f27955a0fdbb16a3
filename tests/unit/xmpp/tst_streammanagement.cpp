// XEP-0198 stream management: the bookkeeping (counters, queue, 2^32 wrap), and the
// client against a scripted server — enable, <r/> answered at once during a flood,
// acks, a server acknowledging more than was sent, resumption resending exactly the
// unacknowledged stanzas, and a refused resumption starting a fresh session.
#include "ScriptedClient.h"

#include "xmpp/Extension.h"
#include "xmpp/Namespaces.h"
#include "xmpp/StreamManagement.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::xmpp;
using chorus::test::ScriptedClient;
using chorus::test::ScriptedServer;

namespace {

Element message(const QString &body)
{
    Element m(u"message"_s, ns::Client);
    m.setAttribute(u"to"_s, u"friend@localhost"_s)
        .setAttribute(u"type"_s, u"chat"_s)
        .appendTextChild(u"body"_s, ns::Client, body);
    return m;
}

QStringList bodies(const QList<Element> &stanzas)
{
    QStringList out;
    for (const Element &s : stanzas)
        out << s.childText(u"body", ns::Client);
    return out;
}

ClientSettings settings(int reconnectDelayMs = 20)
{
    ClientSettings s = ScriptedClient::defaultSettings();
    s.plaintextOnLoopback = true;
    s.reconnect.enabled = true;
    s.reconnect.initialDelayMs = reconnectDelayMs;
    s.reconnect.jitter = 0;
    s.ackRequestDelayMs = 20;
    s.pingIntervalMs = 0;
    return s;
}

class SessionLog : public Extension
{
public:
    bool handleStanza(const Element &stanza) override
    {
        if (stanza.name() != u"message")
            return false;
        received << stanza.childText(u"body", ns::Client);
        return true;
    }
    void onSessionStarted(bool resumed) override
    {
        events << (resumed ? u"resumed"_s : u"fresh"_s);
    }
    void onDisconnected() override { events << u"disconnected"_s; }
    QStringList received;
    QStringList events;
};

} // namespace

class tst_StreamManagement : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Bookkeeping.
    void countersAndQueue();
    void countsAreModulo32Bits();
    void impossibleAckIsRejected();
    void leftoversAfterASessionEnds();

    // Against a scripted server.
    void enabledAfterBind();
    void ackRequestAnsweredAtOnceDuringAFlood();
    void nonzasAreNotCounted();
    void stanzasBeforeEnabledAreDeliveredNotCounted();
    void sentStanzasAreAckedAndDropped();
    void ackBeyondWhatWasSentIsAProtocolViolation();
    void resumeResendsExactlyTheUnacknowledged();
    void refusedResumptionStartsAFreshSession();
    void refusedResumptionWithCountResendsWhatWasLost();
    void cleanCloseByTheServerIsNotResumed();
};

void tst_StreamManagement::countersAndQueue()
{
    StreamManagement sm;
    sm.stanzaSent(message(u"ignored: not enabled"_s));
    QCOMPARE(sm.pendingCount(), 0);
    sm.enable(u"id-1"_s);
    QVERIFY(sm.isResumable());
    for (int i = 1; i <= 5; ++i)
        sm.stanzaSent(message(QString::number(i)));
    sm.stanzaHandled();
    sm.stanzaHandled();
    QCOMPARE(sm.handled(), 2u);
    QCOMPARE(sm.ackElement().attribute(u"h"), u"2"_s);
    QVERIFY(sm.acknowledge(3));
    QCOMPARE(bodies(sm.pending()), (QStringList {u"4"_s, u"5"_s}));
    QVERIFY(sm.acknowledge(3)); // repeated: nothing new
    QCOMPARE(sm.pendingCount(), 2);
    sm.stanzaQueued(message(u"6"_s)); // while disconnected
    bool ok = false;
    const QList<Element> resend = sm.resume(4, &ok);
    QVERIFY(ok);
    QCOMPARE(bodies(resend), (QStringList {u"5"_s, u"6"_s}));
    QVERIFY(sm.acknowledge(6)); // both now count as written
    QCOMPARE(sm.pendingCount(), 0);
}

void tst_StreamManagement::countsAreModulo32Bits()
{
    // h is a 32-bit counter that wraps: an h "behind" the last one means 2^32 - 1
    // new acknowledgements, which is impossible here and must not drop the queue.
    StreamManagement sm;
    sm.enable(u"id"_s);
    for (int i = 0; i < 3; ++i)
        sm.stanzaSent(message(QString::number(i)));
    QVERIFY(sm.acknowledge(2));
    QVERIFY(!sm.acknowledge(1));
    QVERIFY(!sm.acknowledge(0xFFFFFFFFu));
    QCOMPARE(sm.pendingCount(), 1);
    QVERIFY(sm.acknowledge(3));
}

void tst_StreamManagement::impossibleAckIsRejected()
{
    StreamManagement sm;
    sm.enable(u"id"_s);
    sm.stanzaSent(message(u"1"_s));
    QVERIFY(!sm.acknowledge(2));
    QCOMPARE(sm.pendingCount(), 1);
    sm.stanzaQueued(message(u"2"_s)); // never written: cannot be acknowledged
    QVERIFY(!sm.acknowledge(2));
    QVERIFY(sm.acknowledge(1));
}

void tst_StreamManagement::leftoversAfterASessionEnds()
{
    StreamManagement unknownCount;
    unknownCount.enable(u"id"_s);
    unknownCount.stanzaSent(message(u"sent"_s));
    unknownCount.stanzaQueued(message(u"queued"_s));
    auto left = unknownCount.takeLeftovers(std::nullopt);
    QCOMPARE(bodies(left.unknown), QStringList {u"sent"_s});
    QCOMPARE(bodies(left.surelyLost), QStringList {u"queued"_s});
    QVERIFY(!unknownCount.isEnabled());

    StreamManagement knownCount;
    knownCount.enable(u"id"_s);
    for (const QString &b : {u"1"_s, u"2"_s, u"3"_s})
        knownCount.stanzaSent(message(b));
    left = knownCount.takeLeftovers(1u);
    QVERIFY(left.unknown.isEmpty());
    QCOMPARE(bodies(left.surelyLost), (QStringList {u"2"_s, u"3"_s}));
}

void tst_StreamManagement::enabledAfterBind()
{
    ScriptedClient c(settings());
    QVERIFY2(c.login(), qPrintable(c.server.failure()));
    QVERIFY(c.client->isStreamManagementEnabled());
    QCOMPARE(c.client->sessionInfo().smId, u"sm-1"_s);
}

void tst_StreamManagement::ackRequestAnsweredAtOnceDuringAFlood()
{
    ScriptedClient c(settings());
    SessionLog log;
    c.client->addExtension(&log);
    QVERIFY2(c.login(), qPrintable(c.server.failure()));
    QByteArray flood;
    for (int i = 0; i < 300; ++i)
        flood += "<message from='a@localhost/x' type='chat'><body>" + QByteArray::number(i)
            + "</body></message>";
    flood += "<r xmlns='urn:xmpp:sm:3'/>";
    for (int i = 300; i < 500; ++i)
        flood += "<message from='a@localhost/x' type='chat'><body>" + QByteArray::number(i)
            + "</body></message>";
    flood += "<r xmlns='urn:xmpp:sm:3'/>";
    c.server.send(flood); // one read: the answers must come in the same pass
    QCOMPARE(log.received.size(), 500);
    QVERIFY(c.server.expectRaw(
        "<a xmlns=\"urn:xmpp:sm:3\" h=\"300\"/><a xmlns=\"urn:xmpp:sm:3\" h=\"500\"/>"));
}

void tst_StreamManagement::nonzasAreNotCounted()
{
    ScriptedClient c(settings());
    QVERIFY2(c.login(), qPrintable(c.server.failure()));
    c.server.send("<presence from='a@localhost/x'/><a xmlns='urn:xmpp:sm:3' h='0'/>"
                  "<unknown xmlns='urn:other'/><iq type='result' id='none' from='localhost'/>"
                  "<r xmlns='urn:xmpp:sm:3'/>");
    QVERIFY2(c.server.expectRaw("<a xmlns=\"urn:xmpp:sm:3\" h=\"2\"/>"),
             qPrintable(c.server.failure()));
}

void tst_StreamManagement::stanzasBeforeEnabledAreDeliveredNotCounted()
{
    // Seen from ejabberd on a second sign-in: a message routed to the freshly bound
    // resource before <enabled/>. The session starts and the message is delivered.
    ScriptedClient c(settings());
    SessionLog log;
    c.client->addExtension(&log);
    ScriptedServer::Login login;
    login.beforeEnabled = "<message from='a@localhost/x' type='chat'><body>early</body></message>"
                          "<presence from='a@localhost/x'/>";
    QVERIFY2(c.login(login), qPrintable(c.server.failure()));
    QTRY_COMPARE(log.received, QStringList {u"early"_s});
    c.server.send("<message from='a@localhost/x' type='chat'><body>late</body></message>"
                  "<r xmlns='urn:xmpp:sm:3'/>");
    QVERIFY2(c.server.expectRaw("<a xmlns=\"urn:xmpp:sm:3\" h=\"1\"/>"),
             qPrintable(c.server.failure()));
    QCOMPARE(log.received, (QStringList {u"early"_s, u"late"_s}));
}

void tst_StreamManagement::sentStanzasAreAckedAndDropped()
{
    ScriptedClient c(settings());
    QVERIFY2(c.login(), qPrintable(c.server.failure()));
    for (const QString &b : {u"1"_s, u"2"_s, u"3"_s})
        QVERIFY(c.client->send(message(b)));
    for (int i = 0; i < 3; ++i)
        QVERIFY(c.server.nextElement());
    // The client asks for an ack shortly after sending.
    const auto r = c.server.nextElement();
    QVERIFY(r && r->is(u"r", ns::StreamManagement));
    c.server.send("<a xmlns='urn:xmpp:sm:3' h='2'/>");
    QTRY_COMPARE(c.client->sessionInfo().smId, u"sm-1"_s);
    QTest::qWait(50);
    // One left: it asks again.
    const auto again = c.server.nextElement();
    QVERIFY(again && again->is(u"r", ns::StreamManagement));
    c.server.send("<a xmlns='urn:xmpp:sm:3' h='3'/>");
    QVERIFY(c.server.staysSilent(100));
}

void tst_StreamManagement::ackBeyondWhatWasSentIsAProtocolViolation()
{
    ScriptedClient c(settings());
    QVERIFY2(c.login(), qPrintable(c.server.failure()));
    QVERIFY(c.client->send(message(u"only one"_s)));
    QVERIFY(c.server.nextStanza());
    c.server.send("<a xmlns='urn:xmpp:sm:3' h='5'/>");
    const QByteArray raw = c.server.takeRaw();
    QVERIFY2(raw.contains("<stream:error><undefined-condition"), raw.constData());
    QTRY_COMPARE(c.reconnects.size(), 1);
}

void tst_StreamManagement::resumeResendsExactlyTheUnacknowledged()
{
    ScriptedClient c(settings());
    SessionLog log;
    c.client->addExtension(&log);
    QVERIFY2(c.login(), qPrintable(c.server.failure()));
    const Jid bound = c.client->boundJid();
    // The server sends two stanzas (the client handles them), the client sends three.
    c.server.send("<message from='a@localhost/x' type='chat'><body>in-1</body></message>"
                  "<message from='a@localhost/x' type='chat'><body>in-2</body></message>");
    for (const QString &b : {u"out-1"_s, u"out-2"_s, u"out-3"_s})
        QVERIFY(c.client->send(message(b)));
    auto pendingIq = c.client->sendIq(Element(u"iq"_s, ns::Client)
                                          .setAttribute(u"type"_s, u"get"_s)
                                          .setAttribute(u"to"_s, u"localhost"_s)
                                          .appendChild(Element(u"query"_s, u"urn:x"_s)));
    QList<Element> written;
    for (int i = 0; i < 4; ++i)
        written << *c.server.nextStanza();
    c.server.send("<a xmlns='urn:xmpp:sm:3' h='1'/>"); // only out-1 handled

    c.transport->drop();
    QTRY_COMPARE(c.client->state(), Client::State::Reconnecting);
    QCOMPARE(log.events, (QStringList {u"fresh"_s, u"disconnected"_s}));
    // Accepted while down, sent after resumption.
    QVERIFY(c.client->send(message(u"out-4"_s)));
    QVERIFY(!pendingIq.isFinished());

    QVERIFY(c.server.waitForConnect(2));
    QVERIFY2(c.server.acceptAuthentication({}), qPrintable(c.server.failure()));
    const auto resume = c.server.nextElement();
    QVERIFY(resume && resume->is(u"resume", ns::StreamManagement));
    QCOMPARE(resume->attribute(u"previd"), u"sm-1"_s);
    QCOMPARE(resume->attribute(u"h"), u"2"_s); // both inbound messages were handled
    c.server.send("<resumed xmlns='urn:xmpp:sm:3' h='2' previd='sm-1'/>"); // out-2 arrived too

    // Exactly what the server had not handled, in order, then nothing more.
    QStringList resent;
    QString iqId;
    for (int i = 0; i < 3; ++i) {
        const auto e = c.server.nextStanza();
        QVERIFY(e);
        if (e->name() == u"iq")
            iqId = e->attribute(u"id");
        else
            resent << e->childText(u"body", ns::Client);
    }
    QCOMPARE(resent, (QStringList {u"out-3"_s, u"out-4"_s}));
    QCOMPARE(iqId, written[3].attribute(u"id"));
    QVERIFY(c.waitForSessions(2));
    QCOMPARE(c.sessions, (QList<bool> {false, true}));
    QCOMPARE(log.events.last(), u"resumed"_s);
    QCOMPARE(c.client->boundJid(), bound);
    // The request from before the drop is answered in the resumed session.
    c.server.send("<iq type='result' id='" + iqId.toUtf8() + "' from='localhost'/>");
    QTRY_VERIFY(pendingIq.isFinished());
    QVERIFY(pendingIq.result().ok());
    QVERIFY(c.unconfirmed.isEmpty());
}

void tst_StreamManagement::refusedResumptionStartsAFreshSession()
{
    ScriptedClient c(settings());
    SessionLog log;
    c.client->addExtension(&log);
    QVERIFY2(c.login(), qPrintable(c.server.failure()));
    QVERIFY(c.client->send(message(u"unacked"_s)));
    QVERIFY(c.server.nextStanza());
    auto pendingIq = c.client->sendIq(Element(u"iq"_s, ns::Client)
                                          .setAttribute(u"type"_s, u"get"_s)
                                          .appendChild(Element(u"query"_s, u"jabber:iq:roster"_s)));
    QVERIFY(c.server.nextStanza());
    c.transport->drop();
    QTRY_COMPARE(c.client->state(), Client::State::Reconnecting);
    QVERIFY(c.client->send(message(u"queued-while-down"_s)));

    QVERIFY(c.server.waitForConnect(2));
    QVERIFY2(c.server.acceptAuthentication({}), qPrintable(c.server.failure()));
    const auto resume = c.server.nextElement();
    QVERIFY(resume && resume->is(u"resume", ns::StreamManagement));
    c.server.send("<failed xmlns='urn:xmpp:sm:3'><item-not-found "
                  "xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></failed>");
    ScriptedServer::Login login;
    login.smId = u"sm-2"_s;
    QVERIFY2(c.server.acceptBind(login), qPrintable(c.server.failure()));
    QVERIFY(c.waitForSessions(2));
    QCOMPARE(c.sessions, (QList<bool> {false, false}));
    QCOMPARE(log.events, (QStringList {u"fresh"_s, u"disconnected"_s, u"fresh"_s}));
    QCOMPARE(c.client->sessionInfo().smId, u"sm-2"_s);
    // The request of the old session cannot be answered any more.
    QTRY_VERIFY(pendingIq.isFinished());
    QCOMPARE(pendingIq.result().error().code, IqError::Code::SessionLost);
    // Never written before: sent now. Written but unacknowledged, fate unknown:
    // reported, not resent blindly.
    const auto resent = c.server.nextStanza();
    QVERIFY(resent);
    QCOMPARE(resent->childText(u"body", ns::Client), u"queued-while-down"_s);
    QCOMPARE(c.unconfirmed.size(), 1);
    QCOMPARE(bodies(c.unconfirmed.first()), QStringList {u"unacked"_s});
}

void tst_StreamManagement::refusedResumptionWithCountResendsWhatWasLost()
{
    ScriptedClient c(settings());
    QVERIFY2(c.login(), qPrintable(c.server.failure()));
    for (const QString &b : {u"1"_s, u"2"_s, u"3"_s})
        QVERIFY(c.client->send(message(b)));
    for (int i = 0; i < 3; ++i)
        QVERIFY(c.server.nextStanza());
    c.transport->drop();
    QVERIFY(c.server.waitForConnect(2));
    QVERIFY2(c.server.acceptAuthentication({}), qPrintable(c.server.failure()));
    QVERIFY(c.server.nextElement());
    // The server says it handled one of them before the session died.
    c.server.send("<failed xmlns='urn:xmpp:sm:3' h='1'><item-not-found "
                  "xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></failed>");
    QVERIFY2(c.server.acceptBind({}), qPrintable(c.server.failure()));
    QVERIFY(c.waitForSessions(2));
    QStringList resent;
    for (int i = 0; i < 2; ++i)
        resent << c.server.nextStanza()->childText(u"body", ns::Client);
    QCOMPARE(resent, (QStringList {u"2"_s, u"3"_s}));
    QVERIFY(c.unconfirmed.isEmpty());
}

void tst_StreamManagement::cleanCloseByTheServerIsNotResumed()
{
    ScriptedClient c(settings());
    QVERIFY2(c.login(), qPrintable(c.server.failure()));
    c.server.send("</stream:stream>");
    QTRY_COMPARE(c.client->state(), Client::State::Reconnecting);
    QVERIFY(c.server.waitForConnect(2));
    QVERIFY2(c.server.acceptAuthentication({}), qPrintable(c.server.failure()));
    const auto next = c.server.nextElement();
    QVERIFY(next);
    QVERIFY2(next->is(u"iq", ns::Client) && next->hasChild(u"bind", ns::Bind),
             next->toXml().constData());
}

QTEST_GUILESS_MAIN(tst_StreamManagement)
#include "tst_streammanagement.moc"
