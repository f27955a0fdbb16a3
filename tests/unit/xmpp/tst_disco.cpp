// DiscoManager against a scripted server: the XEP-0115 hash (the XEP's own examples),
// our info built from every extension's features and the queries about us answered,
// the session cache and shared in-flight queries, caps cached by verified 'ver' (one
// query per ver, however many entities announce it; a ver that does not verify is not
// cached), and finding the MUC and upload services of our server.
#include "ScriptedClient.h"

#include "xmpp/BookmarkManager.h"
#include "xmpp/CarbonsManager.h"
#include "xmpp/DiscoManager.h"
#include "xmpp/Namespaces.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::xmpp;
using chorus::test::ScriptedClient;

namespace {

// XEP-0115 example 1 (simple generation).
DiscoInfo exodusSimple()
{
    DiscoInfo info;
    info.identities.append({u"client"_s, u"pc"_s, u"Exodus 0.9.1"_s, {}});
    info.features
        = {u"http://jabber.org/protocol/caps"_s, u"http://jabber.org/protocol/disco#info"_s,
           u"http://jabber.org/protocol/disco#items"_s, u"http://jabber.org/protocol/muc"_s};
    return info;
}

QByteArray infoReply(const QString &id, const QString &from, const DiscoInfo &info,
                     const QString &node = {})
{
    Element iq(u"iq"_s, ns::Client);
    iq.setAttribute(u"type"_s, u"result"_s).setAttribute(u"id"_s, id).setAttribute(u"from"_s, from);
    iq.appendChild(info.toQuery(node));
    return iq.toXml(ns::Client);
}

} // namespace

class tst_Disco : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void capsHashSimpleExample();
    void capsHashComplexExample();
    void invalidForCaps();
    void ownInfoFromExtensions();
    void answersQueriesAboutUs();
    void infoIsCachedAndShared();
    void capsAreCachedByVer();
    void unverifiedCapsAreNotCachedByVer();
    void capsCacheSurvivesFreshSession();
    void discoverServices();

private:
    Element nextIq();
    std::unique_ptr<ScriptedClient> m_c;
    std::unique_ptr<DiscoManager> m_disco;
    std::unique_ptr<CarbonsManager> m_carbons;
    std::unique_ptr<BookmarkManager> m_bookmarks;
};

void tst_Disco::init()
{
    auto s = ScriptedClient::defaultSettings();
    s.plaintextOnLoopback = true;
    s.resource = u"chorus"_s;
    m_c = std::make_unique<ScriptedClient>(s);
    m_disco = std::make_unique<DiscoManager>();
    m_bookmarks = std::make_unique<BookmarkManager>();
    m_c->client->addExtension(m_disco.get());
    m_c->client->addExtension(m_bookmarks.get());
    QVERIFY2(m_c->login(), qPrintable(m_c->server.failure()));
}

void tst_Disco::cleanup()
{
    m_disco.reset();
    m_carbons.reset();
    m_bookmarks.reset();
    m_c.reset();
}

Element tst_Disco::nextIq()
{
    const auto e = m_c->server.nextStanza();
    return e && e->name() == u"iq" ? *e : Element();
}

void tst_Disco::capsHashSimpleExample()
{
    const DiscoInfo info = exodusSimple();
    QCOMPARE(info.capsString(),
             u"client/pc//Exodus "
             u"0.9.1<http://jabber.org/protocol/caps<http://jabber.org/protocol/disco#info<"
             "http://jabber.org/protocol/disco#items<http://jabber.org/protocol/muc<"_s);
    QCOMPARE(info.capsVer(), u"QgayPKawpkPSDYmwT/WM94uAlu0="_s);
    QVERIFY(info.isValidForCaps());
}

void tst_Disco::capsHashComplexExample()
{
    // XEP-0115 example 2: two identities with xml:lang and an extended info form.
    const auto query = Element::fromXml(
        "<query xmlns='http://jabber.org/protocol/disco#info' "
        "node='http://psi-im.org#q07IKJEyjvHSyhy//CH0CxmKi8w='>"
        "<identity xml:lang='en' category='client' name='Psi 0.11' type='pc'/>"
        "<identity xml:lang='el' category='client' name='&#x03A8; 0.11' type='pc'/>"
        "<feature var='http://jabber.org/protocol/caps'/>"
        "<feature var='http://jabber.org/protocol/disco#info'/>"
        "<feature var='http://jabber.org/protocol/disco#items'/>"
        "<feature var='http://jabber.org/protocol/muc'/>"
        "<x xmlns='jabber:x:data' type='result'>"
        "<field var='FORM_TYPE' "
        "type='hidden'><value>urn:xmpp:dataforms:softwareinfo</value></field>"
        "<field var='ip_version'><value>ipv4</value><value>ipv6</value></field>"
        "<field var='os'><value>Mac</value></field>"
        "<field var='os_version'><value>10.5.1</value></field>"
        "<field var='software'><value>Psi</value></field>"
        "<field var='software_version'><value>0.11</value></field>"
        "</x></query>");
    QVERIFY(query);
    const auto info = DiscoInfo::fromQuery(*query);
    QVERIFY(info);
    QCOMPARE(info->capsVer(), u"q07IKJEyjvHSyhy//CH0CxmKi8w="_s);
    QCOMPARE(info->formValue(u"urn:xmpp:dataforms:softwareinfo", u"os"), u"Mac"_s);
}

void tst_Disco::invalidForCaps()
{
    DiscoInfo dupFeature = exodusSimple();
    dupFeature.features.append(u"http://jabber.org/protocol/muc"_s);
    QVERIFY(!dupFeature.isValidForCaps());
    DiscoInfo dupIdentity = exodusSimple();
    dupIdentity.identities.append(dupIdentity.identities.first());
    QVERIFY(!dupIdentity.isValidForCaps());
}

void tst_Disco::ownInfoFromExtensions()
{
    const DiscoInfo before = m_disco->ownInfo();
    QVERIFY(before.hasFeature(ns::DiscoInfo));
    QVERIFY(before.hasFeature(ns::Caps));
    QVERIFY(before.hasFeature(u"urn:xmpp:bookmarks:1+notify"));
    QVERIFY(!before.hasFeature(ns::Carbons));
    QVERIFY(before.hasIdentity(u"client", u"pc"));
    // A new extension changes the features, hence the ver in our presences.
    m_carbons = std::make_unique<CarbonsManager>();
    m_carbons->setAutoEnable(false);
    m_c->client->addExtension(m_carbons.get());
    const DiscoInfo after = m_disco->ownInfo();
    QVERIFY(after.hasFeature(ns::Carbons));
    QVERIFY(before.capsVer() != after.capsVer());
    const Element c = m_disco->capsElement();
    QCOMPARE(c.attribute(u"hash"), u"sha-1"_s);
    QCOMPARE(c.attribute(u"node"), m_disco->capsNode());
    QCOMPARE(c.attribute(u"ver"), after.capsVer());
    QVERIFY(after.isValidForCaps());
}

void tst_Disco::answersQueriesAboutUs()
{
    const QString ver = m_disco->ownCapsVer();
    m_c->server.send("<iq type='get' from='localhost' id='d1'><query "
                     "xmlns='http://jabber.org/protocol/disco#info' node='"
                     + (m_disco->capsNode() + u'#' + ver).toUtf8() + "'/></iq>");
    Element reply = nextIq();
    QCOMPARE(reply.attribute(u"type"), u"result"_s);
    QCOMPARE(reply.attribute(u"id"), u"d1"_s);
    QCOMPARE(reply.attribute(u"to"), u"localhost"_s);
    const auto info = DiscoInfo::fromQuery(reply.child(u"query", ns::DiscoInfo));
    QVERIFY(info);
    QCOMPARE(info->capsVer(), ver); // what we answer hashes to what we announce
    QCOMPARE(reply.child(u"query", ns::DiscoInfo).attribute(u"node"),
             m_disco->capsNode() + u'#' + ver);

    m_c->server.send("<iq type='get' from='alice@localhost/p' id='d2'><query "
                     "xmlns='http://jabber.org/protocol/disco#info' node='other#x'/></iq>");
    reply = nextIq();
    QCOMPARE(reply.attribute(u"type"), u"error"_s);
    QVERIFY(reply.child(u"error", ns::Client).hasChild(u"item-not-found", ns::Stanzas));

    m_c->server.send("<iq type='get' from='alice@localhost/p' id='d3'><query "
                     "xmlns='http://jabber.org/protocol/disco#items'/></iq>");
    reply = nextIq();
    QCOMPARE(reply.attribute(u"type"), u"result"_s);
    QVERIFY(reply.hasChild(u"query", ns::DiscoItems));
}

void tst_Disco::infoIsCachedAndShared()
{
    const Jid room = Jid::fromString(u"bali@conference.localhost");
    auto a = m_disco->info(room);
    auto b = m_disco->info(room); // same question while the first is on its way
    const Element iq = nextIq();
    QCOMPARE(iq.attribute(u"to"), room.toString());
    QVERIFY(m_c->server.staysSilent(100));
    DiscoInfo info;
    info.identities.append({u"conference"_s, u"text"_s, u"Bali"_s, {}});
    info.features = {u"http://jabber.org/protocol/muc"_s, u"urn:xmpp:mam:2"_s, ns::OccupantId};
    m_c->server.send(infoReply(iq.attribute(u"id"), room.toString(), info));
    QTRY_VERIFY(a.isFinished() && b.isFinished());
    QCOMPARE(a.result().value(), info);
    QCOMPARE(b.result().value(), info);
    auto c = m_disco->info(room);
    QVERIFY(c.isFinished()); // from the cache
    QCOMPARE(m_disco->queriesSent(), 1);
    m_disco->invalidate(room);
    auto d = m_disco->info(room);
    QVERIFY(!nextIq().isNull());
    QCOMPARE(m_disco->queriesSent(), 2);
}

void tst_Disco::capsAreCachedByVer()
{
    const DiscoInfo info = exodusSimple();
    const QString ver = info.capsVer();
    auto presence = [&](const QString &from) {
        return "<presence from='" + from.toUtf8()
            + "'><c xmlns='http://jabber.org/protocol/caps' hash='sha-1'"
              " node='http://exodus.example' ver='"
            + ver.toUtf8() + "'/></presence>";
    };
    // Three occupants of a room run the same client.
    for (const QString &nick : {u"a"_s, u"b"_s, u"c"_s})
        m_c->server.send(presence(u"bali@conference.localhost/"_s + nick));
    QTest::qWait(30);
    auto a = m_disco->capsInfo(Jid::fromString(u"bali@conference.localhost/a"));
    auto b = m_disco->capsInfo(Jid::fromString(u"bali@conference.localhost/b"));
    const Element iq = nextIq();
    QCOMPARE(iq.child(u"query", ns::DiscoInfo).attribute(u"node"),
             u"http://exodus.example#"_s + ver);
    QVERIFY(m_c->server.staysSilent(100)); // one query for the ver, not one per occupant
    m_c->server.send(infoReply(iq.attribute(u"id"), u"bali@conference.localhost/a"_s, info,
                               u"http://exodus.example#"_s + ver));
    QTRY_VERIFY(a.isFinished() && b.isFinished());
    QCOMPARE(b.result().value().features, info.features);
    auto c = m_disco->capsInfo(Jid::fromString(u"bali@conference.localhost/c"));
    QVERIFY(c.isFinished());
    QVERIFY(c.result().ok());
    QVERIFY(m_disco->cachedCapsInfo(Jid::fromString(u"bali@conference.localhost/c")));
    QVERIFY(m_disco->capsCache().contains(ver));
    QCOMPARE(m_disco->queriesSent(), 1);
    // No caps announced: nothing to ask.
    auto none = m_disco->capsInfo(Jid::fromString(u"bali@conference.localhost/zed"));
    QVERIFY(none.isFinished());
    QCOMPARE(none.result().error().code, DiscoError::Code::NotFound);
}

void tst_Disco::unverifiedCapsAreNotCachedByVer()
{
    const QString claimed = exodusSimple().capsVer();
    m_c->server.send("<presence from='mallory@localhost/x'><c "
                     "xmlns='http://jabber.org/protocol/caps' hash='sha-1'"
                     " node='http://evil.example' ver='"
                     + claimed.toUtf8() + "'/></presence>");
    QTest::qWait(30);
    auto task = m_disco->capsInfo(Jid::fromString(u"mallory@localhost/x"));
    const Element iq = nextIq();
    DiscoInfo lie = exodusSimple();
    lie.features.append(u"urn:example:poison"_s); // does not hash to the claimed ver
    m_c->server.send(infoReply(iq.attribute(u"id"), u"mallory@localhost/x"_s, lie));
    QTRY_VERIFY(task.isFinished());
    QVERIFY(task.result().ok()); // what Mallory said about Mallory
    QVERIFY(!m_disco->capsCache().contains(claimed)); // but it speaks for no one else
}

void tst_Disco::capsCacheSurvivesFreshSession()
{
    QHash<QString, DiscoInfo> persisted;
    persisted.insert(exodusSimple().capsVer(), exodusSimple());
    m_disco->setCapsCache(persisted);
    m_disco->onSessionStarted(false);
    m_c->server.send(
        "<presence from='alice@localhost/p'><c xmlns='http://jabber.org/protocol/caps' hash='sha-1'"
        " node='http://exodus.example' ver='"
        + exodusSimple().capsVer().toUtf8() + "'/></presence>");
    QTest::qWait(30);
    auto task = m_disco->capsInfo(Jid::fromString(u"alice@localhost/p"));
    QVERIFY(task.isFinished());
    QVERIFY(task.result().ok());
    QCOMPARE(m_disco->queriesSent(), 0);
}

void tst_Disco::discoverServices()
{
    auto task = m_disco->discoverServices();
    QHash<QString, Element> asked;
    for (int i = 0; i < 3; ++i) {
        const Element iq = nextIq();
        asked.insert(iq.attribute(u"to")
                         + (iq.hasChild(u"query", ns::DiscoItems) ? u"#items"_s : u""_s),
                     iq);
    }
    QVERIFY(asked.contains(u"localhost"_s));
    QVERIFY(asked.contains(u"localhost#items"_s));
    QVERIFY(asked.contains(u"user@localhost"_s));
    DiscoInfo server;
    server.identities.append({u"server"_s, u"im"_s, {}, {}});
    server.features = {ns::Carbons, u"urn:xmpp:mam:2"_s};
    m_c->server.send(infoReply(asked[u"localhost"_s].attribute(u"id"), u"localhost"_s, server));
    DiscoInfo account;
    account.identities.append({u"account"_s, u"registered"_s, {}, {}});
    account.features = {u"http://jabber.org/protocol/pubsub#publish-options"_s};
    m_c->server.send(
        infoReply(asked[u"user@localhost"_s].attribute(u"id"), u"user@localhost"_s, account));
    m_c->server.send(
        "<iq type='result' from='localhost' id='"
        + asked[u"localhost#items"_s].attribute(u"id").toUtf8()
        + "'><query xmlns='http://jabber.org/protocol/disco#items'>"
          "<item jid='conference.localhost'/><item jid='upload.localhost'/>"
          "<item jid='proxy.localhost'/><item jid='localhost' node='announce'/></query></iq>");
    QHash<QString, Element> items;
    for (int i = 0; i < 3; ++i) {
        const Element iq = nextIq();
        items.insert(iq.attribute(u"to"), iq);
    }
    QVERIFY(items.contains(u"conference.localhost"_s));
    QVERIFY(items.contains(u"upload.localhost"_s));
    DiscoInfo muc;
    muc.identities.append({u"conference"_s, u"text"_s, u"Chatrooms"_s, {}});
    muc.features = {u"http://jabber.org/protocol/muc"_s};
    m_c->server.send(infoReply(items[u"conference.localhost"_s].attribute(u"id"),
                               u"conference.localhost"_s, muc));
    DiscoInfo upload;
    upload.identities.append({u"store"_s, u"file"_s, u"HTTP File Upload"_s, {}});
    upload.features = {ns::HttpUpload};
    upload.forms.append(*parseDataForm(
        "<x xmlns='jabber:x:data' type='result'>"
        "<field var='FORM_TYPE' type='hidden'><value>urn:xmpp:http:upload:0</value></field>"
        "<field var='max-file-size'><value>10485760</value></field></x>"));
    m_c->server.send(
        infoReply(items[u"upload.localhost"_s].attribute(u"id"), u"upload.localhost"_s, upload));
    m_c->server.send("<iq type='error' from='proxy.localhost' id='"
                     + items[u"proxy.localhost"_s].attribute(u"id").toUtf8()
                     + "'><error type='cancel'><service-unavailable "
                       "xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
    QTRY_VERIFY(task.isFinished());
    QVERIFY(task.result().ok());
    const ServerServices s = task.result().value();
    QCOMPARE(s.muc, Jid::fromString(u"conference.localhost"));
    QCOMPARE(s.upload, Jid::fromString(u"upload.localhost"));
    QCOMPARE(s.uploadMaxSize, qint64(10485760));
    QVERIFY(s.server.hasFeature(ns::Carbons));
    QVERIFY(s.account.hasFeature(u"http://jabber.org/protocol/pubsub#publish-options"));
    QVERIFY(m_disco->services());
}

QTEST_GUILESS_MAIN(tst_Disco)
#include "tst_disco.moc"
