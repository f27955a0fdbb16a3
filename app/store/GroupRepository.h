#pragma once

#include "chat/Types.h"
#include "core/Expected.h"
#include "store/Statement.h"
#include "store/StoreError.h"

#include <QHash>
#include <QMap>

#include <optional>

namespace chorus::store {

/// The groups the operator runs (bookmark data, tags, time zone, configuration, join
/// policy) and their template variables. Owns groups, group_tags and group_variables.
class GroupRepository
{
public:
    explicit GroupRepository(Database &db);

    /// Inserts or updates the group with this JID, replacing its tags; returns its row id.
    Expected<qint64, StoreError> save(const chat::Group &group);
    /// Saves many groups in one transaction (a bookmark sync).
    Expected<Done, StoreError> saveAll(const QList<chat::Group> &groups);
    /// Every group, ordered by name then JID: what the window shows at start.
    Expected<QList<chat::Group>, StoreError> all();
    Expected<std::optional<chat::Group>, StoreError> find(const QString &jid);
    /// Removes the group with its members and messages.
    Expected<Done, StoreError> remove(const QString &jid);
    /// JIDs of the groups carrying `tag`.
    Expected<QStringList, StoreError> withTag(const QString &tag);

    /// The row id of the group, or nullopt when it is not stored.
    Expected<std::optional<qint64>, StoreError> idOf(const QString &jid);
    /// The row id of the group, storing a bare entry for it first when it is unknown
    /// (a message may arrive for a room before its bookmark).
    Expected<qint64, StoreError> ensure(const QString &jid);

    Expected<QMap<QString, QString>, StoreError> variables(const QString &jid);
    /// Replaces all of the group's variables.
    Expected<Done, StoreError> setVariables(const QString &jid,
                                            const QMap<QString, QString> &variables);
    Expected<Done, StoreError> setVariable(const QString &jid, const QString &name,
                                           const QString &value);
    Expected<Done, StoreError> removeVariable(const QString &jid, const QString &name);

private:
    Expected<qint64, StoreError> saveOne(const chat::Group &group);
    StoreError notFound(const QString &jid) const;

    Database &m_db;
    /// Row ids by JID; dropped after a rollback (an insert may have been undone).
    QHash<QString, qint64> m_ids;
    quint64 m_idsGeneration = 0;
    Statement m_upsert, m_clearTags, m_addTag, m_idOf, m_insertBare, m_all, m_allTags, m_find,
        m_findTags, m_remove, m_withTag, m_variables, m_clearVariables, m_setVariable,
        m_removeVariable;
};

} // namespace chorus::store
