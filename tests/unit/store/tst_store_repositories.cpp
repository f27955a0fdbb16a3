// Groups (bookmark data, tags, configuration, policy, variables), members and people
// (notes, tags) as the features use them.

#include "StoreTestSupport.h"

using namespace Qt::StringLiterals;
using namespace chorus;
using namespace chorus::store;
using namespace chorus::store::test;

namespace {

chat::Group yoga()
{
    chat::Group g;
    g.id = u"yoga@conference.example.org"_s;
    g.name = u"Morning yoga"_s;
    g.nick = u"coach"_s;
    g.autojoin = false;
    g.subject = u"Stretch at 7"_s;
    g.tags = {u"fitness"_s, u"paris"_s};
    g.timeZone = u"Europe/Paris"_s;
    g.config.name = u"Yoga"_s;
    g.config.description = u"Mats provided"_s;
    g.config.membersOnly = true;
    g.config.maxUsers = 120;
    g.config.isPublic = true;
    g.config.historyLength = 5;
    g.policy.openInviteThreshold = 50;
    g.policy.hardCap = 120;
    g.policy.newcomersSeeHistory = true;
    g.policy.inviteClosed = true;
    return g;
}

chat::Member member(const QString &group, const QString &nick, const QString &occ,
                    chat::Presence presence, qint64 joined)
{
    chat::Member m;
    m.groupId = group;
    m.nick = nick;
    m.occupantId = occ;
    m.role = chat::Role::Participant;
    m.affiliation = chat::Affiliation::Member;
    m.presence = presence;
    m.joinedAt = at(joined);
    return m;
}

} // namespace

class tst_StoreRepositories : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void groupRoundTrip();
    void groupUpdateReplacesTags();
    void groupRemovalTakesItsMembersAndMessages();
    void groupVariables();
    void unknownGroupIsNotFound();
    void membersPresenceAndOrder();
    void memberKeepsEarliestJoin();
    void personAcrossGroups();
    void notesAndTags();

private:
    TempStore *m_store = nullptr;
    StoreSession &s() { return m_store->s(); }
};

void tst_StoreRepositories::init()
{
    m_store = new TempStore;
    STORE_VERIFY(m_store->open());
}

void tst_StoreRepositories::cleanup()
{
    if (m_store && m_store->db) {
        STORE_VERIFY_SEARCH_INDEX(*m_store->db);
        QCOMPARE(m_store->sql(u"SELECT count(*) FROM pragma_foreign_key_check"_s).toInt(), 0);
    }
    delete m_store;
    m_store = nullptr;
}

void tst_StoreRepositories::groupRoundTrip()
{
    STORE_VERIFY(s().groups().save(yoga()));
    chat::Group zh;
    zh.id = u"zh@conference.example.org"_s;
    zh.name = u"中文班"_s;
    STORE_VERIFY(s().groups().save(zh));
    const auto all = s().groups().all();
    STORE_VERIFY(all);
    QCOMPARE(all.value().size(), 2);
    QCOMPARE(all.value().at(0), yoga()); // ordered by name
    QCOMPARE(all.value().at(1), zh);
    const auto found = s().groups().find(yoga().id);
    STORE_VERIFY(found);
    QCOMPARE(*found.value(), yoga());
    m_store->close(); // and it survives a restart
    STORE_VERIFY(m_store->open());
    QCOMPARE(s().groups().all().value().at(0), yoga());
    QCOMPARE(s().groups().withTag(u"paris"_s).value(), QStringList{yoga().id});
}

void tst_StoreRepositories::groupUpdateReplacesTags()
{
    STORE_VERIFY(s().groups().save(yoga()));
    chat::Group g = yoga();
    g.tags = {u"evening"_s};
    g.config.maxUsers = 200;
    const auto id = s().groups().save(g);
    STORE_VERIFY(id);
    QCOMPARE(id.value(), s().groups().idOf(g.id).value().value());
    QCOMPARE(*s().groups().find(g.id).value(), g);
    QVERIFY(s().groups().withTag(u"paris"_s).value().isEmpty());
    QVERIFY(!s().groups().save(chat::Group{}));
}

void tst_StoreRepositories::groupRemovalTakesItsMembersAndMessages()
{
    STORE_VERIFY(s().groups().save(yoga()));
    STORE_VERIFY(s().members().save(
        member(yoga().id, u"alice"_s, u"occ-a"_s, chat::Presence::Online, 0)));
    STORE_VERIFY(s().messages().ingest({Msg(yoga().id, u"searchable words"_s).stanza(u"s1"_s),
                                        Msg(u"other@muc"_s, u"searchable too"_s).stanza(u"s2"_s)}));
    STORE_VERIFY(s().groups().remove(yoga().id));
    QVERIFY(s().members().ofGroup(yoga().id).value().isEmpty());
    QCOMPARE(m_store->sql(u"SELECT count(*) FROM members"_s).toInt(), 1); // alice in other@muc
    QCOMPARE(s().messages().count().value(), 1);
    SearchQuery q;
    q.text = u"searchable"_s;
    QCOMPARE(s().search().search(q).value().hits.size(), 1);
    const auto again = s().groups().remove(yoga().id);
    QVERIFY(!again);
    QCOMPARE(again.error().code, StoreError::Code::NotFound);
}

void tst_StoreRepositories::groupVariables()
{
    STORE_VERIFY(s().groups().save(yoga()));
    STORE_VERIFY(s().groups().setVariables(
        yoga().id, {{u"price"_s, u"12 EUR"_s}, {u"meeting_point"_s, u"Gate B"_s}}));
    STORE_VERIFY(s().groups().setVariable(yoga().id, u"price"_s, u"15 EUR"_s));
    STORE_VERIFY(s().groups().removeVariable(yoga().id, u"meeting_point"_s));
    QCOMPARE(s().groups().variables(yoga().id).value(),
             (QMap<QString, QString>{{u"price"_s, u"15 EUR"_s}}));
    STORE_VERIFY(s().groups().setVariables(yoga().id, {{u"room"_s, u"2"_s}}));
    QCOMPARE(s().groups().variables(yoga().id).value().keys(), QStringList{u"room"_s});
}

void tst_StoreRepositories::unknownGroupIsNotFound()
{
    const auto vars = s().groups().variables(u"nope@muc"_s);
    QVERIFY(!vars);
    QCOMPARE(vars.error().code, StoreError::Code::NotFound);
    QVERIFY(!s().groups().find(u"nope@muc"_s).value());
    QVERIFY(s().groups().all().value().isEmpty());
}

void tst_StoreRepositories::membersPresenceAndOrder()
{
    const QString room = yoga().id;
    STORE_VERIFY(s().members().saveAll(
        {member(room, u"alice"_s, u"occ-a"_s, chat::Presence::Online, 0),
         member(room, u"bob"_s, u"occ-b"_s, chat::Presence::Away, 10),
         member(room, u"carol"_s, u"occ-c"_s, chat::Presence::DoNotDisturb, 20)}));
    STORE_VERIFY(s().messages().ingest({Msg(room, u"hi"_s, 100).stanza(u"s1"_s).from(u"carol"_s, u"occ-c"_s)}));
    auto list = s().members().ofGroup(room).value();
    QCOMPARE(list.size(), 3);
    QCOMPARE(list.at(0).member.nick, u"carol"_s); // most recently active first
    QCOMPARE(list.at(0).messageCount, 1);
    QCOMPARE(chat::toString(list.at(0).member.presence), u"dnd"_s);
    QCOMPARE(list.at(1).member.nick, u"alice"_s);
    QCOMPARE(chat::toString(list.at(1).member.role), u"participant"_s);
    STORE_VERIFY(s().members().setAllOffline(room));
    list = s().members().ofGroup(room).value();
    for (const MemberRecord &r : list) {
        QCOMPARE(chat::toString(r.member.presence), u"offline"_s);
        QCOMPARE(chat::toString(r.member.role), u"none"_s);
    }
    QCOMPARE(list.at(0).messageCount, 1); // activity stays
}

void tst_StoreRepositories::memberKeepsEarliestJoin()
{
    const QString room = yoga().id;
    STORE_VERIFY(s().members().save(member(room, u"alice"_s, u"occ-a"_s, chat::Presence::Online, 50)));
    STORE_VERIFY(s().members().save(member(room, u"alice2"_s, u"occ-a"_s, chat::Presence::Away, 10)));
    STORE_VERIFY(s().members().save(member(room, u"alice3"_s, u"occ-a"_s, chat::Presence::Online, 90)));
    const MemberRecord r = s().members().ofGroup(room).value().at(0);
    QCOMPARE(r.member.joinedAt, at(10));
    QCOMPARE(r.member.nick, u"alice3"_s);
    chat::Member nobody;
    nobody.groupId = room;
    QCOMPARE(s().members().save(nobody).error().code, StoreError::Code::InvalidArgument);
}

void tst_StoreRepositories::personAcrossGroups()
{
    // The same real JID in two rooms is one person.
    chat::Member a = member(u"a@muc"_s, u"alice"_s, u"occ-1"_s, chat::Presence::Online, 0);
    a.realJid = u"Alice@Example.org"_s;
    chat::Member b = member(u"b@muc"_s, u"ali"_s, u"occ-2"_s, chat::Presence::Away, 5);
    b.realJid = u"alice@example.org"_s;
    STORE_VERIFY(s().members().saveAll({a, b}));
    const chat::PersonKey key = a.person();
    QCOMPARE(key, b.person());
    const auto memberships = s().members().ofPerson(key);
    STORE_VERIFY(memberships);
    QCOMPARE(memberships.value().size(), 2);
    QCOMPARE(memberships.value().at(0).member.groupId, u"a@muc"_s);
    QCOMPARE(memberships.value().at(1).member.nick, u"ali"_s);
    const auto person = s().people().find(key);
    STORE_VERIFY(person);
    QCOMPARE(person.value()->firstSeen, at(0));
    QVERIFY(person.value()->key.basis == chat::PersonKey::Basis::RealJid);
}

void tst_StoreRepositories::notesAndTags()
{
    chat::Member a = member(u"a@muc"_s, u"alice"_s, u"occ-1"_s, chat::Presence::Online, 0);
    STORE_VERIFY(s().members().save(a));
    const chat::PersonKey key = a.person();
    STORE_VERIFY(s().people().setNotes(key, u"Paid for March; allergic to nuts"_s));
    STORE_VERIFY(s().people().setTags(key, {u"vip"_s, u"beginner"_s}));
    // The synchronous setting went back to NORMAL after the durable commit.
    QCOMPARE(m_store->sql(u"PRAGMA synchronous"_s).toInt(), 1);
    m_store->close();
    STORE_VERIFY(m_store->open());
    const auto person = s().people().find(key);
    STORE_VERIFY(person);
    QCOMPARE(person.value()->notes, u"Paid for March; allergic to nuts"_s);
    QCOMPARE(person.value()->tags, (QStringList{u"vip"_s, u"beginner"_s}));
    QCOMPARE(s().people().withTag(u"vip"_s).value().size(), 1);
    const chat::PersonKey stranger{chat::PersonKey::Basis::Nick, u"nick:a@muc/zed"_s};
    QCOMPARE(s().people().setNotes(stranger, u"x"_s).error().code, StoreError::Code::NotFound);
    QCOMPARE(s().people().setTags(stranger, {}).error().code, StoreError::Code::NotFound);
}

QTEST_GUILESS_MAIN(tst_StoreRepositories)
#include "tst_store_repositories.moc"
