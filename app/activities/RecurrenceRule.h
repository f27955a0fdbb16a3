#pragma once

// Validation of an RFC 5545 RRULE value before anything is scheduled with it: a typed
// error that names the part at fault, then libical's own parser as the final word.

#include "core/Expected.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QString>

namespace chorus::activities {

/// Why a schedule cannot be used.
struct RecurrenceError
{
    enum class Code {
        EmptyRule, ///< no rule text at all
        Syntax, ///< a part is not NAME=VALUE
        UnknownPart, ///< a name RFC 5545 does not define, or one Chorus does not support
        DuplicatePart, ///< the same name twice
        MissingFrequency, ///< no FREQ
        InvalidValue, ///< a value libical or RFC 5545 rejects
        CountWithUntil, ///< COUNT and UNTIL together (RFC 5545 forbids it)
        TooFrequent, ///< more often than once a minute
        Unsupported, ///< valid RFC 5545 that Chorus does not run (date filters on sub-daily rules)
        NoOccurrences, ///< the rule never fires (BYMONTHDAY=30 in February, UNTIL in the past)
        UnknownTimeZone, ///< not an IANA zone this system knows
        InvalidStart, ///< no valid start date and time
    };
    Code code = Code::Syntax;
    QString part; ///< the offending part ("BYHOUR=25") or zone id, when there is one
    QString message; ///< for the operator, translated
};

/// Where UNTIL bounds a rule, in the form it was written.
struct RecurrenceUntil
{
    enum class Kind { None, Date, Floating, Utc };
    Kind kind = Kind::None;
    QDate date; ///< Kind::Date: last local date that may fire
    QDateTime floating; ///< Kind::Floating: last local wall time (fields in UTC spec)
    QDateTime utc; ///< Kind::Utc: last instant
};

/// A rule that passed validation, split into what libical iterates and what Chorus bounds.
struct ParsedRule
{
    QString normalized; ///< upper-case rule without "RRULE:", as the operator wrote it
    QByteArray iterable; ///< the rule without UNTIL (Chorus applies UNTIL in the group's zone)
    RecurrenceUntil until;
    bool hasCount = false;
};

/// Checks @p rrule ("FREQ=DAILY;BYHOUR=19", "RRULE:" prefix allowed) and splits it.
Expected<ParsedRule, RecurrenceError> parseRecurrenceRule(const QString &rrule);

} // namespace chorus::activities
