#include "activities/SignupRepository.h"

#include "store/JsonColumn.h"

#include <QCoreApplication>
#include <QSet>

using namespace Qt::StringLiterals;

namespace chorus::activities {
namespace {

using store::StoreError;
using store::Transaction;

// lupdate gives calls of tr() in this class's members the context below.
QString tr(const char *text)
{
    return QCoreApplication::translate("chorus::activities::SignupRepository", text);
}

} // namespace

SignupRepository::SignupRepository(store::Database &db)
    : m_db(db),
      m_groupRow(db, u"SELECT id FROM groups WHERE jid = ?"_s),
      m_activityExists(db, u"SELECT 1 FROM activities_definitions WHERE id = ?"_s),
      m_openRun(db, u"INSERT INTO activities_signup_runs(activity_id, group_id, occurrence, "
                    "updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(activity_id, group_id, "
                    "occurrence) DO NOTHING"_s),
      m_findRun(db, u"SELECT id FROM activities_signup_runs WHERE activity_id = ? "
                    "AND group_id = ? AND occurrence = ?"_s),
      m_latestRun(db, u"SELECT id FROM activities_signup_runs WHERE activity_id = ? "
                      "AND group_id = ? ORDER BY occurrence DESC LIMIT 1"_s),
      m_setRun(db, u"UPDATE activities_signup_runs SET closed = ?, updated_at = ? WHERE id = ?"_s),
      m_clearEntries(db, u"DELETE FROM activities_signup_entries WHERE run_id = ?"_s),
      m_addEntry(db, uR"(INSERT INTO activities_signup_entries(run_id, waitlist, position,
                person_key, person_basis, person_id, nick, field_values, note, joined_at)
            VALUES (?, ?, ?, ?, ?, (SELECT id FROM people WHERE key = ?), ?, ?, ?, ?))"_s),
      m_run(db, u"SELECT closed FROM activities_signup_runs WHERE id = ?"_s),
      m_entries(db, u"SELECT waitlist, person_key, person_basis, nick, field_values, note, "
                    "joined_at FROM activities_signup_entries WHERE run_id = ? "
                    "ORDER BY waitlist, position"_s)
{
}

Expected<qint64, StoreError> SignupRepository::groupRow(const QString &groupJid)
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

Expected<std::optional<qint64>, StoreError>
SignupRepository::findRun(qint64 activityId, const QString &groupJid, const QDateTime &occurrence)
{
    const auto group = groupRow(groupJid);
    if (!group)
        return group.error();
    if (auto error = m_findRun.exec(activityId, group.value(), occurrence.toMSecsSinceEpoch()))
        return *error;
    std::optional<qint64> run;
    if (m_findRun.next())
        run = m_findRun.value(0).toLongLong();
    m_findRun.finish();
    return run;
}

Expected<std::optional<qint64>, StoreError> SignupRepository::latestRun(qint64 activityId,
                                                                        const QString &groupJid)
{
    const auto group = groupRow(groupJid);
    if (!group)
        return group.error();
    if (auto error = m_latestRun.exec(activityId, group.value()))
        return *error;
    std::optional<qint64> run;
    if (m_latestRun.next())
        run = m_latestRun.value(0).toLongLong();
    m_latestRun.finish();
    return run;
}

Expected<qint64, StoreError> SignupRepository::openRun(qint64 activityId, const QString &groupJid,
                                                       const QDateTime &occurrence)
{
    if (!occurrence.isValid())
        return StoreError::make(StoreError::Code::InvalidArgument, m_db.path(),
                                u"sign-up run without an occurrence"_s);
    Transaction transaction(m_db, Transaction::Durability::Full);
    if (auto error = transaction.begin())
        return *error;
    const auto group = groupRow(groupJid);
    if (!group)
        return group.error();
    if (auto error = m_activityExists.exec(activityId))
        return *error;
    const bool exists = m_activityExists.next();
    m_activityExists.finish();
    if (!exists)
        return StoreError::make(StoreError::Code::NotFound, m_db.path(),
                                u"no activity %1"_s.arg(activityId));
    if (auto error = m_openRun.exec(activityId, group.value(), occurrence.toMSecsSinceEpoch(),
                                    QDateTime::currentMSecsSinceEpoch()))
        return *error;
    const auto run = findRun(activityId, groupJid, occurrence);
    if (!run)
        return run.error();
    if (auto error = transaction.commit())
        return *error;
    return *run.value();
}

std::optional<StoreError> SignupRepository::insertEntries(qint64 runId, bool waitlist,
                                                          const QList<SignupEntry> &entries)
{
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const SignupEntry &e = entries.at(i);
        const QVariant joined = e.joinedAt.isValid()
            ? QVariant(e.joinedAt.toMSecsSinceEpoch())
            : QVariant(QMetaType::fromType<qint64>());
        if (auto error = m_addEntry.exec(runId, waitlist ? 1 : 0, int(i), e.person.value,
                                         int(e.person.basis), e.person.value, e.nick,
                                         store::json::fromMap(e.values), e.note, joined))
            return error;
    }
    return std::nullopt;
}

Expected<Done, StoreError> SignupRepository::saveState(qint64 runId, const SignupState &state)
{
    QSet<QString> people;
    for (const QList<SignupEntry> *list : {&state.confirmed, &state.waitlist}) {
        for (const SignupEntry &e : *list) {
            if (!e.person.isValid() || people.contains(e.person.value))
                return StoreError{StoreError::Code::InvalidArgument,
                                  tr("Every sign-up entry needs a member, and a member can "
                                     "sign up once."),
                                  u"run %1: entry for '%2'"_s.arg(runId).arg(e.person.value)};
            people.insert(e.person.value);
        }
    }
    Transaction transaction(m_db, Transaction::Durability::Full);
    if (auto error = transaction.begin())
        return *error;
    if (auto error = m_setRun.exec(state.closed ? 1 : 0, QDateTime::currentMSecsSinceEpoch(),
                                   runId))
        return *error;
    if (m_setRun.rowsAffected() == 0)
        return StoreError::make(StoreError::Code::NotFound, m_db.path(),
                                u"no sign-up run %1"_s.arg(runId));
    if (auto error = m_clearEntries.exec(runId))
        return *error;
    if (auto error = insertEntries(runId, false, state.confirmed))
        return *error;
    if (auto error = insertEntries(runId, true, state.waitlist))
        return *error;
    if (auto error = transaction.commit())
        return *error;
    return Done{};
}

Expected<SignupState, StoreError> SignupRepository::state(qint64 runId)
{
    if (auto error = m_run.exec(runId))
        return *error;
    if (!m_run.next())
        return StoreError::make(StoreError::Code::NotFound, m_db.path(),
                                u"no sign-up run %1"_s.arg(runId));
    SignupState state;
    state.closed = m_run.value(0).toBool();
    m_run.finish();
    if (auto error = m_entries.exec(runId))
        return *error;
    while (m_entries.next()) {
        SignupEntry e;
        e.person.value = m_entries.value(1).toString();
        e.person.basis = chat::PersonKey::Basis(m_entries.value(2).toInt());
        e.nick = m_entries.value(3).toString();
        e.values = store::json::toMap(m_entries.value(4).toString());
        e.note = m_entries.value(5).toString();
        if (!m_entries.isNull(6))
            e.joinedAt = QDateTime::fromMSecsSinceEpoch(m_entries.value(6).toLongLong(), Qt::UTC);
        (m_entries.value(0).toBool() ? state.waitlist : state.confirmed).append(e);
    }
    m_entries.finish();
    return state;
}

} // namespace chorus::activities
