#include "activities/ZoneMapping.h"

#include <QList>

#include <algorithm>

namespace chorus::activities {
namespace {

constexpr qint64 kSearchSpan = 2 * 24 * 3600; // zone transitions never move a day further

int offsetAt(const QTimeZone &zone, qint64 utcSecs)
{
    return zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(utcSecs, Qt::UTC));
}

} // namespace

QDateTime floatingOf(QDate date, QTime time)
{
    return QDateTime(date, time, Qt::UTC);
}

MappedLocalTime mapLocalTime(const QTimeZone &zone, QDate date, QTime time)
{
    const qint64 wall = floatingOf(date, time).toSecsSinceEpoch();
    const auto transitions
        = zone.transitions(QDateTime::fromSecsSinceEpoch(wall - kSearchSpan, Qt::UTC),
                           QDateTime::fromSecsSinceEpoch(wall + kSearchSpan, Qt::UTC));

    // Every offset in force near this wall time is a candidate; a candidate is right when
    // the zone really has that offset at the instant it gives.
    QList<int> offsets {offsetAt(zone, wall - kSearchSpan), offsetAt(zone, wall)};
    for (const auto &t : transitions)
        offsets.append(t.offsetFromUtc);
    QList<qint64> instants;
    for (int offset : offsets) {
        const qint64 utc = wall - offset;
        if (offsetAt(zone, utc) == offset && !instants.contains(utc))
            instants.append(utc);
    }
    if (!instants.isEmpty()) {
        std::sort(instants.begin(), instants.end());
        return {QDateTime::fromSecsSinceEpoch(instants.front(), Qt::UTC),
                instants.size() > 1 ? LocalTimeAdjustment::FirstOfRepeat
                                    : LocalTimeAdjustment::None};
    }

    // In a gap: read the wall time with the offset from before the transition.
    for (const auto &t : transitions) {
        const qint64 at = t.atUtc.toSecsSinceEpoch();
        const int before = offsetAt(zone, at - 1);
        if (at + before <= wall && wall < at + t.offsetFromUtc)
            return {QDateTime::fromSecsSinceEpoch(wall - before, Qt::UTC),
                    LocalTimeAdjustment::ShiftedByGap};
    }
    return {QDateTime::fromSecsSinceEpoch(wall - offsetAt(zone, wall), Qt::UTC),
            LocalTimeAdjustment::ShiftedByGap};
}

} // namespace chorus::activities
