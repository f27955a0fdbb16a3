#pragma once

#include <QObject>

#include <cstdio>

namespace chorus::workspace {

class Session;
class Workspace;
struct Options;

/// `chorus --headless`: the same session and workspace with no window, for a small
/// server that keeps the operator's groups (and their activities) running while the
/// laptop is closed. Reports what happens as timestamped lines on `out`.
class HeadlessAgent : public QObject
{
    Q_OBJECT
public:
    HeadlessAgent(Session *session, std::FILE *out = stdout, QObject *parent = nullptr);

    /// Signs in from the options (--account/--password-file) or the saved account.
    /// Returns false with a message on stderr when neither is possible.
    bool start(const Options &options);

private:
    void attach(Workspace *workspace);
    void log(const QString &line);

    Session *m_session;
    std::FILE *m_out;
    qint64 m_messages = 0;
};

} // namespace chorus::workspace
