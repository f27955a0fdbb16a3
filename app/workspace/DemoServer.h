#pragma once

#include "core/Expected.h"
#include "workspace/DemoLocations.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <memory>

class QLockFile;
class QProcess;
class QTimer;

namespace chorus::workspace {

/// The demo operator's account on a running demo server.
struct DemoAccount
{
    QString jid;
    QString password;
    QString host;
    quint16 port = 0;
    QStringList groups; ///< the demo groups' JIDs
};

/// Why the demo could not start.
struct DemoError
{
    enum class Code {
        ProsodyMissing, ///< prosody/prosodyctl not installed
        HelperMissing, ///< python3, openssl or one of Chorus's demo helpers not found
        Busy, ///< already starting
        ServerFailed, ///< Prosody did not start (port, configuration, launch)
        StepFailed, ///< a later step (account, groups, members) failed
        Stopped, ///< stop() was called while starting
    };
    Code code = Code::StepFailed;
    QString message; ///< for the user: what failed and what to do
    QString detail; ///< the failing program's last output lines
};

/// "Try it with a local demo server": runs what the demo command does, without blocking
/// the caller's thread. It starts a project-local Prosody through devserver in a
/// throwaway directory, creates the operator, seeds the demo groups, plays a first burst
/// of simulated members and keeps a background crowd talking. stop() (or destruction)
/// ends the crowd and the server by PID and removes the directory.
class DemoServer : public QObject
{
    Q_OBJECT
public:
    enum class Step { StartingServer, CreatingOperator, CreatingGroups, BringingMembers };
    Q_ENUM(Step)

    /// Throwaway directories are made under `baseDir` (the app's cache directory).
    DemoServer(DemoLocations locations, const QString &baseDir, QObject *parent = nullptr);
    ~DemoServer() override;

    /// True when Prosody and every helper were found.
    bool isAvailable() const { return m_locations.isComplete(); }
    const DemoLocations &locations() const { return m_locations; }

    /// Starts everything; the task finishes with the operator's account once the groups
    /// exist and hold history and the background members are started.
    Task<DemoAccount, DemoError> start();
    /// Ends the crowd and the server (by PID) and removes the directory. Idempotent.
    void stop();

    bool isStarting() const { return m_starting; }
    bool isRunning() const { return m_serverPid > 0; }
    qint64 serverPid() const { return m_serverPid; }
    QString directory() const { return m_dir; }
    /// The account of the last successful start (empty before).
    DemoAccount account() const { return m_account; }

    static QString stepText(Step step);
    /// The step's name in a failure message ("Creating the demo groups").
    static QString stepTitle(Step step);

Q_SIGNALS:
    /// The step now running, with a sentence for the user ("Creating demo groups…").
    void progress(chorus::workspace::DemoServer::Step step, const QString &text);

private:
    using StepDone = std::function<void(const QByteArray &stdoutText)>;
    void runStep(Step step, const QString &program, const QStringList &args, int timeoutMs,
                 StepDone done);
    void fail(DemoError::Code code, const QString &message, const QString &detail = {});
    void serverStarted(const QByteArray &json);
    void seedGroups();
    void playBurst();
    void startBackgroundCrowd();
    QStringList crowdArguments() const;
    bool makeDirectory(QString *error);
    void removeStale() const;
    void stopServer();
    void stopProcesses();

    DemoLocations m_locations;
    QString m_baseDir;
    QString m_dir;
    std::unique_ptr<QLockFile> m_lock;
    Promise<DemoAccount, DemoError> m_promise;
    bool m_starting = false;
    int m_generation = 0; ///< bumped by stop(): late callbacks of an old start do nothing
    QPointer<QProcess> m_step;
    QPointer<QProcess> m_crowd;
    QString m_serverConfig;
    qint64 m_serverPid = 0;
    DemoAccount m_account;
    QStringList m_groupIds;
    QString m_memberPassword;
};

} // namespace chorus::workspace
