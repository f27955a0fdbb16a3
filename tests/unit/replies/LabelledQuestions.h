#pragma once

// Reads the labelled question sets in tests/data/replies/ (tab-separated: expected
// template id, group tags, question) and scores a suggester against them.

#include "replies/Suggester.h"

#include <QFile>
#include <QList>
#include <QString>
#include <QStringList>

namespace chorus::replies::test {

struct LabelledQuestion
{
    QString expected;
    QStringList tags;
    QString question;
    int line = 0;
};

inline QList<LabelledQuestion> readQuestions(const QString &path, QString *error)
{
    QList<LabelledQuestion> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return out;
    }
    int line = 0;
    for (const QByteArray &raw : file.readAll().split('\n')) {
        ++line;
        const QString text = QString::fromUtf8(raw).trimmed();
        if (text.isEmpty() || text.startsWith(u'#'))
            continue;
        const QStringList cols = text.split(u'\t');
        if (cols.size() != 3) {
            *error = QStringLiteral("%1:%2: expected 3 tab-separated columns").arg(path).arg(line);
            return {};
        }
        out.append({cols.at(0), cols.at(1).split(u',', Qt::SkipEmptyParts), cols.at(2), line});
    }
    return out;
}

struct Score
{
    int hits = 0;
    int firstHits = 0; ///< expected template ranked first
    int total = 0;
    QStringList misses; ///< "line: question -> got a, b, c (want x)"
    double precision() const { return total == 0 ? 0.0 : double(hits) / total; }
    double precisionAt1() const { return total == 0 ? 0.0 : double(firstHits) / total; }
};

inline Score score(const ReplySuggester &suggester, const QList<LabelledQuestion> &questions)
{
    Score s;
    for (const LabelledQuestion &q : questions) {
        GroupContext group;
        group.groupId = q.tags.join(u'-') + QStringLiteral("@conference.example.org");
        group.tags = q.tags;
        const QList<Suggestion> top = suggester.suggest(q.question, group, 3);
        QStringList ids;
        for (const Suggestion &sug : top)
            ids.append(sug.templateId);
        ++s.total;
        if (!ids.isEmpty() && ids.first() == q.expected)
            ++s.firstHits;
        if (ids.contains(q.expected))
            ++s.hits;
        else
            s.misses.append(QStringLiteral("%1: %2 -> [%3] (want %4)")
                                .arg(q.line)
                                .arg(q.question, ids.join(QStringLiteral(", ")), q.expected));
    }
    return s;
}

/// The same questions with one typo in every Latin word of 5+ letters (a dropped,
/// doubled, swapped or replaced letter), chosen by a fixed-seed generator.
inline QList<LabelledQuestion> withTypos(QList<LabelledQuestion> questions, quint32 seed)
{
    quint32 state = seed;
    const auto next = [&state] {
        state = state * 1664525u + 1013904223u; // LCG: reproducible on every platform
        return state >> 8;
    };
    for (LabelledQuestion &q : questions) {
        QString out;
        QString word;
        const auto flush = [&] {
            if (word.size() >= 5) {
                const int at = 1 + int(next() % quint32(word.size() - 2));
                switch (next() % 4) {
                case 0:
                    word.remove(at, 1);
                    break;
                case 1:
                    word.insert(at, word.at(at));
                    break;
                case 2:
                    std::swap(word[at], word[at + 1]);
                    break;
                default:
                    word[at] = QChar(u'a' + char16_t(next() % 26));
                    break;
                }
            }
            out += word;
            word.clear();
        };
        for (QChar c : q.question) {
            if (c.isLetter() && c.unicode() < 128) {
                word += c;
            } else {
                flush();
                out += c;
            }
        }
        flush();
        q.question = out;
    }
    return questions;
}

/// "0.NN", rounded down so that a printed 0.85 really is at least 0.85.
inline QString twoDecimals(double p)
{
    return QString::number(std::floor(p * 100.0 + 1e-9) / 100.0, 'f', 2);
}

} // namespace chorus::replies::test
