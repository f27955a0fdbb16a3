#include "activities/Recurrence.h"
#include "activities/SendPlan.h"

#include <QTest>

#include <algorithm>
#include <random>

using namespace Qt::StringLiterals;
using namespace chorus::activities;

namespace {

QDateTime utc(int y, int m, int d, int h, int min = 0, int s = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min, s), Qt::UTC);
}

Recurrence make(const QString &rule, QDate date, QTime time, const QByteArray &zone)
{
    auto r = Recurrence::create({rule, date, time, zone});
    if (!r)
        qFatal("unexpected invalid rule %s: %s", qPrintable(rule), qPrintable(r.error().message));
    return r.value();
}

QTime localTime(const Firing &f, const QByteArray &zone)
{
    return f.at.toTimeZone(QTimeZone(zone)).time();
}

} // namespace

class tst_Recurrence : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void dailyStaysLocalAcrossDst_data();
    void dailyStaysLocalAcrossDst();
    void springForwardGapShiftsForward();
    void fallBackOverlapFiresOnceAtFirstOccurrence();
    void losAngelesGapAndOverlap();
    void makassarHasNoShifts();
    void hourlyAcrossGapNeverFiresTwice();
    void invalidRules_data();
    void invalidRules();
    void unknownZones_data();
    void unknownZones();
    void acceptsPrefixAndLowerCase();
    void subDailyRulesWithFilters();
    void windowIsHalfOpenAndNextIsStrict();
    void windowsAgreeWithFullExpansion_data();
    void windowsAgreeWithFullExpansion();
    void untilAndCount();
    void previewShowsGroupAndOperatorTime();
    void staggeredSendsAreSpacedAndDeterministic();
    void eachGroupFiresOnItsOwnClock();
};

void tst_Recurrence::dailyStaysLocalAcrossDst_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QDate>("start");
    QTest::addColumn<int>("offsetBefore"); // hours
    QTest::addColumn<int>("offsetAfter");
    QTest::newRow("Berlin spring") << "Europe/Berlin"_ba << QDate(2025, 3, 26) << 1 << 2;
    QTest::newRow("Berlin autumn") << "Europe/Berlin"_ba << QDate(2025, 10, 22) << 2 << 1;
    QTest::newRow("Los Angeles spring")
        << "America/Los_Angeles"_ba << QDate(2025, 3, 5) << -8 << -7;
    QTest::newRow("Los Angeles autumn")
        << "America/Los_Angeles"_ba << QDate(2025, 10, 29) << -7 << -8;
}

void tst_Recurrence::dailyStaysLocalAcrossDst()
{
    QFETCH(QByteArray, zone);
    QFETCH(QDate, start);
    QFETCH(int, offsetBefore);
    QFETCH(int, offsetAfter);
    const Recurrence r = make(u"FREQ=DAILY"_s, start, QTime(19, 0), zone);
    const QList<Firing> firings = r.nextFirings(QDateTime(start, QTime(0, 0), Qt::UTC), 10);
    QCOMPARE(firings.size(), 10);
    QCOMPARE(firings.front().localDate, start);
    for (qsizetype i = 0; i < firings.size(); ++i) {
        const Firing &f = firings[i];
        QCOMPARE(localTime(f, zone), QTime(19, 0));
        QCOMPARE(f.localDate, start.addDays(i));
        QCOMPARE(f.adjustment, LocalTimeAdjustment::None);
    }
    // The UTC instant moves by the DST change: 19:00 local is not a fixed UTC time.
    const int firstOffset = int(firings.front().at.toTimeZone(QTimeZone(zone)).offsetFromUtc());
    const int lastOffset = int(firings.back().at.toTimeZone(QTimeZone(zone)).offsetFromUtc());
    QCOMPARE(firstOffset, offsetBefore * 3600);
    QCOMPARE(lastOffset, offsetAfter * 3600);
    QCOMPARE(firings.front().at.time(), QTime((19 - offsetBefore + 24) % 24, 0));
    QCOMPARE(firings.back().at.time(), QTime((19 - offsetAfter + 24) % 24, 0));
}

void tst_Recurrence::springForwardGapShiftsForward()
{
    // 30 March 2025: Berlin clocks jump from 02:00 CET to 03:00 CEST; 02:30 does not exist.
    const Recurrence r = make(u"FREQ=DAILY"_s, QDate(2025, 3, 28), QTime(2, 30), "Europe/Berlin");
    const QList<Firing> f = r.nextFirings(utc(2025, 3, 27, 0), 4);
    QCOMPARE(f.size(), 4);
    QCOMPARE(f[0].at, utc(2025, 3, 28, 1, 30)); // 02:30 CET
    QCOMPARE(f[1].at, utc(2025, 3, 29, 1, 30));
    QCOMPARE(f[2].localDate, QDate(2025, 3, 30));
    QCOMPARE(f[2].localTime, QTime(2, 30));
    QCOMPARE(f[2].adjustment, LocalTimeAdjustment::ShiftedByGap);
    QCOMPARE(f[2].at, utc(2025, 3, 30, 1, 30)); // read with CET: 03:30 CEST on the wall
    QCOMPARE(localTime(f[2], "Europe/Berlin"), QTime(3, 30));
    QCOMPARE(f[3].at, utc(2025, 3, 31, 0, 30)); // 02:30 CEST again
    QCOMPARE(f[3].adjustment, LocalTimeAdjustment::None);
}

void tst_Recurrence::fallBackOverlapFiresOnceAtFirstOccurrence()
{
    // 26 October 2025: Berlin clocks go from 03:00 CEST back to 02:00 CET; 02:30 happens twice.
    const Recurrence r = make(u"FREQ=DAILY"_s, QDate(2025, 10, 24), QTime(2, 30), "Europe/Berlin");
    const QList<Firing> f = r.firingsBetween(utc(2025, 10, 24, 0), utc(2025, 10, 28, 0));
    QCOMPARE(f.size(), 4);
    QCOMPARE(f[2].localDate, QDate(2025, 10, 26));
    QCOMPARE(f[2].adjustment, LocalTimeAdjustment::FirstOfRepeat);
    QCOMPARE(f[2].at, utc(2025, 10, 26, 0, 30)); // 02:30 CEST, not 02:30 CET (01:30Z)
    for (const Firing &firing : f)
        QVERIFY2(firing.at != utc(2025, 10, 26, 1, 30), "the repeated 02:30 fired again");
    QCOMPARE(f[3].at, utc(2025, 10, 27, 1, 30));
}

void tst_Recurrence::losAngelesGapAndOverlap()
{
    // 9 March 2025 02:00 PST -> 03:00 PDT; 2 November 2025 02:00 PDT -> 01:00 PST.
    const Recurrence spring
        = make(u"FREQ=DAILY"_s, QDate(2025, 3, 8), QTime(2, 15), "America/Los_Angeles");
    const QList<Firing> s = spring.nextFirings(utc(2025, 3, 8, 0), 3);
    QCOMPARE(s[0].at, utc(2025, 3, 8, 10, 15));
    QCOMPARE(s[1].adjustment, LocalTimeAdjustment::ShiftedByGap);
    QCOMPARE(s[1].at, utc(2025, 3, 9, 10, 15)); // 03:15 PDT
    QCOMPARE(s[2].at, utc(2025, 3, 10, 9, 15));

    const Recurrence autumn
        = make(u"FREQ=DAILY"_s, QDate(2025, 11, 1), QTime(1, 30), "America/Los_Angeles");
    const QList<Firing> a = autumn.nextFirings(utc(2025, 11, 1, 0), 3);
    QCOMPARE(a[0].at, utc(2025, 11, 1, 8, 30));
    QCOMPARE(a[1].adjustment, LocalTimeAdjustment::FirstOfRepeat);
    QCOMPARE(a[1].at, utc(2025, 11, 2, 8, 30)); // 01:30 PDT, the first one
    QCOMPARE(a[2].at, utc(2025, 11, 3, 9, 30));
}

void tst_Recurrence::makassarHasNoShifts()
{
    // Bali (Asia/Makassar) is UTC+8 all year: 08:00 local is 00:00Z every day.
    const Recurrence r = make(u"FREQ=DAILY"_s, QDate(2025, 1, 1), QTime(8, 0), "Asia/Makassar");
    const QList<Firing> year = r.firingsBetween(utc(2025, 1, 1, 0), utc(2026, 1, 1, 0));
    QCOMPARE(year.size(), 365);
    for (const Firing &f : year) {
        QCOMPARE(f.at.time(), QTime(0, 0));
        QCOMPARE(f.adjustment, LocalTimeAdjustment::None);
        QCOMPARE(localTime(f, "Asia/Makassar"), QTime(8, 0));
    }
}

void tst_Recurrence::hourlyAcrossGapNeverFiresTwice()
{
    const Recurrence r
        = make(u"FREQ=HOURLY;BYMINUTE=30"_s, QDate(2025, 3, 29), QTime(22, 30), "Europe/Berlin");
    const QList<Firing> f = r.firingsBetween(utc(2025, 3, 29, 0), utc(2025, 3, 30, 6));
    for (qsizetype i = 1; i < f.size(); ++i)
        QVERIFY2(f[i - 1].at < f[i].at, "firings must be strictly increasing: none twice");
    // 01:30 CET, then the nonexistent 02:30 (moved to 01:30Z) meets 03:30 CEST (01:30Z): once.
    const auto at0130z = std::count_if(
        f.cbegin(), f.cend(), [](const Firing &x) { return x.at == utc(2025, 3, 30, 1, 30); });
    QCOMPARE(at0130z, 1);
    QVERIFY(std::any_of(f.cbegin(), f.cend(),
                        [](const Firing &x) { return x.at == utc(2025, 3, 30, 0, 30); }));
}

void tst_Recurrence::invalidRules_data()
{
    using Code = RecurrenceError::Code;
    QTest::addColumn<QString>("rule");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("part");
    QTest::newRow("empty") << u""_s << int(Code::EmptyRule) << u""_s;
    QTest::newRow("only prefix") << u"RRULE:"_s << int(Code::EmptyRule) << u""_s;
    QTest::newRow("misspelt frequency")
        << u"FREQ=DAYLY"_s << int(Code::InvalidValue) << u"FREQ=DAYLY"_s;
    QTest::newRow("no frequency") << u"BYHOUR=3"_s << int(Code::MissingFrequency) << u"BYHOUR=3"_s;
    QTest::newRow("unknown part") << u"FOO=1;FREQ=DAILY"_s << int(Code::UnknownPart) << u"FOO=1"_s;
    QTest::newRow("hour out of range")
        << u"FREQ=DAILY;BYHOUR=25"_s << int(Code::InvalidValue) << u"BYHOUR=25"_s;
    QTest::newRow("bad weekday") << u"FREQ=WEEKLY;BYDAY=XX"_s << int(Code::InvalidValue)
                                 << u"BYDAY=XX"_s;
    QTest::newRow("count and until")
        << u"FREQ=DAILY;COUNT=2;UNTIL=20250101"_s << int(Code::CountWithUntil) << u""_s;
    QTest::newRow("every second") << u"FREQ=SECONDLY"_s << int(Code::TooFrequent)
                                  << u"FREQ=SECONDLY"_s;
    QTest::newRow("twice") << u"FREQ=DAILY;FREQ=WEEKLY"_s << int(Code::DuplicatePart)
                           << u"FREQ=WEEKLY"_s;
    QTest::newRow("no value") << u"FREQ"_s << int(Code::Syntax) << u"FREQ"_s;
    QTest::newRow("zero interval")
        << u"FREQ=DAILY;INTERVAL=0"_s << int(Code::InvalidValue) << u"INTERVAL=0"_s;
    QTest::newRow("bad until") << u"FREQ=DAILY;UNTIL=2025-01-01"_s << int(Code::InvalidValue)
                               << u"UNTIL=2025-01-01"_s;
    QTest::newRow("30 February") << u"FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"_s
                                 << int(Code::NoOccurrences) << u""_s;
    QTest::newRow("until before start")
        << u"FREQ=DAILY;UNTIL=20200101"_s << int(Code::NoOccurrences) << u""_s;
    QTest::newRow("date filter on a minutely rule")
        << u"FREQ=MINUTELY;BYMONTH=2;BYMONTHDAY=30"_s << int(Code::Unsupported) << u"BYMONTH=2"_s;
    QTest::newRow("hourly in steps that never reach the hour")
        << u"FREQ=HOURLY;INTERVAL=2;BYHOUR=2"_s << int(Code::NoOccurrences) << u""_s;
    QTest::newRow("weekly steps that never reach the weekday")
        << u"FREQ=HOURLY;INTERVAL=168;BYDAY=SU"_s << int(Code::NoOccurrences) << u""_s;
    QTest::newRow("non-Gregorian")
        << u"RSCALE=CHINESE;FREQ=YEARLY"_s << int(Code::UnknownPart) << u"RSCALE=CHINESE"_s;
}

void tst_Recurrence::invalidRules()
{
    QFETCH(QString, rule);
    QFETCH(int, code);
    QFETCH(QString, part);
    auto r = Recurrence::create({rule, QDate(2025, 3, 1), QTime(19, 0), "Europe/Berlin"});
    QVERIFY(!r);
    QCOMPARE(int(r.error().code), code);
    if (!part.isEmpty())
        QCOMPARE(r.error().part, part);
    QVERIFY(!r.error().message.isEmpty());
}

void tst_Recurrence::unknownZones_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::newRow("made up") << "Mars/Olympus_Mons"_ba;
    QTest::newRow("misspelt") << "Europe/Berln"_ba;
    QTest::newRow("empty") << QByteArray();
}

void tst_Recurrence::unknownZones()
{
    QFETCH(QByteArray, zone);
    auto r = Recurrence::create({u"FREQ=DAILY"_s, QDate(2025, 3, 1), QTime(19, 0), zone});
    QVERIFY(!r);
    QCOMPARE(r.error().code, RecurrenceError::Code::UnknownTimeZone);
    QCOMPARE(r.error().part, QString::fromUtf8(zone));
    QVERIFY(r.error().message.contains(QString::fromUtf8(zone)));
}

void tst_Recurrence::acceptsPrefixAndLowerCase()
{
    const Recurrence r
        = make(u"rrule:freq=weekly;byday=mo,we"_s, QDate(2025, 3, 3), QTime(7, 0), "Asia/Makassar");
    QCOMPARE(r.rule().normalized, u"FREQ=WEEKLY;BYDAY=MO,WE"_s);
    const QList<Firing> f = r.nextFirings(utc(2025, 3, 1, 0), 4);
    QCOMPARE(f.size(), 4);
    QCOMPARE(f[0].localDate, QDate(2025, 3, 3)); // Monday
    QCOMPARE(f[1].localDate, QDate(2025, 3, 5)); // Wednesday
    QCOMPARE(f[2].localDate, QDate(2025, 3, 10));
}

void tst_Recurrence::subDailyRulesWithFilters()
{
    // Every two hours from 19:00 on a Saturday, only at 09:00, 11:00 and 13:00 on weekdays.
    const Recurrence hourly = make(u"FREQ=HOURLY;INTERVAL=2;BYHOUR=9,11,13;BYDAY=MO,TU"_s,
                                   QDate(2025, 3, 1), QTime(19, 0), "Asia/Makassar");
    QStringList local;
    for (const Firing &f : hourly.nextFirings(utc(2025, 3, 1, 0), 7))
        local.append(f.at.toTimeZone(QTimeZone("Asia/Makassar")).toString(u"ddd HH:mm"_s));
    QCOMPARE(local,
             (QStringList {u"Mon 09:00"_s, u"Mon 11:00"_s, u"Mon 13:00"_s, u"Tue 09:00"_s,
                           u"Tue 11:00"_s, u"Tue 13:00"_s, u"Mon 09:00"_s}));
    const Recurrence halfHourly = make(u"FREQ=MINUTELY;INTERVAL=30;BYHOUR=9"_s, QDate(2025, 3, 1),
                                       QTime(19, 0), "Asia/Makassar");
    const QList<Firing> f = halfHourly.nextFirings(utc(2025, 3, 1, 0), 3);
    QCOMPARE(f[0].at, utc(2025, 3, 2, 1, 0));
    QCOMPARE(f[1].at, utc(2025, 3, 2, 1, 30));
    QCOMPARE(f[2].at, utc(2025, 3, 3, 1, 0));
}

void tst_Recurrence::windowIsHalfOpenAndNextIsStrict()
{
    const Recurrence r = make(u"FREQ=DAILY"_s, QDate(2025, 6, 1), QTime(19, 0), "Europe/Berlin");
    const QDateTime first = utc(2025, 6, 1, 17);
    const QDateTime third = utc(2025, 6, 3, 17);
    QCOMPARE(r.firingsBetween(first, third).size(), 2); // [from, to)
    QCOMPARE(r.firingsBetween(first, third.addSecs(1)).size(), 3);
    QCOMPARE(r.nextFirings(first, 1).front().at, utc(2025, 6, 2, 17)); // strictly after
    QCOMPARE(r.nextFirings(first.addMSecs(-1), 1).front().at, first);
    QCOMPARE(r.nextFirings(first.addMSecs(1), 1).front().at, utc(2025, 6, 2, 17));
    QVERIFY(r.firingsBetween(third, first).isEmpty());
}

void tst_Recurrence::windowsAgreeWithFullExpansion_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QByteArray>("zone");
    QTest::newRow("weekly two days Berlin") << u"FREQ=WEEKLY;BYDAY=MO,TH"_s << "Europe/Berlin"_ba;
    QTest::newRow("last Friday LA") << u"FREQ=MONTHLY;BYDAY=-1FR"_s << "America/Los_Angeles"_ba;
    QTest::newRow("every 3 days at 02:30 Berlin")
        << u"FREQ=DAILY;INTERVAL=3"_s << "Europe/Berlin"_ba;
    QTest::newRow("last Sunday of March, in the gap")
        << u"FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"_s << "Europe/Berlin"_ba;
    QTest::newRow("31st of the month") << u"FREQ=MONTHLY;BYMONTHDAY=31"_s << "Europe/Berlin"_ba;
    QTest::newRow("twice a day Bali")
        << u"FREQ=DAILY;BYHOUR=8,20;BYMINUTE=0"_s << "Asia/Makassar"_ba;
}

void tst_Recurrence::windowsAgreeWithFullExpansion()
{
    // A window query jumps ahead inside libical; it must find exactly what walking from
    // the start finds.
    QFETCH(QString, rule);
    QFETCH(QByteArray, zone);
    const Recurrence r = make(rule, QDate(2024, 1, 1), QTime(2, 30), zone);
    const QList<Firing> all = r.firingsBetween(utc(2023, 12, 30, 0), utc(2027, 1, 1, 0));
    QVERIFY(all.size() >= 3);
    std::mt19937 random(42);
    std::uniform_int_distribution<qint64> secs(utc(2024, 1, 1, 0).toSecsSinceEpoch(),
                                               utc(2026, 12, 1, 0).toSecsSinceEpoch());
    for (int i = 0; i < 40; ++i) {
        const QDateTime from = QDateTime::fromSecsSinceEpoch(secs(random), Qt::UTC);
        const QDateTime to = std::min(from.addDays(1 + int(secs(random) % 90)), utc(2027, 1, 1, 0));
        QList<Firing> expected;
        std::copy_if(all.cbegin(), all.cend(), std::back_inserter(expected),
                     [&](const Firing &f) { return f.at >= from && f.at < to; });
        QCOMPARE(r.firingsBetween(from, to), expected);
        const auto next
            = std::find_if(all.cbegin(), all.cend(), [&](const Firing &f) { return f.at > from; });
        if (next != all.cend())
            QCOMPARE(r.nextFirings(from, 1).front(), *next);
    }
}

void tst_Recurrence::untilAndCount()
{
    // UNTIL as a date is inclusive in the group's own calendar.
    const Recurrence byDate = make(u"FREQ=DAILY;UNTIL=20250305"_s, QDate(2025, 3, 1), QTime(23, 30),
                                   "America/Los_Angeles");
    const QList<Firing> d = byDate.nextFirings(utc(2025, 1, 1, 0), 100);
    QCOMPARE(d.size(), 5);
    QCOMPARE(d.back().localDate, QDate(2025, 3, 5)); // 07:30Z on the 6th, still the 5th locally

    const Recurrence byInstant = make(u"FREQ=DAILY;UNTIL=20250303T180000Z"_s, QDate(2025, 3, 1),
                                      QTime(19, 0), "Europe/Berlin");
    QCOMPARE(byInstant.nextFirings(utc(2025, 1, 1, 0), 100).size(), 3); // 1st..3rd at 18:00Z

    const Recurrence counted
        = make(u"FREQ=WEEKLY;COUNT=4"_s, QDate(2025, 3, 1), QTime(9, 0), "Europe/Berlin");
    QCOMPARE(counted.nextFirings(utc(2025, 1, 1, 0), 100).size(), 4);
    QCOMPARE(counted.nextFirings(utc(2025, 3, 10, 0), 100).size(), 2);
}

void tst_Recurrence::previewShowsGroupAndOperatorTime()
{
    const Recurrence r = make(u"FREQ=DAILY"_s, QDate(2025, 3, 28), QTime(19, 0), "Europe/Berlin");
    const QList<FiringPreview> p = r.preview(utc(2025, 3, 28, 0), 3, QTimeZone("Asia/Shanghai"));
    QCOMPARE(p.size(), 3);
    QCOMPARE(p[0].groupTime.time(), QTime(19, 0));
    QCOMPARE(p[0].operatorTime.time(), QTime(2, 0)); // +7 h in winter
    QCOMPARE(p[0].operatorTime.date(), QDate(2025, 3, 29));
    QCOMPARE(p[0].dayDifference, 1);
    QCOMPARE(p[2].groupTime.time(), QTime(19, 0));
    QCOMPARE(p[2].operatorTime.time(), QTime(1, 0)); // +6 h once Berlin is on summer time
    QCOMPARE(p[2].operatorTime.timeZone().id(), "Asia/Shanghai"_ba);
}

void tst_Recurrence::staggeredSendsAreSpacedAndDeterministic()
{
    QList<GroupTarget> groups;
    for (int i = 0; i < 10; ++i)
        groups.append({u"class%1@rooms.example"_s.arg(i), "Europe/Berlin"});
    std::mt19937 random(7);
    QList<GroupTarget> shuffled = groups;
    std::shuffle(shuffled.begin(), shuffled.end(), random);
    shuffled.append(groups.front()); // listed twice: still one send per firing

    const auto plan = planSends(u"FREQ=DAILY"_s, QDate(2025, 3, 1), QTime(19, 0), shuffled,
                                utc(2025, 3, 3, 0), utc(2025, 3, 4, 0), std::chrono::seconds(20));
    QVERIFY(plan);
    const QList<PlannedSend> &sends = plan.value();
    QCOMPARE(sends.size(), 10);
    for (int i = 0; i < 10; ++i) {
        QCOMPARE(sends[i].groupId, u"class%1@rooms.example"_s.arg(i));
        QCOMPARE(sends[i].firing.at, utc(2025, 3, 3, 18));
        QCOMPARE(sends[i].sendAt, utc(2025, 3, 3, 18).addSecs(20 * i));
    }
    const auto again = planSends(u"FREQ=DAILY"_s, QDate(2025, 3, 1), QTime(19, 0), groups,
                                 utc(2025, 3, 3, 0), utc(2025, 3, 4, 0), std::chrono::seconds(20));
    QCOMPARE(again.value(), sends);
}

void tst_Recurrence::eachGroupFiresOnItsOwnClock()
{
    // A travel rep's 08:00 plan in Bali and in Berlin: two instants, no delay needed.
    const auto plan = planSends(
        u"FREQ=DAILY"_s, QDate(2025, 7, 1), QTime(8, 0),
        {{u"berlin@rooms"_s, "Europe/Berlin"}, {u"bali@rooms"_s, "Asia/Makassar"}},
        utc(2025, 7, 2, 0).addSecs(-12 * 3600), utc(2025, 7, 2, 12), std::chrono::seconds(20));
    QVERIFY(plan);
    QCOMPARE(plan.value().size(), 2);
    QCOMPARE(plan.value()[0].groupId, u"bali@rooms"_s);
    QCOMPARE(plan.value()[0].sendAt, utc(2025, 7, 2, 0));
    QCOMPARE(plan.value()[1].groupId, u"berlin@rooms"_s);
    QCOMPARE(plan.value()[1].sendAt, utc(2025, 7, 2, 6));

    const auto bad = planSends(u"FREQ=DAILY"_s, QDate(2025, 7, 1), QTime(8, 0),
                               {{u"x@rooms"_s, "Nowhere/Special"}}, utc(2025, 7, 1, 0),
                               utc(2025, 7, 3, 0), std::chrono::seconds(20));
    QVERIFY(!bad);
    QCOMPARE(bad.error().code, RecurrenceError::Code::UnknownTimeZone);
}

QTEST_GUILESS_MAIN(tst_Recurrence)
#include "tst_recurrence.moc"
