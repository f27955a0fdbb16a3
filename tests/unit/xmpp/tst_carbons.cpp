// CarbonsManager against a scripted server: enabling at each fresh session, copies
// from our own account accepted and parsed, and the attacks (CVE-2017-5589 class, Dino
// CVE-2019-16235): a carbon from another JID, a "sent" copy of a message that is not
// ours, a "received" copy not addressed to us, a stranger's carbon of a message
// claiming to be from us. Dropped copies are claimed so nothing else shows them.
#include "ScriptedClient.h"

#include "xmpp/CarbonsManager.h"
#include "xmpp/Extension.h"
#include "xmpp/Namespaces.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::xmpp;
using chorus::test::ScriptedClient;

namespace {

class Sink : public Extension
{
public:
    bool handleStanza(const Element &stanza) override
    {
        seen.append(stanza);
        return stanza.name() == u"message";
    }
    QList<Element> seen;
};

QByteArray carbon(const QByteArray &from, const QByteArray &direction, const QByteArray &innerFrom,
                  const QByteArray &innerTo, const QByteArray &body, const QByteArray &delay = {})
{
    QByteArray xml = "<message";
    if (!from.isEmpty())
        xml += " from='" + from + "'";
    return xml + " to='user@localhost/chorus' type='chat'><" + direction
        + " xmlns='urn:xmpp:carbons:2'><forwarded xmlns='urn:xmpp:forward:0'>" + delay
        + "<message xmlns='jabber:client' type='chat' from='" + innerFrom + "' to='" + innerTo
        + "' id='c1'><body>" + body + "</body></message></forwarded></" + direction + "></message>";
}

} // namespace

class tst_Carbons : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void enabledAtFreshSession();
    void enableFailureIsReported();
    void receivedCopyFromOwnAccount();
    void sentCopyFromOwnAccount();
    void carbonFromAnotherJidIsDropped();
    void carbonFromOurFullJidOrNoFromIsDropped();
    void sentCopyOfSomeoneElsesMessageIsDropped();
    void receivedCopyNotForUsIsDropped();
    void strangersCarbonClaimingToBeFromUsIsDropped();
    void plainMessagesPassThrough();

private:
    void loginAndAnswerEnable(bool ok = true);

    std::unique_ptr<ScriptedClient> m_c;
    std::unique_ptr<CarbonsManager> m_carbons;
    std::unique_ptr<Sink> m_sink;
};

void tst_Carbons::init()
{
    auto s = ScriptedClient::defaultSettings();
    s.plaintextOnLoopback = true;
    s.resource = u"chorus"_s;
    m_c = std::make_unique<ScriptedClient>(s);
    m_carbons = std::make_unique<CarbonsManager>();
    m_sink = std::make_unique<Sink>();
    m_c->client->addExtension(m_carbons.get());
    m_c->client->addExtension(m_sink.get());
}

void tst_Carbons::cleanup()
{
    m_carbons.reset();
    m_sink.reset();
    m_c.reset();
}

void tst_Carbons::loginAndAnswerEnable(bool ok)
{
    QVERIFY2(m_c->login(), qPrintable(m_c->server.failure()));
    const auto iq = m_c->server.nextStanza();
    QVERIFY(iq);
    QVERIFY(iq->child(u"enable", ns::Carbons).isNull() == false);
    QCOMPARE(iq->attribute(u"type"), u"set"_s);
    QVERIFY(iq->attribute(u"to").isEmpty());
    if (ok)
        m_c->server.send("<iq type='result' id='" + iq->attribute(u"id").toUtf8() + "'/>");
    else
        m_c->server.send("<iq type='error' id='" + iq->attribute(u"id").toUtf8()
                         + "'><error type='cancel'><service-unavailable "
                           "xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
}

void tst_Carbons::enabledAtFreshSession()
{
    loginAndAnswerEnable();
    QTRY_VERIFY(m_carbons->isEnabled());
    QVERIFY(m_carbons->discoFeatures().contains(ns::Carbons));
}

void tst_Carbons::enableFailureIsReported()
{
    QSignalSpy failed(m_carbons.get(), &CarbonsManager::enableFailed);
    loginAndAnswerEnable(false);
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().value<IqError>().condition, u"service-unavailable"_s);
    QVERIFY(!m_carbons->isEnabled());
}

void tst_Carbons::receivedCopyFromOwnAccount()
{
    loginAndAnswerEnable();
    QSignalSpy copies(m_carbons.get(), &CarbonsManager::carbonReceived);
    m_c->server.send(carbon("user@localhost", "received", "alice@localhost/phone",
                            "user@localhost/laptop", "hi from alice",
                            "<delay xmlns='urn:xmpp:delay' stamp='2024-05-01T10:00:00Z'/>"));
    QTRY_COMPARE(copies.size(), 1);
    const auto m = copies.first().first().value<ParsedMessage>();
    QCOMPARE(m.carbon, ParsedMessage::Carbon::Received);
    QCOMPARE(m.from, Jid::fromString(u"alice@localhost/phone"));
    QCOMPARE(m.body, u"hi from alice"_s);
    QCOMPARE(m.stamp, QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC));
    QVERIFY(m_sink->seen.isEmpty());
}

void tst_Carbons::sentCopyFromOwnAccount()
{
    loginAndAnswerEnable();
    QSignalSpy copies(m_carbons.get(), &CarbonsManager::carbonReceived);
    m_c->server.send(carbon("user@localhost", "sent", "user@localhost/laptop", "alice@localhost",
                            "sent from my laptop"));
    QTRY_COMPARE(copies.size(), 1);
    const auto m = copies.first().first().value<ParsedMessage>();
    QCOMPARE(m.carbon, ParsedMessage::Carbon::Sent);
    QCOMPARE(m.to, Jid::fromString(u"alice@localhost"));
    QCOMPARE(m.body, u"sent from my laptop"_s);
}

void tst_Carbons::carbonFromAnotherJidIsDropped()
{
    loginAndAnswerEnable();
    QSignalSpy copies(m_carbons.get(), &CarbonsManager::carbonReceived);
    // The attack: Mallory wraps a message in <received/> to make us show it as a copy.
    m_c->server.send(carbon("mallory@localhost/x", "received", "alice@localhost/phone",
                            "user@localhost", "transfer the money"));
    m_c->server.send(
        carbon("mallory@localhost", "sent", "user@localhost/laptop", "alice@localhost", "I quit"));
    m_c->server.send(
        carbon("localhost", "received", "alice@localhost/phone", "user@localhost", "x"));
    QTRY_COMPARE(m_carbons->droppedCount(), 3);
    QCOMPARE(copies.size(), 0);
    QVERIFY(m_sink->seen.isEmpty()); // claimed and dropped, not passed on
    QVERIFY(m_c->unhandled.isEmpty());
}

void tst_Carbons::carbonFromOurFullJidOrNoFromIsDropped()
{
    loginAndAnswerEnable();
    QSignalSpy copies(m_carbons.get(), &CarbonsManager::carbonReceived);
    m_c->server.send(
        carbon("user@localhost/other", "received", "alice@localhost/p", "user@localhost", "x"));
    m_c->server.send(carbon("", "received", "alice@localhost/p", "user@localhost", "x"));
    QTRY_COMPARE(m_carbons->droppedCount(), 2);
    QCOMPARE(copies.size(), 0);
}

void tst_Carbons::sentCopyOfSomeoneElsesMessageIsDropped()
{
    loginAndAnswerEnable();
    QSignalSpy copies(m_carbons.get(), &CarbonsManager::carbonReceived);
    m_c->server.send(
        carbon("user@localhost", "sent", "alice@localhost/phone", "bob@localhost", "x"));
    QTRY_COMPARE(m_carbons->droppedCount(), 1);
    QCOMPARE(copies.size(), 0);
}

void tst_Carbons::receivedCopyNotForUsIsDropped()
{
    loginAndAnswerEnable();
    QSignalSpy copies(m_carbons.get(), &CarbonsManager::carbonReceived);
    m_c->server.send(
        carbon("user@localhost", "received", "alice@localhost/phone", "bob@localhost", "x"));
    QTRY_COMPARE(m_carbons->droppedCount(), 1);
    QCOMPARE(copies.size(), 0);
}

void tst_Carbons::strangersCarbonClaimingToBeFromUsIsDropped()
{
    loginAndAnswerEnable();
    QSignalSpy copies(m_carbons.get(), &CarbonsManager::carbonReceived);
    // A "sent" copy whose inner message claims to be ours, sent by a stranger (or a
    // contact): we must not show that we said it.
    m_c->server.send(carbon("alice@localhost/phone", "sent", "user@localhost/chorus",
                            "alice@localhost", "I owe you 500"));
    m_c->server.send(carbon("alice@localhost", "received", "user@localhost/chorus",
                            "user@localhost", "I owe you 500"));
    QTRY_COMPARE(m_carbons->droppedCount(), 2);
    QCOMPARE(copies.size(), 0);
    QVERIFY(m_sink->seen.isEmpty());
}

void tst_Carbons::plainMessagesPassThrough()
{
    loginAndAnswerEnable();
    m_c->server.send("<message type='chat' from='alice@localhost/p' id='z'><body>hi</body>"
                     "<private xmlns='urn:xmpp:carbons:2'/></message>");
    QTRY_COMPARE(m_sink->seen.size(), 1);
    QCOMPARE(m_carbons->droppedCount(), 0);
}

QTEST_GUILESS_MAIN(tst_Carbons)
#include "tst_carbons.moc"
