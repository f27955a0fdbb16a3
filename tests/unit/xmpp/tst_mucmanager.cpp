// MucManager against a scripted server: joins (self-presence, status codes, nick
// conflicts, typed errors, creation), occupants (updates, nick changes, kicks, bans),
// leaving. The paced joining of many rooms and session events are in tst_mucpacing.cpp;
// messages, moderation, configuration, invitations and self-ping in tst_mucrequests.cpp.
#include "MucScript.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::xmpp;
using chorus::test::MucScript;

class tst_MucManager : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void joinSendsOnlyWhatIsNeeded();
    void joinCollectsOccupants();
    void occupantIdsOnlyWhereTheRoomAssignsThem();
    void createdRoomIsUnlockedBeforeJoinCounts();
    void serviceAssignedNick();
    void nickConflictIsResolvedBounded();
    void nickConflictNotResolvedWhenExplicit();
    void joinErrors_data();
    void joinErrors();
    void joinTimeoutThenLateAnswer();
    void occupantUpdates();
    void occupantKickedAndBanned();
    void bannedOccupantLetInIsRemoved();
    void weAreRemoved_data();
    void weAreRemoved();
    void technicalRemovalRejoinsOnce();
    void changeNick();
    void changeNickConflict();
    void leave();
    void leaveWhileQueued();

private:
    std::unique_ptr<MucScript> m_s;
};

void tst_MucManager::init()
{
    m_s = std::make_unique<MucScript>();
    QVERIFY2(m_s->login(), qPrintable(m_s->failure()));
}

void tst_MucManager::cleanup()
{
    m_s.reset();
}

void tst_MucManager::joinSendsOnlyWhatIsNeeded()
{
    m_s->muc.joinRooms({{MucScript::room(1), u"coach"_s}});
    const Element p = m_s->next();
    QCOMPARE(p.name(), u"presence"_s);
    QCOMPARE(p.attribute(u"to"), u"room1@conference.localhost/coach"_s);
    QVERIFY(p.attribute(u"type").isEmpty());
    const Element x = p.child(u"x", ns::Muc);
    QVERIFY(!x.isNull());
    QCOMPARE(x.child(u"history", ns::Muc).attribute(u"maxstanzas"), u"0"_s);
    // No caps, no disco, no member list: nothing the join can do without.
    QCOMPARE(p.children().size(), 1);
    QVERIFY2(m_s->server().staysSilent(100), qPrintable(m_s->failure()));
    QCOMPARE(m_s->muc.roomState(MucScript::room(1)), MucManager::RoomState::Joining);
}

void tst_MucManager::joinCollectsOccupants()
{
    const Jid room = MucScript::room(1);
    m_s->muc.joinRooms({{room, u"coach"_s}});
    m_s->next();
    m_s->occupant(room, u"anna"_s, u"member"_s, u"participant"_s, u"anna@localhost/phone"_s);
    m_s->occupant(room, u"bo"_s, u"none"_s, u"visitor"_s, {}, "<show>away</show><status>on a hike</status>");
    QVERIFY(m_s->joined.isEmpty()); // not before our own presence
    QVERIFY(m_s->occupantEvents.isEmpty()); // the initial list is no stream of joins
    m_s->selfPresence(room, u"coach"_s, {110, 100}, u"owner"_s, u"moderator"_s);
    QTRY_COMPARE(m_s->joined.size(), 1);
    const MucJoined j = m_s->joined.first();
    QCOMPARE(j.room, room);
    QCOMPARE(j.nick, u"coach"_s);
    QVERIFY(!j.created);
    QVERIFY(j.nonAnonymous);
    QCOMPARE(m_s->muc.roomState(room), MucManager::RoomState::Joined);
    QCOMPARE(m_s->muc.occupants(room).size(), 3);
    const auto anna = m_s->muc.occupant(room, u"anna"_s);
    QVERIFY(anna);
    QVERIFY(anna->affiliation == MucAffiliation::Member);
    QVERIFY(anna->role == MucRole::Participant);
    QCOMPARE(anna->realJid.toString(), u"anna@localhost/phone"_s);
    const auto bo = m_s->muc.occupant(room, u"bo"_s);
    QVERIFY(bo->role == MucRole::Visitor);
    QCOMPARE(bo->show, u"away"_s);
    QCOMPARE(bo->status, u"on a hike"_s);
    QVERIFY(!bo->realJid.isValid());
    const auto self = m_s->muc.self(room);
    QVERIFY(self && self->isSelf);
    QVERIFY(self->affiliation == MucAffiliation::Owner);
    QVERIFY(m_s->occupantEvents.isEmpty());
    QVERIFY2(m_s->server().staysSilent(50), qPrintable(m_s->failure())); // nothing asked after the join either
}

void tst_MucManager::occupantIdsOnlyWhereTheRoomAssignsThem()
{
    // Room 1 assigns occupant-ids (ours carries one): they are kept.
    const Jid r1 = MucScript::room(1);
    m_s->muc.joinRooms({{r1, u"coach"_s}});
    m_s->next();
    m_s->occupant(r1, u"anna"_s, u"none"_s, u"participant"_s, {},
                  "<occupant-id xmlns='urn:xmpp:occupant-id:0' id='occ-anna'/>");
    m_s->selfPresence(r1, u"coach"_s, {110}, u"owner"_s, u"moderator"_s,
                      "<occupant-id xmlns='urn:xmpp:occupant-id:0' id='occ-coach'/>");
    QTRY_COMPARE(m_s->joined.size(), 1);
    QCOMPARE(m_s->muc.occupant(r1, u"anna"_s)->occupantId, u"occ-anna"_s);
    QCOMPARE(m_s->muc.self(r1)->occupantId, u"occ-coach"_s);

    // Room 2 does not (ours has none): an occupant's self-made id is a forgery.
    const Jid r2 = MucScript::room(2);
    m_s->muc.joinRooms({{r2, u"coach"_s}});
    m_s->next();
    m_s->occupant(r2, u"mallory"_s, u"none"_s, u"participant"_s, {},
                  "<occupant-id xmlns='urn:xmpp:occupant-id:0' id='occ-anna'/>");
    m_s->selfPresence(r2, u"coach"_s, {110}, u"owner"_s, u"moderator"_s);
    QTRY_COMPARE(m_s->joined.size(), 2);
    QVERIFY(m_s->muc.occupant(r2, u"mallory"_s)->occupantId.isEmpty());
    m_s->occupant(r2, u"eve"_s, u"none"_s, u"participant"_s, {},
                  "<occupant-id xmlns='urn:xmpp:occupant-id:0' id='occ-coach'/>");
    QTRY_COMPARE(m_s->occupantEvents.size(), 1);
    QVERIFY(m_s->muc.occupant(r2, u"eve"_s)->occupantId.isEmpty());
}

void tst_MucManager::createdRoomIsUnlockedBeforeJoinCounts()
{
    const Jid room = MucScript::room(1);
    m_s->muc.joinRooms({{room, u"coach"_s}});
    m_s->next();
    m_s->selfPresence(room, u"coach"_s, {110, 201}, u"owner"_s, u"moderator"_s);
    // XEP-0045 §10.1.2: an instant room — an empty submitted form.
    const Element iq = m_s->next();
    QCOMPARE(iq.attribute(u"type"), u"set"_s);
    QCOMPARE(iq.attribute(u"to"), room.toString());
    const Element x = iq.child(u"query", ns::MucOwner).child(u"x", ns::DataForms);
    QCOMPARE(x.attribute(u"type"), u"submit"_s);
    QVERIFY(x.children().isEmpty());
    QTest::qWait(20);
    QVERIFY(m_s->joined.isEmpty()); // the room is still locked
    m_s->result(iq);
    QTRY_COMPARE(m_s->joined.size(), 1);
    QVERIFY(m_s->joined.first().created);
}

void tst_MucManager::serviceAssignedNick()
{
    const Jid room = MucScript::room(1);
    m_s->muc.joinRooms({{room, u"Coach"_s}});
    m_s->next();
    m_s->selfPresence(room, u"coach-registered"_s, {110, 210}, u"member"_s, u"participant"_s);
    QTRY_COMPARE(m_s->joined.size(), 1);
    QVERIFY(m_s->joined.first().nickAssigned);
    QCOMPARE(m_s->muc.nick(room), u"coach-registered"_s);
    QCOMPARE(m_s->muc.self(room)->nick, u"coach-registered"_s);
}

void tst_MucManager::nickConflictIsResolvedBounded()
{
    const Jid room = MucScript::room(1);
    m_s->muc.joinRooms({{room, u"coach"_s}});
    QStringList tried;
    for (int i = 0; i < 4; ++i) {
        const Element p = m_s->next();
        tried.append(Jid::fromString(p.attribute(u"to")).resource());
        m_s->errorPresence(p, "cancel", "conflict", "That nickname is already in use");
    }
    QCOMPARE(tried, (QStringList{u"coach"_s, u"coach_2"_s, u"coach_3"_s, u"coach_4"_s}));
    QTRY_COMPARE(m_s->failed.size(), 1);
    QCOMPARE(m_s->failed.first().second.code, MucError::Code::NickConflict);
    QCOMPARE(m_s->failed.first().second.text, u"That nickname is already in use"_s);
    QVERIFY2(m_s->server().staysSilent(100), qPrintable(m_s->failure()));
    QCOMPARE(m_s->muc.stats().joinPresencesSent, 4);
    QCOMPARE(m_s->muc.roomState(room), MucManager::RoomState::NotJoined);

    // A later success under a suffixed nick.
    const Jid room2 = MucScript::room(2);
    m_s->muc.joinRooms({{room2, u"coach"_s}});
    m_s->errorPresence(m_s->next(), "cancel", "conflict");
    QCOMPARE(Jid::fromString(m_s->next().attribute(u"to")).resource(), u"coach_2"_s);
    m_s->selfPresence(room2, u"coach_2"_s, {110}, u"none"_s, u"participant"_s);
    QTRY_COMPARE(m_s->joined.size(), 1);
    QCOMPARE(m_s->joined.first().nick, u"coach_2"_s);
}

void tst_MucManager::nickConflictNotResolvedWhenExplicit()
{
    const Jid room = MucScript::room(1);
    m_s->muc.joinRooms({{room, u"coach"_s, {}, false}});
    m_s->errorPresence(m_s->next(), "cancel", "conflict");
    QTRY_COMPARE(m_s->failed.size(), 1);
    QCOMPARE(m_s->failed.first().second.code, MucError::Code::NickConflict);
    QVERIFY2(m_s->server().staysSilent(50), qPrintable(m_s->failure()));
}

void tst_MucManager::joinErrors_data()
{
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("condition");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<MucError::Code>("code");
    QTest::newRow("members-only") << "auth"_ba << "registration-required"_ba
                                  << "Membership is required to enter this room"_ba
                                  << MucError::Code::RegistrationRequired;
    QTest::newRow("banned") << "auth"_ba << "forbidden"_ba << "You have been banned"_ba
                            << MucError::Code::Banned;
    QTest::newRow("full (XEP-0045)") << "wait"_ba << "service-unavailable"_ba << ""_ba
                                     << MucError::Code::RoomFull;
    QTest::newRow("full (ejabberd)") << "wait"_ba << "resource-constraint"_ba
                                     << "Too many users in this conference"_ba
                                     << MucError::Code::RoomFull;
    QTest::newRow("too many rooms (ejabberd)") << "wait"_ba << "resource-constraint"_ba
                                               << "You have joined too many conferences"_ba
                                               << MucError::Code::ServerLimit;
    QTest::newRow("policy") << "modify"_ba << "policy-violation"_ba << "Slow down"_ba
                            << MucError::Code::ServerLimit;
    QTest::newRow("creation restricted") << "cancel"_ba << "not-allowed"_ba
                                         << "Room creation is denied by service policy"_ba
                                         << MucError::Code::NotAllowed;
    QTest::newRow("locked or missing") << "cancel"_ba << "item-not-found"_ba << ""_ba
                                       << MucError::Code::NotFound;
    QTest::newRow("password") << "auth"_ba << "not-authorized"_ba << ""_ba
                              << MucError::Code::PasswordRequired;
    QTest::newRow("reserved nick") << "cancel"_ba << "not-acceptable"_ba << ""_ba
                                   << MucError::Code::NickNotAcceptable;
    QTest::newRow("unknown") << "cancel"_ba << "undefined-condition"_ba << "odd"_ba
                             << MucError::Code::Remote;
}

void tst_MucManager::joinErrors()
{
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, condition);
    QFETCH(QByteArray, text);
    QFETCH(MucError::Code, code);
    const Jid room = MucScript::room(1);
    auto task = m_s->muc.join({room, u"coach"_s});
    m_s->errorPresence(m_s->next(), type, condition, text);
    QTRY_VERIFY(task.isFinished());
    QVERIFY(!task.result().ok());
    const MucError e = task.result().error();
    QCOMPARE(e.code, code);
    QCOMPARE(e.condition, QString::fromLatin1(condition));
    QCOMPARE(e.text, QString::fromUtf8(text));
    if (!text.isEmpty())
        QVERIFY(e.message().contains(QString::fromUtf8(text))); // the server's words reach the operator
    QCOMPARE(m_s->failed.size(), 1);
    QCOMPARE(m_s->muc.roomState(room), MucManager::RoomState::NotJoined);
    QVERIFY(m_s->muc.rooms().isEmpty());
}

void tst_MucManager::joinTimeoutThenLateAnswer()
{
    MucManager::Settings s = m_s->muc.settings();
    s.joinTimeoutMs = 150;
    m_s->muc.setSettings(s);
    const Jid room = MucScript::room(1);
    m_s->muc.joinRooms({{room, u"coach"_s}, {MucScript::room(2), u"coach"_s}});
    m_s->next();
    m_s->next();
    QTRY_COMPARE(m_s->failed.size(), 2);
    QCOMPARE(m_s->failed.first().second.code, MucError::Code::Timeout);
    QCOMPARE(m_s->muc.joinsInFlight(), 0); // the slots are free again
    QVERIFY2(m_s->server().staysSilent(200), qPrintable(m_s->failure())); // and nothing was retried
    // The room answers late after all: we are in.
    m_s->selfPresence(room, u"coach"_s, {110}, u"member"_s, u"participant"_s);
    QTRY_COMPARE(m_s->joined.size(), 1);
    QCOMPARE(m_s->muc.roomState(room), MucManager::RoomState::Joined);
    QCOMPARE(m_s->failed.size(), 2);
}

void tst_MucManager::occupantUpdates()
{
    const Jid room = MucScript::room(1);
    QVERIFY(m_s->joinRoom(room, u"coach"_s, {u"anna"_s}));
    m_s->occupant(room, u"chen"_s, u"none"_s, u"participant"_s, u"chen@localhost/pc"_s);
    QTRY_COMPARE(m_s->occupantEvents.size(), 1);
    QCOMPARE(m_s->occupantEvents.last(), u"joined chen"_s);
    m_s->occupant(room, u"chen"_s, u"none"_s, u"participant"_s, u"chen@localhost/pc"_s, "<show>dnd</show>");
    QTRY_COMPARE(m_s->occupantEvents.size(), 2);
    QCOMPARE(m_s->occupantEvents.last(), u"changed chen"_s);
    QCOMPARE(m_s->muc.occupant(room, u"chen"_s)->show, u"dnd"_s);
    // The same presence again is no change.
    m_s->occupant(room, u"chen"_s, u"none"_s, u"participant"_s, u"chen@localhost/pc"_s, "<show>dnd</show>");
    // Voice taken: role visitor.
    m_s->occupant(room, u"anna"_s, u"none"_s, u"visitor"_s);
    QTRY_COMPARE(m_s->occupantEvents.size(), 3);
    QCOMPARE(m_s->occupantEvents.last(), u"changed anna"_s);
    QVERIFY(m_s->muc.occupant(room, u"anna"_s)->role == MucRole::Visitor);
    // Nick change: 303 then the new nick.
    m_s->inject("<presence type='unavailable' from='room1@conference.localhost/chen'>"
                "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' "
                "role='participant' nick='chen2'/><status code='303'/></x></presence>");
    m_s->occupant(room, u"chen2"_s, u"none"_s, u"participant"_s, u"chen@localhost/pc"_s, "<show>dnd</show>");
    QTRY_COMPARE(m_s->occupantEvents.size(), 4);
    QCOMPARE(m_s->occupantEvents.last(), u"renamed chen -> chen2"_s);
    QVERIFY(!m_s->muc.occupant(room, u"chen"_s));
    QCOMPARE(m_s->muc.occupant(room, u"chen2"_s)->realJid.bare().toString(), u"chen@localhost"_s);
    // Leaving.
    m_s->inject("<presence type='unavailable' from='room1@conference.localhost/chen2'>"
                "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='none'/>"
                "</x><status>bye</status></presence>");
    QTRY_COMPARE(m_s->occupantEvents.size(), 5);
    QCOMPARE(m_s->occupantEvents.last(), u"left chen2 Left"_s);
    QCOMPARE(m_s->muc.occupants(room).size(), 2);
}

void tst_MucManager::occupantKickedAndBanned()
{
    const Jid room = MucScript::room(1);
    QVERIFY(m_s->joinRoom(room, u"coach"_s, {u"anna"_s, u"bo"_s}));
    m_s->inject("<presence type='unavailable' from='room1@conference.localhost/anna'>"
                "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='none'>"
                "<actor nick='coach'/><reason>spam</reason></item><status code='307'/></x></presence>");
    QTRY_COMPARE(m_s->leaves.size(), 1);
    QCOMPARE(m_s->leaves.last().kind, MucLeave::Kind::Kicked);
    QCOMPARE(m_s->leaves.last().reason, u"spam"_s);
    QCOMPARE(m_s->leaves.last().actor, u"coach"_s);
    m_s->inject("<presence type='unavailable' from='room1@conference.localhost/bo'>"
                "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='outcast' role='none'>"
                "<reason>abuse</reason></item><status code='301'/></x></presence>");
    QTRY_COMPARE(m_s->leaves.size(), 2);
    QCOMPARE(m_s->leaves.last().kind, MucLeave::Kind::Banned);
    QCOMPARE(m_s->occupantEvents.last(), u"left bo Banned"_s);
    QCOMPARE(m_s->muc.occupants(room).size(), 1);
    QCOMPARE(m_s->muc.roomState(room), MucManager::RoomState::Joined); // not us
}

void tst_MucManager::bannedOccupantLetInIsRemoved()
{
    // ejabberd 23.01 can let an outcast back in (a role kept from before the ban): as a
    // moderator we put them out; as an ordinary member we can only watch.
    const Jid room = MucScript::room(1);
    QVERIFY(m_s->joinRoom(room, u"coach"_s, {}));
    m_s->occupant(room, u"mallory"_s, u"outcast"_s, u"participant"_s);
    const Element iq = m_s->next();
    QCOMPARE(iq.attribute(u"type"), u"set"_s);
    const Element item = iq.child(u"query", ns::MucAdmin).child(u"item", ns::MucAdmin);
    QCOMPARE(item.attribute(u"nick"), u"mallory"_s);
    QCOMPARE(item.attribute(u"role"), u"none"_s);
    QCOMPARE(m_s->muc.stats().bansEnforced, 1);

    const Jid room2 = MucScript::room(2);
    m_s->muc.joinRooms({{room2, u"coach"_s}});
    m_s->next();
    m_s->selfPresence(room2, u"coach"_s, {110}, u"member"_s, u"participant"_s);
    QTRY_COMPARE(m_s->joined.size(), 2);
    m_s->occupant(room2, u"mallory"_s, u"outcast"_s, u"participant"_s);
    QVERIFY2(m_s->server().staysSilent(100), qPrintable(m_s->failure()));
}

void tst_MucManager::weAreRemoved_data()
{
    QTest::addColumn<QByteArray>("x");
    QTest::addColumn<MucLeave::Kind>("kind");
    QTest::addColumn<QString>("reason");
    QTest::newRow("kicked") << "<item affiliation='none' role='none'><actor nick='boss'/><reason>off-topic</reason></item><status code='307'/>"_ba
                            << MucLeave::Kind::Kicked << u"off-topic"_s;
    QTest::newRow("banned") << "<item affiliation='outcast' role='none'/><status code='301'/>"_ba
                            << MucLeave::Kind::Banned << QString();
    QTest::newRow("affiliation changed") << "<item affiliation='none' role='none'/><status code='321'/>"_ba
                                         << MucLeave::Kind::AffiliationChanged << QString();
    QTest::newRow("members-only now") << "<item affiliation='none' role='none'/><status code='322'/>"_ba
                                      << MucLeave::Kind::MembersOnly << QString();
    QTest::newRow("shutdown") << "<item affiliation='none' role='none'/><status code='332'/>"_ba
                              << MucLeave::Kind::Shutdown << QString();
    QTest::newRow("destroyed") << "<item affiliation='none' role='none'/><destroy jid='new@conference.localhost'><reason>moved</reason></destroy>"_ba
                               << MucLeave::Kind::Destroyed << u"moved"_s;
}

void tst_MucManager::weAreRemoved()
{
    QFETCH(QByteArray, x);
    QFETCH(MucLeave::Kind, kind);
    QFETCH(QString, reason);
    const Jid room = MucScript::room(1);
    QVERIFY(m_s->joinRoom(room, u"coach"_s, {u"anna"_s}));
    m_s->inject("<presence type='unavailable' from='room1@conference.localhost/coach'>"
                "<x xmlns='http://jabber.org/protocol/muc#user'>" + x + "<status code='110'/></x></presence>");
    QTRY_COMPARE(m_s->roomsLeft.size(), 1);
    QCOMPARE(m_s->roomsLeft.first().first, room);
    const MucLeave why = m_s->roomsLeft.first().second;
    QCOMPARE(why.kind, kind);
    QCOMPARE(why.reason, reason);
    if (kind == MucLeave::Kind::Destroyed)
        QCOMPARE(why.alternateVenue.toString(), u"new@conference.localhost"_s);
    QCOMPARE(m_s->muc.roomState(room), MucManager::RoomState::NotJoined);
    QVERIFY(m_s->muc.occupants(room).isEmpty());
    QVERIFY2(m_s->server().staysSilent(100), qPrintable(m_s->failure())); // no rejoin on our own
}

void tst_MucManager::technicalRemovalRejoinsOnce()
{
    const Jid room = MucScript::room(1);
    QVERIFY(m_s->joinRoom(room, u"coach"_s, {}));
    const QByteArray removed = "<presence type='unavailable' from='room1@conference.localhost/coach'>"
                               "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' "
                               "role='none'/><status code='110'/><status code='333'/></x></presence>";
    m_s->inject(removed);
    QTRY_COMPARE(m_s->rejoining.size(), 1);
    const Element p = m_s->next();
    QCOMPARE(p.attribute(u"to"), u"room1@conference.localhost/coach"_s);
    m_s->selfPresence(room, u"coach"_s, {110}, u"owner"_s, u"moderator"_s);
    QTRY_COMPARE(m_s->joined.size(), 2);
    // Removed again at once: no loop, the operator is told.
    m_s->inject(removed);
    QTRY_COMPARE(m_s->roomsLeft.size(), 1);
    QCOMPARE(m_s->roomsLeft.first().second.kind, MucLeave::Kind::Error);
    QVERIFY2(m_s->server().staysSilent(100), qPrintable(m_s->failure()));
    QCOMPARE(m_s->muc.stats().automaticRejoins, 1);
}

void tst_MucManager::changeNick()
{
    const Jid room = MucScript::room(1);
    QVERIFY(m_s->joinRoom(room, u"coach"_s, {u"anna"_s}));
    auto task = m_s->muc.changeNick(room, u"Coach Li"_s);
    const Element p = m_s->next();
    QCOMPARE(p.attribute(u"to"), u"room1@conference.localhost/Coach Li"_s);
    QVERIFY(!p.hasChild(u"x", ns::Muc)); // a nick change is not a join
    m_s->inject("<presence type='unavailable' from='room1@conference.localhost/coach'>"
                "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='owner' "
                "role='moderator' nick='Coach Li'/><status code='303'/><status code='110'/></x></presence>");
    m_s->selfPresence(room, u"Coach Li"_s, {110}, u"owner"_s, u"moderator"_s);
    QTRY_VERIFY(task.isFinished());
    QVERIFY(task.result().ok());
    QCOMPARE(m_s->muc.nick(room), u"Coach Li"_s);
    QCOMPARE(m_s->muc.self(room)->nick, u"Coach Li"_s);
    QVERIFY(!m_s->muc.occupant(room, u"coach"_s));
    QVERIFY(m_s->roomsLeft.isEmpty());
}

void tst_MucManager::changeNickConflict()
{
    const Jid room = MucScript::room(1);
    QVERIFY(m_s->joinRoom(room, u"coach"_s, {u"anna"_s}));
    auto task = m_s->muc.changeNick(room, u"anna"_s);
    m_s->errorPresence(m_s->next(), "cancel", "conflict");
    QTRY_VERIFY(task.isFinished());
    QCOMPARE(task.result().error().code, MucError::Code::NickConflict);
    QCOMPARE(m_s->muc.nick(room), u"coach"_s);
    QCOMPARE(m_s->muc.roomState(room), MucManager::RoomState::Joined);
}

void tst_MucManager::leave()
{
    const Jid room = MucScript::room(1);
    QVERIFY(m_s->joinRoom(room, u"coach"_s, {u"anna"_s}));
    auto task = m_s->muc.leave(room, u"see you"_s);
    const Element p = m_s->next();
    QCOMPARE(p.attribute(u"type"), u"unavailable"_s);
    QCOMPARE(p.attribute(u"to"), u"room1@conference.localhost/coach"_s);
    QCOMPARE(p.childText(u"status", ns::Client), u"see you"_s);
    QCOMPARE(m_s->muc.roomState(room), MucManager::RoomState::Leaving);
    m_s->inject("<presence type='unavailable' from='room1@conference.localhost/coach'>"
                "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='owner' role='none'/>"
                "<status code='110'/></x></presence>");
    QTRY_VERIFY(task.isFinished());
    QVERIFY(task.result().ok());
    QCOMPARE(m_s->roomsLeft.size(), 1);
    QCOMPARE(m_s->roomsLeft.first().second.kind, MucLeave::Kind::Left);
    QCOMPARE(m_s->muc.roomState(room), MucManager::RoomState::NotJoined);
    // A late occupant presence from the room we left is dropped quietly.
    m_s->occupant(room, u"anna"_s, u"none"_s, u"participant"_s);
    QTest::qWait(20);
    QVERIFY(m_s->occupantEvents.isEmpty());
    QVERIFY(m_s->unhandled().isEmpty());
}

void tst_MucManager::leaveWhileQueued()
{
    MucManager::Settings s = m_s->muc.settings();
    s.pacing.maxInFlight = 1;
    m_s->muc.setSettings(s);
    auto join = m_s->muc.join({MucScript::room(1), u"coach"_s});
    m_s->muc.joinRooms({{MucScript::room(2), u"coach"_s}});
    m_s->next();
    auto task = m_s->muc.leave(MucScript::room(2));
    QVERIFY(task.isFinished());
    QVERIFY(task.result().ok());
    m_s->selfPresence(MucScript::room(1), u"coach"_s, {110}, u"none"_s, u"participant"_s);
    QTRY_VERIFY(join.isFinished());
    QVERIFY2(m_s->server().staysSilent(100), qPrintable(m_s->failure())); // room 2 was never joined
}

QTEST_GUILESS_MAIN(tst_MucManager)
#include "tst_mucmanager.moc"
