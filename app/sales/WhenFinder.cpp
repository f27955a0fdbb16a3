#include "sales/WhenFinder_p.h"

#include "sales/NumberWords_p.h"

#include <array>

using namespace Qt::StringLiterals;

namespace chorus::sales::parsing {

namespace {

struct Named
{
    const char16_t *word;
    int value;
};

constexpr std::array<Named, 17> kWeekdays {{{u"monday", 1},
                                            {u"mon", 1},
                                            {u"tuesday", 2},
                                            {u"tue", 2},
                                            {u"tues", 2},
                                            {u"wednesday", 3},
                                            {u"wed", 3},
                                            {u"weds", 3},
                                            {u"thursday", 4},
                                            {u"thu", 4},
                                            {u"thur", 4},
                                            {u"thurs", 4},
                                            {u"friday", 5},
                                            {u"fri", 5},
                                            {u"saturday", 6},
                                            {u"sat", 6},
                                            {u"sunday", 7}}};

constexpr std::array<Named, 23> kMonths {
    {{u"january", 1},   {u"jan", 1},   {u"february", 2}, {u"feb", 2},      {u"march", 3},
     {u"mar", 3},       {u"april", 4}, {u"apr", 4},      {u"may", 5},      {u"june", 6},
     {u"jun", 6},       {u"july", 7},  {u"jul", 7},      {u"august", 8},   {u"aug", 8},
     {u"september", 9}, {u"sep", 9},   {u"sept", 9},     {u"october", 10}, {u"oct", 10},
     {u"november", 11}, {u"nov", 11},  {u"december", 12}}};

template <std::size_t N> int lookup(const std::array<Named, N> &table, QStringView word)
{
    for (const Named &entry : table) {
        if (word == QStringView(entry.word))
            return entry.value;
    }
    return 0;
}

int weekdayOf(const TextUnits &units, qsizetype i)
{
    if (i < 0 || i >= units.size() || units.at(i).kind != Unit::Kind::Word)
        return 0;
    const QString &text = units.at(i).text;
    if (text == u"sun")
        return 7;
    if (text == u"dec")
        return 0;
    return lookup(kWeekdays, text) ? lookup(kWeekdays, text) : lookup(kWeekdays, units.at(i).stem);
}

int monthOf(const TextUnits &units, qsizetype i)
{
    if (i < 0 || i >= units.size() || units.at(i).kind != Unit::Kind::Word)
        return 0;
    if (units.at(i).text == u"dec")
        return 12;
    return lookup(kMonths, units.at(i).text);
}

bool isOrdinalSuffix(const TextUnits &units, qsizetype i)
{
    return i < units.size() && !units.at(i).spaceBefore
        && units.isAny(i, {u"st", u"nd", u"rd", u"th"});
}

// A number unit glued to the one before (no space): "7pm", "4/4", "14:20".
bool glued(const TextUnits &units, qsizetype i)
{
    return i < units.size() && !units.at(i).spaceBefore;
}

std::optional<int> smallNumber(const TextUnits &units, qsizetype i, int max)
{
    if (!units.isNumber(i) || units.at(i).text.size() > 2)
        return std::nullopt;
    const int value = units.at(i).text.toInt();
    return value <= max ? std::optional<int>(value) : std::nullopt;
}

} // namespace

WhenFinder::WhenFinder(QDate today, QTime now, const QLocale &locale) : m_today(today), m_now(now)
{
    const QString format = locale.dateFormat(QLocale::ShortFormat);
    const qsizetype month = format.indexOf(u'M'), day = format.indexOf(u'd');
    m_monthFirst = month >= 0 && day >= 0 ? month < day : true;
}

int WhenFinder::resolveHour(int hour, bool exact, DayPart part)
{
    if (exact)
        return hour % 24;
    switch (part) {
    case DayPart::EarlyMorning:
        return hour == 12 ? 0 : hour % 24;
    case DayPart::Morning:
        return hour % 24;
    case DayPart::Noon:
        return hour <= 2 ? hour + 12 : hour % 24;
    case DayPart::Afternoon:
        return hour < 12 ? hour + 12 : hour % 24;
    case DayPart::Evening:
        return hour == 12 ? 0 : (hour < 12 ? hour + 12 : hour % 24);
    case DayPart::None:
        break;
    }
    // Nobody books a massage or a class at 3 in the night: 1..6 are afternoon hours.
    return hour >= 1 && hour <= 6 ? hour + 12 : hour % 24;
}

QDate WhenFinder::weekday(int dayOfWeek, int weekOffset, bool strictlyAfterToday) const
{
    if (weekOffset < 0) {
        int delta = (dayOfWeek - m_today.dayOfWeek() + 7) % 7;
        if (delta == 0 && strictlyAfterToday)
            delta = 7;
        return m_today.addDays(delta);
    }
    const QDate monday = m_today.addDays(1 - m_today.dayOfWeek());
    return monday.addDays(7 * weekOffset + dayOfWeek - 1);
}

QDate WhenFinder::dayOfMonth(int day) const
{
    // "the 3rd": this month if it is still ahead, else the next month that has that day.
    QDate month(m_today.year(), m_today.month(), 1);
    for (int k = 0; k < 3; ++k, month = month.addMonths(1)) {
        const QDate date(month.year(), month.month(), day);
        if (date.isValid() && date >= m_today)
            return date;
    }
    return {};
}

QDate WhenFinder::monthDay(int month, int day) const
{
    QDate date(m_today.year(), month, day);
    if (date.isValid() && date < m_today)
        date = QDate(m_today.year() + 1, month, day);
    return date;
}

std::optional<DateHit> WhenFinder::englishDateAt(const TextUnits &units, qsizetype i) const
{
    const Unit &unit = units.at(i);
    const auto hit = [&](QDate date, qsizetype last, DayPart part = DayPart::None,
                         bool past = false) -> std::optional<DateHit> {
        if (!date.isValid())
            return std::nullopt;
        return DateHit {date, i, last, part, past};
    };
    if (unit.kind == Unit::Kind::Word) {
        const QString &w = unit.text;
        if (units.isSequence(i, u"the day after tomorrow"))
            return hit(m_today.addDays(2), i + 3);
        if (units.isSequence(i, u"day after tomorrow"))
            return hit(m_today.addDays(2), i + 2);
        if (w == u"today" || w == u"tdy")
            return hit(m_today, i);
        if (w == u"tonight" || w == u"tonite")
            return hit(m_today, i, DayPart::Evening);
        if (unit.stem == u"tomorrow" || w == u"tmrw" || w == u"tmr" || w == u"tmw"
            || w == u"tomorow" || w == u"tommorow" || w == u"tommorrow" || w == u"tmrrw")
            return hit(m_today.addDays(1), i);
        if (w == u"yesterday" || w == u"yday")
            return hit(m_today.addDays(-1), i, DayPart::None, true);
        if (w == u"last"
            && (units.isAny(i + 1, {u"night", u"week", u"time", u"month"})
                || weekdayOf(units, i + 1)))
            return hit(m_today.addDays(-1), i + 1, DayPart::None, true);
        if (w == u"this" && units.isAny(i + 1, {u"morning", u"afternoon", u"evening"})) {
            const DayPart part = units.is(i + 1, u"morning") ? DayPart::Morning
                : units.is(i + 1, u"afternoon")              ? DayPart::Afternoon
                                                             : DayPart::Evening;
            return hit(m_today, i + 1, part);
        }
        if (TextUnits::stem(w) == u"weekend" || (w == u"this" && units.is(i + 1, u"weekend"))) {
            const qsizetype last = w == u"this" ? i + 1 : i;
            return hit(m_today.dayOfWeek() >= 6 ? m_today : weekday(6, -1, false), last);
        }
        if ((w == u"next" || w == u"nxt") && weekdayOf(units, i + 1))
            return hit(weekday(weekdayOf(units, i + 1), 1, false), i + 1);
        if ((w == u"this" || w == u"coming") && weekdayOf(units, i + 1))
            return hit(weekday(weekdayOf(units, i + 1), -1, false), i + 1);
        if (const int dow = weekdayOf(units, i)) {
            // "sat" and "sun" are also words; as days they come after on/this/for or
            // before a time.
            if (w == u"sat" || w == u"sun") {
                const bool dayContext
                    = units.isAny(i - 1, {u"on", u"for", u"by", u"until", u"till", u"from"})
                    || units.isNumber(i + 1)
                    || units.isAny(i + 1, {u"morning", u"afternoon", u"evening", u"night"})
                    || i == 0;
                if (!dayContext)
                    return std::nullopt;
            }
            return hit(weekday(dow, -1, true), i);
        }
        if (const int month = monthOf(units, i)) {
            // "May 15", "may 15th" (a bare "may" is a verb).
            if (const auto day = smallNumber(units, i + 1, 31)) {
                const qsizetype last = isOrdinalSuffix(units, i + 2) ? i + 2 : i + 1;
                return hit(monthDay(month, *day), last);
            }
            return std::nullopt;
        }
        // "on the 3", "the 3rd"
        if (w == u"the" && units.isNumber(i + 1)) {
            const auto day = smallNumber(units, i + 1, 31);
            if (day && *day >= 1 && (isOrdinalSuffix(units, i + 2) || units.is(i - 1, u"on"))) {
                const qsizetype last = isOrdinalSuffix(units, i + 2) ? i + 2 : i + 1;
                if (units.is(last + 1, u"of") && monthOf(units, last + 2))
                    return hit(monthDay(monthOf(units, last + 2), *day), last + 2);
                return hit(dayOfMonth(*day), last);
            }
        }
        return std::nullopt;
    }
    if (unit.kind != Unit::Kind::Number)
        return std::nullopt;
    // "2moro", "2nite"
    if (unit.text == u"2" && glued(units, i + 1)) {
        if (units.isAny(i + 1, {u"moro", u"morrow", u"mrw", u"mrow"}))
            return hit(m_today.addDays(1), i + 1);
        if (units.isAny(i + 1, {u"nite", u"night"}))
            return hit(m_today, i + 1, DayPart::Evening);
    }
    const auto first = smallNumber(units, i, 31);
    if (!first)
        return std::nullopt;
    // "4/5", "12/4/2026": the operator's locale says which is the month.
    if (i + 1 < units.size() && units.at(i + 1).text == u"/") {
        if (glued(units, i + 1) && glued(units, i + 2)) {
            if (const auto second = smallNumber(units, i + 2, 31)) {
                const int month = m_monthFirst ? *first : *second;
                const int day = m_monthFirst ? *second : *first;
                qsizetype last = i + 2;
                QDate date = monthDay(month, day);
                if (i + 4 < units.size() && units.at(i + 3).text == u"/" && glued(units, i + 3)
                    && glued(units, i + 4) && units.isNumber(i + 4)
                    && units.at(i + 4).text.size() == 4) {
                    date = QDate(units.at(i + 4).text.toInt(), month, day);
                    last = i + 4;
                }
                return hit(date, last);
            }
        }
        return std::nullopt;
    }
    // "12th", "3rd of May", "15 May", "15th May"
    qsizetype next = i + 1;
    const bool ordinal = isOrdinalSuffix(units, next);
    if (ordinal)
        ++next;
    if (units.is(next, u"of") && monthOf(units, next + 1))
        return hit(monthDay(monthOf(units, next + 1), *first), next + 1);
    if (monthOf(units, next) && units.at(next).spaceBefore)
        return hit(monthDay(monthOf(units, next), *first), next);
    if (ordinal && *first >= 1)
        return hit(dayOfMonth(*first), i + 1);
    return std::nullopt;
}

std::optional<TimeHit> WhenFinder::englishTimeAt(const TextUnits &units, qsizetype i) const
{
    const Unit &unit = units.at(i);
    if (unit.kind == Unit::Kind::Word) {
        if (unit.text == u"noon" || unit.text == u"midday")
            return TimeHit {12, 0, true, DayPart::None, i, i};
        const bool half = units.isSequence(i, u"half past");
        const bool quarterPast = units.isSequence(i, u"quarter past");
        const bool quarterTo = units.isSequence(i, u"quarter to");
        if (half || quarterPast || quarterTo) {
            if (const auto hour = smallNumber(units, i + 2, 12); hour && *hour >= 1) {
                if (quarterTo)
                    return TimeHit {
                        *hour == 1 ? 12 : *hour - 1, 45, false, DayPart::None, i, i + 2};
                return TimeHit {*hour, half ? 30 : 15, false, DayPart::None, i, i + 2};
            }
        }
        return std::nullopt;
    }
    if (unit.kind != Unit::Kind::Number || unit.text.size() > 2)
        return std::nullopt;
    int hour = unit.text.toInt();
    int minute = 0;
    bool minutes = false;
    qsizetype j = i + 1;
    const bool leadingZero = unit.text.size() == 2 && unit.text.front() == u'0';
    // ":30", or ".30" when am/pm follows ("3.30pm").
    if (j + 1 < units.size() && glued(units, j) && glued(units, j + 1)
        && (units.at(j).text == u":" || units.at(j).text == u".") && units.isNumber(j + 1)
        && units.at(j + 1).text.size() == 2) {
        const bool dot = units.at(j).text == u".";
        const bool meridiemAfter = units.isAny(j + 2, {u"am", u"pm", u"a", u"p"});
        if (!dot || meridiemAfter) {
            minute = units.at(j + 1).text.toInt();
            minutes = true;
            j += 2;
        }
    }
    if (hour > 23 || minute > 59)
        return std::nullopt;
    // am / pm / a.m. / p.m.
    qsizetype meridiemLast = -1;
    bool pm = false;
    if (units.isAny(j, {u"am", u"pm"})) {
        meridiemLast = j;
        pm = units.is(j, u"pm");
    } else if (units.isAny(j, {u"a", u"p"}) && j + 2 < units.size() && units.at(j + 1).text == u"."
               && units.is(j + 2, u"m")) {
        meridiemLast = j + 2 + (j + 3 < units.size() && units.at(j + 3).text == u"." ? 1 : 0);
        pm = units.is(j, u"p");
    }
    if (meridiemLast >= 0) {
        if (hour < 1 || hour > 12)
            return std::nullopt;
        const int h24 = hour == 12 ? (pm ? 12 : 0) : (pm ? hour + 12 : hour);
        return TimeHit {h24, minute, true, DayPart::None, i, meridiemLast};
    }
    if (minutes) {
        const bool exact = hour >= 13 || hour == 0 || leadingZero;
        return TimeHit {hour, minute, exact, DayPart::None, i, j - 1};
    }
    if (hour < 1 || hour > 12)
        return std::nullopt;
    if (units.isAny(j, {u"ish", u"o'clock", u"oclock"}))
        return TimeHit {hour, 0, false, DayPart::None, i, j};
    // "at 9", "around 4": a bare hour, unless people or things are counted ("at 2 people").
    if (units.isAny(i - 1, {u"at", u"@", u"around", u"about", u"abt", u"~"})
        && !units.isAny(j,
                        {u"people", u"ppl", u"pax", u"persons", u"person", u"guests", u"of",
                         u"adults", u"kids", u"x"})
        && !(j < units.size() && units.at(j).text == u"/"))
        return TimeHit {hour, 0, false, DayPart::None, i, i};
    return std::nullopt;
}

std::optional<DayPartHit> WhenFinder::dayPartAt(const TextUnits &units, qsizetype i) const
{
    const Unit &unit = units.at(i);
    if (unit.kind == Unit::Kind::Word) {
        if (unit.text == u"morning" || unit.text == u"mornin")
            return DayPartHit {DayPart::Morning, i, i};
        if (unit.text == u"afternoon" || unit.text == u"arvo")
            return DayPartHit {DayPart::Afternoon, i, i};
        if (unit.text == u"evening" || unit.text == u"night")
            return DayPartHit {DayPart::Evening, i, i};
        return std::nullopt;
    }
    if (unit.kind != Unit::Kind::Han || i + 1 >= units.size())
        return std::nullopt;
    const QString pair = unit.text + units.at(i + 1).text;
    static const QList<std::pair<QString, DayPart>> parts {
        {u"早上"_s, DayPart::Morning},      {u"早晨"_s, DayPart::Morning},
        {u"上午"_s, DayPart::Morning},      {u"中午"_s, DayPart::Noon},
        {u"下午"_s, DayPart::Afternoon},    {u"傍晚"_s, DayPart::Evening},
        {u"晚上"_s, DayPart::Evening},      {u"夜里"_s, DayPart::Evening},
        {u"凌晨"_s, DayPart::EarlyMorning}, {u"半夜"_s, DayPart::EarlyMorning}};
    for (const auto &[text, part] : parts) {
        if (pair == text)
            return DayPartHit {part, i, i + 1};
    }
    return std::nullopt;
}

WhenHits WhenFinder::find(TextUnits &units) const
{
    WhenHits hits;
    for (qsizetype i = 0; i < units.size(); ++i) {
        if (units.at(i).used)
            continue;
        auto date = chineseDateAt(units, i);
        if (!date)
            date = englishDateAt(units, i);
        if (date && !units.anyUsed(date->first, date->last)) {
            units.claim(date->first, date->last);
            hits.dates.append(*date);
            i = date->last;
        }
    }
    for (qsizetype i = 0; i < units.size(); ++i) {
        if (units.at(i).used)
            continue;
        auto time = chineseTimeAt(units, i);
        if (!time)
            time = englishTimeAt(units, i);
        if (time && !units.anyUsed(time->first, time->last)) {
            units.claim(time->first, time->last);
            hits.times.append(*time);
            i = time->last;
        }
    }
    for (qsizetype i = 0; i < units.size(); ++i) {
        if (units.at(i).used)
            continue;
        if (const auto part = dayPartAt(units, i)) {
            units.claim(part->first, part->last);
            hits.parts.append(*part);
            i = part->last;
        }
    }
    // Meals say the part of the day even when they are part of an item's name
    // ("dinner at 7" is 19:00).
    for (qsizetype i = 0; i < units.size(); ++i) {
        const Unit &unit = units.at(i);
        DayPart part = DayPart::None;
        if (unit.stem == u"dinner" || unit.stem == u"supper")
            part = DayPart::Evening;
        else if (unit.stem == u"lunch")
            part = DayPart::Noon;
        else if (unit.stem == u"breakfast" || unit.stem == u"brunch")
            part = DayPart::Morning;
        else if (units.isHan(i) && i + 1 < units.size() && units.isHan(i + 1)) {
            const QString pair = unit.text + units.at(i + 1).text;
            if (pair == u"晚餐" || pair == u"晚饭")
                part = DayPart::Evening;
            else if (pair == u"午餐" || pair == u"午饭")
                part = DayPart::Noon;
            else if (pair == u"早餐" || pair == u"早饭")
                part = DayPart::Morning;
        }
        if (part != DayPart::None)
            hits.parts.append(DayPartHit {part, i, i});
    }
    for (const DateHit &date : std::as_const(hits.dates)) {
        if (!date.past) {
            hits.date = date;
            break;
        }
    }
    if (!hits.times.isEmpty()) {
        TimeHit time = hits.times.first();
        DayPart part = time.part;
        if (part == DayPart::None) {
            // The nearest part-of-day word in the same sentence ("tomorrow morning at 8").
            qsizetype best = -1;
            const int sentence = units.at(time.first).sentence;
            for (const DayPartHit &hit : std::as_const(hits.parts)) {
                if (units.at(hit.first).sentence != sentence)
                    continue;
                const qsizetype distance = std::abs(hit.first - time.first);
                if (best < 0 || distance < best) {
                    best = distance;
                    part = hit.part;
                }
            }
        }
        if (part == DayPart::None && hits.date)
            part = hits.date->part;
        time.hour = resolveHour(time.hour, time.exact, part);
        time.part = part;
        hits.time = time;
    }
    return hits;
}

} // namespace chorus::sales::parsing
