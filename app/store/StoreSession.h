#pragma once

#include "store/Database.h"
#include "store/GroupRepository.h"
#include "store/MemberRepository.h"
#include "store/MessageRepository.h"
#include "store/MessageSearch.h"
#include "store/PersonRepository.h"

#include <memory>
#include <typeindex>
#include <unordered_map>

namespace chorus::store {

/// The repositories of one connection (so: of one thread). A feature keeps its own
/// repository here too: `session.repository<SalesRepository>()` builds it on first use
/// from the session's Database and keeps its prepared statements for later jobs.
class StoreSession
{
public:
    explicit StoreSession(Database &db, MessageSearch::Limits limits = {})
        : m_db(db),
          m_groups(db),
          m_people(db),
          m_members(db, m_groups, m_people),
          m_messages(db, m_groups, m_people, m_members),
          m_search(db, m_groups, m_people, m_messages, limits)
    {
    }

    Database &database() { return m_db; }
    GroupRepository &groups() { return m_groups; }
    PersonRepository &people() { return m_people; }
    MemberRepository &members() { return m_members; }
    MessageRepository &messages() { return m_messages; }
    MessageSearch &search() { return m_search; }

    /// A feature's repository on this connection; R is constructible from Database&.
    template <typename R>
    R &repository()
    {
        auto &slot = m_extra[std::type_index(typeid(R))];
        if (!slot)
            slot = std::make_shared<R>(m_db);
        return *static_cast<R *>(slot.get());
    }

private:
    Database &m_db;
    GroupRepository m_groups;
    PersonRepository m_people;
    MemberRepository m_members;
    MessageRepository m_messages;
    MessageSearch m_search;
    std::unordered_map<std::type_index, std::shared_ptr<void>> m_extra;
};

} // namespace chorus::store
