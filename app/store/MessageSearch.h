#pragma once

#include "chat/Types.h"
#include "core/Expected.h"
#include "store/MessageRepository.h"
#include "store/NativeStatement.h"
#include "store/StoreError.h"
#include "store/TextIndex.h"

#include <QDateTime>
#include <QHash>

#include <memory>

namespace chorus::store {

class GroupRepository;
class PersonRepository;

/// What to look for across all history.
struct SearchQuery
{
    QString text;                ///< words or "quoted phrases"; all must occur
    QStringList groupJids;       ///< only these groups (empty: all)
    chat::PersonKey sender;      ///< only this member's messages (invalid: anyone)
    QDateTime from;              ///< inclusive, UTC (invalid: open)
    QDateTime to;                ///< exclusive, UTC (invalid: open)
    int offset = 0;
    int limit = 20;
};

struct SearchHit
{
    StoredMessage message;
    text::Snippet snippet; ///< the matched part of the body with its highlights
    double score = 0;      ///< bm25: lower is better (0 for a recent scan)
};

struct SearchPage
{
    /// How the hits were found: the full-text index (ranked by bm25), or, when every
    /// term is a single Latin letter or punctuation, a scan of the newest messages.
    enum class Method { Index, RecentScan };

    QList<SearchHit> hits;
    Method method = Method::Index;
    int ranked = 0;         ///< matches ranked for this query (pages come from these)
    bool more = false;      ///< another page follows within `ranked`
    bool truncated = false; ///< older matches exist beyond what was ranked: narrow the dates
};

/// Full-text search over every group's messages: ranked (bm25) among the newest matches
/// (newest days first, see StoredMessage),
/// filtered by group, sender and dates, with a highlighted snippet per hit. Owns the
/// message_search index (kept by triggers in the core schema).
class MessageSearch
{
public:
    struct Limits
    {
        int candidates = 1000;  ///< newest matches ranked per query
        int scanWindow = 50000; ///< newest messages a recent scan looks through
    };

    MessageSearch(Database &db, GroupRepository &groups, PersonRepository &people,
                  MessageRepository &messages, Limits limits);
    MessageSearch(Database &db, GroupRepository &groups, PersonRepository &people,
                  MessageRepository &messages)
        : MessageSearch(db, groups, people, messages, Limits{})
    {
    }
    ~MessageSearch();

    Expected<SearchPage, StoreError> search(const SearchQuery &query);

private:
    struct Filters;
    NativeStatement &statement(const QString &sql);
    Expected<QList<QPair<qint64, double>>, StoreError> rank(const QString &match,
                                                            const Filters &filters);
    Expected<QList<QPair<qint64, double>>, StoreError> scan(const Filters &filters, int wanted,
                                                            bool *exhausted);

    Database &m_db;
    GroupRepository &m_groups;
    PersonRepository &m_people;
    MessageRepository &m_messages;
    Limits m_limits;
    QHash<QString, std::shared_ptr<NativeStatement>> m_statements; ///< by SQL: filters vary
};

} // namespace chorus::store
