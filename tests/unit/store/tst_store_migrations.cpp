// Schema versioning: every earlier core version (frozen SQL fixtures) upgrades to the
// current one with its data intact; feature modules add and upgrade their own tables; a
// newer or foreign file is refused without being touched; a failing step rolls back.

#include "StoreTestSupport.h"

#include "store/CoreSchema.h"

#include <QSqlRecord>

using namespace Qt::StringLiterals;
using namespace chorus;
using namespace chorus::store;
using namespace chorus::store::test;

namespace {

// A feature module as another engineer would write it.
SchemaModule notesModule(int upTo)
{
    QList<Migration> steps{
        {1, u"notes"_s, {u"CREATE TABLE notes_items (id INTEGER PRIMARY KEY, "
                         "group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE, "
                         "text TEXT NOT NULL)"_s}, {}},
        {2, u"note prices"_s, {u"ALTER TABLE notes_items ADD COLUMN price_minor INTEGER"_s,
                               u"ALTER TABLE notes_items ADD COLUMN currency TEXT"_s},
         // A data transform in code: "12 EUR" in the text becomes money columns.
         [](Database &db) -> std::optional<StoreError> {
             QSqlQuery q(db.connection());
             if (!q.exec(u"UPDATE notes_items SET price_minor = CAST(substr(text, 1, "
                         "instr(text, ' ') - 1) AS INTEGER) * 100, currency = substr(text, "
                         "instr(text, ' ') + 1) WHERE text GLOB '[0-9]* [A-Z][A-Z][A-Z]'"_s))
                 return db.error(q.lastError());
             return std::nullopt;
         }},
        {3, u"note index"_s, {u"CREATE INDEX notes_by_group ON notes_items(group_id)"_s}, {}},
    };
    return {u"notes"_s, steps.mid(0, upTo)};
}

QStringList columns(Database &db, const QString &table)
{
    QStringList out;
    QSqlQuery q(db.connection());
    q.exec(u"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('%1')"_s.arg(
        table));
    while (q.next())
        out << u"%1 %2 %3 %4 %5"_s.arg(q.value(0).toString(), q.value(1).toString(),
                                       q.value(2).toString(), q.value(3).toString(),
                                       q.value(4).toString());
    return out;
}

// Tables, indexes and triggers by name, with each table's columns.
QStringList shape(Database &db)
{
    QStringList out;
    QSqlQuery q(db.connection());
    q.exec(u"SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' "
           "ORDER BY type, name"_s);
    QStringList tables;
    while (q.next()) {
        out << q.value(0).toString() + u' ' + q.value(1).toString();
        if (q.value(0).toString() == u"table")
            tables << q.value(1).toString();
    }
    for (const QString &table : tables)
        out += columns(db, table);
    return out;
}

} // namespace

class tst_StoreMigrations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void freshFileIsAtTheLatestVersion();
    void upgradesEveryEarlierVersion_data();
    void upgradesEveryEarlierVersion();
    void upgradedShapeEqualsFreshShape_data();
    void upgradedShapeEqualsFreshShape();
    void moduleAddsAndUpgradesItsTables();
    void newerCoreIsRefusedUntouched();
    void newerModuleIsRefusedUntouched();
    void unknownModuleIsLeftAlone();
    void foreignSqliteFileIsRefused();
    void failingStepRollsBackOnlyItself();
    void malformedModulesAreRejected();
};

void tst_StoreMigrations::freshFileIsAtTheLatestVersion()
{
    TempStore store;
    STORE_VERIFY(store.open());
    QCOMPARE(store.db->coreVersion(), Database::latestCoreVersion());
    QCOMPARE(store.sql(u"PRAGMA user_version"_s).toInt(), Database::latestCoreVersion());
    QCOMPARE(store.sql(u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
    QCOMPARE(store.sql(u"PRAGMA foreign_keys"_s).toInt(), 1);
    QCOMPARE(store.sql(u"PRAGMA application_id"_s).toLongLong(), 0x43485253);
    // Reopening changes nothing.
    store.close();
    STORE_VERIFY(store.open());
    QCOMPARE(store.db->coreVersion(), Database::latestCoreVersion());
}

void tst_StoreMigrations::upgradesEveryEarlierVersion_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("version");
    QTest::newRow("v1") << u"core-v1.sql"_s << 1;
    QTest::newRow("v2") << u"core-v2.sql"_s << 2;
}

void tst_StoreMigrations::upgradesEveryEarlierVersion()
{
    QFETCH(QString, fixture);
    QFETCH(int, version);
    TempStore store;
    QString error;
    QVERIFY2(loadFixture(store.path, fixture, &error), qPrintable(error));
    STORE_VERIFY(store.open());
    QCOMPARE(store.db->coreVersion(), Database::latestCoreVersion());
    QCOMPARE(store.sql(u"PRAGMA integrity_check"_s).toString(), u"ok"_s);
    QCOMPARE(store.sql(u"SELECT count(*) FROM pragma_foreign_key_check"_s).toInt(), 0);

    // Groups, tags, variables, people and members of version 1 survived.
    const auto groups = store.s().groups().all();
    STORE_VERIFY(groups);
    QCOMPARE(groups.value().size(), 2);
    const chat::Group yoga = groups.value().at(0);
    QCOMPARE(yoga.id, u"yoga@conference.example.org"_s);
    QCOMPARE(yoga.name, u"Morning yoga"_s);
    QCOMPARE(yoga.tags, (QStringList{u"fitness"_s, u"paris"_s}));
    QCOMPARE(yoga.timeZone, u"Europe/Paris"_s);
    QCOMPARE(yoga.config.maxUsers, 300);
    QVERIFY(yoga.config.membersOnly);
    QCOMPARE(yoga.policy.openInviteThreshold, 80);
    QVERIFY(yoga.policy.inviteClosed);
    QCOMPARE(groups.value().at(1).name, u"中文班"_s);
    QVERIFY(!groups.value().at(1).autojoin);
    const auto vars = store.s().groups().variables(u"zh@conference.example.org"_s);
    STORE_VERIFY(vars);
    QCOMPARE(vars.value().value(u"meeting_point"_s), u"图书馆门口"_s);
    const auto alice = store.s().people().find({chat::PersonKey::Basis::RealJid,
                                                u"jid:alice@example.org"_s});
    STORE_VERIFY(alice);
    QVERIFY(alice.value());
    QCOMPARE(alice.value()->notes, u"Prefers mornings; paid for March"_s);
    QCOMPARE(alice.value()->tags, QStringList{u"vip"_s});
    const auto members = store.s().members().ofGroup(u"zh@conference.example.org"_s);
    STORE_VERIFY(members);
    QCOMPARE(members.value().size(), 1);
    QCOMPARE(members.value().at(0).member.nick, u"小王"_s);
    QCOMPARE(members.value().at(0).messageCount, 2);

    if (version >= 2) {
        // Messages survived, and version 3 made them searchable.
        const auto page = store.s().messages().timeline(u"yoga@conference.example.org"_s,
                                                        Direction::Backward);
        STORE_VERIFY(page);
        QCOMPARE(page.value().messages.size(), 2); // the correction row is not a message
        const StoredMessage &corrected = page.value().messages.at(1);
        QCOMPARE(corrected.message.body, u"Refund for the yoga mat please"_s);
        QCOMPARE(corrected.originalBody, u"Refund for the yoga mta please"_s);
        QVERIFY(corrected.edited);
        const auto photo = store.s().messages().timeline(u"zh@conference.example.org"_s,
                                                         Direction::Backward);
        STORE_VERIFY(photo);
        QCOMPARE(photo.value().messages.size(), 3);
        QCOMPARE(photo.value().messages.at(1).message.attachments.size(), 1);
        QCOMPARE(photo.value().messages.at(1).message.attachments.at(0).dimensions,
                 QSize(1024, 768));
        const auto last = store.s().messages().lastStanzaId(u"zh@conference.example.org"_s);
        STORE_VERIFY(last);
        QCOMPARE(last.value(), u"st-5"_s); // the newer own message has no stanza-id yet

        for (const auto &[query, expected] :
             {std::pair{u"refund"_s, 1}, std::pair{u"报名"_s, 1}, std::pair{u"图书馆"_s, 1},
              std::pair{u"mta"_s, 0}}) {
            SearchQuery q;
            q.text = query;
            const auto found = store.s().search().search(q);
            STORE_VERIFY(found);
            QCOMPARE(found.value().hits.size(), expected);
        }
        // Ingest after the upgrade deduplicates against the old rows.
        const auto again = store.s().messages().ingest(
            {Msg(u"yoga@conference.example.org"_s, u"Can I book the Friday class?"_s)
                 .stanza(u"st-1"_s)
                 .from(u"alice"_s, {}, u"alice@example.org"_s)});
        STORE_VERIFY(again);
        QCOMPARE(again.value().duplicates, 1);
    }
    STORE_VERIFY_SEARCH_INDEX(*store.db);
}

void tst_StoreMigrations::upgradedShapeEqualsFreshShape_data()
{
    upgradesEveryEarlierVersion_data();
}

void tst_StoreMigrations::upgradedShapeEqualsFreshShape()
{
    // An edited old migration would make an upgraded file differ from a fresh one.
    QFETCH(QString, fixture);
    TempStore fresh, upgraded;
    STORE_VERIFY(fresh.open());
    QString error;
    QVERIFY2(loadFixture(upgraded.path, fixture, &error), qPrintable(error));
    STORE_VERIFY(upgraded.open());
    QCOMPARE(shape(*upgraded.db), shape(*fresh.db));
}

void tst_StoreMigrations::moduleAddsAndUpgradesItsTables()
{
    TempStore store;
    STORE_VERIFY(store.open({notesModule(1)}));
    QCOMPARE(store.db->moduleVersion(u"notes"_s), 1);
    STORE_VERIFY(store.s().groups().ensure(u"g@muc"_s));
    QVERIFY(store.db->execute({u"INSERT INTO notes_items(group_id, text) VALUES "
                               "((SELECT id FROM groups), '12 EUR'), "
                               "((SELECT id FROM groups), 'bring a mat')"_s})
                == std::nullopt);
    store.close();

    // A later build brings steps 2 and 3: data transformed by code, index added.
    STORE_VERIFY(store.open({notesModule(3)}));
    QCOMPARE(store.db->moduleVersion(u"notes"_s), 3);
    QCOMPARE(store.sql(u"SELECT version FROM schema_modules WHERE name = 'notes'"_s).toInt(), 3);
    QCOMPARE(store.sql(u"SELECT price_minor || ' ' || currency FROM notes_items "
                       "WHERE text = '12 EUR'"_s)
                 .toString(),
             u"1200 EUR"_s);
    QVERIFY(store.sql(u"SELECT price_minor FROM notes_items WHERE text = 'bring a mat'"_s)
                .isNull());
    QCOMPARE(store.sql(u"SELECT count(*) FROM sqlite_schema WHERE name = 'notes_by_group'"_s)
                 .toInt(),
             1);
    // The module's rows follow the core's: removing the group removes its notes.
    STORE_VERIFY(store.s().groups().remove(u"g@muc"_s));
    QCOMPARE(store.sql(u"SELECT count(*) FROM notes_items"_s).toInt(), 0);
}

void tst_StoreMigrations::newerCoreIsRefusedUntouched()
{
    TempStore store;
    STORE_VERIFY(store.open());
    STORE_VERIFY(store.s().groups().ensure(u"g@muc"_s));
    QVERIFY(store.db->execute({u"PRAGMA user_version = %1"_s.arg(Database::latestCoreVersion() + 1),
                               u"PRAGMA wal_checkpoint(TRUNCATE)"_s})
            == std::nullopt);
    store.close();
    const QByteArray before = fingerprint(store.path);
    const auto opened = store.open();
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, StoreError::Code::NewerSchema);
    QVERIFY(opened.error().message.contains(u"newer version of Chorus"_s));
    QCOMPARE(fingerprint(store.path), before);
}

void tst_StoreMigrations::newerModuleIsRefusedUntouched()
{
    TempStore store;
    STORE_VERIFY(store.open({notesModule(3)}));
    store.close();
    const QByteArray before = fingerprint(store.path);
    const auto opened = store.open({notesModule(2)}); // an older build of the feature
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, StoreError::Code::NewerSchema);
    QVERIFY(opened.error().detail.contains(u"notes"_s));
    QCOMPARE(fingerprint(store.path), before);
    STORE_VERIFY(store.open({notesModule(3)}));
}

void tst_StoreMigrations::unknownModuleIsLeftAlone()
{
    TempStore store;
    STORE_VERIFY(store.open({notesModule(3)}));
    store.close();
    STORE_VERIFY(store.open()); // a build without the notes feature
    QCOMPARE(store.sql(u"SELECT version FROM schema_modules WHERE name = 'notes'"_s).toInt(), 3);
    QCOMPARE(store.sql(u"SELECT count(*) FROM sqlite_schema WHERE name = 'notes_items'"_s).toInt(),
             1);
}

void tst_StoreMigrations::foreignSqliteFileIsRefused()
{
    TempStore store;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"foreign"_s);
        db.setDatabaseName(store.path);
        QVERIFY(db.open());
        QSqlQuery(db).exec(u"CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)"_s);
        db.close();
    }
    QSqlDatabase::removeDatabase(u"foreign"_s);
    const QByteArray before = fingerprint(store.path);
    const auto opened = store.open();
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, StoreError::Code::Corrupt);
    QVERIFY(opened.error().detail.contains(u"not a Chorus database"_s));
    QCOMPARE(fingerprint(store.path), before);
}

void tst_StoreMigrations::failingStepRollsBackOnlyItself()
{
    TempStore store;
    SchemaModule broken = notesModule(1);
    broken.steps.append({2, u"broken"_s,
                         {u"ALTER TABLE notes_items ADD COLUMN colour TEXT"_s,
                          u"CREATE TABLE notes_items (x)"_s}, // fails: already exists
                         {}});
    const auto opened = store.open({broken});
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, StoreError::Code::MigrationFailed);
    QVERIFY(opened.error().detail.contains(u"notes v2"_s));
    // Core and notes v1 stayed; step 2's first statement was rolled back with it.
    STORE_VERIFY(store.open({notesModule(1)}));
    QCOMPARE(store.db->coreVersion(), Database::latestCoreVersion());
    QCOMPARE(store.db->moduleVersion(u"notes"_s), 1);
    QVERIFY(!columns(*store.db, u"notes_items"_s).join(u'|').contains(u"colour"_s));

    // A step whose code fails rolls back too.
    SchemaModule failingCode = notesModule(1);
    failingCode.steps.append({2, u"code fails"_s, {u"CREATE TABLE notes_more (x)"_s},
                              [](Database &db) -> std::optional<StoreError> {
                                  return StoreError::make(StoreError::Code::InvalidArgument,
                                                          db.path(), u"bad data"_s);
                              }});
    const auto again = store.open({failingCode});
    QVERIFY(!again);
    QCOMPARE(again.error().code, StoreError::Code::MigrationFailed);
    STORE_VERIFY(store.open({notesModule(1)}));
    QCOMPARE(store.sql(u"SELECT count(*) FROM sqlite_schema WHERE name = 'notes_more'"_s).toInt(),
             0);
}

void tst_StoreMigrations::malformedModulesAreRejected()
{
    TempStore store;
    SchemaModule gap = notesModule(1);
    gap.steps.append({3, u"skips 2"_s, {}, {}});
    auto opened = store.open({gap});
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, StoreError::Code::InvalidArgument);
    opened = store.open({notesModule(1), notesModule(2)});
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, StoreError::Code::InvalidArgument);
    opened = store.open({{u"core"_s, {}}});
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, StoreError::Code::InvalidArgument);
    QVERIFY(!QFile::exists(store.path)); // nothing was created for a bad definition
}

QTEST_GUILESS_MAIN(tst_StoreMigrations)
#include "tst_store_migrations.moc"
