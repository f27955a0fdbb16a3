#include "activities/Leaderboard.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace chorus::activities {

LeaderboardRow &Leaderboard::rowFor(const chat::PersonKey &person, const QString &nick)
{
    for (LeaderboardRow &row : m_rows) {
        if (row.person == person) {
            if (!nick.isEmpty())
                row.nick = nick;
            return row;
        }
    }
    m_rows.append({person, nick, 0, 0, 0});
    return m_rows.back();
}

void Leaderboard::addMove(const chat::PersonKey &person, const QString &nick, int points)
{
    LeaderboardRow &row = rowFor(person, nick);
    row.points += points;
    row.moves += 1;
}

void Leaderboard::addWin(const chat::PersonKey &person, const QString &nick, int bonus)
{
    LeaderboardRow &row = rowFor(person, nick);
    row.points += bonus;
    row.wins += 1;
}

QList<LeaderboardRow> Leaderboard::ranking() const
{
    QList<LeaderboardRow> rows = m_rows;
    std::stable_sort(rows.begin(), rows.end(),
                     [](const LeaderboardRow &a, const LeaderboardRow &b) {
                         if (a.points != b.points)
                             return a.points > b.points;
                         if (a.wins != b.wins)
                             return a.wins > b.wins;
                         return a.nick < b.nick;
                     });
    return rows;
}

const LeaderboardRow *Leaderboard::row(const chat::PersonKey &person) const
{
    for (const LeaderboardRow &row : m_rows) {
        if (row.person == person)
            return &row;
    }
    return nullptr;
}

QString Leaderboard::render(Language l, int top) const
{
    const QList<LeaderboardRow> rows = ranking();
    if (rows.isEmpty())
        return pick(l, u"No scores yet."_s, u"还没有得分。"_s);
    QStringList lines {pick(l, u"Leaderboard:"_s, u"排行榜："_s)};
    for (qsizetype i = 0; i < rows.size() && i < top; ++i) {
        const LeaderboardRow &r = rows[i];
        lines.append(pick(l, u"%1. %2 — %3 pts, rounds won: %4"_s, u"%1. %2 — %3分（胜%4局）"_s)
                         .arg(QString::number(i + 1), r.nick, QString::number(r.points),
                              QString::number(r.wins)));
    }
    return lines.join(u'\n');
}

} // namespace chorus::activities
