#pragma once

// tools/crowd as a child process: start it, wait for its JSON events, give it
// commands on stdin, stop it cleanly.

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <functional>

namespace chorus::test {

class CrowdProcess
{
public:
    ~CrowdProcess() { stop(); }

    bool start(const QStringList &args)
    {
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(QStringLiteral(CHORUS_CROWD), args);
        return m_process.waitForStarted(10000);
    }

    /// The first event (since the last call) that `match` accepts; empty when none
    /// came within `ms`.
    QJsonObject waitFor(const std::function<bool(const QJsonObject &)> &match, int ms = 30000)
    {
        QJsonObject found;
        (void)QTest::qWaitFor(
            [&] {
                pull();
                while (!m_pending.isEmpty()) {
                    const QJsonObject e = m_pending.takeFirst();
                    if (match(e)) {
                        found = e;
                        return true;
                    }
                }
                return m_process.state() == QProcess::NotRunning;
            },
            ms);
        return found;
    }
    QJsonObject waitForEvent(const QString &event, int ms = 30000)
    {
        return waitFor([&](const QJsonObject &e) { return e.value(u"event").toString() == event; }, ms);
    }

    void command(const QString &line) { m_process.write(line.toUtf8() + '\n'); }
    QList<QJsonObject> all() const { return m_all; }
    qint64 pid() const { return m_process.processId(); }
    QByteArray errors() { return m_process.readAllStandardError(); }

    /// Closes stdin (the crowd logs out and exits) and waits.
    bool stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return m_process.exitStatus() == QProcess::NormalExit;
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(15000)) {
            m_process.kill();
            m_process.waitForFinished(2000);
            return false;
        }
        return true;
    }

private:
    void pull()
    {
        m_buffer += m_process.readAllStandardOutput();
        qsizetype eol;
        while ((eol = m_buffer.indexOf('\n')) >= 0) {
            const QJsonObject e = QJsonDocument::fromJson(m_buffer.left(eol)).object();
            m_buffer.remove(0, eol + 1);
            if (!e.isEmpty()) {
                m_pending.append(e);
                m_all.append(e);
            }
        }
    }

    QProcess m_process;
    QByteArray m_buffer;
    QList<QJsonObject> m_pending;
    QList<QJsonObject> m_all;
};

} // namespace chorus::test
