#pragma once

// Points per member in one group, across game rounds.

#include "activities/Language.h"
#include "chat/Types.h"

#include <QList>
#include <QString>

namespace chorus::activities {

struct LeaderboardRow
{
    chat::PersonKey person;
    QString nick; ///< the latest nick seen
    int points = 0;
    int moves = 0; ///< accepted moves
    int wins = 0; ///< rounds won
    friend bool operator==(const LeaderboardRow &, const LeaderboardRow &) = default;
};

class Leaderboard
{
public:
    Leaderboard() = default;
    explicit Leaderboard(QList<LeaderboardRow> rows) : m_rows(std::move(rows)) { }

    void addMove(const chat::PersonKey &person, const QString &nick, int points);
    void addWin(const chat::PersonKey &person, const QString &nick, int bonus);

    /// Rows by points, then wins, then nick: a stable ranking.
    QList<LeaderboardRow> ranking() const;
    const LeaderboardRow *row(const chat::PersonKey &person) const;
    /// "1. Alice — 12 points (2 wins)" lines, the first @p top of them.
    QString render(Language language, int top = 10) const;

private:
    LeaderboardRow &rowFor(const chat::PersonKey &person, const QString &nick);

    QList<LeaderboardRow> m_rows;
};

} // namespace chorus::activities
