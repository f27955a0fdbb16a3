#include "activities/CalendarExport.h"

#include <QTest>

#include <libical/ical.h>

using namespace Qt::StringLiterals;
using namespace chorus::activities;

namespace {

QDateTime utc(int y, int m, int d, int h, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), Qt::UTC);
}

icalcomponent *findTimeZone(icalcomponent *calendar, const char *tzid)
{
    for (icalcomponent *c = icalcomponent_get_first_component(calendar, ICAL_VTIMEZONE_COMPONENT);
         c; c = icalcomponent_get_next_component(calendar, ICAL_VTIMEZONE_COMPONENT)) {
        icalproperty *p = icalcomponent_get_first_property(c, ICAL_TZID_PROPERTY);
        if (p && qstrcmp(icalproperty_get_tzid(p), tzid) == 0)
            return c;
    }
    return nullptr;
}

// Expands a parsed VEVENT the way a calendar app does: libical, with the VTIMEZONE
// carried in the file.
QList<QDateTime> expandWithLibical(icalcomponent *calendar, icalcomponent *event, int count)
{
    icalproperty *dtstartProp = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY);
    icalparameter *tzidParam = icalproperty_get_first_parameter(dtstartProp, ICAL_TZID_PARAMETER);
    const char *tzid = icalparameter_get_tzid(tzidParam);
    icaltimezone *zone = icaltimezone_new();
    icaltimezone_set_component(zone, icalcomponent_new_clone(findTimeZone(calendar, tzid)));
    icaltimetype start = icalproperty_get_dtstart(dtstartProp);
    start = icaltime_set_timezone(&start, zone);
    const icalrecurrencetype rule
        = icalproperty_get_rrule(icalcomponent_get_first_property(event, ICAL_RRULE_PROPERTY));
    icalrecur_iterator *it = icalrecur_iterator_new(rule, start);
    QList<QDateTime> out;
    for (int i = 0; i < count; ++i) {
        const icaltimetype next = icalrecur_iterator_next(it);
        if (icaltime_is_null_time(next))
            break;
        out.append(QDateTime::fromSecsSinceEpoch(icaltime_as_timet_with_zone(next, zone), Qt::UTC));
    }
    icalrecur_iterator_free(it);
    icaltimezone_free(zone, 1);
    return out;
}

} // namespace

class tst_CalendarExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesBackWithRruleAndTzid();
    void calendarAppExpandsLikeChorus_data();
    void calendarAppExpandsLikeChorus();
    void untilBecomesUtc();
    void badScheduleIsRefused();
};

void tst_CalendarExport::parsesBackWithRruleAndTzid()
{
    const QList<CalendarEvent> events {
        {u"daily-german@chorus"_s,
         u"Daily German, group A; level 2"_s,
         u"Post the word of the day"_s,
         {u"FREQ=DAILY"_s, QDate(2025, 3, 1), QTime(19, 0), "Europe/Berlin"},
         std::chrono::minutes(30)},
        {u"plan-bali@chorus"_s,
         u"Day plan 行程"_s,
         {},
         {u"FREQ=WEEKLY;BYDAY=MO,WE,FR"_s, QDate(2025, 3, 3), QTime(8, 0), "Asia/Makassar"},
         std::chrono::minutes(15)},
    };
    const auto ics = exportCalendar(events, utc(2025, 2, 1, 12));
    QVERIFY(ics);
    const QByteArray text = ics.value();
    QVERIFY(text.startsWith("BEGIN:VCALENDAR\r\n"));
    QVERIFY(text.contains("DTSTART;TZID=Europe/Berlin:20250301T190000\r\n"));
    QVERIFY(text.contains("RRULE:FREQ=DAILY\r\n"));

    icalcomponent *calendar = icalparser_parse_string(text.constData());
    QVERIFY(calendar);
    QCOMPARE(icalcomponent_isa(calendar), ICAL_VCALENDAR_COMPONENT);
    QCOMPARE(icalcomponent_count_components(calendar, ICAL_VEVENT_COMPONENT), 2);
    QVERIFY(findTimeZone(calendar, "Europe/Berlin"));
    QVERIFY(findTimeZone(calendar, "Asia/Makassar"));

    icalcomponent *first = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
    QCOMPARE(QString::fromUtf8(icalcomponent_get_summary(first)), events[0].summary);
    QCOMPARE(QString::fromUtf8(icalcomponent_get_uid(first)), events[0].uid);
    icalproperty *dtstart = icalcomponent_get_first_property(first, ICAL_DTSTART_PROPERTY);
    QCOMPARE(icalparameter_get_tzid(icalproperty_get_first_parameter(dtstart, ICAL_TZID_PARAMETER)),
             "Europe/Berlin");
    icalproperty *rrule = icalcomponent_get_first_property(first, ICAL_RRULE_PROPERTY);
    QVERIFY(rrule);
    QCOMPARE(icalproperty_get_rrule(rrule).freq, ICAL_DAILY_RECURRENCE);
    QCOMPARE(icaldurationtype_as_int(icalcomponent_get_duration(first)), 30 * 60);

    icalcomponent *second = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT);
    QCOMPARE(QString::fromUtf8(icalcomponent_get_summary(second)), u"Day plan 行程"_s);
    const icalrecurrencetype weekly
        = icalproperty_get_rrule(icalcomponent_get_first_property(second, ICAL_RRULE_PROPERTY));
    QCOMPARE(weekly.freq, ICAL_WEEKLY_RECURRENCE);
    QCOMPARE(icalrecurrencetype_day_day_of_week(weekly.by_day[0]), ICAL_MONDAY_WEEKDAY);
    icalcomponent_free(calendar);
}

void tst_CalendarExport::calendarAppExpandsLikeChorus_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QTime>("time");
    QTest::newRow("Berlin daily 19:00") << u"FREQ=DAILY"_s << "Europe/Berlin"_ba << QTime(19, 0);
    QTest::newRow("LA weekly 09:30")
        << u"FREQ=WEEKLY;BYDAY=TU,SA"_s << "America/Los_Angeles"_ba << QTime(9, 30);
    QTest::newRow("Bali daily 08:00") << u"FREQ=DAILY"_s << "Asia/Makassar"_ba << QTime(8, 0);
}

void tst_CalendarExport::calendarAppExpandsLikeChorus()
{
    QFETCH(QString, rule);
    QFETCH(QByteArray, zone);
    QFETCH(QTime, time);
    const RecurrenceSpec spec {rule, QDate(2025, 1, 4), time, zone};
    const auto ics = exportCalendar({{u"x@chorus"_s, u"x"_s, {}, spec, std::chrono::minutes(30)}},
                                    utc(2025, 1, 1, 0));
    QVERIFY(ics);
    icalcomponent *calendar = icalparser_parse_string(ics.value().constData());
    QVERIFY(calendar);
    icalcomponent *event = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
    // A year of firings crosses both DST changes where there are any.
    const QList<QDateTime> theirs = expandWithLibical(calendar, event, 200);
    icalcomponent_free(calendar);
    QList<QDateTime> ours;
    for (const Firing &f : Recurrence::create(spec).value().nextFirings(utc(2025, 1, 1, 0), 200))
        ours.append(f.at);
    QCOMPARE(theirs.size(), 200);
    QCOMPARE(ours, theirs);
}

void tst_CalendarExport::untilBecomesUtc()
{
    const auto ics = exportCalendar(
        {{u"u@chorus"_s,
          u"until"_s,
          {},
          {u"FREQ=DAILY;UNTIL=20250310"_s, QDate(2025, 3, 1), QTime(19, 0), "Europe/Berlin"},
          std::chrono::minutes(30)}},
        utc(2025, 1, 1, 0));
    QVERIFY(ics);
    // RFC 5545: with a TZID start, UNTIL is UTC; the end of 10 March in Berlin is 22:59:59Z.
    QVERIFY2(ics.value().contains("UNTIL=20250310T225959Z"), ics.value().constData());
}

void tst_CalendarExport::badScheduleIsRefused()
{
    const auto badZone
        = exportCalendar({{u"b@chorus"_s,
                           u"b"_s,
                           {},
                           {u"FREQ=DAILY"_s, QDate(2025, 3, 1), QTime(19, 0), "Atlantis/Capital"},
                           std::chrono::minutes(30)}},
                         utc(2025, 1, 1, 0));
    QVERIFY(!badZone);
    QCOMPARE(badZone.error().code, RecurrenceError::Code::UnknownTimeZone);
    const auto badRule
        = exportCalendar({{u"b@chorus"_s,
                           u"b"_s,
                           {},
                           {u"FREQ=NEVER"_s, QDate(2025, 3, 1), QTime(19, 0), "Europe/Berlin"},
                           std::chrono::minutes(30)}},
                         utc(2025, 1, 1, 0));
    QVERIFY(!badRule);
    QCOMPARE(badRule.error().code, RecurrenceError::Code::InvalidValue);
}

QTEST_GUILESS_MAIN(tst_CalendarExport)
#include "tst_calendarexport.moc"
