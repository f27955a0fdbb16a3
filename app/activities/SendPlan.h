#pragma once

// One activity posted in many groups: each group fires on its own wall clock (08:00 in
// Bali and 08:00 in Berlin are different instants), and sends that would go out together
// are spread apart so that the server and the members' phones are not flooded at once.

#include "activities/Recurrence.h"
#include "core/Expected.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTime>

#include <chrono>

namespace chorus::activities {

/// A group an activity is posted in, with the zone its schedule follows.
struct GroupTarget
{
    QString groupId; ///< bare JID of the room
    QByteArray timeZone; ///< IANA id of the group's local time
};

/// One send of one firing into one group.
struct PlannedSend
{
    QString groupId;
    Firing firing; ///< the firing in that group's zone
    QDateTime sendAt; ///< when to send: the firing, or later to keep the spacing
    friend bool operator==(const PlannedSend &, const PlannedSend &) = default;
};

/// Orders @p sends by firing time, then group id, and delays each so that consecutive
/// sends are at least @p spacing apart. Deterministic: same input, same plan.
QList<PlannedSend> staggerSends(QList<PlannedSend> sends, std::chrono::seconds spacing);

/// Plans the sends of one schedule (rule + local start, evaluated in each group's own
/// zone) into @p groups for firings in [from, to). Fails on the first invalid zone.
Expected<QList<PlannedSend>, RecurrenceError>
planSends(const QString &rrule, QDate startDate, QTime startTime, const QList<GroupTarget> &groups,
          const QDateTime &from, const QDateTime &to, std::chrono::seconds spacing);

} // namespace chorus::activities
