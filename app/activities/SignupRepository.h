#pragma once

// Sign-up chain runs as the account store keeps them: one run per occurrence of a sign-up
// activity in a group, with its canonical list and waitlist. Owns activities_signup_runs
// and activities_signup_entries (see ActivitiesSchema.cpp); build it on the store's
// threads, e.g. `session.repository<activities::SignupRepository>()`.

#include "activities/SignupTypes.h"

#include "core/Expected.h"
#include "store/Statement.h"
#include "store/StoreError.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace chorus::activities {

/// The lists of sign-up chains. The chain's configuration is the activity's payload; what
/// is stored here is the SignupState to restore a SignupChain with after a restart.
class SignupRepository
{
public:
    explicit SignupRepository(store::Database &db);

    /// The run of `occurrence` of the activity in the group, created (empty, open) if it
    /// does not exist yet; returns its id.
    Expected<qint64, store::StoreError> openRun(qint64 activityId, const QString &groupJid,
                                                const QDateTime &occurrence);
    /// The run's id, or nullopt when that occurrence has no run.
    Expected<std::optional<qint64>, store::StoreError>
    findRun(qint64 activityId, const QString &groupJid, const QDateTime &occurrence);
    /// The newest run of the activity in the group (the one members are joining).
    Expected<std::optional<qint64>, store::StoreError> latestRun(qint64 activityId,
                                                                 const QString &groupJid);

    /// Replaces the run's list, waitlist and closed flag in one transaction. Entries
    /// must name distinct people. A member's sign-up cannot be fetched again: durable.
    Expected<Done, store::StoreError> saveState(qint64 runId, const SignupState &state);
    /// The run's state as last saved; NotFound when there is no such run.
    Expected<SignupState, store::StoreError> state(qint64 runId);

private:
    Expected<qint64, store::StoreError> groupRow(const QString &groupJid);
    std::optional<store::StoreError> insertEntries(qint64 runId, bool waitlist,
                                                   const QList<SignupEntry> &entries);

    store::Database &m_db;
    store::Statement m_groupRow, m_activityExists, m_openRun, m_findRun, m_latestRun, m_setRun,
        m_clearEntries, m_addEntry, m_run, m_entries;
};

} // namespace chorus::activities
