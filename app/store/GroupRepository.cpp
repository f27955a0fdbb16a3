#include "store/GroupRepository.h"

#include <QDateTime>
#include <QHash>

using namespace Qt::StringLiterals;

namespace chorus::store {
namespace {

const QString kColumns = u"id, jid, name, nick, autojoin, subject, time_zone, config_name, "
                         "config_description, config_members_only, config_max_users, "
                         "config_persistent, config_public, config_real_jids_to_moderators, "
                         "config_history_length, config_archived, config_members_can_invite, "
                         "policy_open_invite_threshold, policy_hard_cap, "
                         "policy_newcomers_see_history, policy_invite_closed"_s;

chat::Group readGroup(const Statement &q)
{
    chat::Group g;
    g.id = q.value(1).toString();
    g.name = q.value(2).toString();
    g.nick = q.value(3).toString();
    g.autojoin = q.value(4).toBool();
    g.subject = q.value(5).toString();
    g.timeZone = q.value(6).toString();
    g.config.name = q.value(7).toString();
    g.config.description = q.value(8).toString();
    g.config.membersOnly = q.value(9).toBool();
    g.config.maxUsers = q.value(10).toInt();
    g.config.persistent = q.value(11).toBool();
    g.config.isPublic = q.value(12).toBool();
    g.config.realJidsToModerators = q.value(13).toBool();
    g.config.historyLength = q.value(14).toInt();
    g.config.archived = q.value(15).toBool();
    g.config.membersCanInvite = q.value(16).toBool();
    g.policy.openInviteThreshold = q.value(17).toInt();
    g.policy.hardCap = q.value(18).toInt();
    g.policy.newcomersSeeHistory = q.value(19).toBool();
    g.policy.inviteClosed = q.value(20).toBool();
    return g;
}

} // namespace

GroupRepository::GroupRepository(Database &db)
    : m_db(db),
      m_upsert(db, uR"(INSERT INTO groups(jid, name, nick, autojoin, subject, time_zone,
            config_name, config_description, config_members_only, config_max_users,
            config_persistent, config_public, config_real_jids_to_moderators,
            config_history_length, config_archived, config_members_can_invite,
            policy_open_invite_threshold, policy_hard_cap, policy_newcomers_see_history,
            policy_invite_closed, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(jid) DO UPDATE SET name = excluded.name, nick = excluded.nick,
            autojoin = excluded.autojoin, subject = excluded.subject,
            time_zone = excluded.time_zone, config_name = excluded.config_name,
            config_description = excluded.config_description,
            config_members_only = excluded.config_members_only,
            config_max_users = excluded.config_max_users,
            config_persistent = excluded.config_persistent,
            config_public = excluded.config_public,
            config_real_jids_to_moderators = excluded.config_real_jids_to_moderators,
            config_history_length = excluded.config_history_length,
            config_archived = excluded.config_archived,
            config_members_can_invite = excluded.config_members_can_invite,
            policy_open_invite_threshold = excluded.policy_open_invite_threshold,
            policy_hard_cap = excluded.policy_hard_cap,
            policy_newcomers_see_history = excluded.policy_newcomers_see_history,
            policy_invite_closed = excluded.policy_invite_closed,
            updated_at = excluded.updated_at
        RETURNING id)"_s),
      m_clearTags(db, u"DELETE FROM group_tags WHERE group_id = ?"_s),
      m_addTag(db, u"INSERT INTO group_tags(group_id, position, tag) VALUES (?, ?, ?)"_s),
      m_idOf(db, u"SELECT id FROM groups WHERE jid = ?"_s),
      m_insertBare(db, u"INSERT INTO groups(jid, created_at, updated_at) VALUES (?, ?, ?) "
                       "RETURNING id"_s),
      m_all(db, u"SELECT "_s + kColumns + u" FROM groups ORDER BY name, jid"_s),
      m_allTags(db, u"SELECT group_id, tag FROM group_tags ORDER BY group_id, position"_s),
      m_find(db, u"SELECT "_s + kColumns + u" FROM groups WHERE jid = ?"_s),
      m_findTags(db, u"SELECT tag FROM group_tags WHERE group_id = ? ORDER BY position"_s),
      m_remove(db, u"DELETE FROM groups WHERE jid = ?"_s),
      m_withTag(db, u"SELECT g.jid FROM group_tags t JOIN groups g ON g.id = t.group_id "
                    "WHERE t.tag = ? ORDER BY g.name, g.jid"_s),
      m_variables(db, u"SELECT name, value FROM group_variables WHERE group_id = ?"_s),
      m_clearVariables(db, u"DELETE FROM group_variables WHERE group_id = ?"_s),
      m_setVariable(db, u"INSERT INTO group_variables(group_id, name, value) VALUES (?, ?, ?) "
                        "ON CONFLICT(group_id, name) DO UPDATE SET value = excluded.value"_s),
      m_removeVariable(db, u"DELETE FROM group_variables WHERE group_id = ? AND name = ?"_s)
{
}

StoreError GroupRepository::notFound(const QString &jid) const
{
    return StoreError::make(StoreError::Code::NotFound, m_db.path(),
                            u"no group %1"_s.arg(jid));
}

Expected<qint64, StoreError> GroupRepository::saveOne(const chat::Group &g)
{
    if (g.id.isEmpty())
        return StoreError::make(StoreError::Code::InvalidArgument, m_db.path(),
                                u"a group needs its room JID"_s);
    const auto &c = g.config;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto &p = g.policy;
    if (auto error = m_upsert.exec(g.id, g.name, g.nick, g.autojoin, g.subject, g.timeZone, c.name,
                                   c.description, c.membersOnly, c.maxUsers, c.persistent,
                                   c.isPublic, c.realJidsToModerators, c.historyLength,
                                   c.archived, c.membersCanInvite, p.openInviteThreshold,
                                   p.hardCap, p.newcomersSeeHistory, p.inviteClosed, now, now))
        return *error;
    if (!m_upsert.next())
        return StoreError::make(StoreError::Code::Internal, m_db.path(), u"upsert gave no id"_s);
    const qint64 id = m_upsert.value(0).toLongLong();
    m_upsert.finish();
    if (auto error = m_clearTags.exec(id))
        return *error;
    for (qsizetype i = 0; i < g.tags.size(); ++i) {
        if (auto error = m_addTag.exec(id, int(i), g.tags.at(i)))
            return *error;
    }
    return id;
}

Expected<qint64, StoreError> GroupRepository::save(const chat::Group &group)
{
    Transaction transaction(m_db);
    if (auto error = transaction.begin())
        return *error;
    const auto id = saveOne(group);
    if (!id)
        return id;
    if (auto error = transaction.commit())
        return *error;
    return id;
}

Expected<Done, StoreError> GroupRepository::saveAll(const QList<chat::Group> &groups)
{
    Transaction transaction(m_db);
    if (auto error = transaction.begin())
        return *error;
    for (const chat::Group &group : groups) {
        if (const auto id = saveOne(group); !id)
            return id.error();
    }
    if (auto error = transaction.commit())
        return *error;
    return Done{};
}

Expected<QList<chat::Group>, StoreError> GroupRepository::all()
{
    QHash<qint64, QStringList> tags;
    if (auto error = m_allTags.exec())
        return *error;
    while (m_allTags.next())
        tags[m_allTags.value(0).toLongLong()].append(m_allTags.value(1).toString());
    m_allTags.finish();
    if (auto error = m_all.exec())
        return *error;
    QList<chat::Group> groups;
    while (m_all.next()) {
        chat::Group g = readGroup(m_all);
        g.tags = tags.value(m_all.value(0).toLongLong());
        groups.append(std::move(g));
    }
    m_all.finish();
    return groups;
}

Expected<std::optional<chat::Group>, StoreError> GroupRepository::find(const QString &jid)
{
    if (auto error = m_find.exec(jid))
        return *error;
    if (!m_find.next())
        return std::optional<chat::Group>();
    chat::Group g = readGroup(m_find);
    const qint64 id = m_find.value(0).toLongLong();
    m_find.finish();
    if (auto error = m_findTags.exec(id))
        return *error;
    while (m_findTags.next())
        g.tags.append(m_findTags.value(0).toString());
    m_findTags.finish();
    return std::optional<chat::Group>(std::move(g));
}

Expected<Done, StoreError> GroupRepository::remove(const QString &jid)
{
    Transaction transaction(m_db);
    if (auto error = transaction.begin())
        return *error;
    if (auto error = m_remove.exec(jid))
        return *error;
    if (m_remove.rowsAffected() == 0)
        return notFound(jid);
    m_ids.remove(jid);
    if (auto error = transaction.commit())
        return *error;
    return Done{};
}

Expected<QStringList, StoreError> GroupRepository::withTag(const QString &tag)
{
    if (auto error = m_withTag.exec(tag))
        return *error;
    QStringList jids;
    while (m_withTag.next())
        jids.append(m_withTag.value(0).toString());
    m_withTag.finish();
    return jids;
}

Expected<std::optional<qint64>, StoreError> GroupRepository::idOf(const QString &jid)
{
    if (m_idsGeneration != m_db.rollbackGeneration()) {
        m_ids.clear();
        m_idsGeneration = m_db.rollbackGeneration();
    }
    if (const auto it = m_ids.constFind(jid); it != m_ids.constEnd())
        return std::optional<qint64>(*it);
    if (auto error = m_idOf.exec(jid))
        return *error;
    std::optional<qint64> id;
    if (m_idOf.next())
        id = m_idOf.value(0).toLongLong();
    m_idOf.finish();
    if (id)
        m_ids.insert(jid, *id);
    return id;
}

Expected<qint64, StoreError> GroupRepository::ensure(const QString &jid)
{
    if (jid.isEmpty())
        return StoreError::make(StoreError::Code::InvalidArgument, m_db.path(),
                                u"a message without its group's JID"_s);
    const auto existing = idOf(jid);
    if (!existing)
        return existing.error();
    if (existing.value())
        return *existing.value();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (auto error = m_insertBare.exec(jid, now, now))
        return *error;
    if (!m_insertBare.next())
        return StoreError::make(StoreError::Code::Internal, m_db.path(), u"insert gave no id"_s);
    const qint64 id = m_insertBare.value(0).toLongLong();
    m_insertBare.finish();
    m_ids.insert(jid, id);
    return id;
}

Expected<QMap<QString, QString>, StoreError> GroupRepository::variables(const QString &jid)
{
    const auto id = idOf(jid);
    if (!id)
        return id.error();
    if (!id.value())
        return notFound(jid);
    if (auto error = m_variables.exec(*id.value()))
        return *error;
    QMap<QString, QString> vars;
    while (m_variables.next())
        vars.insert(m_variables.value(0).toString(), m_variables.value(1).toString());
    m_variables.finish();
    return vars;
}

Expected<Done, StoreError> GroupRepository::setVariables(const QString &jid,
                                                         const QMap<QString, QString> &variables)
{
    Transaction transaction(m_db);
    if (auto error = transaction.begin())
        return *error;
    const auto id = idOf(jid);
    if (!id)
        return id.error();
    if (!id.value())
        return notFound(jid);
    if (auto error = m_clearVariables.exec(*id.value()))
        return *error;
    for (auto it = variables.cbegin(); it != variables.cend(); ++it) {
        if (auto error = m_setVariable.exec(*id.value(), it.key(), it.value()))
            return *error;
    }
    if (auto error = transaction.commit())
        return *error;
    return Done{};
}

Expected<Done, StoreError> GroupRepository::setVariable(const QString &jid, const QString &name,
                                                        const QString &value)
{
    const auto id = idOf(jid);
    if (!id)
        return id.error();
    if (!id.value())
        return notFound(jid);
    if (auto error = m_setVariable.exec(*id.value(), name, value))
        return *error;
    return Done{};
}

Expected<Done, StoreError> GroupRepository::removeVariable(const QString &jid,
                                                           const QString &name)
{
    const auto id = idOf(jid);
    if (!id)
        return id.error();
    if (!id.value())
        return notFound(jid);
    if (auto error = m_removeVariable.exec(*id.value(), name))
        return *error;
    return Done{};
}

} // namespace chorus::store
