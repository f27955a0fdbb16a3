#pragma once

// Reads a chat message as a possible order: "Can I book the spa for two on Friday?",
// "我想订明天早上7点的接机", "2 more class packs please". Pure function of its input:
// no network, no store, no clock (the message's own timestamp is "now").

#include "sales/OrderRequest.h"

#include <memory>

namespace chorus::sales {

namespace parsing {
class ItemMatcher;
}

/// A group's catalog prepared for matching (names and synonyms cut and indexed once).
/// Build one per group and catalog version and reuse it: preparing costs more than
/// parsing a message. Immutable once built, so it may be shared between threads.
class CatalogIndex
{
public:
    explicit CatalogIndex(const QList<CatalogItem> &items);
    ~CatalogIndex();
    CatalogIndex(const CatalogIndex &) = delete;
    CatalogIndex &operator=(const CatalogIndex &) = delete;

    const QList<CatalogItem> &items() const { return m_items; }

private:
    friend class OrderRequestParser;
    QList<CatalogItem> m_items;
    std::unique_ptr<const parsing::ItemMatcher> m_matcher;
};

/// Decides whether a message asks to order something from the catalog and extracts
/// items, quantities, party size, date/time and notes with their text spans.
///
/// How it decides: a message is a request when it names at least one available catalog
/// item and its cue score reaches threshold(). Intent words ("book", "please", "我想订")
/// and details (a count +2, a party size, a date, a time +1 each) add; information
/// questions, declines, reports of the past, changes to a booking and talk among
/// guests subtract, counted only in the sentences that name an item.
class OrderRequestParser
{
public:
    static constexpr int threshold() { return 2; }

    /// Parses against context.items (prepared on the fly).
    OrderRequest parse(const RequestContext &context) const;
    /// Parses against a prepared catalog; context.items is ignored.
    OrderRequest parse(const RequestContext &context, const CatalogIndex &catalog) const;
};

} // namespace chorus::sales
