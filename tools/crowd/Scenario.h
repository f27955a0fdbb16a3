#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace chorus::crowd {

/// What a simulated member says: lines of traffic, each with its kind, played in order
/// (then from the top again).
class Scenario
{
public:
    struct Line
    {
        QString kind; ///< question, signup, order, chatter
        QString text;
    };

    /// The built-in scenario: `kinds` filters (empty: all), `lang` is en, zh or both.
    static Scenario builtIn(const QStringList &kinds = {}, const QString &lang = QStringLiteral("both"));
    /// Reads a script: one message per line, optionally "kind: text"; blank lines and
    /// lines starting with '#' are skipped. nullopt (with *error) when unreadable or empty.
    static std::optional<Scenario> fromFile(const QString &path, QString *error);
    static QStringList kinds();

    bool isEmpty() const { return m_lines.isEmpty(); }
    int size() const { return int(m_lines.size()); }
    /// The next line, cycling.
    Line next();

private:
    QList<Line> m_lines;
    int m_next = 0;
};

} // namespace chorus::crowd
