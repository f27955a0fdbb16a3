// MucManager against a scripted server, beyond joining: room messages and subjects,
// private messages through the room, invitations (mediated, XEP-0249, and a forged
// one), moderation and affiliation lists with their refusals, configuration through
// the room's data form, creating a configured room in one step, and XEP-0410
// self-pings that find out the room dropped us.
#include "MucScript.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::xmpp;
using chorus::test::MucScript;

namespace {

QByteArray prosodyForm()
{
    QFile f(qEnvironmentVariable("CHORUS_TEST_DATA") + u"/xmpp/prosody-roomconfig-form.xml"_s);
    return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed() : QByteArray();
}

QByteArray ownerQuery(const QByteArray &inner)
{
    return "<query xmlns='http://jabber.org/protocol/muc#owner'>" + inner + "</query>";
}

} // namespace

class tst_MucRequests : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void subjectAndMessages();
    void ownMessageIsRecognised();
    void archiveResultsAreNotClaimed();
    void sendMessage();
    void privateMessages();
    void messageBounced();
    void invitations();
    void receivedInvitations();
    void forgedMediatedInvitationIsIgnored();
    void moderation();
    void moderationRefused_data();
    void moderationRefused();
    void affiliationLists();
    void configure();
    void configureRefused();
    void createConfiguredInOneStep();
    void createWhenTheRoomExisted();
    void destroy();
    void configChangeAnnounced();
    void selfPingKeepsAJoinedRoom_data();
    void selfPingKeepsAJoinedRoom();
    void selfPingRejoinsWhenDropped();
    void selfPingOnlyWhenIdle();

private:
    std::unique_ptr<MucScript> m_s;
    Jid m_room;
};

void tst_MucRequests::init()
{
    m_s = std::make_unique<MucScript>();
    MucManager::Settings s = m_s->muc.settings();
    s.selfPingIdleMs = 0; // only the self-ping tests turn it on
    m_s->muc.setSettings(s);
    QVERIFY2(m_s->login(), qPrintable(m_s->failure()));
    m_room = MucScript::room(1);
    QVERIFY(m_s->joinRoom(m_room, u"coach"_s, {}));
    m_s->occupant(m_room, u"anna"_s, u"member"_s, u"participant"_s, u"anna@localhost/phone"_s);
    m_s->occupant(m_room, u"bo"_s, u"none"_s, u"participant"_s);
    QTRY_COMPARE(m_s->muc.occupants(m_room).size(), 3);
}

void tst_MucRequests::cleanup()
{
    m_s.reset();
}

void tst_MucRequests::subjectAndMessages()
{
    m_s->inject("<message type='groupchat' from='room1@conference.localhost/anna'>"
                "<subject>Yoga at 7</subject></message>");
    QTRY_COMPARE(m_s->subjects, QStringList{u"Yoga at 7"_s});
    QCOMPARE(m_s->muc.subject(m_room), u"Yoga at 7"_s);
    QVERIFY(m_s->messages.isEmpty());

    m_s->inject("<message type='groupchat' id='m1' from='room1@conference.localhost/anna'>"
                "<body>which plug do I need?</body>"
                "<delay xmlns='urn:xmpp:delay' stamp='2026-11-25T08:00:00.123Z' from='room1@conference.localhost'/>"
                "</message>");
    m_s->inject("<message type='groupchat' id='m2' from='room1@conference.localhost/bo'>"
                "<body>明天几点集合？</body><subject>ignored? no: body wins</subject></message>");
    m_s->inject("<message type='groupchat' from='room1@conference.localhost'><body>Room notice</body></message>");
    QTRY_COMPARE(m_s->messages.size(), 3);
    const MucMessage a = m_s->messages[0];
    QCOMPARE(a.room, m_room);
    QCOMPARE(a.nick, u"anna"_s);
    QCOMPARE(a.id, u"m1"_s);
    QCOMPARE(a.body, u"which plug do I need?"_s);
    QCOMPARE(a.realJid.bare().toString(), u"anna@localhost"_s);
    QCOMPARE(a.delay, QDateTime(QDate(2026, 11, 25), QTime(8, 0, 0, 123), Qt::UTC));
    QVERIFY(!a.outgoing);
    QVERIFY(!a.isPrivate);
    QCOMPARE(a.stanza.attribute(u"id"), u"m1"_s); // the raw stanza for the message features
    QCOMPARE(m_s->messages[1].body, u"明天几点集合？"_s);
    QVERIFY(!m_s->messages[1].realJid.isValid()); // the room hides bo's account
    QVERIFY(m_s->messages[2].nick.isEmpty());
    QCOMPARE(m_s->subjects.size(), 1);
}

void tst_MucRequests::ownMessageIsRecognised()
{
    m_s->inject("<message type='groupchat' id='x' from='room1@conference.localhost/coach'><body>hi</body></message>");
    QTRY_COMPARE(m_s->messages.size(), 1);
    QVERIFY(m_s->messages.first().outgoing);
}

void tst_MucRequests::archiveResultsAreNotClaimed()
{
    // MAM results come from the room too, but they are the history manager's.
    m_s->inject("<message from='room1@conference.localhost'><result xmlns='urn:xmpp:mam:2' queryid='q' id='s1'>"
                "<forwarded xmlns='urn:xmpp:forward:0'><message type='groupchat' from='room1@conference.localhost/anna'>"
                "<body>old</body></message></forwarded></result></message>");
    QTRY_COMPARE(m_s->unhandled().size(), 1);
    QVERIFY(m_s->messages.isEmpty());
}

void tst_MucRequests::sendMessage()
{
    const QString id = m_s->muc.sendMessage(m_room, u"+1 接龙"_s);
    QVERIFY(!id.isEmpty());
    const Element m = m_s->next();
    QCOMPARE(m.attribute(u"type"), u"groupchat"_s);
    QCOMPARE(m.attribute(u"to"), m_room.toString());
    QCOMPARE(m.attribute(u"id"), id);
    QCOMPARE(m.childText(u"body", ns::Client), u"+1 接龙"_s);
    QCOMPARE(m.child(u"origin-id", ns::StanzaId).attribute(u"id"), id);
    QVERIFY(m_s->muc.sendMessage(MucScript::room(9), u"x"_s).isEmpty()); // not joined
    QVERIFY(!m_s->muc.setSubject(m_room, u"Trip day"_s).isEmpty());
    QCOMPARE(m_s->next().childText(u"subject", ns::Client), u"Trip day"_s);
}

void tst_MucRequests::privateMessages()
{
    const QString id = m_s->muc.sendPrivateMessage(m_room, u"bo"_s, u"Your spa is booked"_s);
    QVERIFY(!id.isEmpty());
    const Element m = m_s->next();
    QCOMPARE(m.attribute(u"type"), u"chat"_s);
    QCOMPARE(m.attribute(u"to"), u"room1@conference.localhost/bo"_s);
    QVERIFY(m.hasChild(u"x", ns::MucUser));
    QCOMPARE(m.childText(u"body", ns::Client), u"Your spa is booked"_s);

    m_s->inject("<message type='chat' id='p1' from='room1@conference.localhost/bo'>"
                "<body>thanks!</body><x xmlns='http://jabber.org/protocol/muc#user'/></message>");
    QTRY_COMPARE(m_s->privateMessages.size(), 1);
    QCOMPARE(m_s->privateMessages.first().nick, u"bo"_s);
    QVERIFY(m_s->privateMessages.first().isPrivate);
    QCOMPARE(m_s->privateMessages.first().body, u"thanks!"_s);
    QVERIFY(m_s->messages.isEmpty());
}

void tst_MucRequests::messageBounced()
{
    const QString id = m_s->muc.sendMessage(m_room, u"hello"_s);
    m_s->next();
    m_s->inject("<message type='error' id='" + id.toUtf8() + "' from='room1@conference.localhost'>"
                + MucScript::errorXml("modify", "not-acceptable", "You are not currently connected to this chat")
                + "</message>");
    QTRY_COMPARE(m_s->messageFailures.size(), 1);
    QCOMPARE(m_s->messageFailures.first().first, id);
    QCOMPARE(m_s->messageFailures.first().second.code, MucError::Code::NotJoined);
}

void tst_MucRequests::invitations()
{
    const Jid chen = Jid::fromString(u"chen@localhost"_s);
    QVERIFY(!m_s->muc.invite(m_room, chen, u"join our Bali group"_s).isEmpty());
    const Element mediated = m_s->next();
    QCOMPARE(mediated.attribute(u"to"), m_room.toString());
    const Element invite = mediated.child(u"x", ns::MucUser).child(u"invite", ns::MucUser);
    QCOMPARE(invite.attribute(u"to"), u"chen@localhost"_s);
    QCOMPARE(invite.childText(u"reason", ns::MucUser), u"join our Bali group"_s);

    QVERIFY(!m_s->muc.inviteDirect(m_room, chen, u"come"_s, u"pw"_s).isEmpty());
    const Element direct = m_s->next();
    QCOMPARE(direct.attribute(u"to"), u"chen@localhost"_s);
    const Element x = direct.child(u"x", ns::DirectInvite);
    QCOMPARE(x.attribute(u"jid"), m_room.toString());
    QCOMPARE(x.attribute(u"reason"), u"come"_s);
    QCOMPARE(x.attribute(u"password"), u"pw"_s);
}

void tst_MucRequests::receivedInvitations()
{
    // As Prosody and ejabberd relay it: the mediated form plus a XEP-0249 element.
    m_s->inject("<message from='trip@conference.localhost'><x xmlns='http://jabber.org/protocol/muc#user'>"
                "<invite from='guide@localhost/pc'><reason>welcome</reason></invite>"
                "<password>pw</password></x><x xmlns='jabber:x:conference' jid='trip@conference.localhost'/>"
                "</message>");
    m_s->inject("<message from='guide@localhost/pc'><x xmlns='jabber:x:conference' "
                "jid='trip2@conference.localhost' reason='hi'/></message>");
    QTRY_COMPARE(m_s->invitations.size(), 2);
    const MucInvitation m = m_s->invitations[0];
    QVERIFY(!m.direct);
    QCOMPARE(m.room.toString(), u"trip@conference.localhost"_s);
    QCOMPARE(m.inviter.toString(), u"guide@localhost/pc"_s);
    QCOMPARE(m.reason, u"welcome"_s);
    QCOMPARE(m.password, u"pw"_s);
    const MucInvitation d = m_s->invitations[1];
    QVERIFY(d.direct);
    QCOMPARE(d.room.toString(), u"trip2@conference.localhost"_s);
    QCOMPARE(d.inviter.toString(), u"guide@localhost"_s);

    QVERIFY(m_s->muc.declineInvitation(m, u"busy"_s));
    const Element decline = m_s->next().child(u"x", ns::MucUser).child(u"decline", ns::MucUser);
    QCOMPARE(decline.attribute(u"to"), u"guide@localhost/pc"_s);
    QVERIFY(!m_s->muc.declineInvitation(d)); // XEP-0249 has no decline
}

void tst_MucRequests::forgedMediatedInvitationIsIgnored()
{
    // Only a room relays mediated invitations, from its bare JID; a user's full JID
    // cannot claim to invite on someone's behalf.
    m_s->inject("<message from='mallory@localhost/x'><x xmlns='http://jabber.org/protocol/muc#user'>"
                "<invite from='boss@localhost'><reason>urgent</reason></invite></x></message>");
    QTest::qWait(50);
    QVERIFY(m_s->invitations.isEmpty());
}

void tst_MucRequests::moderation()
{
    auto kick = m_s->muc.kick(m_room, u"bo"_s, u"spam"_s);
    Element iq = m_s->next();
    QCOMPARE(iq.attribute(u"type"), u"set"_s);
    QCOMPARE(iq.attribute(u"to"), m_room.toString());
    Element item = iq.child(u"query", ns::MucAdmin).child(u"item", ns::MucAdmin);
    QCOMPARE(item.attribute(u"nick"), u"bo"_s);
    QCOMPARE(item.attribute(u"role"), u"none"_s);
    QCOMPARE(item.childText(u"reason", ns::MucAdmin), u"spam"_s);
    m_s->result(iq);
    QTRY_VERIFY(kick.isFinished());
    QVERIFY(kick.result().ok());

    auto devoice = m_s->muc.setRole(m_room, u"anna"_s, MucRole::Visitor);
    iq = m_s->next();
    QCOMPARE(iq.child(u"query", ns::MucAdmin).child(u"item", ns::MucAdmin).attribute(u"role"),
             u"visitor"_s);
    m_s->result(iq);
    QTRY_VERIFY(devoice.isFinished());

    auto ban = m_s->muc.ban(m_room, Jid::fromString(u"bo@localhost/phone"_s), u"abuse"_s);
    iq = m_s->next();
    item = iq.child(u"query", ns::MucAdmin).child(u"item", ns::MucAdmin);
    QCOMPARE(item.attribute(u"jid"), u"bo@localhost"_s); // affiliations are per account
    QCOMPARE(item.attribute(u"affiliation"), u"outcast"_s);
    m_s->result(iq);
    QTRY_VERIFY(ban.isFinished());
    QVERIFY(ban.result().ok());
}

void tst_MucRequests::moderationRefused_data()
{
    QTest::addColumn<QByteArray>("condition");
    QTest::addColumn<MucError::Code>("code");
    QTest::newRow("not a moderator") << "forbidden"_ba << MucError::Code::Forbidden;
    QTest::newRow("kicking an owner") << "not-allowed"_ba << MucError::Code::NotAllowed;
    QTest::newRow("no such occupant") << "item-not-found"_ba << MucError::Code::NotFound;
    QTest::newRow("bad request") << "bad-request"_ba << MucError::Code::Invalid;
}

void tst_MucRequests::moderationRefused()
{
    QFETCH(QByteArray, condition);
    QFETCH(MucError::Code, code);
    auto kick = m_s->muc.kick(m_room, u"anna"_s);
    m_s->iqError(m_s->next(), "cancel", condition, "Not today");
    QTRY_VERIFY(kick.isFinished());
    QVERIFY(!kick.result().ok());
    QCOMPARE(kick.result().error().code, code);
    QCOMPARE(kick.result().error().text, u"Not today"_s);
}

void tst_MucRequests::affiliationLists()
{
    auto list = m_s->muc.affiliations(m_room, MucAffiliation::Member);
    const Element iq = m_s->next();
    QCOMPARE(iq.attribute(u"type"), u"get"_s);
    QCOMPARE(iq.child(u"query", ns::MucAdmin).child(u"item", ns::MucAdmin).attribute(u"affiliation"),
             u"member"_s);
    m_s->result(iq, "<query xmlns='http://jabber.org/protocol/muc#admin'>"
                    "<item affiliation='member' jid='anna@localhost' nick='anna'/>"
                    "<item affiliation='member' jid='chen@localhost'><reason>paid</reason></item>"
                    "<item affiliation='bogus' jid='x@localhost'/><item affiliation='member'/></query>");
    QTRY_VERIFY(list.isFinished());
    const QList<MucAffiliationItem> items = list.result().value();
    QCOMPARE(items.size(), 2); // the malformed ones are dropped
    QCOMPARE(items[0].jid.toString(), u"anna@localhost"_s);
    QCOMPARE(items[0].nick, u"anna"_s);
    QCOMPARE(items[1].reason, u"paid"_s);

    auto set = m_s->muc.setAffiliations(m_room, {{Jid::fromString(u"dee@localhost"_s), MucAffiliation::Member},
                                                  {Jid::fromString(u"eve@localhost"_s), MucAffiliation::Admin}});
    const Element setIq = m_s->next();
    QCOMPARE(setIq.child(u"query", ns::MucAdmin).children(u"item", ns::MucAdmin).size(), 2);
    m_s->result(setIq);
    QTRY_VERIFY(set.isFinished());
    QVERIFY(set.result().ok());
}

void tst_MucRequests::configure()
{
    MucRoomConfig config;
    config.membersOnly = true;
    config.maxUsers = 50;
    config.historyLength = 0;
    auto task = m_s->muc.configure(m_room, config);
    const Element get = m_s->next();
    QCOMPARE(get.attribute(u"type"), u"get"_s);
    QVERIFY(get.hasChild(u"query", ns::MucOwner));
    m_s->result(get, ownerQuery(prosodyForm()));
    const Element set = m_s->next();
    QCOMPARE(set.attribute(u"type"), u"set"_s);
    const auto form = DataForm::findIn(set.child(u"query", ns::MucOwner));
    QVERIFY(form);
    QCOMPARE(form->type(), DataForm::Type::Submit);
    QCOMPARE(form->formType(), ns::MucRoomConfig);
    QCOMPARE(form->value(u"muc#roomconfig_membersonly"_s), u"1"_s);
    QCOMPARE(form->value(u"muc#roomconfig_historylength"_s), u"0"_s);
    m_s->result(set);
    QTRY_VERIFY(task.isFinished());
    QVERIFY(task.result().ok());
    QCOMPARE(task.result().value().unsupported, QStringList{u"maxUsers"_s}); // Prosody has no such field
}

void tst_MucRequests::configureRefused()
{
    auto task = m_s->muc.configure(m_room, MucRoomConfig{});
    m_s->iqError(m_s->next(), "auth", "forbidden", "Only owners can configure");
    QTRY_VERIFY(task.isFinished());
    QCOMPARE(task.result().error().code, MucError::Code::Forbidden);
    auto noForm = m_s->muc.config(m_room);
    m_s->result(m_s->next(), ownerQuery({}));
    QTRY_VERIFY(noForm.isFinished());
    QCOMPARE(noForm.result().error().code, MucError::Code::Remote);
}

void tst_MucRequests::createConfiguredInOneStep()
{
    const Jid room = MucScript::room(7);
    MucRoomConfig config;
    config.name = u"Bali 2026"_s;
    config.membersOnly = true;
    auto task = m_s->muc.createRoom({room, u"coach"_s}, config);
    const Element join = m_s->next();
    QCOMPARE(join.attribute(u"to"), u"room7@conference.localhost/coach"_s);
    m_s->selfPresence(room, u"coach"_s, {110, 201}, u"owner"_s, u"moderator"_s);
    const Element get = m_s->next();
    QCOMPARE(get.attribute(u"type"), u"get"_s);
    m_s->result(get, ownerQuery(prosodyForm()));
    const Element set = m_s->next();
    const auto form = DataForm::findIn(set.child(u"query", ns::MucOwner));
    QCOMPARE(form->value(u"muc#roomconfig_roomname"_s), u"Bali 2026"_s);
    QCOMPARE(form->value(u"muc#roomconfig_membersonly"_s), u"1"_s);
    QTest::qWait(20);
    QVERIFY(!task.isFinished());
    QCOMPARE(m_s->joined.size(), 1); // only the room of init()
    m_s->result(set);
    QTRY_VERIFY(task.isFinished());
    QVERIFY(task.result().ok());
    QVERIFY(!task.result().value().existed);
    QVERIFY(task.result().value().joined.created);
    QCOMPARE(m_s->joined.size(), 2);
    QCOMPARE(m_s->muc.roomState(room), MucManager::RoomState::Joined);
}

void tst_MucRequests::createWhenTheRoomExisted()
{
    const Jid room = MucScript::room(8);
    MucRoomConfig config;
    config.membersOnly = true;
    auto task = m_s->muc.createRoom({room, u"coach"_s}, config);
    m_s->next();
    m_s->selfPresence(room, u"coach"_s, {110}, u"member"_s, u"participant"_s);
    QTRY_VERIFY(task.isFinished());
    QVERIFY(task.result().ok());
    QVERIFY(task.result().value().existed);
    QVERIFY2(m_s->server().staysSilent(100), qPrintable(m_s->failure())); // its configuration is left alone
    // Asking again for a room we are in says the same at once.
    auto again = m_s->muc.createRoom({room, u"coach"_s}, config);
    QVERIFY(again.isFinished());
    QVERIFY(again.result().value().existed);
}

void tst_MucRequests::destroy()
{
    auto task = m_s->muc.destroyRoom(m_room, u"trip over"_s, MucScript::room(2));
    const Element iq = m_s->next();
    const Element d = iq.child(u"query", ns::MucOwner).child(u"destroy", ns::MucOwner);
    QCOMPARE(d.attribute(u"jid"), u"room2@conference.localhost"_s);
    QCOMPARE(d.childText(u"reason", ns::MucOwner), u"trip over"_s);
    m_s->result(iq);
    QTRY_VERIFY(task.isFinished());
    QVERIFY(task.result().ok());
}

void tst_MucRequests::configChangeAnnounced()
{
    m_s->inject("<message type='groupchat' from='room1@conference.localhost'>"
                "<x xmlns='http://jabber.org/protocol/muc#user'><status code='104'/></x></message>");
    QTRY_COMPARE(m_s->configChanges.size(), 1);
    QCOMPARE(m_s->configChanges.first(), QList<int>{104});
    QVERIFY(m_s->messages.isEmpty());
}

void tst_MucRequests::selfPingKeepsAJoinedRoom_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::newRow("result") << QByteArray();
    QTest::newRow("service-unavailable") << "service-unavailable"_ba;
    QTest::newRow("feature-not-implemented") << "feature-not-implemented"_ba;
    QTest::newRow("item-not-found (nick changing)") << "item-not-found"_ba;
    QTest::newRow("remote server down: cannot tell") << "remote-server-not-found"_ba;
}

void tst_MucRequests::selfPingKeepsAJoinedRoom()
{
    QFETCH(QByteArray, answer);
    MucManager::Settings s = m_s->muc.settings();
    s.selfPingIdleMs = 100;
    m_s->muc.setSettings(s);
    const Element ping = m_s->next();
    QCOMPARE(ping.attribute(u"type"), u"get"_s);
    QCOMPARE(ping.attribute(u"to"), u"room1@conference.localhost/coach"_s);
    QVERIFY(ping.hasChild(u"ping", ns::Ping));
    if (answer.isEmpty())
        m_s->result(ping);
    else
        m_s->iqError(ping, "cancel", answer);
    QTest::qWait(50);
    QVERIFY(m_s->rejoining.isEmpty());
    QVERIFY(m_s->roomsLeft.isEmpty());
    QCOMPARE(m_s->muc.roomState(m_room), MucManager::RoomState::Joined);
    // The next ping comes only after another idle period.
    const Element again = m_s->next();
    QVERIFY(again.hasChild(u"ping", ns::Ping));
    QCOMPARE(m_s->muc.stats().selfPingsSent, 2);
}

void tst_MucRequests::selfPingRejoinsWhenDropped()
{
    MucManager::Settings s = m_s->muc.settings();
    s.selfPingIdleMs = 100;
    m_s->muc.setSettings(s);
    const Element ping = m_s->next();
    m_s->iqError(ping, "cancel", "not-acceptable", "You are not in this room");
    QTRY_COMPARE(m_s->rejoining.size(), 1);
    const Element join = m_s->next();
    QCOMPARE(join.name(), u"presence"_s);
    QCOMPARE(join.attribute(u"to"), u"room1@conference.localhost/coach"_s);
    QVERIFY(join.hasChild(u"x", ns::Muc));
    m_s->selfPresence(m_room, u"coach"_s, {110}, u"owner"_s, u"moderator"_s);
    QTRY_COMPARE(m_s->joined.size(), 2);
    QCOMPARE(m_s->muc.stats().automaticRejoins, 1);
}

void tst_MucRequests::selfPingOnlyWhenIdle()
{
    MucManager::Settings s = m_s->muc.settings();
    s.selfPingIdleMs = 300;
    m_s->muc.setSettings(s);
    // The room keeps talking: no ping is needed.
    for (int i = 0; i < 8; ++i) {
        m_s->inject("<message type='groupchat' from='room1@conference.localhost/anna'><body>chat</body></message>");
        QTest::qWait(60);
    }
    QVERIFY2(m_s->server().staysSilent(10), qPrintable(m_s->failure()));
    QCOMPARE(m_s->muc.stats().selfPingsSent, 0);
}

QTEST_GUILESS_MAIN(tst_MucRequests)
#include "tst_mucrequests.moc"
