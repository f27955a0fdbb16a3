#pragma once

// Private to OrderRequestParser: words that say whether a message asks to buy or book
// ("can I book", "please", "我想订") or does something else: asks for information,
// declines, reports what happened, changes a booking, or talks to the other guests.

#include "sales/OrderRequest.h"
#include "sales/TextUnits_p.h"

#include <QList>

namespace chorus::sales::parsing {

struct CueHit
{
    RequestCue::Kind kind = RequestCue::Kind::Intent;
    int weight = 0;
    qsizetype first = 0, last = 0;
};

/// Every cue in the text, in text order (units are not claimed: cues may overlap items).
QList<CueHit> findCues(const TextUnits &units);

} // namespace chorus::sales::parsing
