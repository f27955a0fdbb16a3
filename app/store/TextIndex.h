#pragma once

// Text rules shared by message ingest and search. The search index (FTS5, unicode61
// tokenizer) sees words as they are and every run of CJK text as its overlapping
// bigrams ("报名参加" → "报名 名参 参加"), the standard way to search scripts written without
// spaces: any substring of two characters or more is then a phrase of bigrams. Ingest and
// search must cut text the same way, so both use this file.

#include <QList>
#include <QString>
#include <QStringList>

namespace chorus::store::text {

/// True for Han, kana and Hangul: scripts written without spaces between words.
bool isCjk(char32_t codePoint);

/// What the search index stores for a message body.
struct SearchText
{
    /// The body with each CJK run of two or more characters replaced by its bigrams
    /// (a one-character run stays as it is).
    QString words;
    /// The last character of each such run: with these, a one-character query finds the
    /// character wherever it is (bigrams hold every other position as their first half).
    QString tails;
};
SearchText searchText(const QString &body);

/// One search term: a word or a "quoted phrase" of the query.
struct Term
{
    QString text;
    int length = 0;         ///< in code points
    bool indexed = false;   ///< answered by the index (else by a scan of recent messages)
    QString match;          ///< the FTS5 expression for it, when indexed
};

/// Splits a query at spaces outside double quotes and decides, per term, how it is
/// matched: by the index as a phrase (a last word of four letters or more, or a lone
/// last CJK character, by prefix), or, for one Latin letter or punctuation alone, by
/// scanning recent messages.
QList<Term> parseQuery(const QString &query);

/// `"text"` with inner quotes doubled: an FTS5 string that is matched literally.
QString ftsPhrase(const QString &text);
/// ASCII-only lower case, matching SQLite's lower() used by the scan fallback.
QString asciiLower(const QString &text);

struct Highlight
{
    int start = 0;  ///< in UTF-16 units of the snippet text
    int length = 0;
    friend bool operator==(const Highlight &, const Highlight &) = default;
};

struct Snippet
{
    QString text;
    QList<Highlight> highlights;
};

/// Cuts at most `maxChars` of `body` around the first match of any term (whole body when
/// short), marking every case-insensitive occurrence of the terms.
Snippet makeSnippet(const QString &body, const QStringList &terms, int maxChars = 160);

} // namespace chorus::store::text
