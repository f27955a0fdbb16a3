#include "store/MessageSearch.h"

#include "store/GroupRepository.h"
#include "store/PersonRepository.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace chorus::store {

/// The conditions of a query. The index answers group and sender filters with facet
/// words (`facets`); a scan checks them in SQL (`rows`, where `%ID%` is the id column to
/// bound by date). `text` checks the terms no index answers, on column `body`.
struct MessageSearch::Filters
{
    QStringList facets;
    QString rows;
    QVariantList rowValues;
    QString range; ///< id bounds (whole hours), `%ID%` to fill in
    QVariantList rangeValues;
    QString exact; ///< the exact time bounds, on column m.timestamp
    QVariantList exactValues;
    QString text;
    QVariantList textValues;
    bool impossible = false; ///< an unknown group or person: nothing can match

    QString rowsOn(const QString &idColumn) const
    {
        QString sql = rows + range + exact;
        return sql.replace(u"%ID%"_s, idColumn);
    }
};

namespace {

using Ranked = QList<QPair<qint64, double>>;

void bindAll(NativeStatement &q, const QVariantList &values)
{
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QVariant &v = values.at(i);
        if (v.typeId() == QMetaType::QString)
            q.bind(int(i + 1), v.toString());
        else
            q.bind(int(i + 1), v.toLongLong());
    }
}

} // namespace

MessageSearch::MessageSearch(Database &db, GroupRepository &groups, PersonRepository &people,
                             MessageRepository &messages, Limits limits)
    : m_db(db), m_groups(groups), m_people(people), m_messages(messages), m_limits(limits)
{
}

MessageSearch::~MessageSearch() = default;

NativeStatement &MessageSearch::statement(const QString &sql)
{
    auto &slot = m_statements[sql];
    if (!slot)
        slot = std::make_shared<NativeStatement>(m_db, sql);
    return *slot;
}

Expected<Ranked, StoreError> MessageSearch::rank(const QString &match, const Filters &filters)
{
    // Rank (bm25) only the newest `candidates` matches: ids are in time order, so FTS5
    // walks its doclists newest first and stops early. Ranking every match of a common
    // word over a million messages costs hundreds of milliseconds. Facets weigh nothing.
    QString expression = u"{search_words search_tails} : (%1)"_s.arg(match);
    for (const QString &facet : filters.facets)
        expression += u" AND search_facets : ("_s + facet + u')';
    QString range = filters.range;
    range.replace(u"%ID%"_s, u"message_search.rowid"_s);
    QString sql;
    if (filters.text.isEmpty() && filters.exact.isEmpty()) {
        sql = u"SELECT rowid, bm25(message_search, 1.0, 1.0, 0.0) FROM message_search "
              "WHERE message_search MATCH ?%1 ORDER BY rowid DESC LIMIT ?"_s.arg(range);
    } else {
        // Terms the index cannot see are checked on the message text, exact times on the
        // row (the id bounds are whole hours).
        QString text = filters.exact + filters.text;
        text.replace(u"(body)"_s, u"(m.body)"_s);
        sql = u"SELECT m.id, bm25(message_search, 1.0, 1.0, 0.0) FROM message_search "
              "CROSS JOIN messages m ON m.id = message_search.rowid "
              "WHERE message_search MATCH ?%1%2 ORDER BY message_search.rowid DESC LIMIT ?"_s
                  .arg(range, text);
    }
    QVariantList values{expression};
    values += filters.rangeValues;
    values += filters.exactValues;
    values += filters.textValues;
    values << m_limits.candidates;
    NativeStatement &q = statement(sql);
    if (auto error = q.start())
        return *error;
    bindAll(q, values);
    Ranked ranked;
    std::optional<StoreError> error;
    while (q.next(&error))
        ranked.append({q.int64(0), q.real(1)});
    if (error)
        return *error;
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) {
        return a.second < b.second || (a.second == b.second && a.first > b.first);
    });
    return ranked;
}

Expected<Ranked, StoreError> MessageSearch::scan(const Filters &filters, int wanted,
                                                 bool *exhausted)
{
    // Terms no index can answer: look through the newest messages only, newest first. A
    // bounded window keeps the answer fast on any history size.
    const QString inner = u"SELECT m.id AS id, m.body AS body FROM messages m "
                          "WHERE m.action = 0%1 ORDER BY m.id DESC LIMIT ?"_s.arg(
                              filters.rowsOn(u"m.id"_s));
    QVariantList values = filters.rowValues;
    values += filters.rangeValues;
    values += filters.exactValues;
    values << m_limits.scanWindow;
    QVariantList outer = values;
    outer += filters.textValues;
    outer << wanted;
    NativeStatement &q = statement(u"SELECT id FROM ("_s + inner + u") WHERE 1"_s + filters.text
                                   + u" LIMIT ?"_s);
    if (auto error = q.start())
        return *error;
    bindAll(q, outer);
    Ranked found;
    std::optional<StoreError> error;
    while (q.next(&error))
        found.append({q.int64(0), 0.0});
    if (error)
        return *error;
    *exhausted = false;
    if (found.size() < wanted) {
        // Did the window stop short of the oldest message?
        NativeStatement &count = statement(u"SELECT count(*) FROM ("_s + inner + u")"_s);
        if (auto failure = count.start())
            return *failure;
        bindAll(count, values);
        if (count.next(&error))
            *exhausted = count.int64(0) >= m_limits.scanWindow;
        count.reset();
        if (error)
            return *error;
    }
    return found;
}

Expected<SearchPage, StoreError> MessageSearch::search(const SearchQuery &query)
{
    const QList<text::Term> terms = text::parseQuery(query.text);
    if (terms.isEmpty() || query.limit <= 0 || query.offset < 0)
        return StoreError::make(StoreError::Code::InvalidArgument, m_db.path(),
                                u"empty search or bad page (%1, %2)"_s.arg(query.offset)
                                    .arg(query.limit));
    Filters filters;
    if (!query.groupJids.isEmpty()) {
        QStringList marks, facets;
        for (const QString &jid : query.groupJids) {
            const auto id = m_groups.idOf(jid);
            if (!id)
                return id.error();
            if (id.value()) {
                marks << u"?"_s;
                filters.rowValues << *id.value();
                facets << u"\"g%1\""_s.arg(*id.value());
            }
        }
        filters.impossible = marks.isEmpty();
        filters.facets << facets.join(u" OR "_s);
        // One group: its timeline index; several: checked per row while walking by id.
        filters.rows += marks.size() == 1 ? u" AND m.group_id = ?"_s
                                          : u" AND +m.group_id IN (%1)"_s.arg(marks.join(u','));
    }
    if (query.sender.isValid()) {
        const auto person = m_people.find(query.sender);
        if (!person)
            return person.error();
        filters.impossible = filters.impossible || !person.value();
        const qint64 id = person.value() ? person.value()->id : 0;
        filters.facets << u"\"p%1\""_s.arg(id);
        filters.rows += u" AND m.sender_person = ?"_s;
        filters.rowValues << id;
    }
    if (query.from.isValid()) {
        const qint64 ms = query.from.toMSecsSinceEpoch();
        filters.range += u" AND %ID% >= ?"_s;
        filters.rangeValues << MessageRepository::bucketFloor(ms);
        filters.exact += u" AND m.timestamp >= ?"_s;
        filters.exactValues << ms;
    }
    if (query.to.isValid()) {
        const qint64 ms = query.to.toMSecsSinceEpoch();
        filters.range += u" AND %ID% < ?"_s;
        filters.rangeValues << MessageRepository::nextBucketFloor(ms - 1);
        filters.exact += u" AND m.timestamp < ?"_s;
        filters.exactValues << ms;
    }

    // Terms the index answers form the MATCH; the rest are checked on the text.
    QStringList match, highlight;
    for (const text::Term &t : terms) {
        highlight << t.text;
        if (t.indexed) {
            match << t.match;
        } else {
            filters.text += u" AND instr(lower(body), ?) > 0"_s;
            filters.textValues << text::asciiLower(t.text);
        }
    }
    SearchPage page;
    page.method = match.isEmpty() ? SearchPage::Method::RecentScan : SearchPage::Method::Index;
    if (filters.impossible)
        return page;

    const int end = query.offset + query.limit;
    Ranked ranked;
    if (page.method == SearchPage::Method::RecentScan) {
        bool exhausted = false;
        auto found = scan(filters, end + 1, &exhausted);
        if (!found)
            return found.error();
        ranked = std::move(found.value());
        page.truncated = exhausted;
    } else {
        auto found = rank(match.join(u' '), filters);
        if (!found)
            return found.error();
        ranked = std::move(found.value());
        page.truncated = ranked.size() >= m_limits.candidates;
    }
    page.ranked = int(ranked.size());
    page.more = ranked.size() > end;

    QList<qint64> ids;
    QHash<qint64, double> scores;
    for (qsizetype i = query.offset; i < std::min<qsizetype>(end, ranked.size()); ++i) {
        ids << ranked.at(i).first;
        scores.insert(ranked.at(i).first, ranked.at(i).second);
    }
    auto rows = m_messages.byIds(ids);
    if (!rows)
        return rows.error();
    for (StoredMessage &row : rows.value()) {
        SearchHit hit;
        hit.snippet = text::makeSnippet(row.message.body, highlight);
        hit.score = scores.value(row.id);
        hit.message = std::move(row);
        page.hits.append(std::move(hit));
    }
    return page;
}

} // namespace chorus::store
