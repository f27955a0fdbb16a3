#include "workspace/AttentionDetector.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace chorus::workspace {
namespace {

// Words that open a question in English chat, lower case.
const QStringList &englishOpeners()
{
    static const QStringList words{
        u"how"_s,    u"what"_s,   u"what's"_s, u"whats"_s,  u"where"_s, u"where's"_s,
        u"when"_s,   u"why"_s,    u"who"_s,    u"which"_s,  u"can"_s,   u"could"_s,
        u"is"_s,     u"are"_s,    u"do"_s,     u"does"_s,   u"did"_s,   u"will"_s,
        u"would"_s,  u"should"_s, u"may"_s,    u"any"_s,    u"anyone"_s, u"anybody"_s,
        u"is there"_s};
    return words;
}

// Chinese question markers: particles at the end, interrogatives anywhere.
const QStringList &chineseInterrogatives()
{
    static const QStringList words{u"怎么"_s, u"哪里"_s, u"哪儿"_s, u"哪个"_s, u"什么"_s,
                                   u"几点"_s, u"多少"_s, u"为什么"_s, u"能不能"_s, u"可不可以"_s,
                                   u"是不是"_s, u"有没有"_s, u"请问"_s, u"如何"_s, u"多久"_s,
                                   u"几号"_s, u"谁"_s};
    return words;
}

} // namespace

AttentionDetector::AttentionDetector() : m_keywords(defaultKeywords()) {}

QStringList AttentionDetector::defaultKeywords()
{
    return {u"help"_s,   u"urgent"_s, u"emergency"_s, u"stolen"_s, u"lost"_s, u"police"_s,
            u"hospital"_s, u"紧急"_s, u"救命"_s,     u"帮忙"_s,   u"丢了"_s, u"被偷"_s,
            u"报警"_s,   u"医院"_s};
}

void AttentionDetector::setKeywords(const QStringList &keywords)
{
    m_keywords.clear();
    for (const QString &k : keywords) {
        if (!k.trimmed().isEmpty())
            m_keywords << k.trimmed();
    }
}

bool AttentionDetector::mentions(const QString &text, const QString &nick)
{
    if (nick.isEmpty())
        return false;
    qsizetype from = 0;
    while ((from = text.indexOf(nick, from, Qt::CaseInsensitive)) >= 0) {
        const qsizetype end = from + nick.size();
        const bool startOk = from == 0 || !text.at(from - 1).isLetterOrNumber();
        const bool endOk = end >= text.size() || !text.at(end).isLetterOrNumber();
        if (startOk && endOk)
            return true;
        from = end;
    }
    return false;
}

bool AttentionDetector::looksLikeQuestion(const QString &rawText)
{
    const QString text = rawText.trimmed();
    if (text.isEmpty())
        return false;
    if (text.contains(u'?') || text.contains(u'？'))
        return true;

    // Chinese: a sentence-final question particle, or an interrogative word.
    static const QRegularExpression finalParticle(u"[吗呢么嘛][。！!~～\\s]*$"_s);
    if (finalParticle.match(text).hasMatch())
        return true;
    for (const QString &w : chineseInterrogatives()) {
        if (text.contains(w))
            return true;
    }

    // English: any sentence that opens with a question word ("any tips for..." counts).
    static const QRegularExpression sentences(u"[.!\\n]+"_s);
    for (const QString &sentence : text.split(sentences, Qt::SkipEmptyParts)) {
        const QString s = sentence.trimmed().toLower();
        for (const QString &opener : englishOpeners()) {
            if (s.startsWith(opener)
                && (s.size() == opener.size() || !s.at(opener.size()).isLetter()))
                return true;
        }
    }
    return false;
}

AttentionReasons AttentionDetector::classify(const chat::Message &message,
                                             const QString &ownNick) const
{
    AttentionReasons reasons;
    if (message.outgoing || message.isCorrection() || message.isRetraction()
        || (!ownNick.isEmpty() && message.senderNick == ownNick))
        return reasons;
    const QString &body = message.body;
    reasons.mention = mentions(body, ownNick) || message.kind == chat::MessageKind::Private;
    reasons.question = looksLikeQuestion(body);
    for (const QString &k : m_keywords) {
        // Latin keywords match whole words; CJK ones anywhere (no spaces between words).
        const bool cjk = !k.isEmpty() && k.at(0).unicode() >= 0x2E80;
        if (cjk ? body.contains(k) : mentions(body, k))
            reasons.keywords << k;
    }
    return reasons;
}

} // namespace chorus::workspace
