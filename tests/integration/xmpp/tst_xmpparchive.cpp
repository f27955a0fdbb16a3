// Archives and messages on real Prosody and ejabberd: MAM catch-up of what a member
// said while the operator was offline (no loss, no duplicate: compared by stanza-id),
// backward paging to the start of the room, the fallback when the archive does not
// know our last id, live messages parsed (stanza-id by the room, occupant-id where the
// server assigns them, replies, corrections), moderation (what each server supports),
// and carbons from another resource of the same account (and our own archive).
#include "LiveAccount.h"

#include "xmpp/CarbonsManager.h"
#include "xmpp/DiscoManager.h"
#include "xmpp/MamManager.h"
#include "xmpp/MessageBuilder.h"
#include "xmpp/Namespaces.h"
#include "xmpp/ParsedMessage.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::xmpp;
using chorus::test::LiveAccount;
using chorus::test::TestServer;

class tst_XmppArchive : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void catchUpAfterOfflineNoLossNoDuplicate();
    void unknownResumePointFallsBack();
    void liveMessagesParsed();
    void moderationSupport();
    void carbonsFromAnotherResource();

private:
    QString account() { return m_accounts.takeFirst(); }
    Jid newRoom() const
    {
        return Jid::fromString(TestServer::uniqueName(u"room"_s) + u'@' + m_server->mucDomain());
    }
    std::optional<TestServer> m_server;
    QStringList m_accounts;
};

void tst_XmppArchive::initTestCase()
{
    QString error;
    m_server = TestServer::fromEnvironment(&error);
    QVERIFY2(m_server, qPrintable(error));
    m_accounts = chorus::test::makeAccounts(*m_server, u"arch"_s, 12, &error);
    QVERIFY2(!m_accounts.isEmpty(), qPrintable(error));
}

void tst_XmppArchive::catchUpAfterOfflineNoLossNoDuplicate()
{
    const Jid room = newRoom();
    const QString operatorUser = account();
    LiveAccount member(*m_server, account());
    QVERIFY(member.connect());
    QVERIFY(member.joinRoom(room, u"member"_s));

    QString resumeId;
    {
        LiveAccount op(*m_server, operatorUser);
        QVERIFY(op.connect());
        QVERIFY(op.joinRoom(room, u"coach"_s));
        for (int i = 1; i <= 3; ++i)
            resumeId = member.sendToRoom(room, u"before %1"_s.arg(i));
        QVERIFY(!resumeId.isEmpty());
        // What the operator stored last: the live copy's stanza-id, given by the room.
        QVERIFY(LiveAccount::waitFor([&] {
            for (const Element &m : op.recorder().messages) {
                const auto parsed
                    = ParsedMessage::fromStanza(m, MessageContext {op.jid(), {}, {}, {}});
                if (parsed && parsed->stanzaId == resumeId)
                    return true;
            }
            return false;
        }));
    } // the operator goes offline

    QStringList missed;
    for (int i = 1; i <= 7; ++i) {
        const QString id = member.sendToRoom(room, u"while away %1"_s.arg(i));
        QVERIFY(!id.isEmpty());
        missed.append(id);
    }

    LiveAccount op(*m_server, operatorUser);
    MamManager mam;
    mam.setPageSize(3);
    op.client().addExtension(&mam);
    QVERIFY(op.connect());
    QSignalSpy pages(&mam, &MamManager::catchUpPage);
    QSignalSpy finished(&mam, &MamManager::catchUpFinished);
    mam.catchUp({CatchUpRequest {room, resumeId}});
    QVERIFY(LiveAccount::waitFor([&] { return !finished.isEmpty(); }));
    const auto result = finished.first().first().value<CatchUpResult>();
    QVERIFY2(!result.error, qPrintable(result.error ? result.error->condition : QString()));
    QStringList got;
    QStringList bodies;
    for (const auto &args : pages) {
        for (const ParsedMessage &m : args.at(1).value<QList<ParsedMessage>>()) {
            got.append(m.stanzaId);
            bodies.append(m.body);
            QCOMPARE(m.archive, room);
            QCOMPARE(m.nick(), u"member"_s);
            QVERIFY(m.stamp.isValid());
        }
    }
    QCOMPARE(got, missed); // every missed message, in order, once, nothing from before
    QCOMPARE(bodies.first(), u"while away 1"_s);
    QCOMPARE(result.messageCount, 7);
    QCOMPARE(result.lastId, missed.last());
    QVERIFY(result.gaps.isEmpty());
    QVERIFY(result.pages >= 3); // 7 messages at 3 a page
    qInfo("%s: caught up %d messages in %d pages", qPrintable(m_server->kind()),
          result.messageCount, result.pages);

    // Back through the history before the first missed message, two at a time.
    QStringList older;
    QString before = missed.first();
    for (int guard = 0; guard < 10; ++guard) {
        auto page = mam.fetchBefore(room, before, 2);
        QVERIFY(LiveAccount::waitFor([&] { return page.isFinished(); }));
        QVERIFY(page.result().ok());
        const MamPage p = page.result().value();
        for (qsizetype i = p.messages.size() - 1; i >= 0; --i)
            older.prepend(p.messages[i].body);
        if (p.complete || p.messages.isEmpty())
            break;
        before = p.first;
    }
    QCOMPARE(older, (QStringList {u"before 1"_s, u"before 2"_s, u"before 3"_s}));

    // Nothing missing: no query at all.
    finished.clear();
    CatchUpRequest upToDate {room, missed.last()};
    upToDate.upToDate = true;
    mam.catchUp({upToDate});
    QCOMPARE(finished.size(), 1);
    QVERIFY(!finished.first().first().value<CatchUpResult>().queried);
    QCOMPARE(mam.queriesInFlight(), 0);
}

void tst_XmppArchive::unknownResumePointFallsBack()
{
    const Jid room = newRoom();
    LiveAccount member(*m_server, account());
    QVERIFY(member.connect());
    QVERIFY(member.joinRoom(room, u"member"_s));
    // Two messages we "have", then the time of the last one we stored, then three new.
    QVERIFY(!member.sendToRoom(room, u"old 1"_s).isEmpty());
    QVERIFY(!member.sendToRoom(room, u"old 2"_s).isEmpty());
    // Prosody reads 'start' to the whole second: keep two seconds on each side.
    QTest::qWait(2100);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    QTest::qWait(2100);
    QStringList ids;
    for (int i = 1; i <= 3; ++i)
        ids.append(member.sendToRoom(room, u"m%1"_s.arg(i)));

    LiveAccount op(*m_server, account());
    MamManager mam;
    mam.setClockTolerance(500); // one machine, one clock
    op.client().addExtension(&mam);
    QVERIFY(op.connect());
    QSignalSpy pages(&mam, &MamManager::catchUpPage);
    QSignalSpy finished(&mam, &MamManager::catchUpFinished);
    // An id this archive never gave (expired, or the room was recreated).
    CatchUpRequest request {room, u"no-such-id-4711"_s};
    request.afterTime = before;
    mam.catchUp({request});
    QVERIFY(LiveAccount::waitFor([&] { return !finished.isEmpty(); }));
    const auto result = finished.first().first().value<CatchUpResult>();
    QStringList got;
    for (const auto &args : pages)
        for (const ParsedMessage &m : args.at(1).value<QList<ParsedMessage>>())
            got.append(m.stanzaId);
    qInfo("%s: unknown resume id -> gaps %d, error %s, got %d", qPrintable(m_server->kind()),
          int(result.gaps.size()), result.error ? qPrintable(result.error->condition) : "none",
          int(got.size()));
    QVERIFY(!result.error);
    QCOMPARE(got, ids); // nothing lost
    QCOMPARE(result.gaps.size(), 1); // and the operator is told something may be missing
    QCOMPARE(result.gaps[0].reason, HistoryGap::Reason::ResumePointUnknown);
    QCOMPARE(result.gaps[0].beforeId, ids.first());
}

void tst_XmppArchive::liveMessagesParsed()
{
    const Jid room = newRoom();
    LiveAccount alice(*m_server, account());
    LiveAccount bob(*m_server, account());
    QVERIFY(alice.connect());
    QVERIFY(bob.connect());
    QVERIFY(alice.joinRoom(room, u"alice"_s));
    QVERIFY(bob.joinRoom(room, u"bob"_s));
    const QString firstId = alice.sendToRoom(room, u"Beach at 9?"_s);
    QVERIFY(!firstId.isEmpty());

    // Bob answers with a reply (quote as fallback), Alice corrects her message.
    MessageDraft reply;
    reply.to = room;
    reply.id = bob.client().generateId();
    reply.body = u"Yes \U0001F334"_s;
    reply.reply = ReplyReference {room.withResource(u"alice"), firstId};
    reply.replyQuote = u"Beach at 9?"_s;
    reply.replyQuoteNick = u"alice"_s;
    bob.client().send(buildMessage(reply));
    MessageDraft fix;
    fix.to = room;
    fix.id = alice.client().generateId();
    fix.body = u"Beach at 10?"_s;
    // Corrections name the original's id attribute (the sender's id).
    for (const Element &m : alice.recorder().messages) {
        for (const Element &sid : m.children(u"stanza-id", ns::StanzaId))
            if (sid.attribute(u"id") == firstId)
                fix.replaceId = m.attribute(u"id");
    }
    QVERIFY(!fix.replaceId.isEmpty());
    alice.client().send(buildMessage(fix));

    std::optional<ParsedMessage> gotReply, gotFix, gotOriginal;
    QVERIFY(LiveAccount::waitFor([&] {
        for (const Element &m : bob.recorder().messages) {
            const auto p = ParsedMessage::fromStanza(m, MessageContext {bob.jid(), {}, {}, {}});
            if (!p || !p->isGroupChat())
                continue;
            if (p->reply)
                gotReply = p;
            if (p->isCorrection())
                gotFix = p;
            if (p->stanzaId == firstId)
                gotOriginal = p;
        }
        return gotReply && gotFix && gotOriginal;
    }));
    QCOMPARE(gotReply->body, reply.body);
    QCOMPARE(gotReply->reply->id, firstId);
    QCOMPARE(gotReply->nick(), u"bob"_s);
    QVERIFY(!gotReply->stanzaId.isEmpty());
    QCOMPARE(gotReply->stanzaIdBy, room);
    QCOMPARE(gotReply->originId, reply.id);
    QCOMPARE(gotFix->replaceId, fix.replaceId);
    QCOMPARE(gotFix->body, u"Beach at 10?"_s);

    // The correction holds against its original; Bob "correcting" it would not.
    const bool occupantIds = !gotOriginal->occupantId.isEmpty();
    qInfo("%s: occupant-id %s", qPrintable(m_server->kind()),
          occupantIds ? "assigned" : "not assigned");
    RecentMessages recent(bob.jid());
    recent.remember(*gotOriginal);
    QCOMPARE(recent.check(*gotFix, occupantIds), CorrectionVerdict::Accepted);
    ParsedMessage forged = *gotReply;
    forged.replaceId = fix.replaceId;
    QCOMPARE(recent.check(forged, occupantIds), CorrectionVerdict::OtherSender);
    if (m_server->kind() == u"prosody")
        QVERIFY(occupantIds); // Prosody 0.12 assigns XEP-0421 ids in every room
}

void tst_XmppArchive::moderationSupport()
{
    const Jid room = newRoom();
    LiveAccount owner(*m_server, account());
    LiveAccount member(*m_server, account());
    DiscoManager disco;
    owner.client().addExtension(&disco);
    QVERIFY(owner.connect());
    QVERIFY(member.connect());
    QVERIFY(owner.joinRoom(room, u"owner"_s));
    QVERIFY(member.joinRoom(room, u"member"_s));
    const QString spam = member.sendToRoom(room, u"buy cheap watches"_s);
    QVERIFY(!spam.isEmpty());

    auto info = disco.info(room);
    QVERIFY(LiveAccount::waitFor([&] { return info.isFinished(); }));
    QVERIFY(info.result().ok());
    const auto version = moderationVersion(info.result().value().features);
    qInfo("%s: room advertises XEP-0425 %s", qPrintable(m_server->kind()),
          version ? (*version == ModerationVersion::V03 ? "v0.3" : "v0.2") : "no");
    const qsizetype seen = member.recorder().messages.size();
    const auto reply = owner.iq(
        buildModerationRequest(room, spam, u"spam"_s, version.value_or(ModerationVersion::V02)));
    if (!version) {
        // The server lacks moderation: the request is refused, nothing is retracted.
        QVERIFY(!reply.ok());
        qInfo("%s: moderation request refused: %s", qPrintable(m_server->kind()),
              qPrintable(reply.error().condition));
        QVERIFY(!LiveAccount::waitFor(
            [&] {
                for (qsizetype i = seen; i < member.recorder().messages.size(); ++i) {
                    const auto p = ParsedMessage::fromStanza(
                        member.recorder().messages[i], MessageContext {member.jid(), {}, {}, {}});
                    if (p && p->moderation)
                        return true;
                }
                return false;
            },
            500));
        return;
    }
    QVERIFY(reply.ok());
    QVERIFY(LiveAccount::waitFor([&] {
        for (qsizetype i = seen; i < member.recorder().messages.size(); ++i) {
            const auto p = ParsedMessage::fromStanza(member.recorder().messages[i],
                                                     MessageContext {member.jid(), {}, {}, {}});
            if (p && p->moderation && p->moderation->stanzaId == spam)
                return true;
        }
        return false;
    }));
}

void tst_XmppArchive::carbonsFromAnotherResource()
{
    const QString me = account();
    const QString friendUser = account();
    LiveAccount desk(*m_server, me, u"desk"_s);
    LiveAccount phone(*m_server, me, u"phone"_s);
    LiveAccount other(*m_server, friendUser);
    CarbonsManager carbons;
    MamManager mam;
    desk.client().addExtension(&carbons);
    desk.client().addExtension(&mam);
    QVERIFY(desk.connect());
    QVERIFY(LiveAccount::waitFor([&] { return carbons.isEnabled(); }));
    QVERIFY(phone.connect());
    QVERIFY(other.connect());
    desk.sendPresence();
    phone.sendPresence();
    other.sendPresence();
    QSignalSpy copies(&carbons, &CarbonsManager::carbonReceived);

    // A friend writes to the phone; the phone answers.
    Element toPhone(u"message"_s, ns::Client);
    toPhone.setAttribute(u"to"_s, phone.jid().toString())
        .setAttribute(u"type"_s, u"chat"_s)
        .setAttribute(u"id"_s, u"f1"_s)
        .appendTextChild(u"body"_s, ns::Client, u"are you coming?"_s);
    other.client().send(toPhone);
    Element fromPhone(u"message"_s, ns::Client);
    fromPhone.setAttribute(u"to"_s, other.jid().bare().toString())
        .setAttribute(u"type"_s, u"chat"_s)
        .setAttribute(u"id"_s, u"p1"_s)
        .appendTextChild(u"body"_s, ns::Client, u"on my way"_s);
    QVERIFY(LiveAccount::waitFor([&] { return !phone.recorder().messages.isEmpty(); }));
    phone.client().send(fromPhone);

    QVERIFY(LiveAccount::waitFor([&] { return copies.size() >= 2; }));
    QList<ParsedMessage> got;
    for (const auto &args : copies)
        got.append(args.first().value<ParsedMessage>());
    const auto received = std::find_if(got.cbegin(), got.cend(), [](const ParsedMessage &m) {
        return m.carbon == ParsedMessage::Carbon::Received;
    });
    const auto sent = std::find_if(got.cbegin(), got.cend(), [](const ParsedMessage &m) {
        return m.carbon == ParsedMessage::Carbon::Sent;
    });
    QVERIFY(received != got.cend());
    QVERIFY(sent != got.cend());
    QCOMPARE(received->body, u"are you coming?"_s);
    QCOMPARE(received->from.bare(), other.jid().bare());
    QCOMPARE(sent->body, u"on my way"_s);
    QCOMPARE(sent->from, phone.jid());
    QCOMPARE(carbons.droppedCount(), 0);

    // Both are in our own archive too (a query without 'to'), ids given by our account.
    MamQuery own;
    own.with = other.jid().bare();
    QStringList bodies;
    QVERIFY(LiveAccount::waitFor(
        [&] {
            auto page = mam.query(own);
            LiveAccount::waitFor([&] { return page.isFinished(); });
            bodies.clear();
            if (!page.isFinished() || !page.result().ok())
                return false;
            for (const ParsedMessage &m : page.result().value().messages) {
                if (m.stanzaIdBy == desk.jid().bare() && !m.stanzaId.isEmpty())
                    bodies.append(m.body);
            }
            return bodies.size() == 2;
        },
        10000));
    QCOMPARE(bodies, (QStringList {u"are you coming?"_s, u"on my way"_s}));
}

QTEST_GUILESS_MAIN(tst_XmppArchive)
#include "tst_xmpparchive.moc"
