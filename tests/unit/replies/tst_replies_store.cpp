// The template library in a real account store: the replies module migrates a new file
// and reopens an existing one, templates round-trip with every field, an import is all
// or nothing, and usage counts survive a reopen and are never lowered by a stale edit.
#include "replies/RepliesSchema.h"
#include "replies/StarterLibrary.h"
#include "replies/TemplateRepository.h"

#include "../store/StoreTestSupport.h"

using namespace Qt::StringLiterals;
using namespace chorus;
using namespace chorus::replies;
using namespace chorus::store;
using namespace chorus::store::test;

namespace {

Template plug()
{
    Template t;
    t.id = u"travel.power-plug"_s;
    t.category = u"travel"_s;
    t.shortcut = u"/plug"_s;
    t.scope = Scope::tagged({u"bali"_s, u"travel"_s});
    t.attachment = u"https://example.org/plug-type-c.png"_s;
    t.variants.insert(u"en"_s, {u"Power plug"_s, u"In {group} the plug is {plug_type}, {nick}."_s,
                                {u"socket"_s, u"adapter"_s, u"charger"_s}});
    t.variants.insert(u"zh_CN"_s, {u"电源插头"_s, u"{group}的插头是{plug_type}。"_s, {u"插座"_s}});
    return t;
}

Template taxi()
{
    Template t;
    t.id = u"travel.taxi"_s;
    t.category = u"travel/transport"_s;
    t.scope = Scope::groups({u"bali@conference.example.org"_s, u"lombok@conference.example.org"_s});
    t.variants.insert(u"en"_s, {u"Taxi"_s, u"Use the Bluebird app, {{not}} street taxis."_s, {}});
    return t;
}

Template homework()
{
    Template t;
    t.id = u"language.homework"_s;
    t.category = u"language"_s;
    t.shortcut = u"/hw"_s;
    t.variants.insert(u"en"_s, {u"Homework"_s, u"Homework is due {weekday}."_s, {}});
    return t;
}

QDateTime stamp(int minutes)
{
    return QDateTime(QDate(2024, 6, 1), QTime(8, 0), Qt::UTC).addSecs(minutes * 60);
}

} // namespace

class tst_RepliesStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void migratesNewFileAndReopens();
    void templateRoundTrip();
    void updateReplacesInPlace();
    void invalidTemplateIsRefused();
    void usageCountAndLastUsed();
    void usageSurvivesReopen();
    void importIsAllOrNothing();
    void starterLibraryRoundTrips();
    void variables();

private:
    TempStore *m_store = nullptr;
    TemplateRepository &repo() { return m_store->s().repository<TemplateRepository>(); }
    void reopen() { STORE_VERIFY(m_store->open({repliesSchema()})); }
};

void tst_RepliesStore::init()
{
    m_store = new TempStore;
    STORE_VERIFY(m_store->open({repliesSchema()}));
}

void tst_RepliesStore::cleanup()
{
    delete m_store;
    m_store = nullptr;
}

void tst_RepliesStore::migratesNewFileAndReopens()
{
    QCOMPARE(m_store->db->moduleVersion(u"replies"_s), repliesSchema().latestVersion());
    QCOMPARE(m_store->sql(u"SELECT version FROM schema_modules WHERE name = 'replies'"_s).toInt(),
             repliesSchema().latestVersion());
    QCOMPARE(m_store->sql(u"SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                          "AND name LIKE 'replies\\_%' ESCAPE '\\'"_s)
                 .toInt(),
             4);
    STORE_VERIFY(repo().save(plug()));

    // Reopening migrates nothing and keeps the data; so does a build without the module.
    reopen();
    QCOMPARE(m_store->db->moduleVersion(u"replies"_s), repliesSchema().latestVersion());
    QVERIFY(repo().find(plug().id).value().has_value());
    STORE_VERIFY(m_store->open());
    QCOMPARE(m_store->sql(u"SELECT count(*) FROM replies_templates"_s).toInt(), 1);
    reopen();
    QCOMPARE(repo().find(plug().id).value(), std::optional<Template>(plug()));
    const auto problems = m_store->db->integrityCheck();
    QVERIFY(problems.ok() && problems.value().isEmpty());
}

void tst_RepliesStore::templateRoundTrip()
{
    STORE_VERIFY(repo().save(plug()));
    STORE_VERIFY(repo().save(taxi()));
    STORE_VERIFY(repo().save(homework()));
    QCOMPARE(repo().find(u"travel.taxi"_s).value(), std::optional<Template>(taxi()));
    QCOMPARE(repo().find(u"nope"_s).value(), std::optional<Template>());

    reopen();
    const auto library = repo().library();
    STORE_VERIFY(library);
    QCOMPARE(library.value().size(), 3);
    QCOMPARE(library.value().templates().at(0), plug());
    QCOMPARE(library.value().templates().at(1), taxi());
    QCOMPARE(library.value().templates().at(2), homework());
    QCOMPARE(library.value().templates().at(0).variants.value(u"zh_CN"_s).body,
             u"{group}的插头是{plug_type}。"_s);
}

void tst_RepliesStore::updateReplacesInPlace()
{
    STORE_VERIFY(repo().save(plug()));
    STORE_VERIFY(repo().save(taxi()));
    Template edited = plug();
    edited.variants.remove(u"zh_CN"_s);
    edited.variants[u"en"_s].body = u"Bring a type C adapter, {nick}."_s;
    edited.scope = Scope::all();
    edited.shortcut.clear();
    edited.attachment.clear();
    STORE_VERIFY(repo().save(edited));

    const auto library = repo().library();
    STORE_VERIFY(library);
    QCOMPARE(library.value().size(), 2);
    QCOMPARE(library.value().templates().first(), edited); // same place, old parts gone
    QCOMPARE(m_store->sql(u"SELECT count(*) FROM replies_variants"_s).toInt(), 2);
    QCOMPARE(m_store->sql(u"SELECT count(*) FROM replies_scope_entries"_s).toInt(), 2); // taxi's

    STORE_VERIFY(repo().remove(plug().id));
    QCOMPARE(repo().remove(plug().id).error().code, StoreError::Code::NotFound);
    QCOMPARE(repo().library().value().size(), 1);
    QCOMPARE(m_store->sql(u"SELECT count(*) FROM replies_variants"_s).toInt(), 1);
}

void tst_RepliesStore::invalidTemplateIsRefused()
{
    Template bad = plug();
    bad.id = u"Has Spaces"_s;
    const auto saved = repo().save(bad);
    QVERIFY(!saved);
    QCOMPARE(saved.error().code, StoreError::Code::InvalidArgument);
    QVERIFY2(saved.error().message.contains(u"Has Spaces"_s), qPrintable(saved.error().message));

    Template brace = plug();
    brace.variants[u"en"_s].body = u"Unclosed {nick"_s;
    QCOMPARE(repo().save(brace).error().code, StoreError::Code::InvalidArgument);
    QCOMPARE(m_store->sql(u"SELECT count(*) FROM replies_templates"_s).toInt(), 0);
}

void tst_RepliesStore::usageCountAndLastUsed()
{
    STORE_VERIFY(repo().save(plug()));
    QCOMPARE(repo().recordUse(plug().id, stamp(10)).value(), 1);
    QCOMPARE(repo().recordUse(plug().id, stamp(30)).value(), 2);
    // A use stamped earlier (another clock) counts but does not move last use back.
    QCOMPARE(repo().recordUse(plug().id, stamp(20)).value(), 3);
    auto stored = repo().find(plug().id).value();
    QVERIFY(stored);
    QCOMPARE(stored->usageCount, 3);
    QCOMPARE(stored->lastUsed, stamp(30));
    QCOMPARE(stored->lastUsed.timeSpec(), Qt::UTC);

    // An edit made from a copy loaded before those uses does not lower them.
    Template stale = plug();
    stale.variants[u"en"_s].title = u"Plugs and sockets"_s;
    STORE_VERIFY(repo().save(stale));
    stored = repo().find(plug().id).value();
    QCOMPARE(stored->usageCount, 3);
    QCOMPARE(stored->lastUsed, stamp(30));
    QCOMPARE(stored->variants.value(u"en"_s).title, u"Plugs and sockets"_s);

    QCOMPARE(repo().recordUse(u"unknown"_s, stamp(40)).error().code, StoreError::Code::NotFound);
    QCOMPARE(repo().recordUse(plug().id, QDateTime()).error().code,
             StoreError::Code::InvalidArgument);
}

void tst_RepliesStore::usageSurvivesReopen()
{
    STORE_VERIFY(repo().save(plug()));
    STORE_VERIFY(repo().save(homework()));
    for (int i = 0; i < 5; ++i)
        STORE_VERIFY(repo().recordUse(homework().id, stamp(i)));
    STORE_VERIFY(repo().recordUse(plug().id, stamp(100)));
    m_store->close();

    reopen();
    const auto library = repo().library();
    STORE_VERIFY(library);
    QCOMPARE(library.value().find(homework().id)->usageCount, 5);
    QCOMPARE(library.value().find(homework().id)->lastUsed, stamp(4));
    QCOMPARE(library.value().find(plug().id)->usageCount, 1);
    QCOMPARE(library.value().find(plug().id)->lastUsed, stamp(100));
}

void tst_RepliesStore::importIsAllOrNothing()
{
    Template used = plug();
    STORE_VERIFY(repo().save(used));
    STORE_VERIFY(repo().recordUse(used.id, stamp(5)));

    TemplateLibrary incoming;
    Template newer = plug();
    newer.variants[u"en"_s].body = u"Type C, two round pins."_s;
    incoming.insert(newer);
    incoming.insert(taxi());
    Template broken = homework();
    broken.shortcut = u"no-slash"_s;
    incoming.insert(broken);
    incoming.declare({u"plug_type"_s, {{u"en"_s, u"Socket type"_s}}, u"C"_s});

    const auto refused = repo().merge(incoming);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, StoreError::Code::InvalidArgument);
    QVERIFY2(refused.error().message.contains(homework().id), qPrintable(refused.error().message));
    // Nothing of the file: not the valid templates before the bad one, not the variable.
    const auto unchanged = repo().library();
    STORE_VERIFY(unchanged);
    QCOMPARE(unchanged.value().size(), 1);
    QCOMPARE(unchanged.value().templates().first().variants, used.variants);
    QVERIFY(unchanged.value().variables().isEmpty());

    incoming.insert(homework());
    const auto merged = repo().merge(incoming);
    STORE_VERIFY(merged);
    QCOMPARE(merged.value().added, (QStringList{taxi().id, homework().id}));
    QCOMPARE(merged.value().updated, QStringList{plug().id});
    QCOMPARE(merged.value().variablesAdded, QStringList{u"plug_type"_s});
    const auto library = repo().library();
    STORE_VERIFY(library);
    QCOMPARE(library.value().size(), 3);
    const Template *stored = library.value().find(plug().id);
    QCOMPARE(stored->variants.value(u"en"_s).body, u"Type C, two round pins."_s);
    QCOMPARE(stored->usageCount, 1); // the import's 0 does not erase the use
    QCOMPARE(stored->lastUsed, stamp(5));
    QCOMPARE(library.value().variables(), incoming.variables());
}

void tst_RepliesStore::starterLibraryRoundTrips()
{
    const auto starter = loadStarterLibrary();
    QVERIFY2(starter.ok(), starter.ok() ? "" : qPrintable(starter.error().toString()));
    QVERIFY(starter.value().library.size() > 20);
    STORE_VERIFY(repo().merge(starter.value().library));
    reopen();
    const auto library = repo().library();
    STORE_VERIFY(library);
    QCOMPARE(library.value(), starter.value().library);
}

void tst_RepliesStore::variables()
{
    STORE_VERIFY(repo().declare({u"meeting_point"_s,
                                 {{u"en"_s, u"Where we meet"_s}, {u"zh_CN"_s, u"集合地点"_s}},
                                 u"the lobby"_s}));
    STORE_VERIFY(repo().declare({u"guide_phone"_s, {}, {}}));
    STORE_VERIFY(repo().declare({u"meeting_point"_s, {{u"en"_s, u"Meeting point"_s}}, u"pier"_s}));
    QCOMPARE(repo().declare({QString(), {}, {}}).error().code, StoreError::Code::InvalidArgument);
    reopen();
    auto library = repo().library();
    STORE_VERIFY(library);
    QCOMPARE(library.value().variables().size(), 2);
    QCOMPARE(library.value().variables().at(0),
             (VariableSpec{u"meeting_point"_s, {{u"en"_s, u"Meeting point"_s}}, u"pier"_s}));
    QCOMPARE(library.value().variables().at(1).name, u"guide_phone"_s);
    STORE_VERIFY(repo().removeVariable(u"guide_phone"_s));
    QCOMPARE(repo().removeVariable(u"guide_phone"_s).error().code, StoreError::Code::NotFound);
    QCOMPARE(repo().library().value().variables().size(), 1);
}

QTEST_GUILESS_MAIN(tst_RepliesStore)
#include "tst_replies_store.moc"
