#pragma once

// An order: what was asked, for whom, at which price, and its event log. Plain value
// type; the store persists it and the UI edits it through these functions.

#include "core/Expected.h"
#include "sales/CatalogItem.h"
#include "sales/Money.h"
#include "sales/OrderLifecycle.h"
#include "sales/OrderRequest.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace chorus::sales {

/// "BALI-20260506-007": a prefix chosen per workspace, the group-local day the order was
/// created, and a sequence number within that day (three digits at least).
struct OrderNumber
{
    QString prefix; ///< A-Z and 0-9, 1 to 8 characters
    QDate day;
    int sequence = 0; ///< 1-based

    QString toString() const;
    static std::optional<OrderNumber> parse(QStringView text);
    /// The number after the highest of `existing` with the same prefix and day (1 if none).
    static OrderNumber next(const QString &prefix, QDate day, const QList<OrderNumber> &existing);
    bool isValid() const;
    friend bool operator==(const OrderNumber &, const OrderNumber &) = default;
};

/// One line of an order: an item, how many, and the unit price agreed.
struct OrderLine
{
    QString itemId;
    QString itemName; ///< as it was when ordered; the catalog may change later
    int quantity = 1;
    Money unitPrice;
    QString note;

    /// unitPrice x quantity; nullopt on overflow.
    std::optional<Money> total() const { return unitPrice.times(quantity); }
    friend bool operator==(const OrderLine &, const OrderLine &) = default;
};

/// Why a transition was refused.
struct TransitionError
{
    enum class Code { Illegal };
    Code code = Code::Illegal;
    QString message;
};

/// An order and its history.
class Order
{
public:
    QString id; ///< a UUID; events refer to it
    OrderNumber number;
    QString groupId; ///< the room the request came from
    QString customer; ///< chat::PersonKey value of who ordered
    QString customerNick; ///< as shown when ordered
    QString sourceMessageId;
    QList<OrderLine> lines;
    std::optional<QDateTime> when; ///< in the group's zone
    bool dateOnly = false;
    int partySize = 0;
    QString notes;
    QList<OrderEvent> events; ///< every event known, in any order

    /// A new draft with its creation event (none -> draft).
    static Order create(const QString &id, const OrderNumber &number, const QString &groupId,
                        const QString &author, const QDateTime &at, const QString &messageId,
                        const QString &eventId);
    /// A new draft pre-filled from a parsed request: lines at catalog prices, the date,
    /// party size, notes and customer.
    static Order fromRequest(const OrderRequest &request, const QList<CatalogItem> &catalog,
                             const QString &id, const OrderNumber &number, const QString &groupId,
                             const QString &author, const QDateTime &at, const QString &eventId);

    /// The fold of `events` (state, audit trail, conflicts).
    OrderHistory history() const { return OrderLifecycle::fold(events, id); }
    OrderState state() const { return history().state; }

    /// Moves to `to` if that is legal from the current state, recording who, when, the
    /// message and a note; returns the event appended. `eventId` empty: a new UUID.
    Expected<OrderEvent, TransitionError> transition(OrderState to, const QString &author,
                                                     const QDateTime &at,
                                                     const QString &messageId = {},
                                                     const QString &note = {},
                                                     const QString &eventId = {});
    /// Adds events from another copy of this order (team mode); known ids are skipped.
    void merge(const QList<OrderEvent> &other);

    /// The order's total per currency (a line that overflows is left out and makes ok false).
    MoneyTotals totals(bool *ok = nullptr) const;

    friend bool operator==(const Order &, const Order &) = default;
};

/// The totals of several orders per currency, leaving out cancelled and refunded ones.
MoneyTotals totalsOf(const QList<Order> &orders);

} // namespace chorus::sales

Q_DECLARE_METATYPE(chorus::sales::Order)
