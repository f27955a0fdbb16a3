#pragma once

// Private to OrderRequestParser: a message cut into units the matchers share. Latin
// words and digit runs are one unit each, every Han/kana character is a unit of its
// own, punctuation marks are units; spaces and hyphens only separate. Each unit
// remembers where it came from in the original text so that spans can be shown.

#include <QList>
#include <QString>
#include <QStringView>

namespace chorus::sales::parsing {

struct Unit
{
    enum class Kind { Word, Number, Han, Punct };
    Kind kind = Kind::Punct;
    QString text; ///< normalised: NFKC, lower case ("７" -> "7", "Spa" -> "spa")
    QString stem; ///< words: plural and 's stripped ("massages" -> "massage"); else text
    qsizetype start = 0, end = 0; ///< in the original text, [start, end)
    bool spaceBefore = false; ///< whitespace or a hyphen separates it from the unit before
    bool capitalised = false; ///< words: first letter upper case in the original
    int sentence = 0; ///< index of the sentence (split at . ! ? 。！？ and line ends)
    bool used = false; ///< claimed by a matcher (item, date, quantity...)
};

/// The units of one text, plus helpers the matchers use.
class TextUnits
{
public:
    /// Cuts `text` (only its first `maxLength` UTF-16 units; chat messages are short).
    explicit TextUnits(QStringView text, qsizetype maxLength = 4096);

    qsizetype size() const { return m_units.size(); }
    const Unit &at(qsizetype i) const { return m_units.at(i); }
    Unit &operator[](qsizetype i) { return m_units[i]; }
    const QList<Unit> &units() const { return m_units; }

    /// True if unit i exists, is a word or Han character, and its text is `text`.
    bool is(qsizetype i, QStringView text) const;
    /// True if units i, i+1, ... spell `words` (space-separated, as units).
    bool isSequence(qsizetype i, QStringView words) const;
    /// True if unit i exists and its text is any of `options`.
    bool isAny(qsizetype i, std::initializer_list<QStringView> options) const;
    bool isNumber(qsizetype i) const;
    bool isHan(qsizetype i) const;
    /// Original-text span covering units [first, last].
    qsizetype spanStart(qsizetype first) const { return m_units.at(first).start; }
    qsizetype spanEnd(qsizetype last) const { return m_units.at(last).end; }
    /// Marks units [first, last] as claimed.
    void claim(qsizetype first, qsizetype last);
    bool anyUsed(qsizetype first, qsizetype last) const;

    /// The same cutting for catalog phrases (no original text needed).
    static QList<Unit> cut(QStringView text);
    /// "massages" -> "massage", "classes" -> "class", "couple's" -> "couple".
    static QString stem(const QString &word);

private:
    QList<Unit> m_units;
};

} // namespace chorus::sales::parsing
