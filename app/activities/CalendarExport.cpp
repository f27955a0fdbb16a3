#include "activities/CalendarExport.h"

#include <QCoreApplication>
#include <QSet>

#include <libical/ical.h>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace chorus::activities {
namespace {

struct ComponentDeleter
{
    void operator()(icalcomponent *c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentDeleter>;

icaltimetype floatingTime(QDate date, QTime time)
{
    icaltimetype t = icaltime_null_time();
    t.year = date.year();
    t.month = date.month();
    t.day = date.day();
    t.hour = time.hour();
    t.minute = time.minute();
    t.second = time.second();
    return t;
}

icaltimetype utcTime(const QDateTime &instant)
{
    return icaltime_from_timet_with_zone(static_cast<time_t>(instant.toSecsSinceEpoch()), 0,
                                         icaltimezone_get_utc_timezone());
}

bool isUtcZone(const QTimeZone &zone)
{
    const QByteArray id = zone.id();
    return id == "UTC" || id == "Etc/UTC" || id == "Etc/GMT" || id == "GMT" || id == "Etc/Zulu";
}

// RFC 5545: with a zoned DTSTART, UNTIL must be in UTC. Rewrite the operator's UNTIL
// into the instant Chorus itself stops at.
QByteArray rruleForExport(const Recurrence &recurrence)
{
    const ParsedRule &rule = recurrence.rule();
    QString until;
    switch (rule.until.kind) {
    case RecurrenceUntil::Kind::None:
        break;
    case RecurrenceUntil::Kind::Date:
        until = mapLocalTime(recurrence.zone(), rule.until.date, QTime(23, 59, 59))
                    .utc.toString(u"yyyyMMdd'T'HHmmss'Z'"_s);
        break;
    case RecurrenceUntil::Kind::Floating:
        until = mapLocalTime(recurrence.zone(), rule.until.floating.date(),
                             rule.until.floating.time())
                    .utc.toString(u"yyyyMMdd'T'HHmmss'Z'"_s);
        break;
    case RecurrenceUntil::Kind::Utc:
        until = rule.until.utc.toString(u"yyyyMMdd'T'HHmmss'Z'"_s);
        break;
    }
    QByteArray text = rule.iterable;
    if (!until.isEmpty())
        text += ";UNTIL=" + until.toLatin1();
    return text;
}

// A VTIMEZONE for the zone, with the plain IANA id as TZID (libical prefixes its own).
Component timeZoneComponent(const QByteArray &id)
{
    icaltimezone *zone = icaltimezone_get_builtin_timezone(id.constData());
    if (!zone)
        return nullptr;
    icalcomponent *source = icaltimezone_get_component(zone);
    if (!source)
        return nullptr;
    Component copy(icalcomponent_new_clone(source));
    icalproperty *tzid = icalcomponent_get_first_property(copy.get(), ICAL_TZID_PROPERTY);
    if (tzid)
        icalproperty_set_tzid(tzid, id.constData());
    else
        icalcomponent_add_property(copy.get(), icalproperty_new_tzid(id.constData()));
    return copy;
}

} // namespace

Expected<QByteArray, RecurrenceError> exportCalendar(const QList<CalendarEvent> &events,
                                                     const QDateTime &stamp)
{
    Component calendar(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
    icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(calendar.get(),
                               icalproperty_new_prodid("-//Chorus//Activities//EN"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_calscale("GREGORIAN"));

    std::vector<Component> vevents;
    QSet<QByteArray> zonesAdded;
    for (const CalendarEvent &event : events) {
        auto recurrence = Recurrence::create(event.recurrence);
        if (!recurrence)
            return recurrence.error();
        const Recurrence &r = recurrence.value();
        const QByteArray zoneId = r.zone().id();
        const bool utc = isUtcZone(r.zone());
        if (!utc && !zonesAdded.contains(zoneId)) {
            Component vtimezone = timeZoneComponent(zoneId);
            if (!vtimezone)
                return RecurrenceError {RecurrenceError::Code::UnknownTimeZone,
                                        QString::fromUtf8(zoneId),
                                        QCoreApplication::translate(
                                            "chorus::activities::Recurrence",
                                            "The time zone \"%1\" cannot be written to a calendar "
                                            "file.")
                                            .arg(QString::fromUtf8(zoneId))};
            icalcomponent_add_component(calendar.get(), vtimezone.release());
            zonesAdded.insert(zoneId);
        }

        Component vevent(icalcomponent_new(ICAL_VEVENT_COMPONENT));
        icalcomponent *e = vevent.get();
        icalcomponent_add_property(e, icalproperty_new_uid(event.uid.toUtf8().constData()));
        icalcomponent_add_property(e, icalproperty_new_dtstamp(utcTime(stamp)));
        icalcomponent_add_property(e, icalproperty_new_summary(event.summary.toUtf8().constData()));
        if (!event.description.isEmpty())
            icalcomponent_add_property(
                e, icalproperty_new_description(event.description.toUtf8().constData()));
        icalproperty *dtstart = nullptr;
        if (utc) {
            dtstart = icalproperty_new_dtstart(utcTime(
                mapLocalTime(r.zone(), event.recurrence.startDate, event.recurrence.startTime)
                    .utc));
        } else {
            dtstart = icalproperty_new_dtstart(
                floatingTime(event.recurrence.startDate, event.recurrence.startTime));
            icalproperty_add_parameter(dtstart, icalparameter_new_tzid(zoneId.constData()));
        }
        icalcomponent_add_property(e, dtstart);
        icalcomponent_add_property(
            e,
            icalproperty_new_duration(icaldurationtype_from_int(
                static_cast<int>(std::chrono::seconds(event.duration).count()))));
        const QByteArray rrule = rruleForExport(r);
        icalcomponent_add_property(
            e, icalproperty_new_rrule(icalrecurrencetype_from_string(rrule.constData())));
        vevents.push_back(std::move(vevent));
    }
    for (Component &vevent : vevents)
        icalcomponent_add_component(calendar.get(), vevent.release());

    char *text = icalcomponent_as_ical_string_r(calendar.get());
    QByteArray out(text);
    icalmemory_free_buffer(text);
    return out;
}

} // namespace chorus::activities
