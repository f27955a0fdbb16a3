// MamManager queries against a scripted server: the query it writes, the results it
// accepts (attacks: a result from another JID, a foreign or finished query id —
// CVE-2019-16237 class), our own archive, RSM paging edge cases and typed errors.
#include "MamScript.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::xmpp;
using namespace chorus::xmpp::mamtest;
using chorus::Expected;

class tst_Mam : public MamTestBase
{
    Q_OBJECT
private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }
    void queryIsWellFormed();
    void resultFromAnotherJidIsDropped();
    void foreignQueryIdIsDropped();
    void lateResultAfterFinIsDropped();
    void ownArchive();
    void roomArchiveHoldsOnlyItsOwnMessages();
    void rsmWithoutFirstLast();
    void errorsAreTyped();
    void fetchBeforePagesBackward();
};

void tst_Mam::queryIsWellFormed()
{
    MamQuery query;
    query.archive = Jid::fromString(Room + u"/ignored"_s); // the bare JID is the archive
    query.after = u"A9"_s;
    query.max = 10;
    auto task = m_mam->query(query);
    const auto q = nextQuery();
    QVERIFY(q);
    QCOMPARE(q->to, Room);
    QVERIFY(!q->queryId.isEmpty());
    QCOMPARE(q->after, u"A9"_s);
    QVERIFY(!q->before);
    QCOMPARE(q->max, 10);
    QCOMPARE(q->form.formType(), ns::Mam);
    QCOMPARE(q->form.type(), DataForm::Type::Submit);

    m_c->server.send(resultXml(Room, q->queryId, u"B1"_s, u"alice"_s, u"hello"_s,
                               "<occupant-id xmlns='urn:xmpp:occupant-id:0' id='oc1'/>"));
    m_c->server.send(resultXml(Room, q->queryId, u"B2"_s, u"bob"_s, u"hi"_s));
    m_c->server.send(finXml(*q, Room, true, {u"B1"_s, u"B2"_s}, 2));
    QTRY_VERIFY(task.isFinished());
    QVERIFY(task.result().ok());
    const MamPage page = task.result().value();
    QCOMPARE(page.messages.size(), 2);
    QCOMPARE(page.messages[0].stanzaId, u"B1"_s);
    QCOMPARE(page.messages[0].body, u"hello"_s);
    QCOMPARE(page.messages[0].nick(), u"alice"_s);
    QCOMPARE(page.messages[0].occupantId, u"oc1"_s);
    QCOMPARE(page.messages[0].archive, Jid::fromString(Room));
    QCOMPARE(page.messages[0].stamp, QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC));
    QCOMPARE(page.messages[1].stanzaId, u"B2"_s);
    QVERIFY(page.complete);
    QCOMPARE(page.first, u"B1"_s);
    QCOMPARE(page.last, u"B2"_s);
    QCOMPARE(page.count, 2);
    QVERIFY(m_sink->seen.isEmpty()); // results are the archive's, never live messages
}

void tst_Mam::resultFromAnotherJidIsDropped()
{
    MamQuery query;
    query.archive = Jid::fromString(Room);
    auto task = m_mam->query(query);
    const auto q = nextQuery();
    QVERIFY(q);
    // The attack: someone who learnt (or guessed) our query id injects history.
    m_c->server.send(
        resultXml(u"mallory@localhost/x"_s, q->queryId, u"F1"_s, u"alice"_s, u"forged"_s));
    m_c->server.send(resultXml(Room + u"/mallory"_s, q->queryId, u"F2"_s, u"alice"_s, u"forged"_s));
    m_c->server.send(
        resultXml(u"other@conference.localhost"_s, q->queryId, u"F3"_s, u"alice"_s, u"forged"_s));
    m_c->server.send(
        resultXml(QString(), q->queryId, u"F4"_s, u"alice"_s, u"forged"_s)); // "from our server"
    m_c->server.send(resultXml(Room, q->queryId, u"R1"_s, u"alice"_s, u"real"_s));
    m_c->server.send(finXml(*q, Room, true, {u"R1"_s}));
    QTRY_VERIFY(task.isFinished());
    const MamPage page = task.result().value();
    QCOMPARE(page.messages.size(), 1);
    QCOMPARE(page.messages[0].body, u"real"_s);
    QCOMPARE(m_mam->droppedResults(), 4);
    QVERIFY(m_sink->seen.isEmpty()); // claimed: no forged result reaches other managers
    QVERIFY(m_c->unhandled.isEmpty());
}

void tst_Mam::foreignQueryIdIsDropped()
{
    MamQuery query;
    query.archive = Jid::fromString(Room);
    auto task = m_mam->query(query);
    const auto q = nextQuery();
    QVERIFY(q);
    m_c->server.send(resultXml(Room, u"not-ours"_s, u"F1"_s, u"alice"_s, u"forged"_s));
    m_c->server.send(resultXml(Room, QString(), u"F2"_s, u"alice"_s, u"forged"_s));
    m_c->server.send(finXml(*q, Room, true, {}));
    QTRY_VERIFY(task.isFinished());
    QVERIFY(task.result().ok());
    QVERIFY(task.result().value().messages.isEmpty());
    QCOMPARE(m_mam->droppedResults(), 2);
    QVERIFY(m_sink->seen.isEmpty());
}

void tst_Mam::lateResultAfterFinIsDropped()
{
    MamQuery query;
    query.archive = Jid::fromString(Room);
    auto task = m_mam->query(query);
    const auto q = nextQuery();
    QVERIFY(q);
    m_c->server.send(finXml(*q, Room, true, {}));
    QTRY_VERIFY(task.isFinished());
    m_c->server.send(resultXml(Room, q->queryId, u"L1"_s, u"alice"_s, u"late"_s));
    QTRY_COMPARE(m_mam->droppedResults(), 1);
    QCOMPARE(m_mam->queriesInFlight(), 0);
}

void tst_Mam::ownArchive()
{
    MamQuery query; // no archive: ours
    auto task = m_mam->query(query);
    const auto q = nextQuery();
    QVERIFY(q);
    QVERIFY(q->to.isEmpty());
    const QString own = u"user@localhost"_s;
    auto chat = [&](const QString &from, const QString &id) {
        return "<message" + (from.isEmpty() ? QByteArray() : " from='" + from.toUtf8() + "'")
            + "><result xmlns='urn:xmpp:mam:2' queryid='" + q->queryId.toUtf8() + "' id='"
            + id.toUtf8()
            + "'><forwarded xmlns='urn:xmpp:forward:0'><message xmlns='jabber:client' type='chat'"
              " from='alice@localhost/p' to='user@localhost' id='c-"
            + id.toUtf8() + "'><body>pm</body></message></forwarded></result></message>";
    };
    m_c->server.send(chat(QString(), u"O1"_s)); // from our server for our account
    m_c->server.send(chat(own, u"O2"_s));
    m_c->server.send(chat(u"alice@localhost"_s, u"X1"_s)); // not our archive
    m_c->server.send(finXml(*q, QString(), true, {u"O1"_s, u"O2"_s}));
    QTRY_VERIFY(task.isFinished());
    const MamPage page = task.result().value();
    QCOMPARE(page.messages.size(), 2);
    QCOMPARE(page.messages[0].stanzaIdBy, Jid::fromString(own));
    QCOMPARE(page.messages[1].stanzaId, u"O2"_s);
    QCOMPARE(m_mam->droppedResults(), 1);
}

void tst_Mam::roomArchiveHoldsOnlyItsOwnMessages()
{
    MamQuery query;
    query.archive = Jid::fromString(Room);
    auto task = m_mam->query(query);
    const auto q = nextQuery();
    QVERIFY(q);
    m_c->server.send(resultXml(Room, q->queryId, u"X1"_s, {}, u"from elsewhere"_s, {},
                               u"other@conference.localhost/eve"_s));
    m_c->server.send(resultXml(Room, q->queryId, u"R1"_s, u"alice"_s, u"ok"_s));
    m_c->server.send(finXml(*q, Room, true, {u"R1"_s}));
    QTRY_VERIFY(task.isFinished());
    const MamPage page = task.result().value();
    QCOMPARE(page.messages.size(), 1);
    QCOMPARE(page.dropped, 1);
}

void tst_Mam::rsmWithoutFirstLast()
{
    MamQuery query;
    query.archive = Jid::fromString(Room);
    auto task = m_mam->query(query);
    const auto q = nextQuery();
    QVERIFY(q);
    m_c->server.send(resultXml(Room, q->queryId, u"R1"_s, u"a"_s, u"1"_s));
    m_c->server.send(resultXml(Room, q->queryId, u"R2"_s, u"a"_s, u"2"_s));
    m_c->server.send("<iq type='result' id='" + q->iqId.toUtf8() + "' from='" + Room.toUtf8()
                     + "'><fin xmlns='urn:xmpp:mam:2'/></iq>");
    QTRY_VERIFY(task.isFinished());
    const MamPage page = task.result().value();
    QCOMPARE(page.first, u"R1"_s);
    QCOMPARE(page.last, u"R2"_s);
    QVERIFY(!page.complete);
    QCOMPARE(page.count, -1);
}

void tst_Mam::errorsAreTyped()
{
    MamQuery query;
    query.archive = Jid::fromString(Room);
    query.after = u"gone"_s;
    auto task = m_mam->query(query);
    const auto q = nextQuery();
    QVERIFY(q);
    m_c->server.send(
        "<iq type='error' id='" + q->iqId.toUtf8() + "' from='" + Room.toUtf8()
        + "'><error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
          "</error></iq>");
    QTRY_VERIFY(task.isFinished());
    QCOMPARE(task.result().error().code, MamError::Code::ItemNotFound);

    auto forbidden = m_mam->query(query);
    const auto q2 = nextQuery();
    QVERIFY(q2);
    m_c->server.send(
        "<iq type='error' id='" + q2->iqId.toUtf8() + "' from='" + Room.toUtf8()
        + "'><error type='auth'><forbidden xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
          "</error></iq>");
    QTRY_VERIFY(forbidden.isFinished());
    QCOMPARE(forbidden.result().error().code, MamError::Code::Forbidden);
}

void tst_Mam::fetchBeforePagesBackward()
{
    m_mam->setPageSize(2);
    auto newest = m_mam->fetchBefore(Jid::fromString(Room), {});
    auto q = nextQuery();
    QVERIFY(q);
    QVERIFY(q->before);
    QVERIFY(q->before->isEmpty());
    QCOMPARE(q->max, 2);
    answer(*q, {u"C3"_s, u"C4"_s}, false);
    QTRY_VERIFY(newest.isFinished());
    QVERIFY(!newest.result().value().complete);
    QCOMPARE(newest.result().value().first, u"C3"_s);

    auto older = m_mam->fetchBefore(Jid::fromString(Room), u"C3"_s);
    q = nextQuery();
    QVERIFY(q);
    QCOMPARE(q->before.value_or(QString()), u"C3"_s);
    answer(*q, {u"C2"_s}, true);
    QTRY_VERIFY(older.isFinished());
    QVERIFY(older.result().value().complete);
    QCOMPARE(older.result().value().messages.size(), 1);
}

QTEST_GUILESS_MAIN(tst_Mam)
#include "tst_mam.moc"
