// Message ingest as the XMPP layer feeds it: live messages, MAM pages out of order and
// repeated, our own messages before and after their echo, corrections and retractions
// before or after their targets; timeline paging; the MAM resume point; atomic batches.

#include "StoreTestSupport.h"

using namespace Qt::StringLiterals;
using namespace chorus;
using namespace chorus::store;
using namespace chorus::store::test;

namespace {

const QString kRoom = u"yoga@conference.example.org"_s;
const QString kOther = u"travel@conference.example.org"_s;

// A MAM page: messages `from`..`to` of the room's archive, a minute apart.
QList<chat::Message> page(int from, int to)
{
    QList<chat::Message> out;
    for (int i = from; i <= to; ++i)
        out << Msg(kRoom, u"message %1"_s.arg(i), i * 60)
                   .stanza(u"s%1"_s.arg(i))
                   .origin(u"o%1"_s.arg(i))
                   .from(u"member%1"_s.arg(i % 3), u"occ-%1"_s.arg(i % 3));
    return out;
}

QStringList bodies(const TimelinePage &page)
{
    QStringList out;
    for (const StoredMessage &m : page.messages)
        out << m.message.body;
    return out;
}

} // namespace

class tst_StoreMessages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void liveMessageSeenAgainInArchiveIsStoredOnce();
    void ownMessageBeforeEchoAndArchiveIsStoredOnce();
    void sameOriginIdFromAnotherSenderIsAnotherMessage();
    void resendWithNewStanzaIdIsAnotherMessage();
    void pagesOutOfOrderAndRepeated();
    void lastStanzaIdFollowsArchiveOrderNotArrival();
    void lastStanzaIdOnlyFromTheRoomsArchive();
    void sameSecondKeepsArrivalOrder();
    void correctionReplacesDisplayedTextKeepsOriginal();
    void correctionBeforeItsTarget();
    void newestCorrectionWinsWhateverTheOrder();
    void correctionFromAnotherSenderIsIgnored();
    void retractionBlanksAndDropsAttachments();
    void retractionBeforeItsTarget();
    void retractionInTheSameBatchAsItsTarget();
    void attachmentsRoundTrip();
    void timelinePagesBothWays();
    void memberActivityCountsEachMessageOnce();
    void batchIsAllOrNothing();
    void groupCreatedByFailedBatchIsNotCached();
    void messageWithoutGroupIsRejectedAlone();
    void searchIndexCheckCanFail();

private:
    TempStore *m_store = nullptr;
    MessageRepository &messages() { return m_store->s().messages(); }
    IngestResult ingest(const QList<chat::Message> &batch)
    {
        const auto result = messages().ingest(batch);
        if (!result)
            qWarning("%s", qPrintable(result.error().toString()));
        return result ? result.value() : IngestResult{};
    }
    TimelinePage latest(const QString &room = kRoom, int limit = 100)
    {
        const auto result = messages().timeline(room, Direction::Backward, {}, limit);
        return result ? result.value() : TimelinePage{};
    }
    QString last(const QString &room = kRoom)
    {
        const auto result = messages().lastStanzaId(room);
        return result ? result.value() : u"<error>"_s;
    }
};

void tst_StoreMessages::init()
{
    m_store = new TempStore;
    const auto opened = m_store->open();
    QVERIFY2(opened.ok(), opened ? "" : qPrintable(opened.error().toString()));
}

void tst_StoreMessages::cleanup()
{
    if (m_store && m_store->db)
        STORE_VERIFY_SEARCH_INDEX(*m_store->db);
    delete m_store;
    m_store = nullptr;
}

void tst_StoreMessages::liveMessageSeenAgainInArchiveIsStoredOnce()
{
    const chat::Message live =
        Msg(kRoom, u"See you at 7"_s, 10).stanza(u"s1"_s).origin(u"o1"_s).from(u"bob"_s, u"occ-bob"_s);
    IngestResult r = ingest({live});
    QCOMPARE(r.inserted, 1);
    chat::Message archived = live;
    archived.timestamp = at(11); // the archive's own stamp may differ slightly
    r = ingest({archived});
    QCOMPARE(r.inserted, 0);
    QCOMPARE(r.duplicates, 1);
    // An archive copy without the origin-id is still the same stanza-id.
    archived.originId.clear();
    r = ingest({archived});
    QCOMPARE(r.duplicates, 1);
    QCOMPARE(latest().messages.size(), 1);
    QCOMPARE(messages().count(kRoom).value(), 1);
}

void tst_StoreMessages::ownMessageBeforeEchoAndArchiveIsStoredOnce()
{
    // Sent: no stanza-id yet.
    IngestResult r = ingest({Msg(kRoom, u"Class moved to 8"_s, 10).origin(u"mine-1"_s).mine()});
    QCOMPARE(r.inserted, 1);
    const qint64 row = r.ids.at(0);
    QCOMPARE(last(), QString());
    // The room reflects it with its stanza-id.
    r = ingest({Msg(kRoom, u"Class moved to 8"_s, 11).origin(u"mine-1"_s).mine().stanza(u"s9"_s)});
    QCOMPARE(r.duplicates, 1);
    QCOMPARE(r.ids.at(0), row);
    QCOMPARE(last(), u"s9"_s);
    // Later the archive returns it (same stanza-id), and an app restart re-sends the
    // outgoing queue (no stanza-id): still one message.
    r = ingest({Msg(kRoom, u"Class moved to 8"_s, 11).origin(u"mine-1"_s).mine().stanza(u"s9"_s),
                Msg(kRoom, u"Class moved to 8"_s, 10).origin(u"mine-1"_s).mine()});
    QCOMPARE(r.duplicates, 2);
    QCOMPARE(r.ids, (QList<qint64>{row, row}));
    const TimelinePage page = latest();
    QCOMPARE(page.messages.size(), 1);
    QCOMPARE(page.messages.at(0).message.stanzaId, u"s9"_s);
    QCOMPARE(page.messages.at(0).message.archiveId, kRoom);
    QVERIFY(page.messages.at(0).message.outgoing);
}

void tst_StoreMessages::sameOriginIdFromAnotherSenderIsAnotherMessage()
{
    // Origin-ids are chosen by senders: another member reusing ours must not merge into it.
    ingest({Msg(kRoom, u"mine"_s, 10).origin(u"dup"_s).mine()});
    const IngestResult r =
        ingest({Msg(kRoom, u"theirs"_s, 11).origin(u"dup"_s).from(u"mallory"_s, u"occ-m"_s).stanza(u"s2"_s)});
    QCOMPARE(r.inserted, 1);
    QCOMPARE(bodies(latest()), (QStringList{u"mine"_s, u"theirs"_s}));
    QVERIFY(latest().messages.at(0).message.stanzaId.isEmpty());
}

void tst_StoreMessages::resendWithNewStanzaIdIsAnotherMessage()
{
    ingest({Msg(kRoom, u"hello"_s, 10).origin(u"o1"_s).stanza(u"s1"_s)});
    const IngestResult r = ingest({Msg(kRoom, u"hello"_s, 20).origin(u"o1"_s).stanza(u"s2"_s)});
    QCOMPARE(r.inserted, 1);
    QCOMPARE(latest().messages.size(), 2);
}

void tst_StoreMessages::pagesOutOfOrderAndRepeated()
{
    // Catch-up pages come back in any order and some twice; a live message of the same
    // period arrived first.
    ingest({page(15, 15).first()});
    QCOMPARE(ingest(page(21, 30)).inserted, 10);
    QCOMPARE(ingest(page(1, 10)).inserted, 10);
    IngestResult r = ingest(page(11, 20));
    QCOMPARE(r.inserted, 9);
    QCOMPARE(r.duplicates, 1);
    r = ingest(page(1, 10) + page(21, 30));
    QCOMPARE(r.inserted, 0);
    QCOMPARE(r.duplicates, 20);
    QStringList expected;
    for (int i = 1; i <= 30; ++i)
        expected << u"message %1"_s.arg(i);
    QCOMPARE(bodies(latest()), expected);
    QCOMPARE(messages().count(kRoom).value(), 30);
}

void tst_StoreMessages::lastStanzaIdFollowsArchiveOrderNotArrival()
{
    QCOMPARE(last(), QString()); // unknown room
    ingest(page(21, 30));
    QCOMPARE(last(), u"s30"_s);
    ingest(page(1, 10)); // arrives later, but is older
    QCOMPARE(last(), u"s30"_s);
    ingest(page(11, 20));
    QCOMPARE(last(), u"s30"_s);
    ingest(page(31, 31));
    QCOMPARE(last(), u"s31"_s);
    // Own message not yet echoed has no stanza-id: the resume point stays.
    ingest({Msg(kRoom, u"mine"_s, 40 * 60).origin(u"m1"_s).mine()});
    QCOMPARE(last(), u"s31"_s);
}

void tst_StoreMessages::lastStanzaIdOnlyFromTheRoomsArchive()
{
    ingest(page(1, 3));
    // A private message seen through our own account's archive is newer but its id
    // means nothing to the room's archive.
    chat::Message pm = Msg(kRoom, u"psst"_s, 3600).stanza(u"acct-1"_s, u"operator@example.org"_s);
    pm.kind = chat::MessageKind::Private;
    ingest({pm});
    QCOMPARE(last(), u"s3"_s);
    ingest(QList<chat::Message>{Msg(kOther, u"elsewhere"_s, 7200).stanza(u"x1"_s)});
    QCOMPARE(last(), u"s3"_s);
    QCOMPARE(last(kOther), u"x1"_s);
}

void tst_StoreMessages::sameSecondKeepsArrivalOrder()
{
    // MAM stamps have second precision: a burst shares one.
    QList<chat::Message> burst;
    for (int i = 0; i < 5; ++i)
        burst << Msg(kRoom, u"burst %1"_s.arg(i), 100).stanza(u"b%1"_s.arg(i));
    ingest(burst);
    QCOMPARE(bodies(latest()),
             (QStringList{u"burst 0"_s, u"burst 1"_s, u"burst 2"_s, u"burst 3"_s, u"burst 4"_s}));
    QCOMPARE(last(), u"b4"_s);
}

void tst_StoreMessages::correctionReplacesDisplayedTextKeepsOriginal()
{
    ingest({Msg(kRoom, u"See you at 7"_s, 10).stanza(u"s1"_s).origin(u"o1"_s)});
    const IngestResult r =
        ingest({Msg(kRoom, u"See you at 8"_s, 20).stanza(u"s2"_s).origin(u"o2"_s).replaces(u"o1"_s)});
    QCOMPARE(r.corrections, 1);
    const TimelinePage page = latest();
    QCOMPARE(page.messages.size(), 1); // the correction itself is not shown
    QCOMPARE(page.messages.at(0).message.body, u"See you at 8"_s);
    QCOMPARE(page.messages.at(0).originalBody, u"See you at 7"_s);
    QVERIFY(page.messages.at(0).edited);
    QCOMPARE(last(), u"s2"_s); // the correction is in the archive too
    // Seen again in a page: nothing changes.
    QCOMPARE(ingest({Msg(kRoom, u"See you at 8"_s, 20).stanza(u"s2"_s).origin(u"o2"_s).replaces(u"o1"_s)})
                 .duplicates,
             1);
}

void tst_StoreMessages::correctionBeforeItsTarget()
{
    // Pages in reverse: the correction is stored first and waits.
    IngestResult r =
        ingest({Msg(kRoom, u"fixed text"_s, 20).stanza(u"s2"_s).origin(u"o2"_s).replaces(u"o1"_s)});
    QCOMPARE(r.corrections, 0);
    QCOMPARE(latest().messages.size(), 0);
    m_store->close(); // it waits across restarts too
    STORE_VERIFY(m_store->open());
    r = ingest({Msg(kRoom, u"typo text"_s, 10).stanza(u"s1"_s).origin(u"o1"_s)});
    QCOMPARE(r.corrections, 1);
    QCOMPARE(latest().messages.at(0).message.body, u"fixed text"_s);
    QCOMPARE(latest().messages.at(0).originalBody, u"typo text"_s);
}

void tst_StoreMessages::newestCorrectionWinsWhateverTheOrder()
{
    ingest({Msg(kRoom, u"v1"_s, 10).stanza(u"s1"_s).origin(u"o1"_s)});
    ingest({Msg(kRoom, u"v3"_s, 30).stanza(u"s3"_s).origin(u"o3"_s).replaces(u"o1"_s)});
    ingest({Msg(kRoom, u"v2"_s, 20).stanza(u"s2"_s).origin(u"o2"_s).replaces(u"o1"_s)});
    QCOMPARE(latest().messages.at(0).message.body, u"v3"_s);
    QCOMPARE(latest().messages.at(0).originalBody, u"v1"_s);

    // Both corrections waiting for the target, in one batch with it, reversed.
    ingest({Msg(kRoom, u"w3"_s, 130).stanza(u"t3"_s).origin(u"p3"_s).replaces(u"p1"_s),
            Msg(kRoom, u"w2"_s, 120).stanza(u"t2"_s).origin(u"p2"_s).replaces(u"p1"_s)});
    ingest({Msg(kRoom, u"w1"_s, 110).stanza(u"t1"_s).origin(u"p1"_s)});
    QCOMPARE(latest().messages.at(1).message.body, u"w3"_s);
}

void tst_StoreMessages::correctionFromAnotherSenderIsIgnored()
{
    ingest({Msg(kRoom, u"I paid"_s, 10).stanza(u"s1"_s).origin(u"o1"_s).from(u"alice"_s, u"occ-a"_s)});
    const IngestResult r = ingest({Msg(kRoom, u"I did not pay"_s, 20)
                                       .stanza(u"s2"_s)
                                       .origin(u"o2"_s)
                                       .from(u"alice"_s, u"occ-mallory"_s) // same nick, not her
                                       .replaces(u"o1"_s)});
    QCOMPARE(r.corrections, 0);
    QCOMPARE(latest().messages.at(0).message.body, u"I paid"_s);
    QVERIFY(!latest().messages.at(0).edited);
}

void tst_StoreMessages::retractionBlanksAndDropsAttachments()
{
    ingest({Msg(kRoom, u"spam link"_s, 10).stanza(u"s1"_s).attach(u"https://up.example/x.png"_s)});
    const IngestResult r =
        ingest({Msg(kRoom, QString(), 20).stanza(u"s2"_s).from(u"mod"_s).retracts(u"s1"_s, u"spam"_s)});
    QCOMPARE(r.retractions, 1);
    const StoredMessage shown = latest().messages.at(0);
    QVERIFY(shown.retracted);
    QCOMPARE(shown.message.body, QString());
    QCOMPARE(shown.originalBody, QString());
    QCOMPARE(shown.message.retractionReason, u"spam"_s);
    QVERIFY(shown.message.attachments.isEmpty());
    QCOMPARE(m_store->sql(u"SELECT count(*) FROM message_attachments"_s).toInt(), 0);
    // A later correction does not bring it back.
    ingest({Msg(kRoom, u"spam again"_s, 30).stanza(u"s3"_s).replaces(QString())});
    QCOMPARE(latest().messages.at(0).message.body, QString());
}

void tst_StoreMessages::retractionBeforeItsTarget()
{
    ingest({Msg(kRoom, QString(), 20).stanza(u"s2"_s).from(u"mod"_s).retracts(u"s1"_s, u"rude"_s)});
    const IngestResult r = ingest({Msg(kRoom, u"rude words"_s, 10).stanza(u"s1"_s)});
    QCOMPARE(r.retractions, 1);
    QVERIFY(latest().messages.at(0).retracted);
    QCOMPARE(latest().messages.at(0).message.body, QString());
}

void tst_StoreMessages::retractionInTheSameBatchAsItsTarget()
{
    const IngestResult r = ingest({Msg(kRoom, QString(), 20).stanza(u"s2"_s).retracts(u"s1"_s),
                                   Msg(kRoom, u"gone"_s, 10).stanza(u"s1"_s),
                                   Msg(kRoom, u"kept"_s, 30).stanza(u"s3"_s)});
    QCOMPARE(r.inserted, 3);
    QCOMPARE(r.retractions, 1);
    QCOMPARE(bodies(latest()), (QStringList{QString(), u"kept"_s}));
}

void tst_StoreMessages::attachmentsRoundTrip()
{
    chat::Message m = Msg(kRoom, u"menu"_s, 10).stanza(u"s1"_s);
    m.attachments = {{QUrl(u"https://up.example/menu.pdf"_s), u"application/pdf"_s, 52000,
                      u"menu.pdf"_s, {}},
                     {QUrl(u"https://up.example/p.jpg"_s), u"image/jpeg"_s, -1, u"p.jpg"_s,
                      QSize(800, 600)}};
    ingest({m});
    const StoredMessage stored = latest().messages.at(0);
    QCOMPARE(stored.message.attachments, m.attachments);
    const auto found = messages().find(stored.id);
    STORE_VERIFY(found);
    QCOMPARE(found.value()->message.attachments, m.attachments);
}

void tst_StoreMessages::timelinePagesBothWays()
{
    ingest(page(1, 25));
    auto p = messages().timeline(kRoom, Direction::Backward, {}, 10);
    STORE_VERIFY(p);
    QCOMPARE(p.value().messages.first().message.body, u"message 16"_s);
    QCOMPARE(p.value().messages.last().message.body, u"message 25"_s);
    QVERIFY(p.value().more);
    p = messages().timeline(kRoom, Direction::Backward, p.value().messages.first().cursor(), 10);
    QCOMPARE(bodies(p.value()).first(), u"message 6"_s);
    QVERIFY(p.value().more);
    p = messages().timeline(kRoom, Direction::Backward, p.value().messages.first().cursor(), 10);
    QCOMPARE(bodies(p.value()).size(), 5);
    QVERIFY(!p.value().more);
    // Forward from the start, and from a date.
    p = messages().timeline(kRoom, Direction::Forward, {}, 4);
    QCOMPARE(bodies(p.value()), (QStringList{u"message 1"_s, u"message 2"_s, u"message 3"_s,
                                             u"message 4"_s}));
    p = messages().timeline(kRoom, Direction::Forward, p.value().messages.last().cursor(), 100);
    QCOMPARE(p.value().messages.size(), 21);
    QVERIFY(!p.value().more);
    p = messages().timeline(kRoom, Direction::Forward, TimelineCursor::at(at(20 * 60)), 2);
    QCOMPARE(bodies(p.value()), (QStringList{u"message 20"_s, u"message 21"_s}));
    p = messages().timeline(kRoom, Direction::Backward, TimelineCursor::at(at(20 * 60)), 2);
    QCOMPARE(bodies(p.value()), (QStringList{u"message 18"_s, u"message 19"_s}));
    QVERIFY(!messages().timeline(kRoom, Direction::Forward, {}, 0));
}

void tst_StoreMessages::memberActivityCountsEachMessageOnce()
{
    ingest({Msg(kRoom, u"a"_s, 10).stanza(u"s1"_s).from(u"bob"_s, u"occ-b"_s),
            Msg(kRoom, u"b"_s, 50).stanza(u"s2"_s).from(u"bob"_s, u"occ-b"_s),
            Msg(kRoom, u"c"_s, 30).stanza(u"s3"_s).from(u"Robert"_s, u"occ-b"_s)});
    ingest({Msg(kRoom, u"a"_s, 10).stanza(u"s1"_s).from(u"bob"_s, u"occ-b"_s)}); // duplicate
    const auto members = m_store->s().members().ofGroup(kRoom);
    STORE_VERIFY(members);
    QCOMPARE(members.value().size(), 1);
    const MemberRecord bob = members.value().at(0);
    QCOMPARE(bob.messageCount, 3);
    QCOMPARE(bob.lastMessageAt, at(50));
    QCOMPARE(bob.member.nick, u"bob"_s); // the nick of the newest message
    const auto person =
        m_store->s().people().find(chat::PersonKey::of(kRoom, {}, u"occ-b"_s, {}));
    STORE_VERIFY(person);
    QCOMPARE(person.value()->firstSeen, at(10));
    QCOMPARE(person.value()->lastSeen, at(50));
    // Backfill of older history widens first seen.
    ingest({Msg(kRoom, u"old"_s, -3600).stanza(u"s0"_s).from(u"bob"_s, u"occ-b"_s)});
    QCOMPARE(m_store->s().people().find(chat::PersonKey::of(kRoom, {}, u"occ-b"_s, {}))
                 .value()
                 ->firstSeen,
             at(-3600));
}

void tst_StoreMessages::batchIsAllOrNothing()
{
    ingest(page(1, 2));
    // A failure in the middle of a batch (a trigger standing in for a disk error).
    QVERIFY(m_store->db->execute({u"CREATE TEMP TRIGGER poison BEFORE INSERT ON messages "
                                  "WHEN new.body = 'poison' BEGIN SELECT RAISE(ABORT, 'poison'); END"_s})
            == std::nullopt);
    const auto failed = messages().ingest(
        {Msg(kRoom, u"good 1"_s, 500).stanza(u"g1"_s), Msg(kRoom, u"poison"_s, 501).stanza(u"p"_s),
         Msg(kRoom, u"good 2"_s, 502).stanza(u"g2"_s)});
    QVERIFY(!failed);
    QCOMPARE(messages().count(kRoom).value(), 2);
    QCOMPARE(last(), u"s2"_s);
    QCOMPARE(m_store->s().members().ofGroup(kRoom).value().at(0).messageCount +
                 m_store->s().members().ofGroup(kRoom).value().at(1).messageCount,
             2);
    QVERIFY(m_store->db->execute({u"DROP TRIGGER temp.poison"_s}) == std::nullopt);
    const IngestResult r = ingest({Msg(kRoom, u"good 1"_s, 500).stanza(u"g1"_s),
                                   Msg(kRoom, u"good 2"_s, 502).stanza(u"g2"_s)});
    QCOMPARE(r.inserted, 2);
}

void tst_StoreMessages::groupCreatedByFailedBatchIsNotCached()
{
    QVERIFY(m_store->db->execute({u"CREATE TEMP TRIGGER poison BEFORE INSERT ON messages "
                                  "WHEN new.body = 'poison' BEGIN SELECT RAISE(ABORT, 'poison'); END"_s})
            == std::nullopt);
    QVERIFY(!messages().ingest({Msg(kOther, u"poison"_s).stanza(u"p"_s)}));
    QCOMPARE(m_store->sql(u"SELECT count(*) FROM groups"_s).toInt(), 0);
    QCOMPARE(ingest({Msg(kOther, u"fine"_s).stanza(u"f"_s)}).inserted, 1);
    QCOMPARE(m_store->sql(u"SELECT count(*) FROM groups"_s).toInt(), 1);
}

void tst_StoreMessages::messageWithoutGroupIsRejectedAlone()
{
    const IngestResult r =
        ingest({Msg(QString(), u"lost"_s).stanza(u"x"_s), Msg(kRoom, u"fine"_s).stanza(u"y"_s)});
    QCOMPARE(r.rejected, 1);
    QCOMPARE(r.inserted, 1);
    QCOMPARE(r.ids.at(0), 0);
    QVERIFY(r.ids.at(1) != 0);
}

void tst_StoreMessages::searchIndexCheckCanFail()
{
    // The index check every test ends with notices an index out of step with the rows.
    ingest({Msg(kRoom, u"hello world"_s, 10).stanza(u"s1"_s)});
    QVERIFY(m_store->db->execute({u"INSERT INTO message_search(message_search, rowid, "
                                  "search_words, search_tails, search_facets) SELECT 'delete', "
                                  "id, search_words, search_tails, search_facets FROM messages"_s})
            == std::nullopt);
    QVERIFY(searchIndexCheck(*m_store->db).has_value());
    QVERIFY(m_store->db->execute({u"INSERT INTO message_search(message_search) VALUES ('rebuild')"_s})
            == std::nullopt);
}

QTEST_GUILESS_MAIN(tst_StoreMessages)
#include "tst_store_messages.moc"
