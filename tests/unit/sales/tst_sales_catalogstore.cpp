// The catalog in a real account store: the sales module migrates a new file and reopens
// an existing one, items round-trip with every field, and a CSV import is all or nothing
// (a bad row, or a failure while storing, leaves the catalog exactly as it was).
#include "sales/CatalogRepository.h"
#include "sales/SalesSchema.h"

#include "../store/StoreTestSupport.h"

using namespace Qt::StringLiterals;
using namespace chorus;
using namespace chorus::sales;
using namespace chorus::store;
using namespace chorus::store::test;

namespace {

const QByteArray kHeader = "id,name,synonyms_en,synonyms_zh,description,price,currency,priced_per,"
                           "options,availability\n";

CatalogItem spa()
{
    CatalogItem item;
    item.id = u"spa"_s;
    item.name = u"Balinese spa, \"deluxe\""_s;
    item.synonymsEn = {u"massage"_s, u"spa session"_s};
    item.synonymsZh = {u"按摩"_s, u"水疗"_s};
    item.description = u"Ninety minutes\nwith tea"_s;
    item.price = Money(450000, u"IDR"_s);
    item.basis = PriceBasis::PerPerson;
    item.options = {{u"when"_s, CatalogOption::Kind::DateTime, true, u"Time"_s},
                    {u"guests"_s, CatalogOption::Kind::PartySize, false, {}},
                    {u"pickup"_s, CatalogOption::Kind::PickupPoint, true, u"Hotel"_s}};
    item.availability = Availability::groupsWithTag({u"bali"_s, u"spa"_s});
    return item;
}

CatalogItem classPack()
{
    CatalogItem item;
    item.id = u"class-pack"_s;
    item.name = u"10-class pack"_s;
    item.price = Money(12000, u"EUR"_s);
    item.availability = Availability::namedGroups({u"yoga@conference.example.org"_s});
    return item;
}

QByteArray demoCatalog()
{
    QFile file(qEnvironmentVariable("CHORUS_TEST_DATA") + u"/sales/catalog.csv"_s);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class tst_SalesCatalogStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void migratesNewFileAndReopens();
    void itemRoundTrip();
    void updateReplacesInPlaceAndRemove();
    void invalidItemIsRefused();
    void badRowImportsNothing();
    void storeFailureImportsNothing();
    void mergeAndReplace();
    void demoCatalogRoundTrip();

private:
    TempStore *m_store = nullptr;
    CatalogRepository &repo() { return m_store->s().repository<CatalogRepository>(); }
    void reopen() { STORE_VERIFY(m_store->open({salesSchema()})); }
    int count() { return m_store->sql(u"SELECT count(*) FROM sales_catalog_items"_s).toInt(); }
};

void tst_SalesCatalogStore::init()
{
    m_store = new TempStore;
    STORE_VERIFY(m_store->open({salesSchema()}));
}

void tst_SalesCatalogStore::cleanup()
{
    delete m_store;
    m_store = nullptr;
}

void tst_SalesCatalogStore::migratesNewFileAndReopens()
{
    QCOMPARE(m_store->db->moduleVersion(u"sales"_s), salesSchema().latestVersion());
    QCOMPARE(m_store->sql(u"SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                          "AND name LIKE 'sales\\_%' ESCAPE '\\'"_s)
                 .toInt(),
             6);
    STORE_VERIFY(repo().save(spa()));
    reopen();
    QCOMPARE(m_store->db->moduleVersion(u"sales"_s), salesSchema().latestVersion());
    QCOMPARE(repo().find(u"spa"_s).value(), std::optional<CatalogItem>(spa()));
    const auto problems = m_store->db->integrityCheck();
    QVERIFY(problems.ok() && problems.value().isEmpty());
    QCOMPARE(m_store->sql(u"SELECT count(*) FROM pragma_foreign_key_check"_s).toInt(), 0);
}

void tst_SalesCatalogStore::itemRoundTrip()
{
    STORE_VERIFY(repo().save(spa()));
    STORE_VERIFY(repo().save(classPack()));
    reopen();
    const auto items = repo().all();
    STORE_VERIFY(items);
    QCOMPARE(items.value(), (QList<CatalogItem>{spa(), classPack()}));
    QCOMPARE(m_store->sql(u"SELECT price_minor || ' ' || currency FROM sales_catalog_items "
                          "WHERE item_key = 'class-pack'"_s)
                 .toString(),
             u"12000 EUR"_s);
    QCOMPARE(repo().find(u"nothing"_s).value(), std::optional<CatalogItem>());
}

void tst_SalesCatalogStore::updateReplacesInPlaceAndRemove()
{
    STORE_VERIFY(repo().save(spa()));
    STORE_VERIFY(repo().save(classPack()));
    CatalogItem cheaper = spa();
    cheaper.price = Money(400000, u"IDR"_s);
    cheaper.options.removeLast();
    cheaper.availability = Availability::allGroups();
    STORE_VERIFY(repo().save(cheaper));
    QCOMPARE(repo().all().value(), (QList<CatalogItem>{cheaper, classPack()}));

    STORE_VERIFY(repo().remove(u"spa"_s));
    QCOMPARE(repo().remove(u"spa"_s).error().code, StoreError::Code::NotFound);
    QCOMPARE(repo().all().value(), QList<CatalogItem>{classPack()});
    QCOMPARE(m_store->sql(u"SELECT count(*) FROM sales_catalog_options"_s).toInt(), 0);
}

void tst_SalesCatalogStore::invalidItemIsRefused()
{
    CatalogItem negative = spa();
    negative.price = Money(-5, u"IDR"_s);
    const auto saved = repo().save(negative);
    QVERIFY(!saved);
    QCOMPARE(saved.error().code, StoreError::Code::InvalidArgument);
    QVERIFY2(saved.error().message.contains(u"negative"_s), qPrintable(saved.error().message));
    CatalogItem noCurrency = classPack();
    noCurrency.price = Money(100, u"XYZ"_s);
    QCOMPARE(repo().save(noCurrency).error().code, StoreError::Code::InvalidArgument);
    QCOMPARE(count(), 0);
    // The table refuses it too, whoever writes.
    const auto error = m_store->db->execute(
        {u"INSERT INTO sales_catalog_items(item_key, position, name, price_minor, currency, "
         "updated_at) VALUES ('x', 0, 'X', -1, 'EUR', 0)"_s});
    QVERIFY(error);
}

void tst_SalesCatalogStore::badRowImportsNothing()
{
    STORE_VERIFY(repo().save(classPack()));
    const QByteArray file = kHeader
        + "spa,Balinese spa,massage,按摩,,450000,IDR,person,when=datetime*,tags:bali\n"
          "taxi,Airport taxi,cab,出租车,,35.50,USD,item,,all\n"
          "kayak,Kayak tour,,,,12.345,USD,item,,all\n"
          "snorkel,Snorkel trip,,,,20,USD,item,,all\n";
    const auto imported = repo().importCsv(file);
    QVERIFY(!imported);
    QCOMPARE(imported.error().kind, CatalogImportError::Kind::File);
    QCOMPARE(imported.error().file.problems.size(), 1);
    QCOMPARE(imported.error().file.problems.first().line, 4);
    QCOMPARE(imported.error().file.problems.first().code, CatalogCsvProblem::Code::BadPrice);
    QVERIFY2(imported.error().summary().startsWith(u"line 4: "_s),
             qPrintable(imported.error().summary()));
    QCOMPARE(repo().all().value(), QList<CatalogItem>{classPack()});

    // Replace mode must not have removed anything either.
    QVERIFY(!repo().importCsv(file, CatalogImportMode::Replace));
    QCOMPARE(repo().all().value(), QList<CatalogItem>{classPack()});
}

void tst_SalesCatalogStore::storeFailureImportsNothing()
{
    STORE_VERIFY(repo().save(classPack()));
    // A failure while storing (the disk, a constraint) after some rows were written:
    // simulated by a trigger that refuses the third item.
    QVERIFY(!m_store->db->execute({u"CREATE TEMP TRIGGER refuse_kayak BEFORE INSERT ON "
                                   "sales_catalog_items WHEN new.item_key = 'kayak' "
                                   "BEGIN SELECT RAISE(ABORT, 'simulated failure'); END"_s}));
    const QByteArray file = kHeader
        + "spa,Balinese spa,massage,按摩,,450000,IDR,person,when=datetime*,tags:bali\n"
          "taxi,Airport taxi,cab,出租车,,35.50,USD,item,,all\n"
          "kayak,Kayak tour,,,,12.34,USD,item,,all\n";
    const auto imported = repo().importCsv(file, CatalogImportMode::Replace);
    QVERIFY(!imported);
    QCOMPARE(imported.error().kind, CatalogImportError::Kind::Store);
    QVERIFY2(imported.error().store.detail.contains(u"simulated failure"_s),
             qPrintable(imported.error().store.toString()));
    QCOMPARE(repo().all().value(), QList<CatalogItem>{classPack()});
    QCOMPARE(m_store->sql(u"SELECT count(*) FROM sales_catalog_options"_s).toInt(), 0);
}

void tst_SalesCatalogStore::mergeAndReplace()
{
    STORE_VERIFY(repo().save(classPack()));
    const QByteArray file = kHeader
        + "spa,Balinese spa,massage,按摩,,450000,IDR,person,when=datetime*,tags:bali\n"
          "taxi,Airport taxi,cab,出租车,,35.50,USD,item,,all\n";
    QCOMPARE(repo().importCsv(file).value(), 2);
    auto items = repo().all();
    STORE_VERIFY(items);
    QCOMPARE(items.value().size(), 3);
    QCOMPARE(items.value().first(), classPack());
    QCOMPARE(items.value().at(2).price, Money(3550, u"USD"_s));

    QCOMPARE(repo().importCsv(file, CatalogImportMode::Replace).value(), 2);
    items = repo().all();
    STORE_VERIFY(items);
    QCOMPARE(items.value().size(), 2);
    QCOMPARE(items.value().first().id, u"spa"_s);
}

void tst_SalesCatalogStore::demoCatalogRoundTrip()
{
    const QByteArray demo = demoCatalog();
    QVERIFY2(!demo.isEmpty(), "tests/data/sales/catalog.csv (run through ctest)");
    const auto expected = CatalogCsv::read(demo);
    QVERIFY(expected);
    QCOMPARE(repo().importCsv(demo).value(), int(expected.value().size()));
    reopen();
    QCOMPARE(repo().all().value(), expected.value());
    const auto exported = repo().exportCsv();
    QVERIFY(exported);
    QCOMPARE(CatalogCsv::read(exported.value()).value(), expected.value());
}

QTEST_GUILESS_MAIN(tst_SalesCatalogStore)
#include "tst_sales_catalogstore.moc"
