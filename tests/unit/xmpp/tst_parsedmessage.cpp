// Message features from stanzas (no network): XEP-0359 ids and whom to trust for them,
// XEP-0308 corrections (CVE-2021-41055: a correction of itself; a correction from
// another occupant), XEP-0461 replies with XEP-0428 fallback removal (code points, not
// UTF-16 units), XEP-0425 moderation only from the room, XEP-0203 delay, XEP-0066
// links, forwarded messages never unwrapped, and the builders round-tripping.
#include "xmpp/CorrectionCheck.h"
#include "xmpp/MessageBuilder.h"
#include "xmpp/Namespaces.h"
#include "xmpp/ParsedMessage.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::xmpp;

namespace {

const Jid Own = Jid::fromString(u"coach@localhost/chorus");
const QString Room = u"bali@conference.localhost"_s;

MessageContext live()
{
    MessageContext c;
    c.ownJid = Own;
    return c;
}

ParsedMessage parse(const QByteArray &xml, const MessageContext &context = live())
{
    const auto element = Element::fromXml(xml, ns::Client);
    if (!element)
        qFatal("bad test XML: %s", xml.constData());
    const auto parsed = ParsedMessage::fromStanza(*element, context);
    if (!parsed)
        qFatal("not parsed: %s", xml.constData());
    return *parsed;
}

QByteArray groupchat(const QByteArray &nick, const QByteArray &id, const QByteArray &inner)
{
    return "<message type='groupchat' from='bali@conference.localhost/" + nick + "' id='" + id
        + "' to='coach@localhost/chorus'>" + inner + "</message>";
}

} // namespace

class tst_ParsedMessage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void basicGroupchat();
    void notAMessage();
    void stanzaIdOnlyFromTheRoom();
    void stanzaIdForChatOnlyFromOurAccount();
    void stanzaIdFromArchiveIsTheResultId();
    void correctionOfItselfIsRefused();
    void correctionOfItselfByOriginIdIsRefused();
    void correctionFromAnotherOccupantIsRejected();
    void correctionWithOccupantIds();
    void correctionByNickWithoutOccupantIds();
    void correctionInPrivateChat();
    void recentMessagesKeepsFirstAuthor();
    void replyWithFallbackStripped();
    void replyFallbackCountsCodePoints();
    void replyFallbackOutOfRangeKeepsBody();
    void fallbackForUnknownFeatureKept();
    void moderationV03FromRoom();
    void moderationV02FromRoom();
    void moderationFromOccupantIsIgnored();
    void moderationFromOtherJidIsIgnored();
    void moderationTombstoneOnlyFromArchive();
    void delayAndLegacyDelay();
    void oobLinksOnlyHttp();
    void forwardedIsNotUnwrapped();
    void occupantIdOnlyForOccupants();
    void errorCondition();
    void builderRoundTrip();
    void builderReplyQuoteIsStrippedAgain();
    void moderationRequestVersions();
};

void tst_ParsedMessage::basicGroupchat()
{
    const ParsedMessage m
        = parse(groupchat("alice", "m1",
                          "<body>Hello</body><origin-id xmlns='urn:xmpp:sid:0' id='o1'/>"
                          "<subject>Trip</subject><thread>t1</thread>"));
    QCOMPARE(m.type, ParsedMessage::Type::GroupChat);
    QCOMPARE(m.room(), Jid::fromString(Room));
    QCOMPARE(m.nick(), u"alice"_s);
    QCOMPARE(m.id, u"m1"_s);
    QCOMPARE(m.originId, u"o1"_s);
    QCOMPARE(m.body, u"Hello"_s);
    QVERIFY(m.hasSubject);
    QCOMPARE(m.subject, u"Trip"_s);
    QCOMPARE(m.thread, u"t1"_s);
    QVERIFY(!m.stamp.isValid());
    QVERIFY(m.hasContent());
    QVERIFY(m.ignored.isEmpty());
}

void tst_ParsedMessage::notAMessage()
{
    const auto presence = Element::fromXml("<presence from='a@b/c'/>", ns::Client);
    QVERIFY(!ParsedMessage::fromStanza(*presence, live()));
}

void tst_ParsedMessage::stanzaIdOnlyFromTheRoom()
{
    // The attack: an occupant adds a stanza-id claiming to be the room's (or anyone's)
    // to collide with or replace another message. Only by='room' counts, and a spoofed
    // one placed first does not win over the room's.
    const ParsedMessage m = parse(
        groupchat("mallory", "m2",
                  "<body>x</body>"
                  "<stanza-id xmlns='urn:xmpp:sid:0' by='coach@localhost' id='fake1'/>"
                  "<stanza-id xmlns='urn:xmpp:sid:0' by='other@conference.localhost' id='fake2'/>"
                  "<stanza-id xmlns='urn:xmpp:sid:0' by='bali@conference.localhost' id='real'/>"));
    QCOMPARE(m.stanzaId, u"real"_s);
    QCOMPARE(m.stanzaIdBy, Jid::fromString(Room));
    QCOMPARE(m.ignored.size(), 2);

    const ParsedMessage none = parse(groupchat(
        "mallory", "m3",
        "<body>x</body><stanza-id xmlns='urn:xmpp:sid:0' by='coach@localhost' id='fake'/>"));
    QVERIFY(none.stanzaId.isEmpty());
}

void tst_ParsedMessage::stanzaIdForChatOnlyFromOurAccount()
{
    const ParsedMessage ok
        = parse("<message type='chat' from='alice@localhost/p' id='c1'><body>hi</body>"
                "<stanza-id xmlns='urn:xmpp:sid:0' by='alice@localhost' id='fromalice'/>"
                "<stanza-id xmlns='urn:xmpp:sid:0' by='coach@localhost' id='ours'/></message>");
    QCOMPARE(ok.stanzaId, u"ours"_s);
    QCOMPARE(ok.stanzaIdBy, Own.bare());
}

void tst_ParsedMessage::stanzaIdFromArchiveIsTheResultId()
{
    MessageContext c = live();
    c.archive = Jid::fromString(Room);
    c.archiveId = u"arch-7"_s;
    c.archiveStamp = QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC);
    const ParsedMessage m = parse(groupchat("alice", "m1",
                                            "<body>old</body><stanza-id xmlns='urn:xmpp:sid:0' "
                                            "by='bali@conference.localhost' id='arch-7'/>"),
                                  c);
    QCOMPARE(m.stanzaId, u"arch-7"_s);
    QCOMPARE(m.archive, Jid::fromString(Room));
    QVERIFY(m.isFromArchive());
    QCOMPARE(m.stamp, c.archiveStamp);
}

void tst_ParsedMessage::correctionOfItselfIsRefused()
{
    // CVE-2021-41055: a message whose replace id is its own id made a client loop.
    const ParsedMessage m = parse(groupchat(
        "alice", "same", "<body>x</body><replace xmlns='urn:xmpp:message-correct:0' id='same'/>"));
    QVERIFY(m.correctionRefused);
    QVERIFY(m.replaceId.isEmpty());
    QVERIFY(!m.isCorrection());
    QCOMPARE(checkCorrection(MessageAuthor::of(m, Own), m, Own, false),
             CorrectionVerdict::SelfReference);
    // It stays an ordinary message: nothing is lost.
    QCOMPARE(m.body, u"x"_s);
}

void tst_ParsedMessage::correctionOfItselfByOriginIdIsRefused()
{
    const ParsedMessage m
        = parse(groupchat("alice", "",
                          "<body>x</body><origin-id xmlns='urn:xmpp:sid:0' id='o'/>"
                          "<replace xmlns='urn:xmpp:message-correct:0' id='o'/>"));
    QVERIFY(m.correctionRefused);
}

void tst_ParsedMessage::correctionFromAnotherOccupantIsRejected()
{
    RecentMessages recent(Own);
    const ParsedMessage original = parse(groupchat(
        "alice", "a1",
        "<body>meet at 9</body><occupant-id xmlns='urn:xmpp:occupant-id:0' id='occ-alice'/>"));
    recent.remember(original);
    // The attack: Mallory "corrects" Alice's message.
    const ParsedMessage forged = parse(
        groupchat("mallory", "x1",
                  "<body>meet at 5</body><replace xmlns='urn:xmpp:message-correct:0' id='a1'/>"
                  "<occupant-id xmlns='urn:xmpp:occupant-id:0' id='occ-mallory'/>"));
    QCOMPARE(recent.check(forged, true), CorrectionVerdict::OtherSender);
    QCOMPARE(recent.check(forged, false), CorrectionVerdict::OtherSender);
    // Mallory takes Alice's nick after she left: the occupant-id still tells them apart.
    const ParsedMessage nickThief = parse(
        groupchat("alice", "x2",
                  "<body>meet at 5</body><replace xmlns='urn:xmpp:message-correct:0' id='a1'/>"
                  "<occupant-id xmlns='urn:xmpp:occupant-id:0' id='occ-mallory'/>"));
    QCOMPARE(recent.check(nickThief, true), CorrectionVerdict::OtherSender);
    // A correction in another room naming the same id.
    const ParsedMessage elsewhere
        = parse("<message type='groupchat' from='other@conference.localhost/alice' id='x3'>"
                "<body>y</body><replace xmlns='urn:xmpp:message-correct:0' id='a1'/></message>");
    QCOMPARE(recent.check(elsewhere, true), CorrectionVerdict::OriginalUnknown);
    QCOMPARE(checkCorrection(MessageAuthor::of(original, Own), elsewhere, Own, true),
             CorrectionVerdict::OtherConversation);
}

void tst_ParsedMessage::correctionWithOccupantIds()
{
    RecentMessages recent(Own);
    recent.remember(parse(groupchat(
        "alice", "a1",
        "<body>meet at 9</body><occupant-id xmlns='urn:xmpp:occupant-id:0' id='occ-alice'/>")));
    // Alice renamed herself to "ali": same occupant-id, accepted.
    const ParsedMessage renamed = parse(
        groupchat("ali", "a2",
                  "<body>meet at 10</body><replace xmlns='urn:xmpp:message-correct:0' id='a1'/>"
                  "<occupant-id xmlns='urn:xmpp:occupant-id:0' id='occ-alice'/>"));
    QCOMPARE(recent.check(renamed, true), CorrectionVerdict::Accepted);
    QCOMPARE(renamed.replaceId, u"a1"_s);
    // Without the occupant-id, where the room assigns them, it proves nothing.
    const ParsedMessage bare = parse(
        groupchat("alice", "a3",
                  "<body>meet at 10</body><replace xmlns='urn:xmpp:message-correct:0' id='a1'/>"));
    QCOMPARE(recent.check(bare, true), CorrectionVerdict::OtherSender);
}

void tst_ParsedMessage::correctionByNickWithoutOccupantIds()
{
    RecentMessages recent(Own);
    recent.remember(parse(groupchat("alice", "a1", "<body>meet at 9</body>")));
    const ParsedMessage same = parse(
        groupchat("alice", "a2",
                  "<body>meet at 10</body><replace xmlns='urn:xmpp:message-correct:0' id='a1'/>"));
    QCOMPARE(recent.check(same, false), CorrectionVerdict::Accepted);
    const ParsedMessage other = parse(
        groupchat("bob", "b1",
                  "<body>meet at 10</body><replace xmlns='urn:xmpp:message-correct:0' id='a1'/>"));
    QCOMPARE(recent.check(other, false), CorrectionVerdict::OtherSender);
    const ParsedMessage none = parse(groupchat("alice", "a4", "<body>x</body>"));
    QCOMPARE(recent.check(none, false), CorrectionVerdict::NotACorrection);
}

void tst_ParsedMessage::correctionInPrivateChat()
{
    RecentMessages recent(Own);
    recent.remember(parse(
        "<message type='chat' from='alice@localhost/phone' id='p1'><body>hi</body></message>"));
    // Another resource of the same account may correct; another account may not.
    const ParsedMessage ok
        = parse("<message type='chat' from='alice@localhost/laptop' id='p2'><body>hey</body>"
                "<replace xmlns='urn:xmpp:message-correct:0' id='p1'/></message>");
    QCOMPARE(recent.check(ok, false), CorrectionVerdict::Accepted);
    const ParsedMessage forged
        = parse("<message type='chat' from='mallory@localhost/x' id='p3'><body>hey</body>"
                "<replace xmlns='urn:xmpp:message-correct:0' id='p1'/></message>");
    QCOMPARE(recent.check(forged, false), CorrectionVerdict::OriginalUnknown); // other conversation
    // Our own sent message (carbon), corrected by us from another device.
    recent.remember(parse("<message type='chat' from='coach@localhost/phone' to='alice@localhost' "
                          "id='s1'><body>x</body></message>"));
    const ParsedMessage ours
        = parse("<message type='chat' from='coach@localhost/chorus' to='alice@localhost' id='s2'>"
                "<body>y</body><replace xmlns='urn:xmpp:message-correct:0' id='s1'/></message>");
    QCOMPARE(recent.check(ours, false), CorrectionVerdict::Accepted);
}

void tst_ParsedMessage::recentMessagesKeepsFirstAuthor()
{
    RecentMessages recent(Own, 2);
    recent.remember(parse(groupchat("alice", "a1", "<body>1</body>")));
    // Mallory reuses Alice's id for a message of his own: it cannot take the id over.
    recent.remember(parse(groupchat("mallory", "a1", "<body>2</body>")));
    const ParsedMessage fix = parse(groupchat(
        "mallory", "m9", "<body>z</body><replace xmlns='urn:xmpp:message-correct:0' id='a1'/>"));
    QCOMPARE(recent.check(fix, false), CorrectionVerdict::OtherSender);
    // Bounded: the oldest ids go first.
    recent.remember(parse(groupchat("bob", "b1", "<body>3</body>")));
    recent.remember(parse(groupchat("bob", "b2", "<body>4</body>")));
    QVERIFY(!recent.author(Jid::fromString(Room), u"a1"_s));
    QVERIFY(recent.author(Jid::fromString(Room), u"b2"_s));
}

void tst_ParsedMessage::replyWithFallbackStripped()
{
    const ParsedMessage m = parse(groupchat(
        "bob", "r1",
        "<body>&gt; alice: meet at 9\nok!</body>"
        "<reply xmlns='urn:xmpp:reply:0' to='bali@conference.localhost/alice' id='sid-9'/>"
        "<fallback xmlns='urn:xmpp:fallback:0' for='urn:xmpp:reply:0'>"
        "<body start='0' end='19'/></fallback>"));
    QVERIFY(m.reply);
    QCOMPARE(m.reply->id, u"sid-9"_s);
    QCOMPARE(m.reply->to, Jid::fromString(Room + u"/alice"_s));
    QCOMPARE(m.body, u"ok!"_s);
    QCOMPARE(m.rawBody, u"> alice: meet at 9\nok!"_s);
}

void tst_ParsedMessage::replyFallbackCountsCodePoints()
{
    // "> 🌴 x\n" is 6 code points but 7 UTF-16 units: counting units would eat a letter.
    const QString body = u"> \U0001F334 x\nyes"_s;
    const ParsedMessage m
        = parse(groupchat("bob", "r2",
                          "<body>" + body.toHtmlEscaped().toUtf8()
                              + "</body>"
                                "<reply xmlns='urn:xmpp:reply:0' id='sid-1'/>"
                                "<fallback xmlns='urn:xmpp:fallback:0' for='urn:xmpp:reply:0'>"
                                "<body start='0' end='6'/></fallback>"));
    QCOMPARE(m.body, u"yes"_s);
    QCOMPARE(codePointCount(body), 9);
    QCOMPARE(utf16Index(body, 3), 4);
    QCOMPARE(utf16Index(body, 10), -1);
}

void tst_ParsedMessage::replyFallbackOutOfRangeKeepsBody()
{
    const ParsedMessage m
        = parse(groupchat("bob", "r3",
                          "<body>short</body><reply xmlns='urn:xmpp:reply:0' id='s'/>"
                          "<fallback xmlns='urn:xmpp:fallback:0' for='urn:xmpp:reply:0'>"
                          "<body start='2' end='99'/></fallback>"));
    QCOMPARE(m.body, u"short"_s);
    const ParsedMessage reversed
        = parse(groupchat("bob", "r4",
                          "<body>short</body><reply xmlns='urn:xmpp:reply:0' id='s'/>"
                          "<fallback xmlns='urn:xmpp:fallback:0' for='urn:xmpp:reply:0'>"
                          "<body start='3' end='1'/></fallback>"));
    QCOMPARE(reversed.body, u"short"_s);
}

void tst_ParsedMessage::fallbackForUnknownFeatureKept()
{
    // A fallback for something we do not implement is the only text we can show.
    const ParsedMessage m
        = parse(groupchat("bob", "f1",
                          "<body>[poll] Which day?</body>"
                          "<fallback xmlns='urn:xmpp:fallback:0' for='urn:example:polls'/>"));
    QCOMPARE(m.body, u"[poll] Which day?"_s);
    // And a reply fallback without a <reply/> is not stripped either.
    const ParsedMessage noReply
        = parse(groupchat("bob", "f2",
                          "<body>&gt; q\nanswer</body>"
                          "<fallback xmlns='urn:xmpp:fallback:0' for='urn:xmpp:reply:0'>"
                          "<body start='0' end='4'/></fallback>"));
    QCOMPARE(noReply.body, u"> q\nanswer"_s);
}

void tst_ParsedMessage::moderationV03FromRoom()
{
    const ParsedMessage m = parse(
        "<message type='groupchat' from='bali@conference.localhost' id='mod1'>"
        "<retract id='sid-5' xmlns='urn:xmpp:message-retract:1'>"
        "<moderated by='bali@conference.localhost/coach' xmlns='urn:xmpp:message-moderate:1'>"
        "<occupant-id xmlns='urn:xmpp:occupant-id:0' id='occ-coach'/></moderated>"
        "<reason>spam</reason></retract>"
        "<fallback xmlns='urn:xmpp:fallback:0' for='urn:xmpp:message-retract:1'/>"
        "<body>This message was retracted by a moderator</body></message>");
    QVERIFY(m.moderation);
    QCOMPARE(m.moderation->version, 3);
    QCOMPARE(m.moderation->stanzaId, u"sid-5"_s);
    QCOMPARE(m.moderation->reason, u"spam"_s);
    QCOMPARE(m.moderation->moderator, Jid::fromString(Room + u"/coach"_s));
    QCOMPARE(m.moderation->moderatorOccupantId, u"occ-coach"_s);
    QVERIFY(!m.moderation->tombstone);
    QVERIFY(m.body.isEmpty()); // the fallback text is not a message
}

void tst_ParsedMessage::moderationV02FromRoom()
{
    const ParsedMessage m = parse(
        "<message type='groupchat' from='bali@conference.localhost' id='mod2'>"
        "<apply-to id='sid-6' xmlns='urn:xmpp:fasten:0'>"
        "<moderated by='bali@conference.localhost/coach' xmlns='urn:xmpp:message-moderate:0'>"
        "<retract xmlns='urn:xmpp:message-retract:0'/><reason>off topic</reason></moderated>"
        "</apply-to></message>");
    QVERIFY(m.moderation);
    QCOMPARE(m.moderation->version, 2);
    QCOMPARE(m.moderation->stanzaId, u"sid-6"_s);
    QCOMPARE(m.moderation->reason, u"off topic"_s);
}

void tst_ParsedMessage::moderationFromOccupantIsIgnored()
{
    // The attack: an occupant sends the room's retraction notice themselves.
    const ParsedMessage m = parse(
        "<message type='groupchat' from='bali@conference.localhost/mallory' id='mod3'>"
        "<retract id='sid-5' xmlns='urn:xmpp:message-retract:1'>"
        "<moderated by='bali@conference.localhost/coach' xmlns='urn:xmpp:message-moderate:1'/>"
        "</retract></message>");
    QVERIFY(!m.moderation);
    QVERIFY(!m.ignored.isEmpty());
}

void tst_ParsedMessage::moderationFromOtherJidIsIgnored()
{
    for (const QByteArray &from :
         {QByteArray("mallory@localhost"), QByteArray("mallory@localhost/x"),
          QByteArray("other@conference.localhost")}) {
        const ParsedMessage chat = parse(
            "<message type='chat' from='" + from
            + "' id='mod4'>"
              "<apply-to id='sid-6' xmlns='urn:xmpp:fasten:0'>"
              "<moderated by='bali@conference.localhost/coach' xmlns='urn:xmpp:message-moderate:0'>"
              "<retract xmlns='urn:xmpp:message-retract:0'/></moderated></apply-to></message>");
        QVERIFY2(!chat.moderation, from.constData());
    }
    // A groupchat from a room, but in the archive of another room.
    MessageContext c = live();
    c.archive = Jid::fromString(Room);
    c.archiveId = u"a1"_s;
    const ParsedMessage crossRoom
        = parse("<message type='groupchat' from='other@conference.localhost' id='mod5'>"
                "<retract id='sid-5' xmlns='urn:xmpp:message-retract:1'>"
                "<moderated by='other@conference.localhost/x' xmlns='urn:xmpp:message-moderate:1'/>"
                "</retract></message>",
                c);
    QVERIFY(!crossRoom.moderation);
}

void tst_ParsedMessage::moderationTombstoneOnlyFromArchive()
{
    const QByteArray tombstone = groupchat(
        "alice", "m1",
        "<moderated by='bali@conference.localhost/coach' xmlns='urn:xmpp:message-moderate:0'>"
        "<retracted stamp='2024-05-01T10:00:00Z' xmlns='urn:xmpp:message-retract:0'/>"
        "<reason>spam</reason></moderated>");
    QVERIFY(!parse(tombstone).moderation); // live: an occupant could send this
    MessageContext c = live();
    c.archive = Jid::fromString(Room);
    c.archiveId = u"arch-1"_s;
    const ParsedMessage archived = parse(tombstone, c);
    QVERIFY(archived.moderation);
    QVERIFY(archived.moderation->tombstone);
    QCOMPARE(archived.moderation->stanzaId, u"arch-1"_s);
    QCOMPARE(archived.moderation->reason, u"spam"_s);
}

void tst_ParsedMessage::delayAndLegacyDelay()
{
    const ParsedMessage m = parse(
        groupchat("alice", "d1",
                  "<body>x</body><delay xmlns='urn:xmpp:delay' from='bali@conference.localhost'"
                  " stamp='2024-05-01T12:30:00.250+02:00'/>"));
    QCOMPARE(m.stamp, QDateTime(QDate(2024, 5, 1), QTime(10, 30, 0, 250), Qt::UTC));
    QCOMPARE(m.delayFrom, Jid::fromString(Room));
    const ParsedMessage legacy = parse(groupchat(
        "alice", "d2", "<body>x</body><x xmlns='jabber:x:delay' stamp='20240501T10:30:00'/>"));
    QCOMPARE(legacy.stamp, QDateTime(QDate(2024, 5, 1), QTime(10, 30), Qt::UTC));
    const ParsedMessage bad = parse(groupchat(
        "alice", "d3", "<body>x</body><delay xmlns='urn:xmpp:delay' stamp='yesterday'/>"));
    QVERIFY(!bad.stamp.isValid());
}

void tst_ParsedMessage::oobLinksOnlyHttp()
{
    const ParsedMessage m = parse(groupchat(
        "alice", "o1",
        "<body>https://up.example/a.jpg</body>"
        "<x xmlns='jabber:x:oob'><url>https://up.example/a.jpg</url><desc>beach</desc></x>"
        "<x xmlns='jabber:x:oob'><url>file:///etc/passwd</url></x>"
        "<x xmlns='jabber:x:oob'><url>javascript:alert(1)</url></x>"));
    QCOMPARE(m.links.size(), 1);
    QCOMPARE(m.links.first().url, QUrl(u"https://up.example/a.jpg"_s));
    QCOMPARE(m.links.first().description, u"beach"_s);
    QCOMPARE(m.ignored.size(), 2);
}

void tst_ParsedMessage::forwardedIsNotUnwrapped()
{
    // A forwarded message (XEP-0297) from a stranger that claims to be from us stays
    // the stranger's message: its inner body and sender are not taken.
    const ParsedMessage m
        = parse("<message type='chat' from='mallory@localhost/x' id='fw1'>"
                "<forwarded xmlns='urn:xmpp:forward:0'>"
                "<message type='chat' from='coach@localhost/chorus' to='alice@localhost' id='in1'>"
                "<body>I resign</body></message></forwarded></message>");
    QCOMPARE(m.from, Jid::fromString(u"mallory@localhost/x"));
    QVERIFY(m.body.isEmpty());
    QCOMPARE(m.id, u"fw1"_s);
    QVERIFY(!m.hasContent());
}

void tst_ParsedMessage::occupantIdOnlyForOccupants()
{
    const ParsedMessage occupant = parse(groupchat(
        "alice", "1", "<body>x</body><occupant-id xmlns='urn:xmpp:occupant-id:0' id='oc'/>"));
    QCOMPARE(occupant.occupantId, u"oc"_s);
    const ParsedMessage direct
        = parse("<message type='chat' from='alice@localhost/p' id='2'><body>x</body>"
                "<occupant-id xmlns='urn:xmpp:occupant-id:0' id='oc'/></message>");
    QVERIFY(direct.occupantId.isEmpty());
}

void tst_ParsedMessage::errorCondition()
{
    const ParsedMessage m
        = parse("<message type='error' from='bali@conference.localhost' id='e1'>"
                "<error type='modify'><not-acceptable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>no</text></error></message>");
    QCOMPARE(m.type, ParsedMessage::Type::Error);
    QCOMPARE(m.errorCondition, u"not-acceptable"_s);
}

void tst_ParsedMessage::builderRoundTrip()
{
    MessageDraft draft;
    draft.to = Jid::fromString(Room);
    draft.id = u"id-1"_s;
    draft.body = u"see the photo <3 & more"_s;
    draft.replaceId = u"id-0"_s;
    draft.links.append({QUrl(u"https://up.example/p.jpg"_s), u"photo"_s});
    const Element stanza = buildMessage(draft);
    // As the room echoes it back.
    Element echoed = stanza;
    echoed.setAttribute(u"from"_s, Room + u"/coach"_s);
    const auto m = ParsedMessage::fromStanza(*Element::fromXml(echoed.toXml(), ns::Client), live());
    QVERIFY(m);
    QCOMPARE(m->type, ParsedMessage::Type::GroupChat);
    QCOMPARE(m->body, draft.body);
    QCOMPARE(m->originId, u"id-1"_s);
    QCOMPARE(m->replaceId, u"id-0"_s);
    QCOMPARE(m->links, draft.links);

    MessageDraft pm;
    pm.to = Jid::fromString(Room + u"/alice"_s);
    pm.type = ParsedMessage::Type::Chat;
    pm.id = u"p1"_s;
    pm.body = u"psst"_s;
    pm.privateThroughRoom = true;
    const Element pmStanza = buildMessage(pm);
    QCOMPARE(pmStanza.attribute(u"type"), u"chat"_s);
    QVERIFY(pmStanza.hasChild(u"x", ns::MucUser));
}

void tst_ParsedMessage::builderReplyQuoteIsStrippedAgain()
{
    MessageDraft draft;
    draft.to = Jid::fromString(Room);
    draft.id = u"r1"_s;
    draft.body = u"yes \U0001F334"_s;
    draft.reply = ReplyReference {Jid::fromString(Room + u"/alice"_s), u"sid-3"_s};
    draft.replyQuote = u"Beach \U0001F334 today?\nor tomorrow"_s;
    draft.replyQuoteNick = u"alice"_s;
    Element echoed = buildMessage(draft);
    echoed.setAttribute(u"from"_s, Room + u"/coach"_s);
    const auto m = ParsedMessage::fromStanza(*Element::fromXml(echoed.toXml(), ns::Client), live());
    QVERIFY(m);
    QCOMPARE(m->rawBody, u"> alice: Beach \U0001F334 today?\n> or tomorrow\nyes \U0001F334"_s);
    QCOMPARE(m->body, draft.body);
    QCOMPARE(m->reply->id, u"sid-3"_s);
}

void tst_ParsedMessage::moderationRequestVersions()
{
    QCOMPARE(moderationVersion({ns::MessageModerate0}), ModerationVersion::V02);
    QCOMPARE(moderationVersion({ns::MessageModerate0, ns::MessageModerate1}),
             ModerationVersion::V03);
    QVERIFY(!moderationVersion({u"http://jabber.org/protocol/muc"_s}));
    const Element v3 = buildModerationRequest(Jid::fromString(Room), u"sid-1"_s, u"spam"_s,
                                              ModerationVersion::V03);
    QCOMPARE(v3.attribute(u"to"), Room);
    QCOMPARE(v3.child(u"moderate", ns::MessageModerate1).attribute(u"id"), u"sid-1"_s);
    QVERIFY(v3.child(u"moderate", ns::MessageModerate1).hasChild(u"retract", ns::MessageRetract1));
    const Element v2
        = buildModerationRequest(Jid::fromString(Room), u"sid-1"_s, {}, ModerationVersion::V02);
    const Element applyTo = v2.child(u"apply-to", ns::Fasten);
    QCOMPARE(applyTo.attribute(u"id"), u"sid-1"_s);
    QVERIFY(
        applyTo.child(u"moderate", ns::MessageModerate0).hasChild(u"retract", ns::MessageRetract0));
}

QTEST_GUILESS_MAIN(tst_ParsedMessage)
#include "tst_parsedmessage.moc"
