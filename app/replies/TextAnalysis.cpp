#include "replies/TextAnalysis.h"

#include <QHash>
#include <QSet>

#include <vector>

using namespace Qt::StringLiterals;

namespace chorus::replies {

namespace {

bool isCjk(char32_t ucs4)
{
    switch (QChar::script(ucs4)) {
    case QChar::Script_Han:
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
    case QChar::Script_Hangul:
    case QChar::Script_Bopomofo:
        return true;
    default:
        return false;
    }
}

bool isWordChar(char32_t ucs4)
{
    return QChar::isLetterOrNumber(ucs4) && !isCjk(ucs4);
}

// Common chat spellings, written out so that they meet the words templates use.
const QHash<QString, QString> &chatSpellings()
{
    static const QHash<QString, QString> map = {
        {u"tmrw"_s, u"tomorrow"_s},  {u"tmr"_s, u"tomorrow"_s},   {u"tmw"_s, u"tomorrow"_s},
        {u"tmrrw"_s, u"tomorrow"_s}, {u"2moro"_s, u"tomorrow"_s}, {u"2morrow"_s, u"tomorrow"_s},
        {u"tomoz"_s, u"tomorrow"_s}, {u"tonite"_s, u"tonight"_s}, {u"nite"_s, u"night"_s},
        {u"2day"_s, u"today"_s},     {u"2nite"_s, u"tonight"_s},  {u"pls"_s, u"please"_s},
        {u"plz"_s, u"please"_s},     {u"thx"_s, u"thanks"_s},     {u"thnx"_s, u"thanks"_s},
        {u"u"_s, u"you"_s},          {u"ur"_s, u"your"_s},        {u"r"_s, u"are"_s},
        {u"wat"_s, u"what"_s},       {u"wot"_s, u"what"_s},       {u"whats"_s, u"what"_s},
        {u"wheres"_s, u"where"_s},   {u"hows"_s, u"how"_s},       {u"b4"_s, u"before"_s},
        {u"bc"_s, u"because"_s},     {u"coz"_s, u"because"_s},    {u"cuz"_s, u"because"_s},
        {u"abt"_s, u"about"_s},      {u"msg"_s, u"message"_s},    {u"ppl"_s, u"people"_s},
        {u"thru"_s, u"through"_s},   {u"hrs"_s, u"hours"_s},      {u"hr"_s, u"hour"_s},
        {u"mins"_s, u"minutes"_s},   {u"min"_s, u"minutes"_s},    {u"sec"_s, u"second"_s},
        {u"wk"_s, u"week"_s},        {u"wknd"_s, u"weekend"_s},   {u"rn"_s, u"now"_s},
        {u"idk"_s, u"know"_s},       {u"ya"_s, u"you"_s},         {u"luv"_s, u"love"_s},
    };
    return map;
}

const QSet<QString> &englishStopWords()
{
    static const QSet<QString> words = {
        u"a"_s,     u"an"_s,     u"the"_s,   u"and"_s,    u"or"_s,      u"but"_s,     u"if"_s,
        u"of"_s,    u"to"_s,     u"in"_s,    u"on"_s,     u"at"_s,      u"for"_s,     u"from"_s,
        u"by"_s,    u"with"_s,   u"about"_s, u"as"_s,     u"into"_s,    u"is"_s,      u"are"_s,
        u"was"_s,   u"were"_s,   u"be"_s,    u"been"_s,   u"being"_s,   u"am"_s,      u"do"_s,
        u"does"_s,  u"did"_s,    u"have"_s,  u"has"_s,    u"had"_s,     u"i"_s,       u"me"_s,
        u"my"_s,    u"we"_s,     u"us"_s,    u"our"_s,    u"you"_s,     u"your"_s,    u"he"_s,
        u"she"_s,   u"it"_s,     u"its"_s,   u"they"_s,   u"them"_s,    u"their"_s,   u"this"_s,
        u"that"_s,  u"these"_s,  u"those"_s, u"there"_s,  u"here"_s,    u"what"_s,    u"which"_s,
        u"who"_s,   u"when"_s,   u"where"_s, u"why"_s,    u"how"_s,     u"can"_s,     u"could"_s,
        u"would"_s, u"should"_s, u"will"_s,  u"shall"_s,  u"may"_s,     u"might"_s,   u"must"_s,
        u"need"_s,  u"get"_s,    u"got"_s,   u"any"_s,    u"anyone"_s,  u"some"_s,    u"someone"_s,
        u"just"_s,  u"also"_s,   u"so"_s,    u"too"_s,    u"very"_s,    u"not"_s,     u"no"_s,
        u"yes"_s,   u"ok"_s,     u"okay"_s,  u"please"_s, u"thanks"_s,  u"thank"_s,   u"hi"_s,
        u"hello"_s, u"hey"_s,    u"guys"_s,  u"im"_s,     u"ive"_s,     u"dont"_s,    u"cant"_s,
        u"wont"_s,  u"isnt"_s,   u"arent"_s, u"doesnt"_s, u"didnt"_s,   u"theres"_s, u"then"_s,
        u"than"_s,  u"much"_s,   u"many"_s,  u"know"_s,   u"because"_s, u"want"_s,    u"like"_s,
        u"kinda"_s, u"still"_s,  u"all"_s,   u"now"_s,    u"one"_s,     u"again"_s,   u"really"_s,
        u"thing"_s,
    };
    return words;
}

// Pairs made only of question words and particles say nothing about the topic.
const QSet<QString> &chineseStopPairs()
{
    static const QSet<QString> pairs = {
        u"请问"_s, u"什么"_s, u"怎么"_s, u"怎样"_s, u"可以"_s, u"我们"_s, u"你们"_s, u"他们"_s,
        u"是不"_s, u"不是"_s, u"有没"_s, u"没有"_s, u"一下"_s, u"这个"_s, u"那个"_s, u"一个"_s,
        u"的话"_s, u"还是"_s, u"能不"_s, u"不能"_s, u"老师"_s, u"谢谢"_s, u"大家"_s, u"你好"_s,
        u"是什"_s, u"么时"_s, u"吗"_s,   u"呢"_s,   u"啊"_s,   u"吧"_s,   u"的"_s,   u"了"_s,
    };
    return pairs;
}

void appendUcs4(QString *s, char32_t c)
{
    if (QChar::requiresSurrogates(c)) {
        s->append(QChar(QChar::highSurrogate(c)));
        s->append(QChar(QChar::lowSurrogate(c)));
    } else {
        s->append(QChar(char16_t(c)));
    }
}

void addWord(QString word, QStringList *out)
{
    if (word.endsWith(u"'s"_s))
        word.chop(2); // possessive: "saturday's" is "saturday"
    word.remove(u'\'');
    if (word.isEmpty())
        return;
    word = chatSpellings().value(word, word);
    if (!englishStopWords().contains(word))
        out->append(word);
}

void addCjkRun(const QString &run, QStringList *out)
{
    const QList<uint> chars = run.toUcs4();
    if (chars.size() == 1) {
        if (!chineseStopPairs().contains(run))
            out->append(run);
        return;
    }
    for (qsizetype i = 0; i + 1 < chars.size(); ++i) {
        const char32_t pair[2] = {chars.at(i), chars.at(i + 1)};
        const QString bigram = QString::fromUcs4(pair, 2);
        if (!chineseStopPairs().contains(bigram))
            out->append(bigram);
    }
}

} // namespace

double cjkShare(const QString &text)
{
    int cjk = 0, letters = 0;
    for (char32_t c : text.toUcs4()) {
        if (isCjk(c)) {
            ++cjk;
            ++letters;
        } else if (QChar::isLetter(c)) {
            ++letters;
        }
    }
    return letters == 0 ? 0.0 : double(cjk) / letters;
}

QString detectLanguage(const QString &text)
{
    return cjkShare(text) >= 0.3 ? u"zh_CN"_s : u"en"_s;
}

AnalyzedText analyzeText(const QString &input)
{
    // Compatibility forms (full-width letters, ligatures) fold to plain ones; variable
    // names read as words.
    QString text = input.normalized(QString::NormalizationForm_KC).toCaseFolded();
    text.replace(u'_', u' ');
    text.replace(u'\u2019', u'\'');

    AnalyzedText out;
    QString word, run;
    QString compound; // "wi-fi" and "e-sim" also count as "wifi" and "esim"
    int parts = 0;
    const auto endWord = [&] {
        if (word.isEmpty())
            return;
        addWord(word, &out.words);
        compound += word;
        ++parts;
        word.clear();
    };
    const auto endCompound = [&] {
        if (parts >= 2)
            addWord(compound, &out.words);
        compound.clear();
        parts = 0;
    };
    const auto endRun = [&] {
        if (!run.isEmpty())
            addCjkRun(run, &out.bigrams);
        run.clear();
    };
    const QList<uint> chars = text.toUcs4();
    for (qsizetype i = 0; i < chars.size(); ++i) {
        const char32_t c = chars.at(i);
        if (isCjk(c)) {
            endWord();
            endCompound();
            appendUcs4(&run, c);
        } else if (isWordChar(c) || (c == u'\'' && !word.isEmpty())) {
            endRun();
            appendUcs4(&word, c);
        } else {
            endRun();
            const bool joins = c == u'-' && !word.isEmpty() && i + 1 < chars.size()
                && isWordChar(chars.at(i + 1));
            endWord();
            if (!joins)
                endCompound();
        }
    }
    endWord();
    endCompound();
    endRun();
    return out;
}

int editDistance(QStringView a, QStringView b, int limit)
{
    const qsizetype n = a.size(), m = b.size();
    if (std::abs(int(n - m)) > limit)
        return limit + 1;
    std::vector<int> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (qsizetype j = 0; j <= m; ++j)
        prev[j] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        cur[0] = int(i);
        int rowMin = cur[0];
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
            rowMin = std::min(rowMin, cur[j]);
        }
        if (rowMin > limit)
            return limit + 1;
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return std::min(prev[m], limit + 1);
}

QStringList trigrams(const QString &word)
{
    const QString padded = u' ' + word + u' ';
    QStringList out;
    for (qsizetype i = 0; i + 3 <= padded.size(); ++i)
        out.append(padded.mid(i, 3));
    return out;
}

} // namespace chorus::replies
