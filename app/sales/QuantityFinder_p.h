#pragma once

// Private to OrderRequestParser: how many of each item, and how many people.
// "2 massages", "x3", "2 more", "a couple of", "两份", "三个", "奶昔三杯" are counts of an
// item; "for two", "4 pax", "两位", "我们俩", "一家三口", "me and my husband" are a party.

#include "sales/ItemMatcher_p.h"
#include "sales/TextUnits_p.h"

#include <QHash>
#include <QList>
#include <QSet>

namespace chorus::sales::parsing {

struct Count
{
    int value = 0;
    qsizetype first = 0, last = 0;
};

struct Quantities
{
    QHash<int, Count> perMention; ///< mention index -> its explicit count
    int party = 0; ///< 0: not said
    qsizetype partyFirst = -1, partyLast = -1;
};

class QuantityFinder
{
public:
    /// Looks at unclaimed units around `mentions` and claims what it uses.
    Quantities find(TextUnits &units, const QList<ItemMention> &mentions) const;

private:
    enum class Attach { Next, Previous, Either, Nearest };
    struct CountHit
    {
        Count count;
        Attach attach = Attach::Next;
    };
    std::optional<Count> partyAt(const TextUnits &units, qsizetype i,
                                 const QSet<qsizetype> &itemStarts) const;
    std::optional<CountHit> countAt(const TextUnits &units, qsizetype i) const;
};

} // namespace chorus::sales::parsing
