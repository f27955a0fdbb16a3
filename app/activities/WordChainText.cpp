#include "activities/WordChainText.h"

using namespace Qt::StringLiterals;

namespace chorus::activities {
namespace {

QString gameName(WordList::Kind kind, Language l)
{
    return kind == WordList::Kind::ChineseIdiom ? pick(l, u"Idiom chain"_s, u"成语接龙"_s)
                                                : pick(l, u"Word chain"_s, u"单词接龙"_s);
}

QString unitName(WordList::Kind kind, Language l)
{
    return kind == WordList::Kind::ChineseIdiom ? pick(l, u"idiom"_s, u"成语"_s)
                                                : pick(l, u"word"_s, u"单词"_s);
}

} // namespace

QString wordChainStartText(WordList::Kind kind, Language l, int round, const QString &firstWord,
                           std::chrono::seconds turnTimeout)
{
    const QString next = WordList::lastUnit(firstWord);
    return pick(l,
                u"%1 — round %2! First %3: “%4”. The next %3 starts with “%5”. "
                u"%6 s per turn; no repeats."_s,
                u"%1第%2轮开始！第一个%3：“%4”，请接以“%5”开头的%3。每轮限时%6秒，不能重复。"_s)
        .arg(gameName(kind, l), QString::number(round), unitName(kind, l), firstWord, next,
             QString::number(turnTimeout.count()));
}

QString wordChainMoveText(WordList::Kind kind, Language l, const MoveResult &result,
                          const QString &nick)
{
    using Verdict = MoveResult::Verdict;
    switch (result.verdict) {
    case Verdict::NotAMove:
    case Verdict::NoRound:
        return {};
    case Verdict::Accepted:
        return pick(l, u"✓ %1: “%2” (+%3). Next: “%4”."_s, u"✓ %1：“%2”（+%3分），请接“%4”。"_s)
            .arg(nick, result.word, QString::number(result.points),
                 WordList::lastUnit(result.word));
    case Verdict::WrongStart:
        return pick(l, u"@%1 “%2” must start with “%3”."_s, u"@%1 “%2”要以“%3”开头。"_s)
            .arg(nick, result.word, result.expectedStart);
    case Verdict::NotInDictionary:
        return kind == WordList::Kind::ChineseIdiom
            ? pick(l, u"@%1 “%2” is not in the idiom list."_s, u"@%1 “%2”不在成语词库里。"_s)
                  .arg(nick, result.word)
            : pick(l, u"@%1 “%2” is not in the dictionary."_s, u"@%1 “%2”不在词典里。"_s)
                  .arg(nick, result.word);
    case Verdict::Repeated:
        return pick(l, u"@%1 “%2” was already used this round."_s, u"@%1 “%2”本轮已经用过了。"_s)
            .arg(nick, result.word);
    case Verdict::TwoInARow:
        return pick(l, u"@%1 let someone else answer your own %2 first."_s,
                    u"@%1 不能连续接龙，请等别人先接。"_s)
            .arg(nick, unitName(kind, l));
    case Verdict::TooLate:
        return pick(l, u"@%1 too late: time was up."_s, u"@%1 超时了，本轮已结束。"_s).arg(nick);
    }
    return {};
}

QString wordChainEndText(WordList::Kind kind, Language l, const RoundSummary &summary,
                         const QString &lastWord, int winnerBonus)
{
    QString head;
    switch (summary.reason) {
    case RoundSummary::Reason::TimedOut:
        head = summary.moves.isEmpty() ? pick(l, u"Round %1 over: nobody answered “%2” in time."_s,
                                              u"第%1轮结束：没有人及时接上“%2”。"_s)
                                             .arg(QString::number(summary.round), lastWord)
                                       : pick(l, u"Round %1 over: time's up after “%2”."_s,
                                              u"第%1轮结束：“%2”之后无人接上。"_s)
                                             .arg(QString::number(summary.round), lastWord);
        break;
    case RoundSummary::Reason::DeadEnd:
        head = pick(l, u"Round %1 over: no %3 follows “%2”."_s,
                    u"第%1轮结束：没有能接“%2”的%3了。"_s)
                   .arg(QString::number(summary.round), lastWord, unitName(kind, l));
        break;
    case RoundSummary::Reason::Stopped:
        head = pick(l, u"Round %1 stopped by the organiser."_s, u"第%1轮由组织者结束。"_s)
                   .arg(summary.round);
        break;
    }
    if (!summary.winner)
        return head;
    return head
        + pick(l, u" Winner: %1 (+%2 bonus). Moves this round: %3."_s,
               u"获胜者：%1（奖励%2分）。本轮共%3步。"_s)
              .arg(summary.winner->nick, QString::number(winnerBonus),
                   QString::number(summary.moves.size()));
}

} // namespace chorus::activities
