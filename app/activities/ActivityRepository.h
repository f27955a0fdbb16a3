#pragma once

// Activities as the account store keeps them: definitions with their target groups, and
// the firing log. Owns activities_definitions, activities_targets and activities_firings
// (see ActivitiesSchema.cpp); build it on the store's threads, e.g.
// `session.repository<activities::ActivityRepository>()` inside AsyncStore::write/read.

#include "activities/ActivityRecords.h"

#include "core/Expected.h"
#include "store/Statement.h"
#include "store/StoreError.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace chorus::activities {

/// Activity definitions and the record of every firing.
///
/// Firing once: record the firing in the same transaction as the message it sends, then
/// send only after the commit:
///
///     store::Transaction t(db, store::Transaction::Durability::Full);
///     t.begin();
///     session.messages().ingest({outgoing});           // own message, origin-id set
///     auto r = activities.recordFiring(id, group, firing.at, outgoing.originId,
///                                      FiringOutcome::Sent, now);
///     if (!r || r.value() == RecordResult::AlreadyFired)
///         return ...;                                   // t rolls back: no message row
///     t.commit();                                       // then send `outgoing`
///
/// A crash before the commit leaves neither row; a restart then fires again. After the
/// commit the occurrence can never be recorded twice.
class ActivityRepository
{
public:
    explicit ActivityRepository(store::Database &db);

    /// Stores a new activity (id 0) or replaces the one with its id; returns its id.
    /// Refuses an invalid RRULE (with the reason), a rule without a start, and target
    /// groups that are not stored. Durable commit.
    Expected<qint64, store::StoreError> save(const ActivityDefinition &activity);
    Expected<std::optional<ActivityDefinition>, store::StoreError> find(qint64 id);
    /// Every activity, oldest first.
    Expected<QList<ActivityDefinition>, store::StoreError> all();
    /// The activities that post in this group.
    Expected<QList<ActivityDefinition>, store::StoreError> forGroup(const QString &groupJid);
    /// Pauses or resumes; resuming sets enabledSince to `at` (missed firings of the pause
    /// never count).
    Expected<Done, store::StoreError> setEnabled(qint64 id, bool enabled, const QDateTime &at);
    /// Removes the activity with its firing log and sign-up runs.
    Expected<Done, store::StoreError> remove(qint64 id);

    /// Records what became of `occurrence` (Firing::at) of the activity in the group:
    /// AlreadyFired when it is recorded already (then nothing is written and the caller's
    /// transaction should roll back). Joins the caller's transaction when one is open
    /// (see the class comment); otherwise commits on its own, durably. The message sent
    /// is found by `originId` among the group's own messages when already stored.
    Expected<RecordResult, store::StoreError> recordFiring(qint64 activityId,
                                                           const QString &groupJid,
                                                           const QDateTime &occurrence,
                                                           const QString &originId,
                                                           FiringOutcome outcome,
                                                           const QDateTime &recordedAt);
    /// The operator decided a firing that was Asked: Sent (with its message) or Skipped.
    /// AlreadyFired when it is not waiting (decided already, or never asked).
    Expected<RecordResult, store::StoreError> decideAsked(qint64 activityId,
                                                          const QString &groupJid,
                                                          const QDateTime &occurrence,
                                                          FiringOutcome outcome,
                                                          const QString &originId,
                                                          const QDateTime &recordedAt);
    /// The record of one occurrence, if any.
    Expected<std::optional<FiringRecord>, store::StoreError>
    firing(qint64 activityId, const QString &groupJid, const QDateTime &occurrence);
    /// The activity's firing log in [from, to) (invalid bounds are open), newest first.
    Expected<QList<FiringRecord>, store::StoreError> firings(qint64 activityId,
                                                             const QDateTime &from = {},
                                                             const QDateTime &to = {},
                                                             int limit = 1000);
    /// Where catch-up resumes in this group: the later of the newest recorded occurrence
    /// and the stored coveredUntil; invalid when neither exists.
    Expected<QDateTime, store::StoreError> lastRecorded(qint64 activityId,
                                                        const QString &groupJid);
    /// Stores a catch-up decision's coveredUntil (it only ever moves forward).
    Expected<Done, store::StoreError> setCoveredUntil(qint64 activityId, const QString &groupJid,
                                                      const QDateTime &coveredUntil);

private:
    Expected<QList<ActivityDefinition>, store::StoreError> read(store::Statement &query);
    Expected<qint64, store::StoreError> groupRow(const QString &groupJid);
    Expected<QVariant, store::StoreError> messageRow(qint64 groupRow, const QString &originId);
    std::optional<store::StoreError> validate(const ActivityDefinition &activity) const;
    std::optional<store::StoreError> writeTargets(qint64 id, const QStringList &groups);

    store::Database &m_db;
    store::Statement m_insert, m_update, m_find, m_all, m_forGroup, m_targets, m_clearTargets,
        m_addTarget, m_setEnabled, m_remove, m_groupRow, m_messageRow, m_recordFiring,
        m_decideAsked, m_firing, m_lastRecorded, m_cover;
};

} // namespace chorus::activities
