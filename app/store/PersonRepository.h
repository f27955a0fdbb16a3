#pragma once

#include "chat/Types.h"
#include "core/Expected.h"
#include "store/NativeStatement.h"
#include "store/Statement.h"
#include "store/StoreError.h"

#include <QDateTime>
#include <QHash>

#include <optional>

namespace chorus::store {

/// A person as the operator knows them across groups.
struct Person
{
    qint64 id = 0;
    chat::PersonKey key;
    QString displayName; ///< the nick last seen
    QDateTime firstSeen; ///< UTC
    QDateTime lastSeen;  ///< UTC
    QString notes;       ///< the operator's own words
    QStringList tags;
    friend bool operator==(const Person &, const Person &) = default;
};

/// People across groups (keyed by chat::PersonKey) with the operator's notes and tags.
/// Owns people and person_tags.
class PersonRepository
{
public:
    explicit PersonRepository(Database &db);

    /// Records that the person was seen at `seen` under `displayName`, creating them if
    /// needed; widens first/last seen. Returns their row id.
    Expected<qint64, StoreError> touch(const chat::PersonKey &key, const QString &displayName,
                                       const QDateTime &seen);
    /// The ingest path: the person's row id, creating them if needed, for messages sent
    /// between firstMs and lastMs (ms since the epoch). A known person costs no statement
    /// unless firstMs is earlier than their first sighting (archive backfill): last seen
    /// and the current nick come from their memberships when read.
    Expected<qint64, StoreError> sighted(const chat::PersonKey &key, const QString &displayName,
                                         qint64 firstMs, qint64 lastMs);
    Expected<std::optional<Person>, StoreError> find(const chat::PersonKey &key);
    /// Sets the operator's notes (durable commit: they cannot be fetched again).
    Expected<Done, StoreError> setNotes(const chat::PersonKey &key, const QString &notes);
    Expected<Done, StoreError> setTags(const chat::PersonKey &key, const QStringList &tags);
    Expected<QList<Person>, StoreError> withTag(const QString &tag);

private:
    Expected<QList<Person>, StoreError> read(Statement &query);
    Expected<qint64, StoreError> upsert(const chat::PersonKey &key, const QString &displayName,
                                        std::optional<qint64> firstMs,
                                        std::optional<qint64> lastMs);
    Expected<qint64, StoreError> requireId(const chat::PersonKey &key);

    Database &m_db;
    struct Known
    {
        qint64 id = 0;
        qint64 firstMs = 0;
    };
    NativeStatement m_touch, m_widen; ///< per sender and ingest batch: the fast path
    QHash<QString, Known> m_known;   ///< by key; dropped after a rollback
    quint64 m_knownGeneration = 0;
    Statement m_find, m_tags, m_setNotes, m_clearTags, m_addTag, m_withTag, m_idOf;
};

} // namespace chorus::store
