#include "sales/QuantityFinder_p.h"

#include "sales/NumberWords_p.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace chorus::sales::parsing {

namespace {

bool isPeopleWord(const TextUnits &units, qsizetype i)
{
    static const QSet<QString> words {
        u"people"_s, u"ppl"_s,      u"person"_s, u"pax"_s,  u"guest"_s,   u"adult"_s,   u"kid"_s,
        u"child"_s,  u"children"_s, u"pp"_s,     u"head"_s, u"student"_s, u"persons"_s, u"peeps"_s};
    return i >= 0 && i < units.size() && units.at(i).kind == Unit::Kind::Word
        && words.contains(units.at(i).stem);
}

bool isDurationWord(const TextUnits &units, qsizetype i)
{
    static const QSet<QString> words {u"hour"_s,   u"hr"_s,  u"hrs"_s,   u"min"_s,  u"mins"_s,
                                      u"minute"_s, u"day"_s, u"night"_s, u"week"_s, u"month"_s,
                                      u"year"_s,   u"h"_s,   u"小时"_s};
    return i >= 0 && i < units.size() && words.contains(units.at(i).stem);
}

bool isCountNoun(const TextUnits &units, qsizetype i)
{
    static const QSet<QString> words {u"copy"_s,    u"copie"_s,   u"pc"_s,   u"pcs"_s,
                                      u"piece"_s,   u"set"_s,     u"unit"_s, u"serving"_s,
                                      u"portion"_s, u"session"_s, u"slot"_s, u"spot"_s,
                                      u"ticket"_s,  u"seat"_s,    u"place"_s};
    return i >= 0 && i < units.size() && units.at(i).kind == Unit::Kind::Word
        && words.contains(units.at(i).stem);
}

// Measure words that count things, not people.
bool isClassifier(const TextUnits &units, qsizetype i)
{
    static const QSet<QString> words {
        u"个"_s, u"份"_s, u"张"_s, u"次"_s, u"节"_s, u"套"_s, u"件"_s, u"杯"_s, u"瓶"_s, u"辆"_s,
        u"台"_s, u"堂"_s, u"本"_s, u"盒"_s, u"条"_s, u"单"_s, u"场"_s, u"间"_s, u"组"_s, u"双"_s,
        u"对"_s, u"只"_s, u"支"_s, u"碗"_s, u"趟"_s, u"课"_s, u"期"_s, u"天"_s};
    return units.isHan(i) && words.contains(units.at(i).text);
}

std::optional<NumberAt> quantityNumber(const TextUnits &units, qsizetype i)
{
    if (i < 0 || i >= units.size() || units.at(i).used)
        return std::nullopt;
    const auto n = numberAt(units, i);
    if (!n || n->value < 1 || n->value > 99 || units.anyUsed(i, n->last))
        return std::nullopt;
    return n;
}

} // namespace

std::optional<Count> QuantityFinder::partyAt(const TextUnits &units, qsizetype i,
                                             const QSet<qsizetype> &itemStarts) const
{
    const auto n = quantityNumber(units, i);
    if (units.isSequence(i, u"both of us"))
        return Count {2, i, i + 2};
    // "party of 4", "group of six"
    if (units.isAny(i, {u"party", u"group"}) && units.is(i + 1, u"of")) {
        if (const auto m = quantityNumber(units, i + 2))
            return Count {m->value, i, m->last};
    }
    if (units.isAny(i, {u"the", u"all"}) && units.at(i).kind == Unit::Kind::Word) {
        if (const auto m = quantityNumber(units, i + 1);
            m && units.isSequence(m->last + 1, u"of us"))
            return Count {m->value, i, m->last + 2};
    }
    if (units.isAny(i, {u"just", u"only"}) && units.isAny(i + 1, {u"me", u"myself", u"1", u"one"}))
        return Count {1, i, i + 1};
    // "me and my husband", "my wife and i", "me and Sarah"
    if (units.is(i, u"me") && units.is(i + 1, u"and") && i + 2 < units.size()
        && units.at(i + 2).kind == Unit::Kind::Word) {
        const qsizetype last = units.is(i + 2, u"my") && i + 3 < units.size() ? i + 3 : i + 2;
        return Count {2, i, last};
    }
    if (units.is(i, u"my") && i + 3 < units.size() && units.is(i + 2, u"and")
        && units.isAny(i + 3, {u"i", u"me"}))
        return Count {2, i, i + 3};
    if ((units.isSequence(i, u"we are") || units.is(i, u"we're"))) {
        const qsizetype at = units.is(i, u"we're") ? i + 1 : i + 2;
        if (const auto m = quantityNumber(units, at))
            return Count {m->value, i, m->last};
    }
    // "for 2", "for two people" (not "for 3 days", not "for 2 massages")
    if (units.is(i, u"for")) {
        if (const auto m = quantityNumber(units, i + 1)) {
            const qsizetype next = m->last + 1;
            if (!isDurationWord(units, next) && !units.isAny(next, {u"x", u"more"})
                && !(next < units.size() && units.at(next).text == u":")
                && !itemStarts.contains(next))
                return Count {m->value, i, isPeopleWord(units, next) ? next : m->last};
        }
    }
    if (n) {
        qsizetype k = n->last + 1;
        // "2 of us"
        if (units.isSequence(k, u"of us"))
            return Count {n->value, i, k + 1};
        if (units.is(k, u"more"))
            ++k;
        if (isPeopleWord(units, k)) {
            // "2 adults 1 kid", "2 adults and 2 kids", "2 adults + 1 child"
            int total = n->value;
            qsizetype last = k;
            qsizetype next = k + 1;
            if (units.isAny(next, {u"and", u"+", u"&", u","}))
                ++next;
            if (const auto more = quantityNumber(units, next);
                more && isPeopleWord(units, more->last + 1)) {
                total += more->value;
                last = more->last + 1;
            }
            return Count {total, i, last};
        }
        // Chinese: 两位, 4个人, 3人, 5名; 两大一小
        if (units.isAny(k, {u"位", u"名", u"人"}) && units.at(n->last).kind != Unit::Kind::Word)
            return Count {n->value, i, k};
        if (units.is(k, u"个") && units.is(k + 1, u"人"))
            return Count {n->value, i, k + 1};
        if ((units.is(k, u"个") || units.is(k, u"位")) && units.isAny(k + 1, {u"大", u"成", u"客"})
            && units.isAny(k + 2, {u"人"}))
            return Count {n->value, i, k + 2};
        if (units.is(k, u"大")) {
            if (const auto kids = numberAt(units, k + 1); kids && units.is(kids->last + 1, u"小"))
                return Count {n->value + kids->value, i, kids->last + 1};
        }
    }
    if (units.isHan(i)) {
        // 我们俩, 我们4个, 咱们三个人
        if ((units.is(i, u"我") || units.is(i, u"咱")) && units.is(i + 1, u"们")) {
            if (const auto m = quantityNumber(units, i + 2)) {
                qsizetype last = m->last;
                if (units.is(last + 1, u"个"))
                    ++last;
                if (units.isAny(last + 1, {u"人", u"位"}))
                    ++last;
                if (last > m->last || units.isAny(m->last, {u"俩", u"仨"}))
                    return Count {m->value, i, last};
            }
        }
        // 一家三口
        if (units.is(i, u"一") && units.is(i + 1, u"家")) {
            if (const auto m = numberAt(units, i + 2); m && units.is(m->last + 1, u"口"))
                return Count {m->value, i, m->last + 1};
        }
        // 就我一个, 加我一个, 只有我
        if (units.isAny(i, {u"就", u"加", u"只"}) && units.is(i + 1, u"我")) {
            if (units.is(i + 2, u"一") && units.isAny(i + 3, {u"个", u"位"}))
                return Count {1, i, i + 3};
            if (units.is(i, u"就"))
                return Count {1, i, i + 1};
        }
        if (units.is(i, u"只") && units.is(i + 1, u"有") && units.is(i + 2, u"我"))
            return Count {1, i, i + 2};
        // 我和我老婆, 我和朋友
        if (units.is(i, u"我") && units.is(i + 1, u"和") && units.isHan(i + 2)) {
            qsizetype last = i + 2;
            while (last + 1 < units.size() && last < i + 5 && units.isHan(last + 1)
                   && !units.at(last + 1).used
                   && !units.isAny(last + 1, {u"都", u"想", u"要", u"一", u"去"}))
                ++last;
            return Count {2, i, last};
        }
    }
    return std::nullopt;
}

std::optional<QuantityFinder::CountHit> QuantityFinder::countAt(const TextUnits &units,
                                                                qsizetype i) const
{
    if (units.at(i).used)
        return std::nullopt;
    if (units.is(i, u"a") || units.is(i, u"an")) {
        if (i + 1 < units.size() && units.at(i + 1).stem == u"couple") {
            const qsizetype last = units.is(i + 2, u"of") ? i + 2 : i + 1;
            return CountHit {{2, i, last}, Attach::Next};
        }
        if (units.isSequence(i + 1, u"pair of"))
            return CountHit {{2, i, i + 2}, Attach::Next};
        if (units.is(i + 1, u"dozen"))
            return CountHit {{12, i, units.is(i + 2, u"of") ? i + 2 : i + 1}, Attach::Next};
        return std::nullopt;
    }
    if (units.is(i, u"another"))
        return CountHit {{1, i, i}, Attach::Next};
    if (units.isAny(i, {u"x", u"×", u"*"})) {
        if (const auto n = quantityNumber(units, i + 1); n && !n->word)
            return CountHit {{n->value, i, n->last}, Attach::Previous};
        return std::nullopt;
    }
    const auto n = quantityNumber(units, i);
    if (!n)
        return std::nullopt;
    qsizetype k = n->last + 1;
    if (isClassifier(units, k) && !units.at(k).used)
        return CountHit {{n->value, i, k}, Attach::Either};
    if (units.at(n->last).kind == Unit::Kind::Han)
        return std::nullopt;
    if (isCountNoun(units, k) && !units.at(k).used)
        return CountHit {{n->value, i, k}, Attach::Nearest};
    if (units.isAny(k, {u"more", u"extra", u"additional", u"x", u"×"}) && !units.at(k).used)
        return CountHit {{n->value, i, k}, Attach::Next};
    return CountHit {{n->value, i, n->last}, Attach::Next};
}

Quantities QuantityFinder::find(TextUnits &units, const QList<ItemMention> &mentions) const
{
    Quantities result;
    QSet<qsizetype> itemStarts;
    for (const ItemMention &m : mentions)
        itemStarts.insert(m.first);

    for (qsizetype i = 0; i < units.size(); ++i) {
        if (units.at(i).used)
            continue;
        if (const auto party = partyAt(units, i, itemStarts);
            party && !units.anyUsed(party->first, party->last)) {
            units.claim(party->first, party->last);
            if (result.party == 0) {
                result.party = party->value;
                result.partyFirst = party->first;
                result.partyLast = party->last;
            }
            i = party->last;
        }
    }

    QList<CountHit> hits;
    for (qsizetype i = 0; i < units.size(); ++i) {
        if (const auto hit = countAt(units, i);
            hit && !units.anyUsed(hit->count.first, hit->count.last)) {
            hits.append(*hit);
            i = hit->count.last;
        }
    }

    // Units strictly between two positions, and whether they share a sentence.
    const auto gap = [&](qsizetype from, qsizetype to) -> int {
        if (to <= from || units.at(from).sentence != units.at(to).sentence)
            return 1000;
        int n = 0;
        // Only 的 binds a count to what follows ("两份的晚餐"); "part 3 of the test" does not.
        for (qsizetype k = from + 1; k < to; ++k) {
            if (!units.is(k, u"的"))
                ++n;
        }
        return n;
    };
    QList<CountHit> pending;
    for (const CountHit &hit : std::as_const(hits)) {
        int prev = -1, next = -1;
        for (int m = 0; m < mentions.size(); ++m) {
            if (mentions.at(m).last < hit.count.first)
                prev = m;
            else if (mentions.at(m).first > hit.count.last && next < 0)
                next = m;
        }
        const auto free = [&](int m) {
            return m >= 0 && !result.perMention.contains(m);
        };
        const int gapPrev = prev >= 0 ? gap(mentions.at(prev).last, hit.count.first) : 1000;
        const int gapNext = next >= 0 ? gap(hit.count.last, mentions.at(next).first) : 1000;
        int target = -1;
        switch (hit.attach) {
        case Attach::Next:
            if (gapNext == 0 && free(next))
                target = next;
            break;
        case Attach::Previous:
            if (free(prev) && gapPrev < 1000)
                target = prev;
            break;
        case Attach::Nearest:
            target = free(prev) && gapPrev <= 5 ? prev : (free(next) && gapNext <= 5 ? next : -1);
            break;
        case Attach::Either: {
            // The closer item; a space counts half a unit ("两个瑜伽垫 一个奶昔").
            const int costPrev = gapPrev <= 3 && free(prev)
                ? gapPrev * 2 + (units.at(hit.count.first).spaceBefore ? 1 : 0)
                : 1000;
            const int costNext = gapNext <= 3 && free(next)
                ? gapNext * 2 + (units.at(mentions.at(next).first).spaceBefore ? 1 : 0)
                : 1000;
            if (costPrev < costNext)
                target = prev;
            else if (costNext < 1000)
                target = next;
            break;
        }
        }
        if (target >= 0) {
            result.perMention.insert(target, hit.count);
            units.claim(hit.count.first, hit.count.last);
        } else {
            pending.append(hit);
        }
    }
    // One item and a count that found no neighbour ("Can I buy the textbook? 2 copies").
    QSet<int> items;
    for (const ItemMention &m : mentions)
        items.insert(m.item);
    if (items.size() == 1 && result.perMention.isEmpty()) {
        for (const CountHit &hit : std::as_const(pending)) {
            if (hit.attach == Attach::Next && !isCountNoun(units, hit.count.last)
                && units.at(hit.count.last).kind != Unit::Kind::Han
                && !units.isAny(hit.count.last, {u"more", u"extra", u"additional"}))
                continue; // a bare number far from the item is anything (a room, a flight)
            result.perMention.insert(0, hit.count);
            units.claim(hit.count.first, hit.count.last);
            break;
        }
    }
    return result;
}

} // namespace chorus::sales::parsing
