// BookmarkManager against a scripted server: storage detection, publish with publish-options and
// the precondition-not-met path, truncation detection (the server kept fewer than we published:
// Prosody's 256 default), removal elsewhere, live notifications only from our own account, XEP-0048
// fallback and the one-time migration.
#include "ScriptedClient.h"

#include "xmpp/BookmarkManager.h"
#include "xmpp/DataForm.h"
#include "xmpp/Namespaces.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::xmpp;
using chorus::test::ScriptedClient;

namespace {

Bookmark makeBookmark(int i)
{
    Bookmark b;
    b.jid = Jid::fromString(u"room%1@conference.localhost"_s.arg(i));
    b.name = u"Room %1"_s.arg(i);
    b.nick = u"coach"_s;
    b.autojoin = true;
    return b;
}

QByteArray itemXml(int i, const QByteArray &ns = "http://jabber.org/protocol/pubsub")
{
    return "<item xmlns='" + ns + "' id='room" + QByteArray::number(i)
        + "@conference.localhost'><conference xmlns='urn:xmpp:bookmarks:1' name='Room "
        + QByteArray::number(i) + "' autojoin='true'><nick>coach</nick></conference></item>";
}

QByteArray itemsReply(const QString &id, const QList<int> &rooms)
{
    QByteArray xml = "<iq type='result' id='" + id.toUtf8()
        + "'><pubsub xmlns='http://jabber.org/protocol/pubsub'><items node='urn:xmpp:bookmarks:1'>";
    for (int i : rooms)
        xml += itemXml(i);
    return xml + "</items></pubsub></iq>";
}

// A node configuration form; `range` adds the XEP-0122 bound Prosody puts on max_items.
QByteArray configReply(const QString &id, const QByteArray &maxItems, const QByteArray &range = {})
{
    const QByteArray validate = range.isEmpty()
        ? QByteArray()
        : "<validate xmlns='http://jabber.org/protocol/xdata-validate' "
          "datatype='pubsub:integer-or-max'>"
          "<range min='1' max='"
            + range + "'/></validate>";
    return "<iq type='result' id='" + id.toUtf8()
        + "'><pubsub xmlns='http://jabber.org/protocol/pubsub#owner'><configure "
          "node='urn:xmpp:bookmarks:1'>"
          "<x xmlns='jabber:x:data' type='form'><field var='FORM_TYPE' type='hidden'>"
          "<value>http://jabber.org/protocol/pubsub#node_config</value></field>"
          "<field var='pubsub#max_items' type='text-single'>"
        + validate + "<value>" + maxItems
        + "</value></field>"
          "<field var='pubsub#access_model'><value>whitelist</value></field>"
          "</x></configure></pubsub></iq>";
}

QByteArray errorReply(const QString &id, const QByteArray &condition, const QByteArray &extra = {})
{
    return "<iq type='error' id='" + id.toUtf8() + "'><error type='cancel'><" + condition
        + " xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>" + extra + "</error></iq>";
}

QByteArray resultReply(const QString &id)
{
    return "<iq type='result' id='" + id.toUtf8() + "'/>";
}

const QString PublishOptions = u"http://jabber.org/protocol/pubsub#publish-options"_s;
const QString NodeConfig = u"http://jabber.org/protocol/pubsub#node_config"_s;

// The form of FORM_TYPE `formType` inside `parent`; an empty form when there is none.
DataForm formIn(const Element &parent, const QString &formType)
{
    return DataForm::findIn(parent, formType).value_or(DataForm());
}

} // namespace

class tst_Bookmarks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void fetchDetectsPepAndReads();
    void saveUsesPublishOptions();
    void preconditionNotMetReconfiguresAndPublishes();
    void unknownPublishOptionsFallBackToMinimal();
    void truncationIsDetectedAndNothingLost();
    void truncationUnknownLimitKeepsGroups();
    void truncationAtProsodysPepMaxItems();
    void removalElsewhereUnderTheLimit();
    void announcedRetractionIsNotTruncation();
    void atLimitWarns();
    void notificationsOnlyFromOwnAccount();
    void removeRetracts();
    void legacyFallback();
    void migrationFromLegacyOnce();

private:
    Element nextIq();
    void answerDisco(bool pep);
    BookmarkSnapshot fetchPep(const QList<int> &serverRooms, const QByteArray &maxItems,
                              bool configFails = false, const QByteArray &range = {});

    std::unique_ptr<ScriptedClient> m_c;
    std::unique_ptr<BookmarkManager> m_bookmarks;
};

void tst_Bookmarks::init()
{
    auto s = ScriptedClient::defaultSettings();
    s.plaintextOnLoopback = true;
    s.resource = u"chorus"_s;
    m_c = std::make_unique<ScriptedClient>(s);
    m_bookmarks = std::make_unique<BookmarkManager>();
    m_c->client->addExtension(m_bookmarks.get());
    QVERIFY2(m_c->login(), qPrintable(m_c->server.failure()));
}

void tst_Bookmarks::cleanup()
{
    m_bookmarks.reset();
    m_c.reset();
}

Element tst_Bookmarks::nextIq()
{
    const auto e = m_c->server.nextStanza();
    if (!e || e->name() != u"iq")
        return {};
    return *e;
}

void tst_Bookmarks::answerDisco(bool pep)
{
    const Element iq = nextIq();
    QVERIFY(iq.hasChild(u"query", ns::DiscoInfo));
    QCOMPARE(iq.attribute(u"to"), u"user@localhost"_s);
    QByteArray features = "<feature var='http://jabber.org/protocol/pubsub#publish'/>";
    if (pep)
        features += "<feature var='http://jabber.org/protocol/pubsub#publish-options'/>"
                    "<feature var='urn:xmpp:bookmarks:1#compat'/>";
    m_c->server.send("<iq type='result' from='user@localhost' id='" + iq.attribute(u"id").toUtf8()
                     + "'><query xmlns='http://jabber.org/protocol/disco#info'>"
                       "<identity category='account' type='registered'/>"
                     + features + "</query></iq>");
}

BookmarkSnapshot tst_Bookmarks::fetchPep(const QList<int> &serverRooms, const QByteArray &maxItems,
                                         bool configFails, const QByteArray &range)
{
    m_bookmarks->setStorage(BookmarkManager::Storage::Pep);
    m_bookmarks->setLegacyMigrationDone(true);
    auto task = m_bookmarks->fetch();
    const Element items = nextIq();
    const Element configure = nextIq();
    if (!items.child(u"pubsub", ns::PubSub).hasChild(u"items", ns::PubSub)
        || !configure.child(u"pubsub", ns::PubSubOwner).hasChild(u"configure", ns::PubSubOwner)) {
        qWarning("unexpected requests");
        return {};
    }
    m_c->server.send(itemsReply(items.attribute(u"id"), serverRooms));
    m_c->server.send(configFails ? errorReply(configure.attribute(u"id"), "forbidden")
                                 : configReply(configure.attribute(u"id"), maxItems, range));
    if (!QTest::qWaitFor([&] { return task.isFinished(); }, 5000) || !task.result().ok())
        return {};
    return task.result().value();
}

void tst_Bookmarks::fetchDetectsPepAndReads()
{
    auto task = m_bookmarks->fetch();
    answerDisco(true);
    const Element items = nextIq();
    const Element configure = nextIq();
    QCOMPARE(items.attribute(u"type"), u"get"_s);
    QVERIFY(items.attribute(u"to").isEmpty()); // our own account's PEP
    QCOMPARE(items.child(u"pubsub", ns::PubSub).child(u"items", ns::PubSub).attribute(u"node"),
             ns::Bookmarks);
    QCOMPARE(configure.child(u"pubsub", ns::PubSubOwner)
                 .child(u"configure", ns::PubSubOwner)
                 .attribute(u"node"),
             ns::Bookmarks);
    m_c->server.send(itemsReply(items.attribute(u"id"), {1, 2}));
    m_c->server.send(configReply(configure.attribute(u"id"), "max"));
    // First fetch: old XEP-0048 storage is read once to migrate.
    const Element legacy = nextIq();
    QVERIFY(legacy.child(u"query", ns::PrivateStorage).hasChild(u"storage", ns::BookmarksLegacy));
    m_c->server.send(
        "<iq type='result' id='" + legacy.attribute(u"id").toUtf8()
        + "'><query xmlns='jabber:iq:private'><storage xmlns='storage:bookmarks'/></query></iq>");
    QTRY_VERIFY(task.isFinished());
    QVERIFY(task.result().ok());
    QCOMPARE(m_bookmarks->storage(), BookmarkManager::Storage::Pep);
    const BookmarkSnapshot snapshot = task.result().value();
    QCOMPARE(snapshot.bookmarks.size(), 2);
    QCOMPARE(snapshot.bookmarks[0], makeBookmark(1));
    QCOMPARE(snapshot.serverLimit, -1); // "max": the server did not say
    QVERIFY(m_bookmarks->legacyMigrationDone());
}

void tst_Bookmarks::saveUsesPublishOptions()
{
    m_bookmarks->setStorage(BookmarkManager::Storage::Pep);
    Bookmark b = makeBookmark(7);
    b.tags = {u"sales"_s};
    b.timeZone = u"Asia/Shanghai"_s;
    auto task = m_bookmarks->save(b);
    const Element iq = nextIq();
    QCOMPARE(iq.attribute(u"type"), u"set"_s);
    const Element pubsub = iq.child(u"pubsub", ns::PubSub);
    const Element publish = pubsub.child(u"publish", ns::PubSub);
    QCOMPARE(publish.attribute(u"node"), ns::Bookmarks);
    const Element item = publish.child(u"item", ns::PubSub);
    QCOMPARE(item.attribute(u"id"), u"room7@conference.localhost"_s);
    QCOMPARE(*Bookmark::fromItem(item), b);
    const DataForm form = formIn(pubsub.child(u"publish-options", ns::PubSub), PublishOptions);
    QCOMPARE(form.formType(), PublishOptions);
    QCOMPARE(form.type(), DataForm::Type::Submit);
    QCOMPARE(form.values(u"pubsub#access_model"_s), QStringList {u"whitelist"_s});
    QCOMPARE(form.values(u"pubsub#persist_items"_s), QStringList {u"true"_s});
    QCOMPARE(form.values(u"pubsub#max_items"_s), QStringList {u"max"_s});
    m_c->server.send(resultReply(iq.attribute(u"id")));
    QTRY_VERIFY(task.isFinished());
    QVERIFY(task.result().ok());
    QCOMPARE(m_bookmarks->bookmarks(), QList<Bookmark> {b});
}

void tst_Bookmarks::preconditionNotMetReconfiguresAndPublishes()
{
    m_bookmarks->setStorage(BookmarkManager::Storage::Pep);
    auto task = m_bookmarks->save(makeBookmark(1));
    Element iq = nextIq();
    m_c->server.send(
        errorReply(iq.attribute(u"id"), "conflict",
                   "<precondition-not-met xmlns='http://jabber.org/protocol/pubsub#errors'/>"));
    iq = nextIq();
    const Element configure
        = iq.child(u"pubsub", ns::PubSubOwner).child(u"configure", ns::PubSubOwner);
    QVERIFY(!configure.isNull());
    QCOMPARE(iq.attribute(u"type"), u"set"_s);
    const DataForm form = formIn(configure, NodeConfig);
    QCOMPARE(form.values(u"pubsub#access_model"_s), QStringList {u"whitelist"_s});
    QVERIFY(form.values(u"pubsub#max_items"_s).isEmpty()); // the node's limit is left alone
    m_c->server.send(resultReply(iq.attribute(u"id")));
    iq = nextIq();
    QVERIFY(iq.child(u"pubsub", ns::PubSub).hasChild(u"publish", ns::PubSub));
    QVERIFY(!iq.child(u"pubsub", ns::PubSub).hasChild(u"publish-options", ns::PubSub));
    m_c->server.send(resultReply(iq.attribute(u"id")));
    QTRY_VERIFY(task.isFinished());
    QVERIFY(task.result().ok());
}

void tst_Bookmarks::unknownPublishOptionsFallBackToMinimal()
{
    // ejabberd 23.01 knows only persist_items and access_model in publish-options.
    m_bookmarks->setStorage(BookmarkManager::Storage::Pep);
    auto task = m_bookmarks->save(makeBookmark(1));
    Element iq = nextIq();
    m_c->server.send(
        "<iq type='error' id='" + iq.attribute(u"id").toUtf8()
        + "'><error type='wait'><resource-constraint xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
          "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>Unknown field "
          "'pubsub#max_items'</text>"
          "</error></iq>");
    iq = nextIq();
    DataForm form = formIn(iq.child(u"pubsub", ns::PubSub).child(u"publish-options", ns::PubSub),
                           PublishOptions);
    QCOMPARE(form.values(u"pubsub#access_model"_s), QStringList {u"whitelist"_s});
    QCOMPARE(form.values(u"pubsub#persist_items"_s), QStringList {u"true"_s});
    QVERIFY(form.values(u"pubsub#max_items"_s).isEmpty());
    m_c->server.send(resultReply(iq.attribute(u"id")));
    // Then, once, the node is asked for what publish-options could not say.
    iq = nextIq();
    Element configure = iq.child(u"pubsub", ns::PubSubOwner).child(u"configure", ns::PubSubOwner);
    form = formIn(configure, NodeConfig);
    QCOMPARE(form.values(u"pubsub#notify_retract"_s), QStringList {u"true"_s});
    QCOMPARE(form.values(u"pubsub#max_items"_s), QStringList {u"max"_s});
    QCOMPARE(form.values(u"pubsub#access_model"_s), QStringList {u"whitelist"_s});
    m_c->server.send(errorReply(iq.attribute(u"id"), "not-acceptable"));
    iq = nextIq(); // "max" refused: the rest without it
    form = formIn(iq.child(u"pubsub", ns::PubSubOwner).child(u"configure", ns::PubSubOwner),
                  NodeConfig);
    QCOMPARE(form.values(u"pubsub#notify_retract"_s), QStringList {u"true"_s});
    QVERIFY(form.values(u"pubsub#max_items"_s).isEmpty());
    m_c->server.send(resultReply(iq.attribute(u"id")));
    QTRY_VERIFY(task.isFinished());
    QVERIFY(task.result().ok());
    // The next save goes straight to the minimal set, and the node is not tuned again.
    auto next = m_bookmarks->save(makeBookmark(2));
    iq = nextIq();
    form = formIn(iq.child(u"pubsub", ns::PubSub).child(u"publish-options", ns::PubSub),
                  PublishOptions);
    QCOMPARE(form.values(u"pubsub#access_model"_s), QStringList {u"whitelist"_s});
    QVERIFY(form.values(u"pubsub#max_items"_s).isEmpty());
    m_c->server.send(resultReply(iq.attribute(u"id")));
    QTRY_VERIFY(next.isFinished());
    QVERIFY(next.result().ok());
    QVERIFY(m_c->server.staysSilent(100) || !m_c->server.takeRaw().contains("pubsub#owner"));
}

void tst_Bookmarks::truncationIsDetectedAndNothingLost()
{
    QList<Bookmark> known;
    for (int i = 1; i <= 5; ++i)
        known.append(makeBookmark(i));
    m_bookmarks->setKnownBookmarks(known);
    QSignalSpy warnings(m_bookmarks.get(), &BookmarkManager::warning);
    // The server kept 3 (its limit): rooms 1 and 2 were evicted.
    const BookmarkSnapshot s = fetchPep({3, 4, 5}, "3");
    QCOMPARE(s.serverCount, 3);
    QCOMPARE(s.serverLimit, 3);
    QCOMPARE(s.notKeptByServer, (QList<Jid> {known[0].jid, known[1].jid}));
    QVERIFY(s.removedElsewhere.isEmpty());
    QCOMPARE(s.bookmarks.size(), 5); // never lose a group
    QCOMPARE(m_bookmarks->bookmarks().size(), 5);
    QCOMPARE(warnings.size(), 1);
    const auto w = warnings.first().first().value<BookmarkWarning>();
    QCOMPARE(w.kind, BookmarkWarning::Kind::Truncated);
    QCOMPARE(w.notKept.size(), 2);
    QCOMPARE(w.serverLimit, 3);
    QVERIFY(w.describe().contains(u"3"_s));
}

void tst_Bookmarks::truncationAtProsodysPepMaxItems()
{
    // Prosody answers max_items "max" and states its pep_max_items as the field's range.
    QList<Bookmark> known;
    for (int i = 1; i <= 4; ++i)
        known.append(makeBookmark(i));
    m_bookmarks->setKnownBookmarks(known);
    QSignalSpy warnings(m_bookmarks.get(), &BookmarkManager::warning);
    const BookmarkSnapshot s = fetchPep({2, 3, 4}, "max", false, "3");
    QCOMPARE(s.serverLimit, 3);
    QCOMPARE(s.notKeptByServer, QList<Jid> {known[0].jid});
    QCOMPARE(s.bookmarks.size(), 4);
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(warnings.first().first().value<BookmarkWarning>().kind,
             BookmarkWarning::Kind::Truncated);
}

void tst_Bookmarks::truncationUnknownLimitKeepsGroups()
{
    // The server does not state its limit ("max" without a range, or no configuration
    // at all). A full-looking list (256: Prosody's default) missing some of ours may
    // have been truncated: keep them and say so.
    QList<Bookmark> known;
    QList<int> kept;
    for (int i = 1; i <= 258; ++i) {
        known.append(makeBookmark(i));
        if (i > 2)
            kept.append(i);
    }
    m_bookmarks->setKnownBookmarks(known);
    QSignalSpy warnings(m_bookmarks.get(), &BookmarkManager::warning);
    const BookmarkSnapshot s = fetchPep(kept, {}, true);
    QCOMPARE(s.serverLimit, -1);
    QCOMPARE(s.notKeptByServer, (QList<Jid> {known[0].jid, known[1].jid}));
    QCOMPARE(s.bookmarks.size(), 258);
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(warnings.first().first().value<BookmarkWarning>().kind,
             BookmarkWarning::Kind::PossiblyTruncated);

    // A short list missing one of ours was not truncated: it was removed elsewhere.
    m_bookmarks->setKnownBookmarks({makeBookmark(1), makeBookmark(2)});
    const BookmarkSnapshot small = fetchPep({2}, "max");
    QCOMPARE(small.removedElsewhere, QList<Jid> {makeBookmark(1).jid});
    QCOMPARE(small.bookmarks, QList<Bookmark> {makeBookmark(2)});
    QCOMPARE(warnings.size(), 1);
}

void tst_Bookmarks::removalElsewhereUnderTheLimit()
{
    m_bookmarks->setKnownBookmarks({makeBookmark(1), makeBookmark(2), makeBookmark(3)});
    QSignalSpy warnings(m_bookmarks.get(), &BookmarkManager::warning);
    const BookmarkSnapshot s = fetchPep({1, 3}, "256");
    QCOMPARE(s.removedElsewhere, QList<Jid> {makeBookmark(2).jid});
    QVERIFY(s.notKeptByServer.isEmpty());
    QCOMPARE(s.bookmarks.size(), 2);
    QCOMPARE(warnings.size(), 0);
}

void tst_Bookmarks::announcedRetractionIsNotTruncation()
{
    m_bookmarks->setKnownBookmarks({makeBookmark(1), makeBookmark(2)});
    QSignalSpy changed(m_bookmarks.get(), &BookmarkManager::bookmarksChanged);
    m_c->server.send(
        "<message from='user@localhost' type='headline'><event "
        "xmlns='http://jabber.org/protocol/pubsub#event'>"
        "<items node='urn:xmpp:bookmarks:1'><retract id='room2@conference.localhost'/></items>"
        "</event></message>");
    QTRY_COMPARE(changed.size(), 1);
    QSignalSpy warnings(m_bookmarks.get(), &BookmarkManager::warning);
    const BookmarkSnapshot s = fetchPep({1}, "1");
    QVERIFY(s.notKeptByServer.isEmpty());
    QCOMPARE(s.bookmarks.size(), 1);
    QCOMPARE(warnings.size(), 1); // only: the list is at the server's limit
    QCOMPARE(warnings.first().first().value<BookmarkWarning>().kind,
             BookmarkWarning::Kind::AtLimit);
}

void tst_Bookmarks::atLimitWarns()
{
    QSignalSpy warnings(m_bookmarks.get(), &BookmarkManager::warning);
    const BookmarkSnapshot s = fetchPep({1, 2}, "2");
    QCOMPARE(s.bookmarks.size(), 2);
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(warnings.first().first().value<BookmarkWarning>().kind,
             BookmarkWarning::Kind::AtLimit);
}

void tst_Bookmarks::notificationsOnlyFromOwnAccount()
{
    QSignalSpy changed(m_bookmarks.get(), &BookmarkManager::bookmarksChanged);
    // The attack: a stranger pushes a bookmark (autojoin into their room) to us.
    m_c->server.send("<message from='mallory@localhost' type='headline'><event "
                     "xmlns='http://jabber.org/protocol/pubsub#event'>"
                     "<items node='urn:xmpp:bookmarks:1'>"
                     + itemXml(66, "http://jabber.org/protocol/pubsub#event")
                     + "</items></event></message>");
    m_c->server.send("<message from='user@localhost/other' type='headline'><event "
                     "xmlns='http://jabber.org/protocol/pubsub#event'>"
                     "<items node='urn:xmpp:bookmarks:1'>"
                     + itemXml(67, "http://jabber.org/protocol/pubsub#event")
                     + "</items></event></message>");
    m_c->server.send("<message from='user@localhost' type='headline'><event "
                     "xmlns='http://jabber.org/protocol/pubsub#event'>"
                     "<items node='urn:xmpp:bookmarks:1'>"
                     + itemXml(8, "http://jabber.org/protocol/pubsub#event")
                     + "</items></event></message>");
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(m_bookmarks->bookmarks(), QList<Bookmark> {makeBookmark(8)});
    QVERIFY(m_c->unhandled.isEmpty()); // the forged ones were claimed, not shown as messages
    // Our own publication echoed back changes nothing: no second signal.
    m_c->server.send("<message from='user@localhost' type='headline'><event "
                     "xmlns='http://jabber.org/protocol/pubsub#event'>"
                     "<items node='urn:xmpp:bookmarks:1'>"
                     + itemXml(8, "http://jabber.org/protocol/pubsub#event")
                     + "</items></event></message>");
    QTest::qWait(50);
    QCOMPARE(changed.size(), 1);
    QVERIFY(m_bookmarks->discoFeatures().contains(u"urn:xmpp:bookmarks:1+notify"_s));
}

void tst_Bookmarks::removeRetracts()
{
    m_bookmarks->setStorage(BookmarkManager::Storage::Pep);
    m_bookmarks->setKnownBookmarks({makeBookmark(1), makeBookmark(2)});
    auto task = m_bookmarks->remove(Jid::fromString(u"room1@conference.localhost"));
    const Element iq = nextIq();
    const Element retract = iq.child(u"pubsub", ns::PubSub).child(u"retract", ns::PubSub);
    QCOMPARE(retract.attribute(u"node"), ns::Bookmarks);
    QCOMPARE(retract.attribute(u"notify"), u"true"_s);
    QCOMPARE(retract.child(u"item", ns::PubSub).attribute(u"id"), u"room1@conference.localhost"_s);
    m_c->server.send(errorReply(iq.attribute(u"id"), "item-not-found")); // already gone: fine
    QTRY_VERIFY(task.isFinished());
    QVERIFY(task.result().ok());
    QCOMPARE(m_bookmarks->bookmarks(), QList<Bookmark> {makeBookmark(2)});
}

void tst_Bookmarks::legacyFallback()
{
    QSignalSpy warnings(m_bookmarks.get(), &BookmarkManager::warning);
    auto task = m_bookmarks->fetch();
    answerDisco(false);
    Element iq = nextIq();
    QVERIFY(iq.child(u"query", ns::PrivateStorage).hasChild(u"storage", ns::BookmarksLegacy));
    m_c->server.send("<iq type='result' id='" + iq.attribute(u"id").toUtf8()
                     + "'><query xmlns='jabber:iq:private'><storage xmlns='storage:bookmarks'>"
                       "<conference jid='room1@conference.localhost' name='Room 1' "
                       "autojoin='true'><nick>coach</nick></conference>"
                       "</storage></query></iq>");
    QTRY_VERIFY(task.isFinished());
    QVERIFY(task.result().ok());
    QCOMPARE(m_bookmarks->storage(), BookmarkManager::Storage::Legacy);
    QCOMPARE(task.result().value().bookmarks, QList<Bookmark> {makeBookmark(1)});
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(warnings.first().first().value<BookmarkWarning>().kind,
             BookmarkWarning::Kind::LegacyStorage);

    // Saving writes the whole list back, with our extension inside.
    Bookmark two = makeBookmark(2);
    two.tags = {u"t"_s};
    auto save = m_bookmarks->save(two);
    iq = nextIq();
    QCOMPARE(iq.attribute(u"type"), u"set"_s);
    const Element storage
        = iq.child(u"query", ns::PrivateStorage).child(u"storage", ns::BookmarksLegacy);
    const auto conferences = storage.children(u"conference", ns::BookmarksLegacy);
    QCOMPARE(conferences.size(), 2);
    QCOMPARE(*Bookmark::fromLegacy(conferences[1]), two);
    m_c->server.send(resultReply(iq.attribute(u"id")));
    QTRY_VERIFY(save.isFinished());
    QVERIFY(save.result().ok());
}

void tst_Bookmarks::migrationFromLegacyOnce()
{
    m_bookmarks->setStorage(BookmarkManager::Storage::Pep);
    QSignalSpy warnings(m_bookmarks.get(), &BookmarkManager::warning);
    auto task = m_bookmarks->fetch();
    Element items = nextIq();
    Element configure = nextIq();
    m_c->server.send(errorReply(items.attribute(u"id"), "item-not-found")); // no node yet
    m_c->server.send(configReply(configure.attribute(u"id"), "1000"));
    Element legacy = nextIq();
    m_c->server.send("<iq type='result' id='" + legacy.attribute(u"id").toUtf8()
                     + "'><query xmlns='jabber:iq:private'><storage xmlns='storage:bookmarks'>"
                       "<conference jid='room1@conference.localhost' name='Room 1' "
                       "autojoin='true'><nick>coach</nick></conference>"
                       "<conference jid='room2@conference.localhost' name='Room 2' "
                       "autojoin='true'><nick>coach</nick></conference>"
                       "</storage></query></iq>");
    for (int i = 1; i <= 2; ++i) {
        const Element publish = nextIq();
        const Element item = publish.child(u"pubsub", ns::PubSub)
                                 .child(u"publish", ns::PubSub)
                                 .child(u"item", ns::PubSub);
        QCOMPARE(*Bookmark::fromItem(item), makeBookmark(i));
        m_c->server.send(resultReply(publish.attribute(u"id")));
    }
    QTRY_VERIFY(task.isFinished());
    QCOMPARE(task.result().value().bookmarks.size(), 2);
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(warnings.first().first().value<BookmarkWarning>().kind,
             BookmarkWarning::Kind::Migrated);
    QCOMPARE(warnings.first().first().value<BookmarkWarning>().migrated.size(), 2);

    // Once: the next fetch does not read the old storage again.
    auto again = m_bookmarks->fetch();
    items = nextIq();
    configure = nextIq();
    m_c->server.send(itemsReply(items.attribute(u"id"), {1, 2}));
    m_c->server.send(configReply(configure.attribute(u"id"), "1000"));
    QTRY_VERIFY(again.isFinished());
    QVERIFY(again.result().ok());
    QVERIFY(m_c->server.staysSilent(100) || !m_c->server.takeRaw().contains("jabber:iq:private"));
}

QTEST_GUILESS_MAIN(tst_Bookmarks)
#include "tst_bookmarks.moc"
