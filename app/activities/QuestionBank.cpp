#include "activities/QuestionBank.h"

#include "activities/Csv.h"
#include "activities/Language.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace chorus::activities {
namespace {

QString textKey(const QString &text)
{
    return foldForMatching(text).simplified();
}

enum class Column { Question, Topic, Level, Unknown };

Column columnOf(const QString &name)
{
    const QString n = foldForMatching(name).trimmed();
    if (n == u"question"_s || n == u"问题"_s || n == u"题目"_s)
        return Column::Question;
    if (n == u"topic"_s || n == u"主题"_s || n == u"话题"_s)
        return Column::Topic;
    if (n == u"level"_s || n == u"难度"_s || n == u"级别"_s)
        return Column::Level;
    return Column::Unknown;
}

} // namespace

bool QuestionBank::add(const InterviewQuestion &question)
{
    const QString key = textKey(question.text);
    if (key.isEmpty())
        return false;
    for (const InterviewQuestion &q : m_questions) {
        if (textKey(q.text) == key)
            return false;
    }
    m_questions.append(question);
    return true;
}

Expected<int, QList<CsvIssue>> QuestionBank::importCsv(const QByteArray &data)
{
    if (data.size() > kMaxFileSize)
        return QList<CsvIssue> {{0,
                                 QCoreApplication::translate("chorus::activities::QuestionBank",
                                                             "The file is larger than 1 MB.")}};
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(data);
    if (decoder.hasError())
        return QList<CsvIssue> {
            {0,
             QCoreApplication::translate("chorus::activities::QuestionBank",
                                         "The file is not UTF-8 text; save it as \"CSV UTF-8\".")}};
    auto records = csv::read(text);
    if (!records)
        return QList<CsvIssue> {{records.error().line, records.error().reason}};
    if (records.value().isEmpty())
        return QList<CsvIssue> {{1,
                                 QCoreApplication::translate("chorus::activities::QuestionBank",
                                                             "The file is empty.")}};

    // Header row: which column is which.
    const csv::Record &header = records.value().front();
    QList<Column> columns;
    QList<CsvIssue> issues;
    for (const QString &name : header.cells) {
        const Column c = columnOf(name);
        if (c == Column::Unknown)
            issues.append(
                {header.line,
                 QCoreApplication::translate("chorus::activities::QuestionBank",
                                             "Unknown column \"%1\" (expected question, topic, "
                                             "level).")
                     .arg(name)});
        else if (columns.contains(c))
            issues.append({header.line,
                           QCoreApplication::translate("chorus::activities::QuestionBank",
                                                       "Column \"%1\" appears twice.")
                               .arg(name)});
        columns.append(c);
    }
    if (!columns.contains(Column::Question))
        issues.append({header.line,
                       QCoreApplication::translate("chorus::activities::QuestionBank",
                                                   "The header row needs a \"question\" column.")});
    if (!issues.isEmpty())
        return issues;

    QList<InterviewQuestion> added;
    QHash<QString, int> lineOfText; // within this file
    QSet<QString> existing;
    for (const InterviewQuestion &q : m_questions)
        existing.insert(textKey(q.text));
    for (qsizetype r = 1; r < records.value().size(); ++r) {
        const csv::Record &record = records.value()[r];
        if (record.cells.size() > columns.size()) {
            issues.append(
                {record.line,
                 QCoreApplication::translate("chorus::activities::QuestionBank",
                                             "%1 values, but the header names %2 columns.")
                     .arg(record.cells.size())
                     .arg(columns.size())});
            continue;
        }
        InterviewQuestion q;
        bool ok = true;
        for (qsizetype c = 0; c < record.cells.size(); ++c) {
            const QString value = record.cells[c].trimmed();
            switch (columns[c]) {
            case Column::Question:
                q.text = value;
                break;
            case Column::Topic:
                q.topic = value;
                break;
            case Column::Level:
                if (!value.isEmpty()) {
                    bool isInt = false;
                    q.level = value.toInt(&isInt);
                    if (!isInt || q.level < 1 || q.level > 5) {
                        issues.append({record.line,
                                       QCoreApplication::translate(
                                           "chorus::activities::QuestionBank",
                                           "Level must be a number from 1 to 5, not \"%1\".")
                                           .arg(value)});
                        ok = false;
                    }
                }
                break;
            case Column::Unknown:
                break;
            }
        }
        if (q.text.isEmpty()) {
            issues.append({record.line,
                           QCoreApplication::translate("chorus::activities::QuestionBank",
                                                       "The question is empty.")});
            continue;
        }
        if (q.text.size() > kMaxQuestionLength) {
            issues.append({record.line,
                           QCoreApplication::translate("chorus::activities::QuestionBank",
                                                       "The question is longer than %1 characters.")
                               .arg(kMaxQuestionLength)});
            continue;
        }
        const QString key = textKey(q.text);
        if (lineOfText.contains(key)) {
            issues.append({record.line,
                           QCoreApplication::translate("chorus::activities::QuestionBank",
                                                       "The same question is on line %1.")
                               .arg(lineOfText.value(key))});
            continue;
        }
        lineOfText.insert(key, record.line);
        if (ok && !existing.contains(key))
            added.append(q);
    }
    if (!issues.isEmpty())
        return issues;
    m_questions.append(added);
    return int(added.size());
}

QList<InterviewQuestion> QuestionBank::pick(int count, const QSet<QString> &askedBefore,
                                            int offset) const
{
    QList<InterviewQuestion> fresh;
    QList<InterviewQuestion> repeats;
    const qsizetype n = m_questions.size();
    for (qsizetype i = 0; i < n; ++i) {
        const InterviewQuestion &q = m_questions[(i + qMax(0, offset)) % n];
        (askedBefore.contains(q.text) ? repeats : fresh).append(q);
    }
    fresh.append(repeats);
    if (fresh.size() > count)
        fresh.resize(qMax(0, count));
    return fresh;
}

} // namespace chorus::activities
