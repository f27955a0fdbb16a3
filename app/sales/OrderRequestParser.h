#pragma once

// Reads a chat message as a possible order: "Can I book the spa for two on Friday?",
// "我想订明天早上7点的接机", "2 more class packs please". Pure function of its input:
// no network, no store, no clock (the message's own timestamp is "now").

#include "sales/OrderRequest.h"

namespace chorus::sales {

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

    OrderRequest parse(const RequestContext &context) const;
};

} // namespace chorus::sales
