// Chinese dates and times: 今天 明早 后天, 周五 / 星期五 / 下个礼拜五, 5月10号, 下午3点半.
#include "sales/NumberWords_p.h"
#include "sales/WhenFinder_p.h"

using namespace Qt::StringLiterals;

namespace chorus::sales::parsing {

namespace {

// The Han characters from unit i on, as one string (at most `count` of them, no spaces).
QString hanRun(const TextUnits &units, qsizetype i, int count)
{
    QString run;
    for (qsizetype k = i; k < units.size() && k < i + count; ++k) {
        if (units.at(k).kind != Unit::Kind::Han || (k > i && units.at(k).spaceBefore))
            break;
        run += units.at(k).text;
    }
    return run;
}

int weekdayDigit(QChar c)
{
    switch (c.unicode()) {
    case u'一':
        return 1;
    case u'二':
        return 2;
    case u'三':
        return 3;
    case u'四':
        return 4;
    case u'五':
        return 5;
    case u'六':
        return 6;
    case u'日':
    case u'天':
    case u'七':
        return 7;
    default:
        return 0;
    }
}

} // namespace

std::optional<DateHit> WhenFinder::chineseDateAt(const TextUnits &units, qsizetype i) const
{
    const Unit &unit = units.at(i);
    const auto hit = [&](QDate date, qsizetype last, DayPart part = DayPart::None,
                         bool past = false) -> std::optional<DateHit> {
        if (!date.isValid())
            return std::nullopt;
        return DateHit {date, i, last, part, past};
    };
    if (unit.kind == Unit::Kind::Han) {
        const QString run = hanRun(units, i, 6);
        struct Relative
        {
            const char16_t *text;
            int days;
            DayPart part;
        };
        static constexpr Relative relatives[] = {
            {u"大后天", 3, DayPart::None},  {u"今天", 0, DayPart::None},
            {u"今日", 0, DayPart::None},    {u"今晚", 0, DayPart::Evening},
            {u"今早", 0, DayPart::Morning}, {u"明天", 1, DayPart::None},
            {u"明日", 1, DayPart::None},    {u"明早", 1, DayPart::Morning},
            {u"明晚", 1, DayPart::Evening}, {u"后天", 2, DayPart::None},
            {u"昨天", -1, DayPart::None},   {u"昨晚", -1, DayPart::Evening},
            {u"前天", -2, DayPart::None},
        };
        for (const Relative &r : relatives) {
            const QStringView text(r.text);
            if (run.startsWith(text))
                return hit(m_today.addDays(r.days), i + text.size() - 1, r.part, r.days < 0);
        }
        // [这|本|这个|下|下个|上|上个](周|星期|礼拜)X, 周末
        int weekOffset = -1;
        qsizetype k = 0;
        if (run.startsWith(u"这个") || run.startsWith(u"下个") || run.startsWith(u"上个")) {
            weekOffset = run.front() == u'这' ? 0 : run.front() == u'下' ? 1 : -2;
            k = 2;
        } else if (run.startsWith(u'这') || run.startsWith(u'本') || run.startsWith(u'下')
                   || run.startsWith(u'上')) {
            weekOffset = (run.front() == u'这' || run.front() == u'本') ? 0
                : run.front() == u'下'                                  ? 1
                                                                        : -2;
            k = 1;
        }
        qsizetype dayAt = -1;
        if (run.mid(k).startsWith(u"星期") || run.mid(k).startsWith(u"礼拜"))
            dayAt = k + 2;
        else if (run.mid(k).startsWith(u'周'))
            dayAt = k + 1;
        if (dayAt > 0 && dayAt <= run.size()) {
            if (run.mid(dayAt).startsWith(u'末')) {
                const QDate saturday = weekOffset == 1 ? weekday(6, 1, false)
                    : m_today.dayOfWeek() >= 6         ? m_today
                                                       : weekday(6, -1, false);
                return hit(saturday, i + dayAt);
            }
            if (dayAt < run.size()) {
                if (const int dow = weekdayDigit(run.at(dayAt))) {
                    if (weekOffset == -2) // 上周五: last week, a report
                        return hit(weekday(dow, 0, false).addDays(-7), i + dayAt, DayPart::None,
                                   true);
                    const QDate date
                        = weekOffset < 0 ? weekday(dow, -1, true) : weekday(dow, weekOffset, false);
                    return hit(date, i + dayAt);
                }
            }
            if (weekOffset == -2 && run.mid(k).startsWith(u'周'))
                return hit(m_today.addDays(-7), i + k, DayPart::None, true); // 上周
        }
    }
    // N月N(日|号), N(日|号)
    const auto first = numberAt(units, i);
    if (!first || first->value < 1 || first->value > 31)
        return std::nullopt;
    qsizetype j = first->last + 1;
    if (units.is(j, u"月") && first->value <= 12) {
        const auto day = numberAt(units, j + 1);
        if (day && day->value >= 1 && day->value <= 31
            && units.isAny(day->last + 1, {u"日", u"号", u"號"}))
            return hit(monthDay(first->value, day->value), day->last + 1);
        return std::nullopt;
    }
    if (units.isAny(j, {u"日", u"号", u"號"}) && !units.is(i - 1, u"月"))
        return hit(dayOfMonth(first->value), j);
    return std::nullopt;
}

std::optional<TimeHit> WhenFinder::chineseTimeAt(const TextUnits &units, qsizetype i) const
{
    DayPart part = DayPart::None;
    qsizetype j = i;
    if (const auto prefix = dayPartAt(units, i); prefix && units.isHan(i)) {
        part = prefix->part;
        j = prefix->last + 1;
    } else if (units.isAny(i, {u"早", u"晚"}) && numberAt(units, i + 1)) {
        part = units.is(i, u"早") ? DayPart::Morning : DayPart::Evening;
        j = i + 1;
    }
    const auto hour = numberAt(units, j);
    if (!hour || hour->value > 24)
        return std::nullopt;
    // 一点 alone is "a little" (便宜一点), not one o'clock.
    if (part == DayPart::None && hour->word && hour->value == 1 && hour->last == j)
        return std::nullopt;
    qsizetype k = hour->last + 1;
    int minute = 0;
    if (units.isAny(k, {u"点", u"點", u"时"})) {
        qsizetype last = k;
        if (units.is(k + 1, u"半")) {
            minute = 30;
            last = k + 1;
        } else if (units.is(k + 1, u"一") && units.is(k + 2, u"刻")) {
            minute = 15;
            last = k + 2;
        } else if (units.is(k + 1, u"三") && units.is(k + 2, u"刻")) {
            minute = 45;
            last = k + 2;
        } else if (const auto m = numberAt(units, k + 1);
                   m && m->value < 60 && !units.at(k + 1).spaceBefore) {
            // 3点15分, 3点15 (but not 3点 两位)
            minute = m->value;
            last = units.is(m->last + 1, u"分") ? m->last + 1 : m->last;
        }
        if (units.is(last + 1, u"钟"))
            ++last;
        return TimeHit {hour->value, minute, hour->value >= 13, part, i, last};
    }
    // 下午3:30
    if (part != DayPart::None && k + 1 < units.size() && units.at(k).text == u":"
        && units.isNumber(k + 1) && units.at(k + 1).text.size() == 2) {
        minute = units.at(k + 1).text.toInt();
        if (minute < 60)
            return TimeHit {hour->value, minute, hour->value >= 13, part, i, k + 1};
    }
    return std::nullopt;
}

} // namespace chorus::sales::parsing
