// The composer's "/" popup: prefix filtering by shortcut and title, scope by group id
// and tags, bodies rendered for the group and the person addressed, language cycling.
#include "replies/Composer.h"
#include "replies/StarterLibrary.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::replies;

namespace {

QStringList ids(const QList<Completion> &list)
{
    QStringList out;
    for (const Completion &c : list)
        out.append(c.templateId);
    return out;
}

} // namespace

class tst_RepliesComposer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void exactShortcutFirst();
    void shortcutAndTitlePrefixes();
    void chineseTitles();
    void scopeByTagsAndGroups();
    void renderedForGroupAndAddressee();
    void missingFactsFlaggedInPopup();
    void languageFromGroupAndCycling();
    void usageOrdersTies();
    void limitAndNoMatch();

private:
    RenderInput baliInput() const;
    TemplateLibrary m_library;
    TemplateRenderer m_renderer;
};

void tst_RepliesComposer::initTestCase()
{
    const auto loaded = loadStarterLibrary();
    QVERIFY(loaded.ok());
    m_library = loaded.value().library;
    m_renderer = TemplateRenderer(m_library.variableNames());
}

RenderInput tst_RepliesComposer::baliInput() const
{
    RenderInput in;
    in.group.groupId = u"bali-may@conference.example.org"_s;
    in.group.name = u"Bali May"_s;
    in.group.tags = {u"travel"_s, u"bali"_s};
    in.group.timeZone = u"Asia/Makassar"_s;
    in.group.variables = {{u"plug_type"_s, u"Type C and F"_s},
                          {u"voltage"_s, u"230 V, 50 Hz"_s},
                          {u"meeting_point"_s, u"the hotel lobby"_s},
                          {u"meeting_time"_s, u"08:00"_s}};
    in.nick = u"Ann"_s;
    in.operatorName = u"Wei"_s;
    in.now = QDateTime(QDate(2024, 5, 2), QTime(1, 0), Qt::UTC);
    return in;
}

void tst_RepliesComposer::exactShortcutFirst()
{
    const ComposerCompletions composer(m_library, m_renderer);
    // "/late" is a travel shortcut and the prefix of the fitness "/lateclass".
    const QList<Completion> list = composer.complete(u"/late"_s, baliInput());
    QCOMPARE(ids(list).mid(0, 2),
             (QStringList {u"travel.running-late"_s, u"fitness.late-arrival"_s}));
    QCOMPARE(list.first().shortcut, u"/late"_s);
}

void tst_RepliesComposer::shortcutAndTitlePrefixes()
{
    const ComposerCompletions composer(m_library, m_renderer);
    // Shortcut prefix before title prefix before a later word of a title.
    const QStringList p = ids(composer.complete(u"/p"_s, baliInput(), u"en"_s, 20));
    QVERIFY(p.indexOf(u"travel.power-plug"_s) >= 0); // /plug
    QVERIFY(p.indexOf(u"fitness.class-packs"_s) >= 0); // /packs
    QVERIFY(p.indexOf(u"travel.lost-passport"_s) >= 0); // /passport
    QVERIFY(p.indexOf(u"travel.tomorrow-plan"_s) >= 0); // /plan
    // "Pausing a membership" (/pause) is a shortcut match too; "Lost phone" only by title
    // word, so it comes after every shortcut match.
    const qsizetype lostPhone = p.indexOf(u"travel.lost-phone"_s);
    QVERIFY(lostPhone < 0 || lostPhone > p.indexOf(u"fitness.pause-membership"_s));
    // Without the slash and in another case, same result.
    QCOMPARE(ids(composer.complete(u"PLU"_s, baliInput())).first(), u"travel.power-plug"_s);
    // A later word of a title: "adapt" finds "Power plugs and adapters".
    QCOMPARE(ids(composer.complete(u"/adapt"_s, baliInput())),
             QStringList {u"travel.power-plug"_s});
}

void tst_RepliesComposer::chineseTitles()
{
    const ComposerCompletions composer(m_library, m_renderer);
    const QList<Completion> list = composer.complete(u"/插头"_s, baliInput(), u"zh_CN"_s);
    QCOMPARE(ids(list), QStringList {u"travel.power-plug"_s});
    QCOMPARE(list.first().title, u"插头和转换器"_s);
}

void tst_RepliesComposer::scopeByTagsAndGroups()
{
    TemplateLibrary lib = m_library;
    Template vip;
    vip.id = u"vip.only"_s;
    vip.shortcut = u"/temple-vip"_s;
    vip.scope = Scope::groups({u"vip@conference.example.org"_s});
    vip.variants.insert(u"en"_s, {u"VIP temple tour"_s, u"Hi {nick}"_s, {}});
    lib.insert(vip);
    const ComposerCompletions composer(lib, m_renderer);

    RenderInput bali = baliInput();
    QCOMPARE(ids(composer.complete(u"/temple"_s, bali)),
             QStringList {u"travel.bali-temple-dress"_s});

    RenderInput tokyo = baliInput();
    tokyo.group.groupId = u"tokyo@conference.example.org"_s;
    tokyo.group.tags = {u"travel"_s, u"tokyo"_s};
    QVERIFY(composer.complete(u"/temple"_s, tokyo).isEmpty());
    // Nothing scoped elsewhere leaks into the full list either.
    const QStringList all = ids(composer.complete(u"/"_s, tokyo, {}, 1000));
    QVERIFY(!all.contains(u"travel.bali-temple-dress"_s));
    QVERIFY(!all.contains(u"vip.only"_s));
    QCOMPARE(all.size(), lib.size() - 2);

    RenderInput vipGroup = tokyo;
    vipGroup.group.groupId = u"VIP@conference.example.org"_s;
    QCOMPARE(ids(composer.complete(u"/temple"_s, vipGroup)), QStringList {u"vip.only"_s});
}

void tst_RepliesComposer::renderedForGroupAndAddressee()
{
    const ComposerCompletions composer(m_library, m_renderer);
    const Completion c = composer.complete(u"/plug"_s, baliInput(), u"en"_s).first();
    QVERIFY(c.rendered.isSendable());
    QVERIFY(c.rendered.sendableText()->startsWith(
        u"Hi Ann! Sockets here are Type C and F, 230 V, 50 Hz."_s));
    QCOMPARE(c.title, u"Power plugs and adapters"_s);
}

void tst_RepliesComposer::missingFactsFlaggedInPopup()
{
    const ComposerCompletions composer(m_library, m_renderer);
    const Completion c = composer.complete(u"/wifi"_s, baliInput()).first();
    QCOMPARE(c.templateId, u"travel.wifi"_s);
    QCOMPARE(c.rendered.missing, (QStringList {u"wifi_name"_s, u"wifi_password"_s}));
    QVERIFY(!c.rendered.sendableText());
}

void tst_RepliesComposer::languageFromGroupAndCycling()
{
    const ComposerCompletions composer(m_library, m_renderer);
    RenderInput in = baliInput();
    in.group.language = u"zh_CN"_s;
    const Completion zh = composer.complete(u"/meet"_s, in).first();
    QCOMPARE(zh.language, u"zh_CN"_s);
    QCOMPARE(zh.languages, (QStringList {u"en"_s, u"zh_CN"_s}));
    QVERIFY(zh.rendered.sendableText()->startsWith(u"Ann 您好！集合地点：the hotel lobby"_s));

    const Completion en = composer.cycleLanguage(zh, in);
    QCOMPARE(en.language, u"en"_s);
    QCOMPARE(en.title, u"Meeting point"_s);
    QVERIFY(
        en.rendered.sendableText()->startsWith(u"Hi Ann! We meet at the hotel lobby at 08:00."_s));
    QCOMPARE(composer.cycleLanguage(en, in).language, u"zh_CN"_s);

    in.group.language.clear(); // no group language: English
    QCOMPARE(composer.complete(u"/meet"_s, in).first().language, u"en"_s);
}

void tst_RepliesComposer::usageOrdersTies()
{
    TemplateLibrary lib = m_library;
    const ComposerCompletions before(lib, m_renderer);
    const QStringList plain = ids(before.complete(u"/lost"_s, baliInput()));
    QCOMPARE(plain.first(), u"travel.lost-item"_s); // exact shortcut
    QVERIFY(plain.indexOf(u"travel.lost-phone"_s) > 0);

    // Among equal matches (here: shortcut prefixes) the more used one comes first.
    const QStringList titles = ids(before.complete(u"/t"_s, baliInput(), u"en"_s, 50));
    const qsizetype taxi = titles.indexOf(u"travel.ride-hailing"_s);
    const qsizetype tip = titles.indexOf(u"travel.tipping"_s);
    QVERIFY(taxi >= 0 && tip >= 0 && taxi < tip); // both by shortcut, alphabetical
    for (int i = 0; i < 3; ++i)
        lib.recordUse(u"travel.tipping"_s, QDateTime(QDate(2024, 5, 1), QTime(10, i), Qt::UTC));
    const ComposerCompletions after(lib, m_renderer);
    const QStringList used = ids(after.complete(u"/t"_s, baliInput(), u"en"_s, 50));
    QVERIFY(used.indexOf(u"travel.tipping"_s) < used.indexOf(u"travel.ride-hailing"_s));
}

void tst_RepliesComposer::limitAndNoMatch()
{
    const ComposerCompletions composer(m_library, m_renderer);
    QCOMPARE(composer.complete(u"/"_s, baliInput()).size(), 8);
    QCOMPARE(composer.complete(u"/"_s, baliInput(), {}, 3).size(), 3);
    QVERIFY(composer.complete(u"/zzz"_s, baliInput()).isEmpty());
}

QTEST_GUILESS_MAIN(tst_RepliesComposer)
#include "tst_replies_composer.moc"
