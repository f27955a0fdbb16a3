#pragma once

// How the suggester reads text, the same way for templates and for questions: Latin
// words lower-cased with chat abbreviations spelled out and filler words dropped, CJK
// runs cut into overlapping character pairs (Chinese has no spaces; pairs match most
// words without a dictionary).

#include <QString>
#include <QStringList>
#include <QStringView>

namespace chorus::replies {

/// Share of CJK characters among the letters of `text` (0 when there are none).
double cjkShare(const QString &text);

/// "zh_CN" when CJK characters make up at least 30% of the letters, else "en".
QString detectLanguage(const QString &text);

/// The searchable tokens of a text.
struct AnalyzedText
{
    QStringList words; ///< Latin-script words (letters and digits)
    QStringList bigrams; ///< CJK character pairs (a lone character stays single)
    bool isEmpty() const { return words.isEmpty() && bigrams.isEmpty(); }
    QStringList all() const { return words + bigrams; }
};

/// Splits, normalises (NFKC, case folding, chat abbreviations) and drops stop words.
/// `{variable_names}` in template text become plain words ("plug type").
AnalyzedText analyzeText(const QString &text);

/// Optimal-string-alignment distance (edits, with adjacent swaps), or `limit + 1`
/// as soon as it is certain to exceed `limit`.
int editDistance(QStringView a, QStringView b, int limit);

/// Character trigrams of a word, padded so that short words still give some.
QStringList trigrams(const QString &word);

} // namespace chorus::replies
