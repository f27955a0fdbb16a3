// Orders: the legal transitions, the audit trail, and the fold of event logs — shuffled
// logs give the same state, and concurrent or illegal events are reported as conflicts.
#include "sales/Order.h"
#include "sales/OrderRequestParser.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace chorus::sales;
using State = OrderState;

namespace {

const QDateTime t0 = QDateTime(QDate(2026, 5, 6), QTime(1, 0), QTimeZone::utc());

OrderEvent makeEvent(const QString &id, const QString &author, int secondsAfter, State from,
                     State to, const QString &order = u"order-1"_s)
{
    return OrderEvent {id, order, author, t0.addSecs(secondsAfter), u"msg-"_s + id, from, to, {}};
}

Order freshOrder()
{
    return Order::create(u"order-1"_s, OrderNumber {u"BALI"_s, QDate(2026, 5, 6), 7},
                         u"bali-may@conference.chorus.example"_s, u"rep@chorus.example"_s, t0,
                         u"stanza-1"_s, u"e0"_s);
}

} // namespace

class tst_OrderLifecycle : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void legalTransitions();
    void happyPathKeepsAuditTrail();
    void illegalTransitionsAreRefused_data();
    void illegalTransitionsAreRefused();
    void quoteCanBeRevised();
    void refundOnlyAfterPayment();
    void transitionDatedInThePastIsRefused();
    void shuffledLogsFoldTheSame();
    void concurrentConfirmationsConflict();
    void sameTimestampIsBrokenByAuthorThenId();
    void illegalEventInLogIsReportedNotApplied();
    void duplicatesAndForeignEvents();
    void mergeIsSymmetric();
    void orderNumbers();
    void totalsPerCurrency();
    void draftFromParsedRequest();
};

void tst_OrderLifecycle::legalTransitions()
{
    const QList<std::pair<State, State>> legal {
        {State::None, State::Draft},        {State::Draft, State::Quoted},
        {State::Draft, State::Cancelled},   {State::Quoted, State::Confirmed},
        {State::Quoted, State::Draft},      {State::Quoted, State::Cancelled},
        {State::Confirmed, State::Paid},    {State::Confirmed, State::Cancelled},
        {State::Paid, State::Fulfilled},    {State::Paid, State::Refunded},
        {State::Fulfilled, State::Refunded}};
    const QList<State> all {State::None, State::Draft,     State::Quoted,    State::Confirmed,
                            State::Paid, State::Fulfilled, State::Cancelled, State::Refunded};
    for (State from : all) {
        for (State to : all) {
            const bool expected = legal.contains({from, to});
            QVERIFY2(OrderLifecycle::isLegal(from, to) == expected,
                     qPrintable(orderStateName(from) + u" -> "_s + orderStateName(to)));
        }
        QCOMPARE(orderStateFromString(orderStateName(from)), std::optional<State>(from));
    }
    QVERIFY(OrderLifecycle::isFinal(State::Cancelled));
    QVERIFY(OrderLifecycle::isFinal(State::Refunded));
    QVERIFY(!OrderLifecycle::isFinal(State::Fulfilled));
    QCOMPARE(OrderLifecycle::nextStates(State::Paid),
             (QList<State> {State::Fulfilled, State::Refunded}));
}

void tst_OrderLifecycle::happyPathKeepsAuditTrail()
{
    Order order = freshOrder();
    QCOMPARE(order.state(), State::Draft);
    const QList<std::tuple<State, QString, QString>> steps {
        {State::Quoted, u"stanza-2"_s, u"quoted IDR 900,000"_s},
        {State::Confirmed, u"stanza-3"_s, u"guest said yes"_s},
        {State::Paid, QString(), u"cash at the desk"_s},
        {State::Fulfilled, QString(), QString()}};
    int minute = 0;
    for (const auto &[to, message, note] : steps) {
        const auto result = order.transition(to, u"rep@chorus.example"_s, t0.addSecs(60 * ++minute),
                                             message, note);
        QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
        QCOMPARE(result.value().to, to);
    }
    const OrderHistory history = order.history();
    QCOMPARE(history.state, State::Fulfilled);
    QVERIFY(history.conflicts.isEmpty());
    QCOMPARE(history.applied.size(), 5);
    const OrderEvent &confirmed = history.applied.at(2);
    QCOMPARE(confirmed.from, State::Quoted);
    QCOMPARE(confirmed.to, State::Confirmed);
    QCOMPARE(confirmed.author, u"rep@chorus.example"_s);
    QCOMPARE(confirmed.messageId, u"stanza-3"_s);
    QCOMPARE(confirmed.note, u"guest said yes"_s);
    QCOMPARE(confirmed.at, t0.addSecs(120));
    QCOMPARE(confirmed.orderId, u"order-1"_s);
    QVERIFY(!confirmed.id.isEmpty());
    QCOMPARE(history.applied.first().messageId, u"stanza-1"_s); // created from this message
}

void tst_OrderLifecycle::illegalTransitionsAreRefused_data()
{
    QTest::addColumn<QList<State>>("path");
    QTest::addColumn<State>("to");
    QTest::addColumn<QString>("reason");
    QTest::newRow("draft -> paid") << QList<State> {} << State::Paid << u"draft to paid"_s;
    QTest::newRow("draft -> confirmed (no quote)")
        << QList<State> {} << State::Confirmed << u"draft to confirmed"_s;
    QTest::newRow("paid -> cancelled")
        << QList<State> {State::Quoted, State::Confirmed, State::Paid} << State::Cancelled
        << u"refund it"_s;
    QTest::newRow("after cancelled")
        << QList<State> {State::Cancelled} << State::Quoted << u"nothing can follow"_s;
    QTest::newRow("same state") << QList<State> {State::Quoted} << State::Quoted << u"already"_s;
    QTest::newRow("back to none") << QList<State> {} << State::None << u"draft to none"_s;
}

void tst_OrderLifecycle::illegalTransitionsAreRefused()
{
    QFETCH(QList<State>, path);
    QFETCH(State, to);
    QFETCH(QString, reason);
    Order order = freshOrder();
    int step = 0;
    for (State s : path)
        QVERIFY(order.transition(s, u"rep"_s, t0.addSecs(++step)));
    const auto before = order;
    const auto result = order.transition(to, u"rep"_s, t0.addSecs(100));
    QVERIFY(!result);
    QVERIFY2(result.error().message.contains(reason), qPrintable(result.error().message));
    QCOMPARE(order, before); // nothing appended
}

void tst_OrderLifecycle::quoteCanBeRevised()
{
    Order order = freshOrder();
    QVERIFY(order.transition(State::Quoted, u"rep"_s, t0.addSecs(1)));
    QVERIFY(order.transition(State::Draft, u"rep"_s, t0.addSecs(2), {}, u"wrong price"_s));
    QVERIFY(order.transition(State::Quoted, u"rep"_s, t0.addSecs(3)));
    QCOMPARE(order.state(), State::Quoted);
    QCOMPARE(order.history().applied.size(), 4);
}

void tst_OrderLifecycle::refundOnlyAfterPayment()
{
    for (const QList<State> &path :
         QList<QList<State>> {{}, {State::Quoted}, {State::Quoted, State::Confirmed}}) {
        Order order = freshOrder();
        int step = 0;
        for (State s : path)
            QVERIFY(order.transition(s, u"rep"_s, t0.addSecs(++step)));
        QVERIFY(!order.transition(State::Refunded, u"rep"_s, t0.addSecs(50)));
    }
    Order paid = freshOrder();
    int step = 0;
    for (State s : {State::Quoted, State::Confirmed, State::Paid})
        QVERIFY(paid.transition(s, u"rep"_s, t0.addSecs(++step)));
    Order fulfilled = paid;
    QVERIFY(paid.transition(State::Refunded, u"rep"_s, t0.addSecs(10)));
    QCOMPARE(paid.state(), State::Refunded);
    QVERIFY(fulfilled.transition(State::Fulfilled, u"rep"_s, t0.addSecs(10)));
    QVERIFY(fulfilled.transition(State::Refunded, u"rep"_s, t0.addSecs(11), {}, u"complaint"_s));
    QCOMPARE(fulfilled.state(), State::Refunded);
    QVERIFY(!fulfilled.transition(State::Paid, u"rep"_s, t0.addSecs(12)));
}

void tst_OrderLifecycle::transitionDatedInThePastIsRefused()
{
    Order order = freshOrder();
    QVERIFY(order.transition(State::Quoted, u"rep"_s, t0.addSecs(60)));
    const auto result = order.transition(State::Confirmed, u"rep"_s, t0.addSecs(30));
    QVERIFY(!result);
    QVERIFY(result.error().message.contains(u"clock"_s));
    QCOMPARE(order.state(), State::Quoted);
}

void tst_OrderLifecycle::shuffledLogsFoldTheSame()
{
    // A log with a revision, a concurrent confirmation, an illegal event and a duplicate.
    const QList<OrderEvent> log {
        makeEvent(u"e0"_s, u"alice"_s, 0, State::None, State::Draft),
        makeEvent(u"e1"_s, u"alice"_s, 10, State::Draft, State::Quoted),
        makeEvent(u"e2"_s, u"bob"_s, 20, State::Quoted, State::Draft),
        makeEvent(u"e3"_s, u"bob"_s, 30, State::Draft, State::Quoted),
        makeEvent(u"e4"_s, u"alice"_s, 40, State::Quoted, State::Confirmed),
        makeEvent(u"e5"_s, u"bob"_s, 40, State::Quoted, State::Confirmed),
        makeEvent(u"e6"_s, u"carol"_s, 45, State::Confirmed, State::Refunded),
        makeEvent(u"e7"_s, u"bob"_s, 50, State::Confirmed, State::Paid),
        makeEvent(u"e7"_s, u"bob"_s, 50, State::Confirmed, State::Paid),
        makeEvent(u"e8"_s, u"alice"_s, 60, State::Paid, State::Fulfilled)};
    const OrderHistory reference = OrderLifecycle::fold(log, u"order-1"_s);
    QCOMPARE(reference.state, State::Fulfilled);
    QCOMPARE(reference.applied.size(), 7);
    QCOMPARE(reference.conflicts.size(), 2); // e5 (stale), e6 (illegal)

    QRandomGenerator random(20260506);
    for (int round = 0; round < 300; ++round) {
        QList<OrderEvent> shuffled = log;
        std::shuffle(shuffled.begin(), shuffled.end(), random);
        QCOMPARE(OrderLifecycle::fold(shuffled, u"order-1"_s), reference);
    }
}

void tst_OrderLifecycle::concurrentConfirmationsConflict()
{
    // Alice and Bob both confirm the quoted order from their own machines.
    const QList<OrderEvent> log {
        makeEvent(u"e0"_s, u"alice"_s, 0, State::None, State::Draft),
        makeEvent(u"e1"_s, u"alice"_s, 10, State::Draft, State::Quoted),
        makeEvent(u"bob-1"_s, u"bob"_s, 31, State::Quoted, State::Confirmed),
        makeEvent(u"alice-1"_s, u"alice"_s, 30, State::Quoted, State::Confirmed)};
    const OrderHistory history = OrderLifecycle::fold(log, u"order-1"_s);
    QCOMPARE(history.state, State::Confirmed);
    QCOMPARE(history.applied.last().author, u"alice"_s);
    QCOMPARE(history.conflicts.size(), 1);
    const OrderConflict &conflict = history.conflicts.first();
    QCOMPARE(conflict.reason, OrderConflict::Reason::StaleState);
    QCOMPARE(conflict.event.id, u"bob-1"_s);
    QCOMPARE(conflict.stateAtEvent, State::Confirmed);
    QVERIFY(conflict.message.contains(u"bob"_s));

    // A cancel that raced the confirmation is a conflict too, not a silent cancel.
    QList<OrderEvent> raced = log.mid(0, 2);
    raced << makeEvent(u"a"_s, u"alice"_s, 30, State::Quoted, State::Confirmed)
          << makeEvent(u"b"_s, u"bob"_s, 35, State::Quoted, State::Cancelled);
    const OrderHistory racedHistory = OrderLifecycle::fold(raced, u"order-1"_s);
    QCOMPARE(racedHistory.state, State::Confirmed);
    QCOMPARE(racedHistory.conflicts.size(), 1);
    QCOMPARE(racedHistory.conflicts.first().event.to, State::Cancelled);
}

void tst_OrderLifecycle::sameTimestampIsBrokenByAuthorThenId()
{
    const QList<OrderEvent> base {makeEvent(u"e0"_s, u"alice"_s, 0, State::None, State::Draft),
                                  makeEvent(u"e1"_s, u"alice"_s, 10, State::Draft, State::Quoted)};
    QList<OrderEvent> log = base;
    log << makeEvent(u"z"_s, u"bob"_s, 20, State::Quoted, State::Cancelled)
        << makeEvent(u"y"_s, u"alice"_s, 20, State::Quoted, State::Confirmed);
    QCOMPARE(OrderLifecycle::fold(log, u"order-1"_s).state, State::Confirmed); // "alice" < "bob"
    std::reverse(log.begin(), log.end());
    QCOMPARE(OrderLifecycle::fold(log, u"order-1"_s).state, State::Confirmed);

    QList<OrderEvent> sameAuthor = base;
    sameAuthor << makeEvent(u"b"_s, u"alice"_s, 20, State::Quoted, State::Cancelled)
               << makeEvent(u"a"_s, u"alice"_s, 20, State::Quoted, State::Confirmed);
    QCOMPARE(OrderLifecycle::fold(sameAuthor, u"order-1"_s).state, State::Confirmed); // "a" < "b"
}

void tst_OrderLifecycle::illegalEventInLogIsReportedNotApplied()
{
    const QList<OrderEvent> log {makeEvent(u"e0"_s, u"alice"_s, 0, State::None, State::Draft),
                                 makeEvent(u"e1"_s, u"mallory"_s, 5, State::Draft, State::Paid),
                                 makeEvent(u"e2"_s, u"alice"_s, 10, State::Draft, State::Quoted)};
    const OrderHistory history = OrderLifecycle::fold(log, u"order-1"_s);
    QCOMPARE(history.state, State::Quoted);
    QCOMPARE(history.conflicts.size(), 1);
    QCOMPARE(history.conflicts.first().reason, OrderConflict::Reason::IllegalTransition);
    QCOMPARE(history.conflicts.first().event.author, u"mallory"_s);

    // A log without its creation event: everything conflicts, the order does not exist.
    const OrderHistory headless = OrderLifecycle::fold(log.mid(2), u"order-1"_s);
    QCOMPARE(headless.state, State::None);
    QCOMPARE(headless.conflicts.size(), 1);
}

void tst_OrderLifecycle::duplicatesAndForeignEvents()
{
    OrderEvent quoted = makeEvent(u"e1"_s, u"alice"_s, 10, State::Draft, State::Quoted);
    OrderEvent forged = quoted;
    forged.note = u"changed"_s;
    forged.at = t0.addSecs(11);
    const QList<OrderEvent> log {
        makeEvent(u"e0"_s, u"alice"_s, 0, State::None, State::Draft), quoted, quoted, forged,
        makeEvent(u"x"_s, u"alice"_s, 12, State::Quoted, State::Confirmed, u"order-2"_s)};
    const OrderHistory history = OrderLifecycle::fold(log, u"order-1"_s);
    QCOMPARE(history.state, State::Quoted);
    QCOMPARE(history.applied.size(), 2);
    QCOMPARE(history.conflicts.size(), 2);
    QCOMPARE(history.conflicts.at(0).reason, OrderConflict::Reason::DuplicateId);
    QCOMPARE(history.conflicts.at(0).event, forged);
    QCOMPARE(history.conflicts.at(1).reason, OrderConflict::Reason::OtherOrder);
}

void tst_OrderLifecycle::mergeIsSymmetric()
{
    Order alice = freshOrder();
    QVERIFY(alice.transition(State::Quoted, u"alice"_s, t0.addSecs(10), {}, {}, u"a1"_s));
    Order bob = alice;
    QVERIFY(alice.transition(State::Confirmed, u"alice"_s, t0.addSecs(20), {}, {}, u"a2"_s));
    QVERIFY(bob.transition(State::Cancelled, u"bob"_s, t0.addSecs(19), {}, {}, u"b1"_s));
    Order left = alice, right = bob;
    left.merge(bob.events);
    right.merge(alice.events);
    left.merge(bob.events); // merging twice changes nothing
    QCOMPARE(left.events.size(), 4);
    QCOMPARE(left.history(), right.history());
    QCOMPARE(left.state(), State::Cancelled); // bob's cancel came first
    QCOMPARE(left.history().conflicts.size(), 1);
    QCOMPARE(left.history().conflicts.first().event.author, u"alice"_s);
}

void tst_OrderLifecycle::orderNumbers()
{
    const OrderNumber number {u"BALI"_s, QDate(2026, 5, 6), 7};
    QCOMPARE(number.toString(), u"BALI-20260506-007"_s);
    QCOMPARE(OrderNumber::parse(u"BALI-20260506-007"), std::optional<OrderNumber>(number));
    QCOMPARE((OrderNumber {u"FIT"_s, QDate(2026, 3, 2), 1234}.toString()), u"FIT-20260302-1234"_s);
    for (const QString &bad : {u"BALI-20260506-7"_s, u"bali-20260506-007"_s, u"BALI-20261306-007"_s,
                               u"BALI-2026056-007"_s, u"BALI-20260506-000"_s, u"-20260506-001"_s,
                               u"BALI-20260506-00a"_s, u"BALI-20260506"_s, QString()})
        QVERIFY2(!OrderNumber::parse(bad), qPrintable(bad));
    const QList<OrderNumber> existing {number,
                                       {u"BALI"_s, QDate(2026, 5, 6), 3},
                                       {u"BALI"_s, QDate(2026, 5, 5), 40},
                                       {u"FIT"_s, QDate(2026, 5, 6), 90}};
    QCOMPARE(OrderNumber::next(u"BALI"_s, QDate(2026, 5, 6), existing).sequence, 8);
    QCOMPARE(OrderNumber::next(u"BALI"_s, QDate(2026, 5, 7), existing).sequence, 1);
}

void tst_OrderLifecycle::totalsPerCurrency()
{
    Order order = freshOrder();
    order.lines = {{u"mock-interview"_s, u"Mock interview"_s, 2, Money(3000, u"USD"_s), {}},
                   {u"ielts-speaking"_s, u"IELTS speaking"_s, 1, Money(3500, u"GBP"_s), {}},
                   {u"mock-interview"_s, u"Mock interview"_s, 1, Money(3000, u"USD"_s), {}}};
    const MoneyTotals totals = order.totals();
    QCOMPARE(totals.amounts(), (QList<Money> {Money(3500, u"GBP"_s), Money(9000, u"USD"_s)}));

    Order cancelled = freshOrder();
    cancelled.lines = {{u"x"_s, u"X"_s, 1, Money(100000, u"USD"_s), {}}};
    QVERIFY(cancelled.transition(State::Cancelled, u"rep"_s, t0.addSecs(5)));
    QCOMPARE(totalsOf({order, cancelled}), totals);

    Order huge = freshOrder();
    huge.lines = {{u"x"_s, u"X"_s, 3, Money(std::numeric_limits<qint64>::max() / 2, u"USD"_s), {}}};
    bool ok = true;
    huge.totals(&ok);
    QVERIFY(!ok);
}

void tst_OrderLifecycle::draftFromParsedRequest()
{
    CatalogItem spa;
    spa.id = u"spa"_s;
    spa.name = u"Balinese spa"_s;
    spa.synonymsEn = {u"massage"_s};
    spa.price = Money(450000, u"IDR"_s);
    spa.basis = PriceBasis::PerPerson;
    RequestContext context;
    context.text = u"Can we book 2 massages on Friday at 4pm? Room 12"_s;
    context.messageId = u"stanza-77"_s;
    context.sender = u"occ:bali/xyz"_s;
    context.timestamp = t0;
    context.groupZone = QTimeZone("Asia/Makassar");
    context.items = {spa};
    context.operatorLocale = QLocale(u"en_US"_s);
    const OrderRequest request = OrderRequestParser().parse(context);
    QVERIFY(request.isRequest);
    const Order order = Order::fromRequest(request, context.items, u"o9"_s,
                                           OrderNumber {u"BALI"_s, QDate(2026, 5, 6), 9},
                                           u"bali@conference"_s, u"rep"_s, t0, u"c9"_s);
    QCOMPARE(order.state(), State::Draft);
    QCOMPARE(order.customer, u"occ:bali/xyz"_s);
    QCOMPARE(order.sourceMessageId, u"stanza-77"_s);
    QCOMPARE(order.history().applied.first().messageId, u"stanza-77"_s);
    QCOMPARE(order.lines.size(), 1);
    QCOMPARE(order.lines.first().quantity, 2);
    QCOMPARE(order.lines.first().unitPrice, Money(450000, u"IDR"_s));
    QCOMPARE(order.totals().of(u"IDR"_s), Money(900000, u"IDR"_s));
    QVERIFY(order.when);
    QCOMPARE(order.when->toUTC(), QDateTime(QDate(2026, 5, 8), QTime(8, 0), QTimeZone::utc()));
    QVERIFY(order.notes.contains(u"Room 12"_s));
}

QTEST_GUILESS_MAIN(tst_OrderLifecycle)
#include "tst_orderlifecycle.moc"
