#pragma once

// Orders as the account store keeps them: details, lines, per-currency totals and the
// append-only event history. Owns sales_orders, sales_order_lines, sales_order_totals and
// sales_order_events (see SalesSchema.cpp); build it on the store's threads, e.g.
// `session.repository<sales::OrderRepository>()` inside AsyncStore::write/read.

#include "sales/Order.h"

#include "core/Expected.h"
#include "store/Statement.h"
#include "store/StoreError.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace chorus::sales {

/// Which orders list() returns (all conditions must hold), newest first.
struct OrderFilter
{
    QList<OrderState> states; ///< any of these; empty = every state
    QString groupId; ///< room JID; empty = every group
    QString customer; ///< chat::PersonKey value; empty = every customer
    QDateTime from; ///< created at or after; invalid = no lower bound
    QDateTime to; ///< created before; invalid = no upper bound
    int limit = 500;
};

/// Orders and their history. Every write commits durably (Transaction::Durability::Full):
/// the operator typed it and no server can send it again.
class OrderRepository
{
public:
    explicit OrderRepository(store::Database &db);

    /// The next free number for `prefix` on `day` (1 + the highest stored).
    Expected<OrderNumber, store::StoreError> nextNumber(const QString &prefix, QDate day);
    /// Stores a new order with its lines and events (at least its creation event). A
    /// number with sequence 0 gets the next free one; a number already used is refused.
    /// Returns the order as stored.
    Expected<Order, store::StoreError> create(Order order);
    /// Replaces the customer, lines, time, party size and notes of a draft (an order in
    /// another state is refused: send it back to draft first). Events are not touched.
    Expected<Done, store::StoreError> saveDetails(const Order &order);
    /// Moves the order to `to` if OrderLifecycle allows it from its current state,
    /// appending the event (who, when, from which message) and updating the state in one
    /// transaction. Returns the event.
    Expected<OrderEvent, store::StoreError> transition(const QString &orderId, OrderState to,
                                                       const QString &author,
                                                       const QDateTime &at,
                                                       const QString &messageId = {},
                                                       const QString &note = {});
    /// Adds events from another copy of the order (team mode): known event ids are
    /// skipped, the state becomes the fold of all events. Returns how many were new.
    Expected<int, store::StoreError> appendEvents(const QString &orderId,
                                                  const QList<OrderEvent> &events);

    Expected<std::optional<Order>, store::StoreError> find(const QString &orderId);
    Expected<std::optional<Order>, store::StoreError> findByNumber(const OrderNumber &number);
    Expected<QList<Order>, store::StoreError> list(const OrderFilter &filter = {});
    /// The state stored for filtering (the fold of the events at the last write).
    Expected<OrderState, store::StoreError> storedState(const QString &orderId);

private:
    struct Row
    {
        qint64 id = 0;
        QVariant groupRow;
    };
    Expected<std::optional<Row>, store::StoreError> rowOf(const QString &orderId);
    Expected<QList<Order>, store::StoreError> read(store::Statement &query);
    /// The first column of the first row, or NULL when there is none.
    Expected<QVariant, store::StoreError> lookup(store::Statement &query,
                                                 const QVariantList &values);
    Expected<QList<OrderEvent>, store::StoreError> eventsOf(qint64 orderRow,
                                                            const QString &orderId);
    Expected<QVariant, store::StoreError> messageRow(const QVariant &groupRow,
                                                     const QString &messageId);
    std::optional<store::StoreError> writeLines(qint64 orderRow, const Order &order);
    std::optional<store::StoreError> insertEvent(qint64 orderRow, const QVariant &groupRow,
                                                 const OrderEvent &event, bool *inserted);
    std::optional<store::StoreError> refreshState(qint64 orderRow, const QString &orderId);
    store::StoreError invalid(const QString &message, const QString &detail) const;
    store::StoreError notFound(const QString &orderId) const;

    store::Database &m_db;
    store::Statement m_next, m_numberUsed, m_insert, m_details, m_clearLines, m_addLine,
        m_clearTotals, m_addTotal, m_addEvent, m_setState, m_rowOf, m_lines, m_events,
        m_find, m_findByNumber, m_state, m_groupRow, m_personRow, m_messageRow, m_eventOwner;
};

} // namespace chorus::sales
