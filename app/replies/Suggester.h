#pragma once

// Ranks the library's templates against a question from a group: BM25 (SQLite FTS5, an
// in-memory index rebuilt from the library) over keywords, titles and bodies in every
// language, with typo tolerance, weighted by how often each template is used, limited
// to the templates the group's scope allows.

#include "replies/Library.h"
#include "replies/Renderer.h"

#include "core/Expected.h"

#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <utility>

namespace chorus::replies {

/// Knobs of the ranking (defaults are the measured best; see the suggestion test).
struct SuggesterOptions
{
    /// How misspelt words still find their template.
    enum class Fuzzy {
        None, ///< exact words only (after stemming)
        EditDistance, ///< add library words within 1-2 edits of an unknown query word
        Trigram, ///< also score character trigrams of the words
        Both,
    };
    Fuzzy fuzzy = Fuzzy::EditDistance;
    double keywordWeight = 4.0; ///< BM25 column weights
    double titleWeight = 2.0;
    double bodyWeight = 1.0;
    double trigramWeight = 0.3; ///< share of the trigram score in the total
    double expansionWeight = 0.5; ///< a guessed spelling counts less than a typed word
    double usageWeight = 0.15; ///< score x (1 + usageWeight * ln(1 + uses))
};

/// One suggested template.
struct Suggestion
{
    QString templateId;
    QString language; ///< the variant to show: the question's language, after fallback
    double score = 0; ///< higher is better; comparable within one call only
};

/// Why the index could not be built.
struct SuggesterError
{
    enum class Code { DatabaseUnavailable, FullTextSearchUnavailable, IndexFailed };
    Code code = Code::IndexFailed;
    QString message;
};

/// The suggestion index over one library. Lives on one thread (its SQLite connection).
class ReplySuggester
{
public:
    explicit ReplySuggester(SuggesterOptions options = {});
    ~ReplySuggester();
    ReplySuggester(const ReplySuggester &) = delete;
    ReplySuggester &operator=(const ReplySuggester &) = delete;

    /// Replaces the index with one built from `library` (one transaction).
    Expected<Done, SuggesterError> rebuild(const TemplateLibrary &library);

    /// Keeps the usage weighting current after a template is used, without a rebuild.
    void setUsage(const QString &templateId, int usageCount);

    /// The best `limit` templates for `question` that `group`'s scope allows.
    QList<Suggestion> suggest(const QString &question, const GroupContext &group,
                              int limit = 3) const;

    /// The FTS5 queries suggest() runs for `question`: the words as typed, and the
    /// library words they may be misspellings of (for tests and tuning).
    std::pair<QString, QString> matchQueries(const QString &question) const;

private:
    struct Entry
    {
        Scope scope;
        int usage = 0;
        Template probe; ///< variants without text: for language fallback only
    };

    QHash<QString, double> runMatch(const QString &sql, const QString &match) const;
    QStringList expand(const QString &word) const;

    SuggesterOptions m_options;
    QString m_connection;
    QSqlDatabase m_db;
    QHash<QString, Entry> m_entries;
    QSet<QString> m_vocabulary; ///< Latin words of the library, unstemmed
    QHash<int, QStringList> m_byLength; ///< the vocabulary by word length
};

} // namespace chorus::replies
