#include "activities/RecurrenceRule.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>

#include <libical/ical.h>

using namespace Qt::StringLiterals;

namespace chorus::activities {
namespace {

RecurrenceError fail(RecurrenceError::Code code, const QString &part, const QString &message)
{
    return {code, part, message};
}

const QStringList &knownParts()
{
    static const QStringList parts {u"FREQ"_s,       u"UNTIL"_s,     u"COUNT"_s,    u"INTERVAL"_s,
                                    u"BYSECOND"_s,   u"BYMINUTE"_s,  u"BYHOUR"_s,   u"BYDAY"_s,
                                    u"BYMONTHDAY"_s, u"BYYEARDAY"_s, u"BYWEEKNO"_s, u"BYMONTH"_s,
                                    u"BYSETPOS"_s,   u"WKST"_s};
    return parts;
}

const QStringList &frequencies()
{
    static const QStringList values {u"SECONDLY"_s, u"MINUTELY"_s, u"HOURLY"_s, u"DAILY"_s,
                                     u"WEEKLY"_s,   u"MONTHLY"_s,  u"YEARLY"_s};
    return values;
}

// True when libical accepts the text; it clears and reads its own error state.
bool libicalAccepts(const QByteArray &rule)
{
    icalerror_clear_errno();
    const icalrecurrencetype parsed = icalrecurrencetype_from_string(rule.constData());
    const bool ok = icalerrno == ICAL_NO_ERROR && parsed.freq != ICAL_NO_RECURRENCE;
    icalerror_clear_errno();
    return ok;
}

bool parseUntil(const QString &value, RecurrenceUntil *until)
{
    static const QRegularExpression re(u"^(\\d{8})(?:T(\\d{6})(Z?))?$"_s);
    const auto m = re.match(value);
    if (!m.hasMatch())
        return false;
    const QDate date = QDate::fromString(m.captured(1), u"yyyyMMdd"_s);
    if (!date.isValid())
        return false;
    if (m.captured(2).isEmpty()) {
        *until = {RecurrenceUntil::Kind::Date, date, {}, {}};
        return true;
    }
    const QTime time = QTime::fromString(m.captured(2), u"HHmmss"_s);
    if (!time.isValid())
        return false;
    const QDateTime fields(date, time, Qt::UTC);
    if (m.captured(3).isEmpty())
        *until = {RecurrenceUntil::Kind::Floating, {}, fields, {}};
    else
        *until = {RecurrenceUntil::Kind::Utc, {}, {}, fields};
    return true;
}

bool isPositiveInt(const QString &value, int max)
{
    bool ok = false;
    const int n = value.toInt(&ok);
    return ok && n >= 1 && n <= max;
}

} // namespace

Expected<ParsedRule, RecurrenceError> parseRecurrenceRule(const QString &rrule)
{
    using Code = RecurrenceError::Code;
    QString text = rrule.trimmed().toUpper();
    if (text.startsWith(u"RRULE:"_s))
        text = text.mid(6).trimmed();
    if (text.isEmpty())
        return fail(Code::EmptyRule, {},
                    QCoreApplication::translate("chorus::activities::Recurrence",
                                                "The repeat rule is empty. Example: FREQ=DAILY"));

    QStringList parts;
    QSet<QString> seen;
    QString frequency;
    QString untilValue;
    bool hasCount = false;
    for (const QString &raw : text.split(u';', Qt::SkipEmptyParts)) {
        const QString part = raw.trimmed();
        const qsizetype eq = part.indexOf(u'=');
        if (eq <= 0 || eq == part.size() - 1)
            return fail(Code::Syntax, part,
                        QCoreApplication::translate("chorus::activities::Recurrence",
                                                    "\"%1\" is not of the form NAME=VALUE.")
                            .arg(part));
        const QString name = part.left(eq).trimmed();
        const QString value = part.mid(eq + 1).trimmed();
        if (name == u"RSCALE"_s || name == u"SKIP"_s)
            return fail(
                Code::UnknownPart, part,
                QCoreApplication::translate("chorus::activities::Recurrence",
                                            "%1 (non-Gregorian calendars) is not supported.")
                    .arg(name));
        if (!knownParts().contains(name))
            return fail(
                Code::UnknownPart, part,
                QCoreApplication::translate("chorus::activities::Recurrence",
                                            "\"%1\" is not a part of a repeat rule (RFC 5545).")
                    .arg(name));
        if (seen.contains(name))
            return fail(
                Code::DuplicatePart, part,
                QCoreApplication::translate("chorus::activities::Recurrence", "%1 is given twice.")
                    .arg(name));
        seen.insert(name);
        if (name == u"FREQ"_s) {
            if (!frequencies().contains(value))
                return fail(Code::InvalidValue, part,
                            QCoreApplication::translate(
                                "chorus::activities::Recurrence",
                                "FREQ must be one of MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY or "
                                "YEARLY, not \"%1\".")
                                .arg(value));
            frequency = value;
        } else if (name == u"COUNT"_s) {
            if (!isPositiveInt(value, 100000))
                return fail(
                    Code::InvalidValue, part,
                    QCoreApplication::translate("chorus::activities::Recurrence",
                                                "COUNT must be a whole number from 1 to 100000."));
            hasCount = true;
        } else if (name == u"INTERVAL"_s) {
            if (!isPositiveInt(value, 10000))
                return fail(Code::InvalidValue, part,
                            QCoreApplication::translate(
                                "chorus::activities::Recurrence",
                                "INTERVAL must be a whole number from 1 to 10000."));
        } else if (name == u"UNTIL"_s) {
            untilValue = value;
        } else if (name == u"BYSECOND"_s && value.contains(u',')) {
            return fail(Code::TooFrequent, part,
                        QCoreApplication::translate(
                            "chorus::activities::Recurrence",
                            "Schedules cannot fire more often than once a minute."));
        }
        parts.append(name + u'=' + value);
    }
    if (frequency.isEmpty())
        return fail(Code::MissingFrequency, text,
                    QCoreApplication::translate(
                        "chorus::activities::Recurrence",
                        "The rule has no FREQ. Add for example FREQ=DAILY or FREQ=WEEKLY."));
    if (frequency == u"SECONDLY"_s)
        return fail(
            Code::TooFrequent, u"FREQ=SECONDLY"_s,
            QCoreApplication::translate("chorus::activities::Recurrence",
                                        "Schedules cannot fire more often than once a minute."));
    if (hasCount && !untilValue.isEmpty())
        return fail(Code::CountWithUntil, text,
                    QCoreApplication::translate(
                        "chorus::activities::Recurrence",
                        "COUNT and UNTIL cannot be used together; keep one of them."));

    if (frequency == u"MINUTELY"_s || frequency == u"HOURLY"_s) {
        // libical walks these one minute or hour at a time, so a date filter that never
        // matches (BYMONTHDAY=30 in February) would keep it busy for centuries. Keep them
        // to weekday and hour filters, which Recurrence checks before walking.
        static const QRegularExpression weekdays(
            u"^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$"_s);
        QStringList allowed {u"FREQ"_s, u"INTERVAL"_s, u"COUNT"_s, u"UNTIL"_s,
                             u"WKST"_s, u"BYDAY"_s,    u"BYHOUR"_s};
        if (frequency == u"HOURLY"_s)
            allowed.append(u"BYMINUTE"_s);
        for (const QString &part : parts) {
            const QString name = part.left(part.indexOf(u'='));
            const bool plainDays = name != u"BYDAY"_s || weekdays.match(part.mid(6)).hasMatch();
            if (!allowed.contains(name) || !plainDays)
                return fail(Code::Unsupported, part,
                            QCoreApplication::translate(
                                "chorus::activities::Recurrence",
                                "With FREQ=%1, Chorus supports only INTERVAL, BYDAY (plain "
                                "weekdays), BYHOUR, BYMINUTE (hourly), COUNT and UNTIL. For "
                                "other filters use FREQ=DAILY with BYHOUR and BYMINUTE.")
                                .arg(frequency));
        }
    }

    ParsedRule rule;
    rule.hasCount = hasCount;
    if (!untilValue.isEmpty() && !parseUntil(untilValue, &rule.until))
        return fail(Code::InvalidValue, u"UNTIL="_s + untilValue,
                    QCoreApplication::translate(
                        "chorus::activities::Recurrence",
                        "UNTIL must be a date (20250131) or a date and time (20250131T180000Z)."));

    // libical is the final judge of values; name the first part it refuses.
    const QString joined = parts.join(u';');
    if (!libicalAccepts(joined.toLatin1())) {
        for (const QString &part : parts) {
            if (part.startsWith(u"FREQ="_s))
                continue;
            if (!libicalAccepts((u"FREQ="_s + frequency + u';' + part).toLatin1()))
                return fail(Code::InvalidValue, part,
                            QCoreApplication::translate(
                                "chorus::activities::Recurrence",
                                "\"%1\" has a value that is out of range or misspelt.")
                                .arg(part));
        }
        return fail(Code::InvalidValue, joined,
                    QCoreApplication::translate("chorus::activities::Recurrence",
                                                "The repeat rule is not valid."));
    }

    rule.normalized = joined;
    QStringList iterable;
    for (const QString &part : parts) {
        if (!part.startsWith(u"UNTIL="_s))
            iterable.append(part);
    }
    rule.iterable = iterable.join(u';').toLatin1();
    return rule;
}

} // namespace chorus::activities
