#include "activities/Recurrence.h"

#include <QCoreApplication>

#include <libical/ical.h>

#include <algorithm>
#include <memory>
#include <numeric>

using namespace Qt::StringLiterals;

namespace chorus::activities {
namespace {

// Wall-clock time and instant never differ by more than a day (UTC offsets stay within
// -12h..+14h), so two days of slack on either side bounds every search.
constexpr qint64 kMargin = 2 * 24 * 3600;
// Bounds one query's walk over the rule, whatever the rule is.
constexpr int kMaxSteps = 3'000'000;

icaltimetype toIcal(qint64 floatingSecs)
{
    const QDateTime f = QDateTime::fromSecsSinceEpoch(floatingSecs, Qt::UTC);
    icaltimetype t = icaltime_null_time();
    t.year = f.date().year();
    t.month = f.date().month();
    t.day = f.date().day();
    t.hour = f.time().hour();
    t.minute = f.time().minute();
    t.second = f.time().second();
    t.is_date = 0;
    t.zone = nullptr; // floating: libical iterates wall-clock fields only
    return t;
}

QDateTime fromIcal(const icaltimetype &t)
{
    return QDateTime(QDate(t.year, t.month, t.day), QTime(t.hour, t.minute, t.second), Qt::UTC);
}

struct IteratorDeleter
{
    void operator()(icalrecur_iterator *it) const { icalrecur_iterator_free(it); }
};
using Iterator = std::unique_ptr<icalrecur_iterator, IteratorDeleter>;

// Maps wall times to instants; caches stretches of a month with no zone transition so
// that dense rules do not query the zone database for every occurrence.
class ZoneMapper
{
public:
    explicit ZoneMapper(const QTimeZone &zone) : m_zone(zone) { }

    MappedLocalTime map(qint64 wall)
    {
        if (!(m_quiet && wall >= m_from && wall < m_to))
            refill(wall);
        if (m_quiet)
            return {QDateTime::fromSecsSinceEpoch(wall - m_offset, Qt::UTC),
                    LocalTimeAdjustment::None};
        const QDateTime f = QDateTime::fromSecsSinceEpoch(wall, Qt::UTC);
        return mapLocalTime(m_zone, f.date(), f.time());
    }

private:
    void refill(qint64 wall)
    {
        constexpr qint64 kSpan = 30 * 24 * 3600;
        m_from = wall;
        m_to = wall + kSpan;
        const auto transitions
            = m_zone.transitions(QDateTime::fromSecsSinceEpoch(m_from - kMargin, Qt::UTC),
                                 QDateTime::fromSecsSinceEpoch(m_to + kMargin, Qt::UTC));
        m_quiet = transitions.isEmpty();
        if (m_quiet)
            m_offset = m_zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(wall, Qt::UTC));
        else
            m_to = wall + 1; // near a transition: take the exact path, look again next time
    }

    QTimeZone m_zone;
    bool m_quiet = false;
    qint64 m_from = 0;
    qint64 m_to = 0;
    int m_offset = 0;
};

// Sorts by instant, keeps the first `limit`. Two wall times can land on one instant
// (02:30 shifted by the gap meets 03:30): that instant fires once, for the earlier wall time.
void normalise(QList<Firing> *firings, int limit)
{
    std::stable_sort(firings->begin(), firings->end(),
                     [](const Firing &a, const Firing &b) { return a.at < b.at; });
    firings->erase(std::unique(firings->begin(), firings->end(),
                               [](const Firing &a, const Firing &b) { return a.at == b.at; }),
                   firings->end());
    if (firings->size() > limit)
        firings->resize(limit);
}

// Whole seconds s with s * 1000 >= ms.
qint64 ceilSecs(qint64 ms)
{
    return ms >= 0 ? (ms + 999) / 1000 : -((-ms) / 1000);
}

// For a minutely or hourly rule (weekday and hour filters only, see RecurrenceRule):
// whether any minute of the week is both reachable in steps of INTERVAL from the start
// and passes the filters. Steps repeat weekly, so one week decides it.
bool subDailyRuleCanFire(const icalrecurrencetype &rule, QDate startDate, QTime startTime)
{
    constexpr int kWeek = 7 * 24 * 60;
    const int stepMinutes
        = rule.freq == ICAL_MINUTELY_RECURRENCE ? rule.interval : rule.interval * 60;
    const int start
        = (startDate.dayOfWeek() - 1) * 1440 + startTime.hour() * 60 + startTime.minute();
    const int stride = std::gcd(stepMinutes, kWeek);
    auto listed = [](const short *values, int size, int value) {
        if (values[0] == ICAL_RECURRENCE_ARRAY_MAX)
            return true; // no filter
        for (int i = 0; i < size && values[i] != ICAL_RECURRENCE_ARRAY_MAX; ++i) {
            if (values[i] == value)
                return true;
        }
        return false;
    };
    for (int slot = start % stride; slot < kWeek; slot += stride) {
        // libical numbers weekdays from Sunday = 1; slot days count from Monday = 0.
        const int weekday = (slot / 1440 + 1) % 7 + 1;
        bool dayOk = rule.by_day[0] == ICAL_RECURRENCE_ARRAY_MAX;
        for (int i = 0;
             !dayOk && i < ICAL_BY_DAY_SIZE && rule.by_day[i] != ICAL_RECURRENCE_ARRAY_MAX; ++i)
            dayOk = int(icalrecurrencetype_day_day_of_week(rule.by_day[i])) == weekday;
        if (dayOk && listed(rule.by_hour, ICAL_BY_HOUR_SIZE, slot % 1440 / 60))
            return true;
    }
    return false;
}

} // namespace

Expected<QTimeZone, RecurrenceError> timeZoneFor(const QByteArray &id)
{
    if (id.isEmpty() || !QTimeZone::isTimeZoneIdAvailable(id))
        return RecurrenceError {
            RecurrenceError::Code::UnknownTimeZone, QString::fromUtf8(id),
            QCoreApplication::translate("chorus::activities::Recurrence",
                                        "\"%1\" is not a known time zone. Use an IANA name such as "
                                        "Europe/Berlin or Asia/Makassar.")
                .arg(QString::fromUtf8(id))};
    QTimeZone zone(id);
    if (!zone.isValid())
        return RecurrenceError {
            RecurrenceError::Code::UnknownTimeZone, QString::fromUtf8(id),
            QCoreApplication::translate("chorus::activities::Recurrence",
                                        "The time zone \"%1\" cannot be loaded.")
                .arg(QString::fromUtf8(id))};
    return zone;
}

Expected<Recurrence, RecurrenceError> Recurrence::create(const RecurrenceSpec &spec)
{
    auto rule = parseRecurrenceRule(spec.rrule);
    if (!rule)
        return rule.error();
    auto zone = timeZoneFor(spec.timeZone);
    if (!zone)
        return zone.error();
    if (!spec.startDate.isValid() || !spec.startTime.isValid())
        return RecurrenceError {
            RecurrenceError::Code::InvalidStart,
            {},
            QCoreApplication::translate("chorus::activities::Recurrence",
                                        "The schedule needs a valid start date and time.")};

    const icalrecurrencetype parsed
        = icalrecurrencetype_from_string(rule.value().iterable.constData());
    const bool subDaily
        = parsed.freq == ICAL_MINUTELY_RECURRENCE || parsed.freq == ICAL_HOURLY_RECURRENCE;
    if (subDaily && !subDailyRuleCanFire(parsed, spec.startDate, spec.startTime))
        return RecurrenceError {RecurrenceError::Code::NoOccurrences, rule.value().normalized,
                                QCoreApplication::translate(
                                    "chorus::activities::Recurrence",
                                    "This rule never fires: counting INTERVAL from the start time "
                                    "never reaches the hours or days it is limited to.")};

    Recurrence recurrence;
    recurrence.m_spec = spec;
    recurrence.m_rule = rule.value();
    recurrence.m_zone = zone.value();
    const QDateTime start = mapLocalTime(recurrence.m_zone, spec.startDate, spec.startTime).utc;
    if (recurrence.expand(start.toSecsSinceEpoch() - kMargin, 0, 1).isEmpty())
        return RecurrenceError {
            RecurrenceError::Code::NoOccurrences, rule.value().normalized,
            QCoreApplication::translate("chorus::activities::Recurrence",
                                        "This rule never fires (check the dates, BYMONTHDAY and "
                                        "UNTIL).")};
    return recurrence;
}

QList<Firing> Recurrence::nextFirings(const QDateTime &after, int count) const
{
    if (count <= 0)
        return {};
    // Strictly after: the first whole second past `after`.
    return expand(ceilSecs(after.toMSecsSinceEpoch() + 1), 0, std::min(count, kMaxFirings));
}

QList<Firing> Recurrence::firingsBetween(const QDateTime &from, const QDateTime &to,
                                         int limit) const
{
    if (!(from < to) || limit <= 0)
        return {};
    return expand(ceilSecs(from.toMSecsSinceEpoch()), ceilSecs(to.toMSecsSinceEpoch()),
                  std::min(limit, kMaxFirings));
}

QList<FiringPreview> Recurrence::preview(const QDateTime &after, int count,
                                         const QTimeZone &operatorZone) const
{
    QList<FiringPreview> out;
    for (const Firing &firing : nextFirings(after, count)) {
        FiringPreview p;
        p.firing = firing;
        p.groupTime = firing.at.toTimeZone(m_zone);
        p.operatorTime = firing.at.toTimeZone(operatorZone.isValid() ? operatorZone : m_zone);
        p.dayDifference = int(p.groupTime.date().daysTo(p.operatorTime.date()));
        out.append(p);
    }
    return out;
}

// Firings with lowerUtc <= at (< upperUtc when upperUtc > 0), the earliest `limit` of them.
QList<Firing> Recurrence::expand(qint64 lowerUtc, qint64 upperUtc, int limit) const
{
    if (m_rule.iterable.isEmpty() || limit <= 0)
        return {};
    const icalrecurrencetype rule = icalrecurrencetype_from_string(m_rule.iterable.constData());
    const qint64 startWall = floatingOf(m_spec.startDate, m_spec.startTime).toSecsSinceEpoch();
    Iterator it(icalrecur_iterator_new(rule, toIcal(startWall)));
    if (!it)
        return {};
    // Jump close to the window; with COUNT libical must count from the start.
    if (!m_rule.hasCount && lowerUtc - kMargin > startWall)
        icalrecur_iterator_set_start(it.get(), toIcal(lowerUtc - kMargin));

    const RecurrenceUntil &until = m_rule.until;
    const qint64 untilWall = until.kind == RecurrenceUntil::Kind::Date
        ? floatingOf(until.date, QTime(23, 59, 59)).toSecsSinceEpoch()
        : until.kind == RecurrenceUntil::Kind::Floating ? until.floating.toSecsSinceEpoch()
                                                        : 0;
    const qint64 untilUtc
        = until.kind == RecurrenceUntil::Kind::Utc ? until.utc.toSecsSinceEpoch() : 0;

    ZoneMapper mapper(m_zone);
    QList<Firing> found;
    qint64 cutoff = 0; // once `limit` firings are found: the latest of them
    for (int step = 0; step < kMaxSteps; ++step) {
        const icaltimetype next = icalrecur_iterator_next(it.get());
        if (icaltime_is_null_time(next))
            break;
        const QDateTime wallTime = fromIcal(next);
        const qint64 wall = wallTime.toSecsSinceEpoch();
        if (untilWall && wall > untilWall)
            break;
        if (untilUtc && wall - kMargin > untilUtc)
            break;
        if (upperUtc && wall - kMargin >= upperUtc)
            break;
        if (cutoff && wall - kMargin > cutoff)
            break;

        const MappedLocalTime mapped = mapper.map(wall);
        const qint64 at = mapped.utc.toSecsSinceEpoch();
        if (at < lowerUtc || (upperUtc && at >= upperUtc) || (untilUtc && at > untilUtc))
            continue;
        found.append({mapped.utc, wallTime.date(), wallTime.time(), mapped.adjustment});
        if (found.size() >= limit) {
            // Gap shifts can reorder neighbours: keep the earliest, stop once none can beat them.
            normalise(&found, limit);
            if (found.size() >= limit)
                cutoff = found.back().at.toSecsSinceEpoch();
        }
    }
    normalise(&found, limit);
    return found;
}

} // namespace chorus::activities
