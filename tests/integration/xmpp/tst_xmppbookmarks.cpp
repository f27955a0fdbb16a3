// The operator's group list on real Prosody and ejabberd: XEP-0402 round trip (add,
// rename, autojoin, tags and time zone in our extension, remove) seen live by another
// device of the same account (+notify through caps), the node private to the owner,
// truncation by the server's item limit noticed without losing a group, and XEP-0048
// storage (fallback and migration).
#include "LiveAccount.h"

#include "xmpp/BookmarkManager.h"
#include "xmpp/DiscoManager.h"
#include "xmpp/DataForm.h"
#include "xmpp/Namespaces.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::xmpp;
using chorus::test::LiveAccount;
using chorus::test::TestServer;

namespace {

Bookmark group(const TestServer &server, const QString &name)
{
    Bookmark b;
    b.jid = Jid::fromString(name + u'@' + server.mucDomain());
    b.name = name;
    b.nick = u"coach"_s;
    b.autojoin = true;
    return b;
}

template <typename T, typename E> chorus::Expected<T, E> await(chorus::Task<T, E> task)
{
    LiveAccount::waitFor([&] { return task.isFinished(); }, 30000);
    if (!task.isFinished())
        qFatal("request did not finish");
    const auto result = task.result();
    if (!result.ok())
        qWarning("request failed: %s %s", qPrintable(result.error().condition),
                 qPrintable(result.error().text));
    return result;
}

Element pubsubIq(const QString &type, const QString &pubsubNs, const Element &payload,
                 const QString &to = {})
{
    Element iq(u"iq"_s, ns::Client);
    iq.setAttribute(u"type"_s, type);
    if (!to.isEmpty())
        iq.setAttribute(u"to"_s, to);
    iq.appendChild(Element(u"pubsub"_s, pubsubNs).appendChild(payload));
    return iq;
}

} // namespace

class tst_XmppBookmarks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void roundTripAcrossDevices();
    void truncationIsNoticed();
    void legacyStorage();
    void legacyBookmarksAreMigrated();

private:
    QString account() { return m_accounts.takeFirst(); }
    std::optional<TestServer> m_server;
    QStringList m_accounts;
};

void tst_XmppBookmarks::initTestCase()
{
    QString error;
    m_server = TestServer::fromEnvironment(&error);
    QVERIFY2(m_server, qPrintable(error));
    m_accounts = chorus::test::makeAccounts(*m_server, u"bm"_s, 8, &error);
    QVERIFY2(!m_accounts.isEmpty(), qPrintable(error));
}

void tst_XmppBookmarks::roundTripAcrossDevices()
{
    const QString user = account();
    LiveAccount desk(*m_server, user, u"desk"_s);
    LiveAccount phone(*m_server, user, u"phone"_s);
    DiscoManager deskDisco, phoneDisco;
    BookmarkManager deskBookmarks, phoneBookmarks;
    desk.client().addExtension(&deskDisco);
    desk.client().addExtension(&deskBookmarks);
    phone.client().addExtension(&phoneDisco);
    phone.client().addExtension(&phoneBookmarks);
    QVERIFY(desk.connect());
    QVERIFY(phone.connect());
    // The phone announces +notify through its caps; the server asks its disco manager.
    phone.sendPresence(phoneDisco.capsElement());
    desk.sendPresence(deskDisco.capsElement());
    QSignalSpy phoneSees(&phoneBookmarks, &BookmarkManager::bookmarksChanged);

    const auto first = await(deskBookmarks.fetch());
    QVERIFY(first.ok());
    QVERIFY(first.value().bookmarks.isEmpty());
    QCOMPARE(deskBookmarks.storage(), BookmarkManager::Storage::Pep);

    Bookmark bali = group(*m_server, TestServer::uniqueName(u"bali"_s));
    bali.tags = {u"bali"_s, u"2026"_s, u"\u6d77\u6ee9"_s};
    bali.timeZone = u"Asia/Makassar"_s;
    bali.otherExtensions.append(*Element::fromXml("<pinned xmlns='urn:example:other-client'/>"));
    Bookmark lisbon = group(*m_server, TestServer::uniqueName(u"lisbon"_s));
    QVERIFY(await(deskBookmarks.save(bali)).ok());
    QVERIFY(await(deskBookmarks.save(lisbon)).ok());
    QVERIFY(LiveAccount::waitFor([&] { return phoneBookmarks.bookmarks().size() == 2; }));
    QCOMPARE(phoneBookmarks.bookmarks().first(), bali); // tags, zone, others' extension

    bali.name = u"Bali \u2014 May cohort"_s;
    bali.autojoin = false;
    QVERIFY(await(deskBookmarks.save(bali)).ok());
    QVERIFY(LiveAccount::waitFor([&] {
        const auto list = phoneBookmarks.bookmarks();
        return !list.isEmpty() && list.first().name == bali.name && !list.first().autojoin;
    }));
    QVERIFY(await(deskBookmarks.remove(lisbon.jid)).ok());
    const bool pushed
        = LiveAccount::waitFor([&] { return phoneBookmarks.bookmarks().size() == 1; }, 3000);
    qInfo("%s: removal pushed to the other device: %s", qPrintable(m_server->kind()),
          pushed ? "yes" : "no");
    if (!pushed) {
        // ejabberd 23.01 sends no retraction events for PEP, even with notify_retract
        // set: the other device learns of the removal at its next fetch.
        QCOMPARE(m_server->kind(), u"ejabberd"_s);
        const auto refetched = await(phoneBookmarks.fetch());
        QVERIFY(refetched.ok());
        QCOMPARE(refetched.value().removedElsewhere, QList<Jid> {lisbon.jid});
        QVERIFY(refetched.value().notKeptByServer.isEmpty());
    }
    QCOMPARE(phoneBookmarks.bookmarks(), QList<Bookmark> {bali});
    QVERIFY(!phoneSees.isEmpty());

    // A fresh device reads exactly what was saved.
    LiveAccount laptop(*m_server, user, u"laptop"_s);
    BookmarkManager laptopBookmarks;
    laptop.client().addExtension(&laptopBookmarks);
    QVERIFY(laptop.connect());
    const auto read = await(laptopBookmarks.fetch());
    QVERIFY(read.ok());
    QCOMPARE(read.value().bookmarks, QList<Bookmark> {bali});
    qInfo("%s: bookmark node limit %d", qPrintable(m_server->kind()), read.value().serverLimit);
    QVERIFY(read.value().serverLimit == -1 || read.value().serverLimit >= 256);

    // The node is private: another account cannot read it.
    LiveAccount stranger(*m_server, account());
    QVERIFY(stranger.connect());
    const auto peek = stranger.iq(
        pubsubIq(u"get"_s, ns::PubSub,
                 Element(u"items"_s, ns::PubSub).setAttribute(u"node"_s, ns::Bookmarks),
                 desk.jid().bare().toString()));
    QVERIFY(!peek.ok() || !peek.value().toXml().contains(bali.jid.toString().toUtf8()));
    qInfo("%s: stranger reading the node: %s", qPrintable(m_server->kind()),
          peek.ok() ? "empty result" : qPrintable(peek.error().condition));
}

void tst_XmppBookmarks::truncationIsNoticed()
{
    LiveAccount desk(*m_server, account());
    BookmarkManager bookmarks;
    desk.client().addExtension(&bookmarks);
    QVERIFY(desk.connect());
    QList<Bookmark> groups;
    for (int i = 0; i < 5; ++i)
        groups.append(group(*m_server, TestServer::uniqueName(u"t"_s)));
    QVERIFY(await(bookmarks.save(groups[0])).ok());
    // The server's item limit: set small here, as Prosody's default pep_max_items (256)
    // or an administrator would have it.
    Element configure(u"configure"_s, ns::PubSubOwner);
    configure.setAttribute(u"node"_s, ns::Bookmarks);
    DataForm limit = DataForm::withFormType(u"http://jabber.org/protocol/pubsub#node_config"_s);
    limit.setValue(u"pubsub#max_items"_s, u"3"_s);
    configure.appendChild(limit.toElement());
    const auto configured = desk.iq(pubsubIq(u"set"_s, ns::PubSubOwner, configure));
    QVERIFY2(configured.ok(),
             qPrintable(configured.ok() ? QString() : configured.error().condition));
    for (int i = 1; i < 5; ++i) {
        const auto saved = await(bookmarks.save(groups[i]));
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().condition));
    }
    QSignalSpy warnings(&bookmarks, &BookmarkManager::warning);
    const auto fetched = await(bookmarks.fetch());
    QVERIFY(fetched.ok());
    const BookmarkSnapshot s = fetched.value();
    qInfo("%s: server kept %d of 5 (limit %d), not kept %d", qPrintable(m_server->kind()),
          s.serverCount, s.serverLimit, int(s.notKeptByServer.size()));
    // Never lose a group: all five are listed, whatever the server kept.
    QCOMPARE(s.bookmarks.size(), 5);
    for (const Bookmark &g : groups)
        QVERIFY(std::any_of(s.bookmarks.cbegin(), s.bookmarks.cend(),
                            [&](const Bookmark &b) { return b.jid == g.jid; }));
    QCOMPARE(s.serverCount, 3); // the server really truncated
    QCOMPARE(s.serverLimit, 3);
    QCOMPARE(s.notKeptByServer.size(), 2);
    QVERIFY(!warnings.isEmpty());
    const auto w = warnings.last().first().value<BookmarkWarning>();
    QCOMPARE(w.kind, BookmarkWarning::Kind::Truncated);
    QCOMPARE(w.notKept, s.notKeptByServer);
}

void tst_XmppBookmarks::legacyStorage()
{
    LiveAccount desk(*m_server, account());
    BookmarkManager bookmarks;
    bookmarks.setStorage(BookmarkManager::Storage::Legacy);
    desk.client().addExtension(&bookmarks);
    QVERIFY(desk.connect());
    Bookmark a = group(*m_server, TestServer::uniqueName(u"old"_s));
    a.tags = {u"legacy"_s};
    a.timeZone = u"Europe/Lisbon"_s;
    Bookmark b = group(*m_server, TestServer::uniqueName(u"old"_s));
    b.autojoin = false;
    QVERIFY(await(bookmarks.fetch()).ok());
    QVERIFY(await(bookmarks.save(a)).ok());
    QVERIFY(await(bookmarks.save(b)).ok());
    QVERIFY(await(bookmarks.remove(b.jid)).ok());

    LiveAccount again(*m_server, desk.jid().node(), u"again"_s);
    BookmarkManager reader;
    reader.setStorage(BookmarkManager::Storage::Legacy);
    again.client().addExtension(&reader);
    QVERIFY(again.connect());
    const auto read = await(reader.fetch());
    QVERIFY(read.ok());
    QCOMPARE(read.value().bookmarks.size(), 1);
    const Bookmark got = read.value().bookmarks.first();
    QCOMPARE(got.jid, a.jid);
    QCOMPARE(got.name, a.name);
    QCOMPARE(got.nick, a.nick);
    QCOMPARE(got.autojoin, a.autojoin);
    // Prosody rewrites XEP-0048 storage through XEP-0402 and keeps only the standard
    // fields; our tags and zone then live only in our own copy.
    qInfo("%s: tags and zone through XEP-0048: %s", qPrintable(m_server->kind()),
          got.tags == a.tags && got.timeZone == a.timeZone ? "kept" : "dropped by the server");
    if (m_server->kind() == u"ejabberd")
        QCOMPARE(got, a);
}

void tst_XmppBookmarks::legacyBookmarksAreMigrated()
{
    LiveAccount old(*m_server, account(), u"oldclient"_s);
    QVERIFY(old.connect());
    const Bookmark legacy = group(*m_server, TestServer::uniqueName(u"mig"_s));
    Element storage(u"storage"_s, ns::BookmarksLegacy);
    storage.appendChild(legacy.toLegacy());
    Element set(u"iq"_s, ns::Client);
    set.setAttribute(u"type"_s, u"set"_s)
        .appendChild(Element(u"query"_s, ns::PrivateStorage).appendChild(storage));
    QVERIFY(old.iq(set).ok());

    LiveAccount desk(*m_server, old.jid().node(), u"desk"_s);
    BookmarkManager bookmarks;
    desk.client().addExtension(&bookmarks);
    QVERIFY(desk.connect());
    const auto fetched = await(bookmarks.fetch());
    QVERIFY(fetched.ok());
    QCOMPARE(fetched.value().bookmarks.size(), 1);
    QCOMPARE(fetched.value().bookmarks.first().jid, legacy.jid);
    QVERIFY(bookmarks.legacyMigrationDone());
    // And it is in XEP-0402 now, for every other client.
    QVERIFY(LiveAccount::waitFor(
        [&] {
            const auto items = desk.iq(
                pubsubIq(u"get"_s, ns::PubSub,
                         Element(u"items"_s, ns::PubSub).setAttribute(u"node"_s, ns::Bookmarks)));
            return items.ok() && items.value().toXml().contains(legacy.jid.toString().toUtf8());
        },
        10000));
}

QTEST_GUILESS_MAIN(tst_XmppBookmarks)
#include "tst_xmppbookmarks.moc"
