#pragma once

// Private to OrderRequestParser: finds catalog items in a message by name or synonym,
// in English or Chinese, tolerant of plurals, spacing ("pickup", "pick-up", "pick up")
// and one or two typos in longer words.

#include "sales/CatalogItem.h"
#include "sales/TextUnits_p.h"

#include <QHash>
#include <QList>
#include <QSet>

namespace chorus::sales::parsing {

/// One mention of a catalog item: units [first, last] of the message.
struct ItemMention
{
    int item = -1; ///< index into the catalog given to ItemMatcher
    qsizetype first = 0, last = 0;
    double quality = 1.0; ///< 1 exact, less with typos
};

class ItemMatcher
{
public:
    explicit ItemMatcher(const QList<CatalogItem> &items);

    /// Mentions in text order, non-overlapping; their units are claimed.
    QList<ItemMention> find(TextUnits &units) const;

    /// Damerau (optimal string alignment) distance, capped: returns cap + 1 when larger.
    static int editDistance(QStringView a, QStringView b, int cap);

private:
    struct Phrase
    {
        int item = -1;
        QList<Unit> units;
        int chars = 0;
    };
    struct Candidate
    {
        ItemMention mention;
        int phraseUnits = 0;
        int chars = 0;
    };

    bool sameUnit(const Unit &phrase, const Unit &text, bool fuzzable, int *edits) const;
    std::optional<Candidate> matchAt(const Phrase &phrase, const TextUnits &units,
                                     const QList<bool> &fuzzable, qsizetype start) const;
    bool isDetailOfAnotherItem(const ItemMention &mention, const TextUnits &units) const;

    QList<CatalogItem> m_items;
    QList<Phrase> m_phrases;
    QHash<QChar, QList<int>> m_byFirstChar; ///< phrases by the first character they start with
    QList<int> m_numberFirst; ///< phrases starting with a number ("10 class pack", "ten ...")
    QSet<QString> m_vocabulary; ///< every word of every phrase: never "corrected" into another
    QList<QSet<QString>> m_nameWords; ///< per item, the words of its name
};

} // namespace chorus::sales::parsing
