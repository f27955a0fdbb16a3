#pragma once

// Private to OrderRequestParser: dates and times in English and Chinese ("Friday 7pm",
// "tmrw", "on the 3rd", "4/5", "明天早上7点", "下周五", "后天下午3点半"), resolved against
// the local day and time of the message in the group's zone.

#include "sales/TextUnits_p.h"

#include <QDate>
#include <QLocale>
#include <QTime>

#include <optional>

namespace chorus::sales::parsing {

/// Part of the day a word names; it decides whether "7" means 07:00 or 19:00.
enum class DayPart { None, EarlyMorning, Morning, Noon, Afternoon, Evening };

struct DateHit
{
    QDate date;
    qsizetype first = 0, last = 0;
    DayPart part = DayPart::None; ///< "tonight", "明早"
    bool past = false; ///< "yesterday", "上周": not a wish, a report
};

struct TimeHit
{
    int hour = 0, minute = 0;
    bool exact = false; ///< am/pm given, or a 24-hour clock ("14:20", "07:00")
    DayPart part = DayPart::None; ///< a part of day written right before it ("下午3点")
    qsizetype first = 0, last = 0;
};

struct DayPartHit
{
    DayPart part = DayPart::None;
    qsizetype first = 0, last = 0;
};

/// What was found: every hit (for cues), and the chosen date and time.
struct WhenHits
{
    QList<DateHit> dates;
    QList<TimeHit> times;
    QList<DayPartHit> parts;
    std::optional<DateHit> date; ///< the first date that is not in the past
    std::optional<TimeHit> time; ///< the first time, its hour resolved to 0..23
};

class WhenFinder
{
public:
    /// `today` and `now` are the message's local date and time in the group's zone;
    /// `locale` orders numeric dates (month first in en_US and zh_CN, day first in en_GB).
    WhenFinder(QDate today, QTime now, const QLocale &locale);

    /// Finds dates and times among unclaimed units and claims them.
    WhenHits find(TextUnits &units) const;

    /// The hour on a 24-hour clock for "hour" said with `part` (or guessed without).
    static int resolveHour(int hour, bool exact, DayPart part);

private:
    std::optional<DateHit> englishDateAt(const TextUnits &units, qsizetype i) const;
    std::optional<DateHit> chineseDateAt(const TextUnits &units, qsizetype i) const;
    std::optional<TimeHit> englishTimeAt(const TextUnits &units, qsizetype i) const;
    std::optional<TimeHit> chineseTimeAt(const TextUnits &units, qsizetype i) const;
    std::optional<DayPartHit> dayPartAt(const TextUnits &units, qsizetype i) const;

    QDate weekday(int dayOfWeek, int weekOffset, bool strictlyAfterToday) const;
    QDate dayOfMonth(int day) const;
    QDate monthDay(int month, int day) const;

    QDate m_today;
    QTime m_now;
    bool m_monthFirst = true;
};

} // namespace chorus::sales::parsing
