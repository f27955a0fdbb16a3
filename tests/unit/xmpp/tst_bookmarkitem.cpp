// The bookmark value type (no network): XEP-0402 items and XEP-0048 conferences read and
// written back unchanged, with our urn:chorus:group:0 extension (tags, time zone), other
// clients' extensions and a password kept; unusable items refused.
#include "xmpp/Bookmark.h"
#include "xmpp/Namespaces.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::xmpp;

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

} // namespace

class tst_BookmarkItem : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void valueRoundTrip();
    void legacyRoundTrip();
    void invalidItemsAreSkipped();
};

void tst_BookmarkItem::valueRoundTrip()
{
    const auto item = Element::fromXml(
        "<item xmlns='http://jabber.org/protocol/pubsub' id='bali@conference.localhost'>"
        "<conference xmlns='urn:xmpp:bookmarks:1' name='Bali 2026' autojoin='1'>"
        "<nick>coach</nick><password>secret</password>"
        "<extensions><state xmlns='urn:example:other' v='1'/>"
        "<group xmlns='urn:chorus:group:0'><tag>bali</tag><tag>2026</tag><tag>bali</tag>"
        "<tz>Asia/Makassar</tz></group></extensions></conference></item>");
    QVERIFY(item);
    const auto b = Bookmark::fromItem(*item);
    QVERIFY(b);
    QCOMPARE(b->jid, Jid::fromString(u"bali@conference.localhost"));
    QCOMPARE(b->name, u"Bali 2026"_s);
    QVERIFY(b->autojoin);
    QCOMPARE(b->nick, u"coach"_s);
    QCOMPARE(b->tags, (QStringList {u"bali"_s, u"2026"_s}));
    QCOMPARE(b->timeZone, u"Asia/Makassar"_s);
    QCOMPARE(b->otherExtensions.size(), 1);
    QCOMPARE(b->unknownChildren.size(), 1); // the password, kept but not used

    // Serialise and read back: the same bookmark, other clients' data intact.
    Element again(u"item"_s, ns::PubSub);
    again.setAttribute(u"id"_s, b->jid.toString()).appendChild(b->toConference());
    const auto reparsed = Bookmark::fromItem(*Element::fromXml(again.toXml()));
    QVERIFY(reparsed);
    QCOMPARE(*reparsed, *b);
    QVERIFY(again.toXml().contains("urn:example:other"));
    QVERIFY(again.toXml().contains("secret"));

    Bookmark plain = makeBookmark(1);
    plain.autojoin = false;
    const Element conference = plain.toConference();
    QCOMPARE(conference.attribute(u"autojoin"), u"false"_s);
    QVERIFY(!conference.hasChild(u"extensions", ns::Bookmarks)); // nothing to carry
}

void tst_BookmarkItem::legacyRoundTrip()
{
    Bookmark b = makeBookmark(3);
    b.tags = {u"cohort-a"_s};
    b.timeZone = u"Europe/Paris"_s;
    b.unknownChildren.append(Element(u"password"_s, ns::Bookmarks).setText(u"pw"_s));
    const Element legacy = b.toLegacy();
    QCOMPARE(legacy.attribute(u"jid"), u"room3@conference.localhost"_s);
    QCOMPARE(legacy.childText(u"password", ns::BookmarksLegacy), u"pw"_s);
    const auto back = Bookmark::fromLegacy(*Element::fromXml(legacy.toXml()));
    QVERIFY(back);
    QCOMPARE(*back, b);
}

void tst_BookmarkItem::invalidItemsAreSkipped()
{
    for (const char *xml :
         {"<item xmlns='http://jabber.org/protocol/pubsub' id='not a jid'>"
          "<conference xmlns='urn:xmpp:bookmarks:1'/></item>",
          "<item xmlns='http://jabber.org/protocol/pubsub' id='conference.localhost'>"
          "<conference xmlns='urn:xmpp:bookmarks:1'/></item>",
          "<item xmlns='http://jabber.org/protocol/pubsub' id='a@b/c'>"
          "<conference xmlns='urn:xmpp:bookmarks:1'/></item>",
          "<item xmlns='http://jabber.org/protocol/pubsub' id='a@b'><other/></item>"}) {
        QVERIFY2(!Bookmark::fromItem(*Element::fromXml(xml)), xml);
    }
}

QTEST_GUILESS_MAIN(tst_BookmarkItem)
#include "tst_bookmarkitem.moc"
