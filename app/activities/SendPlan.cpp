#include "activities/SendPlan.h"

#include <QSet>

#include <algorithm>

namespace chorus::activities {

QList<PlannedSend> staggerSends(QList<PlannedSend> sends, std::chrono::seconds spacing)
{
    std::sort(sends.begin(), sends.end(), [](const PlannedSend &a, const PlannedSend &b) {
        if (a.firing.at != b.firing.at)
            return a.firing.at < b.firing.at;
        return a.groupId < b.groupId;
    });
    QDateTime previous;
    for (PlannedSend &send : sends) {
        send.sendAt = send.firing.at;
        if (previous.isValid() && send.sendAt < previous.addSecs(spacing.count()))
            send.sendAt = previous.addSecs(spacing.count());
        previous = send.sendAt;
    }
    return sends;
}

Expected<QList<PlannedSend>, RecurrenceError>
planSends(const QString &rrule, QDate startDate, QTime startTime, const QList<GroupTarget> &groups,
          const QDateTime &from, const QDateTime &to, std::chrono::seconds spacing)
{
    QList<PlannedSend> sends;
    QSet<QString> seen;
    for (const GroupTarget &group : groups) {
        if (seen.contains(group.groupId))
            continue; // a group listed twice still gets each firing once
        seen.insert(group.groupId);
        auto recurrence = Recurrence::create({rrule, startDate, startTime, group.timeZone});
        if (!recurrence)
            return recurrence.error();
        for (const Firing &firing : recurrence.value().firingsBetween(from, to))
            sends.append({group.groupId, firing, firing.at});
    }
    return staggerSends(std::move(sends), spacing);
}

} // namespace chorus::activities
