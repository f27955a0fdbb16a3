#pragma once

// A group's interview questions. CSV import is all or nothing: one bad row and the bank
// stays as it was, with every problem reported by line.

#include "activities/InterviewTypes.h"
#include "core/Expected.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>

namespace chorus::activities {

/// A problem in an imported file, at a line.
struct CsvIssue
{
    int line = 0;
    QString reason; ///< translated
    friend bool operator==(const CsvIssue &, const CsvIssue &) = default;
};

class QuestionBank
{
public:
    /// Longest question accepted (a prompt has to fit a chat message).
    static constexpr int kMaxQuestionLength = 1000;
    static constexpr qsizetype kMaxFileSize = 1024 * 1024;

    QuestionBank() = default;
    explicit QuestionBank(QList<InterviewQuestion> questions)
        : m_questions(std::move(questions)) { }

    const QList<InterviewQuestion> &questions() const { return m_questions; }
    /// Adds a question unless the same text is already there; false when it was.
    bool add(const InterviewQuestion &question);

    /// Imports UTF-8 CSV with a header row naming the columns: question (required),
    /// topic, level (1-5); English or Chinese names (问题, 主题, 难度). Questions already
    /// in the bank are left alone. Returns how many were added, or every issue found.
    Expected<int, QList<CsvIssue>> importCsv(const QByteArray &data);

    /// @p count questions for one interview: those not in @p askedBefore first, in bank
    /// order starting at @p offset (so parallel interviews get different ones).
    QList<InterviewQuestion> pick(int count, const QSet<QString> &askedBefore, int offset) const;

private:
    QList<InterviewQuestion> m_questions;
};

} // namespace chorus::activities
