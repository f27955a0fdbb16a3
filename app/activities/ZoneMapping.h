#pragma once

// Local wall-clock time to instant, the way RFC 5545 (section 3.3.5) reads a DATE-TIME
// with a TZID, so Chorus fires when an imported calendar shows the event:
// - a time that does not exist (spring-forward gap) uses the UTC offset in force before
//   the gap, i.e. it moves forward by the length of the gap (02:30 -> 03:30 in Berlin);
// - a time that occurs twice (fall-back) means its first occurrence (the earlier instant).

#include <QDate>
#include <QDateTime>
#include <QTime>
#include <QTimeZone>

namespace chorus::activities {

/// How a scheduled wall-clock time was turned into an instant.
enum class LocalTimeAdjustment {
    None, ///< the local time exists exactly once
    ShiftedByGap, ///< nonexistent (DST gap): moved forward by the gap
    FirstOfRepeat, ///< ambiguous (DST overlap): the first of the two occurrences
};

struct MappedLocalTime
{
    QDateTime utc; ///< the instant, in UTC
    LocalTimeAdjustment adjustment = LocalTimeAdjustment::None;
};

/// The instant at which @p date @p time happens on the wall clocks of @p zone.
MappedLocalTime mapLocalTime(const QTimeZone &zone, QDate date, QTime time);

/// A wall-clock date and time as a QDateTime in UTC spec with the same fields: the
/// "floating" local time that recurrence expansion works on.
QDateTime floatingOf(QDate date, QTime time);

} // namespace chorus::activities
