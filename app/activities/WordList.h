#pragma once

// The dictionaries a word-chain referee checks moves against: English words from
// Debian's wamerican list, or four-character Chinese idioms (成语) from Chorus's data file.

#include "core/Expected.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace chorus::activities {

struct WordListError
{
    enum class Code { Unreadable, Empty, BadLine };
    Code code = Code::Unreadable;
    int line = 0; ///< BadLine: 1-based line
    QString message; ///< for the operator, translated
};

class WordList
{
public:
    /// Where Debian's wamerican package installs its word list.
    static constexpr const char *kWamericanPath = "/usr/share/dict/american-english";

    enum class Kind {
        English, ///< lower-case a-z words; chains on letters
        ChineseIdiom, ///< four Han characters; chains on characters
    };

    WordList() = default;

    /// wamerican format: one word per line. Proper nouns (capitalised), possessives and
    /// anything not made of a-z only are left out; shorter than @p minLength too.
    static Expected<WordList, WordListError> loadEnglish(const QString &path, int minLength = 2);
    static Expected<WordList, WordListError> englishFromText(const QByteArray &text,
                                                             int minLength = 2);
    /// One idiom per line, UTF-8; blank lines and lines starting with '#' are comments.
    /// Strict: any other line that is not four Han characters is an error.
    static Expected<WordList, WordListError> loadIdioms(const QString &path);
    static Expected<WordList, WordListError> idiomsFromText(const QByteArray &text);

    Kind kind() const { return m_kind; }
    int size() const { return int(m_words.size()); }
    bool contains(const QString &word) const { return m_words.contains(word); }
    /// The unit a move must start with after @p word: its last letter or character.
    static QString lastUnit(const QString &word);
    static QString firstUnit(const QString &word);
    /// All words, sorted.
    const QStringList &words() const { return m_sorted; }
    /// Words that start with @p unit, sorted.
    QStringList startingWith(const QString &unit) const;
    /// True when some word starts with @p unit (the chain can go on).
    bool canContinueFrom(const QString &unit) const { return m_byFirst.contains(unit); }

private:
    void add(const QString &word);
    void finish();

    Kind m_kind = Kind::English;
    QSet<QString> m_words;
    QHash<QString, QStringList> m_byFirst;
    QStringList m_sorted;
};

} // namespace chorus::activities
