#include "activities/ActivityRepository.h"

#include "activities/RecurrenceRule.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSet>

#include <limits>

using namespace Qt::StringLiterals;

namespace chorus::activities {
namespace {

using store::StoreError;
using store::Transaction;

// lupdate gives calls of tr() in this class's members the context below.
QString tr(const char *text)
{
    return QCoreApplication::translate("chorus::activities::ActivityRepository", text);
}

const QString kColumns = u"d.id, d.kind, d.title, d.payload, d.rrule, d.start_date, d.start_time, "
                         "d.catch_up, d.catch_up_grace_s, d.catch_up_late_window_s, d.spacing_s, "
                         "d.enabled, d.enabled_since"_s;
const QString kFiringColumns = u"f.id, f.activity_id, g.jid, f.occurrence, f.outcome, "
                               "f.origin_id, f.recorded_at"_s;

QVariant nullInt() { return QVariant(QMetaType::fromType<qint64>()); }
QVariant nullText() { return QVariant(QMetaType::fromType<QString>()); }

QVariant msOrNull(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : nullInt();
}

QDateTime fromMs(const QVariant &value)
{
    return value.isNull() ? QDateTime()
                          : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QString policyName(CatchUpPolicy policy)
{
    switch (policy) {
    case CatchUpPolicy::Skip: return u"skip"_s;
    case CatchUpPolicy::FireOnceLate: return u"fire_once_late"_s;
    case CatchUpPolicy::AskOperator: return u"ask"_s;
    }
    return u"fire_once_late"_s;
}

CatchUpPolicy policyFromName(const QString &name)
{
    if (name == u"skip")
        return CatchUpPolicy::Skip;
    if (name == u"ask")
        return CatchUpPolicy::AskOperator;
    return CatchUpPolicy::FireOnceLate;
}

QString payloadJson(const QJsonObject &payload)
{
    return QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact));
}

FiringRecord readFiring(store::Statement &q)
{
    return FiringRecord{q.value(0).toLongLong(),
                        q.value(1).toLongLong(),
                        q.value(2).toString(),
                        fromMs(q.value(3)),
                        firingOutcomeFromName(q.value(4).toString()).value_or(FiringOutcome::Sent),
                        q.value(5).toString(),
                        fromMs(q.value(6))};
}

} // namespace

ActivityRepository::ActivityRepository(store::Database &db)
    : m_db(db),
      m_insert(db, uR"(INSERT INTO activities_definitions(kind, title, payload, rrule, start_date,
                start_time, catch_up, catch_up_grace_s, catch_up_late_window_s, spacing_s,
                enabled, enabled_since, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))"_s),
      m_update(db, uR"(UPDATE activities_definitions SET kind = ?, title = ?, payload = ?,
                rrule = ?, start_date = ?, start_time = ?, catch_up = ?, catch_up_grace_s = ?,
                catch_up_late_window_s = ?, spacing_s = ?, enabled = ?, enabled_since = ?,
                updated_at = ?
            WHERE id = ?)"_s),
      m_find(db, u"SELECT "_s + kColumns + u" FROM activities_definitions d WHERE d.id = ?"_s),
      m_all(db, u"SELECT "_s + kColumns + u" FROM activities_definitions d ORDER BY d.id"_s),
      m_forGroup(db, u"SELECT "_s + kColumns
                         + u" FROM activities_definitions d WHERE d.id IN (SELECT t.activity_id "
                           "FROM activities_targets t JOIN groups g ON g.id = t.group_id "
                           "WHERE g.jid = ?) ORDER BY d.id"_s),
      m_targets(db, u"SELECT g.jid, t.group_id FROM activities_targets t JOIN groups g "
                    "ON g.id = t.group_id WHERE t.activity_id = ? ORDER BY t.position"_s),
      m_clearTargets(db, u"DELETE FROM activities_targets WHERE activity_id = ? AND group_id = ?"_s),
      // Upsert, so that a target kept through an edit keeps its covered_until.
      m_addTarget(db, u"INSERT INTO activities_targets(activity_id, group_id, position) "
                      "VALUES (?, ?, ?) ON CONFLICT(activity_id, group_id) DO UPDATE SET "
                      "position = excluded.position"_s),
      m_setEnabled(db, u"UPDATE activities_definitions SET enabled = ?, "
                       "enabled_since = coalesce(?, enabled_since), updated_at = ? WHERE id = ?"_s),
      m_remove(db, u"DELETE FROM activities_definitions WHERE id = ?"_s),
      m_groupRow(db, u"SELECT id FROM groups WHERE jid = ?"_s),
      // Our own message by origin-id; the terms match the core's partial index.
      m_messageRow(db, u"SELECT id FROM messages WHERE group_id = ? AND origin_id = ? "
                       "AND (stanza_id IS NULL OR outgoing = 1) ORDER BY id LIMIT 1"_s),
      // The unique key decides: a second record of one occurrence writes nothing.
      m_recordFiring(db, uR"(INSERT INTO activities_firings(activity_id, group_id, occurrence,
                outcome, origin_id, message, recorded_at)
            SELECT ?, ?, ?, ?, ?, ?, ? WHERE EXISTS
                (SELECT 1 FROM activities_definitions WHERE id = ?)
            ON CONFLICT(activity_id, group_id, occurrence) DO NOTHING)"_s),
      m_decideAsked(db, uR"(UPDATE activities_firings SET outcome = ?, origin_id = ?, message = ?,
                recorded_at = ?
            WHERE activity_id = ? AND group_id = ? AND occurrence = ? AND outcome = 'asked')"_s),
      m_firing(db, u"SELECT "_s + kFiringColumns
                       + u" FROM activities_firings f JOIN groups g ON g.id = f.group_id "
                         "WHERE f.activity_id = ? AND f.group_id = ? AND f.occurrence = ?"_s),
      m_lastRecorded(db, uR"(SELECT max(x) FROM (
                SELECT covered_until AS x FROM activities_targets
                    WHERE activity_id = ? AND group_id = ?
                UNION ALL
                SELECT max(occurrence) FROM activities_firings
                    WHERE activity_id = ? AND group_id = ?))"_s),
      m_cover(db, u"UPDATE activities_targets SET covered_until = max(coalesce(covered_until, ?), ?) "
                  "WHERE activity_id = ? AND group_id = ?"_s)
{
}

std::optional<StoreError> ActivityRepository::validate(const ActivityDefinition &activity) const
{
    const auto refuse = [&](const QString &message) {
        return StoreError{StoreError::Code::InvalidArgument, message,
                          u"activity \"%1\": %2"_s.arg(activity.title, message)};
    };
    if (activity.title.trimmed().isEmpty())
        return refuse(tr("An activity needs a title."));
    if (!activity.rrule.trimmed().isEmpty()) {
        const auto rule = parseRecurrenceRule(activity.rrule);
        if (!rule)
            return refuse(tr("The schedule of \"%1\" is not valid: %2")
                              .arg(activity.title, rule.error().message));
        if (!activity.startDate.isValid() || !activity.startTime.isValid())
            return refuse(tr("The schedule of \"%1\" needs a start date and time.")
                              .arg(activity.title));
    }
    if (activity.catchUp.grace.count() < 0 || activity.catchUp.lateWindow.count() < 0
        || activity.spacing.count() < 0)
        return refuse(tr("Waiting times of \"%1\" cannot be negative.").arg(activity.title));
    const QSet<QString> distinct(activity.groups.cbegin(), activity.groups.cend());
    if (distinct.size() != activity.groups.size())
        return refuse(tr("\"%1\" names a group twice.").arg(activity.title));
    return std::nullopt;
}

Expected<qint64, StoreError> ActivityRepository::groupRow(const QString &groupJid)
{
    if (auto error = m_groupRow.exec(groupJid))
        return *error;
    const std::optional<qint64> id =
        m_groupRow.next() ? std::optional<qint64>(m_groupRow.value(0).toLongLong())
                          : std::nullopt;
    m_groupRow.finish();
    if (!id)
        return StoreError{StoreError::Code::NotFound,
                          tr("The group %1 is not among this account's groups.").arg(groupJid),
                          u"no group %1"_s.arg(groupJid)};
    return *id;
}

Expected<QVariant, StoreError> ActivityRepository::messageRow(qint64 groupRow,
                                                              const QString &originId)
{
    if (originId.isEmpty())
        return nullInt();
    if (auto error = m_messageRow.exec(groupRow, originId))
        return *error;
    const QVariant id = m_messageRow.next() ? m_messageRow.value(0) : nullInt();
    m_messageRow.finish();
    return id;
}

std::optional<StoreError> ActivityRepository::writeTargets(qint64 id, const QStringList &groups)
{
    QList<qint64> rows;
    for (const QString &jid : groups) {
        const auto row = groupRow(jid);
        if (!row)
            return row.error();
        rows.append(row.value());
    }
    if (auto error = m_targets.exec(id))
        return error;
    QList<qint64> dropped;
    while (m_targets.next()) {
        const qint64 row = m_targets.value(1).toLongLong();
        if (!rows.contains(row))
            dropped.append(row);
    }
    m_targets.finish();
    for (const qint64 row : std::as_const(dropped)) {
        if (auto error = m_clearTargets.exec(id, row))
            return error;
    }
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (auto error = m_addTarget.exec(id, rows.at(i), int(i)))
            return error;
    }
    return std::nullopt;
}

Expected<qint64, StoreError> ActivityRepository::save(const ActivityDefinition &activity)
{
    if (auto error = validate(activity))
        return *error;
    Transaction transaction(m_db, Transaction::Durability::Full);
    if (auto error = transaction.begin())
        return *error;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QVariantList values{activityKindName(activity.kind),
                        activity.title,
                        payloadJson(activity.payload),
                        activity.rrule.isNull() ? u""_s : activity.rrule,
                        activity.startDate.isValid()
                            ? QVariant(activity.startDate.toString(Qt::ISODate))
                            : nullText(),
                        activity.startTime.isValid()
                            ? QVariant(activity.startTime.toString(Qt::ISODate))
                            : nullText(),
                        policyName(activity.catchUp.policy),
                        qint64(activity.catchUp.grace.count()),
                        qint64(activity.catchUp.lateWindow.count()),
                        qint64(activity.spacing.count()),
                        activity.enabled ? 1 : 0,
                        msOrNull(activity.enabledSince)};
    qint64 id = activity.id;
    if (id == 0) {
        if (auto error = m_insert.execValues(values << now << now))
            return *error;
        id = m_insert.lastInsertId();
    } else {
        if (auto error = m_update.execValues(values << now << id))
            return *error;
        if (m_update.rowsAffected() == 0)
            return StoreError::make(StoreError::Code::NotFound, m_db.path(),
                                    u"no activity %1"_s.arg(id));
    }
    if (auto error = writeTargets(id, activity.groups))
        return *error;
    if (auto error = transaction.commit())
        return *error;
    return id;
}

Expected<QList<ActivityDefinition>, StoreError> ActivityRepository::read(store::Statement &query)
{
    QList<ActivityDefinition> activities;
    while (query.next()) {
        ActivityDefinition a;
        a.id = query.value(0).toLongLong();
        a.kind = activityKindFromName(query.value(1).toString())
                     .value_or(ActivityKind::ScheduledPost);
        a.title = query.value(2).toString();
        a.payload = QJsonDocument::fromJson(query.value(3).toString().toUtf8()).object();
        a.rrule = query.value(4).toString();
        a.startDate = QDate::fromString(query.value(5).toString(), Qt::ISODate);
        a.startTime = QTime::fromString(query.value(6).toString(), Qt::ISODate);
        a.catchUp.policy = policyFromName(query.value(7).toString());
        a.catchUp.grace = std::chrono::seconds(query.value(8).toLongLong());
        a.catchUp.lateWindow = std::chrono::seconds(query.value(9).toLongLong());
        a.spacing = std::chrono::seconds(query.value(10).toLongLong());
        a.enabled = query.value(11).toBool();
        a.enabledSince = fromMs(query.value(12));
        activities.append(a);
    }
    query.finish();
    for (ActivityDefinition &a : activities) {
        if (auto error = m_targets.exec(a.id))
            return *error;
        while (m_targets.next())
            a.groups.append(m_targets.value(0).toString());
        m_targets.finish();
    }
    return activities;
}

Expected<std::optional<ActivityDefinition>, StoreError> ActivityRepository::find(qint64 id)
{
    if (auto error = m_find.exec(id))
        return *error;
    const auto found = read(m_find);
    if (!found)
        return found.error();
    return found.value().isEmpty() ? std::optional<ActivityDefinition>()
                                   : std::optional<ActivityDefinition>(found.value().first());
}

Expected<QList<ActivityDefinition>, StoreError> ActivityRepository::all()
{
    if (auto error = m_all.exec())
        return *error;
    return read(m_all);
}

Expected<QList<ActivityDefinition>, StoreError>
ActivityRepository::forGroup(const QString &groupJid)
{
    if (auto error = m_forGroup.exec(groupJid))
        return *error;
    return read(m_forGroup);
}

Expected<Done, StoreError> ActivityRepository::setEnabled(qint64 id, bool enabled,
                                                          const QDateTime &at)
{
    Transaction transaction(m_db, Transaction::Durability::Full);
    if (auto error = transaction.begin())
        return *error;
    if (auto error = m_setEnabled.exec(enabled ? 1 : 0, enabled ? msOrNull(at) : nullInt(),
                                       QDateTime::currentMSecsSinceEpoch(), id))
        return *error;
    if (m_setEnabled.rowsAffected() == 0)
        return StoreError::make(StoreError::Code::NotFound, m_db.path(),
                                u"no activity %1"_s.arg(id));
    if (auto error = transaction.commit())
        return *error;
    return Done{};
}

Expected<Done, StoreError> ActivityRepository::remove(qint64 id)
{
    Transaction transaction(m_db, Transaction::Durability::Full);
    if (auto error = transaction.begin())
        return *error;
    if (auto error = m_remove.exec(id))
        return *error;
    if (m_remove.rowsAffected() == 0)
        return StoreError::make(StoreError::Code::NotFound, m_db.path(),
                                u"no activity %1"_s.arg(id));
    if (auto error = transaction.commit())
        return *error;
    return Done{};
}

Expected<RecordResult, StoreError>
ActivityRepository::recordFiring(qint64 activityId, const QString &groupJid,
                                 const QDateTime &occurrence, const QString &originId,
                                 FiringOutcome outcome, const QDateTime &recordedAt)
{
    if (!occurrence.isValid() || !recordedAt.isValid()
        || (outcome == FiringOutcome::Sent && originId.isEmpty()))
        return StoreError{StoreError::Code::InvalidArgument,
                          tr("A firing needs its time, and a sent one the id of its message."),
                          u"activity %1: incomplete firing"_s.arg(activityId)};
    // A savepoint inside the caller's transaction, or a durable transaction of its own.
    Transaction transaction(m_db, Transaction::Durability::Full);
    if (auto error = transaction.begin())
        return *error;
    const auto group = groupRow(groupJid);
    if (!group)
        return group.error();
    const auto message = messageRow(group.value(), originId);
    if (!message)
        return message.error();
    if (auto error = m_recordFiring.exec(activityId, group.value(),
                                         occurrence.toMSecsSinceEpoch(),
                                         firingOutcomeName(outcome), store::nullable(originId),
                                         message.value(), recordedAt.toMSecsSinceEpoch(),
                                         activityId))
        return *error;
    if (m_recordFiring.rowsAffected() == 0) {
        const auto existing = firing(activityId, groupJid, occurrence);
        if (!existing)
            return existing.error();
        if (!existing.value())
            return StoreError::make(StoreError::Code::NotFound, m_db.path(),
                                    u"no activity %1"_s.arg(activityId));
        return RecordResult::AlreadyFired;
    }
    if (auto error = transaction.commit())
        return *error;
    return RecordResult::Recorded;
}

Expected<RecordResult, StoreError>
ActivityRepository::decideAsked(qint64 activityId, const QString &groupJid,
                                const QDateTime &occurrence, FiringOutcome outcome,
                                const QString &originId, const QDateTime &recordedAt)
{
    if (outcome == FiringOutcome::Asked || !occurrence.isValid() || !recordedAt.isValid()
        || (outcome == FiringOutcome::Sent && originId.isEmpty()))
        return StoreError{StoreError::Code::InvalidArgument,
                          tr("A decision sends the firing (with its message) or skips it."),
                          u"activity %1: bad decision"_s.arg(activityId)};
    Transaction transaction(m_db, Transaction::Durability::Full);
    if (auto error = transaction.begin())
        return *error;
    const auto group = groupRow(groupJid);
    if (!group)
        return group.error();
    const auto message = messageRow(group.value(), originId);
    if (!message)
        return message.error();
    if (auto error = m_decideAsked.exec(firingOutcomeName(outcome), store::nullable(originId),
                                        message.value(), recordedAt.toMSecsSinceEpoch(),
                                        activityId, group.value(),
                                        occurrence.toMSecsSinceEpoch()))
        return *error;
    if (m_decideAsked.rowsAffected() == 0)
        return RecordResult::AlreadyFired;
    if (auto error = transaction.commit())
        return *error;
    return RecordResult::Recorded;
}

Expected<std::optional<FiringRecord>, StoreError>
ActivityRepository::firing(qint64 activityId, const QString &groupJid, const QDateTime &occurrence)
{
    const auto group = groupRow(groupJid);
    if (!group)
        return group.error();
    if (auto error = m_firing.exec(activityId, group.value(), occurrence.toMSecsSinceEpoch()))
        return *error;
    std::optional<FiringRecord> record;
    if (m_firing.next())
        record = readFiring(m_firing);
    m_firing.finish();
    return record;
}

Expected<QList<FiringRecord>, StoreError> ActivityRepository::firings(qint64 activityId,
                                                                      const QDateTime &from,
                                                                      const QDateTime &to,
                                                                      int limit)
{
    store::Statement query(m_db, u"SELECT "_s + kFiringColumns
                                     + u" FROM activities_firings f JOIN groups g "
                                       "ON g.id = f.group_id WHERE f.activity_id = ? "
                                       "AND f.occurrence >= ? AND f.occurrence < ? "
                                       "ORDER BY f.occurrence DESC, g.jid LIMIT ?"_s);
    const qint64 lower = from.isValid() ? from.toMSecsSinceEpoch()
                                        : std::numeric_limits<qint64>::min();
    const qint64 upper = to.isValid() ? to.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
    if (auto error = query.exec(activityId, lower, upper, std::max(0, limit)))
        return *error;
    QList<FiringRecord> records;
    while (query.next())
        records.append(readFiring(query));
    return records;
}

Expected<QDateTime, StoreError> ActivityRepository::lastRecorded(qint64 activityId,
                                                                 const QString &groupJid)
{
    const auto group = groupRow(groupJid);
    if (!group)
        return group.error();
    if (auto error = m_lastRecorded.exec(activityId, group.value(), activityId, group.value()))
        return *error;
    const QDateTime last = m_lastRecorded.next() ? fromMs(m_lastRecorded.value(0)) : QDateTime();
    m_lastRecorded.finish();
    return last;
}

Expected<Done, StoreError> ActivityRepository::setCoveredUntil(qint64 activityId,
                                                               const QString &groupJid,
                                                               const QDateTime &coveredUntil)
{
    if (!coveredUntil.isValid())
        return StoreError::make(StoreError::Code::InvalidArgument, m_db.path(),
                                u"coveredUntil without a time"_s);
    // Bookkeeping the catch-up can redo: a normal commit.
    Transaction transaction(m_db);
    if (auto error = transaction.begin())
        return *error;
    const auto group = groupRow(groupJid);
    if (!group)
        return group.error();
    const qint64 ms = coveredUntil.toMSecsSinceEpoch();
    if (auto error = m_cover.exec(ms, ms, activityId, group.value()))
        return *error;
    if (m_cover.rowsAffected() == 0)
        return StoreError::make(StoreError::Code::NotFound, m_db.path(),
                                u"activity %1 does not post in %2"_s.arg(activityId)
                                    .arg(groupJid));
    if (auto error = transaction.commit())
        return *error;
    return Done{};
}

} // namespace chorus::activities
