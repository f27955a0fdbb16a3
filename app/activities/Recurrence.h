#pragma once

// A repeating schedule in one group's time zone. Expansion walks the rule over local
// wall-clock times with libical, then maps each to an instant with the zone's rules
// (ZoneMapping.h), so "every day at 19:00 Europe/Berlin" stays 19:00 local across DST.

#include "activities/RecurrenceRule.h"
#include "activities/ZoneMapping.h"
#include "core/Expected.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QTime>
#include <QTimeZone>

namespace chorus::activities {

/// What the operator defines: a rule, its first local date and time, and the zone.
struct RecurrenceSpec
{
    QString rrule; ///< RFC 5545 RECUR value; "RRULE:" prefix allowed
    QDate startDate; ///< DTSTART date on the group's wall clock
    QTime startTime; ///< DTSTART time on the group's wall clock
    QByteArray timeZone; ///< IANA id, e.g. "Europe/Berlin"
    friend bool operator==(const RecurrenceSpec &, const RecurrenceSpec &) = default;
};

/// One occurrence of a schedule.
struct Firing
{
    QDateTime at; ///< the instant, UTC
    QDate localDate; ///< the scheduled wall-clock date in the group's zone
    QTime localTime; ///< the scheduled wall-clock time (before any gap shift)
    LocalTimeAdjustment adjustment = LocalTimeAdjustment::None;
    friend bool operator==(const Firing &, const Firing &) = default;
};

/// A firing shown on two clocks: the group's and the operator's.
struct FiringPreview
{
    Firing firing;
    QDateTime groupTime; ///< in the group's zone
    QDateTime operatorTime; ///< in the operator's zone
    int dayDifference = 0; ///< operator's calendar date minus the group's (-1, 0, +1)
};

/// A validated schedule. Cheap to copy; every query is a pure function of its arguments.
class Recurrence
{
public:
    /// Upper bound on firings one query returns (a minutely rule over a long sleep).
    static constexpr int kMaxFirings = 100000;

    /// An empty schedule that never fires; use create() for a real one.
    Recurrence() = default;

    /// Validates the rule, the zone and the start, and checks that the rule fires at all.
    static Expected<Recurrence, RecurrenceError> create(const RecurrenceSpec &spec);

    const RecurrenceSpec &spec() const { return m_spec; }
    const ParsedRule &rule() const { return m_rule; }
    QTimeZone zone() const { return m_zone; }

    /// The first @p count firings strictly after @p after.
    QList<Firing> nextFirings(const QDateTime &after, int count) const;
    /// Firings with @p from <= at < @p to, at most @p limit of them (the earliest).
    QList<Firing> firingsBetween(const QDateTime &from, const QDateTime &to,
                                 int limit = kMaxFirings) const;
    /// The next @p count firings after @p after on the group's and the operator's clocks.
    QList<FiringPreview> preview(const QDateTime &after, int count,
                                 const QTimeZone &operatorZone) const;

private:
    QList<Firing> expand(qint64 lowerUtc, qint64 upperUtc, int limit) const;

    RecurrenceSpec m_spec;
    ParsedRule m_rule;
    QTimeZone m_zone;
};

/// Checks that @p id names a time zone this system knows; the error says which id.
Expected<QTimeZone, RecurrenceError> timeZoneFor(const QByteArray &id);

} // namespace chorus::activities
