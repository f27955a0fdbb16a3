#pragma once

// An order's life as events. Its state is never stored on its own: it is the fold of its
// events, in a total order (timestamp, author, event id), so that event logs written by
// several operators at once merge to the same state on every machine. An event that does
// not fit the state it meets in that order is reported as a conflict and not applied.

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace chorus::sales {

/// Where an order stands.
enum class OrderState {
    None, ///< before the order exists; the first event creates it (None -> Draft)
    Draft, ///< taken from a message, being edited
    Quoted, ///< price sent to the customer
    Confirmed, ///< the customer accepted
    Paid,
    Fulfilled, ///< the service happened or the goods were handed over
    Cancelled, ///< ended before payment
    Refunded, ///< money returned after payment
};

/// "draft", "quoted"...: stable names for storage and logs (not for display).
QString orderStateName(OrderState state);
std::optional<OrderState> orderStateFromString(QStringView text);

/// One change of state: who made it, when, from which chat message, old -> new, and why.
struct OrderEvent
{
    QString id; ///< unique across all orders (a UUID); the last tie-breaker
    QString orderId;
    QString author; ///< the operator account (bare JID) that made the change
    QDateTime at; ///< UTC
    QString messageId; ///< the chat message that led to it (XEP-0359 stanza-id), may be empty
    OrderState from = OrderState::None;
    OrderState to = OrderState::None;
    QString note;
    friend bool operator==(const OrderEvent &, const OrderEvent &) = default;
};

/// An event the fold could not apply, and why.
struct OrderConflict
{
    enum class Reason {
        IllegalTransition, ///< from -> to is never allowed (e.g. draft -> paid)
        StaleState, ///< made from a state the order had already left (a concurrent edit)
        DuplicateId, ///< another event has the same id but different content
        OtherOrder, ///< the event belongs to another order
    };
    Reason reason = Reason::IllegalTransition;
    OrderEvent event;
    OrderState stateAtEvent = OrderState::None; ///< the state the event met in the fold
    QString message; ///< for people
    friend bool operator==(const OrderConflict &, const OrderConflict &) = default;
};

/// The outcome of folding an event log.
struct OrderHistory
{
    OrderState state = OrderState::None;
    QList<OrderEvent> applied; ///< the audit trail, in fold order
    QList<OrderConflict> conflicts;
    friend bool operator==(const OrderHistory &, const OrderHistory &) = default;
};

/// The legal transitions and the fold.
///
///   none -> draft                      (created)
///   draft -> quoted | cancelled
///   quoted -> confirmed | draft | cancelled   (back to draft to revise the quote)
///   confirmed -> paid | cancelled
///   paid -> fulfilled | refunded      (paid money is refunded, never just cancelled)
///   fulfilled -> refunded
///   cancelled, refunded: final
class OrderLifecycle
{
public:
    static bool isLegal(OrderState from, OrderState to);
    static QList<OrderState> nextStates(OrderState from);
    static bool isFinal(OrderState state);
    /// The fold order: timestamp, then author, then event id, then the rest of the
    /// content (so that even malformed duplicates sort the same everywhere).
    static bool foldsBefore(const OrderEvent &a, const OrderEvent &b);
    /// Applies `events` of order `orderId` in fold order, whatever order they come in.
    static OrderHistory fold(QList<OrderEvent> events, const QString &orderId);
    /// Why from -> to is refused, for people.
    static QString whyIllegal(OrderState from, OrderState to);
};

} // namespace chorus::sales

Q_DECLARE_METATYPE(chorus::sales::OrderEvent)
