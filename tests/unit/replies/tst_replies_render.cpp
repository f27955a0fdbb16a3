// Rendering: built-in variables from a fixed clock in several zones (including a group
// whose date differs from the operator's), group variables, missing and unknown ones,
// literal braces, malformed braces with positions, language fallback, validation.
#include "replies/Placeholders.h"
#include "replies/Renderer.h"
#include "replies/Template.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace chorus::replies;

namespace {

// Sunday 10 March 2024, 23:30 UTC: already Monday in Bali and Paris, still Sunday in
// California (which moved to daylight time that morning).
const QDateTime kNow(QDate(2024, 3, 10), QTime(23, 30), Qt::UTC);

RenderInput input(const QString &zone, QHash<QString, QString> variables = {})
{
    RenderInput in;
    in.group.groupId = u"bali-may@conference.example.org"_s;
    in.group.name = u"Bali May 2024"_s;
    in.group.tags = {u"travel"_s, u"bali"_s};
    in.group.timeZone = zone;
    in.group.variables = std::move(variables);
    in.nick = u"Ann"_s;
    in.operatorName = u"Wei (guide)"_s;
    in.now = kNow;
    return in;
}

Template bilingual(const QString &en, const QString &zh)
{
    Template t;
    t.id = u"t"_s;
    t.variants.insert(u"en"_s, {u"Title"_s, en, {}});
    t.variants.insert(u"zh_CN"_s, {u"标题"_s, zh, {}});
    return t;
}

} // namespace

class tst_RepliesRender : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void builtinTimes_data();
    void builtinTimes();
    void groupDateDiffersFromOperatorDate();
    void clockIsInjected();
    void nickGroupOperator();
    void groupVariables();
    void missingGroupVariableIsFlagged();
    void unknownVariableIsFlagged();
    void blankValueCountsAsMissing();
    void missingBuiltins_data();
    void missingBuiltins();
    void valuesAreNotReparsed();
    void escapedBraces_data();
    void escapedBraces();
    void malformedBraces_data();
    void malformedBraces();
    void malformedBodyIsNeverSendable();
    void languageFallback_data();
    void languageFallback();
    void renderUsesFallbackVariant();
    void cyclingLanguages();
    void normalizeLanguageNames_data();
    void normalizeLanguageNames();
    void validation();
    void scopeAllows();
};

void tst_RepliesRender::builtinTimes_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("time");
    QTest::addColumn<QString>("date");
    QTest::addColumn<QString>("weekday");
    QTest::newRow("bali en") << u"Asia/Makassar"_s << u"en"_s << u"7:30 AM"_s << u"March 11, 2024"_s
                             << u"Monday"_s;
    QTest::newRow("bali zh") << u"Asia/Makassar"_s << u"zh_CN"_s << u"07:30"_s << u"2024年3月11日"_s
                             << u"星期一"_s;
    QTest::newRow("paris en") << u"Europe/Paris"_s << u"en"_s << u"12:30 AM"_s
                              << u"March 11, 2024"_s << u"Monday"_s;
    QTest::newRow("los angeles en") << u"America/Los_Angeles"_s << u"en"_s << u"4:30 PM"_s
                                    << u"March 10, 2024"_s << u"Sunday"_s;
    QTest::newRow("los angeles zh") << u"America/Los_Angeles"_s << u"zh_CN"_s << u"16:30"_s
                                    << u"2024年3月10日"_s << u"星期日"_s;
    QTest::newRow("kathmandu +5:45")
        << u"Asia/Kathmandu"_s << u"en"_s << u"5:15 AM"_s << u"March 11, 2024"_s << u"Monday"_s;
}

void tst_RepliesRender::builtinTimes()
{
    QFETCH(QString, zone);
    QFETCH(QString, language);
    QFETCH(QString, time);
    QFETCH(QString, date);
    QFETCH(QString, weekday);
    const TemplateRenderer renderer;
    const RenderResult r
        = renderer.renderText(u"{local_time}|{date}|{weekday}"_s, language, input(zone));
    QVERIFY2(r.isSendable(), qPrintable(r.missing.join(u',')));
    // Qt's CLDR data may use a narrow no-break space before AM/PM; compare plain spaces.
    QString text = *r.sendableText();
    text.replace(QChar(0x202F), u' ');
    QCOMPARE(text, time + u'|' + date + u'|' + weekday);
}

void tst_RepliesRender::groupDateDiffersFromOperatorDate()
{
    // The operator sits in Shanghai on Monday morning; the group is in California,
    // still on Sunday afternoon. The reply must carry the group's day.
    const QDateTime operatorClock = kNow.toTimeZone(QTimeZone("Asia/Shanghai"));
    QCOMPARE(operatorClock.date(), QDate(2024, 3, 11));
    RenderInput in = input(u"America/Los_Angeles"_s);
    in.now = operatorClock; // same instant, expressed in the operator's zone
    const TemplateRenderer renderer;
    const RenderResult r = renderer.render(
        bilingual(u"Today is {weekday}, {date}."_s, u"今天是{date}{weekday}。"_s), u"en"_s, in);
    QCOMPARE(*r.sendableText(), u"Today is Sunday, March 10, 2024."_s);
    const RenderResult zh = renderer.render(
        bilingual(u"Today is {weekday}, {date}."_s, u"今天是{date}{weekday}。"_s), u"zh_CN"_s, in);
    QCOMPARE(*zh.sendableText(), u"今天是2024年3月10日星期日。"_s);
}

void tst_RepliesRender::clockIsInjected()
{
    // Two clocks, two results: nothing reads the wall clock behind the caller's back.
    const TemplateRenderer renderer;
    RenderInput in = input(u"Europe/Paris"_s);
    in.now = QDateTime(QDate(2030, 12, 31), QTime(22, 59), Qt::UTC);
    QCOMPARE(*renderer.renderText(u"{date} {weekday}"_s, u"en"_s, in).sendableText(),
             u"December 31, 2030 Tuesday"_s);
    in.now = in.now.addSecs(60);
    QCOMPARE(*renderer.renderText(u"{date} {weekday}"_s, u"en"_s, in).sendableText(),
             u"January 1, 2031 Wednesday"_s);
}

void tst_RepliesRender::nickGroupOperator()
{
    const TemplateRenderer renderer;
    const RenderResult r = renderer.renderText(u"Hi {nick}, welcome to {group}! I'm {operator}."_s,
                                               u"en"_s, input(u"Asia/Makassar"_s));
    QCOMPARE(*r.sendableText(), u"Hi Ann, welcome to Bali May 2024! I'm Wei (guide)."_s);
}

void tst_RepliesRender::groupVariables()
{
    const TemplateRenderer renderer({u"plug_type"_s, u"voltage"_s});
    const auto in = input(u"Asia/Makassar"_s,
                          {{u"plug_type"_s, u"Type C and F"_s}, {u"voltage"_s, u"230 V"_s}});
    const RenderResult r
        = renderer.render(bilingual(u"{nick}: sockets are {plug_type}, {voltage}."_s,
                                    u"{nick}：插座是 {plug_type}，电压 {voltage}。"_s),
                          u"zh_CN"_s, in);
    QCOMPARE(r.language, u"zh_CN"_s);
    QCOMPARE(*r.sendableText(), u"Ann：插座是 Type C and F，电压 230 V。"_s);
}

void tst_RepliesRender::missingGroupVariableIsFlagged()
{
    const TemplateRenderer renderer({u"meeting_point"_s, u"meeting_time"_s});
    const auto in = input(u"Asia/Makassar"_s, {{u"meeting_time"_s, u"08:00"_s}});
    const RenderResult r = renderer.renderText(
        u"{nick}, we meet at {meeting_point} at {meeting_time}; {meeting_point}!"_s, u"en"_s, in);
    QVERIFY(!r.isSendable());
    QVERIFY(!r.sendableText().has_value());
    QCOMPARE(r.missing, QStringList {u"meeting_point"_s}); // listed once
    QVERIFY(r.unknown.isEmpty());
    // The preview shows where the fact is missing; it is never offered as sendable.
    QCOMPARE(r.preview, u"Ann, we meet at {meeting_point} at 08:00; {meeting_point}!"_s);
}

void tst_RepliesRender::unknownVariableIsFlagged()
{
    const TemplateRenderer renderer({u"meeting_point"_s});
    const RenderResult r = renderer.renderText(u"Meet at {meting_point}, {nick}."_s, u"en"_s,
                                               input(u"Asia/Makassar"_s));
    QVERIFY(!r.isSendable());
    QCOMPARE(r.unknown, QStringList {u"meting_point"_s});
    QVERIFY(r.missing.isEmpty());

    // A variable the group defines is known even if the library never declared it.
    const RenderResult defined = renderer.renderText(
        u"{dress_code}"_s, u"en"_s, input(u"Asia/Makassar"_s, {{u"dress_code"_s, u"smart"_s}}));
    QCOMPARE(*defined.sendableText(), u"smart"_s);
}

void tst_RepliesRender::blankValueCountsAsMissing()
{
    const TemplateRenderer renderer({u"guide_phone"_s});
    const RenderResult r = renderer.renderText(
        u"Call {guide_phone}"_s, u"en"_s, input(u"Asia/Makassar"_s, {{u"guide_phone"_s, u"  "_s}}));
    QCOMPARE(r.missing, QStringList {u"guide_phone"_s});
    QVERIFY(!r.isSendable());
}

void tst_RepliesRender::missingBuiltins_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("nick");
    QTest::addColumn<QStringList>("missing");
    QTest::newRow("no addressee") << u"Hi {nick}"_s << u"Asia/Makassar"_s << QString()
                                  << QStringList {u"nick"_s};
    QTest::newRow("group without zone")
        << u"{local_time} {date} {weekday}"_s << QString() << u"Ann"_s
        << QStringList {u"local_time"_s, u"date"_s, u"weekday"_s};
    QTest::newRow("invalid zone") << u"It is {local_time}"_s << u"Mars/Olympus_Mons"_s << u"Ann"_s
                                  << QStringList {u"local_time"_s};
}

void tst_RepliesRender::missingBuiltins()
{
    QFETCH(QString, body);
    QFETCH(QString, zone);
    QFETCH(QString, nick);
    QFETCH(QStringList, missing);
    RenderInput in = input(zone);
    in.nick = nick;
    const RenderResult r = TemplateRenderer().renderText(body, u"en"_s, in);
    QCOMPARE(r.missing, missing);
    QVERIFY(!r.isSendable());
}

void tst_RepliesRender::valuesAreNotReparsed()
{
    // A nick or value with braces is data: inserted as is, not treated as a variable.
    RenderInput in = input(u"Asia/Makassar"_s, {{u"wifi_password"_s, u"{x}}{"_s}});
    in.nick = u"{operator}"_s;
    const RenderResult r = TemplateRenderer({u"wifi_password"_s})
                               .renderText(u"{nick}: {wifi_password}"_s, u"en"_s, in);
    QCOMPARE(*r.sendableText(), u"{operator}: {x}}{"_s);
}

void tst_RepliesRender::escapedBraces_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("expected");
    QTest::newRow("literal word") << u"Type {{nick}} to mention"_s << u"Type {nick} to mention"_s;
    QTest::newRow("around a variable") << u"{{{nick}}}"_s << u"{Ann}"_s;
    QTest::newRow("lone pairs") << u"a }} b {{ c"_s << u"a } b { c"_s;
    QTest::newRow("json sample") << u"{{\"a\": 1}}"_s << u"{\"a\": 1}"_s;
    QTest::newRow("escape round trip") << escapeBraces(u"{x} and }{"_s) << u"{x} and }{"_s;
}

void tst_RepliesRender::escapedBraces()
{
    QFETCH(QString, body);
    QFETCH(QString, expected);
    const RenderResult r = TemplateRenderer().renderText(body, u"en"_s, input(u"Asia/Makassar"_s));
    QVERIFY(r.errors.isEmpty());
    QCOMPARE(*r.sendableText(), expected);
}

void tst_RepliesRender::malformedBraces_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("position");
    using C = SyntaxError::Code;
    QTest::newRow("unclosed") << u"Hello {nick"_s << int(C::UnclosedBrace) << 6;
    QTest::newRow("unclosed before newline") << u"Hi {nick\n}"_s << int(C::UnclosedBrace) << 3;
    QTest::newRow("stray closing") << u"a } b"_s << int(C::StrayClosingBrace) << 2;
    QTest::newRow("empty") << u"x {} y"_s << int(C::EmptyName) << 2;
    QTest::newRow("space in name") << u"{two words}"_s << int(C::InvalidName) << 4;
    QTest::newRow("nested") << u"{a{b}"_s << int(C::InvalidName) << 2;
    QTest::newRow("leading digit") << u"{1st}"_s << int(C::InvalidName) << 1;
    QTest::newRow("punctuation") << u"ok {nick!}"_s << int(C::InvalidName) << 8;
    QTest::newRow("odd closing after escape") << u"}}}"_s << int(C::StrayClosingBrace) << 2;
}

void tst_RepliesRender::malformedBraces()
{
    QFETCH(QString, text);
    QFETCH(int, code);
    QFETCH(int, position);
    const ParsedText parsed = parsePlaceholders(text);
    QVERIFY(!parsed.ok());
    QCOMPARE(int(parsed.errors.first().code), code);
    QCOMPARE(parsed.errors.first().position, position);
    // The message names the position the operator sees (1-based).
    QVERIFY2(parsed.errors.first().message.contains(QString::number(position + 1)),
             qPrintable(parsed.errors.first().message));
}

void tst_RepliesRender::malformedBodyIsNeverSendable()
{
    const RenderResult r = TemplateRenderer().renderText(u"Hi {nick}, see {you"_s, u"en"_s,
                                                         input(u"Asia/Makassar"_s));
    QCOMPARE(r.errors.size(), 1);
    QVERIFY(!r.isSendable());
    QVERIFY(!r.sendableText());
    // Nor is an empty one.
    QVERIFY(
        !TemplateRenderer().renderText(u"  "_s, u"en"_s, input(u"Asia/Makassar"_s)).isSendable());
}

void tst_RepliesRender::languageFallback_data()
{
    QTest::addColumn<QStringList>("available");
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QString>("expected");
    const QStringList enZh {u"en"_s, u"zh_CN"_s};
    QTest::newRow("exact") << enZh << u"zh_CN"_s << u"zh_CN"_s;
    QTest::newRow("bcp47 spelling") << enZh << u"zh-cn"_s << u"zh_CN"_s;
    QTest::newRow("other region of the language") << enZh << u"zh_TW"_s << u"zh_CN"_s;
    QTest::newRow("bare language") << enZh << u"zh"_s << u"zh_CN"_s;
    QTest::newRow("unknown to english") << enZh << u"de"_s << u"en"_s;
    QTest::newRow("nothing asked") << enZh << QString() << u"en"_s;
    QTest::newRow("zh_CN to zh") << QStringList {u"en"_s, u"zh"_s} << u"zh_CN"_s << u"zh"_s;
    QTest::newRow("zh before en") << QStringList {u"zh"_s, u"zh_TW"_s, u"en"_s} << u"zh_CN"_s
                                  << u"zh"_s;
    QTest::newRow("no english: first") << QStringList {u"fr"_s, u"ja"_s} << u"de"_s << u"fr"_s;
    QTest::newRow("english region")
        << QStringList {u"en_GB"_s, u"zh_CN"_s} << u"en_US"_s << u"en_GB"_s;
}

void tst_RepliesRender::languageFallback()
{
    QFETCH(QStringList, available);
    QFETCH(QString, requested);
    QFETCH(QString, expected);
    Template t;
    for (const QString &lang : available)
        t.variants.insert(lang, {lang, u"body "_s + lang, {}});
    QCOMPARE(t.resolveLanguage(requested), expected);
    QCOMPARE(t.variant(requested)->body, u"body "_s + expected);
}

void tst_RepliesRender::renderUsesFallbackVariant()
{
    // A Chinese-speaking group gets the Chinese text and Chinese dates; a German one
    // falls back to English text with English dates (the variant's language decides).
    const Template t = bilingual(u"{weekday}"_s, u"{weekday}"_s);
    const TemplateRenderer renderer;
    const RenderResult zh = renderer.render(t, u"zh_TW"_s, input(u"Asia/Makassar"_s));
    QCOMPARE(zh.language, u"zh_CN"_s);
    QCOMPARE(*zh.sendableText(), u"星期一"_s);
    const RenderResult de = renderer.render(t, u"de"_s, input(u"Asia/Makassar"_s));
    QCOMPARE(de.language, u"en"_s);
    QCOMPARE(*de.sendableText(), u"Monday"_s);
    Template empty;
    QVERIFY(!renderer.render(empty, u"en"_s, input(u"Asia/Makassar"_s)).isSendable());
}

void tst_RepliesRender::cyclingLanguages()
{
    Template t = bilingual(u"a"_s, u"b"_s);
    t.variants.insert(u"de"_s, {u"T"_s, u"c"_s, {}});
    QCOMPARE(t.languages(), (QStringList {u"de"_s, u"en"_s, u"zh_CN"_s}));
    QCOMPARE(t.nextLanguage(u"de"_s), u"en"_s);
    QCOMPARE(t.nextLanguage(u"en"_s), u"zh_CN"_s);
    QCOMPARE(t.nextLanguage(u"zh_CN"_s), u"de"_s);
    QCOMPARE(t.nextLanguage(u"fr"_s), u"zh_CN"_s); // fr resolves to en first
}

void tst_RepliesRender::normalizeLanguageNames_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("plain") << u"en"_s << u"en"_s;
    QTest::newRow("upper") << u"EN"_s << u"en"_s;
    QTest::newRow("bcp47") << u"zh-CN"_s << u"zh_CN"_s;
    QTest::newRow("lower region") << u"zh_cn"_s << u"zh_CN"_s;
    QTest::newRow("script") << u"zh-hant-tw"_s << u"zh_Hant_TW"_s;
    QTest::newRow("numeric region") << u"es-419"_s << u"es_419"_s;
    QTest::newRow("word") << u"english"_s << QString();
    QTest::newRow("empty") << QString() << QString();
}

void tst_RepliesRender::normalizeLanguageNames()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(normalizeLanguage(in), out);
}

void tst_RepliesRender::validation()
{
    Template t = bilingual(u"Hi {nick"_s, u"好"_s);
    t.id = u"Bad Id"_s;
    t.shortcut = u"plug"_s;
    t.scope = Scope::tagged({});
    t.attachment = u"ftp://example.org/x.png"_s;
    t.variants[u"zh_CN"_s].title.clear();
    const QList<TemplateProblem> problems = validate(t);
    QStringList fields;
    for (const TemplateProblem &p : problems)
        fields.append(p.field);
    QCOMPARE(fields,
             (QStringList {u"id"_s, u"shortcut"_s, u"scope.tags"_s, u"attachment"_s,
                           u"variants.en.body"_s, u"variants.zh_CN.title"_s}));
    QCOMPARE(problems.at(4).position, 3);

    Template good = bilingual(u"Hi {nick}"_s, u"{nick} 你好"_s);
    good.id = u"travel.hello-1"_s;
    good.shortcut = u"/你好"_s;
    good.attachment = u"https://example.org/plug.png"_s;
    QVERIFY(validate(good).isEmpty());
    good.attachment = u"images/plug types.png"_s; // a local path
    QVERIFY(validate(good).isEmpty());
    good.variants.clear();
    QCOMPARE(validate(good).size(), 1);
}

void tst_RepliesRender::scopeAllows()
{
    QVERIFY(Scope::all().allows(u"a@x"_s, {}));
    QVERIFY(Scope::tagged({u"Bali"_s}).allows(u"a@x"_s, {u"travel"_s, u"bali"_s}));
    QVERIFY(!Scope::tagged({u"bali"_s}).allows(u"a@x"_s, {u"travel"_s, u"tokyo"_s}));
    QVERIFY(Scope::groups({u"a@x"_s}).allows(u"A@x"_s, {}));
    QVERIFY(!Scope::groups({u"a@x"_s}).allows(u"b@x"_s, {u"bali"_s}));
}

QTEST_GUILESS_MAIN(tst_RepliesRender)
#include "tst_replies_render.moc"
