// Group chats on real Prosody and ejabberd: joining 50 rooms, talking with a crowd
// member (tools/crowd) in the room and privately through it without revealing the
// operator's account, moderation as another member sees it, configuration read back,
// a room created configured in one step, and an invitation into a members-only room.
// The stock-ejabberd limits are in tst_mucservlimits.cpp.
#include "CrowdProcess.h"
#include "MucPeer.h"

#include "xmpp/Namespaces.h"

#include <QElapsedTimer>
#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace chorus::xmpp;
using chorus::test::CrowdProcess;
using chorus::test::MucPeer;
using chorus::test::TestServer;

class tst_Muc : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void joinFiftyRooms();
    void groupchatWithCrowdMember();
    void privateMessageThroughTheRoom();
    void moderationSeenByAnotherMember();
    void configChangeReadBack();
    void createConfiguredInOneStep();
    void invitationIntoMembersOnlyRoom();

private:
    Jid newRoom() const { return Jid::fromString(TestServer::uniqueName(u"room"_s) + u'@' + m_server->mucDomain()); }
    QStringList crowdArgs(const Jid &room) const;
    bool startCrowd(CrowdProcess &crowd, const Jid &room);

    std::optional<TestServer> m_server;
    QString m_operator, m_peer, m_guest, m_crowdPrefix;
    std::unique_ptr<MucPeer> m_op;
};

void tst_Muc::initTestCase()
{
    QString error;
    m_server = TestServer::fromEnvironment(&error);
    QVERIFY2(m_server, qPrintable(error));
    m_operator = TestServer::uniqueName(u"op"_s);
    m_peer = TestServer::uniqueName(u"peer"_s);
    m_guest = TestServer::uniqueName(u"guest"_s);
    m_crowdPrefix = TestServer::uniqueName(u"crowd"_s) + u'm';
    QVERIFY2(m_server->addUsers({{m_operator, u"pw"_s}, {m_peer, u"pw"_s}, {m_guest, u"pw"_s},
                                 {m_crowdPrefix + u'1', u"pw"_s}},
                                &error),
             qPrintable(error));
}

void tst_Muc::init()
{
    m_op = std::make_unique<MucPeer>(*m_server, m_operator, u"pw"_s);
    QVERIFY(m_op->connect());
}

void tst_Muc::cleanup()
{
    m_op.reset();
}

QStringList tst_Muc::crowdArgs(const Jid &room) const
{
    return {u"--host"_s, m_server->host(), u"--port"_s, QString::number(m_server->port()),
            u"--domain"_s, m_server->domain(), u"--muc-domain"_s, m_server->mucDomain(),
            u"--members"_s, u"1"_s, u"--prefix"_s, m_crowdPrefix, u"--password"_s, u"pw"_s,
            u"--room"_s, room.toString(), u"--listen"_s};
}

bool tst_Muc::startCrowd(CrowdProcess &crowd, const Jid &room)
{
    if (!crowd.start(crowdArgs(room)))
        return false;
    const QJsonObject ready = crowd.waitForEvent(u"ready"_s);
    return ready.value(u"joins"_s).toInt() == 1 && ready.value(u"failed"_s).toInt() == 0;
}

void tst_Muc::joinFiftyRooms()
{
    QList<MucJoinRequest> requests;
    for (int i = 0; i < 50; ++i)
        requests.append({newRoom(), u"coach"_s});
    QElapsedTimer t;
    t.start();
    m_op->muc.joinRooms(requests);
    QTRY_COMPARE_WITH_TIMEOUT(m_op->joined.size() + m_op->failed.size(), 50, 60000);
    QVERIFY(m_op->failed.isEmpty());
    qInfo("%s: 50 new rooms joined in %lld ms, at most %d joins in flight", qPrintable(m_server->kind()),
          t.elapsed(), m_op->muc.stats().peakInFlight);
    QCOMPARE(m_op->muc.joinedRooms().size(), 50);
    QCOMPARE(m_op->muc.stats().joinPresencesSent, 50); // one presence per room, nothing retried
    for (const MucJoined &j : std::as_const(m_op->joined))
        QVERIFY(j.created); // each join created its room (and unlocked it)
    // Every room knows us as its owner.
    const auto self = m_op->muc.self(requests.last().room);
    QVERIFY(self);
    QVERIFY(self->affiliation == MucAffiliation::Owner);
}

void tst_Muc::groupchatWithCrowdMember()
{
    const Jid room = newRoom();
    QVERIFY(m_op->join(room, u"Coach"_s));
    CrowdProcess crowd;
    QVERIFY2(startCrowd(crowd, room), crowd.errors().constData());
    const QString member = m_crowdPrefix + u'1';
    QTRY_VERIFY_WITH_TIMEOUT(m_op->muc.occupant(room, member).has_value(), 10000);

    // The operator speaks; the crowd member hears it.
    QVERIFY(!m_op->muc.sendMessage(room, u"Hello everyone 👋 大家好"_s).isEmpty());
    const QJsonObject heard = crowd.waitForEvent(u"groupchat"_s);
    QCOMPARE(heard.value(u"from"_s).toString(), u"Coach"_s);
    QCOMPARE(heard.value(u"body"_s).toString(), u"Hello everyone 👋 大家好"_s);
    // The operator's own message came back reflected, recognised as ours.
    QTRY_VERIFY_WITH_TIMEOUT(!m_op->messages.isEmpty(), 10000);
    QVERIFY(m_op->messages.first().outgoing);

    // The crowd member asks; the operator gets the question with its sender.
    crowd.command(u"say %1 %2 明天几点集合？"_s.arg(member, room.toString()));
    QTRY_VERIFY_WITH_TIMEOUT(m_op->messages.size() >= 2, 10000);
    const MucMessage q = m_op->messages.last();
    QCOMPARE(q.room, room);
    QCOMPARE(q.nick, member);
    QCOMPARE(q.body, u"明天几点集合？"_s);
    QVERIFY(!q.outgoing);
    QVERIFY(!q.id.isEmpty());
    // The operator owns the room, so it sees the member's account.
    QCOMPARE(q.realJid.bare().toString(), member + u'@' + m_server->domain());
    QVERIFY(crowd.stop());
}

void tst_Muc::privateMessageThroughTheRoom()
{
    const Jid room = newRoom();
    QVERIFY(m_op->join(room, u"Concierge"_s));
    CrowdProcess crowd;
    QVERIFY2(startCrowd(crowd, room), crowd.errors().constData());
    const QString member = m_crowdPrefix + u'1';
    QTRY_VERIFY_WITH_TIMEOUT(m_op->muc.occupant(room, member).has_value(), 10000);

    QList<MucMessage> pms;
    connect(&m_op->muc, &MucManager::privateMessageReceived, this,
            [&pms](const MucMessage &m) { pms.append(m); });
    QVERIFY(!m_op->muc.sendPrivateMessage(room, member, u"Your spa for two is booked for Friday."_s).isEmpty());
    const QJsonObject pm = crowd.waitForEvent(u"pm"_s);
    QCOMPARE(pm.value(u"from"_s).toString(), u"Concierge"_s);
    QCOMPARE(pm.value(u"body"_s).toString(), u"Your spa for two is booked for Friday."_s);
    // The member sees the room and the operator's nick, never the operator's account.
    const QString stanza = pm.value(u"stanza"_s).toString();
    QVERIFY(stanza.contains(room.toString() + u"/Concierge"_s));
    QVERIFY2(!stanza.contains(m_operator), qPrintable(stanza));
    // Nor in the room's presence of the operator (the room hides real JIDs from
    // non-moderators by default): checked through a second, ordinary member.
    MucPeer peer(*m_server, m_peer, u"pw"_s);
    QVERIFY(peer.connect());
    QVERIFY(peer.join(room, u"guest-peer"_s));
    const auto op = peer.muc.occupant(room, u"Concierge"_s);
    QVERIFY(op);
    QVERIFY(!op->realJid.isValid());

    // The member answers privately; the operator gets it as a private message.
    crowd.command(u"pm %1 %2 Concierge thank you!"_s.arg(member, room.toString()));
    QTRY_VERIFY_WITH_TIMEOUT(!pms.isEmpty(), 10000);
    QCOMPARE(pms.first().nick, member);
    QCOMPARE(pms.first().body, u"thank you!"_s);
    QVERIFY(pms.first().isPrivate);
    QVERIFY(crowd.stop());
}

void tst_Muc::moderationSeenByAnotherMember()
{
    const Jid room = newRoom();
    QVERIFY(m_op->join(room, u"Coach"_s));
    MucPeer peer(*m_server, m_peer, u"pw"_s);
    MucPeer guest(*m_server, m_guest, u"pw"_s);
    QVERIFY(peer.connect());
    QVERIFY(guest.connect());
    QVERIFY(peer.join(room, u"Peer"_s));
    QVERIFY(guest.join(room, u"Guest"_s));
    QTRY_VERIFY_WITH_TIMEOUT(peer.muc.occupant(room, u"Guest"_s).has_value(), 10000);
    auto peerSees = [&](const QString &nick) { return peer.muc.occupant(room, nick); };

    // Voice taken and given back.
    QVERIFY(MucPeer::wait(m_op->muc.setRole(room, u"Guest"_s, MucRole::Visitor, u"quiet please"_s)).ok());
    QTRY_VERIFY_WITH_TIMEOUT(peerSees(u"Guest"_s)->role == MucRole::Visitor, 10000);
    QVERIFY(MucPeer::wait(m_op->muc.setRole(room, u"Guest"_s, MucRole::Participant)).ok());
    QTRY_VERIFY_WITH_TIMEOUT(peerSees(u"Guest"_s)->role == MucRole::Participant, 10000);

    // Membership.
    QVERIFY(MucPeer::wait(m_op->muc.setAffiliation(room, guest.jid(), MucAffiliation::Member)).ok());
    QTRY_VERIFY_WITH_TIMEOUT(peerSees(u"Guest"_s)->affiliation == MucAffiliation::Member, 10000);
    auto members = MucPeer::wait(m_op->muc.affiliations(room, MucAffiliation::Member));
    QVERIFY(members.ok());
    QCOMPARE(members.value().size(), 1);
    QCOMPARE(members.value().first().jid, guest.jid());

    // An ordinary member may not kick.
    auto refused = MucPeer::wait(peer.muc.kick(room, u"Guest"_s));
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().code == MucError::Code::Forbidden
                 || refused.error().code == MucError::Code::NotAllowed,
             qPrintable(refused.error().condition));

    // Kick: the guest is out with the reason, and the peer sees why.
    QVERIFY(MucPeer::wait(m_op->muc.kick(room, u"Guest"_s, u"spam"_s)).ok());
    QTRY_COMPARE_WITH_TIMEOUT(guest.left.size(), 1, 10000);
    QVERIFY(guest.left.first().second.kind == MucLeave::Kind::Kicked);
    QCOMPARE(guest.left.first().second.reason, u"spam"_s);
    QCOMPARE(guest.muc.roomState(room), MucManager::RoomState::NotJoined);
    QTRY_COMPARE_WITH_TIMEOUT(peer.occupantsLeft.size(), 1, 10000);
    QVERIFY(peer.occupantsLeft.first().second.kind == MucLeave::Kind::Kicked);
    QVERIFY(!peerSees(u"Guest"_s));

    // A kicked member may come back; a banned one may not.
    QVERIFY(guest.join(room, u"Guest"_s));
    QVERIFY(MucPeer::wait(m_op->muc.ban(room, guest.jid(), u"abuse"_s)).ok());
    QTRY_COMPARE_WITH_TIMEOUT(guest.left.size(), 2, 10000);
    QVERIFY(guest.left.last().second.kind == MucLeave::Kind::Banned);
    QTRY_COMPARE_WITH_TIMEOUT(peer.occupantsLeft.size(), 2, 10000);
    QVERIFY(peer.occupantsLeft.last().second.kind == MucLeave::Kind::Banned);
    MucError error;
    if (guest.join(room, u"Guest"_s, &error)) {
        // ejabberd 23.01 lets an outcast back into a moderated room when it had been
        // given a role before (voice, above): the operator's client puts them out.
        QCOMPARE(m_server->kind(), u"ejabberd"_s);
        QTRY_COMPARE_WITH_TIMEOUT(guest.muc.roomState(room), MucManager::RoomState::NotJoined, 10000);
        QCOMPARE(m_op->muc.stats().bansEnforced, 1);
        QTRY_VERIFY_WITH_TIMEOUT(!peerSees(u"Guest"_s), 10000);
    } else {
        QCOMPARE(error.code, MucError::Code::Banned);
    }
    auto outcasts = MucPeer::wait(m_op->muc.affiliations(room, MucAffiliation::Outcast));
    QVERIFY(outcasts.ok());
    QCOMPARE(outcasts.value().size(), 1);
    QCOMPARE(outcasts.value().first().jid, guest.jid());
}

void tst_Muc::configChangeReadBack()
{
    const Jid room = newRoom();
    QVERIFY(m_op->join(room, u"Coach"_s));
    auto form = MucPeer::wait(m_op->muc.configForm(room));
    QVERIFY(form.ok());
    QStringList vars;
    for (const DataForm::Field &f : form.value().fields())
        vars.append(f.var);
    qInfo("%s room configuration fields: %s", qPrintable(m_server->kind()),
          qPrintable(vars.join(u' ')));

    QList<QList<int>> announced;
    connect(&m_op->muc, &MucManager::configChanged, this,
            [&announced](const Jid &, const QList<int> &codes) { announced.append(codes); });
    MucRoomConfig config;
    config.membersOnly = true;
    config.maxUsers = 50;
    auto configured = MucPeer::wait(m_op->muc.configure(room, config));
    QVERIFY2(configured.ok(), qPrintable(configured.ok() ? QString() : configured.error().message()));
    const bool hasMaxUsers = form.value().hasField(u"muc#roomconfig_maxusers"_s);
    // Prosody 0.12 has no occupant limit; ejabberd offers a list that includes 50.
    QCOMPARE(configured.value().unsupported.contains(u"maxUsers"_s), !hasMaxUsers);
    QVERIFY(configured.value().adjusted.isEmpty());

    auto back = MucPeer::wait(m_op->muc.config(room));
    QVERIFY(back.ok());
    QCOMPARE(back.value().membersOnly, std::optional<bool>(true));
    if (hasMaxUsers)
        QCOMPARE(back.value().maxUsers, std::optional<int>(50));
    QTRY_VERIFY_WITH_TIMEOUT(!announced.isEmpty(), 10000); // the room said so (104)

    // And the room behaves accordingly: a stranger cannot enter.
    MucPeer guest(*m_server, m_guest, u"pw"_s);
    QVERIFY(guest.connect());
    MucError error;
    QVERIFY(!guest.join(room, u"Guest"_s, &error));
    QCOMPARE(error.code, MucError::Code::RegistrationRequired);
}

void tst_Muc::createConfiguredInOneStep()
{
    const Jid room = newRoom();
    MucRoomConfig config;
    config.name = u"Bali 2026 🌴"_s;
    config.description = u"Trip group"_s;
    config.membersOnly = true;
    config.realJidsToAnyone = false;
    config.persistent = true;
    config.isPublic = false;
    config.historyLength = 0;
    config.archived = true;
    config.membersCanInvite = false;
    auto created = MucPeer::wait(m_op->muc.createRoom({room, u"Guide"_s}, config));
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message()));
    QVERIFY(!created.value().existed);
    QVERIFY(created.value().joined.created);
    qInfo("%s: created configured; not supported: [%s], adjusted: [%s]",
          qPrintable(m_server->kind()), qPrintable(created.value().configured.unsupported.join(u", ")),
          qPrintable(created.value().configured.adjusted.join(u", ")));
    QVERIFY(created.value().configured.adjusted.isEmpty());

    auto back = MucPeer::wait(m_op->muc.config(room));
    QVERIFY(back.ok());
    QCOMPARE(back.value().name, config.name);
    QCOMPARE(back.value().description, config.description);
    QCOMPARE(back.value().membersOnly, std::optional<bool>(true));
    QCOMPARE(back.value().isPublic, std::optional<bool>(false));
    QCOMPARE(back.value().realJidsToAnyone, std::optional<bool>(false));
    if (back.value().historyLength)
        QCOMPARE(back.value().historyLength, std::optional<int>(0));
    if (back.value().archived)
        QCOMPARE(back.value().archived, std::optional<bool>(true));

    // The room already exists for anyone else: creating it again says so and changes
    // nothing.
    QVERIFY(MucPeer::wait(m_op->muc.setAffiliation(room, Jid::fromString(m_peer + u'@' + m_server->domain()),
                                                   MucAffiliation::Member)).ok());
    MucPeer peer(*m_server, m_peer, u"pw"_s);
    QVERIFY(peer.connect());
    MucRoomConfig other;
    other.name = u"Hijacked"_s;
    auto again = MucPeer::wait(peer.muc.createRoom({room, u"Peer"_s}, other));
    QVERIFY(again.ok());
    QVERIFY(again.value().existed);
    auto still = MucPeer::wait(m_op->muc.config(room));
    QCOMPARE(still.value().name, config.name);
}

void tst_Muc::invitationIntoMembersOnlyRoom()
{
    const Jid room = newRoom();
    MucRoomConfig config;
    config.membersOnly = true;
    QVERIFY(MucPeer::wait(m_op->muc.createRoom({room, u"Coach"_s}, config)).ok());
    MucPeer guest(*m_server, m_guest, u"pw"_s);
    QVERIFY(guest.connect());
    MucError error;
    QVERIFY(!guest.join(room, u"Guest"_s, &error));
    QCOMPARE(error.code, MucError::Code::RegistrationRequired);

    QVERIFY(!m_op->muc.invite(room, guest.jid(), u"Welcome to the class!"_s).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(guest.invitations.size(), 1, 10000);
    const MucInvitation inv = guest.invitations.first();
    QCOMPARE(inv.room, room);
    QVERIFY(!inv.direct);
    // ejabberd names the inviter's account; Prosody, in a room that hides accounts,
    // names the inviter's occupant JID instead.
    QVERIFY2(inv.inviter.bare() == m_op->jid() || inv.inviter == room.withResource(u"Coach"),
             qPrintable(inv.inviter.toString()));
    QCOMPARE(inv.reason, u"Welcome to the class!"_s);
    // Both servers make the invitee a member of a members-only room.
    QVERIFY(guest.join(inv.room, u"Guest"_s, &error));
    auto members = MucPeer::wait(m_op->muc.affiliations(room, MucAffiliation::Member));
    QVERIFY(members.ok());
    QCOMPARE(members.value().size(), 1);
    QCOMPARE(members.value().first().jid, guest.jid());
}

QTEST_GUILESS_MAIN(tst_Muc)
#include "tst_muc.moc"
