#pragma once

// What OrderRequestParser reads from one chat message: whether it asks to buy or book
// something, and the items, quantities, party size, date/time and notes it gives, each
// with the span of text it came from (so the UI can highlight it).

#include "sales/CatalogItem.h"

#include <QDateTime>
#include <QList>
#include <QLocale>
#include <QMetaType>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace chorus::sales {

/// A range of the message text in UTF-16 code units, as QString indexes it.
struct TextSpan
{
    qsizetype start = 0;
    qsizetype length = 0;
    bool isEmpty() const { return length == 0; }
    qsizetype end() const { return start + length; }
    friend bool operator==(const TextSpan &, const TextSpan &) = default;
};

/// The message and what the parser needs to know around it.
struct RequestContext
{
    QString text;
    QString messageId; ///< for the order's audit trail
    QString sender; ///< who asked (a chat::PersonKey value or a nick)
    QDateTime timestamp; ///< when it was sent; "tomorrow" is relative to this
    QTimeZone groupZone; ///< the group's IANA zone; dates are resolved there
    QList<CatalogItem> items; ///< what the group can order (already filtered by availability)
    QLocale operatorLocale; ///< decides numeric dates: 4/5 is April 5 in en_US, 4 May in en_GB

    /// The context of a group message, with the catalog filtered to what `group` offers.
    static RequestContext of(const chat::Message &message, const chat::Group &group,
                             const QList<CatalogItem> &catalog, const QLocale &operatorLocale);
};

/// One catalog item the message asks for.
struct RequestedItem
{
    /// Where the quantity came from.
    enum class QuantitySource {
        Default, ///< nothing said: 1
        Explicit, ///< "2 massages", "x3", "两份", "another"
        PartySize, ///< a per-person item and "for two", "两位"
    };
    QString itemId;
    int quantity = 1;
    QuantitySource quantitySource = QuantitySource::Default;
    TextSpan itemSpan; ///< the first mention of the item
    TextSpan quantitySpan; ///< empty when the quantity is the default
    double matchQuality = 1.0; ///< 1 for an exact name or synonym, less for a typo
    friend bool operator==(const RequestedItem &, const RequestedItem &) = default;
};

/// When the guest wants it, resolved in the group's time zone.
struct RequestedTime
{
    QDateTime at; ///< in the group's zone; midnight of the day when dateOnly
    bool dateOnly = false; ///< only a day was given ("Friday", "后天下午")
    TextSpan dateSpan; ///< empty when only a time was given
    TextSpan timeSpan; ///< empty when dateOnly
    friend bool operator==(const RequestedTime &, const RequestedTime &) = default;
};

/// A word or phrase that moved the decision, for the UI and for debugging.
struct RequestCue
{
    enum class Kind {
        Intent, ///< book, order, please, 订, 要, 报名...
        Availability, ///< "is there space", 还有位置吗: asking in order to book
        Question, ///< what/when/how much, 几点, 多少钱: asking for information
        Negation, ///< no need, cancel, 不用, 取消
        Past, ///< was, yesterday, already, 已经, 昨天: it has happened
        Change, ///< change, move, instead, 改到: about an existing booking
        Chatter, ///< anyone, should we, reminder, 有人: not addressed to the seller
        Detail, ///< a quantity, party size, date or time
    };
    Kind kind = Kind::Intent;
    TextSpan span;
    int weight = 0; ///< its contribution to the score
    friend bool operator==(const RequestCue &, const RequestCue &) = default;
};

/// The parser's reading of one message.
struct OrderRequest
{
    bool isRequest = false;
    double confidence = 0; ///< 0..1 that this is an order request worth pre-filling
    int score = 0; ///< the cue total behind isRequest (request when >= threshold)
    QList<RequestedItem> items;
    int partySize = 0; ///< 0 when not said
    TextSpan partySpan;
    std::optional<RequestedTime> when;
    QString notes; ///< the text that is none of the above, for the order's note
    QList<TextSpan> noteSpans;
    QList<RequestCue> cues;
    QString messageId;
    QString sender;

    /// The quantity asked for `itemId`, or 0.
    int quantityOf(const QString &itemId) const;
};

} // namespace chorus::sales

Q_DECLARE_METATYPE(chorus::sales::OrderRequest)
