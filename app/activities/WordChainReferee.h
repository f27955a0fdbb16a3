#pragma once

// Referee of a word-chain game in one group: English (each word starts with the last
// letter of the previous one) or Chinese idiom chain 成语接龙 (each idiom starts with the
// last character of the previous one). Checks moves against a dictionary, refuses repeats
// within a round, ends the round when a turn times out, scores, and words the
// announcements. Time is passed in; the caller asks tick() at turnDeadline().

#include "activities/Language.h"
#include "activities/Leaderboard.h"
#include "activities/WordList.h"
#include "chat/Types.h"
#include "core/Expected.h"

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>

#include <chrono>
#include <memory>
#include <optional>

namespace chorus::activities {

struct WordChainRules
{
    std::chrono::seconds turnTimeout {60}; ///< a round ends when no valid move comes in time
    bool oneMoveInARow = false; ///< a member may not answer their own word
    int pointsPerMove = 1;
    int winnerBonus = 3; ///< for the last valid move when the round ends
    Language language = Language::English; ///< of announcements and replies
};

struct WordChainMove
{
    chat::PersonKey person;
    QString nick;
    QString word;
    QDateTime at;
};

/// How a round ended, with the words to announce it.
struct RoundSummary
{
    enum class Reason {
        TimedOut, ///< no valid move before the turn deadline
        DeadEnd, ///< nothing in the dictionary follows the last word
        Stopped, ///< the operator ended it
    };
    int round = 0;
    Reason reason = Reason::TimedOut;
    QList<WordChainMove> moves; ///< accepted moves, in order
    std::optional<WordChainMove> winner; ///< the last accepted move, if any
    QDateTime endedAt;
    QString announcement;
};

/// The referee's verdict on one message.
struct MoveResult
{
    enum class Verdict {
        NotAMove, ///< chatter: not a single word / four characters
        NoRound, ///< no round is running
        Accepted,
        WrongStart, ///< does not start with the required letter/character
        NotInDictionary,
        Repeated, ///< already played this round
        TwoInARow, ///< oneMoveInARow and the sender made the previous move
        TooLate, ///< after the turn deadline: the round is over
    };
    Verdict verdict = Verdict::NotAMove;
    QString word; ///< normalised move
    QString expectedStart; ///< the letter/character required
    int points = 0;
    QString reply; ///< for the group; empty for NotAMove and NoRound
    std::optional<RoundSummary> roundEnded; ///< set when this message found the round over
};

struct StartError
{
    enum class Code { RoundRunning, NotInDictionary, DeadEnd };
    Code code = Code::NotInDictionary;
    QString message; ///< for the operator, translated
};

class WordChainReferee
{
public:
    WordChainReferee(std::shared_ptr<const WordList> dictionary, WordChainRules rules,
                     Leaderboard leaderboard = {});

    /// Starts a round with @p firstWord; returns the announcement to post.
    Expected<QString, StartError> startRound(const QString &firstWord, const QDateTime &now);
    /// Judges one group message.
    MoveResult play(const chat::PersonKey &person, const QString &nick, const QString &text,
                    const QDateTime &at);
    /// Ends the round if the turn timed out at @p now.
    std::optional<RoundSummary> tick(const QDateTime &now);
    /// Ends the round by the operator's decision.
    std::optional<RoundSummary> stop(const QDateTime &now);

    bool roundRunning() const { return m_running; }
    int round() const { return m_round; }
    QString currentWord() const { return m_current; }
    /// The letter/character the next move must start with.
    QString expectedStart() const { return WordList::lastUnit(m_current); }
    /// When the current turn times out; invalid when no round runs.
    QDateTime turnDeadline() const;
    const Leaderboard &leaderboard() const { return m_leaderboard; }
    const WordChainRules &rules() const { return m_rules; }

    /// A starting word that can be answered, chosen by @p index among candidates
    /// (pass a random number; the same index gives the same word).
    QString suggestStart(quint32 index) const;

private:
    QString normalise(const QString &text) const;
    RoundSummary endRound(RoundSummary::Reason reason, const QDateTime &at);

    std::shared_ptr<const WordList> m_dictionary;
    WordChainRules m_rules;
    Leaderboard m_leaderboard;
    bool m_running = false;
    int m_round = 0;
    QString m_current;
    QDateTime m_turnStarted;
    QSet<QString> m_used;
    QList<WordChainMove> m_moves;
};

} // namespace chorus::activities
