#include "sales/Order.h"

#include <QCoreApplication>
#include <QSet>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace chorus::sales {

namespace {
QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}
} // namespace

bool OrderNumber::isValid() const
{
    if (prefix.isEmpty() || prefix.size() > 8 || !day.isValid() || sequence < 1)
        return false;
    for (const QChar c : prefix) {
        if (!((c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')))
            return false;
    }
    return day.year() >= 1000 && day.year() <= 9999;
}

QString OrderNumber::toString() const
{
    return u"%1-%2-%3"_s.arg(prefix, day.toString(u"yyyyMMdd"_s)).arg(sequence, 3, 10, QChar(u'0'));
}

std::optional<OrderNumber> OrderNumber::parse(QStringView text)
{
    const auto parts = text.split(u'-');
    if (parts.size() != 3 || parts.at(1).size() != 8 || parts.at(2).size() < 3
        || parts.at(2).size() > 9)
        return std::nullopt;
    OrderNumber number;
    number.prefix = parts.at(0).toString();
    number.day = QDate::fromString(parts.at(1).toString(), u"yyyyMMdd"_s);
    for (const QChar c : parts.at(2)) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
    }
    number.sequence = parts.at(2).toInt();
    if (!number.isValid() || number.toString() != text)
        return std::nullopt;
    return number;
}

OrderNumber OrderNumber::next(const QString &prefix, QDate day, const QList<OrderNumber> &existing)
{
    int highest = 0;
    for (const OrderNumber &number : existing) {
        if (number.prefix == prefix && number.day == day)
            highest = std::max(highest, number.sequence);
    }
    return OrderNumber {prefix, day, highest + 1};
}

Order Order::create(const QString &id, const OrderNumber &number, const QString &groupId,
                    const QString &author, const QDateTime &at, const QString &messageId,
                    const QString &eventId)
{
    Order order;
    order.id = id;
    order.number = number;
    order.groupId = groupId;
    order.sourceMessageId = messageId;
    order.events.append(OrderEvent {eventId.isEmpty() ? newId() : eventId, id, author, at.toUTC(),
                                    messageId, OrderState::None, OrderState::Draft, QString()});
    return order;
}

Order Order::fromRequest(const OrderRequest &request, const QList<CatalogItem> &catalog,
                         const QString &id, const OrderNumber &number, const QString &groupId,
                         const QString &author, const QDateTime &at, const QString &eventId)
{
    Order order = create(id, number, groupId, author, at, request.messageId, eventId);
    order.customer = request.sender;
    for (const RequestedItem &requested : request.items) {
        const auto item = std::find_if(catalog.cbegin(), catalog.cend(), [&](const CatalogItem &c) {
            return c.id == requested.itemId;
        });
        if (item == catalog.cend())
            continue;
        order.lines.append(OrderLine {item->id, item->name, requested.quantity, item->price, {}});
    }
    if (request.when) {
        order.when = request.when->at;
        order.dateOnly = request.when->dateOnly;
    }
    order.partySize = request.partySize;
    order.notes = request.notes;
    return order;
}

Expected<OrderEvent, TransitionError> Order::transition(OrderState to, const QString &author,
                                                        const QDateTime &at,
                                                        const QString &messageId,
                                                        const QString &note, const QString &eventId)
{
    const OrderState from = state();
    if (!OrderLifecycle::isLegal(from, to))
        return TransitionError {TransitionError::Code::Illegal,
                                OrderLifecycle::whyIllegal(from, to)};
    const OrderEvent event {
        eventId.isEmpty() ? newId() : eventId, id, author, at.toUTC(), messageId, from, to, note};
    // An event stamped at or before the last applied one could fold in the middle of the
    // log and rewrite history; refuse it (a clock behind another operator's shows here).
    const OrderHistory before = history();
    if (!before.applied.isEmpty() && event.at <= before.applied.last().at)
        return TransitionError {
            TransitionError::Code::Illegal,
            QCoreApplication::translate("chorus::sales::Order",
                                        "the change is not dated after the "
                                        "order's last change (check the clock)")};
    events.append(event);
    return event;
}

void Order::merge(const QList<OrderEvent> &other)
{
    for (const OrderEvent &event : other) {
        if (!events.contains(event))
            events.append(event);
    }
}

MoneyTotals Order::totals(bool *ok) const
{
    MoneyTotals totals;
    bool allAdded = true;
    for (const OrderLine &line : lines) {
        const auto total = line.total();
        allAdded = total && totals.add(*total) && allAdded;
    }
    if (ok)
        *ok = allAdded;
    return totals;
}

MoneyTotals totalsOf(const QList<Order> &orders)
{
    MoneyTotals totals;
    for (const Order &order : orders) {
        const OrderState state = order.state();
        if (state == OrderState::Cancelled || state == OrderState::Refunded
            || state == OrderState::None)
            continue;
        totals.add(order.totals());
    }
    return totals;
}

} // namespace chorus::sales
