// Library import/export: JSON and CSV round trips, every refusal with its line and
// field, duplicate shortcuts, merges that never lose usage, nothing half-imported.
#include "replies/LibraryCsv.h"
#include "replies/LibraryJson.h"
#include "replies/StarterLibrary.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::replies;

namespace {

// 1-based line of the first occurrence of `marker` in `text`.
int lineOf(const QByteArray &text, const QByteArray &marker)
{
    const qsizetype at = text.indexOf(marker);
    Q_ASSERT(at >= 0);
    return int(text.left(at).count('\n')) + 1;
}

// A library that uses every feature the formats must carry.
TemplateLibrary richLibrary()
{
    TemplateLibrary lib;
    lib.declare({u"meeting_point"_s,
                 {{u"en"_s, u"Where we meet"_s}, {u"zh_CN"_s, u"集合地点"_s}},
                 u"the lobby"_s});
    lib.declare({u"guide_phone"_s, {}, {}});

    Template a;
    a.id = u"travel.meet"_s;
    a.category = u"travel"_s;
    a.shortcut = u"/meet"_s;
    a.attachment = u"https://example.org/map.png"_s;
    a.usageCount = 42;
    a.lastUsed = QDateTime(QDate(2024, 5, 1), QTime(9, 30, 15, 250), Qt::UTC);
    a.variants.insert(u"en"_s,
                      {u"Meeting point, \"exact\""_s,
                       u"Hi {nick},\nwe meet at {meeting_point}.\r\nLiteral {{braces}}, commas, "
                       u"and \"quotes\"."_s,
                       {u"meet"_s, u"semi;colon"_s, u"back\\slash"_s}});
    a.variants.insert(u"zh_CN"_s,
                      {u"集合地点"_s, u"{nick} 您好，集合地点：{meeting_point}"_s, {u"集合"_s}});
    lib.insert(a);

    Template b;
    b.id = u"fitness.late"_s;
    b.category = u"fitness/policies"_s;
    b.scope = Scope::tagged({u"hiit"_s, u"yoga;evening"_s});
    b.variants.insert(u"de"_s, {u"Zu spät"_s, u"  Leading and trailing spaces  "_s, {}});
    lib.insert(b);

    Template c;
    c.id = u"lang.hw"_s;
    c.shortcut = u"/hw"_s;
    c.scope
        = Scope::groups({u"class-a@conference.example.org"_s, u"class-b@conference.example.org"_s});
    c.attachment = u"images/homework week 5.png"_s;
    c.variants.insert(u"en"_s, {u"Homework"_s, u"Call {guide_phone}"_s, {}});
    lib.insert(c);
    return lib;
}

TemplateLibrary templatesOnly(TemplateLibrary lib)
{
    TemplateLibrary out;
    for (const Template &t : lib.templates())
        out.insert(t);
    return out;
}

} // namespace

class tst_RepliesLibrary : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void starterLibraryLoadsCleanly();
    void starterFileIsCanonical();
    void jsonRoundTrip();
    void csvRoundTrip();
    void csvRoundTripStarter();
    void csvFromSpreadsheet();
    void jsonRefusals_data();
    void jsonRefusals();
    void csvRefusals_data();
    void csvRefusals();
    void nothingHalfImported();
    void duplicateShortcutsReported();
    void mergePlanAndUsage();
    void categories();
    void mutatedFilesAreHandled();
};

void tst_RepliesLibrary::starterLibraryLoadsCleanly()
{
    const ImportResult r = loadStarterLibrary();
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    const TemplateLibrary &lib = r.value().library;
    QVERIFY(lib.size() >= 40);
    QVERIFY(r.value().duplicateShortcuts.isEmpty());
    QVERIFY2(lib.undeclaredVariables().isEmpty(), qPrintable(lib.undeclaredVariables().join(u',')));
    int travel = 0, fitness = 0, language = 0;
    for (const Template &t : lib.templates()) {
        QVERIFY2(t.variants.contains(u"en"_s) && t.variants.contains(u"zh_CN"_s), qPrintable(t.id));
        QVERIFY2(!t.shortcut.isEmpty(), qPrintable(t.id));
        QVERIFY2(!t.variants.value(u"en"_s).keywords.isEmpty(), qPrintable(t.id));
        travel += t.category.startsWith(u"travel"_s);
        fitness += t.category == u"fitness";
        language += t.category == u"language";
    }
    QVERIFY(travel >= 15 && fitness >= 8 && language >= 8);
    // Every declared variable is described in both languages, with an example.
    for (const VariableSpec &v : lib.variables()) {
        QVERIFY2(v.descriptions.contains(u"en"_s) && v.descriptions.contains(u"zh_CN"_s),
                 qPrintable(v.name));
        QVERIFY2(!v.example.isEmpty(), qPrintable(v.name));
    }
}

void tst_RepliesLibrary::starterFileIsCanonical()
{
    // The shipped file is exactly what the exporter writes: a diff after an edit in the
    // app shows only real changes.
    QFile file(QString::fromUtf16(kStarterLibraryPath));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    const ImportResult r = importLibraryJson(bytes);
    QVERIFY(r.ok());
    QCOMPARE(exportLibraryJson(r.value().library), bytes);
}

void tst_RepliesLibrary::jsonRoundTrip()
{
    const TemplateLibrary lib = richLibrary();
    const QByteArray json = exportLibraryJson(lib);
    const ImportResult r = importLibraryJson(json);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(r.value().library.templates().size(), lib.templates().size());
    for (qsizetype i = 0; i < lib.size(); ++i)
        QVERIFY2(r.value().library.templates().at(i) == lib.templates().at(i),
                 qPrintable(lib.templates().at(i).id));
    QVERIFY(r.value().library == lib);
    QCOMPARE(exportLibraryJson(r.value().library), json);
}

void tst_RepliesLibrary::csvRoundTrip()
{
    const TemplateLibrary lib = templatesOnly(richLibrary()); // CSV carries templates only
    const QByteArray csv = exportLibraryCsv(lib);
    const ImportResult r = importLibraryCsv(csv);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    for (qsizetype i = 0; i < lib.size(); ++i)
        QVERIFY2(r.value().library.templates().at(i) == lib.templates().at(i),
                 qPrintable(lib.templates().at(i).id));
    QVERIFY(r.value().library == lib);
    QCOMPARE(exportLibraryCsv(r.value().library), csv);
}

void tst_RepliesLibrary::csvRoundTripStarter()
{
    const TemplateLibrary starter = templatesOnly(loadStarterLibrary().value().library);
    const ImportResult r = importLibraryCsv(exportLibraryCsv(starter));
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QVERIFY(r.value().library == starter);
}

void tst_RepliesLibrary::csvFromSpreadsheet()
{
    // What a spreadsheet saves: BOM, LF endings, columns in its own order, only some
    // columns, a multi-line cell, an empty trailing line.
    const QByteArray csv
        = "\xEF\xBB\xBF"
          "body:zh_CN,title:en,id,title:zh_CN,body:en,keywords:en\n"
          "\"{nick} 你好\n第二行\",Hello,common.hello,你好,\"Hi, {nick}!\",hi;hello\n"
          "\n";
    const ImportResult r = importLibraryCsv(csv);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    const Template *t = r.value().library.find(u"common.hello"_s);
    QVERIFY(t);
    QCOMPARE(t->variants.value(u"en"_s).body, u"Hi, {nick}!"_s);
    QCOMPARE(t->variants.value(u"zh_CN"_s).body, u"{nick} 你好\n第二行"_s);
    QCOMPARE(t->variants.value(u"en"_s).keywords, (QStringList {u"hi"_s, u"hello"_s}));
    QCOMPARE(t->scope.kind, Scope::Kind::AllGroups);
    QCOMPARE(t->usageCount, 0);
}

void tst_RepliesLibrary::jsonRefusals_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("code");
    QTest::addColumn<QByteArray>("marker"); ///< the error's line is this text's line
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("reason"); ///< a word the message must contain

    // A valid file; each row breaks one thing in it.
    const QByteArray good = R"({
    "format": "chorus-replies",
    "version": 1,
    "variables": [
        {"name": "plug_type", "description": {"en": "Plug type"}}
    ],
    "templates": [
        {
            "id": "travel.plug",
            "shortcut": "/plug",
            "scope": {"tags": ["bali"]},
            "usage": {"count": 3, "lastUsed": "2024-05-01T09:30:00Z"},
            "variants": {
                "en": {"title": "Plugs", "body": "Hi {nick}: {plug_type}", "keywords": ["plug"]}
            }
        },
        {
            "id": "travel.taxi",
            "variants": {"zh_CN": {"title": "打车", "body": "{nick} 您好"}}
        }
    ]
}
)";
    QVERIFY(importLibraryJson(good).ok());
    using C = ImportError::Code;
    const auto row = [&](const char *name, QByteArray from, QByteArray to, C code,
                         QByteArray marker, QString field, QString reason) {
        QByteArray json = good;
        QVERIFY2(json.contains(from), name);
        json.replace(json.indexOf(from), from.size(), to);
        QTest::newRow(name) << json << int(code) << marker << field << reason;
    };
    QTest::newRow("not utf-8") << QByteArray(good).replace("Plugs", "Pl\xC3\x28gs")
                               << int(C::NotUtf8) << QByteArray("Pl\xC3\x28gs") << QString()
                               << u"UTF-8"_s;
    QTest::newRow("empty") << QByteArray(" \n ") << int(C::Empty) << QByteArray() << QString()
                           << u"empty"_s;
    row("syntax: missing comma", R"("version": 1,)", R"("version": 1)", C::Syntax, R"("variables")",
        {}, u"JSON"_s);
    row("syntax: trailing garbage", "\n}\n", "\n}\n}\n", C::Syntax, "}\n", {}, u"JSON"_s);
    QTest::newRow("root is a list") << QByteArray("[1, 2]") << int(C::WrongFormat)
                                    << QByteArray("[") << QString() << u"object"_s;
    row("other format", "chorus-replies", "chorus-orders", C::WrongFormat, "chorus-orders",
        u"format"_s, u"format"_s);
    row("newer version", R"("version": 1)", R"("version": 2)", C::UnsupportedVersion,
        R"("version": 2)", u"version"_s, u"2"_s);
    row("version as text", R"("version": 1)", R"("version": "1")", C::UnsupportedVersion,
        R"("version": "1")", u"version"_s, u"version"_s);
    row("unknown root field", R"("version": 1,)", R"("version": 1, "extra": true,)",
        C::UnknownField, R"("extra")", u"extra"_s, u"extra"_s);
    row("templates missing", R"("templates": [)", R"("tmpl": [)", C::UnknownField, R"("tmpl")",
        u"tmpl"_s, u"tmpl"_s);
    row("template not an object", R"(        {
            "id": "travel.taxi",)",
        R"(        "travel.taxi", {
            "id": "travel.taxi",)",
        C::WrongType, R"("travel.taxi", {)", u"templates[1]"_s, u"object"_s);
    row("missing id", R"("id": "travel.taxi",)", R"("name": "travel.taxi",)", C::UnknownField,
        R"("name": "travel.taxi")", u"templates[1].name"_s, u"name"_s);
    row("id missing entirely", R"("id": "travel.taxi",)", "", C::MissingField,
        "        {\n            \n", u"templates[1]"_s, u"id"_s);
    row("id is a number", R"("id": "travel.taxi")", R"("id": 7)", C::WrongType, R"("id": 7)",
        u"templates[1].id"_s, u"number"_s);
    row("id with spaces", R"("id": "travel.taxi")", R"("id": "Travel Taxi")", C::InvalidValue,
        R"("id": "Travel Taxi")", u"templates[1].id"_s, u"id"_s);
    row("typo in a field", R"("shortcut": "/plug")", R"("shortcutt": "/plug")", C::UnknownField,
        R"("shortcutt")", u"templates[0].shortcutt"_s, u"shortcutt"_s);
    row("shortcut without slash", R"("shortcut": "/plug")", R"("shortcut": "plug")",
        C::InvalidValue, R"("shortcut": "plug")", u"templates[0].shortcut"_s, u"/"_s);
    row("scope with both", R"({"tags": ["bali"]})", R"({"tags": ["bali"], "groups": ["a@b"]})",
        C::InvalidValue, R"("scope")", u"templates[0].scope"_s, u"groups"_s);
    row("scope tags not a list", R"({"tags": ["bali"]})", R"({"tags": "bali"})", C::WrongType,
        R"("tags": "bali")", u"templates[0].scope.tags"_s, u"list"_s);
    row("scope as unknown word", R"({"tags": ["bali"]})", R"("everywhere")", C::WrongType,
        R"("everywhere")", u"templates[0].scope"_s, u"all"_s);
    row("empty tag list", R"({"tags": ["bali"]})", R"({"tags": []})", C::InvalidValue,
        R"("tags": [])", u"templates[0].scope.tags"_s, u"tag"_s);
    row("negative usage", R"("count": 3)", R"("count": -3)", C::InvalidValue, R"("count": -3)",
        u"templates[0].usage.count"_s, u"0"_s);
    row("fractional usage", R"("count": 3)", R"("count": 2.5)", C::InvalidValue, R"("count": 2.5)",
        u"templates[0].usage.count"_s, u"whole"_s);
    row("date without zone", "2024-05-01T09:30:00Z", "2024-05-01T09:30:00", C::InvalidValue,
        "2024-05-01T09:30:00", u"templates[0].usage.lastUsed"_s, u"zone"_s);
    row("not a date", "2024-05-01T09:30:00Z", "yesterday", C::InvalidValue, "yesterday",
        u"templates[0].usage.lastUsed"_s, u"yesterday"_s);
    row("language name", R"("zh_CN": {)", R"("chinese": {)", C::InvalidValue, R"("chinese")",
        u"templates[1].variants.chinese"_s, u"chinese"_s);
    row("variants missing", R"("variants": {"zh_CN")", R"("variantz": {"zh_CN")", C::UnknownField,
        R"("variantz")", u"templates[1].variantz"_s, u"variantz"_s);
    row("no variants at all", R"("variants": {"zh_CN": {"title": "打车", "body": "{nick} 您好"}})",
        R"("variants": {})", C::InvalidValue, R"("variants": {})", u"templates[1].variants"_s,
        u"language"_s);
    row("body missing", R"("body": "{nick} 您好")", R"("text": "{nick} 您好")", C::UnknownField,
        R"("text")", u"templates[1].variants.zh_CN.text"_s, u"text"_s);
    row("empty title", R"("title": "打车")", R"("title": " ")", C::InvalidValue, R"("title": " ")",
        u"templates[1].variants.zh_CN.title"_s, u"title"_s);
    row("malformed braces", "Hi {nick}: {plug_type}", "Hi {nick: {plug_type}", C::InvalidValue,
        "Hi {nick: {plug_type}", u"templates[0].variants.en.body"_s, u"4"_s);
    row("keyword not text", R"(["plug"])", R"(["plug", 5])", C::WrongType, R"(["plug", 5])",
        u"templates[0].variants.en.keywords[1]"_s, u"number"_s);
    row("duplicate id", R"("id": "travel.taxi")", R"("id": "travel.plug")", C::DuplicateId,
        "\"id\": \"travel.plug\",\n            \"variants\"", u"templates[1].id"_s,
        QString::number(lineOf(good, R"("id": "travel.plug")")));
    row("builtin redefined", R"("name": "plug_type")", R"("name": "nick")", C::InvalidValue,
        R"("name": "nick")", u"variables[0].name"_s, u"built in"_s);
    row("variable declared twice", R"({"name": "plug_type", "description": {"en": "Plug type"}})",
        R"({"name": "plug_type"},
        {"name": "plug_type"})",
        C::DuplicateId, "{\"name\": \"plug_type\"}\n", u"variables[1].name"_s, u"twice"_s);
}

void tst_RepliesLibrary::jsonRefusals()
{
    QFETCH(QByteArray, json);
    QFETCH(int, code);
    QFETCH(QByteArray, marker);
    QFETCH(QString, field);
    QFETCH(QString, reason);
    const ImportResult r = importLibraryJson(json);
    QVERIFY(!r.ok());
    const ImportError &e = r.error();
    QCOMPARE(int(e.code), code);
    if (!marker.isEmpty()) {
        // The duplicate-id and variable rows point at the second occurrence.
        const qsizetype at = json.lastIndexOf(marker);
        QCOMPARE(e.line, int(json.left(at).count('\n')) + 1);
        QVERIFY(e.column > 0);
    }
    QCOMPARE(e.field, field);
    QVERIFY2(e.message.contains(reason, Qt::CaseInsensitive), qPrintable(e.toString()));
    QVERIFY(e.toString().contains(u"line"_s) || e.line == 0);
}

void tst_RepliesLibrary::csvRefusals_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("reason");
    using C = ImportError::Code;
    const QByteArray header
        = "id,shortcut,scope,usage_count,last_used,title:en,body:en,keywords:en\r\n";
    const QByteArray good
        = "travel.plug,/plug,all,3,2024-05-01T09:30:00Z,Plugs,\"Hi {nick},\nsee\",plug\r\n";
    QVERIFY(importLibraryCsv(header + good).ok());
    // A multi-line field above shifts every later line: errors must count physical lines.
    const auto after = [&](QByteArray row) {
        return header + good + row;
    };
    QTest::newRow("unterminated quote")
        << after("travel.taxi,/taxi,all,0,,Taxi,\"never closed,x\r\n") << int(C::Syntax) << 4
        << QString() << u"closed"_s;
    QTest::newRow("quote inside a field") << after("travel.taxi,/ta\"xi,all,0,,T,b,\r\n")
                                          << int(C::Syntax) << 4 << QString() << u"quote"_s;
    QTest::newRow("text after closing quote") << after("travel.taxi,\"/taxi\"x,all,0,,T,b,\r\n")
                                              << int(C::Syntax) << 4 << QString() << u"quote"_s;
    QTest::newRow("too few fields")
        << after("travel.taxi,/taxi,all\r\n") << int(C::FieldCount) << 4 << QString() << u"3"_s;
    QTest::newRow("too many fields") << after("travel.taxi,/taxi,all,0,,T,b,k,extra\r\n")
                                     << int(C::FieldCount) << 4 << QString() << u"9"_s;
    QTest::newRow("unknown column")
        << QByteArray("id,shortcutt,title:en,body:en\r\n") << int(C::UnknownField) << 1
        << u"shortcutt"_s << u"shortcutt"_s;
    QTest::newRow("duplicate column") << QByteArray("id,title:en,body:en,id\r\n")
                                      << int(C::DuplicateId) << 1 << u"id"_s << u"twice"_s;
    QTest::newRow("no id column") << QByteArray("title:en,body:en\r\nA,B\r\n")
                                  << int(C::MissingField) << 1 << u"id"_s << u"id"_s;
    QTest::newRow("body without title")
        << QByteArray("id,body:en\r\nx,B\r\n") << int(C::MissingField) << 1 << u"title:en"_s
        << u"title:en"_s;
    QTest::newRow("no language") << QByteArray("id,shortcut\r\nx,/x\r\n") << int(C::MissingField)
                                 << 1 << u"body:en"_s << u"language"_s;
    QTest::newRow("bad language column")
        << QByteArray("id,title:english,body:english\r\n") << int(C::InvalidValue) << 1
        << u"title:english"_s << u"english"_s;
    QTest::newRow("bad scope") << after("travel.taxi,/taxi,bali,0,,T,b,\r\n")
                               << int(C::InvalidValue) << 4 << u"scope"_s << u"bali"_s;
    QTest::newRow("empty tag scope") << after("travel.taxi,/taxi,tags:,0,,T,b,\r\n")
                                     << int(C::InvalidValue) << 4 << u"scope"_s << u"tag"_s;
    QTest::newRow("dangling escape") << after("travel.taxi,/taxi,all,0,,T,b,taxi\\\r\n")
                                     << int(C::InvalidValue) << 4 << u"keywords:en"_s << u"\\"_s;
    QTest::newRow("bad usage") << after("travel.taxi,/taxi,all,many,,T,b,\r\n")
                               << int(C::InvalidValue) << 4 << u"usage_count"_s << u"whole"_s;
    QTest::newRow("bad date") << after("travel.taxi,/taxi,all,0,2024-13-01,T,b,\r\n")
                              << int(C::InvalidValue) << 4 << u"last_used"_s << u"2024-13-01"_s;
    QTest::newRow("bad id") << after("Travel Taxi,/taxi,all,0,,T,b,\r\n") << int(C::InvalidValue)
                            << 4 << u"id"_s << u"id"_s;
    QTest::newRow("bad shortcut") << after("travel.taxi,taxi,all,0,,T,b,\r\n")
                                  << int(C::InvalidValue) << 4 << u"shortcut"_s << u"/"_s;
    QTest::newRow("malformed braces")
        << after("travel.taxi,/taxi,all,0,,Taxi,\"Hi\n{nick, welcome\",\r\n")
        << int(C::InvalidValue) << 4 << u"body:en"_s << u"position 4"_s;
    QTest::newRow("title without body") << after("travel.taxi,/taxi,all,0,,Taxi,,\r\n")
                                        << int(C::InvalidValue) << 4 << u"body:en"_s << u"empty"_s;
    QTest::newRow("duplicate id") << after("\r\ntravel.plug,/p2,all,0,,T,b,\r\n")
                                  << int(C::DuplicateId) << 5 << u"id"_s << u"line 2"_s;
    QTest::newRow("not utf-8") << after("travel.taxi,/taxi,all,0,,T\xFF,b,\r\n") << int(C::NotUtf8)
                               << 4 << QString() << u"UTF-8"_s;
    QTest::newRow("empty") << QByteArray("\r\n\r\n") << int(C::Empty) << 0 << QString()
                           << u"empty"_s;
}

void tst_RepliesLibrary::csvRefusals()
{
    QFETCH(QByteArray, csv);
    QFETCH(int, code);
    QFETCH(int, line);
    QFETCH(QString, field);
    QFETCH(QString, reason);
    const ImportResult r = importLibraryCsv(csv);
    QVERIFY(!r.ok());
    QCOMPARE(int(r.error().code), code);
    QCOMPARE(r.error().line, line);
    QCOMPARE(r.error().field, field);
    QVERIFY2(r.error().message.contains(reason, Qt::CaseInsensitive),
             qPrintable(r.error().toString()));
}

void tst_RepliesLibrary::nothingHalfImported()
{
    // Three good templates, then a broken fourth: no library comes back, the one in use
    // stays as it was, and the error names the fourth template's line.
    TemplateLibrary current = templatesOnly(richLibrary());
    const TemplateLibrary before = current;
    TemplateLibrary incoming
        = templatesOnly(loadStarterLibrary().value().library.inCategory(u"fitness"_s));
    QVERIFY(incoming.size() >= 3);
    Template broken;
    broken.id = u"broken.one"_s;
    broken.variants.insert(u"en"_s, {u"Broken"_s, u"Hi {nick"_s, {}});
    incoming.insert(broken); // the exporter writes what it is given; the importer checks
    const QByteArray csv = exportLibraryCsv(incoming);
    const ImportResult r = importLibraryCsv(csv);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().field, u"body:en"_s);
    QCOMPARE(r.error().line, lineOf(csv, "broken.one"));
    if (r.ok())
        current.merge(r.value().library);
    QVERIFY(current == before);

    QByteArray json = exportLibraryJson(loadStarterLibrary().value().library);
    json.replace("\"/wifi\"", "\"wifi\"");
    const ImportResult j = importLibraryJson(json);
    QVERIFY(!j.ok());
    QCOMPARE(j.error().line, lineOf(json, "\"wifi\""));
}

void tst_RepliesLibrary::duplicateShortcutsReported()
{
    const QByteArray json = R"({
    "format": "chorus-replies", "version": 1,
    "templates": [
        {"id": "a", "shortcut": "/plug", "variants": {"en": {"title": "A", "body": "a"}}},
        {"id": "b", "shortcut": "/time", "scope": {"groups": ["x@muc"]},
         "variants": {"en": {"title": "B", "body": "b"}}},
        {"id": "c", "shortcut": "/PLUG", "scope": {"tags": ["bali"]},
         "variants": {"en": {"title": "C", "body": "c"}}},
        {"id": "d", "shortcut": "/time", "scope": {"groups": ["y@muc"]},
         "variants": {"en": {"title": "D", "body": "d"}}}
    ]
}
)";
    const ImportResult r = importLibraryJson(json);
    QVERIFY(r.ok());
    // /plug is ambiguous in Bali groups; /time never is (its groups are disjoint).
    QCOMPARE(r.value().duplicateShortcuts.size(), 1);
    const DuplicateShortcut &d = r.value().duplicateShortcuts.first();
    QCOMPARE(d.shortcut, u"/plug"_s);
    QCOMPARE(d.templateIds, (QStringList {u"a"_s, u"c"_s}));
    QCOMPARE(d.lines, (QList<int> {lineOf(json, "\"/plug\""), lineOf(json, "\"/PLUG\"")}));

    TemplateLibrary lib = r.value().library;
    Template e = *lib.find(u"d"_s);
    e.id = u"e"_s;
    e.scope = Scope::groups({u"Y@muc"_s});
    lib.insert(e);
    QCOMPARE(lib.shortcutClashes().size(), 2);

    QByteArray csv = exportLibraryCsv(r.value().library);
    const ImportResult c = importLibraryCsv(csv);
    QVERIFY(c.ok());
    QCOMPARE(c.value().duplicateShortcuts.size(), 1);
    QCOMPARE(c.value().duplicateShortcuts.first().lines, (QList<int> {2, 4}));
}

void tst_RepliesLibrary::mergePlanAndUsage()
{
    TemplateLibrary mine = richLibrary();
    TemplateLibrary theirs;
    Template meet = *mine.find(u"travel.meet"_s);
    meet.usageCount = 5; // an older export: fewer uses
    meet.lastUsed = meet.lastUsed.addDays(-10);
    meet.variants[u"en"_s].body = u"New text for {nick}"_s;
    theirs.insert(meet);
    theirs.insert(*mine.find(u"lang.hw"_s));
    Template fresh;
    fresh.id = u"new.one"_s;
    fresh.shortcut = u"/MEET"_s;
    fresh.variants.insert(u"en"_s, {u"New"_s, u"text"_s, {}});
    theirs.insert(fresh);
    theirs.declare({u"plug_type"_s, {}, {}});

    const MergePlan plan = mine.planMerge(theirs);
    QCOMPARE(plan.added, QStringList {u"new.one"_s});
    QCOMPARE(plan.updated, QStringList {u"travel.meet"_s});
    QCOMPARE(plan.unchanged, QStringList {u"lang.hw"_s});
    QCOMPARE(plan.variablesAdded, QStringList {u"plug_type"_s});
    QCOMPARE(plan.newClashes.size(), 1);
    QCOMPARE(plan.newClashes.first().templateIds, (QStringList {u"travel.meet"_s, u"new.one"_s}));
    QCOMPARE(mine.size(), 3); // planning changes nothing

    const QDateTime lastUsed = mine.find(u"travel.meet"_s)->lastUsed;
    mine.merge(theirs);
    QCOMPARE(mine.size(), 4);
    const Template *merged = mine.find(u"travel.meet"_s);
    QCOMPARE(merged->variants.value(u"en"_s).body, u"New text for {nick}"_s);
    QCOMPARE(merged->usageCount, 42);
    QCOMPARE(merged->lastUsed, lastUsed);

    QVERIFY(mine.recordUse(u"new.one"_s, QDateTime(QDate(2024, 6, 1), QTime(8, 0), Qt::UTC)));
    QCOMPARE(mine.find(u"new.one"_s)->usageCount, 1);
    QVERIFY(!mine.recordUse(u"nope"_s, QDateTime::currentDateTimeUtc()));
    QVERIFY(mine.remove(u"new.one"_s));
    QVERIFY(!mine.find(u"new.one"_s));
}

void tst_RepliesLibrary::categories()
{
    const TemplateLibrary starter = loadStarterLibrary().value().library;
    const TemplateLibrary travel = starter.inCategory(u"travel"_s);
    QVERIFY(travel.find(u"travel.bali-temple-dress"_s)); // travel/bali is under travel
    QVERIFY(!travel.find(u"fitness.booking"_s));
    QCOMPARE(travel.variables(), starter.variables());
    QCOMPARE(starter.find(u"travel.meeting-point"_s)->variants.size(), 2);
    const auto spec = std::find_if(starter.variables().cbegin(), starter.variables().cend(),
                                   [](const VariableSpec &v) { return v.name == u"plug_type"; });
    QVERIFY(spec != starter.variables().cend());
    QVERIFY(!spec->description(u"zh_TW"_s).isEmpty());
    QCOMPARE(spec->description(u"zh_TW"_s), spec->descriptions.value(u"zh_CN"_s));
}

void tst_RepliesLibrary::mutatedFilesAreHandled()
{
    // Small random damage to real files (fixed seed): every outcome is either a library
    // that round-trips or a refusal with a reason and a line inside the file.
    const TemplateLibrary source = loadStarterLibrary().value().library.inCategory(u"fitness"_s);
    const QByteArray inputs[] = {exportLibraryJson(source), exportLibraryCsv(source)};
    const QByteArray alphabet = "{}[]\",:\\\n\r;/ a1\xC3\xE4\xBD";
    quint32 state = 12345;
    const auto next = [&state] {
        state = state * 1664525u + 1013904223u;
        return state >> 8;
    };
    int accepted = 0, refused = 0;
    for (int round = 0; round < 600; ++round) {
        const bool json = round % 2 == 0;
        QByteArray bytes = inputs[json ? 0 : 1];
        const int edits = 1 + int(next() % 3);
        for (int e = 0; e < edits; ++e) {
            const qsizetype at = qsizetype(next() % quint32(bytes.size()));
            const char c = alphabet.at(qsizetype(next() % quint32(alphabet.size())));
            switch (next() % 3) {
            case 0:
                bytes.remove(at, 1);
                break;
            case 1:
                bytes.insert(at, c);
                break;
            default:
                bytes[at] = c;
                break;
            }
        }
        const ImportResult r = json ? importLibraryJson(bytes) : importLibraryCsv(bytes);
        if (r.ok()) {
            ++accepted;
            const TemplateLibrary &lib = r.value().library;
            const ImportResult again = json ? importLibraryJson(exportLibraryJson(lib))
                                            : importLibraryCsv(exportLibraryCsv(lib));
            QVERIFY(again.ok());
            QVERIFY(again.value().library == lib);
            for (const Template &t : lib.templates())
                QVERIFY(validate(t).isEmpty());
        } else {
            ++refused;
            QVERIFY(!r.error().message.isEmpty());
            QVERIFY2(r.error().line >= 0 && r.error().line <= bytes.count('\n') + 1,
                     qPrintable(r.error().toString()));
        }
    }
    qInfo("mutated files: %d accepted, %d refused", accepted, refused);
    QVERIFY(refused > 0 && accepted > 0);
}

QTEST_GUILESS_MAIN(tst_RepliesLibrary)
#include "tst_replies_library.moc"
