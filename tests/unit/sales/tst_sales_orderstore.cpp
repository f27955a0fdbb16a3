// Orders in a real account store: they round-trip with lines, totals and the booked time;
// numbers are unique; every transition is appended to the history with who, when and which
// message; the history folds to the same state as OrderLifecycle (also after a team merge);
// the history cannot be edited or deleted, and an order outlives the group it came from.
#include "sales/OrderRepository.h"
#include "sales/SalesSchema.h"

#include "../store/StoreTestSupport.h"

#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace chorus;
using namespace chorus::sales;
using namespace chorus::store;
using namespace chorus::store::test;
using State = OrderState;

namespace {

const QString kBali = u"bali@conference.example.org"_s;
const QString kYoga = u"yoga@conference.example.org"_s;
const QString kRep = u"rep@example.org"_s;

QDateTime t(int minutes)
{
    return QDateTime(QDate(2026, 5, 6), QTime(1, 0), Qt::UTC).addSecs(minutes * 60);
}

chat::Group group(const QString &jid)
{
    chat::Group g;
    g.id = jid;
    g.name = jid.section(u'@', 0, 0);
    g.timeZone = u"Asia/Makassar"_s;
    return g;
}

// The spa request of alice (occupant-id occ-alice) in Bali, stanza-id "req-1".
chat::Message request()
{
    return Msg(kBali, u"Can I book the spa for two on Friday?"_s).stanza(u"req-1"_s);
}

QString aliceKey()
{
    return request().sender().value;
}

Order spaOrder(const QString &id, int sequence = 0, int minute = 0)
{
    Order order = Order::create(id, OrderNumber{u"BALI"_s, QDate(2026, 5, 6), sequence}, kBali,
                                kRep, t(minute), u"req-1"_s, id + u"-e0"_s);
    order.customer = aliceKey();
    order.customerNick = u"alice"_s;
    order.lines = {{u"spa"_s, u"Balinese spa"_s, 2, Money(450000, u"IDR"_s), u"couple room"_s},
                   {u"taxi"_s, u"Airport taxi"_s, 1, Money(3550, u"USD"_s), {}}};
    order.when = QDateTime(QDate(2026, 5, 8), QTime(19, 0), QTimeZone("Asia/Makassar"));
    order.partySize = 2;
    order.notes = u"vegetarian tea"_s;
    return order;
}

} // namespace

class tst_SalesOrderStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void createRoundTripAndReopen();
    void numbersAreUnique();
    void createRefusesIncompleteOrders();
    void transitionsAppendHistory();
    void illegalTransitionIsRefused();
    void historyFoldsLikeLifecycle();
    void teamMergeFoldsLikeLifecycle();
    void historyIsAppendOnly();
    void orderOutlivesItsGroup();
    void detailsOnlyInDraft();
    void listFilters();

private:
    TempStore *m_store = nullptr;
    OrderRepository &repo() { return m_store->s().repository<OrderRepository>(); }
    QVariant sql(const QString &query) { return m_store->sql(query); }
    void reopen() { STORE_VERIFY(m_store->open({salesSchema()})); }
};

void tst_SalesOrderStore::init()
{
    m_store = new TempStore;
    STORE_VERIFY(m_store->open({salesSchema()}));
    STORE_VERIFY(m_store->s().groups().save(group(kBali)));
    STORE_VERIFY(m_store->s().groups().save(group(kYoga)));
    STORE_VERIFY(m_store->s().messages().ingest({request()}));
}

void tst_SalesOrderStore::cleanup()
{
    delete m_store;
    m_store = nullptr;
}

void tst_SalesOrderStore::createRoundTripAndReopen()
{
    Order order = spaOrder(u"order-1"_s, 7);
    const auto created = repo().create(order);
    STORE_VERIFY(created);
    QCOMPARE(created.value(), order);
    reopen();
    QCOMPARE(m_store->db->moduleVersion(u"sales"_s), salesSchema().latestVersion());
    const auto found = repo().find(order.id);
    STORE_VERIFY(found);
    QVERIFY(found.value());
    QCOMPARE(*found.value(), order);
    QCOMPARE(found.value()->when->timeZone().id(), QByteArray("Asia/Makassar"));
    QCOMPARE(found.value()->when->time(), QTime(19, 0));
    QCOMPARE(found.value()->state(), State::Draft);
    QCOMPARE(repo().findByNumber(order.number).value(), found.value());
    QCOMPARE(repo().find(u"nope"_s).value(), std::optional<Order>());

    // Money stays integer minor units per currency; the links point at the core rows.
    QCOMPARE(sql(u"SELECT group_concat(currency || ':' || total_minor, ' ') FROM "
                 "(SELECT * FROM sales_order_totals ORDER BY currency)"_s)
                 .toString(),
             u"IDR:900000 USD:3550"_s);
    QCOMPARE(sql(u"SELECT g.jid FROM sales_orders o JOIN groups g ON g.id = o.group_id"_s)
                 .toString(),
             kBali);
    QCOMPARE(sql(u"SELECT p.key FROM sales_orders o JOIN people p ON p.id = o.customer_person"_s)
                 .toString(),
             aliceKey());
    QCOMPARE(sql(u"SELECT m.body FROM sales_orders o JOIN messages m ON m.id = o.source_message"_s)
                 .toString(),
             request().body);
    QCOMPARE(sql(u"SELECT m.stanza_id FROM sales_order_events e JOIN messages m "
                 "ON m.id = e.message"_s)
                 .toString(),
             u"req-1"_s);
}

void tst_SalesOrderStore::numbersAreUnique()
{
    QCOMPARE(repo().nextNumber(u"BALI"_s, QDate(2026, 5, 6)).value().sequence, 1);
    const auto first = repo().create(spaOrder(u"a"_s));
    const auto second = repo().create(spaOrder(u"b"_s));
    STORE_VERIFY(first);
    STORE_VERIFY(second);
    QCOMPARE(first.value().number.toString(), u"BALI-20260506-001"_s);
    QCOMPARE(second.value().number.toString(), u"BALI-20260506-002"_s);
    const auto clash = repo().create(spaOrder(u"c"_s, 2));
    QVERIFY(!clash);
    QCOMPARE(clash.error().code, StoreError::Code::InvalidArgument);
    QVERIFY2(clash.error().message.contains(u"BALI-20260506-002"_s),
             qPrintable(clash.error().message));
    // Another day or prefix starts again at 1.
    Order other = spaOrder(u"d"_s);
    other.number.day = QDate(2026, 5, 7);
    QCOMPARE(repo().create(other).value().number.sequence, 1);
    QCOMPARE(repo().nextNumber(u"BALI"_s, QDate(2026, 5, 6)).value().sequence, 3);
    QCOMPARE(sql(u"SELECT count(*) FROM sales_orders"_s).toInt(), 3);
    // The table itself refuses a second order with a used number.
    QVERIFY(m_store->db->execute({u"UPDATE sales_orders SET number_sequence = 1 "
                                  "WHERE order_key = 'b'"_s}));
}

void tst_SalesOrderStore::createRefusesIncompleteOrders()
{
    Order noEvents = spaOrder(u"x"_s);
    noEvents.events.clear();
    QCOMPARE(repo().create(noEvents).error().code, StoreError::Code::InvalidArgument);
    Order badLine = spaOrder(u"y"_s);
    badLine.lines.first().quantity = 0;
    QCOMPARE(repo().create(badLine).error().code, StoreError::Code::InvalidArgument);
    Order badPrefix = spaOrder(u"z"_s);
    badPrefix.number.prefix = u"bali"_s;
    QCOMPARE(repo().create(badPrefix).error().code, StoreError::Code::InvalidArgument);
    Order overflow = spaOrder(u"w"_s);
    overflow.lines.first().unitPrice = Money(std::numeric_limits<qint64>::max() / 2, u"IDR"_s);
    overflow.lines.first().quantity = 3;
    QCOMPARE(repo().create(overflow).error().code, StoreError::Code::InvalidArgument);
    QCOMPARE(sql(u"SELECT count(*) FROM sales_orders"_s).toInt(), 0);
    QCOMPARE(sql(u"SELECT count(*) FROM sales_order_events"_s).toInt(), 0);
}

void tst_SalesOrderStore::transitionsAppendHistory()
{
    STORE_VERIFY(repo().create(spaOrder(u"o"_s)));
    // Our own quote, sent privately through the room, not yet echoed (origin-id only).
    STORE_VERIFY(m_store->s().messages().ingest(
        {Msg(kBali, u"Quote BALI-20260506-001: IDR 9,000.00"_s, 120).origin(u"quote-1"_s).mine()}));
    const auto quoted = repo().transition(u"o"_s, State::Quoted, kRep, t(2), u"quote-1"_s,
                                          u"sent privately"_s);
    STORE_VERIFY(quoted);
    QCOMPARE(quoted.value().from, State::Draft);
    QCOMPARE(quoted.value().to, State::Quoted);
    STORE_VERIFY(repo().transition(u"o"_s, State::Confirmed, u"colleague@example.org"_s, t(5)));
    QCOMPARE(repo().storedState(u"o"_s).value(), State::Confirmed);

    reopen();
    const auto order = repo().find(u"o"_s).value();
    QVERIFY(order);
    const OrderHistory history = order->history();
    QCOMPARE(history.state, State::Confirmed);
    QVERIFY(history.conflicts.isEmpty());
    QCOMPARE(history.applied.size(), 3);
    QCOMPARE(history.applied.at(1), quoted.value());
    QCOMPARE(history.applied.at(1).author, kRep);
    QCOMPARE(history.applied.at(1).at, t(2));
    QCOMPARE(history.applied.at(1).messageId, u"quote-1"_s);
    QCOMPARE(history.applied.at(1).note, u"sent privately"_s);
    QCOMPARE(history.applied.at(2).author, u"colleague@example.org"_s);
    QCOMPARE(sql(u"SELECT m.origin_id FROM sales_order_events e JOIN messages m "
                 "ON m.id = e.message WHERE e.to_state = 'quoted'"_s)
                 .toString(),
             u"quote-1"_s);
    QCOMPARE(repo().transition(u"missing"_s, State::Quoted, kRep, t(9)).error().code,
             StoreError::Code::NotFound);
}

void tst_SalesOrderStore::illegalTransitionIsRefused()
{
    STORE_VERIFY(repo().create(spaOrder(u"o"_s)));
    const auto paid = repo().transition(u"o"_s, State::Paid, kRep, t(1));
    QVERIFY(!paid);
    QCOMPARE(paid.error().code, StoreError::Code::InvalidArgument);
    QVERIFY(!paid.error().message.isEmpty());
    // Dated before the last change (a clock behind): refused too.
    STORE_VERIFY(repo().transition(u"o"_s, State::Quoted, kRep, t(10)));
    QCOMPARE(repo().transition(u"o"_s, State::Confirmed, kRep, t(5)).error().code,
             StoreError::Code::InvalidArgument);
    QCOMPARE(sql(u"SELECT count(*) FROM sales_order_events"_s).toInt(), 2);
    QCOMPARE(repo().storedState(u"o"_s).value(), State::Quoted);
}

void tst_SalesOrderStore::historyFoldsLikeLifecycle()
{
    Order memory = spaOrder(u"o"_s, 1);
    STORE_VERIFY(repo().create(memory));
    const QList<State> path{State::Quoted, State::Draft, State::Quoted, State::Confirmed,
                            State::Paid, State::Fulfilled, State::Refunded};
    for (qsizetype i = 0; i < path.size(); ++i) {
        const auto stored = repo().transition(u"o"_s, path.at(i), kRep, t(int(i) + 1),
                                              u"msg-%1"_s.arg(i));
        STORE_VERIFY(stored);
        // The same step on an in-memory copy, with the same event id.
        QVERIFY(memory.transition(path.at(i), kRep, t(int(i) + 1), u"msg-%1"_s.arg(i), {},
                                  stored.value().id));
        QCOMPARE(repo().storedState(u"o"_s).value(), memory.state());
    }
    reopen();
    const auto order = repo().find(u"o"_s).value();
    QVERIFY(order);
    QCOMPARE(order->events, memory.events);
    QCOMPARE(order->history(), OrderLifecycle::fold(memory.events, u"o"_s));
    QCOMPARE(order->state(), State::Refunded);
    QCOMPARE(repo().storedState(u"o"_s).value(), State::Refunded);
    QCOMPARE(repo().list({{State::Refunded}}).value().size(), 1);
}

void tst_SalesOrderStore::teamMergeFoldsLikeLifecycle()
{
    STORE_VERIFY(repo().create(spaOrder(u"o"_s, 1)));
    STORE_VERIFY(repo().transition(u"o"_s, State::Quoted, kRep, t(1)));
    // Another operator's copy: confirmed and paid before ours knew, plus a stale
    // cancellation made from "draft" (a concurrent edit), all arriving out of order.
    const QString other = u"other@example.org"_s;
    const QList<OrderEvent> theirs{
        {u"p"_s, u"o"_s, other, t(4), {}, State::Confirmed, State::Paid, {}},
        {u"x"_s, u"o"_s, other, t(3), {}, State::Draft, State::Cancelled, {}},
        {u"c"_s, u"o"_s, other, t(2), {}, State::Quoted, State::Confirmed, {}},
    };
    QCOMPARE(repo().appendEvents(u"o"_s, theirs).value(), 3);
    QCOMPARE(repo().appendEvents(u"o"_s, theirs).value(), 0); // known ids are skipped
    const auto order = repo().find(u"o"_s).value();
    QVERIFY(order);
    QCOMPARE(order->events.size(), 5);
    const OrderHistory folded = OrderLifecycle::fold(order->events, u"o"_s);
    QCOMPARE(folded.state, State::Paid);
    QCOMPARE(folded.conflicts.size(), 1);
    QCOMPARE(folded.conflicts.first().event.id, u"x"_s);
    QCOMPARE(repo().storedState(u"o"_s).value(), folded.state);

    OrderEvent foreign = theirs.first();
    foreign.orderId = u"another"_s;
    QCOMPARE(repo().appendEvents(u"o"_s, {foreign}).error().code,
             StoreError::Code::InvalidArgument);
    // An event id already used by another order is refused, not silently dropped.
    STORE_VERIFY(repo().create(spaOrder(u"o2"_s, 2)));
    OrderEvent stolen = theirs.first();
    stolen.orderId = u"o2"_s;
    QCOMPARE(repo().appendEvents(u"o2"_s, {stolen}).error().code,
             StoreError::Code::InvalidArgument);
}

void tst_SalesOrderStore::historyIsAppendOnly()
{
    STORE_VERIFY(repo().create(spaOrder(u"o"_s, 1)));
    STORE_VERIFY(repo().transition(u"o"_s, State::Quoted, kRep, t(1)));
    auto refused = m_store->db->execute({u"UPDATE sales_order_events SET to_state = 'paid'"_s});
    QVERIFY(refused);
    QVERIFY2(refused->detail.contains(u"append-only"_s), qPrintable(refused->detail));
    refused = m_store->db->execute({u"DELETE FROM sales_order_events"_s});
    QVERIFY(refused);
    QVERIFY(m_store->db->execute({u"DELETE FROM sales_orders WHERE order_key = 'o'"_s}));
    QCOMPARE(sql(u"SELECT count(*) FROM sales_order_events"_s).toInt(), 2);
    QCOMPARE(repo().find(u"o"_s).value()->state(), State::Quoted);
}

void tst_SalesOrderStore::orderOutlivesItsGroup()
{
    Order order = spaOrder(u"o"_s, 1);
    STORE_VERIFY(repo().create(order));
    STORE_VERIFY(m_store->s().groups().remove(kBali));
    QCOMPARE(sql(u"SELECT count(*) FROM messages"_s).toInt(), 0);
    const auto found = repo().find(u"o"_s);
    STORE_VERIFY(found);
    QVERIFY(found.value());
    QCOMPARE(*found.value(), order);
    QVERIFY(sql(u"SELECT group_id FROM sales_orders"_s).isNull());
    QVERIFY(sql(u"SELECT source_message FROM sales_orders"_s).isNull());
    QVERIFY(sql(u"SELECT message FROM sales_order_events"_s).isNull());
    QCOMPARE(repo().list({{}, kBali}).value().size(), 1);
    STORE_VERIFY(repo().transition(u"o"_s, State::Quoted, kRep, t(1)));
    QCOMPARE(sql(u"SELECT count(*) FROM pragma_foreign_key_check"_s).toInt(), 0);
}

void tst_SalesOrderStore::detailsOnlyInDraft()
{
    STORE_VERIFY(repo().create(spaOrder(u"o"_s, 1)));
    Order edited = *repo().find(u"o"_s).value();
    edited.lines = {{u"spa"_s, u"Balinese spa"_s, 3, Money(450000, u"IDR"_s), {}}};
    edited.when = QDateTime(QDate(2026, 5, 9), QTime(10, 30), Qt::UTC);
    edited.dateOnly = false;
    edited.partySize = 3;
    edited.notes = u"one more friend"_s;
    edited.customerNick = u"Alice W."_s;
    STORE_VERIFY(repo().saveDetails(edited));
    QCOMPARE(*repo().find(u"o"_s).value(), edited);
    QCOMPARE(sql(u"SELECT group_concat(currency || ':' || total_minor) FROM sales_order_totals"_s)
                 .toString(),
             u"IDR:1350000"_s);

    STORE_VERIFY(repo().transition(u"o"_s, State::Quoted, kRep, t(1)));
    Order late = edited;
    late.notes = u"changed after the quote"_s;
    QCOMPARE(repo().saveDetails(late).error().code, StoreError::Code::InvalidArgument);
    QCOMPARE(repo().find(u"o"_s).value()->notes, u"one more friend"_s);
    Order unknown = edited;
    unknown.id = u"unknown"_s;
    QCOMPARE(repo().saveDetails(unknown).error().code, StoreError::Code::NotFound);
}

void tst_SalesOrderStore::listFilters()
{
    STORE_VERIFY(repo().create(spaOrder(u"a"_s, 0, 0)));
    STORE_VERIFY(repo().create(spaOrder(u"b"_s, 0, 60)));
    Order yoga = Order::create(u"c"_s, OrderNumber{u"YOGA"_s, QDate(2026, 5, 6), 0}, kYoga, kRep,
                               t(120), {}, u"c-e0"_s);
    yoga.lines = {{u"class-pack"_s, u"10-class pack"_s, 1, Money(12000, u"EUR"_s), {}}};
    STORE_VERIFY(repo().create(yoga));
    STORE_VERIFY(repo().transition(u"b"_s, State::Cancelled, kRep, t(61)));

    const auto ids = [&](const OrderFilter &filter) {
        QStringList result;
        const auto orders = repo().list(filter); // kept: a range-for would not keep it alive
        for (const Order &order : orders.value())
            result << order.id;
        return result;
    };
    QCOMPARE(ids({}), (QStringList{u"c"_s, u"b"_s, u"a"_s}));
    QCOMPARE(ids({{State::Draft}}), (QStringList{u"c"_s, u"a"_s}));
    QCOMPARE(ids({{State::Cancelled, State::Paid}}), QStringList{u"b"_s});
    QCOMPARE(ids({{}, kBali}), (QStringList{u"b"_s, u"a"_s}));
    QCOMPARE(ids({{}, {}, aliceKey()}), (QStringList{u"b"_s, u"a"_s}));
    QCOMPARE(ids({{}, {}, {}, t(30), t(121)}), (QStringList{u"c"_s, u"b"_s}));
    QCOMPARE(ids({{}, {}, {}, {}, {}, 1}), QStringList{u"c"_s});
    QCOMPARE(totalsOf(repo().list({}).value()).format(QLocale(u"en_US"_s)),
             MoneyTotals(totalsOf({yoga, *repo().find(u"a"_s).value()})).format(QLocale(u"en_US"_s)));
}

QTEST_GUILESS_MAIN(tst_SalesOrderStore)
#include "tst_sales_orderstore.moc"
