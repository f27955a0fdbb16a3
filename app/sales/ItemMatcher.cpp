#include "sales/ItemMatcher_p.h"

#include "sales/CommonWords_p.h"
#include "sales/NumberWords_p.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace chorus::sales::parsing {

namespace {

bool isPronoun(const Unit &unit)
{
    static const QSet<QString> pronouns {u"me"_s,  u"us"_s, u"him"_s, u"her"_s, u"them"_s,
                                         u"you"_s, u"it"_s, u"my"_s,  u"our"_s};
    return unit.kind == Unit::Kind::Word && pronouns.contains(unit.text);
}

int charCount(const QList<Unit> &units)
{
    int n = 0;
    for (const Unit &unit : units)
        n += int(unit.text.size());
    return n;
}

} // namespace

int ItemMatcher::editDistance(QStringView a, QStringView b, int cap)
{
    if (std::abs(int(a.size()) - int(b.size())) > cap)
        return cap + 1;
    const int n = int(a.size()), m = int(b.size());
    QList<int> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (int j = 0; j <= m; ++j)
        prev[j] = j;
    for (int i = 1; i <= n; ++i) {
        cur[0] = i;
        int rowMin = cur[0];
        for (int j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
            rowMin = std::min(rowMin, cur[j]);
        }
        if (rowMin > cap)
            return cap + 1;
        prev2 = prev;
        prev = cur;
    }
    return std::min(prev[m], cap + 1);
}

ItemMatcher::ItemMatcher(const QList<CatalogItem> &items) : m_items(items)
{
    static const QRegularExpression parenthesised(u"\\s*[(（][^)）]*[)）]"_s);
    for (int index = 0; index < items.size(); ++index) {
        const CatalogItem &item = items.at(index);
        QStringList phrases {item.name};
        const QString bareName = QString(item.name).remove(parenthesised).trimmed();
        if (bareName != item.name && !bareName.isEmpty())
            phrases << bareName;
        phrases << item.synonymsEn << item.synonymsZh;
        QSet<QString> nameWords;
        for (const Unit &unit : TextUnits::cut(bareName.isEmpty() ? item.name : bareName)) {
            if (unit.kind == Unit::Kind::Word)
                nameWords.insert(unit.stem);
        }
        m_nameWords.append(nameWords);
        for (const QString &text : std::as_const(phrases)) {
            Phrase phrase {index, TextUnits::cut(text), 0};
            if (phrase.units.isEmpty())
                continue;
            phrase.chars = charCount(phrase.units);
            for (const Unit &unit : std::as_const(phrase.units)) {
                if (unit.kind == Unit::Kind::Word)
                    m_vocabulary.insert(unit.stem);
            }
            // Index by first character: a match, a typo (same first letter) or a split
            // word ("pick up" for "pickup") all start with it; numbers match words too.
            const Unit &first = phrase.units.first();
            if (first.kind == Unit::Kind::Number || englishNumber(first.text))
                m_numberFirst.append(int(m_phrases.size()));
            else
                m_byFirstChar[first.text.front()].append(int(m_phrases.size()));
            m_phrases.append(phrase);
        }
    }
}

bool ItemMatcher::sameUnit(const Unit &phrase, const Unit &text, bool fuzzable, int *edits) const
{
    if (phrase.kind == Unit::Kind::Number || text.kind == Unit::Kind::Number) {
        if (phrase.text == text.text)
            return true;
        // "10 class pack" in the catalog, "ten class pack" in the message, or the reverse.
        const auto value = [](const Unit &unit) -> std::optional<int> {
            if (unit.kind == Unit::Kind::Number)
                return unit.text.size() <= 4 ? std::optional<int>(unit.text.toInt()) : std::nullopt;
            if (unit.kind == Unit::Kind::Word)
                return englishNumber(unit.text);
            return std::nullopt;
        };
        const auto a = value(phrase), b = value(text);
        return a && b && *a == *b;
    }
    if (phrase.kind != text.kind)
        return false;
    if (phrase.kind != Unit::Kind::Word)
        return phrase.text == text.text;
    if (phrase.stem == text.stem || phrase.text == text.text)
        return true;
    // A typo: long enough words only, first letter right, not another real word.
    const int length = int(phrase.stem.size());
    if (!fuzzable || length < 4 || text.stem.size() < 4 || phrase.stem.front() != text.stem.front()
        || std::abs(length - int(text.stem.size())) > 2)
        return false;
    const int allowed = length >= 8 ? 2 : 1;
    const int distance = editDistance(phrase.stem, text.stem, allowed);
    if (distance > allowed)
        return false;
    *edits += distance;
    return true;
}

std::optional<ItemMatcher::Candidate> ItemMatcher::matchAt(const Phrase &phrase,
                                                           const TextUnits &units,
                                                           const QList<bool> &fuzzable,
                                                           qsizetype start) const
{
    const int sentence = units.at(start).sentence;
    qsizetype j = start;
    int edits = 0;
    bool gapUsed = false;
    const auto &p = phrase.units;
    for (qsizetype k = 0; k < p.size(); ++k) {
        if (j >= units.size() || units.at(j).sentence != sentence)
            return std::nullopt;
        const Unit &t = units.at(j);
        if (sameUnit(p.at(k), t, fuzzable.at(j), &edits)) {
            ++j;
            continue;
        }
        if (p.at(k).kind == Unit::Kind::Word && t.kind == Unit::Kind::Word) {
            // "pick up" written "pickup", or "pickup" written "pick up".
            if (j + 1 < units.size() && units.at(j + 1).kind == Unit::Kind::Word
                && units.at(j + 1).sentence == sentence && p.at(k).text.startsWith(t.text)
                && TextUnits::stem(t.text + units.at(j + 1).text) == p.at(k).stem) {
                j += 2;
                continue;
            }
            if (k + 1 < p.size() && p.at(k + 1).kind == Unit::Kind::Word
                && t.text.startsWith(p.at(k).text)
                && TextUnits::stem(p.at(k).text + p.at(k + 1).text) == t.stem) {
                ++k;
                ++j;
                continue;
            }
            // A phrasal verb split by a pronoun: "pick us up", "drop me off".
            if (k > 0 && !gapUsed && isPronoun(t) && j + 1 < units.size()
                && units.at(j + 1).sentence == sentence
                && sameUnit(p.at(k), units.at(j + 1), fuzzable.at(j + 1), &edits)) {
                gapUsed = true;
                j += 2;
                continue;
            }
        }
        return std::nullopt;
    }
    Candidate candidate;
    candidate.mention
        = ItemMention {phrase.item, start, j - 1, 1.0 - double(edits) / std::max(phrase.chars, 1)};
    candidate.phraseUnits = int(p.size());
    candidate.chars = phrase.chars;
    return candidate;
}

bool ItemMatcher::isDetailOfAnotherItem(const ItemMention &mention, const TextUnits &units) const
{
    // "dinner for 6, pick up from Padma Legian": a generic word of this item's name ("pick
    // up") followed by "from <place>" where the place is not what the item is about
    // ("airport"): it is how the guest gets to the other item.
    const qsizetype next = mention.last + 1;
    if (!units.is(next, u"from"))
        return false;
    QSet<QString> missing = m_nameWords.at(mention.item);
    for (qsizetype i = mention.first; i <= mention.last; ++i)
        missing.remove(units.at(i).stem);
    if (missing.isEmpty())
        return false;
    const int sentence = units.at(next).sentence;
    for (qsizetype i = next + 1; i < units.size() && i <= next + 4; ++i) {
        if (units.at(i).sentence != sentence || units.at(i).kind == Unit::Kind::Punct)
            break;
        if (missing.contains(units.at(i).stem))
            return false;
    }
    return true;
}

QList<ItemMention> ItemMatcher::find(TextUnits &units) const
{
    // Which words may be typos: not everyday words, not words of the catalog itself.
    QList<bool> fuzzable(units.size(), false);
    for (qsizetype i = 0; i < units.size(); ++i) {
        const Unit &unit = units.at(i);
        fuzzable[i] = unit.kind == Unit::Kind::Word && unit.stem.size() >= 4
            && !isCommonEnglishWord(unit.stem) && !isCommonEnglishWord(unit.text)
            && !m_vocabulary.contains(unit.stem);
    }
    QList<Candidate> candidates;
    for (qsizetype i = 0; i < units.size(); ++i) {
        const Unit &unit = units.at(i);
        if (unit.kind == Unit::Kind::Punct || unit.text.isEmpty())
            continue;
        const auto tryPhrases = [&](const QList<int> &indexes) {
            for (const int index : indexes) {
                if (auto candidate = matchAt(m_phrases.at(index), units, fuzzable, i))
                    candidates.append(*candidate);
            }
        };
        tryPhrases(m_byFirstChar.value(unit.text.front()));
        if (unit.kind == Unit::Kind::Number || englishNumber(unit.text))
            tryPhrases(m_numberFirst);
    }
    // Longest phrase first ("yoga mat" over "mat", "ielts mock" over "mock"), then
    // exact over corrected, then earliest.
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate &a, const Candidate &b) {
                         const qsizetype spanA = a.mention.last - a.mention.first,
                                         spanB = b.mention.last - b.mention.first;
                         if (a.chars != b.chars)
                             return a.chars > b.chars;
                         if (spanA != spanB)
                             return spanA > spanB;
                         if (a.mention.quality != b.mention.quality)
                             return a.mention.quality > b.mention.quality;
                         return a.mention.first < b.mention.first;
                     });
    QList<bool> taken(units.size(), false);
    QList<ItemMention> chosen;
    for (const Candidate &candidate : std::as_const(candidates)) {
        const ItemMention &m = candidate.mention;
        bool overlaps = false;
        for (qsizetype i = m.first; i <= m.last; ++i)
            overlaps = overlaps || taken[i];
        if (overlaps)
            continue;
        // "at Ubud", "from Penida": a place, not the tour named after it.
        if (candidate.phraseUnits == 1 && m.first == m.last
            && units.at(m.first).kind == Unit::Kind::Word
            && units.isAny(m.first - 1, {u"from", u"at", u"in", u"near", u"around"}))
            continue;
        for (qsizetype i = m.first; i <= m.last; ++i)
            taken[i] = true;
        chosen.append(m);
    }
    QSet<int> items;
    for (const ItemMention &m : std::as_const(chosen))
        items.insert(m.item);
    if (items.size() > 1) {
        chosen.removeIf([&](const ItemMention &m) { return isDetailOfAnotherItem(m, units); });
    }
    std::sort(chosen.begin(), chosen.end(),
              [](const ItemMention &a, const ItemMention &b) { return a.first < b.first; });
    for (const ItemMention &m : std::as_const(chosen))
        units.claim(m.first, m.last);
    return chosen;
}

} // namespace chorus::sales::parsing
