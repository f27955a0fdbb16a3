#include "activities/WordList.h"

#include "activities/Language.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace chorus::activities {
namespace {

Expected<QByteArray, WordListError> readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return WordListError {WordListError::Code::Unreadable, 0,
                              QCoreApplication::translate("chorus::activities::WordList",
                                                          "Cannot read the word list %1: %2")
                                  .arg(path, file.errorString())};
    return file.readAll();
}

bool isLowerAsciiWord(const QString &word)
{
    return !word.isEmpty()
        && std::all_of(word.cbegin(), word.cend(), [](QChar c) { return c >= u'a' && c <= u'z'; });
}

} // namespace

QString WordList::firstUnit(const QString &word)
{
    if (word.isEmpty())
        return {};
    if (word.front().isHighSurrogate() && word.size() > 1)
        return word.left(2);
    return word.left(1);
}

QString WordList::lastUnit(const QString &word)
{
    if (word.isEmpty())
        return {};
    if (word.back().isLowSurrogate() && word.size() > 1)
        return word.right(2);
    return word.right(1);
}

void WordList::add(const QString &word)
{
    if (m_words.contains(word))
        return;
    m_words.insert(word);
    m_byFirst[firstUnit(word)].append(word);
}

void WordList::finish()
{
    m_sorted = QStringList(m_words.cbegin(), m_words.cend());
    std::sort(m_sorted.begin(), m_sorted.end());
    for (QStringList &words : m_byFirst)
        std::sort(words.begin(), words.end());
}

QStringList WordList::startingWith(const QString &unit) const
{
    return m_byFirst.value(unit);
}

Expected<WordList, WordListError> WordList::loadEnglish(const QString &path, int minLength)
{
    auto text = readAll(path);
    if (!text)
        return text.error();
    return englishFromText(text.value(), minLength);
}

Expected<WordList, WordListError> WordList::englishFromText(const QByteArray &text, int minLength)
{
    WordList list;
    list.m_kind = Kind::English;
    for (const QByteArray &raw : text.split('\n')) {
        // Proper nouns start with a capital and possessives carry an apostrophe: both
        // fail the a-z test, which is the point.
        const QString word = QString::fromUtf8(raw.trimmed());
        if (word.size() >= minLength && isLowerAsciiWord(word))
            list.add(word);
    }
    if (list.m_words.isEmpty())
        return WordListError {WordListError::Code::Empty, 0,
                              QCoreApplication::translate("chorus::activities::WordList",
                                                          "The word list has no usable words.")};
    list.finish();
    return list;
}

Expected<WordList, WordListError> WordList::loadIdioms(const QString &path)
{
    auto text = readAll(path);
    if (!text)
        return text.error();
    return idiomsFromText(text.value());
}

Expected<WordList, WordListError> WordList::idiomsFromText(const QByteArray &text)
{
    WordList list;
    list.m_kind = Kind::ChineseIdiom;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines[i]).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        if (line.size() != 4 || !std::all_of(line.cbegin(), line.cend(), isHan))
            return WordListError {
                WordListError::Code::BadLine, int(i + 1),
                QCoreApplication::translate("chorus::activities::WordList",
                                            "Line %1 is not a four-character idiom: %2")
                    .arg(i + 1)
                    .arg(line)};
        list.add(line);
    }
    if (list.m_words.isEmpty())
        return WordListError {WordListError::Code::Empty, 0,
                              QCoreApplication::translate("chorus::activities::WordList",
                                                          "The idiom list is empty.")};
    list.finish();
    return list;
}

} // namespace chorus::activities
