// OrderRequestParser on single messages: spans for highlighting, time zones and DST,
// the operator's locale for numeric dates, per-person versus per-item quantities, and
// messages that must never crash it.
#include "sales/CatalogCsv.h"
#include "sales/OrderRequestParser.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::sales;

namespace {

QList<CatalogItem> demoCatalog()
{
    QFile file(qEnvironmentVariable("CHORUS_TEST_DATA") + u"/sales/catalog.csv"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const auto items = CatalogCsv::read(file.readAll());
    return items ? items.value() : QList<CatalogItem> {};
}

chorus::chat::Group group(const QString &tag, const QString &zone)
{
    chorus::chat::Group g;
    g.id = tag + u"@conference.chorus.example"_s;
    g.tags = {tag};
    g.timeZone = zone;
    return g;
}

QDateTime utc(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODate);
}

} // namespace

class tst_OrderRequestParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void spansPointAtTheText();
    void chineseSpans();
    void contextFromMessage();
    void tomorrowIsInTheGroupsZone();
    void dstStartsOvernight();
    void numericDatesFollowTheOperatorsLocale_data();
    void numericDatesFollowTheOperatorsLocale();
    void dayOfMonthRollsOver();
    void timeOnlyIsTheNextSuchTime();
    void partOfDayDecidesTheHour_data();
    void partOfDayDecidesTheHour();
    void perPersonAndPerItemQuantities_data();
    void perPersonAndPerItemQuantities();
    void unavailableItemsAreNotMatched();
    void questionsAreNotRequests();
    void confidenceOrdersRequestsFirst();
    void hostileInputs_data();
    void hostileInputs();
    void preparedCatalogGivesTheSameResult();

private:
    OrderRequest parse(const QString &text, const QString &tag, const QString &zone,
                       const QString &timestamp, const QString &locale = u"en_US"_s) const;
    QList<CatalogItem> m_catalog;
};

void tst_OrderRequestParser::initTestCase()
{
    m_catalog = demoCatalog();
    QCOMPARE(m_catalog.size(), 22);
}

OrderRequest tst_OrderRequestParser::parse(const QString &text, const QString &tag,
                                           const QString &zone, const QString &timestamp,
                                           const QString &locale) const
{
    RequestContext context;
    context.text = text;
    context.timestamp = utc(timestamp);
    context.groupZone = QTimeZone(zone.toUtf8());
    context.items = availableIn(m_catalog, group(tag, zone));
    context.operatorLocale = QLocale(locale);
    return OrderRequestParser().parse(context);
}

void tst_OrderRequestParser::spansPointAtTheText()
{
    const QString text
        = u"Hi Made! Can I book the spa for two on Friday at 4pm? Room 12, oily skin"_s;
    const OrderRequest r = parse(text, u"bali"_s, u"Asia/Makassar"_s, u"2026-05-06T01:15:00Z"_s);
    QVERIFY(r.isRequest);
    QCOMPARE(r.items.size(), 1);
    const RequestedItem &spa = r.items.first();
    const auto at = [&](TextSpan s) {
        return text.mid(s.start, s.length);
    };
    QCOMPARE(spa.itemId, u"spa-balinese"_s);
    QCOMPARE(at(spa.itemSpan), u"spa"_s);
    QCOMPARE(spa.quantity, 2);
    QCOMPARE(spa.quantitySource, RequestedItem::QuantitySource::PartySize);
    QCOMPARE(at(spa.quantitySpan), u"for two"_s);
    QCOMPARE(r.partySize, 2);
    QVERIFY(r.when);
    QCOMPARE(at(r.when->dateSpan), u"Friday"_s);
    QCOMPARE(at(r.when->timeSpan), u"4pm"_s);
    QCOMPARE(r.when->at, QDateTime(QDate(2026, 5, 8), QTime(16, 0), QTimeZone("Asia/Makassar")));
    QVERIFY(!r.when->dateOnly);
    QVERIFY2(r.notes.contains(u"Room 12"_s) && r.notes.contains(u"oily skin"_s),
             qPrintable(r.notes));
    QVERIFY(!r.notes.contains(u"spa"_s));
    const bool bookCue = std::any_of(r.cues.cbegin(), r.cues.cend(), [&](const RequestCue &c) {
        return c.kind == RequestCue::Kind::Intent && at(c.span) == u"book";
    });
    QVERIFY(bookCue);
}

void tst_OrderRequestParser::chineseSpans()
{
    const QString text = u"我想订明天早上7点的接机，航班GA404"_s;
    const OrderRequest r
        = parse(text, u"bali"_s, u"Asia/Makassar"_s, u"2026-05-06T02:00:00Z"_s, u"zh_CN"_s);
    QVERIFY(r.isRequest);
    const auto at = [&](TextSpan s) {
        return text.mid(s.start, s.length);
    };
    QCOMPARE(r.items.size(), 1);
    QCOMPARE(at(r.items.first().itemSpan), u"接机"_s);
    QCOMPARE(at(r.when->dateSpan), u"明天"_s);
    QCOMPARE(at(r.when->timeSpan), u"早上7点"_s);
    QCOMPARE(r.when->at, QDateTime(QDate(2026, 5, 7), QTime(7, 0), QTimeZone("Asia/Makassar")));
    QVERIFY2(r.notes.contains(u"GA404"_s), qPrintable(r.notes));
}

void tst_OrderRequestParser::contextFromMessage()
{
    chorus::chat::Message message;
    message.groupId = u"kyoto@conference.chorus.example"_s;
    message.stanzaId = u"s-1"_s;
    message.senderNick = u"小王"_s;
    message.senderOccupantId = u"occ-42"_s;
    message.body = u"kimono两位 明天"_s;
    message.timestamp = utc(u"2026-04-04T10:00:00Z"_s);
    const RequestContext context = RequestContext::of(message, group(u"kyoto"_s, u"Asia/Tokyo"_s),
                                                      m_catalog, QLocale(u"zh_CN"_s));
    QCOMPARE(context.items.size(), 3);
    QCOMPARE(context.messageId, u"s-1"_s);
    QCOMPARE(context.groupZone.id(), QByteArray("Asia/Tokyo"));
    const OrderRequest r = OrderRequestParser().parse(context);
    QVERIFY(r.isRequest);
    QCOMPARE(r.sender, message.sender().value);
    QCOMPARE(r.messageId, u"s-1"_s);
    QCOMPARE(r.quantityOf(u"kimono-rental"_s), 2);
    QCOMPARE(r.when->at.date(), QDate(2026, 4, 5));
    QVERIFY(r.when->dateOnly);
}

void tst_OrderRequestParser::tomorrowIsInTheGroupsZone()
{
    // 17:30 UTC on the 5th is 01:30 on the 6th in Bali but still the 5th in London.
    const QString text = u"book the ubud tour tomorrow please"_s;
    const OrderRequest bali = parse(text, u"bali"_s, u"Asia/Makassar"_s, u"2026-05-05T17:30:00Z"_s);
    QCOMPARE(bali.when->at.date(), QDate(2026, 5, 7));
    QCOMPARE(bali.when->at.timeZone(), QTimeZone("Asia/Makassar"));
    QVERIFY(bali.when->dateOnly);
    const OrderRequest sameInstantNewYork
        = parse(text, u"bali"_s, u"America/New_York"_s, u"2026-05-05T17:30:00Z"_s);
    QCOMPARE(sameInstantNewYork.when->at.date(), QDate(2026, 5, 6));
}

void tst_OrderRequestParser::dstStartsOvernight()
{
    // Saturday 23:30 GMT; British Summer Time starts at 01:00 UTC on Sunday.
    const OrderRequest r
        = parse(u"can I book a speaking mock for tomorrow at 10am?"_s, u"language"_s,
                u"Europe/London"_s, u"2026-03-28T23:30:00Z"_s, u"en_GB"_s);
    QVERIFY(r.isRequest);
    QVERIFY(r.when);
    QCOMPARE(r.when->at.toUTC(), utc(u"2026-03-29T09:00:00Z"_s));
    QCOMPARE(r.when->at.offsetFromUtc(), 3600);

    // 01:30 does not exist that night: the clock jumps from 01:00 to 02:00. The request
    // still gets a valid time, moved forward by the gap as clocks move (02:30 BST).
    const OrderRequest gap
        = parse(u"can I book a speaking mock for tomorrow at 1:30am?"_s, u"language"_s,
                u"Europe/London"_s, u"2026-03-28T10:00:00Z"_s, u"en_GB"_s);
    QVERIFY(gap.when && gap.when->at.isValid());
    QCOMPARE(gap.when->at.toUTC(), utc(u"2026-03-29T01:30:00Z"_s));
    QCOMPARE(gap.when->at.time(), QTime(2, 30));
}

void tst_OrderRequestParser::numericDatesFollowTheOperatorsLocale_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QDate>("date");
    QTest::newRow("en_US: month first") << u"en_US"_s << QDate(2026, 4, 5);
    QTest::newRow("en_GB: day first") << u"en_GB"_s << QDate(2026, 5, 4);
    QTest::newRow("zh_CN: month first") << u"zh_CN"_s << QDate(2026, 4, 5);
}

void tst_OrderRequestParser::numericDatesFollowTheOperatorsLocale()
{
    QFETCH(QString, locale);
    QFETCH(QDate, date);
    const OrderRequest r = parse(u"mock interview on 4/5 at 3pm please"_s, u"language"_s,
                                 u"Europe/London"_s, u"2026-03-28T10:00:00Z"_s, locale);
    QVERIFY(r.isRequest);
    QCOMPARE(r.when->at.date(), date);
    QCOMPARE(r.when->at.time(), QTime(15, 0));
}

void tst_OrderRequestParser::dayOfMonthRollsOver()
{
    const QString text = u"PT on the 3rd please"_s;
    QCOMPARE(
        parse(text, u"fitness"_s, u"Asia/Shanghai"_s, u"2026-03-02T02:00:00Z"_s).when->at.date(),
        QDate(2026, 3, 3));
    QCOMPARE(
        parse(text, u"fitness"_s, u"Asia/Shanghai"_s, u"2026-03-20T02:00:00Z"_s).when->at.date(),
        QDate(2026, 4, 3));
    // The 31st skips months that have no 31st.
    QCOMPARE(parse(u"PT on the 31st please"_s, u"fitness"_s, u"Asia/Shanghai"_s,
                   u"2026-04-05T02:00:00Z"_s)
                 .when->at.date(),
             QDate(2026, 5, 31));
    // A month and day already past this year mean next year.
    QCOMPARE(parse(u"PT on 2 March please"_s, u"fitness"_s, u"Asia/Shanghai"_s,
                   u"2026-03-05T02:00:00Z"_s)
                 .when->at.date(),
             QDate(2027, 3, 2));
}

void tst_OrderRequestParser::timeOnlyIsTheNextSuchTime()
{
    const QString text = u"massage at 3pm please"_s;
    const OrderRequest morning
        = parse(text, u"bali"_s, u"Asia/Makassar"_s, u"2026-05-06T02:00:00Z"_s);
    QCOMPARE(morning.when->at,
             QDateTime(QDate(2026, 5, 6), QTime(15, 0), QTimeZone("Asia/Makassar")));
    QVERIFY(morning.when->dateSpan.isEmpty());
    const OrderRequest evening
        = parse(text, u"bali"_s, u"Asia/Makassar"_s, u"2026-05-06T09:00:00Z"_s);
    QCOMPARE(evening.when->at.date(), QDate(2026, 5, 7));
}

void tst_OrderRequestParser::partOfDayDecidesTheHour_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QTime>("time");
    QTest::newRow("tonight at 8") << u"spa tonight at 8 please"_s << QTime(20, 0);
    QTest::newRow("at 2 (afternoon)") << u"spa tomorrow at 2 please"_s << QTime(14, 0);
    QTest::newRow("at 9 (morning)") << u"spa tomorrow at 9 please"_s << QTime(9, 0);
    QTest::newRow("morning at 6") << u"spa tomorrow morning at 6 please"_s << QTime(6, 0);
    QTest::newRow("dinner at 7") << u"seafood dinner tomorrow at 7 for 2 please"_s << QTime(19, 0);
    QTest::newRow("half past 3") << u"spa tomorrow half past 3 please"_s << QTime(15, 30);
    QTest::newRow("noon") << u"spa tomorrow at noon please"_s << QTime(12, 0);
    QTest::newRow("12am") << u"spa tomorrow 12am please"_s << QTime(0, 0);
    QTest::newRow("24h") << u"spa tomorrow 07:45 please"_s << QTime(7, 45);
    QTest::newRow("3.30pm") << u"spa tomorrow 3.30pm please"_s << QTime(15, 30);
    QTest::newRow("晚上8点") << u"明天晚上8点按摩"_s << QTime(20, 0);
    QTest::newRow("下午3点半") << u"明天下午3点半按摩"_s << QTime(15, 30);
    QTest::newRow("凌晨3点一刻") << u"明天凌晨3点一刻看日出"_s << QTime(3, 15);
    QTest::newRow("十点二十分") << u"明天十点二十分按摩"_s << QTime(10, 20);
    QTest::newRow("中午12点") << u"明天中午12点按摩"_s << QTime(12, 0);
    QTest::newRow("明晚7点") << u"明晚7点按摩"_s << QTime(19, 0);
}

void tst_OrderRequestParser::partOfDayDecidesTheHour()
{
    QFETCH(QString, text);
    QFETCH(QTime, time);
    const OrderRequest r = parse(text, u"bali"_s, u"Asia/Makassar"_s, u"2026-05-06T01:00:00Z"_s);
    QVERIFY(r.when);
    QVERIFY(!r.when->dateOnly);
    QCOMPARE(r.when->at.time(), time);
}

void tst_OrderRequestParser::perPersonAndPerItemQuantities_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("item");
    QTest::addColumn<int>("quantity");
    QTest::addColumn<int>("party");
    // Per person: the party becomes the quantity. Per item (a car): it does not.
    QTest::newRow("spa for 3") << u"spa for 3 tomorrow pls"_s << u"spa-balinese"_s << 3 << 3;
    QTest::newRow("pickup for 3 people")
        << u"airport pickup for 3 people tomorrow pls"_s << u"airport-pickup"_s << 1 << 3;
    QTest::newRow("2 cars for 6") << u"2 airport pickups for 6 people please"_s
                                  << u"airport-pickup"_s << 2 << 6;
    QTest::newRow("party of 4") << u"ubud tour for a party of 4 please"_s << u"tour-ubud"_s << 4
                                << 4;
    QTest::newRow("the two of us")
        << u"sunrise trek for the two of us please"_s << u"trek-batur"_s << 2 << 2;
    QTest::newRow("duration is not a count")
        << u"2 hour massage for 2 tomorrow afternoon please"_s << u"spa-balinese"_s << 2 << 2;
    QTest::newRow("three nights is not a count")
        << u"scooter for 3 days please"_s << u"scooter-rental"_s << 1 << 0;
    QTest::newRow("explicit count beats party")
        << u"3 massages for the 4 of us please"_s << u"spa-balinese"_s << 3 << 4;
    QTest::newRow("两位") << u"明天浮潜两位"_s << u"snorkel-penida"_s << 2 << 2;
    QTest::newRow("两大两小") << u"明天浮潜，两大两小"_s << u"snorkel-penida"_s << 4 << 4;
    QTest::newRow("摩托车两辆") << u"明天要摩托车两辆"_s << u"scooter-rental"_s << 2 << 0;
    QTest::newRow("another") << u"another spa session for tonight please"_s << u"spa-balinese"_s
                             << 1 << 0;
}

void tst_OrderRequestParser::perPersonAndPerItemQuantities()
{
    QFETCH(QString, text);
    QFETCH(QString, item);
    QFETCH(int, quantity);
    QFETCH(int, party);
    const OrderRequest r = parse(text, u"bali"_s, u"Asia/Makassar"_s, u"2026-05-06T01:00:00Z"_s);
    QVERIFY(r.isRequest);
    QCOMPARE(r.items.size(), 1);
    QCOMPARE(r.items.first().itemId, item);
    QCOMPARE(r.items.first().quantity, quantity);
    QCOMPARE(r.partySize, party);
}

void tst_OrderRequestParser::unavailableItemsAreNotMatched()
{
    // The Bali group does not sell class packs; the fitness group does.
    const QString text = u"2 more class packs please"_s;
    QVERIFY(!parse(text, u"bali"_s, u"Asia/Makassar"_s, u"2026-05-06T01:00:00Z"_s).isRequest);
    const OrderRequest fit
        = parse(text, u"fitness"_s, u"Asia/Shanghai"_s, u"2026-05-06T01:00:00Z"_s);
    QVERIFY(fit.isRequest);
    QCOMPARE(fit.quantityOf(u"class-pack-10"_s), 2);
}

void tst_OrderRequestParser::questionsAreNotRequests()
{
    const OrderRequest r = parse(u"What time does the spa open tomorrow?"_s, u"bali"_s,
                                 u"Asia/Makassar"_s, u"2026-05-06T01:00:00Z"_s);
    QVERIFY(!r.isRequest);
    QCOMPARE(r.items.size(), 1); // the item is still found, for the UI to offer
    QVERIFY(std::any_of(r.cues.cbegin(), r.cues.cend(),
                        [](const RequestCue &c) { return c.kind == RequestCue::Kind::Question; }));
}

void tst_OrderRequestParser::confidenceOrdersRequestsFirst()
{
    const auto confidence = [&](const QString &text) {
        return parse(text, u"bali"_s, u"Asia/Makassar"_s, u"2026-05-06T01:00:00Z"_s).confidence;
    };
    const double strong = confidence(u"Please book 2 massages for Friday at 4pm"_s);
    const double terse = confidence(u"massage friday?"_s);
    const double question = confidence(u"how much is the massage?"_s);
    const double typo = confidence(u"Please book 2 massgaes for Friday at 4pm"_s);
    QVERIFY(strong > terse);
    QVERIFY(terse > question);
    QVERIFY(strong > typo); // a corrected word costs a little
    QVERIFY(strong > 0.8 && question < 0.2);
}

void tst_OrderRequestParser::hostileInputs_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("spaces") << u"   \n\t "_s;
    QTest::newRow("only punctuation") << u"!!!???。。。，，，"_s;
    QTest::newRow("emoji") << u"👍🏽🙏🏻‍♀️🇮🇩"_s;
    QTest::newRow("lone surrogates") << QString(QChar(0xD800)) + u"spa"_s + QString(QChar(0xDC00));
    QTest::newRow("huge number") << u"99999999999999999999 massages at 99:99 on 99/99"_s;
    QTest::newRow("numbers everywhere") << u"1 2 3 4 5 x x x × 6 for for for 7"_s;
    QTest::newRow("combining marks") << u"spa\u0301\u0301\u0301 for two"_s;
    QTest::newRow("long") << u"spa for two tomorrow please "_s.repeated(3000);
    QTest::newRow("CJK numbers") << u"十十十十十十十点点点号号号月月月两两两位位"_s;
}

void tst_OrderRequestParser::hostileInputs()
{
    QFETCH(QString, text);
    const OrderRequest r = parse(text, u"bali"_s, u"Asia/Makassar"_s, u"2026-05-06T01:00:00Z"_s);
    for (const RequestedItem &item : r.items) {
        QVERIFY(item.quantity >= 1 && item.quantity <= 99);
        QVERIFY(item.itemSpan.start >= 0 && item.itemSpan.end() <= text.size());
    }
    for (const TextSpan &span : r.noteSpans)
        QVERIFY(span.start >= 0 && span.end() <= text.size());
    QVERIFY(r.confidence >= 0 && r.confidence <= 1);
    if (r.when)
        QVERIFY(r.when->at.isValid());
}

void tst_OrderRequestParser::preparedCatalogGivesTheSameResult()
{
    const chorus::chat::Group bali = group(u"bali"_s, u"Asia/Makassar"_s);
    const CatalogIndex index(availableIn(m_catalog, bali));
    QCOMPARE(index.items().size(), 8);
    const OrderRequestParser parser;
    for (const QString &text :
         {u"Can I book the spa for two on Friday?"_s, u"我想订明天早上7点的接机"_s,
          u"What time does the spa open?"_s, u"2 scooters for tmrw pls"_s}) {
        RequestContext context;
        context.text = text;
        context.timestamp = utc(u"2026-05-06T01:15:00Z"_s);
        context.groupZone = QTimeZone("Asia/Makassar");
        context.operatorLocale = QLocale(u"en_US"_s);
        const OrderRequest prepared = parser.parse(context, index); // context.items is empty
        context.items = index.items();
        const OrderRequest onTheFly = parser.parse(context);
        QCOMPARE(prepared.isRequest, onTheFly.isRequest);
        QCOMPARE(prepared.items, onTheFly.items);
        QCOMPARE(prepared.when, onTheFly.when);
        QCOMPARE(prepared.notes, onTheFly.notes);
        QVERIFY(!prepared.items.isEmpty());
    }
}

QTEST_GUILESS_MAIN(tst_OrderRequestParser)
#include "tst_orderrequestparser.moc"
