#include "activities/WordChainReferee.h"

#include "activities/WordChainText.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace chorus::activities {
namespace {

bool isEdgePunctuation(QChar c)
{
    return c.isSpace() || c.isPunct() || QStringView(u"“”‘’\"'").contains(c);
}

} // namespace

WordChainReferee::WordChainReferee(std::shared_ptr<const WordList> dictionary, WordChainRules rules,
                                   Leaderboard leaderboard)
    : m_dictionary(std::move(dictionary)), m_rules(rules), m_leaderboard(std::move(leaderboard))
{
    if (!m_dictionary)
        m_dictionary = std::make_shared<const WordList>();
}

QString WordChainReferee::normalise(const QString &text) const
{
    QString t = foldForMatching(text);
    qsizetype begin = 0;
    qsizetype end = t.size();
    while (begin < end && isEdgePunctuation(t[begin]))
        ++begin;
    while (end > begin && isEdgePunctuation(t[end - 1]))
        --end;
    t = t.mid(begin, end - begin);
    if (m_dictionary->kind() == WordList::Kind::ChineseIdiom) {
        t.remove(u' ');
        const bool idiomShaped = t.size() == 4 && std::all_of(t.cbegin(), t.cend(), isHan);
        return idiomShaped ? t : QString();
    }
    const bool wordShaped = !t.isEmpty()
        && std::all_of(t.cbegin(), t.cend(), [](QChar c) { return c >= u'a' && c <= u'z'; });
    return wordShaped ? t : QString();
}

QDateTime WordChainReferee::turnDeadline() const
{
    if (!m_running)
        return {};
    return m_turnStarted.addSecs(m_rules.turnTimeout.count());
}

QString WordChainReferee::suggestStart(quint32 index) const
{
    QStringList candidates;
    for (const QString &word : m_dictionary->words()) {
        if (m_dictionary->canContinueFrom(WordList::lastUnit(word)))
            candidates.append(word);
    }
    if (candidates.isEmpty())
        return {};
    return candidates[qsizetype(index % quint32(candidates.size()))];
}

Expected<QString, StartError> WordChainReferee::startRound(const QString &firstWord,
                                                           const QDateTime &now)
{
    if (m_running)
        return StartError {
            StartError::Code::RoundRunning,
            QCoreApplication::translate("chorus::activities::WordChain",
                                        "A round is already running; stop it first.")};
    const QString word = normalise(firstWord);
    if (word.isEmpty() || !m_dictionary->contains(word))
        return StartError {StartError::Code::NotInDictionary,
                           QCoreApplication::translate("chorus::activities::WordChain",
                                                       "\"%1\" is not in the dictionary.")
                               .arg(firstWord)};
    if (!m_dictionary->canContinueFrom(WordList::lastUnit(word)))
        return StartError {StartError::Code::DeadEnd,
                           QCoreApplication::translate(
                               "chorus::activities::WordChain",
                               "Nothing in the dictionary follows \"%1\"; pick another word.")
                               .arg(firstWord)};
    m_running = true;
    ++m_round;
    m_current = word;
    m_used = {word};
    m_moves.clear();
    m_turnStarted = now;
    return wordChainStartText(m_dictionary->kind(), m_rules.language, m_round, word,
                              m_rules.turnTimeout);
}

MoveResult WordChainReferee::play(const chat::PersonKey &person, const QString &nick,
                                  const QString &text, const QDateTime &at)
{
    using Verdict = MoveResult::Verdict;
    MoveResult result;
    result.word = normalise(text);
    if (result.word.isEmpty())
        return result; // chatter, not a move
    if (!m_running) {
        result.verdict = Verdict::NoRound;
        return result;
    }
    result.expectedStart = expectedStart();
    auto judged = [&](Verdict verdict) {
        result.verdict = verdict;
        result.reply = wordChainMoveText(m_dictionary->kind(), m_rules.language, result, nick);
        return result;
    };

    if (at >= turnDeadline()) {
        result.roundEnded = endRound(RoundSummary::Reason::TimedOut, turnDeadline());
        return judged(Verdict::TooLate);
    }
    if (m_rules.oneMoveInARow && !m_moves.isEmpty() && m_moves.back().person == person)
        return judged(Verdict::TwoInARow);
    if (WordList::firstUnit(result.word) != result.expectedStart)
        return judged(Verdict::WrongStart);
    if (!m_dictionary->contains(result.word))
        return judged(Verdict::NotInDictionary);
    if (m_used.contains(result.word))
        return judged(Verdict::Repeated);

    result.points = m_rules.pointsPerMove;
    m_current = result.word;
    m_used.insert(result.word);
    m_moves.append({person, nick, result.word, at});
    m_turnStarted = std::max(m_turnStarted, at); // out-of-order delivery never shortens a turn
    m_leaderboard.addMove(person, nick, result.points);
    judged(Verdict::Accepted);
    if (!m_dictionary->canContinueFrom(WordList::lastUnit(result.word)))
        result.roundEnded = endRound(RoundSummary::Reason::DeadEnd, at);
    return result;
}

std::optional<RoundSummary> WordChainReferee::tick(const QDateTime &now)
{
    if (!m_running || now < turnDeadline())
        return std::nullopt;
    return endRound(RoundSummary::Reason::TimedOut, turnDeadline());
}

std::optional<RoundSummary> WordChainReferee::stop(const QDateTime &now)
{
    if (!m_running)
        return std::nullopt;
    return endRound(RoundSummary::Reason::Stopped, now);
}

RoundSummary WordChainReferee::endRound(RoundSummary::Reason reason, const QDateTime &at)
{
    RoundSummary summary;
    summary.round = m_round;
    summary.reason = reason;
    summary.moves = m_moves;
    summary.endedAt = at;
    // The operator stopping a round does not crown anyone.
    if (!m_moves.isEmpty() && reason != RoundSummary::Reason::Stopped) {
        summary.winner = m_moves.back();
        m_leaderboard.addWin(summary.winner->person, summary.winner->nick, m_rules.winnerBonus);
    }
    summary.announcement = wordChainEndText(m_dictionary->kind(), m_rules.language, summary,
                                            m_current, m_rules.winnerBonus);
    m_running = false;
    return summary;
}

} // namespace chorus::activities
