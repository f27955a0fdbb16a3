// MucManager against a scripted server: the paced joining of many rooms (priority
// order, bound in flight, smaller windows for big rooms, server limits reported once
// with no retry storm), rejoining after a fresh session and nothing after a resumed
// one, and presences that are not ours to handle.
#include "MucScript.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::xmpp;
using chorus::test::MucScript;

class tst_MucPacing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void joinsArePacedInPriorityOrder();
    void bigRoomsShrinkTheWindow();
    void serverLimitIsReportedOnceWithoutRetries();
    void limitReportSurvivesCallsFromHandlers();
    void explicitJoinAfterLimitTriesAgain();
    void freshSessionRejoinsInOrder();
    void resumedSessionSendsNothing();
    void strayPresencesAreIgnored();

private:
    std::unique_ptr<MucScript> m_s;
};

void tst_MucPacing::init()
{
    m_s = std::make_unique<MucScript>();
    QVERIFY2(m_s->login(), qPrintable(m_s->failure()));
}

void tst_MucPacing::cleanup()
{
    m_s.reset();
}

void tst_MucPacing::joinsArePacedInPriorityOrder()
{
    MucManager::Settings s = m_s->muc.settings();
    s.pacing = {3, 10000, 5};
    m_s->muc.setSettings(s);
    QList<MucJoinRequest> requests;
    for (int i = 1; i <= 10; ++i)
        requests.append({MucScript::room(i), u"coach"_s});
    m_s->muc.joinRooms(requests);
    QStringList order;
    for (int i = 0; i < 3; ++i)
        order.append(Jid::fromString(m_s->next().attribute(u"to")).node());
    QVERIFY2(m_s->server().staysSilent(100), qPrintable(m_s->failure())); // three in flight, no more
    QCOMPARE(m_s->muc.joinsInFlight(), 3);
    QCOMPARE(m_s->muc.queuedJoins(), 7);
    // An urgent room (opened in the window) goes ahead of the queue.
    m_s->muc.join({MucScript::room(42), u"coach"_s});
    for (int answered = 1; answered <= 11; ++answered) {
        const Jid done = Jid::fromString(u"%1@conference.localhost"_s.arg(order[answered - 1]));
        m_s->selfPresence(done, u"coach"_s, {110}, u"none"_s, u"participant"_s);
        if (answered <= 8)
            order.append(Jid::fromString(m_s->next().attribute(u"to")).node());
        QVERIFY(m_s->muc.joinsInFlight() <= 3);
    }
    QCOMPARE(order,
             (QStringList{u"room1"_s, u"room2"_s, u"room3"_s, u"room42"_s, u"room4"_s, u"room5"_s,
                          u"room6"_s, u"room7"_s, u"room8"_s, u"room9"_s, u"room10"_s}));
    QTRY_COMPARE(m_s->joined.size(), 11);
    QTRY_COMPARE(m_s->settled, 1);
    QCOMPARE(m_s->muc.stats().peakInFlight, 3);
    QCOMPARE(m_s->muc.stats().joinPresencesSent, 11);
}

void tst_MucPacing::bigRoomsShrinkTheWindow()
{
    // A budget of 300 presences in flight; rooms are assumed to have 58 occupants
    // until one answers: 300 / (58 + 2) = 5 joins at first.
    MucManager::Settings s = m_s->muc.settings();
    s.pacing = {16, 300, 58};
    m_s->muc.setSettings(s);
    QList<MucJoinRequest> requests;
    for (int i = 1; i <= 40; ++i)
        requests.append({MucScript::room(i), u"coach"_s});
    m_s->muc.joinRooms(requests);
    QList<Jid> inFlight;
    for (int i = 0; i < 5; ++i)
        inFlight.append(Jid::fromString(m_s->next().attribute(u"to")).bare());
    QVERIFY2(m_s->server().staysSilent(50), qPrintable(m_s->failure()));
    // The first room has 120 occupants: the window drops to 300 / 122 = 2, so nothing
    // new goes out until only one join is left in flight.
    QStringList crowd;
    for (int i = 0; i < 120; ++i)
        crowd.append(u"m%1"_s.arg(i));
    QVERIFY(m_s->answerJoin(inFlight.takeFirst(), u"coach"_s, crowd));
    QVERIFY2(m_s->server().staysSilent(50), qPrintable(m_s->failure()));
    QVERIFY(m_s->answerJoin(inFlight.takeFirst(), u"coach"_s, {}));
    QVERIFY(m_s->answerJoin(inFlight.takeFirst(), u"coach"_s, {}));
    QVERIFY2(m_s->server().staysSilent(50), qPrintable(m_s->failure()));
    QCOMPARE(m_s->muc.joinsInFlight(), 2);
    QVERIFY(m_s->answerJoin(inFlight.takeFirst(), u"coach"_s, {}));
    QCOMPARE(Jid::fromString(m_s->next().attribute(u"to")).node(), u"room6"_s);
    QVERIFY2(m_s->server().staysSilent(50), qPrintable(m_s->failure()));
    QCOMPARE(m_s->muc.joinsInFlight(), 2);
    QCOMPARE(m_s->muc.stats().peakInFlight, 5);
}

void tst_MucPacing::serverLimitIsReportedOnceWithoutRetries()
{
    MucManager::Settings s = m_s->muc.settings();
    s.pacing = {3, 10000, 5};
    m_s->muc.setSettings(s);
    QList<MucJoinRequest> requests;
    for (int i = 1; i <= 8; ++i)
        requests.append({MucScript::room(i), u"coach"_s});
    m_s->muc.joinRooms(requests);
    Element p1 = m_s->next(), p2 = m_s->next(), p3 = m_s->next();
    m_s->selfPresence(MucScript::room(1), u"coach"_s, {110}, u"none"_s, u"participant"_s);
    const Element p4 = m_s->next(); // room 1 done: room 4 goes out
    // ejabberd's max_user_conferences: the limit is reached.
    m_s->errorPresence(p2, "wait", "resource-constraint", "You have joined too many conferences");
    QVERIFY2(m_s->server().staysSilent(100), qPrintable(m_s->failure())); // nothing new after a limit
    QVERIFY(m_s->limits.isEmpty()); // not before the joins in flight answer
    m_s->errorPresence(p4, "wait", "resource-constraint", "You have joined too many conferences");
    QTest::qWait(20);
    QVERIFY(m_s->limits.isEmpty());
    // The last one in flight got in after all (the limit counts rooms, not requests).
    m_s->selfPresence(MucScript::room(3), u"coach"_s, {110}, u"none"_s, u"participant"_s);
    QTRY_COMPARE(m_s->limits.size(), 1);
    const auto &[refused, notAttempted, error] = m_s->limits.first();
    QCOMPARE(refused, (QList<Jid>{MucScript::room(2), MucScript::room(4)}));
    QCOMPARE(notAttempted, (QList<Jid>{MucScript::room(5), MucScript::room(6), MucScript::room(7),
                                       MucScript::room(8)}));
    QCOMPARE(error.code, MucError::Code::ServerLimit);
    QCOMPARE(error.text, u"You have joined too many conferences"_s);
    // Every room is reported exactly once, joined or failed.
    QCOMPARE(m_s->joined.size(), 2);
    QCOMPARE(m_s->failed.size(), 6);
    QSet<QString> failedRooms;
    for (const auto &f : m_s->failed) {
        failedRooms.insert(f.first.toString());
        QCOMPARE(f.second.code, MucError::Code::ServerLimit);
    }
    QCOMPARE(failedRooms.size(), 6);
    QVERIFY2(m_s->server().staysSilent(300), qPrintable(m_s->failure()));
    QCOMPARE(m_s->muc.stats().joinPresencesSent, 4);
    QCOMPARE(m_s->muc.joinedRooms(), (QList<Jid>{MucScript::room(1), MucScript::room(3)}));
    QCOMPARE(m_s->muc.queuedJoins(), 0);
}

void tst_MucPacing::limitReportSurvivesCallsFromHandlers()
{
    // A handler that asks for more joins while the limit is being reported (as a
    // simulator moving to its next phase does) must not split or repeat the report.
    MucManager::Settings s = m_s->muc.settings();
    s.pacing = {2, 10000, 5};
    m_s->muc.setSettings(s);
    QObject::connect(&m_s->muc, &MucManager::roomJoinFailed, &m_s->muc,
                     [this] { m_s->muc.joinRooms({}); });
    QList<MucJoinRequest> requests;
    for (int i = 1; i <= 6; ++i)
        requests.append({MucScript::room(i), u"coach"_s});
    m_s->muc.joinRooms(requests);
    const Element p1 = m_s->next();
    m_s->next();
    m_s->errorPresence(p1, "wait", "resource-constraint", "You have joined too many conferences");
    m_s->selfPresence(MucScript::room(2), u"coach"_s, {110}, u"none"_s, u"participant"_s);
    QTRY_COMPARE(m_s->limits.size(), 1);
    QTest::qWait(20);
    QCOMPARE(m_s->limits.size(), 1);
    QCOMPARE(std::get<0>(m_s->limits.first()), QList<Jid>{MucScript::room(1)});
    QCOMPARE(std::get<1>(m_s->limits.first()).size(), 4);
    QCOMPARE(m_s->failed.size(), 5);
}

void tst_MucPacing::explicitJoinAfterLimitTriesAgain()
{
    MucManager::Settings s = m_s->muc.settings();
    s.pacing = {1, 10000, 5};
    m_s->muc.setSettings(s);
    m_s->muc.joinRooms({{MucScript::room(1), u"coach"_s}, {MucScript::room(2), u"coach"_s}});
    m_s->errorPresence(m_s->next(), "wait", "resource-constraint", "You have joined too many conferences");
    QTRY_COMPARE(m_s->limits.size(), 1);
    QVERIFY2(m_s->server().staysSilent(50), qPrintable(m_s->failure()));
    // The operator left a room elsewhere and asks again.
    auto task = m_s->muc.join({MucScript::room(2), u"coach"_s});
    QCOMPARE(m_s->next().attribute(u"to"), u"room2@conference.localhost/coach"_s);
    m_s->selfPresence(MucScript::room(2), u"coach"_s, {110}, u"none"_s, u"participant"_s);
    QTRY_VERIFY(task.isFinished());
    QVERIFY(task.result().ok());
}

void tst_MucPacing::freshSessionRejoinsInOrder()
{
    QVERIFY(m_s->joinRoom(MucScript::room(1), u"coach"_s, {u"anna"_s}));
    QVERIFY(m_s->joinRoom(MucScript::room(2), u"coach_2"_s, {}));
    QVERIFY(m_s->joinRoom(MucScript::room(3), u"coach"_s, {}));
    QCOMPARE(m_s->joined.size(), 3);
    // The connection drops and the server refuses resumption: a fresh session.
    QVERIFY(m_s->reconnectFresh());
    QTRY_COMPARE(m_s->rejoining.size(), 3);
    QStringList order;
    for (int i = 0; i < 3; ++i)
        order.append(m_s->next().attribute(u"to"));
    QCOMPARE(order, (QStringList{u"room1@conference.localhost/coach"_s,
                                 u"room2@conference.localhost/coach_2"_s,
                                 u"room3@conference.localhost/coach"_s}));
    QVERIFY(m_s->muc.occupants(MucScript::room(1)).isEmpty()); // refilled by the rejoin
    m_s->occupant(MucScript::room(1), u"anna"_s, u"none"_s, u"participant"_s);
    m_s->selfPresence(MucScript::room(1), u"coach"_s, {110}, u"owner"_s, u"moderator"_s);
    QTRY_COMPARE(m_s->joined.size(), 4);
    QCOMPARE(m_s->muc.occupants(MucScript::room(1)).size(), 2);
}

void tst_MucPacing::resumedSessionSendsNothing()
{
    QVERIFY(m_s->joinRoom(MucScript::room(1), u"coach"_s, {u"anna"_s}));
    m_s->muc.onDisconnected();
    m_s->muc.onSessionStarted(true);
    QVERIFY2(m_s->server().staysSilent(200), qPrintable(m_s->failure()));
    QCOMPARE(m_s->muc.roomState(MucScript::room(1)), MucManager::RoomState::Joined);
    QCOMPARE(m_s->muc.occupants(MucScript::room(1)).size(), 2);
    QVERIFY(m_s->rejoining.isEmpty());
}

void tst_MucPacing::strayPresencesAreIgnored()
{
    // Presences from rooms we never joined, a room's own bare JID (ejabberd sends its
    // caps that way) and subscription requests do not create rooms or occupants.
    const Jid room = MucScript::room(1);
    QVERIFY(m_s->joinRoom(room, u"coach"_s, {}));
    m_s->inject("<presence from='room1@conference.localhost'><c xmlns='http://jabber.org/protocol/caps' "
                "hash='sha-1' node='n' ver='v'/></presence>");
    m_s->inject("<presence from='other@conference.localhost/x'><x xmlns='http://jabber.org/protocol/muc#user'>"
                "<item affiliation='none' role='participant'/><status code='110'/></x></presence>");
    m_s->inject("<presence type='subscribe' from='room1@conference.localhost/x'/>");
    m_s->inject("<presence from='friend@localhost/pc'/>");
    QTRY_COMPARE(m_s->unhandled().size(), 2); // the subscription and the friend
    QCOMPARE(m_s->muc.rooms(), QList<Jid>{room});
    QCOMPARE(m_s->muc.occupants(room).size(), 1);
    QVERIFY(m_s->occupantEvents.isEmpty());
}

QTEST_GUILESS_MAIN(tst_MucPacing)
#include "tst_mucpacing.moc"
