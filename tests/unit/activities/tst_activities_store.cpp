// Activities in a real account store: the module migrates a new file and reopens it;
// definitions round-trip; every firing is recorded once, in the same transaction as the
// message it sent (a second record is refused and rolls the message back with it; an
// uncommitted firing leaves nothing behind); catch-up resumes from the store after a
// restart without firing twice; sign-up lists survive a restart.
#include "activities/ActivitiesSchema.h"
#include "activities/ActivityRepository.h"
#include "activities/SignupChain.h"
#include "activities/SignupRepository.h"

#include "../store/StoreTestSupport.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace chorus;
using namespace chorus::activities;
using namespace chorus::store;
using namespace chorus::store::test;

namespace {

const QString kBali = u"bali@conference.example.org"_s;
const QString kBerlin = u"berlin@conference.example.org"_s;

chat::Group group(const QString &jid, const QString &zone)
{
    chat::Group g;
    g.id = jid;
    g.name = jid.section(u'@', 0, 0);
    g.timeZone = zone;
    return g;
}

// 2024-03-01 11:00 UTC = 19:00 in Bali (UTC+8), plus `days` and `minutes`.
QDateTime bali19(int days, int minutes = 0)
{
    return QDateTime(QDate(2024, 3, 1), QTime(11, 0), Qt::UTC).addDays(days).addSecs(minutes * 60);
}

ActivityDefinition dailyPost()
{
    ActivityDefinition a;
    a.kind = ActivityKind::ScheduledPost;
    a.title = u"Evening plan"_s;
    a.payload = QJsonObject{{u"text"_s, u"Tomorrow: {meeting_point} at 8:00"_s},
                            {u"languages"_s, QJsonArray{u"en"_s, u"zh_CN"_s}},
                            {u"image"_s, QJsonValue::Null}};
    a.rrule = u"FREQ=DAILY"_s;
    a.startDate = QDate(2024, 3, 1);
    a.startTime = QTime(19, 0);
    a.groups = {kBali, kBerlin};
    a.catchUp.policy = CatchUpPolicy::AskOperator;
    a.catchUp.grace = std::chrono::seconds(90);
    a.catchUp.lateWindow = std::chrono::hours(1);
    a.spacing = std::chrono::seconds(45);
    a.enabledSince = bali19(0, -60);
    return a;
}

chat::Message outgoing(const QString &group, const QString &originId, const QDateTime &at)
{
    chat::Message m = Msg(group, u"Tomorrow: the lobby at 8:00"_s).origin(originId).mine();
    m.timestamp = at;
    return m;
}

} // namespace

class tst_ActivitiesStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void migratesNewFileAndReopens();
    void definitionRoundTrip();
    void editKeepsCatchUpOfKeptGroups();
    void invalidDefinitionIsRefused();
    void enableDisableRemove();
    void firingIsRecordedOnce();
    void secondFiringRollsBackItsMessage();
    void uncommittedFiringLeavesNothing();
    void crashedConnectionLeavesNothing();
    void askedFiringsAreDecidedOnce();
    void catchUpResumesFromStore();
    void signupListSurvivesRestart();

private:
    TempStore *m_store = nullptr;
    ActivityRepository &repo() { return m_store->s().repository<ActivityRepository>(); }
    SignupRepository &signups() { return m_store->s().repository<SignupRepository>(); }
    QVariant sql(const QString &query) { return m_store->sql(query); }
    void reopen() { STORE_VERIFY(m_store->open({activitiesSchema()})); }
    qint64 savedPost();
};

void tst_ActivitiesStore::init()
{
    m_store = new TempStore;
    STORE_VERIFY(m_store->open({activitiesSchema()}));
    STORE_VERIFY(m_store->s().groups().save(group(kBali, u"Asia/Makassar"_s)));
    STORE_VERIFY(m_store->s().groups().save(group(kBerlin, u"Europe/Berlin"_s)));
}

void tst_ActivitiesStore::cleanup()
{
    delete m_store;
    m_store = nullptr;
}

qint64 tst_ActivitiesStore::savedPost()
{
    const auto id = repo().save(dailyPost());
    return id ? id.value() : 0;
}

void tst_ActivitiesStore::migratesNewFileAndReopens()
{
    QCOMPARE(m_store->db->moduleVersion(u"activities"_s), activitiesSchema().latestVersion());
    QCOMPARE(sql(u"SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                 "AND name LIKE 'activities\\_%' ESCAPE '\\'"_s)
                 .toInt(),
             5);
    const qint64 id = savedPost();
    QVERIFY(id > 0);
    reopen();
    QCOMPARE(m_store->db->moduleVersion(u"activities"_s), activitiesSchema().latestVersion());
    QVERIFY(repo().find(id).value().has_value());
    const auto problems = m_store->db->integrityCheck();
    QVERIFY(problems.ok() && problems.value().isEmpty());
}

void tst_ActivitiesStore::definitionRoundTrip()
{
    ActivityDefinition post = dailyPost();
    const auto id = repo().save(post);
    STORE_VERIFY(id);
    post.id = id.value();
    ActivityDefinition chain;
    chain.kind = ActivityKind::SignupChain;
    chain.title = u"周六徒步接龙"_s;
    chain.payload = QJsonObject{{u"capacity"_s, 25}, {u"joinKeywords"_s, QJsonArray{u"+1"_s}}};
    chain.groups = {kBerlin};
    chain.enabled = false;
    const auto chainId = repo().save(chain);
    STORE_VERIFY(chainId);
    chain.id = chainId.value();

    reopen();
    QCOMPARE(repo().find(post.id).value(), std::optional<ActivityDefinition>(post));
    QCOMPARE(repo().all().value(), (QList<ActivityDefinition>{post, chain}));
    QCOMPARE(repo().forGroup(kBali).value(), QList<ActivityDefinition>{post});
    QCOMPARE(repo().forGroup(kBerlin).value().size(), 2);
    QCOMPARE(repo().find(9999).value(), std::optional<ActivityDefinition>());
    QCOMPARE(sql(u"SELECT json_extract(payload, '$.text') FROM activities_definitions "
                 "WHERE kind = 'post'"_s)
                 .toString(),
             u"Tomorrow: {meeting_point} at 8:00"_s);
}

void tst_ActivitiesStore::editKeepsCatchUpOfKeptGroups()
{
    ActivityDefinition post = dailyPost();
    post.id = repo().save(post).value();
    STORE_VERIFY(repo().setCoveredUntil(post.id, kBerlin, bali19(2)));
    STORE_VERIFY(repo().setCoveredUntil(post.id, kBali, bali19(2)));
    post.groups = {kBerlin};
    post.title = u"Evening plan (Berlin)"_s;
    STORE_VERIFY(repo().save(post));
    QCOMPARE(repo().find(post.id).value(), std::optional<ActivityDefinition>(post));
    QCOMPARE(repo().lastRecorded(post.id, kBerlin).value(), bali19(2));
    QCOMPARE(repo().lastRecorded(post.id, kBali).value(), QDateTime()); // no longer a target
    QCOMPARE(repo().setCoveredUntil(post.id, kBali, bali19(3)).error().code,
             StoreError::Code::NotFound);

    ActivityDefinition missing = post;
    missing.id = 4242;
    QCOMPARE(repo().save(missing).error().code, StoreError::Code::NotFound);
}

void tst_ActivitiesStore::invalidDefinitionIsRefused()
{
    ActivityDefinition badRule = dailyPost();
    badRule.rrule = u"FREQ=SOMETIMES"_s;
    const auto refused = repo().save(badRule);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, StoreError::Code::InvalidArgument);
    QVERIFY2(refused.error().message.contains(u"Evening plan"_s), qPrintable(refused.error().message));

    ActivityDefinition noStart = dailyPost();
    noStart.startTime = QTime();
    QCOMPARE(repo().save(noStart).error().code, StoreError::Code::InvalidArgument);
    ActivityDefinition twice = dailyPost();
    twice.groups = {kBali, kBali};
    QCOMPARE(repo().save(twice).error().code, StoreError::Code::InvalidArgument);
    ActivityDefinition untitled = dailyPost();
    untitled.title = u"  "_s;
    QCOMPARE(repo().save(untitled).error().code, StoreError::Code::InvalidArgument);

    // A group the account does not have: refused whole, nothing half-stored.
    ActivityDefinition unknownGroup = dailyPost();
    unknownGroup.groups = {kBali, u"nowhere@conference.example.org"_s};
    const auto notFound = repo().save(unknownGroup);
    QCOMPARE(notFound.error().code, StoreError::Code::NotFound);
    QVERIFY(notFound.error().message.contains(u"nowhere@conference.example.org"_s));
    QCOMPARE(sql(u"SELECT count(*) FROM activities_definitions"_s).toInt(), 0);
    QCOMPARE(sql(u"SELECT count(*) FROM activities_targets"_s).toInt(), 0);
}

void tst_ActivitiesStore::enableDisableRemove()
{
    const qint64 id = savedPost();
    STORE_VERIFY(repo().setEnabled(id, false, bali19(1)));
    auto found = repo().find(id).value();
    QVERIFY(found && !found->enabled);
    QCOMPARE(found->enabledSince, bali19(0, -60)); // pausing keeps it
    STORE_VERIFY(repo().setEnabled(id, true, bali19(3)));
    found = repo().find(id).value();
    QVERIFY(found && found->enabled);
    QCOMPARE(found->enabledSince, bali19(3));

    STORE_VERIFY(repo().recordFiring(id, kBali, bali19(3), {}, FiringOutcome::Skipped, bali19(3)));
    STORE_VERIFY(signups().openRun(id, kBali, bali19(3)));
    STORE_VERIFY(repo().remove(id));
    QCOMPARE(repo().remove(id).error().code, StoreError::Code::NotFound);
    QCOMPARE(repo().setEnabled(id, true, bali19(4)).error().code, StoreError::Code::NotFound);
    QCOMPARE(sql(u"SELECT (SELECT count(*) FROM activities_firings) + (SELECT count(*) FROM "
                 "activities_signup_runs) + (SELECT count(*) FROM activities_targets)"_s)
                 .toInt(),
             0);
}

void tst_ActivitiesStore::firingIsRecordedOnce()
{
    const qint64 id = savedPost();
    const auto first = repo().recordFiring(id, kBali, bali19(1), u"f-1"_s, FiringOutcome::Sent,
                                           bali19(1, 1));
    STORE_VERIFY(first);
    QCOMPARE(first.value(), RecordResult::Recorded);
    const auto again = repo().recordFiring(id, kBali, bali19(1), u"f-1b"_s, FiringOutcome::Sent,
                                           bali19(1, 5));
    STORE_VERIFY(again);
    QCOMPARE(again.value(), RecordResult::AlreadyFired);
    // The first record stands, untouched by the refused one.
    const auto record = repo().firing(id, kBali, bali19(1)).value();
    QVERIFY(record);
    QCOMPARE(record->originId, u"f-1"_s);
    QCOMPARE(record->outcome, FiringOutcome::Sent);
    QCOMPARE(record->recordedAt, bali19(1, 1));
    QCOMPARE(record->groupId, kBali);

    // Same occurrence in the other group, or the next day: their own records.
    QCOMPARE(repo().recordFiring(id, kBerlin, bali19(1), u"f-2"_s, FiringOutcome::Sent, bali19(1))
                 .value(),
             RecordResult::Recorded);
    QCOMPARE(repo().recordFiring(id, kBali, bali19(2), u"f-3"_s, FiringOutcome::Sent, bali19(2))
                 .value(),
             RecordResult::Recorded);
    QCOMPARE(sql(u"SELECT count(*) FROM activities_firings"_s).toInt(), 3);

    QCOMPARE(repo().recordFiring(id, kBali, bali19(4), {}, FiringOutcome::Sent, bali19(4))
                 .error()
                 .code,
             StoreError::Code::InvalidArgument);
    QCOMPARE(repo().recordFiring(999, kBali, bali19(4), u"x"_s, FiringOutcome::Sent, bali19(4))
                 .error()
                 .code,
             StoreError::Code::NotFound);
    QCOMPARE(repo().recordFiring(id, u"nowhere@x"_s, bali19(4), u"x"_s, FiringOutcome::Sent,
                                 bali19(4))
                 .error()
                 .code,
             StoreError::Code::NotFound);
    // The table refuses a second row for one occurrence, whoever writes.
    QVERIFY(m_store->db->execute({u"INSERT INTO activities_firings(activity_id, group_id, "
                                  "occurrence, outcome, recorded_at) SELECT activity_id, "
                                  "group_id, occurrence, 'skipped', 0 FROM activities_firings "
                                  "LIMIT 1"_s}));
}

void tst_ActivitiesStore::secondFiringRollsBackItsMessage()
{
    const qint64 id = savedPost();
    Database &db = *m_store->db;
    {
        Transaction t(db, Transaction::Durability::Full);
        QVERIFY(!t.begin());
        STORE_VERIFY(m_store->s().messages().ingest({outgoing(kBali, u"fire-1"_s, bali19(1))}));
        const auto recorded = repo().recordFiring(id, kBali, bali19(1), u"fire-1"_s,
                                                  FiringOutcome::Sent, bali19(1));
        STORE_VERIFY(recorded);
        QCOMPARE(recorded.value(), RecordResult::Recorded);
        QVERIFY(!t.commit());
    }
    QCOMPARE(sql(u"SELECT m.origin_id FROM activities_firings f JOIN messages m "
                 "ON m.id = f.message"_s)
                 .toString(),
             u"fire-1"_s);

    // A restart that tries the same occurrence again: refused, and its message goes too.
    {
        Transaction t(db, Transaction::Durability::Full);
        QVERIFY(!t.begin());
        STORE_VERIFY(m_store->s().messages().ingest({outgoing(kBali, u"fire-1-again"_s, bali19(1, 2))}));
        QCOMPARE(sql(u"SELECT count(*) FROM messages"_s).toInt(), 2);
        const auto again = repo().recordFiring(id, kBali, bali19(1), u"fire-1-again"_s,
                                               FiringOutcome::Sent, bali19(1, 2));
        STORE_VERIFY(again);
        QCOMPARE(again.value(), RecordResult::AlreadyFired);
        // t goes out of scope: rolled back
    }
    QCOMPARE(sql(u"SELECT count(*) FROM messages"_s).toInt(), 1);
    QCOMPARE(sql(u"SELECT count(*) FROM messages WHERE origin_id = 'fire-1-again'"_s).toInt(), 0);
    QCOMPARE(sql(u"SELECT count(*) FROM activities_firings"_s).toInt(), 1);
    QCOMPARE(repo().firing(id, kBali, bali19(1)).value()->originId, u"fire-1"_s);
    STORE_VERIFY(m_store->s().messages().ingest({outgoing(kBali, u"later"_s, bali19(1, 9))}));
}

void tst_ActivitiesStore::uncommittedFiringLeavesNothing()
{
    const qint64 id = savedPost();
    {
        Transaction t(*m_store->db, Transaction::Durability::Full);
        QVERIFY(!t.begin());
        STORE_VERIFY(m_store->s().messages().ingest({outgoing(kBali, u"fire-2"_s, bali19(2))}));
        QCOMPARE(repo().recordFiring(id, kBali, bali19(2), u"fire-2"_s, FiringOutcome::Sent,
                                     bali19(2))
                     .value(),
                 RecordResult::Recorded);
        // The app dies here: no commit.
    }
    reopen();
    QCOMPARE(sql(u"SELECT count(*) FROM messages"_s).toInt(), 0);
    QCOMPARE(sql(u"SELECT count(*) FROM activities_firings"_s).toInt(), 0);
    QCOMPARE(repo().lastRecorded(id, kBali).value(), QDateTime());
    // Not fired, so it fires now.
    QCOMPARE(repo().recordFiring(id, kBali, bali19(2), u"fire-2"_s, FiringOutcome::Sent, bali19(2))
                 .value(),
             RecordResult::Recorded);
}

void tst_ActivitiesStore::crashedConnectionLeavesNothing()
{
    const qint64 id = savedPost();
    // Another connection (as another run of the app would have) writes the message and the
    // firing, then its connection goes away mid-transaction.
    {
        Database other(Database::Options{m_store->path});
        other.addModule(activitiesSchema());
        STORE_VERIFY(other.open());
        StoreSession session(other);
        Transaction t(other, Transaction::Durability::Full);
        QVERIFY(!t.begin());
        STORE_VERIFY(session.messages().ingest({outgoing(kBerlin, u"fire-3"_s, bali19(3))}));
        QCOMPARE(session.repository<ActivityRepository>()
                     .recordFiring(id, kBerlin, bali19(3), u"fire-3"_s, FiringOutcome::Sent,
                                   bali19(3))
                     .value(),
                 RecordResult::Recorded);
        other.close();
        // The Transaction's own rollback then finds the connection gone.
        QTest::ignoreMessage(QtWarningMsg, "QSqlQuery::exec: database not open");
        QTest::ignoreMessage(QtWarningMsg, "QSqlQuery::exec: database not open");
    }
    QCOMPARE(sql(u"SELECT count(*) FROM messages"_s).toInt(), 0);
    QCOMPARE(sql(u"SELECT count(*) FROM activities_firings"_s).toInt(), 0);
    QCOMPARE(repo().recordFiring(id, kBerlin, bali19(3), u"fire-3"_s, FiringOutcome::Sent,
                                 bali19(3))
                 .value(),
             RecordResult::Recorded);
}

void tst_ActivitiesStore::askedFiringsAreDecidedOnce()
{
    const qint64 id = savedPost();
    STORE_VERIFY(repo().recordFiring(id, kBali, bali19(1), {}, FiringOutcome::Asked, bali19(2)));
    STORE_VERIFY(repo().recordFiring(id, kBali, bali19(2), {}, FiringOutcome::Asked, bali19(2)));
    STORE_VERIFY(m_store->s().messages().ingest({outgoing(kBali, u"late-1"_s, bali19(2, 5))}));
    QCOMPARE(repo().decideAsked(id, kBali, bali19(1), FiringOutcome::Sent, u"late-1"_s,
                                bali19(2, 5))
                 .value(),
             RecordResult::Recorded);
    QCOMPARE(repo().decideAsked(id, kBali, bali19(1), FiringOutcome::Skipped, {}, bali19(2, 6))
                 .value(),
             RecordResult::AlreadyFired);
    QCOMPARE(repo().decideAsked(id, kBali, bali19(2), FiringOutcome::Skipped, {}, bali19(2, 6))
                 .value(),
             RecordResult::Recorded);
    QCOMPARE(repo().decideAsked(id, kBali, bali19(5), FiringOutcome::Skipped, {}, bali19(5))
                 .value(),
             RecordResult::AlreadyFired); // never asked
    QCOMPARE(repo().decideAsked(id, kBali, bali19(2), FiringOutcome::Asked, {}, bali19(5))
                 .error()
                 .code,
             StoreError::Code::InvalidArgument);

    const auto log = repo().firings(id);
    STORE_VERIFY(log);
    QCOMPARE(log.value().size(), 2);
    QCOMPARE(log.value().at(0).occurrence, bali19(2)); // newest first
    QCOMPARE(log.value().at(0).outcome, FiringOutcome::Skipped);
    QCOMPARE(log.value().at(1).outcome, FiringOutcome::Sent);
    QCOMPARE(log.value().at(1).originId, u"late-1"_s);
    QCOMPARE(log.value().at(1).recordedAt, bali19(2, 5));
    QCOMPARE(repo().firings(id, bali19(2)).value().size(), 1);
    QCOMPARE(repo().firings(id, {}, bali19(2)).value().size(), 1);
    QCOMPARE(sql(u"SELECT m.origin_id FROM activities_firings f JOIN messages m "
                 "ON m.id = f.message"_s)
                 .toString(),
             u"late-1"_s);
}

void tst_ActivitiesStore::catchUpResumesFromStore()
{
    const qint64 id = savedPost();
    const ActivityDefinition post = *repo().find(id).value();
    const auto recurrence = Recurrence::create(
        {post.rrule, post.startDate, post.startTime, QByteArray("Asia/Makassar")});
    QVERIFY(recurrence);
    CatchUpRule rule = post.catchUp;
    rule.policy = CatchUpPolicy::FireOnceLate;

    // Asleep for three days; wakes 20 minutes after the fourth evening's firing.
    const QDateTime now = bali19(3, 20);
    const auto last = repo().lastRecorded(id, kBali);
    STORE_VERIFY(last);
    const CatchUpDecision decision =
        decideCatchUp(recurrence.value(), rule, {post.enabledSince, last.value(), now});
    QCOMPARE(decision.due.size(), 1);
    QCOMPARE(decision.due.first().at, bali19(3));
    QCOMPARE(decision.skipped.size(), 3);
    for (const Firing &firing : decision.skipped)
        QCOMPARE(repo().recordFiring(id, kBali, firing.at, {}, FiringOutcome::Skipped, now).value(),
                 RecordResult::Recorded);
    QCOMPARE(repo().recordFiring(id, kBali, decision.due.first().at, u"late"_s,
                                 FiringOutcome::Sent, now)
                 .value(),
             RecordResult::Recorded);
    STORE_VERIFY(repo().setCoveredUntil(id, kBali, decision.coveredUntil));

    // A restart a minute later decides nothing again; the next evening is due on time.
    reopen();
    const QDateTime later = now.addSecs(60);
    const CatchUpDecision again = decideCatchUp(
        recurrence.value(), rule, {post.enabledSince, repo().lastRecorded(id, kBali).value(), later});
    QVERIFY(again.due.isEmpty());
    QVERIFY(again.skipped.isEmpty());
    const CatchUpDecision tomorrow = decideCatchUp(
        recurrence.value(), rule,
        {post.enabledSince, repo().lastRecorded(id, kBali).value(), bali19(4, 1)});
    QCOMPARE(tomorrow.due.size(), 1);
    QCOMPARE(tomorrow.due.first().at, bali19(4));
    QCOMPARE(repo().firings(id).value().size(), 4);

    // coveredUntil only moves forward.
    STORE_VERIFY(repo().setCoveredUntil(id, kBali, bali19(10)));
    STORE_VERIFY(repo().setCoveredUntil(id, kBali, bali19(6)));
    QCOMPARE(repo().lastRecorded(id, kBali).value(), bali19(10));
}

void tst_ActivitiesStore::signupListSurvivesRestart()
{
    ActivityDefinition hike;
    hike.kind = ActivityKind::SignupChain;
    hike.title = u"Saturday hike"_s;
    hike.groups = {kBali};
    const qint64 id = repo().save(hike).value();
    // alice is known to the store (she wrote in the group); the others are not yet.
    STORE_VERIFY(m_store->s().messages().ingest(
        {Msg(kBali, u"hello"_s).stanza(u"s-1"_s).from(u"alice"_s, u"occ-alice"_s)}));

    SignupConfig config;
    config.title = u"Saturday hike"_s;
    config.capacity = 2;
    config.fields = {{u"size"_s, u"shirt size"_s, u"尺码"_s, {u"S"_s, u"M"_s, u"L"_s}, true, false}};
    SignupChain chain(config);
    const auto member = [](const QString &nick) {
        return chat::PersonKey::of(kBali, {}, u"occ-"_s + nick, nick);
    };
    const QDateTime t0 = bali19(0, -30);
    QCOMPARE(chain.handle({member(u"alice"_s), u"alice"_s, u"+1 M"_s, t0}).kind,
             SignupOutcome::Kind::Joined);
    QCOMPARE(chain.handle({member(u"bob"_s), u"bob"_s, u"接龙 L"_s, t0.addSecs(60)}).kind,
             SignupOutcome::Kind::Joined);
    QCOMPARE(chain.handle({member(u"carol"_s), u"carol"_s, u"join S"_s, t0.addSecs(120)}).kind,
             SignupOutcome::Kind::Waitlisted);

    const auto run = signups().openRun(id, kBali, bali19(0));
    STORE_VERIFY(run);
    QCOMPARE(signups().openRun(id, kBali, bali19(0)).value(), run.value()); // idempotent
    STORE_VERIFY(signups().saveState(run.value(), chain.state()));
    QCOMPARE(chain.handle({member(u"alice"_s), u"alice"_s, u"-1"_s, t0.addSecs(300)}).kind,
             SignupOutcome::Kind::Withdrew);
    chain.close();
    STORE_VERIFY(signups().saveState(run.value(), chain.state()));

    reopen();
    QCOMPARE(signups().latestRun(id, kBali).value(), std::optional<qint64>(run.value()));
    QCOMPARE(signups().findRun(id, kBali, bali19(1)).value(), std::optional<qint64>());
    const auto state = signups().state(run.value());
    STORE_VERIFY(state);
    QCOMPARE(state.value(), chain.state());
    QCOMPARE(state.value().confirmed.size(), 2); // carol moved up
    QVERIFY(state.value().waitlist.isEmpty());
    QVERIFY(state.value().closed);
    const SignupChain restored(config, state.value());
    QCOMPARE(restored.render(), chain.render());
    QCOMPARE(sql(u"SELECT count(*) FROM activities_signup_entries WHERE person_id IS NULL"_s)
                 .toInt(),
             2); // bob and carol: not in people yet

    SignupState twice = chain.state();
    twice.waitlist.append(twice.confirmed.first());
    QCOMPARE(signups().saveState(run.value(), twice).error().code,
             StoreError::Code::InvalidArgument);
    QCOMPARE(signups().state(run.value()).value(), chain.state());
    QCOMPARE(signups().saveState(777, chain.state()).error().code, StoreError::Code::NotFound);
    QCOMPARE(signups().openRun(777, kBali, bali19(0)).error().code, StoreError::Code::NotFound);
}

QTEST_GUILESS_MAIN(tst_ActivitiesStore)
#include "tst_activities_store.moc"
