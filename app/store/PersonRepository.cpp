#include "store/PersonRepository.h"

using namespace Qt::StringLiterals;

namespace chorus::store {
namespace {

// Last seen and the current nick come from the memberships, which ingest keeps current.
const QString kColumns =
    u"p.id, p.key, p.basis, "
    "coalesce((SELECT m.nick FROM members m WHERE m.person_id = p.id "
    "          ORDER BY m.last_message_at DESC NULLS LAST LIMIT 1), p.display_name), "
    "p.first_seen, "
    "nullif(max(coalesce(p.last_seen, 0), coalesce((SELECT max(m.last_message_at) "
    "    FROM members m WHERE m.person_id = p.id), 0)), 0), "
    "p.notes"_s;

QDateTime fromMs(const QVariant &value)
{
    return value.isNull() ? QDateTime()
                          : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

} // namespace

PersonRepository::PersonRepository(Database &db)
    : m_db(db),
      m_touch(db, uR"(INSERT INTO people(key, basis, display_name, first_seen, last_seen)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(key) DO UPDATE SET
                display_name = CASE WHEN excluded.display_name <> ''
                    AND (people.last_seen IS NULL OR excluded.last_seen >= people.last_seen)
                    THEN excluded.display_name ELSE people.display_name END,
                first_seen = min(coalesce(people.first_seen, excluded.first_seen),
                                 coalesce(excluded.first_seen, people.first_seen)),
                last_seen = max(coalesce(people.last_seen, excluded.last_seen),
                                coalesce(excluded.last_seen, people.last_seen))
            RETURNING id)"_s),
      m_widen(db, u"UPDATE people SET first_seen = ?1 WHERE id = ?2 "
                  "AND (first_seen IS NULL OR first_seen > ?1)"_s),
      m_find(db, u"SELECT "_s + kColumns + u" FROM people p WHERE p.key = ?"_s),
      m_tags(db, u"SELECT tag FROM person_tags WHERE person_id = ? ORDER BY position"_s),
      m_setNotes(db, u"UPDATE people SET notes = ? WHERE key = ?"_s),
      m_clearTags(db, u"DELETE FROM person_tags WHERE person_id = ?"_s),
      m_addTag(db, u"INSERT INTO person_tags(person_id, position, tag) VALUES (?, ?, ?)"_s),
      m_withTag(db, u"SELECT "_s + kColumns
                        + u" FROM person_tags t JOIN people p ON p.id = t.person_id "
                          "WHERE t.tag = ? ORDER BY p.display_name, p.key"_s),
      m_idOf(db, u"SELECT id FROM people WHERE key = ?"_s)
{
}

Expected<qint64, StoreError> PersonRepository::upsert(const chat::PersonKey &key,
                                                      const QString &displayName,
                                                      std::optional<qint64> firstMs,
                                                      std::optional<qint64> lastMs)
{
    if (!key.isValid())
        return StoreError::make(StoreError::Code::InvalidArgument, m_db.path(),
                                u"a person without a key"_s);
    NativeStatement &touch = m_touch;
    if (auto error = touch.start())
        return *error;
    touch.bind(1, key.value);
    touch.bind(2, int(key.basis));
    touch.bind(3, displayName);
    if (firstMs)
        touch.bind(4, *firstMs);
    if (lastMs)
        touch.bind(5, *lastMs);
    std::optional<StoreError> error;
    if (!touch.next(&error))
        return error ? *error
                     : StoreError::make(StoreError::Code::Internal, m_db.path(),
                                        u"upsert gave no id"_s);
    const qint64 id = touch.int64(0);
    touch.reset();
    return id;
}

Expected<qint64, StoreError> PersonRepository::sighted(const chat::PersonKey &key,
                                                       const QString &displayName,
                                                       qint64 firstMs, qint64 lastMs)
{
    if (m_knownGeneration != m_db.rollbackGeneration()) {
        m_known.clear();
        m_knownGeneration = m_db.rollbackGeneration();
    }
    auto known = m_known.find(key.value);
    if (known == m_known.end()) {
        const auto id = upsert(key, displayName, firstMs, lastMs);
        if (!id)
            return id;
        // first_seen may be older than firstMs: only a later widen would be skipped, and
        // that one is guarded in SQL.
        m_known.insert(key.value, {id.value(), firstMs});
        return id;
    }
    if (firstMs < known->firstMs) {
        if (auto error = m_widen.start())
            return *error;
        m_widen.bind(1, firstMs);
        m_widen.bind(2, known->id);
        if (auto error = m_widen.run())
            return *error;
        known->firstMs = firstMs;
    }
    return known->id;
}

Expected<qint64, StoreError> PersonRepository::touch(const chat::PersonKey &key,
                                                     const QString &displayName,
                                                     const QDateTime &seen)
{
    std::optional<qint64> ms;
    if (seen.isValid())
        ms = seen.toMSecsSinceEpoch();
    return upsert(key, displayName, ms, ms);
}

Expected<QList<Person>, StoreError> PersonRepository::read(Statement &query)
{
    QList<Person> people;
    while (query.next()) {
        Person p;
        p.id = query.value(0).toLongLong();
        p.key.value = query.value(1).toString();
        p.key.basis = chat::PersonKey::Basis(query.value(2).toInt());
        p.displayName = query.value(3).toString();
        p.firstSeen = fromMs(query.value(4));
        p.lastSeen = fromMs(query.value(5));
        p.notes = query.value(6).toString();
        people.append(p);
    }
    query.finish();
    for (Person &p : people) {
        if (auto error = m_tags.exec(p.id))
            return *error;
        while (m_tags.next())
            p.tags.append(m_tags.value(0).toString());
        m_tags.finish();
    }
    return people;
}

Expected<std::optional<Person>, StoreError> PersonRepository::find(const chat::PersonKey &key)
{
    if (auto error = m_find.exec(key.value))
        return *error;
    const auto people = read(m_find);
    if (!people)
        return people.error();
    if (people.value().isEmpty())
        return std::optional<Person>();
    return std::optional<Person>(people.value().first());
}

Expected<qint64, StoreError> PersonRepository::requireId(const chat::PersonKey &key)
{
    if (auto error = m_idOf.exec(key.value))
        return *error;
    if (!m_idOf.next())
        return StoreError::make(StoreError::Code::NotFound, m_db.path(),
                                u"no person %1"_s.arg(key.value));
    const qint64 id = m_idOf.value(0).toLongLong();
    m_idOf.finish();
    return id;
}

Expected<Done, StoreError> PersonRepository::setNotes(const chat::PersonKey &key,
                                                      const QString &notes)
{
    Transaction transaction(m_db, Transaction::Durability::Full);
    if (auto error = transaction.begin())
        return *error;
    if (auto error = m_setNotes.exec(notes, key.value))
        return *error;
    if (m_setNotes.rowsAffected() == 0)
        return StoreError::make(StoreError::Code::NotFound, m_db.path(),
                                u"no person %1"_s.arg(key.value));
    if (auto error = transaction.commit())
        return *error;
    return Done{};
}

Expected<Done, StoreError> PersonRepository::setTags(const chat::PersonKey &key,
                                                     const QStringList &tags)
{
    Transaction transaction(m_db, Transaction::Durability::Full);
    if (auto error = transaction.begin())
        return *error;
    const auto id = requireId(key);
    if (!id)
        return id.error();
    if (auto error = m_clearTags.exec(id.value()))
        return *error;
    for (qsizetype i = 0; i < tags.size(); ++i) {
        if (auto error = m_addTag.exec(id.value(), int(i), tags.at(i)))
            return *error;
    }
    if (auto error = transaction.commit())
        return *error;
    return Done{};
}

Expected<QList<Person>, StoreError> PersonRepository::withTag(const QString &tag)
{
    if (auto error = m_withTag.exec(tag))
        return *error;
    return read(m_withTag);
}

} // namespace chorus::store
