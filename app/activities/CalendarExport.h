#pragma once

// Schedules as an iCalendar file (RFC 5545) that calendar apps import: one VEVENT per
// schedule with DTSTART;TZID=<IANA id>, the RRULE, and a VTIMEZONE for every zone used.

#include "activities/Recurrence.h"
#include "core/Expected.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <chrono>

namespace chorus::activities {

/// A schedule as a calendar event.
struct CalendarEvent
{
    QString uid; ///< stable across exports, so a re-import updates instead of duplicating
    QString summary; ///< title shown in the calendar
    QString description;
    RecurrenceSpec recurrence;
    std::chrono::minutes duration {30};
};

/// The .ics text (CRLF lines) for @p events; @p stamp becomes each DTSTAMP.
/// libical's time zone cache is process-wide: call from one thread at a time.
Expected<QByteArray, RecurrenceError> exportCalendar(const QList<CalendarEvent> &events,
                                                     const QDateTime &stamp);

} // namespace chorus::activities
