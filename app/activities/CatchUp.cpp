#include "activities/CatchUp.h"

namespace chorus::activities {

CatchUpDecision decideCatchUp(const Recurrence &recurrence, const CatchUpRule &rule,
                              const CatchUpInput &input)
{
    CatchUpDecision decision;
    decision.coveredUntil = input.lastRecorded;
    if (!input.now.isValid())
        return decision;
    if (input.lastRecorded.isValid() && input.now < input.lastRecorded) {
        decision.clockWentBack = true;
        return decision;
    }

    // Strictly after the last recorded firing, never before the activity was enabled.
    QDateTime from = input.enabledSince;
    if (input.lastRecorded.isValid() && (!from.isValid() || input.lastRecorded >= from))
        from = input.lastRecorded.addMSecs(1);
    if (!from.isValid())
        from = input.now.addSecs(
            -std::chrono::duration_cast<std::chrono::seconds>(rule.grace).count());
    const QDateTime to = input.now.addMSecs(1); // a firing exactly at now is due
    const QList<Firing> pending = recurrence.firingsBetween(from, to);
    if (pending.isEmpty())
        return decision;
    decision.complete = pending.size() < Recurrence::kMaxFirings;
    decision.coveredUntil = pending.back().at;

    const QDateTime onTimeFrom = input.now.addSecs(-rule.grace.count());
    QList<Firing> missed;
    for (const Firing &firing : pending) {
        if (firing.at >= onTimeFrom)
            decision.due.append(firing);
        else
            missed.append(firing);
    }
    switch (rule.policy) {
    case CatchUpPolicy::Skip:
        decision.skipped = missed;
        break;
    case CatchUpPolicy::AskOperator:
        decision.ask = missed;
        break;
    case CatchUpPolicy::FireOnceLate: {
        // Only the latest missed firing may go out, and only when nothing is on time now
        // (an on-time firing supersedes it) and it is within the late window.
        const QDateTime lateFrom = input.now.addSecs(-rule.lateWindow.count());
        if (decision.due.isEmpty() && !missed.isEmpty() && missed.back().at >= lateFrom) {
            decision.due.prepend(missed.takeLast());
        }
        decision.skipped = missed;
        break;
    }
    }
    return decision;
}

} // namespace chorus::activities
