#include "workspace/DemoServer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <signal.h>
#include <sys/types.h>
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

Q_LOGGING_CATEGORY(lcDemo, "chorus.demo")

using namespace Qt::StringLiterals;

namespace chorus::workspace {
namespace {

constexpr auto kDomain = "localhost";
constexpr auto kMucDomain = "conference.localhost";
constexpr auto kOperator = "operator";
constexpr auto kMemberPrefix = "guest";
constexpr int kMembers = 30;
constexpr int kMembersPerGroup = 12;
// The first burst becomes the groups' history; the background crowd then keeps talking
// at a gentle pace for as long as a demo plausibly runs.
constexpr int kBurstMessages = 48;
constexpr auto kBurstRate = "20";
constexpr auto kBackgroundRate = "0.3";
constexpr auto kBackgroundSeconds = "86400";
// Prosody's admin socket lives in the server directory; a Unix socket path has ~107 bytes.
constexpr int kMaxSocketPath = 100;

QString randomSecret()
{
    static const char alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString s;
    for (int i = 0; i < 20; ++i)
        s += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof alphabet) - 1)]);
    return s;
}

/// The last lines of a program's output, short enough for a dialog.
QString tail(const QByteArray &text, int maxLines = 8, int maxChars = 800)
{
    QStringList lines = QString::fromUtf8(text).trimmed().split(u'\n', Qt::SkipEmptyParts);
    if (lines.size() > maxLines)
        lines = lines.mid(lines.size() - maxLines);
    QString joined = lines.join(u'\n');
    if (joined.size() > maxChars)
        joined = u"…"_s + joined.right(maxChars);
    return joined;
}

QByteArray readTail(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    if (f.size() > 4096)
        f.seek(f.size() - 4096);
    return f.readAll();
}

bool alive(qint64 pid)
{
    if (pid <= 0 || ::kill(pid_t(pid), 0) != 0)
        return false;
    // A zombie waiting for its reaper has already let go of its ports and files.
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype paren = text.lastIndexOf(')');
    return paren < 0 || text.mid(paren + 2, 1) != "Z";
}

/// True when `pid` is the Prosody started with `config` (never signal a reused PID).
bool runsConfig(qint64 pid, const QString &config)
{
    QFile cmdline(u"/proc/%1/cmdline"_s.arg(pid));
    return !config.isEmpty() && cmdline.open(QIODevice::ReadOnly)
        && cmdline.readAll().contains(QFile::encodeName(config));
}

void terminate(qint64 pid, const QString &config)
{
    if (!alive(pid) || !runsConfig(pid, config))
        return;
    ::kill(pid_t(pid), SIGTERM);
    for (int i = 0; i < 100 && alive(pid); ++i)
        QThread::msleep(50);
    if (alive(pid)) {
        qCWarning(lcDemo) << "Prosody" << pid << "ignored SIGTERM; killing it";
        ::kill(pid_t(pid), SIGKILL);
    }
}

/// The server a demo directory holds: server.json once devserver wrote it, else the PID
/// file Prosody writes itself (a start interrupted half-way).
qint64 serverPidIn(const QString &serverDir)
{
    QFile state(serverDir + u"/server.json"_s);
    if (state.open(QIODevice::ReadOnly)) {
        const qint64 pid
            = QJsonDocument::fromJson(state.readAll()).object().value(u"pid"_s).toInteger();
        if (pid > 0)
            return pid;
    }
    QFile pidFile(serverDir + u"/prosody.pid"_s);
    if (pidFile.open(QIODevice::ReadOnly))
        return pidFile.readAll().trimmed().toLongLong();
    return 0;
}

void configureChild(QProcess *process)
{
#ifdef Q_OS_LINUX
    // Members go when Chorus goes, even if it crashes.
    process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#else
    Q_UNUSED(process);
#endif
}

} // namespace

DemoServer::DemoServer(DemoLocations locations, const QString &baseDir, QObject *parent)
    : QObject(parent), m_locations(std::move(locations)), m_baseDir(baseDir)
{
}

DemoServer::~DemoServer()
{
    stop();
}

QString DemoServer::stepText(Step step)
{
    switch (step) {
    case Step::StartingServer:
        return tr("Starting the demo server…");
    case Step::CreatingOperator:
        return tr("Creating the demo operator account…");
    case Step::CreatingGroups:
        return tr("Creating demo groups…");
    case Step::BringingMembers:
        return tr("Bringing in simulated members…");
    }
    return {};
}

QString DemoServer::stepTitle(Step step)
{
    switch (step) {
    case Step::StartingServer:
        return tr("Starting the demo server");
    case Step::CreatingOperator:
        return tr("Creating the demo operator account");
    case Step::CreatingGroups:
        return tr("Creating the demo groups");
    case Step::BringingMembers:
        return tr("Bringing in the simulated members");
    }
    return {};
}

Task<DemoAccount, DemoError> DemoServer::start()
{
    if (m_starting)
        return m_promise.task();
    if (isRunning())
        return readyTask<DemoAccount, DemoError>(m_account);
    if (m_locations.prosodyMissing())
        return readyTask<DemoAccount, DemoError>(
            DemoError {DemoError::Code::ProsodyMissing,
                       tr("Prosody is not installed. Install the prosody package to try the demo."),
                       {}});
    if (!m_locations.isComplete())
        return readyTask<DemoAccount, DemoError>(
            DemoError {DemoError::Code::HelperMissing,
                       tr("The demo needs %1, which could not be found.")
                           .arg(m_locations.missing().join(u", "_s)),
                       {}});

    QFile groupsFile(m_locations.groups);
    const QJsonArray groups = groupsFile.open(QIODevice::ReadOnly)
        ? QJsonDocument::fromJson(groupsFile.readAll()).array()
        : QJsonArray();
    m_groupIds.clear();
    for (const QJsonValue &g : groups) {
        const QString id = g.toObject().value(u"id"_s).toString();
        if (!id.isEmpty())
            m_groupIds << id;
    }
    if (m_groupIds.isEmpty())
        return readyTask<DemoAccount, DemoError>(
            DemoError {DemoError::Code::HelperMissing,
                       tr("The demo groups could not be read from %1.").arg(m_locations.groups),
                       {}});

    m_promise = Promise<DemoAccount, DemoError>();
    m_starting = true;
    ++m_generation;
    QString error;
    if (!makeDirectory(&error)) {
        const auto task = m_promise.task();
        fail(DemoError::Code::ServerFailed, error);
        return task;
    }
    m_account = {};
    m_account.jid = QString::fromLatin1(kOperator) + u'@' + QString::fromLatin1(kDomain);
    m_account.password = randomSecret();
    m_account.host = u"127.0.0.1"_s;
    for (const QString &id : std::as_const(m_groupIds))
        m_account.groups << id + u'@' + QString::fromLatin1(kMucDomain);
    m_memberPassword = randomSecret();

    // Step time limits are generous: on a busy machine devserver alone took ~9 s.
    runStep(Step::StartingServer, m_locations.devserver,
            {u"start"_s, u"prosody"_s, u"--dir"_s, m_dir + u"/server"_s, u"--fresh"_s}, 60000,
            [this](const QByteArray &out) { serverStarted(out); });
    return m_promise.task();
}

bool DemoServer::makeDirectory(QString *error)
{
    QString base = m_baseDir;
    const QString probe = base + u"/demo-XXXXXX/server/prosody.sock"_s;
    if (QFile::encodeName(probe).size() > kMaxSocketPath)
        base = QDir::tempPath() + u"/chorus-demo"_s;
    if (!QDir().mkpath(base)) {
        *error = tr("Could not create a folder for the demo server under %1.").arg(base);
        return false;
    }
    m_baseDir = base;
    removeStale();
    QTemporaryDir dir(base + u"/demo-XXXXXX"_s);
    if (!dir.isValid()) {
        *error = tr("Could not create a folder for the demo server: %1").arg(dir.errorString());
        return false;
    }
    dir.setAutoRemove(false);
    m_dir = dir.path();
    m_lock = std::make_unique<QLockFile>(m_dir + u"/demo.lock"_s);
    m_lock->setStaleLockTime(0);
    m_lock->tryLock(0);
    return true;
}

void DemoServer::removeStale() const
{
    // A Chorus that crashed left its demo server running: its lock is stale. Demos of
    // other running Chorus instances hold their lock and are left alone.
    const QDir base(m_baseDir);
    for (const QString &name : base.entryList({u"demo-*"_s}, QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString dir = base.filePath(name);
        QLockFile lock(dir + u"/demo.lock"_s);
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0))
            continue;
        const QString server = dir + u"/server"_s;
        terminate(serverPidIn(server), server + u"/prosody.cfg.lua"_s);
        lock.unlock();
        QDir(dir).removeRecursively();
        qCInfo(lcDemo) << "removed a demo server left behind in" << dir;
    }
}

void DemoServer::runStep(Step step, const QString &program, const QStringList &args, int timeoutMs,
                         StepDone done)
{
    Q_EMIT progress(step, stepText(step));
    auto *process = new QProcess(this);
    auto *timer = new QTimer(process);
    m_step = process;
    configureChild(process);
    const int generation = m_generation;
    const auto stale = [this, generation] {
        return generation != m_generation;
    };
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, process, step, timeoutMs, stale] {
        if (stale())
            return;
        process->disconnect(this);
        process->kill();
        process->waitForFinished(1000);
        process->deleteLater();
        fail(step == Step::StartingServer ? DemoError::Code::ServerFailed
                                          : DemoError::Code::StepFailed,
             tr("%1 did not finish within %2 seconds.").arg(stepTitle(step)).arg(timeoutMs / 1000),
             tail(process->readAllStandardError()));
    });
    connect(process, &QProcess::errorOccurred, this,
            [this, process, step, stale](QProcess::ProcessError e) {
                if (e != QProcess::FailedToStart || stale())
                    return;
                process->disconnect(this);
                process->deleteLater();
                fail(step == Step::StartingServer ? DemoError::Code::ServerFailed
                                                  : DemoError::Code::StepFailed,
                     tr("Could not run %1: %2").arg(process->program(), process->errorString()));
            });
    connect(
        process, &QProcess::finished, this,
        [this, process, step, stale, done](int code, QProcess::ExitStatus status) {
            process->deleteLater();
            if (stale())
                return;
            const QByteArray out = process->readAllStandardOutput();
            const QByteArray err = process->readAllStandardError();
            if (status == QProcess::NormalExit && code == 0) {
                done(out);
                return;
            }
            // devserver explains itself in a JSON line; the others on stderr.
            const QByteArray last = out.trimmed().split('\n').constLast();
            const QString reason
                = QJsonDocument::fromJson(last).object().value(u"error"_s).toString();
            if (step == Step::StartingServer) {
                const QString server = m_dir + u"/server"_s;
                const QByteArray log
                    = readTail(server + u"/prosody.err"_s) + readTail(server + u"/stdout.log"_s);
                fail(DemoError::Code::ServerFailed,
                     tr("Prosody did not start: %1")
                         .arg(reason.isEmpty() ? tr("it exited with code %1").arg(code) : reason),
                     tail(err + log));
                return;
            }
            fail(DemoError::Code::StepFailed,
                 tr("%1 failed (exit code %2).").arg(stepTitle(step)).arg(code),
                 tail(err.isEmpty() ? out : err));
        });
    timer->start(timeoutMs);
    process->start(program, args);
}

void DemoServer::serverStarted(const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json.trimmed().split('\n').constLast()).object();
    m_serverPid = o.value(u"pid"_s).toInteger();
    m_serverConfig = o.value(u"config"_s).toString();
    m_account.port = quint16(o.value(u"c2s_port"_s).toInt());
    if (m_serverPid <= 0 || m_account.port == 0) {
        fail(DemoError::Code::ServerFailed, tr("The demo server did not say where it listens."),
             tail(json));
        return;
    }
    qCInfo(lcDemo) << "Prosody" << m_serverPid << "on port" << m_account.port << "in" << m_dir;
    runStep(Step::CreatingOperator, m_locations.devserver,
            {u"adduser"_s, u"--dir"_s, m_dir + u"/server"_s, QString::fromLatin1(kOperator),
             m_account.password},
            60000, [this](const QByteArray &) { seedGroups(); });
}

void DemoServer::seedGroups()
{
    runStep(Step::CreatingGroups, m_locations.demoseed,
            {u"--host"_s, m_account.host, u"--port"_s, QString::number(m_account.port),
             u"--account"_s, m_account.jid, u"--password"_s, m_account.password, u"--groups"_s,
             m_locations.groups},
            90000, [this](const QByteArray &) { playBurst(); });
}

QStringList DemoServer::crowdArguments() const
{
    QStringList args {u"--server-dir"_s, m_dir + u"/server"_s,
                      u"--devserver"_s,  m_locations.devserver,
                      u"--prefix"_s,     QString::fromLatin1(kMemberPrefix),
                      u"--members"_s,    QString::number(kMembers),
                      u"--per-room"_s,   QString::number(kMembersPerGroup),
                      u"--password"_s,   m_memberPassword};
    for (const QString &id : m_groupIds)
        args << u"--room"_s << id;
    return args;
}

void DemoServer::playBurst()
{
    runStep(Step::BringingMembers, m_locations.crowd,
            crowdArguments() << u"--create-accounts"_s << u"--messages"_s
                             << QString::number(kBurstMessages) << u"--rate"_s
                             << QString::fromLatin1(kBurstRate),
            180000, [this](const QByteArray &) { startBackgroundCrowd(); });
}

void DemoServer::startBackgroundCrowd()
{
    auto *crowd = new QProcess(this);
    m_crowd = crowd;
    configureChild(crowd);
    crowd->setStandardOutputFile(QProcess::nullDevice());
    crowd->setStandardErrorFile(m_dir + u"/crowd.err"_s);
    const int generation = m_generation;
    connect(crowd, &QProcess::started, this, [this, generation] {
        if (generation != m_generation)
            return;
        m_starting = false;
        m_promise.finish(m_account);
    });
    connect(crowd, &QProcess::errorOccurred, this,
            [this, crowd, generation](QProcess::ProcessError e) {
                if (e == QProcess::FailedToStart && generation == m_generation && m_starting)
                    fail(DemoError::Code::StepFailed,
                         tr("Could not run %1: %2").arg(crowd->program(), crowd->errorString()));
            });
    connect(crowd, &QProcess::finished, this, [this, generation](int code) {
        // The demo stays usable without background chatter; only note it.
        if (generation == m_generation)
            qCInfo(lcDemo) << "background members ended with code" << code;
    });
    crowd->start(m_locations.crowd,
                 crowdArguments() << u"--rate"_s << QString::fromLatin1(kBackgroundRate)
                                  << u"--duration"_s << QString::fromLatin1(kBackgroundSeconds)
                                  << u"--seed"_s << u"7"_s);
}

void DemoServer::fail(DemoError::Code code, const QString &message, const QString &detail)
{
    qCWarning(lcDemo) << "demo failed:" << message << detail;
    auto promise = m_promise;
    m_starting = false;
    // Nothing of a failed start stays behind.
    stop();
    promise.finish(DemoError {code, message, detail});
}

void DemoServer::stopProcesses()
{
    for (QProcess *p : {m_step.data(), m_crowd.data()}) {
        if (!p)
            continue;
        p->disconnect(this);
        if (p->state() != QProcess::NotRunning) {
            p->terminate();
            if (!p->waitForFinished(2000)) {
                p->kill();
                p->waitForFinished(1000);
            }
        }
        p->deleteLater();
    }
    m_step.clear();
    m_crowd.clear();
}

void DemoServer::stopServer()
{
    if (m_dir.isEmpty())
        return;
    const QString server = m_dir + u"/server"_s;
    const qint64 pid = m_serverPid > 0 ? m_serverPid : serverPidIn(server);
    terminate(pid, m_serverConfig.isEmpty() ? server + u"/prosody.cfg.lua"_s : m_serverConfig);
    m_serverPid = 0;
    m_serverConfig.clear();
}

void DemoServer::stop()
{
    ++m_generation;
    stopProcesses();
    stopServer();
    if (!m_dir.isEmpty()) {
        if (m_lock)
            m_lock->unlock();
        m_lock.reset();
        if (!QDir(m_dir).removeRecursively())
            qCWarning(lcDemo) << "could not remove" << m_dir;
        m_dir.clear();
    }
    if (m_starting) {
        m_starting = false;
        m_promise.finish(DemoError {DemoError::Code::Stopped, tr("The demo was stopped."), {}});
    }
}

} // namespace chorus::workspace
