#include "activities/ActivityRecords.h"

using namespace Qt::StringLiterals;

namespace chorus::activities {

QString activityKindName(ActivityKind kind)
{
    switch (kind) {
    case ActivityKind::ScheduledPost: return u"post"_s;
    case ActivityKind::SignupChain: return u"signup"_s;
    case ActivityKind::WordChain: return u"wordchain"_s;
    case ActivityKind::MockInterview: return u"interview"_s;
    }
    return u"post"_s;
}

std::optional<ActivityKind> activityKindFromName(QStringView name)
{
    for (const ActivityKind kind : {ActivityKind::ScheduledPost, ActivityKind::SignupChain,
                                    ActivityKind::WordChain, ActivityKind::MockInterview}) {
        if (name == activityKindName(kind))
            return kind;
    }
    return std::nullopt;
}

QString firingOutcomeName(FiringOutcome outcome)
{
    switch (outcome) {
    case FiringOutcome::Sent: return u"sent"_s;
    case FiringOutcome::Skipped: return u"skipped"_s;
    case FiringOutcome::Asked: return u"asked"_s;
    }
    return u"sent"_s;
}

std::optional<FiringOutcome> firingOutcomeFromName(QStringView name)
{
    for (const FiringOutcome outcome :
         {FiringOutcome::Sent, FiringOutcome::Skipped, FiringOutcome::Asked}) {
        if (name == firingOutcomeName(outcome))
            return outcome;
    }
    return std::nullopt;
}

bool operator==(const ActivityDefinition &a, const ActivityDefinition &b)
{
    return a.id == b.id && a.kind == b.kind && a.title == b.title && a.payload == b.payload
        && a.rrule == b.rrule && a.startDate == b.startDate && a.startTime == b.startTime
        && a.groups == b.groups && a.catchUp.policy == b.catchUp.policy
        && a.catchUp.grace == b.catchUp.grace && a.catchUp.lateWindow == b.catchUp.lateWindow
        && a.spacing == b.spacing && a.enabled == b.enabled && a.enabledSince == b.enabledSince;
}

} // namespace chorus::activities
