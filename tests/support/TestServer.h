#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace chorus::test {

/// A real XMPP server for an integration test, described by the server.json that
/// tools/devserver writes: the shared CTest fixture one (CHORUS_TEST_SERVER_DIR), or a
/// private one the test starts and stops itself (for tests that kill or restart it).
class TestServer
{
public:
    /// The fixture's server, or nullopt (with the reason in *error) when the test runs
    /// outside CTest or the fixture failed.
    static std::optional<TestServer> fromEnvironment(QString *error = nullptr);

    /// Starts a server of its own under `dir` ("prosody" or "ejabberd").
    static std::optional<TestServer> startPrivate(const QString &kind, const QString &dir,
                                                  const QStringList &extraArgs = {},
                                                  QString *error = nullptr);

    /// Stops a server started with startPrivate() (by its PID, through devserver).
    bool stop() const;

    QString kind() const { return m_kind; }  ///< "prosody" or "ejabberd"
    QString host() const { return m_host; }  ///< always a loopback address
    quint16 port() const { return m_port; }  ///< client-to-server (STARTTLS) port
    quint16 directTlsPort() const { return m_tlsPort; }
    quint16 httpPort() const { return m_httpPort; }
    QString domain() const { return m_domain; }
    QString mucDomain() const { return m_muc; }
    QString certificatePath() const { return m_cert; }
    QString directory() const { return m_dir; }
    qint64 pid() const { return m_pid; }

    /// Creates accounts (name, password pairs); returns false with the reason on failure.
    bool addUsers(const QList<QPair<QString, QString>> &users, QString *error = nullptr) const;
    /// A fresh account name that no other test in this run uses.
    static QString uniqueName(const QString &prefix);

    /// Runs tools/devserver with `args`, returns its last stdout line (JSON) or nullopt.
    static std::optional<QByteArray> devserver(const QStringList &args, QString *error = nullptr,
                                               int timeoutMs = 120000);

private:
    static std::optional<TestServer> fromStateFile(const QString &dir, QString *error);

    QString m_kind, m_host, m_domain, m_muc, m_cert, m_dir;
    quint16 m_port = 0, m_tlsPort = 0, m_httpPort = 0;
    qint64 m_pid = 0;
};

} // namespace chorus::test
