#pragma once

// The benchmarks' output convention: details on stderr, prefixed with the program's
// name; one JSON object on the last stdout line (an {"error": ...} one on failure).

#include <QByteArray>
#include <QString>

#include <initializer_list>
#include <utility>

namespace chorus::bench {

/// One line of detail on stderr.
void note(const QString &text);
/// Reports a failure (stderr and an {"error": why} result line); returns 1 for main().
int fail(const QString &why);
/// The load average (1, 5, 15 minutes) as /proc/loadavg has it; empty where unknown.
QString loadAverage();

/// A JSON object whose keys keep the order they were added in (QJsonObject sorts them),
/// so the result line reads like the documentation.
class ResultLine
{
public:
    ResultLine &add(const char *key, double value, int decimals);
    ResultLine &add(const char *key, qint64 value);
    ResultLine &add(const char *key, const QString &value);
    QByteArray toJson() const { return '{' + m_body + '}'; }
    /// Prints the object as the last stdout line.
    void print() const;

private:
    void key(const char *key);
    QByteArray m_body;
};

} // namespace chorus::bench
