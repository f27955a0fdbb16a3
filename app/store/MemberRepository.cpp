#include "store/MemberRepository.h"

#include "store/GroupRepository.h"
#include "store/PersonRepository.h"

using namespace Qt::StringLiterals;

namespace chorus::store {
namespace {

const QString kColumns = u"g.jid, m.nick, m.occupant_id, m.real_jid, m.role, m.affiliation, "
                         "m.presence, m.status_text, m.joined_at, m.last_message_at, "
                         "m.message_count"_s;

QDateTime fromMs(const QVariant &value)
{
    return value.isNull() ? QDateTime()
                          : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QVariant msOrNull(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch())
                          : QVariant(QMetaType::fromType<qint64>());
}

} // namespace

MemberRepository::MemberRepository(Database &db, GroupRepository &groups,
                                   PersonRepository &people)
    : m_db(db),
      m_groups(groups),
      m_people(people),
      m_upsert(db, uR"(INSERT INTO members(group_id, person_id, nick, occupant_id, real_jid,
                role, affiliation, presence, status_text, joined_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(group_id, person_id) DO UPDATE SET nick = excluded.nick,
                occupant_id = coalesce(excluded.occupant_id, members.occupant_id),
                real_jid = coalesce(excluded.real_jid, members.real_jid),
                role = excluded.role, affiliation = excluded.affiliation,
                presence = excluded.presence, status_text = excluded.status_text,
                joined_at = CASE WHEN members.joined_at IS NULL THEN excluded.joined_at
                    WHEN excluded.joined_at IS NULL THEN members.joined_at
                    ELSE min(members.joined_at, excluded.joined_at) END)"_s),
      m_offline(db, u"UPDATE members SET presence = 'offline', role = 'none' "
                    "WHERE group_id = (SELECT id FROM groups WHERE jid = ?)"_s),
      m_ofGroup(db, u"SELECT "_s + kColumns
                        + u" FROM members m JOIN groups g ON g.id = m.group_id WHERE g.jid = ? "
                          "ORDER BY m.last_message_at DESC NULLS LAST, m.nick"_s),
      m_ofPerson(db, u"SELECT "_s + kColumns
                         + u" FROM members m JOIN groups g ON g.id = m.group_id "
                           "JOIN people p ON p.id = m.person_id WHERE p.key = ? "
                           "ORDER BY g.name, g.jid"_s),
      m_activity(db, uR"(INSERT INTO members(group_id, person_id, nick, occupant_id, real_jid,
                last_message_at, message_count)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(group_id, person_id) DO UPDATE SET
                nick = CASE WHEN members.last_message_at IS NULL
                    OR excluded.last_message_at >= members.last_message_at
                    THEN excluded.nick ELSE members.nick END,
                occupant_id = coalesce(members.occupant_id, excluded.occupant_id),
                real_jid = coalesce(members.real_jid, excluded.real_jid),
                last_message_at = max(coalesce(members.last_message_at,
                                               excluded.last_message_at),
                                      excluded.last_message_at),
                message_count = members.message_count + excluded.message_count)"_s)
{
}

Expected<Done, StoreError> MemberRepository::saveOne(const chat::Member &m)
{
    const chat::PersonKey key = m.person();
    if (!key.isValid() || m.groupId.isEmpty())
        return StoreError::make(StoreError::Code::InvalidArgument, m_db.path(),
                                u"a member needs a group and a nick, occupant-id or JID"_s);
    const auto group = m_groups.ensure(m.groupId);
    if (!group)
        return group.error();
    const auto person = m_people.touch(key, m.nick, m.joinedAt);
    if (!person)
        return person.error();
    if (auto error = m_upsert.exec(group.value(), person.value(), m.nick, nullable(m.occupantId),
                                   nullable(m.realJid), chat::toString(m.role),
                                   chat::toString(m.affiliation), chat::toString(m.presence),
                                   m.statusText, msOrNull(m.joinedAt)))
        return *error;
    return Done{};
}

Expected<Done, StoreError> MemberRepository::save(const chat::Member &member)
{
    return saveAll({member});
}

Expected<Done, StoreError> MemberRepository::saveAll(const QList<chat::Member> &members)
{
    Transaction transaction(m_db);
    if (auto error = transaction.begin())
        return *error;
    for (const chat::Member &member : members) {
        if (const auto saved = saveOne(member); !saved)
            return saved;
    }
    if (auto error = transaction.commit())
        return *error;
    return Done{};
}

Expected<Done, StoreError> MemberRepository::setAllOffline(const QString &groupJid)
{
    if (auto error = m_offline.exec(groupJid))
        return *error;
    return Done{};
}

Expected<QList<MemberRecord>, StoreError> MemberRepository::read(Statement &q)
{
    QList<MemberRecord> records;
    while (q.next()) {
        MemberRecord r;
        r.member.groupId = q.value(0).toString();
        r.member.nick = q.value(1).toString();
        r.member.occupantId = q.value(2).toString();
        r.member.realJid = q.value(3).toString();
        r.member.role = chat::roleFromString(q.value(4).toString());
        r.member.affiliation = chat::affiliationFromString(q.value(5).toString());
        r.member.presence = chat::presenceFromString(q.value(6).toString());
        r.member.statusText = q.value(7).toString();
        r.member.joinedAt = fromMs(q.value(8));
        r.lastMessageAt = fromMs(q.value(9));
        r.messageCount = q.value(10).toInt();
        records.append(r);
    }
    q.finish();
    return records;
}

Expected<QList<MemberRecord>, StoreError> MemberRepository::ofGroup(const QString &groupJid)
{
    if (auto error = m_ofGroup.exec(groupJid))
        return *error;
    return read(m_ofGroup);
}

Expected<QList<MemberRecord>, StoreError> MemberRepository::ofPerson(const chat::PersonKey &key)
{
    if (auto error = m_ofPerson.exec(key.value))
        return *error;
    return read(m_ofPerson);
}

std::optional<StoreError> MemberRepository::recordActivity(qint64 groupId, qint64 personId,
                                                           const QString &nick,
                                                           const QString &occupantId,
                                                           const QString &realJid,
                                                           qint64 lastMessageMs, int count)
{
    if (auto error = m_activity.start())
        return error;
    m_activity.bind(1, groupId);
    m_activity.bind(2, personId);
    m_activity.bind(3, nick);
    m_activity.bindNullable(4, occupantId);
    m_activity.bindNullable(5, realJid);
    m_activity.bind(6, lastMessageMs);
    m_activity.bind(7, count);
    return m_activity.run();
}

} // namespace chorus::store
