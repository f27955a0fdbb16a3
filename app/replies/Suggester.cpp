#include "replies/Suggester.h"

#include "replies/TextAnalysis.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>
#include <cmath>

using namespace Qt::StringLiterals;

namespace chorus::replies {

namespace {

QString quoted(const QString &token)
{
    QString t = token;
    t.replace(u"\""_s, u"\"\""_s);
    return u'"' + t + u'"';
}

QString orQuery(const QStringList &tokens)
{
    QStringList parts;
    for (const QString &t : tokens) {
        const QString q = quoted(t);
        if (!parts.contains(q))
            parts.append(q);
    }
    return parts.join(u" OR "_s);
}

// A variable name reads as words in the index: "{plug_type}" -> "plug type".
QString searchableBody(const QString &body)
{
    QString out = body;
    out.replace(u'{', u' ').replace(u'}', u' ');
    return out;
}

bool useEditDistance(SuggesterOptions::Fuzzy f)
{
    return f == SuggesterOptions::Fuzzy::EditDistance || f == SuggesterOptions::Fuzzy::Both;
}

bool useTrigrams(SuggesterOptions::Fuzzy f)
{
    return f == SuggesterOptions::Fuzzy::Trigram || f == SuggesterOptions::Fuzzy::Both;
}

} // namespace

ReplySuggester::ReplySuggester(SuggesterOptions options) : m_options(options)
{
    static std::atomic<int> counter {0};
    m_connection = u"chorus-replies-suggester-"_s + QString::number(++counter);
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    m_db.setDatabaseName(u":memory:"_s);
}

ReplySuggester::~ReplySuggester()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connection);
}

Expected<Done, SuggesterError> ReplySuggester::rebuild(const TemplateLibrary &library)
{
    if (!m_db.isOpen() && !m_db.open())
        return SuggesterError {SuggesterError::Code::DatabaseUnavailable,
                               QCoreApplication::translate("chorus::replies::Suggester",
                                                           "cannot open the in-memory index: %1")
                                   .arg(m_db.lastError().text())};
    QSqlQuery q(m_db);
    const auto failed = [&](const QSqlQuery &query, SuggesterError::Code code) {
        const QString reason = query.lastError().text();
        m_db.rollback();
        return SuggesterError {code,
                               QCoreApplication::translate("chorus::replies::Suggester",
                                                           "cannot build the suggestion index: %1")
                                   .arg(reason)};
    };
    q.exec(u"DROP TABLE IF EXISTS docs"_s);
    q.exec(u"DROP TABLE IF EXISTS grams"_s);
    // Text is analysed here (abbreviations, stop words, CJK pairs) and handed to FTS5
    // as space-separated tokens; FTS5 adds Porter stemming and BM25.
    if (!q.exec(u"CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, keywords, title, body, "
                "tokenize = 'porter unicode61 remove_diacritics 2')"_s))
        return failed(q, SuggesterError::Code::FullTextSearchUnavailable);
    if (!q.exec(u"CREATE VIRTUAL TABLE grams USING fts5(id UNINDEXED, words, "
                "tokenize = 'trigram')"_s))
        return failed(q, SuggesterError::Code::FullTextSearchUnavailable);

    m_entries.clear();
    m_vocabulary.clear();
    m_byLength.clear();
    m_db.transaction();
    QSqlQuery insertDoc(m_db), insertGrams(m_db);
    insertDoc.prepare(u"INSERT INTO docs (id, keywords, title, body) VALUES (?, ?, ?, ?)"_s);
    insertGrams.prepare(u"INSERT INTO grams (id, words) VALUES (?, ?)"_s);
    for (const Template &t : library.templates()) {
        QStringList keywords, titles, bodies, named;
        Entry entry {t.scope, t.usageCount, {}};
        for (auto it = t.variants.cbegin(); it != t.variants.cend(); ++it) {
            // Keywords are phrases; a comma between them keeps pairs from spanning two.
            const AnalyzedText k = analyzeText(it->keywords.join(u" , "_s));
            const AnalyzedText n = analyzeText(it->title);
            const AnalyzedText b = analyzeText(searchableBody(it->body));
            keywords += k.all();
            titles += n.all();
            bodies += b.all();
            named += k.words + n.words;
            for (const QString &w : k.words + n.words + b.words) {
                if (!m_vocabulary.contains(w)) {
                    m_vocabulary.insert(w);
                    m_byLength[int(w.size())].append(w);
                }
            }
            entry.probe.variants.insert(it.key(), {});
        }
        insertDoc.addBindValue(t.id);
        insertDoc.addBindValue(keywords.join(u' '));
        insertDoc.addBindValue(titles.join(u' '));
        insertDoc.addBindValue(bodies.join(u' '));
        if (!insertDoc.exec())
            return failed(insertDoc, SuggesterError::Code::IndexFailed);
        if (useTrigrams(m_options.fuzzy)) {
            insertGrams.addBindValue(t.id);
            insertGrams.addBindValue(named.join(u' '));
            if (!insertGrams.exec())
                return failed(insertGrams, SuggesterError::Code::IndexFailed);
        }
        m_entries.insert(t.id, entry);
    }
    if (!m_db.commit())
        return failed(q, SuggesterError::Code::IndexFailed);
    return Done {};
}

void ReplySuggester::setUsage(const QString &templateId, int usageCount)
{
    if (auto it = m_entries.find(templateId); it != m_entries.end())
        it->usage = usageCount;
}

QStringList ReplySuggester::expand(const QString &word) const
{
    // Only words the library does not know, long enough that a typo is likely the
    // reason; 1 edit up to 5 letters, 2 beyond.
    QStringList out;
    if (word.size() < 4 || m_vocabulary.contains(word))
        return out;
    // A plural of a known word is not a typo; the stemmer already matches it.
    if (word.endsWith(u's') && m_vocabulary.contains(word.chopped(1)))
        return out;
    const int limit = word.size() <= 5 ? 1 : 2;
    for (int len = int(word.size()) - limit; len <= int(word.size()) + limit; ++len) {
        for (const QString &candidate : m_byLength.value(len)) {
            if (editDistance(word, candidate, limit) <= limit)
                out.append(candidate);
        }
    }
    return out;
}

std::pair<QString, QString> ReplySuggester::matchQueries(const QString &question) const
{
    const AnalyzedText analyzed = analyzeText(question);
    QStringList guesses;
    if (useEditDistance(m_options.fuzzy)) {
        for (const QString &w : analyzed.words)
            guesses += expand(w);
    }
    return {orQuery(analyzed.all()), orQuery(guesses)};
}

QHash<QString, double> ReplySuggester::runMatch(const QString &sql, const QString &match) const
{
    QHash<QString, double> scores;
    if (match.isEmpty())
        return scores;
    QSqlQuery q(m_db);
    q.prepare(sql);
    q.addBindValue(match);
    if (!q.exec())
        return scores;
    while (q.next())
        scores.insert(q.value(0).toString(), -q.value(1).toDouble()); // bm25: lower is better
    return scores;
}

QList<Suggestion> ReplySuggester::suggest(const QString &question, const GroupContext &group,
                                          int limit) const
{
    QList<Suggestion> ranked;
    if (!m_db.isOpen() || limit <= 0)
        return ranked;

    const QString sql = u"SELECT id, bm25(docs, 0, %1, %2, %3) FROM docs WHERE docs MATCH ?"_s
                            .arg(m_options.keywordWeight)
                            .arg(m_options.titleWeight)
                            .arg(m_options.bodyWeight);
    const auto [typed, guessed] = matchQueries(question);
    QHash<QString, double> scores = runMatch(sql, typed);
    const QHash<QString, double> corrected = runMatch(sql, guessed);
    for (auto it = corrected.cbegin(); it != corrected.cend(); ++it)
        scores[it.key()] += m_options.expansionWeight * *it;

    if (useTrigrams(m_options.fuzzy)) {
        QStringList grams;
        for (const QString &w : analyzeText(question).words) {
            if (w.size() >= 4)
                grams += trigrams(w).mid(1, w.size() - 2); // inner trigrams only
        }
        const QHash<QString, double> fuzzy
            = runMatch(u"SELECT id, bm25(grams) FROM grams WHERE grams MATCH ?"_s, orQuery(grams));
        for (auto it = fuzzy.cbegin(); it != fuzzy.cend(); ++it)
            scores[it.key()] += m_options.trigramWeight * *it;
    }

    const QString language = detectLanguage(question);
    for (auto it = scores.cbegin(); it != scores.cend(); ++it) {
        const auto entry = m_entries.constFind(it.key());
        if (entry == m_entries.cend() || !entry->scope.allows(group.groupId, group.tags))
            continue;
        const double score = *it * (1.0 + m_options.usageWeight * std::log1p(entry->usage));
        ranked.append({it.key(), entry->probe.resolveLanguage(language), score});
    }
    std::sort(ranked.begin(), ranked.end(), [](const Suggestion &a, const Suggestion &b) {
        return a.score != b.score ? a.score > b.score : a.templateId < b.templateId;
    });
    if (ranked.size() > limit)
        ranked.resize(limit);
    return ranked;
}

} // namespace chorus::replies
