#include "sales/OrderLifecycle.h"

#include <QCoreApplication>

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace chorus::sales {

namespace {

constexpr OrderState kAll[]
    = {OrderState::None, OrderState::Draft,     OrderState::Quoted,    OrderState::Confirmed,
       OrderState::Paid, OrderState::Fulfilled, OrderState::Cancelled, OrderState::Refunded};

} // namespace

QString orderStateName(OrderState state)
{
    switch (state) {
    case OrderState::None:
        return u"none"_s;
    case OrderState::Draft:
        return u"draft"_s;
    case OrderState::Quoted:
        return u"quoted"_s;
    case OrderState::Confirmed:
        return u"confirmed"_s;
    case OrderState::Paid:
        return u"paid"_s;
    case OrderState::Fulfilled:
        return u"fulfilled"_s;
    case OrderState::Cancelled:
        return u"cancelled"_s;
    case OrderState::Refunded:
        return u"refunded"_s;
    }
    return u"none"_s;
}

std::optional<OrderState> orderStateFromString(QStringView text)
{
    for (OrderState state : kAll) {
        if (text == orderStateName(state))
            return state;
    }
    return std::nullopt;
}

bool OrderLifecycle::isLegal(OrderState from, OrderState to)
{
    switch (from) {
    case OrderState::None:
        return to == OrderState::Draft;
    case OrderState::Draft:
        return to == OrderState::Quoted || to == OrderState::Cancelled;
    case OrderState::Quoted:
        return to == OrderState::Confirmed || to == OrderState::Draft
            || to == OrderState::Cancelled;
    case OrderState::Confirmed:
        return to == OrderState::Paid || to == OrderState::Cancelled;
    case OrderState::Paid:
        return to == OrderState::Fulfilled || to == OrderState::Refunded;
    case OrderState::Fulfilled:
        return to == OrderState::Refunded;
    case OrderState::Cancelled:
    case OrderState::Refunded:
        return false;
    }
    return false;
}

QList<OrderState> OrderLifecycle::nextStates(OrderState from)
{
    QList<OrderState> result;
    for (OrderState to : kAll) {
        if (isLegal(from, to))
            result.append(to);
    }
    return result;
}

bool OrderLifecycle::isFinal(OrderState state)
{
    return state != OrderState::None && nextStates(state).isEmpty();
}

QString OrderLifecycle::whyIllegal(OrderState from, OrderState to)
{
    if (from == to)
        return QCoreApplication::translate("chorus::sales::OrderLifecycle",
                                           "the order is already %1")
            .arg(orderStateName(to));
    if (isFinal(from))
        return QCoreApplication::translate("chorus::sales::OrderLifecycle",
                                           "the order is %1; nothing can follow")
            .arg(orderStateName(from));
    if (to == OrderState::Cancelled && (from == OrderState::Paid || from == OrderState::Fulfilled))
        return QCoreApplication::translate("chorus::sales::OrderLifecycle",
                                           "the order is paid: refund it instead of cancelling it");
    if (to == OrderState::Refunded)
        return QCoreApplication::translate("chorus::sales::OrderLifecycle",
                                           "only a paid order can be refunded");
    return QCoreApplication::translate("chorus::sales::OrderLifecycle",
                                       "an order cannot go from %1 to %2")
        .arg(orderStateName(from), orderStateName(to));
}

bool OrderLifecycle::foldsBefore(const OrderEvent &a, const OrderEvent &b)
{
    const auto key = [](const OrderEvent &e) {
        return std::make_tuple(e.at.toMSecsSinceEpoch(), std::cref(e.author), std::cref(e.id),
                               int(e.from), int(e.to), std::cref(e.messageId), std::cref(e.note),
                               std::cref(e.orderId));
    };
    return key(a) < key(b);
}

OrderHistory OrderLifecycle::fold(QList<OrderEvent> events, const QString &orderId)
{
    std::sort(events.begin(), events.end(), foldsBefore);
    OrderHistory history;
    QList<const OrderEvent *> seen;
    for (const OrderEvent &event : std::as_const(events)) {
        const auto conflict = [&](OrderConflict::Reason reason, const QString &message) {
            history.conflicts.append({reason, event, history.state, message});
        };
        if (event.orderId != orderId) {
            conflict(OrderConflict::Reason::OtherOrder,
                     QCoreApplication::translate("chorus::sales::OrderLifecycle",
                                                 "the event belongs to order %1")
                         .arg(event.orderId));
            continue;
        }
        // The same event received twice (from two devices) counts once; the same id with
        // other content is a conflict.
        const auto same = std::find_if(seen.cbegin(), seen.cend(),
                                       [&](const OrderEvent *e) { return e->id == event.id; });
        if (same != seen.cend()) {
            if (**same != event)
                conflict(OrderConflict::Reason::DuplicateId,
                         QCoreApplication::translate("chorus::sales::OrderLifecycle",
                                                     "another event already has the id %1")
                             .arg(event.id));
            continue;
        }
        seen.append(&event);
        if (event.from != history.state) {
            conflict(
                OrderConflict::Reason::StaleState,
                QCoreApplication::translate("chorus::sales::OrderLifecycle",
                                            "%1 changed it from %2 to %3, but by then it was %4")
                    .arg(event.author, orderStateName(event.from), orderStateName(event.to),
                         orderStateName(history.state)));
            continue;
        }
        if (!isLegal(event.from, event.to)) {
            conflict(OrderConflict::Reason::IllegalTransition, whyIllegal(event.from, event.to));
            continue;
        }
        history.state = event.to;
        history.applied.append(event);
    }
    return history;
}

} // namespace chorus::sales
