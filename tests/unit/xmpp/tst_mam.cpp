// MamManager against a scripted server: the query it writes, the results it accepts
// (attacks: a result from another JID, a foreign or finished query id — CVE-2019-16237
// class), RSM paging edge cases, and catch-up runs: paging to complete, the page limit
// with the jump to the newest page and its gap, the time-window fallback when the
// archive forgot our id, no query for rooms that are up to date, bounded concurrency,
// priorities, de-duplication and corrections checked within a run.
#include "ScriptedClient.h"

#include "xmpp/Extension.h"
#include "xmpp/FormFields.h"
#include "xmpp/MamManager.h"
#include "xmpp/Namespaces.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::xmpp;
using chorus::Expected;
using chorus::test::ScriptedClient;

namespace {

const QString Room = u"bali@conference.localhost"_s;

// What the client asked in one archive query.
struct QueryIn
{
    QString iqId;
    QString queryId;
    QString to;
    QString after;
    std::optional<QString> before;
    QString start;
    int max = -1;
    Element form;
};

class Sink : public Extension
{
public:
    bool handleStanza(const Element &stanza) override
    {
        seen.append(stanza);
        return false;
    }
    QList<Element> seen;
};

QByteArray resultXml(const QString &from, const QString &queryId, const QString &id,
                     const QString &nick, const QString &body, const QByteArray &extra = {},
                     const QString &innerFrom = {})
{
    QByteArray xml = "<message";
    if (!from.isNull())
        xml += " from='" + from.toUtf8() + "'";
    xml += " to='user@localhost/chorus'><result xmlns='urn:xmpp:mam:2' queryid='" + queryId.toUtf8()
        + "' id='" + id.toUtf8() + "'><forwarded xmlns='urn:xmpp:forward:0'>"
          "<delay xmlns='urn:xmpp:delay' stamp='2024-05-01T10:00:00Z'/>"
          "<message xmlns='jabber:client' type='groupchat' from='"
        + (innerFrom.isEmpty() ? (Room + u'/' + nick) : innerFrom).toUtf8() + "' id='orig-"
        + id.toUtf8() + "'><body>" + body.toUtf8() + "</body>" + extra
        + "</message></forwarded></result></message>";
    return xml;
}

QByteArray finXml(const QueryIn &q, const QString &from, bool complete, const QStringList &ids,
                  int count = -1)
{
    QByteArray xml = "<iq type='result' id='" + q.iqId.toUtf8() + "'";
    if (!from.isEmpty())
        xml += " from='" + from.toUtf8() + "'";
    xml += "><fin xmlns='urn:xmpp:mam:2'" + QByteArray(complete ? " complete='true'" : "")
        + "><set xmlns='http://jabber.org/protocol/rsm'>";
    if (!ids.isEmpty())
        xml += "<first index='0'>" + ids.first().toUtf8() + "</first><last>" + ids.last().toUtf8()
            + "</last>";
    if (count >= 0)
        xml += "<count>" + QByteArray::number(count) + "</count>";
    return xml + "</set></fin></iq>";
}

} // namespace

class tst_Mam : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void queryIsWellFormed();
    void resultFromAnotherJidIsDropped();
    void foreignQueryIdIsDropped();
    void lateResultAfterFinIsDropped();
    void ownArchive();
    void roomArchiveHoldsOnlyItsOwnMessages();
    void rsmWithoutFirstLast();
    void errorsAreTyped();
    void fetchBeforePagesBackward();
    void catchUpPagesUntilComplete();
    void catchUpStopsOnEmptyOrStuckPage();
    void catchUpPageLimitJumpsToNewestAndReportsGap();
    void catchUpPageLimitOverlapHasNoGap();
    void catchUpUnknownIdFallsBackToTimeWindow();
    void catchUpUnknownIdWithoutTimeTakesNewest();
    void catchUpArchiveIgnoringUnknownIdIsDetected();
    void catchUpFromNothingTakesNewestPage();
    void upToDateRoomsCostNoQuery();
    void boundedConcurrencyAndOrder();
    void prioritizeMovesToFront();
    void duplicatesWithinARunAreDropped();
    void forgedCorrectionInRunIsNotAnEdit();
    void failureMidRunReportsGap();

private:
    std::optional<QueryIn> nextQuery();
    void answer(const QueryIn &q, const QStringList &ids, bool complete, const QString &nickPrefix = u"n"_s);

    std::unique_ptr<ScriptedClient> m_c;
    std::unique_ptr<MamManager> m_mam;
    std::unique_ptr<Sink> m_sink;
};

void tst_Mam::init()
{
    auto s = ScriptedClient::defaultSettings();
    s.plaintextOnLoopback = true;
    s.resource = u"chorus"_s;
    m_c = std::make_unique<ScriptedClient>(s);
    m_mam = std::make_unique<MamManager>();
    m_sink = std::make_unique<Sink>();
    m_c->client->addExtension(m_mam.get());
    m_c->client->addExtension(m_sink.get());
    QVERIFY2(m_c->login(), qPrintable(m_c->server.failure()));
}

void tst_Mam::cleanup()
{
    m_mam.reset();
    m_sink.reset();
    m_c.reset();
}

std::optional<QueryIn> tst_Mam::nextQuery()
{
    const auto iq = m_c->server.nextStanza();
    if (!iq || !iq->is(u"iq", ns::Client))
        return std::nullopt;
    const Element query = iq->child(u"query", ns::Mam);
    if (query.isNull())
        return std::nullopt;
    QueryIn q;
    q.iqId = iq->attribute(u"id");
    q.to = iq->attribute(u"to");
    q.queryId = query.attribute(u"queryid");
    const Element set = query.child(u"set", ns::Rsm);
    q.after = set.childText(u"after", ns::Rsm);
    if (set.hasChild(u"before", ns::Rsm))
        q.before = set.childText(u"before", ns::Rsm);
    q.max = set.childText(u"max", ns::Rsm).toInt();
    q.form = query.child(u"x", ns::DataForms);
    const QStringList start = formValues(q.form, u"start");
    q.start = start.isEmpty() ? QString() : start.first();
    return q;
}

void tst_Mam::answer(const QueryIn &q, const QStringList &ids, bool complete, const QString &nickPrefix)
{
    const QString archive = q.to.isEmpty() ? QString() : q.to;
    for (const QString &id : ids)
        m_c->server.send(resultXml(archive, q.queryId, id, nickPrefix + id, u"body "_s + id));
    m_c->server.send(finXml(q, archive, complete, ids));
}

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
    QCOMPARE(formTypeOf(q->form), ns::Mam);
    QCOMPARE(q->form.attribute(u"type"), u"submit"_s);

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
    m_c->server.send(resultXml(u"mallory@localhost/x"_s, q->queryId, u"F1"_s, u"alice"_s, u"forged"_s));
    m_c->server.send(resultXml(Room + u"/mallory"_s, q->queryId, u"F2"_s, u"alice"_s, u"forged"_s));
    m_c->server.send(resultXml(u"other@conference.localhost"_s, q->queryId, u"F3"_s, u"alice"_s, u"forged"_s));
    m_c->server.send(resultXml(QString(), q->queryId, u"F4"_s, u"alice"_s, u"forged"_s)); // "from our server"
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
            + "><result xmlns='urn:xmpp:mam:2' queryid='" + q->queryId.toUtf8() + "' id='" + id.toUtf8()
            + "'><forwarded xmlns='urn:xmpp:forward:0'><message xmlns='jabber:client' type='chat'"
              " from='alice@localhost/p' to='user@localhost' id='c-" + id.toUtf8()
            + "'><body>pm</body></message></forwarded></result></message>";
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
    m_c->server.send("<iq type='error' id='" + q->iqId.toUtf8() + "' from='" + Room.toUtf8()
                     + "'><error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                       "</error></iq>");
    QTRY_VERIFY(task.isFinished());
    QCOMPARE(task.result().error().code, MamError::Code::ItemNotFound);

    auto forbidden = m_mam->query(query);
    const auto q2 = nextQuery();
    QVERIFY(q2);
    m_c->server.send("<iq type='error' id='" + q2->iqId.toUtf8() + "' from='" + Room.toUtf8()
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

void tst_Mam::catchUpPagesUntilComplete()
{
    m_mam->setPageSize(2);
    QSignalSpy pages(m_mam.get(), &MamManager::catchUpPage);
    QSignalSpy finished(m_mam.get(), &MamManager::catchUpFinished);
    m_mam->catchUp({CatchUpRequest {Jid::fromString(Room), u"A0"_s}});
    auto q = nextQuery();
    QVERIFY(q);
    QCOMPARE(q->after, u"A0"_s);
    answer(*q, {u"A1"_s, u"A2"_s}, false);
    q = nextQuery();
    QVERIFY(q);
    QCOMPARE(q->after, u"A2"_s); // connects to what we just got
    answer(*q, {u"A3"_s, u"A4"_s}, false);
    q = nextQuery();
    QVERIFY(q);
    QCOMPARE(q->after, u"A4"_s);
    answer(*q, {u"A5"_s}, true);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(pages.size(), 3);
    const auto result = finished.first().first().value<CatchUpResult>();
    QVERIFY(result.queried);
    QCOMPARE(result.messageCount, 5);
    QCOMPARE(result.pages, 3);
    QCOMPARE(result.lastId, u"A5"_s);
    QVERIFY(result.gaps.isEmpty());
    QVERIFY(!result.error);
    QStringList ids;
    for (const auto &args : pages)
        for (const ParsedMessage &m : args.at(1).value<QList<ParsedMessage>>())
            ids.append(m.stanzaId);
    QCOMPARE(ids, (QStringList {u"A1"_s, u"A2"_s, u"A3"_s, u"A4"_s, u"A5"_s}));
    QVERIFY(m_c->server.staysSilent(100) || !m_c->server.takeRaw().contains("urn:xmpp:mam:2"));
}

void tst_Mam::catchUpStopsOnEmptyOrStuckPage()
{
    QSignalSpy finished(m_mam.get(), &MamManager::catchUpFinished);
    m_mam->catchUp({CatchUpRequest {Jid::fromString(Room), u"A0"_s}});
    auto q = nextQuery();
    QVERIFY(q);
    answer(*q, {}, false); // not complete, but nothing: must not ask again forever
    QTRY_COMPARE(finished.size(), 1);

    m_mam->catchUp({CatchUpRequest {Jid::fromString(Room), u"A0"_s}});
    q = nextQuery();
    QVERIFY(q);
    // A broken archive whose <last/> does not move.
    m_c->server.send(resultXml(Room, q->queryId, u"A1"_s, u"a"_s, u"x"_s));
    m_c->server.send(finXml(*q, Room, false, {u"A0"_s}));
    QTRY_COMPARE(finished.size(), 2);
    QVERIFY(m_c->server.staysSilent(100) || !m_c->server.takeRaw().contains("urn:xmpp:mam:2"));
}

void tst_Mam::catchUpPageLimitJumpsToNewestAndReportsGap()
{
    m_mam->setPageSize(2);
    m_mam->setMaxCatchUpPages(2);
    QSignalSpy finished(m_mam.get(), &MamManager::catchUpFinished);
    m_mam->catchUp({CatchUpRequest {Jid::fromString(Room), u"A0"_s}});
    auto q = nextQuery();
    answer(*q, {u"A1"_s, u"A2"_s}, false);
    q = nextQuery();
    QCOMPARE(q->after, u"A2"_s);
    answer(*q, {u"A3"_s, u"A4"_s}, false);
    q = nextQuery(); // the limit: the newest page instead
    QVERIFY(q);
    QVERIFY(q->after.isEmpty());
    QVERIFY(q->before && q->before->isEmpty());
    answer(*q, {u"Z8"_s, u"Z9"_s}, false);
    QTRY_COMPARE(finished.size(), 1);
    const auto result = finished.first().first().value<CatchUpResult>();
    QCOMPARE(result.messageCount, 6);
    QCOMPARE(result.lastId, u"Z9"_s);
    QCOMPARE(result.gaps.size(), 1);
    QCOMPARE(result.gaps[0].reason, HistoryGap::Reason::PageLimit);
    QCOMPARE(result.gaps[0].afterId, u"A4"_s);
    QCOMPARE(result.gaps[0].beforeId, u"Z8"_s);
    QCOMPARE(result.gaps[0].archive, Jid::fromString(Room));
}

void tst_Mam::catchUpPageLimitOverlapHasNoGap()
{
    m_mam->setPageSize(2);
    m_mam->setMaxCatchUpPages(1);
    QSignalSpy finished(m_mam.get(), &MamManager::catchUpFinished);
    m_mam->catchUp({CatchUpRequest {Jid::fromString(Room), u"A0"_s}});
    auto q = nextQuery();
    answer(*q, {u"A1"_s, u"A2"_s}, false);
    q = nextQuery();
    QVERIFY(q && q->before);
    answer(*q, {u"A2"_s, u"A3"_s}, false); // overlaps what we have: connected
    QTRY_COMPARE(finished.size(), 1);
    const auto result = finished.first().first().value<CatchUpResult>();
    QVERIFY(result.gaps.isEmpty());
    QCOMPARE(result.messageCount, 3);
}

void tst_Mam::catchUpUnknownIdFallsBackToTimeWindow()
{
    QSignalSpy finished(m_mam.get(), &MamManager::catchUpFinished);
    CatchUpRequest request {Jid::fromString(Room), u"expired"_s};
    request.afterTime = QDateTime(QDate(2024, 4, 30), QTime(8, 0), Qt::UTC);
    m_mam->catchUp({request});
    auto q = nextQuery();
    QCOMPARE(q->after, u"expired"_s);
    m_c->server.send("<iq type='error' id='" + q->iqId.toUtf8() + "' from='" + Room.toUtf8()
                     + "'><error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                       "</error></iq>");
    q = nextQuery();
    QVERIFY(q);
    QVERIFY(q->after.isEmpty());
    QCOMPARE(q->start, u"2024-04-30T07:58:00Z"_s); // two minutes early: clocks disagree
    answer(*q, {u"W1"_s, u"W2"_s}, false);
    q = nextQuery();
    QCOMPARE(q->after, u"W2"_s); // then forward as usual
    answer(*q, {u"W3"_s}, true);
    QTRY_COMPARE(finished.size(), 1);
    const auto result = finished.first().first().value<CatchUpResult>();
    QCOMPARE(result.messageCount, 3);
    QCOMPARE(result.gaps.size(), 1);
    QCOMPARE(result.gaps[0].reason, HistoryGap::Reason::ResumePointUnknown);
    QCOMPARE(result.gaps[0].afterId, u"expired"_s);
    QCOMPARE(result.gaps[0].afterTime, request.afterTime);
    QCOMPARE(result.gaps[0].beforeId, u"W1"_s);
    QVERIFY(!result.error);
}

void tst_Mam::catchUpUnknownIdWithoutTimeTakesNewest()
{
    QSignalSpy finished(m_mam.get(), &MamManager::catchUpFinished);
    m_mam->catchUp({CatchUpRequest {Jid::fromString(Room), u"expired"_s}});
    auto q = nextQuery();
    m_c->server.send("<iq type='error' id='" + q->iqId.toUtf8() + "' from='" + Room.toUtf8()
                     + "'><error type='modify'><bad-request xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                       "</error></iq>");
    q = nextQuery();
    QVERIFY(q && q->before && q->before->isEmpty());
    answer(*q, {u"N1"_s}, false);
    QTRY_COMPARE(finished.size(), 1);
    const auto result = finished.first().first().value<CatchUpResult>();
    QCOMPARE(result.gaps.size(), 1);
    QCOMPARE(result.gaps[0].reason, HistoryGap::Reason::ResumePointUnknown);
    QCOMPARE(result.gaps[0].beforeId, u"N1"_s);
}

void tst_Mam::catchUpArchiveIgnoringUnknownIdIsDetected()
{
    // ejabberd 23.01 answers a query with an 'after' id it does not know from the start
    // of the archive instead of refusing it: messages older than our last one show it.
    m_mam->setClockTolerance(1000);
    QSignalSpy pages(m_mam.get(), &MamManager::catchUpPage);
    QSignalSpy finished(m_mam.get(), &MamManager::catchUpFinished);
    CatchUpRequest request {Jid::fromString(Room), u"from-another-archive"_s};
    request.afterTime = QDateTime(QDate(2024, 6, 1), QTime(12, 0), Qt::UTC);
    m_mam->catchUp({request});
    auto q = nextQuery();
    QCOMPARE(q->after, u"from-another-archive"_s);
    answer(*q, {u"OLD1"_s, u"OLD2"_s}, false); // stamped 2024-05-01: before our last message
    q = nextQuery();
    QVERIFY(q);
    QVERIFY(q->after.isEmpty());
    QCOMPARE(q->start, u"2024-06-01T11:59:59Z"_s);
    answer(*q, {u"NEW1"_s}, true);
    QTRY_COMPARE(finished.size(), 1);
    const auto result = finished.first().first().value<CatchUpResult>();
    QCOMPARE(result.gaps.size(), 1);
    QCOMPARE(result.gaps[0].reason, HistoryGap::Reason::ResumePointUnknown);
    QCOMPARE(result.gaps[0].beforeId, u"NEW1"_s);
    QCOMPARE(pages.size(), 1); // the replay from the start was not delivered
    QCOMPARE(result.messageCount, 1);
}

void tst_Mam::catchUpFromNothingTakesNewestPage()
{
    QSignalSpy finished(m_mam.get(), &MamManager::catchUpFinished);
    m_mam->catchUp({CatchUpRequest {Jid::fromString(Room), {}}});
    auto q = nextQuery();
    QVERIFY(q && q->before && q->before->isEmpty());
    answer(*q, {u"N1"_s, u"N2"_s}, false);
    QTRY_COMPARE(finished.size(), 1);
    const auto result = finished.first().first().value<CatchUpResult>();
    QVERIFY(result.gaps.isEmpty()); // older history is there to page back into, not a gap
    QCOMPARE(result.lastId, u"N2"_s);
}

void tst_Mam::upToDateRoomsCostNoQuery()
{
    QSignalSpy finished(m_mam.get(), &MamManager::catchUpFinished);
    QList<CatchUpRequest> requests;
    for (int i = 0; i < 300; ++i) {
        CatchUpRequest r {Jid::fromString(u"room%1@conference.localhost"_s.arg(i)), u"last"_s};
        r.upToDate = true;
        requests.append(r);
    }
    m_mam->catchUp(requests);
    QCOMPARE(finished.size(), 300);
    QVERIFY(!finished.first().first().value<CatchUpResult>().queried);
    QCOMPARE(finished.first().first().value<CatchUpResult>().lastId, u"last"_s);
    QVERIFY(m_c->server.staysSilent(200) || !m_c->server.takeRaw().contains("urn:xmpp:mam:2"));
}

void tst_Mam::boundedConcurrencyAndOrder()
{
    m_mam->setMaxConcurrentQueries(2);
    QSignalSpy finished(m_mam.get(), &MamManager::catchUpFinished);
    QList<CatchUpRequest> requests;
    for (int i = 0; i < 5; ++i)
        requests.append({Jid::fromString(u"r%1@conference.localhost"_s.arg(i)), u"x"_s});
    m_mam->catchUp(requests);
    auto q0 = nextQuery();
    auto q1 = nextQuery();
    QVERIFY(q0 && q1);
    QCOMPARE(q0->to, u"r0@conference.localhost"_s);
    QCOMPARE(q1->to, u"r1@conference.localhost"_s);
    QCOMPARE(m_mam->runningCatchUps(), 2);
    QCOMPARE(m_mam->queuedCatchUps(), 3);
    QVERIFY(m_c->server.staysSilent(150) || !m_c->server.takeRaw().contains("urn:xmpp:mam:2"));
    answer(*q1, {}, true);
    auto q2 = nextQuery();
    QVERIFY(q2);
    QCOMPARE(q2->to, u"r2@conference.localhost"_s);
    answer(*q0, {}, true);
    answer(*q2, {}, true);
    for (int i = 3; i < 5; ++i) {
        auto q = nextQuery();
        QVERIFY(q);
        answer(*q, {}, true);
    }
    QTRY_COMPARE(finished.size(), 5);
    QCOMPARE(m_mam->runningCatchUps(), 0);
}

void tst_Mam::prioritizeMovesToFront()
{
    m_mam->setMaxConcurrentQueries(1);
    QList<CatchUpRequest> requests;
    for (int i = 0; i < 4; ++i)
        requests.append({Jid::fromString(u"r%1@conference.localhost"_s.arg(i)), u"x"_s});
    m_mam->catchUp(requests);
    auto q = nextQuery();
    QCOMPARE(q->to, u"r0@conference.localhost"_s);
    m_mam->prioritize(Jid::fromString(u"r3@conference.localhost"));
    m_mam->cancelCatchUp(Jid::fromString(u"r1@conference.localhost"));
    answer(*q, {}, true);
    q = nextQuery();
    QCOMPARE(q->to, u"r3@conference.localhost"_s);
    answer(*q, {}, true);
    q = nextQuery();
    QCOMPARE(q->to, u"r2@conference.localhost"_s);
    answer(*q, {}, true);
    QVERIFY(m_c->server.staysSilent(150) || !m_c->server.takeRaw().contains("urn:xmpp:mam:2"));
}

void tst_Mam::duplicatesWithinARunAreDropped()
{
    m_mam->setPageSize(2);
    QSignalSpy pages(m_mam.get(), &MamManager::catchUpPage);
    QSignalSpy finished(m_mam.get(), &MamManager::catchUpFinished);
    m_mam->catchUp({CatchUpRequest {Jid::fromString(Room), u"A0"_s}});
    auto q = nextQuery();
    answer(*q, {u"A0"_s, u"A1"_s}, false); // a server that includes the 'after' item itself
    q = nextQuery();
    answer(*q, {u"A1"_s, u"A2"_s}, true); // and repeats an item across pages
    QTRY_COMPARE(finished.size(), 1);
    QStringList ids;
    for (const auto &args : pages)
        for (const ParsedMessage &m : args.at(1).value<QList<ParsedMessage>>())
            ids.append(m.stanzaId);
    QCOMPARE(ids, (QStringList {u"A1"_s, u"A2"_s}));
    QCOMPARE(finished.first().first().value<CatchUpResult>().messageCount, 2);
}

void tst_Mam::forgedCorrectionInRunIsNotAnEdit()
{
    QSignalSpy pages(m_mam.get(), &MamManager::catchUpPage);
    QSignalSpy finished(m_mam.get(), &MamManager::catchUpFinished);
    m_mam->catchUp({CatchUpRequest {Jid::fromString(Room), u"A0"_s}});
    auto q = nextQuery();
    m_c->server.send(resultXml(Room, q->queryId, u"A1"_s, u"alice"_s, u"meet at 9"_s));
    m_c->server.send(resultXml(Room, q->queryId, u"A2"_s, u"mallory"_s, u"meet at 5"_s,
                               "<replace xmlns='urn:xmpp:message-correct:0' id='orig-A1'/>"));
    m_c->server.send(resultXml(Room, q->queryId, u"A3"_s, u"alice"_s, u"meet at 10"_s,
                               "<replace xmlns='urn:xmpp:message-correct:0' id='orig-A1'/>"));
    m_c->server.send(finXml(*q, Room, true, {u"A1"_s, u"A3"_s}));
    QTRY_COMPARE(finished.size(), 1);
    const auto messages = pages.first().at(1).value<QList<ParsedMessage>>();
    QCOMPARE(messages.size(), 3);
    QVERIFY(!messages[1].isCorrection()); // Mallory's "correction" is only his message
    QVERIFY(messages[1].ignored.contains(u"correction of another sender's message"_s));
    QCOMPARE(messages[2].replaceId, u"orig-A1"_s); // Alice's own correction stands
}

void tst_Mam::failureMidRunReportsGap()
{
    m_mam->setPageSize(1);
    QSignalSpy finished(m_mam.get(), &MamManager::catchUpFinished);
    m_mam->catchUp({CatchUpRequest {Jid::fromString(Room), u"A0"_s}});
    auto q = nextQuery();
    answer(*q, {u"A1"_s}, false);
    q = nextQuery();
    m_c->server.send("<iq type='error' id='" + q->iqId.toUtf8() + "' from='" + Room.toUtf8()
                     + "'><error type='wait'><internal-server-error xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                       "</error></iq>");
    QTRY_COMPARE(finished.size(), 1);
    const auto result = finished.first().first().value<CatchUpResult>();
    QVERIFY(result.error);
    QCOMPARE(result.error->code, MamError::Code::Remote);
    QCOMPARE(result.lastId, u"A1"_s);
    QCOMPARE(result.gaps.size(), 1);
    QCOMPARE(result.gaps[0].reason, HistoryGap::Reason::Failed);
    QCOMPARE(result.gaps[0].afterId, u"A1"_s);
}

QTEST_GUILESS_MAIN(tst_Mam)
#include "tst_mam.moc"
