#include "sales/OrderRepository.h"

#include <QCoreApplication>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace chorus::sales {
namespace {

using store::StoreError;
using store::Transaction;


const QString kColumns = u"o.id, o.order_key, o.number_prefix, o.number_day, o.number_sequence, "
                         "o.group_jid, o.customer_key, o.customer_nick, o.source_message_id, "
                         "o.when_at, o.when_zone, o.when_offset, o.date_only, o.party_size, "
                         "o.notes"_s;

QVariant null() { return QVariant(QMetaType::fromType<qint64>()); }

// For NOT NULL text columns bound through execValues(), where a null QString means NULL.
QVariant text(const QString &value) { return value.isNull() ? QVariant(u""_s) : QVariant(value); }

// lupdate gives calls of tr() in this class's members the context below.
QString tr(const char *text)
{
    return QCoreApplication::translate("chorus::sales::OrderRepository", text);
}

// The booked time keeps its zone (or offset) so that it shows as it was entered.
struct StoredWhen
{
    QVariant at = null();
    QVariant zone = QVariant(QMetaType::fromType<QString>());
    QVariant offset = null();
};

StoredWhen storedWhen(const std::optional<QDateTime> &when)
{
    StoredWhen stored;
    if (!when || !when->isValid())
        return stored;
    stored.at = when->toMSecsSinceEpoch();
    if (when->timeSpec() == Qt::TimeZone)
        stored.zone = QString::fromUtf8(when->timeZone().id());
    else if (when->timeSpec() != Qt::UTC)
        stored.offset = qint64(when->offsetFromUtc());
    return stored;
}

std::optional<QDateTime> restoredWhen(const QVariant &at, const QVariant &zone,
                                      const QVariant &offset)
{
    if (at.isNull())
        return std::nullopt;
    const QDateTime utc = QDateTime::fromMSecsSinceEpoch(at.toLongLong(), Qt::UTC);
    if (!zone.isNull()) {
        const QTimeZone tz(zone.toString().toUtf8());
        if (tz.isValid())
            return utc.toTimeZone(tz);
    }
    if (!offset.isNull())
        return utc.toOffsetFromUtc(offset.toInt());
    return utc;
}

OrderState stateFrom(const QVariant &value)
{
    return orderStateFromString(value.toString()).value_or(OrderState::None);
}

} // namespace

OrderRepository::OrderRepository(store::Database &db)
    : m_db(db),
      m_next(db, u"SELECT coalesce(max(number_sequence), 0) + 1 FROM sales_orders "
                 "WHERE number_prefix = ? AND number_day = ?"_s),
      m_numberUsed(db, u"SELECT order_key FROM sales_orders WHERE number_prefix = ? "
                       "AND number_day = ? AND number_sequence = ?"_s),
      m_insert(db, uR"(INSERT INTO sales_orders(order_key, number_prefix, number_day,
                number_sequence, group_id, group_jid, customer_person, customer_key,
                customer_nick, source_message, source_message_id, when_at, when_zone,
                when_offset, date_only, party_size, notes, state, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))"_s),
      m_details(db, uR"(UPDATE sales_orders SET customer_person = ?, customer_key = ?,
                customer_nick = ?, when_at = ?, when_zone = ?, when_offset = ?, date_only = ?,
                party_size = ?, notes = ?, updated_at = ?
            WHERE id = ?)"_s),
      m_clearLines(db, u"DELETE FROM sales_order_lines WHERE order_id = ?"_s),
      m_addLine(db, u"INSERT INTO sales_order_lines(order_id, position, item_key, item_name, "
                    "quantity, unit_minor, currency, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s),
      m_clearTotals(db, u"DELETE FROM sales_order_totals WHERE order_id = ?"_s),
      m_addTotal(db, u"INSERT INTO sales_order_totals(order_id, currency, total_minor) "
                     "VALUES (?, ?, ?)"_s),
      m_addEvent(db, uR"(INSERT INTO sales_order_events(event_key, order_id, author, at,
                message_id, message, from_state, to_state, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(event_key) DO NOTHING)"_s),
      m_setState(db, u"UPDATE sales_orders SET state = ?, updated_at = ? WHERE id = ?"_s),
      m_rowOf(db, u"SELECT id, group_id FROM sales_orders WHERE order_key = ?"_s),
      m_lines(db, u"SELECT item_key, item_name, quantity, unit_minor, currency, note "
                  "FROM sales_order_lines WHERE order_id = ? ORDER BY position"_s),
      m_events(db, u"SELECT event_key, author, at, message_id, from_state, to_state, note "
                   "FROM sales_order_events WHERE order_id = ? ORDER BY id"_s),
      m_find(db, u"SELECT "_s + kColumns + u" FROM sales_orders o WHERE o.order_key = ?"_s),
      m_findByNumber(db, u"SELECT "_s + kColumns
                             + u" FROM sales_orders o WHERE o.number_prefix = ? "
                               "AND o.number_day = ? AND o.number_sequence = ?"_s),
      m_state(db, u"SELECT state FROM sales_orders WHERE order_key = ?"_s),
      m_groupRow(db, u"SELECT id FROM groups WHERE jid = ?"_s),
      m_personRow(db, u"SELECT id FROM people WHERE key = ?"_s),
      // The request (a member's message, by its stanza-id in the room's archive) or our
      // own message (a quote, by origin-id); the terms match the core's indexes.
      m_messageRow(db, uR"(SELECT id FROM messages WHERE group_id = ? AND archive = ''
                AND stanza_id = ?
            UNION ALL
            SELECT id FROM messages WHERE group_id = ? AND origin_id = ?
                AND (stanza_id IS NULL OR outgoing = 1)
            LIMIT 1)"_s),
      m_eventOwner(db, u"SELECT o.order_key FROM sales_order_events e "
                       "JOIN sales_orders o ON o.id = e.order_id WHERE e.event_key = ?"_s)
{
}

StoreError OrderRepository::invalid(const QString &message, const QString &detail) const
{
    return StoreError{StoreError::Code::InvalidArgument, message, detail};
}

StoreError OrderRepository::notFound(const QString &orderId) const
{
    return StoreError::make(StoreError::Code::NotFound, m_db.path(),
                            u"no order %1"_s.arg(orderId));
}

Expected<QVariant, StoreError> OrderRepository::lookup(store::Statement &query,
                                                       const QVariantList &values)
{
    if (auto error = query.execValues(values))
        return *error;
    const QVariant value = query.next() ? query.value(0) : null();
    query.finish();
    return value;
}

Expected<QVariant, StoreError> OrderRepository::messageRow(const QVariant &groupRow,
                                                           const QString &messageId)
{
    if (groupRow.isNull() || messageId.isEmpty())
        return null();
    return lookup(m_messageRow, {groupRow, messageId, groupRow, messageId});
}

Expected<OrderNumber, StoreError> OrderRepository::nextNumber(const QString &prefix, QDate day)
{
    const auto next = lookup(m_next, {prefix, day.toString(Qt::ISODate)});
    if (!next)
        return next.error();
    return OrderNumber{prefix, day, next.value().toInt()};
}

std::optional<StoreError> OrderRepository::writeLines(qint64 orderRow, const Order &order)
{
    bool ok = true;
    const MoneyTotals totals = order.totals(&ok);
    if (!ok)
        return invalid(tr("The order's total is too large to store."),
                       u"order %1: total overflows"_s.arg(order.id));
    for (const OrderLine &line : order.lines) {
        if (line.quantity < 1 || !line.unitPrice.isValid())
            return invalid(tr("Every order line needs a quantity of at least 1 and a price "
                              "in a known currency (\"%1\").")
                               .arg(line.itemName),
                           u"order %1: bad line %2"_s.arg(order.id, line.itemId));
    }
    if (auto error = m_clearLines.exec(orderRow))
        return error;
    for (qsizetype i = 0; i < order.lines.size(); ++i) {
        const OrderLine &line = order.lines.at(i);
        if (auto error = m_addLine.exec(orderRow, int(i), line.itemId, line.itemName,
                                        line.quantity, line.unitPrice.minorUnits(),
                                        line.unitPrice.currency(), line.note))
            return error;
    }
    if (auto error = m_clearTotals.exec(orderRow))
        return error;
    for (const Money &amount : totals.amounts()) {
        if (auto error = m_addTotal.exec(orderRow, amount.currency(), amount.minorUnits()))
            return error;
    }
    return std::nullopt;
}

std::optional<StoreError> OrderRepository::insertEvent(qint64 orderRow, const QVariant &groupRow,
                                                       const OrderEvent &event, bool *inserted)
{
    *inserted = false;
    if (event.id.isEmpty() || !event.at.isValid() || event.author.isEmpty())
        return invalid(tr("An order event needs an id, an author and a time."),
                       u"order %1: incomplete event"_s.arg(event.orderId));
    const auto message = messageRow(groupRow, event.messageId);
    if (!message)
        return message.error();
    if (auto error = m_addEvent.exec(event.id, orderRow, event.author,
                                     event.at.toMSecsSinceEpoch(),
                                     store::nullable(event.messageId), message.value(),
                                     orderStateName(event.from), orderStateName(event.to),
                                     event.note))
        return error;
    *inserted = m_addEvent.rowsAffected() > 0;
    if (*inserted)
        return std::nullopt;
    // Known id: fine if it is this order's (a merge), refused if another order's.
    const auto owner = lookup(m_eventOwner, {event.id});
    if (!owner)
        return owner.error();
    if (owner.value().toString() != event.orderId)
        return invalid(tr("An order event with this id belongs to another order."),
                       u"event %1 of order %2 is stored for order %3"_s.arg(
                           event.id, event.orderId, owner.value().toString()));
    return std::nullopt;
}

Expected<QList<OrderEvent>, StoreError> OrderRepository::eventsOf(qint64 orderRow,
                                                                  const QString &orderId)
{
    if (auto error = m_events.exec(orderRow))
        return *error;
    QList<OrderEvent> events;
    while (m_events.next()) {
        OrderEvent event;
        event.id = m_events.value(0).toString();
        event.orderId = orderId;
        event.author = m_events.value(1).toString();
        event.at = QDateTime::fromMSecsSinceEpoch(m_events.value(2).toLongLong(), Qt::UTC);
        event.messageId = m_events.value(3).toString();
        event.from = stateFrom(m_events.value(4));
        event.to = stateFrom(m_events.value(5));
        event.note = m_events.value(6).toString();
        events.append(event);
    }
    m_events.finish();
    return events;
}

std::optional<StoreError> OrderRepository::refreshState(qint64 orderRow, const QString &orderId)
{
    const auto events = eventsOf(orderRow, orderId);
    if (!events)
        return events.error();
    const OrderState state = OrderLifecycle::fold(events.value(), orderId).state;
    return m_setState.exec(orderStateName(state), QDateTime::currentMSecsSinceEpoch(), orderRow);
}

Expected<Order, StoreError> OrderRepository::create(Order order)
{
    if (order.id.isEmpty() || order.groupId.isEmpty())
        return invalid(tr("An order needs an id and a group."), u"order without id or group"_s);
    if (order.events.isEmpty())
        return invalid(tr("An order needs its creation event."),
                       u"order %1 without events"_s.arg(order.id));
    for (const OrderEvent &event : std::as_const(order.events)) {
        if (event.orderId != order.id)
            return invalid(tr("An order event belongs to another order."),
                           u"event %1 is for order %2, not %3"_s.arg(event.id, event.orderId,
                                                                     order.id));
    }
    Transaction transaction(m_db, Transaction::Durability::Full);
    if (auto error = transaction.begin())
        return *error;
    if (order.number.sequence == 0) {
        const auto next = nextNumber(order.number.prefix, order.number.day);
        if (!next)
            return next.error();
        order.number = next.value();
    }
    if (!order.number.isValid())
        return invalid(tr("The order number \"%1\" is not valid: it needs a prefix of 1 to 8 "
                          "letters A-Z or digits and a date.")
                           .arg(order.number.toString()),
                       u"order %1: invalid number"_s.arg(order.id));
    const QString day = order.number.day.toString(Qt::ISODate);
    const auto used =
        lookup(m_numberUsed, {order.number.prefix, day, order.number.sequence});
    if (!used)
        return used.error();
    if (!used.value().isNull())
        return invalid(tr("The order number %1 is already used.").arg(order.number.toString()),
                       u"number %1 taken by order %2"_s.arg(order.number.toString(),
                                                            used.value().toString()));
    const auto groupRow = lookup(m_groupRow, {order.groupId});
    if (!groupRow)
        return groupRow.error();
    const auto personRow =
        order.customer.isEmpty() ? Expected<QVariant, StoreError>(null())
                                 : lookup(m_personRow, {order.customer});
    if (!personRow)
        return personRow.error();
    const auto source = messageRow(groupRow.value(), order.sourceMessageId);
    if (!source)
        return source.error();
    const auto first = std::min_element(order.events.cbegin(), order.events.cend(),
                                        [](const OrderEvent &a, const OrderEvent &b) {
                                            return a.at < b.at;
                                        });
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 createdAt = first->at.isValid() ? first->at.toMSecsSinceEpoch() : now;
    const StoredWhen when = storedWhen(order.when);
    const OrderState state = OrderLifecycle::fold(order.events, order.id).state;
    if (auto error = m_insert.execValues(
            {order.id, order.number.prefix, day, order.number.sequence, groupRow.value(),
             order.groupId, personRow.value(), store::nullable(order.customer),
             store::nullable(order.customerNick), source.value(),
             store::nullable(order.sourceMessageId), when.at, when.zone, when.offset,
             order.dateOnly ? 1 : 0, order.partySize, text(order.notes), orderStateName(state),
             createdAt, now}))
        return *error;
    const qint64 orderRow = m_insert.lastInsertId();
    if (auto error = writeLines(orderRow, order))
        return *error;
    for (const OrderEvent &event : std::as_const(order.events)) {
        bool inserted = false;
        if (auto error = insertEvent(orderRow, groupRow.value(), event, &inserted))
            return *error;
    }
    if (auto error = transaction.commit())
        return *error;
    return order;
}

Expected<std::optional<OrderRepository::Row>, StoreError>
OrderRepository::rowOf(const QString &orderId)
{
    if (auto error = m_rowOf.exec(orderId))
        return *error;
    std::optional<Row> row;
    if (m_rowOf.next())
        row = Row{m_rowOf.value(0).toLongLong(), m_rowOf.value(1)};
    m_rowOf.finish();
    return row;
}

Expected<Done, StoreError> OrderRepository::saveDetails(const Order &order)
{
    Transaction transaction(m_db, Transaction::Durability::Full);
    if (auto error = transaction.begin())
        return *error;
    const auto row = rowOf(order.id);
    if (!row)
        return row.error();
    if (!row.value())
        return notFound(order.id);
    const auto state = storedState(order.id);
    if (!state)
        return state.error();
    if (state.value() != OrderState::Draft)
        return invalid(tr("Only a draft order can be changed; send the order back to draft "
                          "first."),
                       u"order %1 is %2"_s.arg(order.id, orderStateName(state.value())));
    const auto personRow = order.customer.isEmpty() ? Expected<QVariant, StoreError>(null())
                                                    : lookup(m_personRow, {order.customer});
    if (!personRow)
        return personRow.error();
    const StoredWhen when = storedWhen(order.when);
    if (auto error = m_details.execValues(
            {personRow.value(), store::nullable(order.customer),
             store::nullable(order.customerNick), when.at, when.zone, when.offset,
             order.dateOnly ? 1 : 0, order.partySize, text(order.notes),
             QDateTime::currentMSecsSinceEpoch(), row.value()->id}))
        return *error;
    if (auto error = writeLines(row.value()->id, order))
        return *error;
    if (auto error = transaction.commit())
        return *error;
    return Done{};
}

Expected<OrderEvent, StoreError> OrderRepository::transition(const QString &orderId, OrderState to,
                                                             const QString &author,
                                                             const QDateTime &at,
                                                             const QString &messageId,
                                                             const QString &note)
{
    Transaction transaction(m_db, Transaction::Durability::Full);
    if (auto error = transaction.begin())
        return *error;
    const auto found = find(orderId);
    if (!found)
        return found.error();
    if (!found.value())
        return notFound(orderId);
    Order order = *found.value();
    const auto event = order.transition(to, author, at, messageId, note);
    if (!event)
        return invalid(event.error().message,
                       u"order %1: %2 -> %3"_s.arg(orderId, orderStateName(order.state()),
                                                   orderStateName(to)));
    const auto row = rowOf(orderId);
    if (!row)
        return row.error();
    bool inserted = false;
    if (auto error = insertEvent(row.value()->id, row.value()->groupRow, event.value(), &inserted))
        return *error;
    if (auto error = refreshState(row.value()->id, orderId))
        return *error;
    if (auto error = transaction.commit())
        return *error;
    return event.value();
}

Expected<int, StoreError> OrderRepository::appendEvents(const QString &orderId,
                                                        const QList<OrderEvent> &events)
{
    Transaction transaction(m_db, Transaction::Durability::Full);
    if (auto error = transaction.begin())
        return *error;
    const auto row = rowOf(orderId);
    if (!row)
        return row.error();
    if (!row.value())
        return notFound(orderId);
    int added = 0;
    for (const OrderEvent &event : events) {
        if (event.orderId != orderId)
            return invalid(tr("An order event belongs to another order."),
                           u"event %1 is for order %2, not %3"_s.arg(event.id, event.orderId,
                                                                     orderId));
        bool inserted = false;
        if (auto error = insertEvent(row.value()->id, row.value()->groupRow, event, &inserted))
            return *error;
        added += inserted ? 1 : 0;
    }
    if (auto error = refreshState(row.value()->id, orderId))
        return *error;
    if (auto error = transaction.commit())
        return *error;
    return added;
}

Expected<QList<Order>, StoreError> OrderRepository::read(store::Statement &query)
{
    QList<Order> orders;
    QList<qint64> rows;
    while (query.next()) {
        Order order;
        rows.append(query.value(0).toLongLong());
        order.id = query.value(1).toString();
        order.number = OrderNumber{query.value(2).toString(),
                                   QDate::fromString(query.value(3).toString(), Qt::ISODate),
                                   query.value(4).toInt()};
        order.groupId = query.value(5).toString();
        order.customer = query.value(6).toString();
        order.customerNick = query.value(7).toString();
        order.sourceMessageId = query.value(8).toString();
        order.when = restoredWhen(query.value(9), query.value(10), query.value(11));
        order.dateOnly = query.value(12).toBool();
        order.partySize = query.value(13).toInt();
        order.notes = query.value(14).toString();
        orders.append(order);
    }
    query.finish();
    for (qsizetype i = 0; i < orders.size(); ++i) {
        Order &order = orders[i];
        if (auto error = m_lines.exec(rows.at(i)))
            return *error;
        while (m_lines.next()) {
            order.lines.append(OrderLine{m_lines.value(0).toString(), m_lines.value(1).toString(),
                                         m_lines.value(2).toInt(),
                                         Money(m_lines.value(3).toLongLong(),
                                               m_lines.value(4).toString()),
                                         m_lines.value(5).toString()});
        }
        m_lines.finish();
        const auto events = eventsOf(rows.at(i), order.id);
        if (!events)
            return events.error();
        order.events = events.value();
    }
    return orders;
}

Expected<std::optional<Order>, StoreError> OrderRepository::find(const QString &orderId)
{
    if (auto error = m_find.exec(orderId))
        return *error;
    const auto orders = read(m_find);
    if (!orders)
        return orders.error();
    return orders.value().isEmpty() ? std::optional<Order>()
                                    : std::optional<Order>(orders.value().first());
}

Expected<std::optional<Order>, StoreError> OrderRepository::findByNumber(const OrderNumber &number)
{
    if (auto error = m_findByNumber.exec(number.prefix, number.day.toString(Qt::ISODate),
                                         number.sequence))
        return *error;
    const auto orders = read(m_findByNumber);
    if (!orders)
        return orders.error();
    return orders.value().isEmpty() ? std::optional<Order>()
                                    : std::optional<Order>(orders.value().first());
}

Expected<QList<Order>, StoreError> OrderRepository::list(const OrderFilter &filter)
{
    QString sql = u"SELECT "_s + kColumns + u" FROM sales_orders o WHERE 1"_s;
    QVariantList values;
    if (!filter.states.isEmpty()) {
        QStringList marks;
        for (const OrderState state : filter.states) {
            marks << u"?"_s;
            values << orderStateName(state);
        }
        sql += u" AND o.state IN ("_s + marks.join(u", "_s) + u")"_s;
    }
    if (!filter.groupId.isEmpty()) {
        sql += u" AND o.group_jid = ?"_s;
        values << filter.groupId;
    }
    if (!filter.customer.isEmpty()) {
        sql += u" AND o.customer_key = ?"_s;
        values << filter.customer;
    }
    if (filter.from.isValid()) {
        sql += u" AND o.created_at >= ?"_s;
        values << filter.from.toMSecsSinceEpoch();
    }
    if (filter.to.isValid()) {
        sql += u" AND o.created_at < ?"_s;
        values << filter.to.toMSecsSinceEpoch();
    }
    sql += u" ORDER BY o.created_at DESC, o.id DESC LIMIT ?"_s;
    values << std::max(0, filter.limit);
    store::Statement query(m_db, sql);
    if (auto error = query.execValues(values))
        return *error;
    return read(query);
}

Expected<OrderState, StoreError> OrderRepository::storedState(const QString &orderId)
{
    const auto state = lookup(m_state, {orderId});
    if (!state)
        return state.error();
    if (state.value().isNull())
        return notFound(orderId);
    return stateFrom(state.value());
}

} // namespace chorus::sales
