#pragma once

// What to do with firings that came due while the app was asleep, offline or its clock
// jumped. A pure decision: the caller records every firing it is told about exactly once
// (fired, skipped or asked) and stores `coveredUntil` as its new last recorded firing.

#include "activities/Recurrence.h"

#include <QDateTime>
#include <QList>

#include <chrono>

namespace chorus::activities {

/// What an activity does with firings it missed.
enum class CatchUpPolicy {
    Skip, ///< missed firings are skipped (and reported as skipped)
    FireOnceLate, ///< the latest missed firing fires late if recent enough; the rest skip
    AskOperator, ///< missed firings wait for the operator's decision
};

struct CatchUpRule
{
    CatchUpPolicy policy = CatchUpPolicy::FireOnceLate;
    /// A firing this close to now is on time, whatever the policy (the timer is never exact).
    std::chrono::seconds grace {120};
    /// FireOnceLate: how late a firing may still go out.
    std::chrono::seconds lateWindow {std::chrono::hours(2)};
};

struct CatchUpInput
{
    QDateTime enabledSince; ///< firings before this instant never count
    QDateTime lastRecorded; ///< the last firing already recorded; invalid if none yet
    QDateTime now;
};

/// Every firing in (lastRecorded, now] lands in exactly one list.
struct CatchUpDecision
{
    QList<Firing> due; ///< send now (on time, or once late), in time order
    QList<Firing> skipped; ///< record as skipped and tell the operator
    QList<Firing> ask; ///< record as waiting and ask the operator
    QDateTime coveredUntil; ///< store as the new last recorded firing
    bool clockWentBack = false; ///< now is before the last recorded firing: nothing decided
    bool complete = true; ///< false when more firings are pending than one call decides
};

/// Decides which firings of @p recurrence between the last recorded one and now are due.
CatchUpDecision decideCatchUp(const Recurrence &recurrence, const CatchUpRule &rule,
                              const CatchUpInput &input);

} // namespace chorus::activities
