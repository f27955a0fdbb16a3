#pragma once

#include "chat/Types.h"
#include "core/Expected.h"
#include "store/NativeStatement.h"
#include "store/Statement.h"
#include "store/StoreError.h"

#include <QDateTime>

namespace chorus::store {

class GroupRepository;
class PersonRepository;

/// A member of one group with what the store counts about them.
struct MemberRecord
{
    chat::Member member;
    QDateTime lastMessageAt; ///< UTC; invalid when they never wrote
    int messageCount = 0;
    friend bool operator==(const MemberRecord &, const MemberRecord &) = default;
};

/// Members per group: who is there, with role, affiliation, presence and activity.
/// Owns members.
class MemberRepository
{
public:
    MemberRepository(Database &db, GroupRepository &groups, PersonRepository &people);

    /// Inserts or updates a member (presence, role...); keeps the earliest join time.
    Expected<Done, StoreError> save(const chat::Member &member);
    /// Saves a room's occupant list in one transaction.
    Expected<Done, StoreError> saveAll(const QList<chat::Member> &members);
    /// Marks everyone in the group offline (we left, or the connection dropped).
    Expected<Done, StoreError> setAllOffline(const QString &groupJid);

    /// Members of a group, most recently active first.
    Expected<QList<MemberRecord>, StoreError> ofGroup(const QString &groupJid);
    /// The person's memberships across groups.
    Expected<QList<MemberRecord>, StoreError> ofPerson(const chat::PersonKey &key);

    /// Adds `count` stored messages from the person to the member's activity (ingest).
    std::optional<StoreError> recordActivity(qint64 groupId, qint64 personId,
                                             const QString &nick, const QString &occupantId,
                                             const QString &realJid, qint64 lastMessageMs,
                                             int count);

private:
    Expected<Done, StoreError> saveOne(const chat::Member &member);
    Expected<QList<MemberRecord>, StoreError> read(Statement &query);

    Database &m_db;
    GroupRepository &m_groups;
    PersonRepository &m_people;
    Statement m_upsert, m_offline, m_ofGroup, m_ofPerson;
    NativeStatement m_activity; ///< per sender and ingest batch: the fast path
};

} // namespace chorus::store
