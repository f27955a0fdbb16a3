#pragma once

// What the store keeps of activities: their definitions as the operator set them up, and
// the firing log that makes "every firing is recorded once" checkable. Plain values; the
// repositories (ActivityRepository, SignupRepository) read and write them.

#include "activities/CatchUp.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTime>

#include <chrono>
#include <optional>

namespace chorus::activities {

/// What an activity does when it fires.
enum class ActivityKind {
    ScheduledPost, ///< "post": text (and image) with template variables
    SignupChain, ///< "signup": a 接龙 list members join by message
    WordChain, ///< "wordchain": an English or idiom word-chain round
    MockInterview, ///< "interview": slots, pairs and private prompts
};

/// "post", "signup", "wordchain", "interview": stable names for storage and files.
QString activityKindName(ActivityKind kind);
std::optional<ActivityKind> activityKindFromName(QStringView name);

/// An activity as the operator defines it.
struct ActivityDefinition
{
    qint64 id = 0; ///< the store's row id; 0 until stored
    ActivityKind kind = ActivityKind::ScheduledPost;
    QString title;
    QJsonObject payload; ///< the kind's own settings (post text, sign-up config...)
    QString rrule; ///< RFC 5545 RECUR; empty: runs only when started by hand
    QDate startDate; ///< DTSTART on each target group's wall clock
    QTime startTime;
    QStringList groups; ///< target rooms (bare JIDs) in the order given; stored groups only
    CatchUpRule catchUp;
    std::chrono::seconds spacing {30}; ///< between the sends of one firing (staggerSends)
    bool enabled = true;
    QDateTime enabledSince; ///< UTC; firings before it never count (CatchUpInput)

    friend bool operator==(const ActivityDefinition &a, const ActivityDefinition &b);
};

/// What became of one scheduled occurrence in one group.
enum class FiringOutcome {
    Sent, ///< the message went out (its origin-id is recorded)
    Skipped, ///< missed and skipped by the catch-up rule or the operator
    Asked, ///< missed; waiting for the operator's decision
};

QString firingOutcomeName(FiringOutcome outcome); ///< "sent", "skipped", "asked"
std::optional<FiringOutcome> firingOutcomeFromName(QStringView name);

/// One row of the firing log.
struct FiringRecord
{
    qint64 id = 0;
    qint64 activityId = 0;
    QString groupId; ///< room JID
    QDateTime occurrence; ///< the scheduled instant (Firing::at), UTC
    FiringOutcome outcome = FiringOutcome::Sent;
    QString originId; ///< XEP-0359 origin-id of the message sent; empty when none
    QDateTime recordedAt; ///< UTC
    friend bool operator==(const FiringRecord &, const FiringRecord &) = default;
};

/// recordFiring()'s answer: the occurrence is now recorded, or it already was (and
/// the caller must roll back and not send).
enum class RecordResult { Recorded, AlreadyFired };

} // namespace chorus::activities
