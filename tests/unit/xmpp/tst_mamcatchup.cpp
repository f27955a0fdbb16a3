// MamManager catch-up runs against a scripted server: paging to complete, the page
// limit with the jump to the newest page and its gap, the time-window fallback when
// the archive forgot our id (or silently ignores it), no query for rooms that are up
// to date, bounded concurrency, priorities, de-duplication and corrections checked
// within a run.
#include "MamScript.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::xmpp;
using namespace chorus::xmpp::mamtest;
using chorus::Expected;

class tst_MamCatchUp : public MamTestBase
{
    Q_OBJECT
private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }
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
};

void tst_MamCatchUp::catchUpPagesUntilComplete()
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

void tst_MamCatchUp::catchUpStopsOnEmptyOrStuckPage()
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

void tst_MamCatchUp::catchUpPageLimitJumpsToNewestAndReportsGap()
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

void tst_MamCatchUp::catchUpPageLimitOverlapHasNoGap()
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

void tst_MamCatchUp::catchUpUnknownIdFallsBackToTimeWindow()
{
    QSignalSpy finished(m_mam.get(), &MamManager::catchUpFinished);
    CatchUpRequest request {Jid::fromString(Room), u"expired"_s};
    request.afterTime = QDateTime(QDate(2024, 4, 30), QTime(8, 0), Qt::UTC);
    m_mam->catchUp({request});
    auto q = nextQuery();
    QCOMPARE(q->after, u"expired"_s);
    m_c->server.send(
        "<iq type='error' id='" + q->iqId.toUtf8() + "' from='" + Room.toUtf8()
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

void tst_MamCatchUp::catchUpUnknownIdWithoutTimeTakesNewest()
{
    QSignalSpy finished(m_mam.get(), &MamManager::catchUpFinished);
    m_mam->catchUp({CatchUpRequest {Jid::fromString(Room), u"expired"_s}});
    auto q = nextQuery();
    m_c->server.send(
        "<iq type='error' id='" + q->iqId.toUtf8() + "' from='" + Room.toUtf8()
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

void tst_MamCatchUp::catchUpArchiveIgnoringUnknownIdIsDetected()
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

void tst_MamCatchUp::catchUpFromNothingTakesNewestPage()
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

void tst_MamCatchUp::upToDateRoomsCostNoQuery()
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

void tst_MamCatchUp::boundedConcurrencyAndOrder()
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

void tst_MamCatchUp::prioritizeMovesToFront()
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

void tst_MamCatchUp::duplicatesWithinARunAreDropped()
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

void tst_MamCatchUp::forgedCorrectionInRunIsNotAnEdit()
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

void tst_MamCatchUp::failureMidRunReportsGap()
{
    m_mam->setPageSize(1);
    QSignalSpy finished(m_mam.get(), &MamManager::catchUpFinished);
    m_mam->catchUp({CatchUpRequest {Jid::fromString(Room), u"A0"_s}});
    auto q = nextQuery();
    answer(*q, {u"A1"_s}, false);
    q = nextQuery();
    m_c->server.send("<iq type='error' id='" + q->iqId.toUtf8() + "' from='" + Room.toUtf8()
                     + "'><error type='wait'><internal-server-error "
                       "xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
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

QTEST_GUILESS_MAIN(tst_MamCatchUp)
#include "tst_mamcatchup.moc"
