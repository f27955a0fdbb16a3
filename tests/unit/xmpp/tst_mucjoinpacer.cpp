// MucJoinPacer: priority order, a bounded number in flight sized by room size, halting
// at a server limit, and what a fresh session leaves behind.
#include "xmpp/MucJoinPacer.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::xmpp;

namespace {

Jid room(int i)
{
    return Jid::fromString(u"room%1@conference.localhost"_s.arg(i));
}

} // namespace

class tst_MucJoinPacer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void priorityOrder();
    void boundedInFlight();
    void windowShrinksForBigRooms();
    void windowGrowsForSmallRooms();
    void oneBigRoomAmongSmallOnesCounts();
    void haltStopsDispatching();
    void duplicatesAndRemoval();
    void freshSessionForgetsInFlight();
};

void tst_MucJoinPacer::priorityOrder()
{
    MucJoinPacer p;
    for (int i = 1; i <= 5; ++i)
        p.enqueue(room(i));
    p.enqueueFront(room(9));
    QList<Jid> order;
    while (p.canDispatch())
        order.append(p.dispatch());
    QCOMPARE(order.size(), 6);
    QCOMPARE(order.first(), room(9));
    QCOMPARE(order.mid(1), (QList<Jid>{room(1), room(2), room(3), room(4), room(5)}));
}

void tst_MucJoinPacer::boundedInFlight()
{
    MucJoinPacer p({4, 10000, 10});
    for (int i = 0; i < 100; ++i)
        p.enqueue(room(i));
    int dispatched = 0;
    int completed = 0;
    while (completed < 100) {
        while (p.canDispatch()) {
            p.dispatch();
            ++dispatched;
        }
        QVERIFY(p.inFlight() <= 4);
        // Complete the oldest join in flight.
        p.finished(room(completed), 10);
        ++completed;
    }
    QCOMPARE(dispatched, 100);
    QCOMPARE(p.peakInFlight(), 4);
    QVERIFY(!p.canDispatch());
}

void tst_MucJoinPacer::windowShrinksForBigRooms()
{
    // 100-occupant rooms with a budget of 300 presences: 2 in flight at most
    // (300 / 102), whatever maxInFlight allows.
    MucJoinPacer p({16, 300, 40});
    QCOMPARE(p.window(), 7); // 300 / 42 before any room answered
    for (int i = 0; i < 20; ++i)
        p.enqueue(room(i));
    for (int i = 0; i < 7; ++i)
        p.finished(p.dispatch(), 100);
    QCOMPARE(p.window(), 2);
    while (p.canDispatch())
        p.dispatch();
    QCOMPARE(p.inFlight(), 2);
}

void tst_MucJoinPacer::windowGrowsForSmallRooms()
{
    MucJoinPacer p({16, 300, 40});
    for (int i = 0; i < 50; ++i)
        p.enqueue(room(i));
    for (int i = 0; i < 10; ++i)
        p.finished(p.dispatch(), 3);
    QCOMPARE(p.window(), 16); // capped by maxInFlight
}

void tst_MucJoinPacer::oneBigRoomAmongSmallOnesCounts()
{
    MucJoinPacer p({16, 300, 40});
    for (int i = 0; i < 20; ++i)
        p.enqueue(room(i));
    p.finished(p.dispatch(), 5);
    p.finished(p.dispatch(), 148);
    p.finished(p.dispatch(), 5);
    QCOMPARE(p.window(), 2); // the big room is remembered
    // ...until it is out of the recent window.
    for (int i = 0; i < 8; ++i)
        p.finished(p.dispatch(), 5);
    QCOMPARE(p.window(), 16);
}

void tst_MucJoinPacer::haltStopsDispatching()
{
    MucJoinPacer p({4, 10000, 10});
    for (int i = 0; i < 10; ++i)
        p.enqueue(room(i));
    p.dispatch();
    p.dispatch();
    p.halt();
    QVERIFY(!p.canDispatch());
    p.finished(room(0), -1);
    QVERIFY(!p.canDispatch());
    const QList<Jid> rest = p.takeQueued();
    QCOMPARE(rest.size(), 8);
    QCOMPARE(rest.first(), room(2));
    QCOMPARE(p.queued(), 0);
    p.resume();
    p.enqueue(room(42));
    QVERIFY(p.canDispatch());
}

void tst_MucJoinPacer::duplicatesAndRemoval()
{
    MucJoinPacer p;
    p.enqueue(room(1));
    p.enqueue(room(1));
    QCOMPARE(p.queued(), 1);
    p.dispatch();
    p.enqueue(room(1)); // in flight: not queued again
    QCOMPARE(p.queued(), 0);
    QVERIFY(p.remove(room(1)));
    QCOMPARE(p.inFlight(), 0);
    QVERIFY(!p.remove(room(1)));
    p.enqueue(room(2));
    p.enqueue(room(3));
    QVERIFY(p.remove(room(2)));
    QVERIFY(!p.isQueued(room(2)));
    QCOMPARE(p.dispatch(), room(3));
}

void tst_MucJoinPacer::freshSessionForgetsInFlight()
{
    MucJoinPacer p({3, 10000, 10});
    for (int i = 0; i < 5; ++i)
        p.enqueue(room(i));
    while (p.canDispatch())
        p.dispatch();
    QCOMPARE(p.takeInFlight().size(), 3);
    QCOMPARE(p.inFlight(), 0);
    QVERIFY(p.canDispatch());
}

QTEST_GUILESS_MAIN(tst_MucJoinPacer)
#include "tst_mucjoinpacer.moc"
