// Catalog CSV: the demo catalog reads, everything round-trips exactly, and every bad
// file is refused whole with the line and the reason of each problem.
#include "sales/CatalogCsv.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::sales;
using Code = CatalogCsvProblem::Code;

namespace {

const QByteArray kHeader = "id,name,synonyms_en,synonyms_zh,description,price,currency,priced_per,"
                           "options,availability\n";
const QByteArray kGoodRow
    = "spa,Balinese spa,massage|spa session,按摩,Ninety minutes,450000,IDR,person,"
      "when=datetime*;guests=party_size*,tags:bali\n";

CatalogItem trickyItem()
{
    CatalogItem item;
    item.id = u"tricky.item-1"_s;
    item.name = u"  Spa, \"deluxe\"  "_s; // edge spaces, comma and quotes
    item.synonymsEn = {u"pipe|in it"_s, u"back\\slash"_s, u"plain"_s};
    item.synonymsZh = {u"按摩"_s, u"水疗|spa"_s};
    item.description = u"Line one\nline two, with comma\r\nline \"three\""_s;
    item.price = Money(123456, u"BHD"_s);
    item.basis = PriceBasis::PerPerson;
    item.options = {{u"when"_s, CatalogOption::Kind::DateTime, true, u"Time; local: \\ok"_s},
                    {u"guests"_s, CatalogOption::Kind::PartySize, false, {}},
                    {u"pickup"_s, CatalogOption::Kind::PickupPoint, true, u"Hotel"_s},
                    {u"day"_s, CatalogOption::Kind::Date, false, u"*"_s},
                    {u"note"_s, CatalogOption::Kind::Text, false, u"a=b"_s}};
    item.availability = Availability::namedGroups({u"a@conference.example"_s, u"b|c@x"_s});
    return item;
}

} // namespace

class tst_CatalogCsv : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsDemoCatalog();
    void roundTripIsExact();
    void columnsInAnyOrderAndByteOrderMark();
    void optionalColumnsDefault();
    void refusesBadFiles_data();
    void refusesBadFiles();
    void nothingIsHalfImported();
    void lineNumbersCountQuotedLineBreaks();
    void writeRefusesInvalidItems();

private:
    static QByteArray demoCatalog();
};

QByteArray tst_CatalogCsv::demoCatalog()
{
    QFile file(qEnvironmentVariable("CHORUS_TEST_DATA") + u"/sales/catalog.csv"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void tst_CatalogCsv::readsDemoCatalog()
{
    const QByteArray data = demoCatalog();
    QVERIFY(!data.isEmpty());
    const auto items = CatalogCsv::read(data);
    QVERIFY2(items, qPrintable(items ? QString() : items.error().summary()));
    QCOMPARE(items.value().size(), 22);
    const CatalogItem &spa = items.value().at(2);
    QCOMPARE(spa.id, u"spa-balinese"_s);
    QCOMPARE(spa.name, u"Balinese spa (90 min)"_s);
    QCOMPARE(spa.price, Money(450000, u"IDR"_s));
    QCOMPARE(spa.basis, PriceBasis::PerPerson);
    QVERIFY(spa.synonymsEn.contains(u"massage"_s));
    QVERIFY(spa.synonymsZh.contains(u"按摩"_s));
    QCOMPARE(spa.options.size(), 3);
    QCOMPARE(spa.options.at(0),
             (CatalogOption {u"when"_s, CatalogOption::Kind::DateTime, true, QString()}));
    QCOMPARE(spa.options.at(2).label, u"Pressure or allergies"_s);
    QCOMPARE(spa.availability, Availability::groupsWithTag({u"bali"_s}));
    QVERIFY(spa.description.contains(u','));

    const auto ubud = std::find_if(items.value().cbegin(), items.value().cend(),
                                   [](const CatalogItem &i) { return i.id == u"tour-ubud"; });
    QCOMPARE(ubud->price, Money(4500, u"USD"_s));
    const auto course = std::find_if(items.value().cbegin(), items.value().cend(),
                                     [](const CatalogItem &i) { return i.id == u"course-hsk4"; });
    QCOMPARE(course->availability,
             Availability::namedGroups({u"hsk4-evening@conference.chorus.example"_s}));

    chorus::chat::Group bali;
    bali.id = u"bali-may@conference.chorus.example"_s;
    bali.tags = {u"Bali"_s};
    QCOMPARE(availableIn(items.value(), bali).size(), 8);
    chorus::chat::Group hsk;
    hsk.id = u"HSK4-evening@conference.chorus.example"_s;
    hsk.tags = {u"language"_s};
    QCOMPARE(availableIn(items.value(), hsk).size(), 4); // 3 named + mock interview by tag
}

void tst_CatalogCsv::roundTripIsExact()
{
    // Demo catalog: read -> write -> read gives the same items, and writing is stable.
    const auto demo = CatalogCsv::read(demoCatalog());
    QVERIFY(demo);
    const auto written = CatalogCsv::write(demo.value());
    QVERIFY(written);
    const auto again = CatalogCsv::read(written.value());
    QVERIFY2(again, qPrintable(again ? QString() : again.error().summary()));
    QCOMPARE(again.value(), demo.value());
    QCOMPARE(CatalogCsv::write(again.value()).value(), written.value());

    // Every character that needs quoting or escaping survives.
    const QList<CatalogItem> tricky {trickyItem(), demo.value().first()};
    const auto bytes = CatalogCsv::write(tricky);
    QVERIFY(bytes);
    QVERIFY(bytes.value().contains("\r\n")); // RFC 4180 record ends
    const auto back = CatalogCsv::read(bytes.value());
    QVERIFY2(back, qPrintable(back ? QString() : back.error().summary()));
    QCOMPARE(back.value(), tricky);
    QCOMPARE(CatalogCsv::write(back.value()).value(), bytes.value());
}

void tst_CatalogCsv::columnsInAnyOrderAndByteOrderMark()
{
    const QByteArray reordered = "\xEF\xBB\xBF" // the BOM spreadsheet programs write
                                 "currency,price,name,id,availability\r\n"
                                 "JPY,4500,Kimono rental,kimono,tags:kyoto\r\n";
    const auto items = CatalogCsv::read(reordered);
    QVERIFY2(items, qPrintable(items ? QString() : items.error().summary()));
    QCOMPARE(items.value().size(), 1);
    QCOMPARE(items.value().first().id, u"kimono"_s);
    QCOMPARE(items.value().first().price, Money(4500, u"JPY"_s));
    QCOMPARE(items.value().first().availability, Availability::groupsWithTag({u"kyoto"_s}));
}

void tst_CatalogCsv::optionalColumnsDefault()
{
    const auto items = CatalogCsv::read("id,name,price,currency\nmat,Yoga mat,149,CNY\n");
    QVERIFY(items);
    const CatalogItem &mat = items.value().first();
    QCOMPARE(mat.price, Money(14900, u"CNY"_s));
    QCOMPARE(mat.basis, PriceBasis::PerItem);
    QCOMPARE(mat.availability, Availability::allGroups());
    QVERIFY(mat.synonymsEn.isEmpty() && mat.options.isEmpty());
}

void tst_CatalogCsv::refusesBadFiles_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("reasonContains");

    const auto row = [](const char *id, const char *price, const char *currency,
                        const char *tail = "item,,all") {
        return QByteArray(id) + ",Name,,,," + price + "," + currency + "," + tail + "\n";
    };
    QTest::newRow("bad price") << kHeader + kGoodRow + row("b", "12.x", "USD")
                               << int(Code::BadPrice) << 3 << u"12.x"_s;
    QTest::newRow("negative price")
        << kHeader + row("b", "-1.00", "USD") << int(Code::BadPrice) << 2 << u"negative"_s;
    QTest::newRow("decimals for yen")
        << kHeader + row("b", "4500.5", "JPY") << int(Code::BadPrice) << 2 << u"JPY"_s;
    QTest::newRow("unknown currency") << kHeader + kGoodRow
            + QByteArray(kGoodRow).replace("spa,", "spa2,") + row("c", "1.00", "XYZ")
                                      << int(Code::UnknownCurrency) << 4 << u"XYZ"_s;
    QTest::newRow("missing price column") << QByteArray("id,name,currency\nspa,Spa,IDR\n")
                                          << int(Code::MissingColumn) << 1 << u"price"_s;
    QTest::newRow("unknown column")
        << QByteArray("id,name,pirce,currency\n") << int(Code::UnknownColumn) << 1 << u"pirce"_s;
    QTest::newRow("duplicate column")
        << QByteArray("id,name,price,currency,id\n") << int(Code::DuplicateColumn) << 1 << u"id"_s;
    QTest::newRow("quote inside a field")
        << kHeader + kGoodRow + "b,The \"best\" spa,,,,1,USD,item,,all\n"
        << int(Code::Syntax) << 3 << u"quote"_s;
    QTest::newRow("text after closing quote") << kHeader + "b,\"Spa\"x,,,,1,USD,item,,all\n"
                                              << int(Code::Syntax) << 2 << u"closing quote"_s;
    QTest::newRow("unclosed quote")
        << kHeader + kGoodRow + "b,\"Spa,,,,1,USD,item,,all\nc,Tea,,,,1,USD,item,,all\n"
        << int(Code::Syntax) << 3 << u"never closed"_s;
    QTest::newRow("duplicate id") << kHeader + kGoodRow + row("x", "1", "USD") + kGoodRow
                                  << int(Code::DuplicateId) << 4 << u"line 2"_s;
    QTest::newRow("too few fields") << kHeader + "b,Spa,1,USD\n"
                                    << int(Code::FieldCount) << 2 << u"4 fields"_s;
    QTest::newRow("empty name") << kHeader + "b,,,,,1,USD,item,,all\n"
                                << int(Code::MissingValue) << 2 << u"name"_s;
    QTest::newRow("bad priced_per")
        << kHeader + row("b", "1", "USD", "each,,all") << int(Code::BadPricedPer) << 2 << u"each"_s;
    QTest::newRow("bad option kind") << kHeader + row("b", "1", "USD", "item,when=sometime,all")
                                     << int(Code::BadOptions) << 2 << u"sometime"_s;
    QTest::newRow("option without kind") << kHeader + row("b", "1", "USD", "item,when,all")
                                         << int(Code::BadOptions) << 2 << u"key=kind"_s;
    QTest::newRow("bad availability") << kHeader + row("b", "1", "USD", "item,,tag:bali")
                                      << int(Code::BadAvailability) << 2 << u"tag:bali"_s;
    QTest::newRow("empty synonym") << kHeader + "b,Spa,a||b,,,1,USD,item,,all\n"
                                   << int(Code::BadList) << 2 << u"empty"_s;
    QTest::newRow("id with space")
        << kHeader + row("my spa", "1", "USD") << int(Code::InvalidItem) << 2 << u"my spa"_s;
    QTest::newRow("not UTF-8") << kHeader + "b,Caf\xe9,,,,1,USD,item,,all\n"
                               << int(Code::NotUtf8) << 0 << u"UTF-8"_s;
    QTest::newRow("empty file") << QByteArray() << int(Code::Empty) << 0 << u"header"_s;
}

void tst_CatalogCsv::refusesBadFiles()
{
    QFETCH(QByteArray, data);
    QFETCH(int, code);
    QFETCH(int, line);
    QFETCH(QString, reasonContains);
    const auto items = CatalogCsv::read(data);
    QVERIFY(!items);
    const auto &problems = items.error().problems;
    QVERIFY(!problems.isEmpty());
    const auto problem
        = std::find_if(problems.cbegin(), problems.cend(),
                       [&](const CatalogCsvProblem &p) { return int(p.code) == code; });
    QVERIFY2(problem != problems.cend(), qPrintable(items.error().summary()));
    QCOMPARE(problem->line, line);
    QVERIFY2(problem->reason.contains(reasonContains), qPrintable(problem->reason));
    if (line > 0)
        QVERIFY(items.error().summary().contains(u"line %1: "_s.arg(line)));
}

void tst_CatalogCsv::nothingIsHalfImported()
{
    // Twenty good rows and two bad ones: nothing comes back, and both bad lines are named.
    QByteArray data = kHeader;
    for (int i = 0; i < 20; ++i) {
        data += "item" + QByteArray::number(i) + ",Item,,,,1.00,USD,item,,all\n";
        if (i == 5)
            data += "bad1,Item,,,,1.0.0,USD,item,,all\n"; // line 8
        if (i == 15)
            data += "bad2,Item,,,,1.00,ZZZ,item,,all\n"; // line 19
    }
    const auto items = CatalogCsv::read(data);
    QVERIFY(!items);
    const auto &problems = items.error().problems;
    QCOMPARE(problems.size(), 2);
    QCOMPARE(problems.at(0).line, 8);
    QCOMPARE(problems.at(0).code, Code::BadPrice);
    QCOMPARE(problems.at(1).line, 19);
    QCOMPARE(problems.at(1).code, Code::UnknownCurrency);
}

void tst_CatalogCsv::lineNumbersCountQuotedLineBreaks()
{
    const QByteArray data = kHeader
        + "a,A,,,\"three\nline\ndescription\",1,USD,item,,all\n" // lines 2-4
        + "b,B,,,,oops,USD,item,,all\n"; // line 5
    const auto items = CatalogCsv::read(data);
    QVERIFY(!items);
    QCOMPARE(items.error().problems.size(), 1);
    QCOMPARE(items.error().problems.first().line, 5);
}

void tst_CatalogCsv::writeRefusesInvalidItems()
{
    CatalogItem good = trickyItem();
    CatalogItem noId = good;
    noId.id.clear();
    CatalogItem negative = good;
    negative.id = u"neg"_s;
    negative.price = Money(-1, u"USD"_s);
    CatalogItem twin = good;
    const auto result = CatalogCsv::write({good, noId, negative, twin});
    QVERIFY(!result);
    QStringList codes;
    for (const CatalogCsvProblem &p : result.error().problems)
        codes << u"%1:%2"_s.arg(int(p.code)).arg(p.line);
    // The tricky item's description takes three lines, so the next item is on line 5.
    QVERIFY2(codes.contains(u"%1:5"_s.arg(int(Code::InvalidItem))), qPrintable(codes.join(u' ')));
    QVERIFY2(codes.contains(u"%1:8"_s.arg(int(Code::InvalidItem))), qPrintable(codes.join(u' ')));
    QVERIFY2(codes.contains(u"%1:11"_s.arg(int(Code::DuplicateId))), qPrintable(codes.join(u' ')));
}

QTEST_GUILESS_MAIN(tst_CatalogCsv)
#include "tst_catalogcsv.moc"
