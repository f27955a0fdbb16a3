// Search across all groups: English (prefix, case, diacritics), Chinese substrings of one,
// two, three and four characters, mixed queries; filters by group, member and dates;
// snippets with highlights; ranking; paging; the ranked window; the short-term scan.

#include "StoreTestSupport.h"

using namespace Qt::StringLiterals;
using namespace chorus;
using namespace chorus::store;
using namespace chorus::store::test;

namespace {

const QString kYoga = u"yoga@conference.example.org"_s;
const QString kChinese = u"zh@conference.example.org"_s;
const QString kTravel = u"travel@conference.example.org"_s;

} // namespace

class tst_StoreSearch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void english_data();
    void english();
    void chinese_data();
    void chinese();
    void mixed_data();
    void mixed();
    void filters();
    void snippetHighlightsTheMatch();
    void longBodySnippetIsCutAroundTheMatch();
    void shorterMessageRanksFirst();
    void pagesDoNotOverlap();
    void rankedWindowKeepsTheNewest();
    void singleLetterScansRecentMessages();
    void correctedAndRetractedText();
    void badQueries();

private:
    QStringList find(const QString &text, SearchQuery q = {});
    TempStore m_store;
};

QStringList tst_StoreSearch::find(const QString &text, SearchQuery q)
{
    q.text = text;
    q.limit = 100;
    const auto page = m_store.s().search().search(q);
    if (!page) {
        qWarning("%s", qPrintable(page.error().toString()));
        return {u"<error>"_s};
    }
    QStringList bodies;
    for (const SearchHit &hit : page.value().hits)
        bodies << hit.message.message.body;
    bodies.sort();
    return bodies;
}

void tst_StoreSearch::initTestCase()
{
    STORE_VERIFY(m_store.open());
    QList<chat::Message> batch;
    int n = 0;
    const auto add = [&](const QString &room, const QString &body, const QString &nick,
                         qint64 day) {
        ++n;
        batch << Msg(room, body, day * 86400 + n).stanza(u"s%1"_s.arg(n)).from(nick, u"occ-"_s + nick);
    };
    add(kYoga, u"Can I get a refund for Friday?"_s, u"alice"_s, 0);
    add(kYoga, u"Refunds take three days"_s, u"coach"_s, 1);
    add(kYoga, u"The Café near the studio opens at 7"_s, u"bob"_s, 2);
    add(kYoga, u"Bring your own mat and water"_s, u"coach"_s, 3);
    add(kYoga, u"ok"_s, u"bob"_s, 4);
    add(kChinese, u"明天下午三点报名参加面试练习"_s, u"wang"_s, 0);
    add(kChinese, u"我们明天见，别迟到"_s, u"li"_s, 1);
    add(kChinese, u"报名已经截止了"_s, u"teacher"_s, 2);
    add(kChinese, u"A级课程在图书馆"_s, u"teacher"_s, 3);
    add(kChinese, u"今天天气很好"_s, u"wang"_s, 4);
    add(kChinese, u"钱已经转了"_s, u"li"_s, 5);
    add(kTravel, u"航班 delayed 两个小时，酒店 check-in 改到晚上"_s, u"guide"_s, 0);
    add(kTravel, u"Passport and visa copies please"_s, u"guide"_s, 1);
    add(kTravel, u"机场接送 airport pickup at 9"_s, u"guide"_s, 2);
    STORE_VERIFY(m_store.s().messages().ingest(batch));
}

void tst_StoreSearch::cleanupTestCase()
{
    STORE_VERIFY_SEARCH_INDEX(*m_store.db);
    m_store.close();
}

void tst_StoreSearch::english_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("word") << u"refund"_s
                          << QStringList{u"Can I get a refund for Friday?"_s,
                                         u"Refunds take three days"_s};
    QTest::newRow("prefix of four") << u"refu"_s
                            << QStringList{u"Can I get a refund for Friday?"_s,
                                           u"Refunds take three days"_s};
    QTest::newRow("case") << u"FRIDAY"_s << QStringList{u"Can I get a refund for Friday?"_s};
    QTest::newRow("diacritics") << u"cafe"_s
                                << QStringList{u"The Café near the studio opens at 7"_s};
    QTest::newRow("all words") << u"refund friday"_s
                               << QStringList{u"Can I get a refund for Friday?"_s};
    QTest::newRow("phrase") << u"\"own mat\""_s << QStringList{u"Bring your own mat and water"_s};
    QTest::newRow("phrase in order only") << u"\"mat own\""_s << QStringList{};
    QTest::newRow("two letters exact") << u"ok"_s << QStringList{u"ok"_s};
    QTest::newRow("no infix") << u"fund"_s << QStringList{};
    QTest::newRow("three letters are a whole word") << u"caf"_s << QStringList{};
    QTest::newRow("none") << u"helicopter"_s << QStringList{};
}

void tst_StoreSearch::english()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    QCOMPARE(find(query), expected);
}

void tst_StoreSearch::chinese_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("two characters") << u"报名"_s
                                    << QStringList{u"报名已经截止了"_s,
                                                   u"明天下午三点报名参加面试练习"_s};
    QTest::newRow("two, mid-run") << u"天见"_s << QStringList{u"我们明天见，别迟到"_s};
    QTest::newRow("two, in two messages") << u"明天"_s
                                          << QStringList{u"我们明天见，别迟到"_s,
                                                         u"明天下午三点报名参加面试练习"_s};
    QTest::newRow("three characters") << u"图书馆"_s << QStringList{u"A级课程在图书馆"_s};
    QTest::newRow("four characters") << u"报名参加"_s
                                     << QStringList{u"明天下午三点报名参加面试练习"_s};
    QTest::newRow("four, not adjacent") << u"报名练习"_s << QStringList{};
    QTest::newRow("one character, run start") << u"钱"_s << QStringList{u"钱已经转了"_s};
    QTest::newRow("one character, run end") << u"馆"_s << QStringList{u"A级课程在图书馆"_s};
    QTest::newRow("one character, mid-run") << u"气"_s << QStringList{u"今天天气很好"_s};
    QTest::newRow("with a Latin letter") << u"A级"_s << QStringList{u"A级课程在图书馆"_s};
    QTest::newRow("across punctuation") << u"见别"_s << QStringList{};
    QTest::newRow("none") << u"火车"_s << QStringList{};
}

void tst_StoreSearch::chinese()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    QCOMPARE(find(query), expected);
}

void tst_StoreSearch::mixed_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("zh and en terms") << u"航班 delayed"_s
                                     << QStringList{u"航班 delayed 两个小时，酒店 check-in 改到晚上"_s};
    QTest::newRow("zh then en in one message") << u"机场接送 airport"_s
                                               << QStringList{u"机场接送 airport pickup at 9"_s};
    QTest::newRow("one term misses") << u"航班 passport"_s << QStringList{};
    QTest::newRow("hyphenated") << u"check-in"_s
                                << QStringList{u"航班 delayed 两个小时，酒店 check-in 改到晚上"_s};
}

void tst_StoreSearch::mixed()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    QCOMPARE(find(query), expected);
}

void tst_StoreSearch::filters()
{
    SearchQuery q;
    q.groupJids = {kYoga};
    QCOMPARE(find(u"the"_s, q), (QStringList{u"The Café near the studio opens at 7"_s}));
    q.groupJids = {kYoga, kTravel};
    QCOMPARE(find(u"at"_s, q), (QStringList{u"The Café near the studio opens at 7"_s,
                                            u"机场接送 airport pickup at 9"_s}));
    q.groupJids = {u"unknown@muc"_s};
    QCOMPARE(find(u"refund"_s, q), QStringList{});

    SearchQuery bySender;
    bySender.sender = chat::PersonKey::of(kYoga, {}, u"occ-coach"_s, {});
    QCOMPARE(find(u"refund"_s, bySender), (QStringList{u"Refunds take three days"_s}));
    bySender.sender = chat::PersonKey::of(kChinese, {}, u"occ-teacher"_s, {});
    QCOMPARE(find(u"报名"_s, bySender), (QStringList{u"报名已经截止了"_s}));
    bySender.sender = chat::PersonKey::of(kChinese, {}, u"occ-nobody"_s, {});
    QCOMPARE(find(u"报名"_s, bySender), QStringList{});

    SearchQuery dates;
    dates.from = at(86400);      // day 1 inclusive
    dates.to = at(3 * 86400);    // day 3 exclusive
    QCOMPARE(find(u"refund"_s, dates), (QStringList{u"Refunds take three days"_s}));
    QCOMPARE(find(u"报名"_s, dates), (QStringList{u"报名已经截止了"_s}));
    dates.groupJids = {kChinese};
    QCOMPARE(find(u"明天"_s, dates), (QStringList{u"我们明天见，别迟到"_s}));
}

void tst_StoreSearch::snippetHighlightsTheMatch()
{
    SearchQuery q;
    q.text = u"报名"_s;
    q.groupJids = {kChinese};
    const auto page = m_store.s().search().search(q);
    STORE_VERIFY(page);
    QCOMPARE(page.value().hits.size(), 2);
    for (const SearchHit &hit : page.value().hits) {
        QCOMPARE(hit.snippet.highlights.size(), 1);
        const text::Highlight h = hit.snippet.highlights.at(0);
        QCOMPARE(hit.snippet.text.mid(h.start, h.length), u"报名"_s);
        QCOMPARE(hit.message.message.groupId, kChinese);
    }
    q.text = u"refu"_s;
    q.groupJids = {kYoga};
    const auto english = m_store.s().search().search(q);
    STORE_VERIFY(english);
    for (const SearchHit &hit : english.value().hits) {
        const text::Highlight h = hit.snippet.highlights.value(0);
        QCOMPARE(hit.snippet.text.mid(h.start, h.length).toLower(), u"refu"_s);
    }
}

void tst_StoreSearch::longBodySnippetIsCutAroundTheMatch()
{
    QString body;
    for (int i = 0; i < 60; ++i)
        body += u"filler%1 "_s.arg(i);
    body += u"the password for wifi is yogayoga "_s;
    for (int i = 0; i < 60; ++i)
        body += u"more%1 "_s.arg(i);
    const text::Snippet s = text::makeSnippet(body, {u"wifi"_s}, 80);
    QVERIFY(s.text.size() <= 82);
    QVERIFY(s.text.startsWith(u"…"_s));
    QVERIFY(s.text.endsWith(u"…"_s));
    QCOMPARE(s.highlights.size(), 1);
    QCOMPARE(s.text.mid(s.highlights.at(0).start, s.highlights.at(0).length), u"wifi"_s);
}

void tst_StoreSearch::shorterMessageRanksFirst()
{
    TempStore store;
    STORE_VERIFY(store.open());
    QString longer = u"about the invoice"_s;
    for (int i = 0; i < 40; ++i)
        longer += u" and other things %1"_s.arg(i);
    STORE_VERIFY(store.s().messages().ingest(
        {Msg(kYoga, longer, 20).stanza(u"l"_s), Msg(kYoga, u"invoice sent"_s, 10).stanza(u"s"_s),
         Msg(kYoga, u"nothing here"_s, 30).stanza(u"n"_s)}));
    SearchQuery q;
    q.text = u"invoice"_s;
    const auto page = store.s().search().search(q);
    STORE_VERIFY(page);
    QCOMPARE(page.value().hits.size(), 2);
    QCOMPARE(page.value().hits.at(0).message.message.body, u"invoice sent"_s);
    QVERIFY(page.value().hits.at(0).score < page.value().hits.at(1).score);
}

void tst_StoreSearch::pagesDoNotOverlap()
{
    TempStore store;
    STORE_VERIFY(store.open());
    QList<chat::Message> batch;
    for (int i = 0; i < 45; ++i)
        batch << Msg(kTravel, u"报名 number %1"_s.arg(i), i).stanza(u"p%1"_s.arg(i));
    STORE_VERIFY(store.s().messages().ingest(batch));
    QSet<qint64> seen;
    SearchQuery q;
    q.text = u"报名"_s;
    q.limit = 20;
    QList<int> sizes;
    QList<bool> more;
    for (q.offset = 0; q.offset < 60; q.offset += 20) {
        const auto page = store.s().search().search(q);
        STORE_VERIFY(page);
        sizes << int(page.value().hits.size());
        more << page.value().more;
        QCOMPARE(page.value().ranked, 45);
        QVERIFY(!page.value().truncated);
        for (const SearchHit &hit : page.value().hits)
            seen.insert(hit.message.id);
    }
    QCOMPARE(sizes, (QList<int>{20, 20, 5}));
    QCOMPARE(more, (QList<bool>{true, true, false}));
    QCOMPARE(seen.size(), 45);
}

void tst_StoreSearch::rankedWindowKeepsTheNewest()
{
    TempStore store;
    STORE_VERIFY(store.open({}, MessageSearch::Limits{10, 50000}));
    QList<chat::Message> batch;
    // A day apart, ingested newest first: the window follows time (by the day, see
    // StoredMessage), not arrival.
    for (int i = 0; i < 30; ++i)
        batch << Msg(kTravel, u"visa %1"_s.arg(29 - i), (29 - i) * 86400).stanza(u"v%1"_s.arg(i));
    STORE_VERIFY(store.s().messages().ingest(batch));
    SearchQuery q;
    q.text = u"visa"_s;
    q.limit = 50;
    const auto page = store.s().search().search(q);
    STORE_VERIFY(page);
    QCOMPARE(page.value().ranked, 10);
    QVERIFY(page.value().truncated);
    for (const SearchHit &hit : page.value().hits)
        QVERIFY(hit.message.message.timestamp >= at(20 * 86400));
    // A date range reaches the older ones, exactly (the boundary is not on a day).
    q.to = at(10 * 86400 + 1);
    const auto older = store.s().search().search(q);
    STORE_VERIFY(older);
    QCOMPARE(older.value().hits.size(), 10);
    QCOMPARE(older.value().ranked, 10); // 11 match ("visa 0".."visa 10"); the newest 10 rank
    for (const SearchHit &hit : older.value().hits)
        QVERIFY(hit.message.message.timestamp <= at(10 * 86400));
}

void tst_StoreSearch::singleLetterScansRecentMessages()
{
    SearchQuery q;
    q.text = u"7"_s;
    auto page = m_store.s().search().search(q);
    STORE_VERIFY(page);
    QCOMPARE(page.value().method, SearchPage::Method::RecentScan);
    QCOMPARE(page.value().hits.size(), 1);
    QCOMPARE(page.value().hits.at(0).message.message.body,
             u"The Café near the studio opens at 7"_s);
    QVERIFY(!page.value().truncated);
    q.text = u"?"_s;
    page = m_store.s().search().search(q);
    STORE_VERIFY(page);
    QCOMPARE(page.value().hits.size(), 1);
    // The window is bounded: older messages are not reached, and the page says so.
    TempStore store;
    STORE_VERIFY(store.open({}, MessageSearch::Limits{1000, 5}));
    QList<chat::Message> batch;
    for (int i = 0; i < 10; ++i)
        batch << Msg(kYoga, i == 0 ? u"x marks"_s : u"nothing"_s, i).stanza(u"w%1"_s.arg(i));
    STORE_VERIFY(store.s().messages().ingest(batch));
    q.text = u"x"_s;
    page = store.s().search().search(q);
    STORE_VERIFY(page);
    QCOMPARE(page.value().hits.size(), 0);
    QVERIFY(page.value().truncated);
    // Mixed: an indexed word plus a single letter checked on the text.
    q.text = u"marks x"_s;
    page = store.s().search().search(q);
    STORE_VERIFY(page);
    QCOMPARE(page.value().method, SearchPage::Method::Index);
    QCOMPARE(page.value().hits.size(), 1);
}

void tst_StoreSearch::correctedAndRetractedText()
{
    TempStore store;
    STORE_VERIFY(store.open());
    STORE_VERIFY(store.s().messages().ingest(
        {Msg(kYoga, u"meet at the pier"_s, 10).stanza(u"s1"_s).origin(u"o1"_s),
         Msg(kYoga, u"secret door code 4242"_s, 20).stanza(u"s2"_s)}));
    STORE_VERIFY(store.s().messages().ingest(
        {Msg(kYoga, u"meet at the station"_s, 30).stanza(u"s3"_s).origin(u"o3"_s).replaces(u"o1"_s),
         Msg(kYoga, QString(), 40).stanza(u"s4"_s).retracts(u"s2"_s, u"private"_s)}));
    SearchQuery q;
    const auto count = [&](const QString &text) {
        q.text = text;
        const auto page = store.s().search().search(q);
        return page ? int(page.value().hits.size()) : -1;
    };
    QCOMPARE(count(u"station"_s), 1); // the correction row itself is not a second hit
    QCOMPARE(count(u"pier"_s), 0);
    QCOMPARE(count(u"secret"_s), 0);
    QCOMPARE(count(u"4242"_s), 0);
    STORE_VERIFY_SEARCH_INDEX(*store.db);
}

void tst_StoreSearch::badQueries()
{
    SearchQuery q;
    q.text = u"   "_s;
    auto page = m_store.s().search().search(q);
    QVERIFY(!page);
    QCOMPARE(page.error().code, StoreError::Code::InvalidArgument);
    // FTS5 syntax in the query is taken literally.
    for (const QString &text : {u"\"unbalanced"_s, u"NEAR(a b)"_s, u"a OR b"_s, u"col:refund"_s,
                                u"*"_s, u"^refund"_s, u"refund\""_s}) {
        q.text = text;
        page = m_store.s().search().search(q);
        QVERIFY2(page.ok(), qPrintable(text));
    }
    q.text = u"refund"_s;
    q.limit = 0;
    QVERIFY(!m_store.s().search().search(q));
}

QTEST_GUILESS_MAIN(tst_StoreSearch)
#include "tst_store_search.moc"
