// bench_join: how fast one operator gets into many busy rooms, and what it costs.
//
// Starts a private Prosody or ejabberd (tools/devserver, throwaway directory, free
// ports), fills `--rooms` rooms with `--occupants` simulated members each (tools/crowd,
// members sitting in many rooms each), then connects one operator (xmpp::Client +
// MucManager, default settings) and joins every room. Measured from connectToServer()
// until the last room is joined: wall seconds, the operator's CPU seconds and peak RSS
// (this process), and the server's CPU seconds over the same interval (/proc of the
// PID in server.json, with any processes below it).
// Last stdout line: {"rooms":R,"occupants":M,"seconds":...,"cpu_s":...,
// "peak_rss_mb":...,"server_cpu_s":...,"server":"prosody"}. Details go to stderr.
#include "CrowdProcess.h"
#include "ProcessStats.h"
#include "TestServer.h"

#include "xmpp/Client.h"
#include "xmpp/MucManager.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace chorus::xmpp;
using chorus::bench::machineBusySeconds;
using chorus::bench::ownCpuSeconds;
using chorus::bench::ownPeakRssMb;
using chorus::bench::processTreeCpuSeconds;
using chorus::test::CrowdProcess;
using chorus::test::TestServer;

namespace {

int fail(const QString &why)
{
    std::fprintf(stderr, "bench_join: %s\n", qPrintable(why));
    std::printf(
        "%s\n",
        QJsonDocument(QJsonObject {{u"error"_s, why}}).toJson(QJsonDocument::Compact).constData());
    return 1;
}

void note(const QString &text)
{
    std::fprintf(stderr, "bench_join: %s\n", qPrintable(text));
}

QString loadAverage()
{
    QFile f(u"/proc/loadavg"_s);
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).section(u' ', 0, 2)
                                       : QString();
}

// The result line with the keys in a fixed order (QJsonObject would sort them).
QByteArray resultLine(int rooms, int occupants, double seconds, double cpu, double rss,
                      double serverCpu, const QString &server)
{
    auto num = [](double v, int decimals) {
        return QByteArray::number(v, 'f', decimals);
    };
    return "{\"rooms\": " + QByteArray::number(rooms)
        + ", \"occupants\": " + QByteArray::number(occupants) + ", \"seconds\": " + num(seconds, 2)
        + ", \"cpu_s\": " + num(cpu, 2) + ", \"peak_rss_mb\": " + num(rss, 1)
        + ", \"server_cpu_s\": " + num(serverCpu, 2) + ", \"server\": \"" + server.toUtf8() + "\"}";
}

struct Run
{
    double seconds = 0;
    double cpu = 0;
    double serverCpu = 0;
    QString error;
};

struct OperatorOptions
{
    bool streamManagement = true;
    MucManager::Settings muc;
};

// Polls until the server's CPU clock moves less than 20 ms per half second, three
// times in a row (on a busy machine one quiet sample proves little), or 5 minutes pass.
void waitForIdle(qint64 serverPid)
{
    double last = processTreeCpuSeconds(serverPid);
    int quiet = 0;
    for (int i = 0; i < 600 && quiet < 3; ++i) {
        QTest::qWait(500);
        const double now = processTreeCpuSeconds(serverPid);
        quiet = now - last < 0.02 ? quiet + 1 : 0;
        last = now;
    }
}

// One operator connects and joins every room; measured from connectToServer() to the
// last room joined.
Run joinAll(const TestServer &server, const QString &password, int rooms, int occupants,
            const OperatorOptions &options, qint64 crowdPid, int timeoutMs, int runNumber)
{
    Run run;
    int joined = 0;
    int failed = 0;
    qint64 sessionMs = -1;
    qint64 firstJoinMs = -1;
    QString lastError;
    QElapsedTimer clock;
    QEventLoop loop;
    ClientSettings settings;
    settings.jid = Jid::fromString(u"operator@"_s + server.domain());
    settings.password = password;
    // A resource of its own per run: never a conflict with a session still closing.
    settings.resource = u"bench%1"_s.arg(runNumber);
    settings.host = server.host();
    settings.port = server.port();
    settings.plaintextOnLoopback = true;
    settings.reconnect.enabled = false;
    settings.streamManagement = options.streamManagement;
    // What the application does, nothing more.
    Client client;
    client.setSettings(settings);
    MucManager muc;
    muc.setSettings(options.muc);
    client.addExtension(&muc);
    QList<MucJoinRequest> requests;
    for (int r = 1; r <= rooms; ++r)
        requests.append(
            {Jid::fromString(u"class%1@"_s.arg(r) + server.mucDomain()), u"operator"_s});

    QObject::connect(&client, &Client::sessionStarted, &loop,
                     [&](bool) { sessionMs = clock.elapsed(); });
    QObject::connect(&client, &Client::disconnected, &loop, [&](const Error &e) {
        if (e.code != Error::Code::None)
            lastError = e.message + u' ' + e.detail;
        loop.quit();
    });
    QObject::connect(&muc, &MucManager::roomJoined, &loop, [&](const MucJoined &) {
        if (firstJoinMs < 0)
            firstJoinMs = clock.elapsed();
        if (++joined + failed == rooms)
            loop.quit();
    });
    QObject::connect(&muc, &MucManager::roomJoinFailed, &loop,
                     [&](const Jid &room, const MucError &e) {
                         lastError = room.toString() + u": "_s + e.message();
                         if (joined + ++failed == rooms)
                             loop.quit();
                     });
    QTimer::singleShot(timeoutMs, &loop, [&] {
        lastError = u"timed out"_s;
        loop.quit();
    });

    muc.joinRooms(requests); // queued; they go out once the session starts
    const QString load = loadAverage();
    const double serverCpu0 = processTreeCpuSeconds(server.pid());
    const double crowdCpu0 = processTreeCpuSeconds(crowdPid);
    const double machine0 = machineBusySeconds();
    const double cpu0 = ownCpuSeconds();
    clock.start();
    client.connectToServer();
    loop.exec();
    run.seconds = double(clock.nsecsElapsed()) / 1e9;
    run.cpu = ownCpuSeconds() - cpu0;
    run.serverCpu = processTreeCpuSeconds(server.pid()) - serverCpu0;
    const double crowdCpu = processTreeCpuSeconds(crowdPid) - crowdCpu0;
    const double machine = machineBusySeconds() - machine0;

    qsizetype seen = 0;
    for (const MucJoinRequest &r : std::as_const(requests))
        seen += muc.occupants(r.room).size();
    const qint64 expected = qint64(rooms) * (occupants + 1);
    const MucManager::Stats stats = muc.stats();
    note(u"operator: session after %1 ms, first room after %2 ms; %3 joined, %4 failed; %5 "
         "occupants seen (expected %6); %7 join presences, peak %8 in flight"_s.arg(sessionMs)
             .arg(firstJoinMs)
             .arg(joined)
             .arg(failed)
             .arg(seen)
             .arg(expected)
             .arg(stats.joinPresencesSent)
             .arg(stats.peakInFlight));
    // Who else used the CPU meanwhile: the crowd (taking the operator's presences) and
    // everything else on the machine (other work shares the cores).
    note(u"meanwhile: crowd %1 CPU s, whole machine %2 busy CPU s over %3 s; load before %4"_s
             .arg(crowdCpu, 0, 'f', 2)
             .arg(machine, 0, 'f', 2)
             .arg(run.seconds, 0, 'f', 2)
             .arg(load));
    // Close the stream and wait for it: a connection merely dropped would leave the
    // operator in every room while the server keeps the session for resumption.
    if (client.state() != Client::State::Disconnected) {
        client.disconnectFromServer();
        (void)QTest::qWaitFor([&] { return client.state() == Client::State::Disconnected; }, 30000);
    }
    if (joined != rooms)
        run.error = u"%1 of %2 rooms joined: %3"_s.arg(joined).arg(rooms).arg(lastError);
    else if (seen != expected)
        run.error = u"the operator saw %1 occupants, not %2"_s.arg(seen).arg(expected);
    return run;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser cli;
    cli.setApplicationDescription(u"One operator joining many populated rooms."_s);
    cli.addHelpOption();
    cli.addOption({u"rooms"_s, u"Rooms to join (default 300)."_s, u"R"_s, u"300"_s});
    cli.addOption(
        {u"occupants"_s, u"Simulated members in each room (default 50)."_s, u"M"_s, u"50"_s});
    cli.addOption({u"server"_s, u"prosody (default) or ejabberd."_s, u"kind"_s, u"prosody"_s});
    cli.addOption({u"rooms-per-member"_s,
                   u"Rooms each simulated member sits in, at most (default 100); sets how "
                   "many accounts the crowd needs."_s,
                   u"n"_s, u"100"_s});
    cli.addOption(
        {u"connect-parallel"_s, u"Crowd logins at once (default 16)."_s, u"k"_s, u"16"_s});
    cli.addOption({u"crowd-joins"_s, u"Crowd joins in flight while filling (default 64)."_s, u"n"_s,
                   u"64"_s});
    cli.addOption({u"runs"_s,
                   u"Operator runs on the same filled server; the median by "
                   "wall time is reported (default 1)."_s,
                   u"n"_s, u"1"_s});
    cli.addOption({u"operator-sm"_s,
                   u"The operator's XEP-0198: on (default, as the application), off, or "
                   "alternate (odd runs on, even runs off; to compare under the same load)."_s,
                   u"mode"_s, u"on"_s});
    cli.addOption({u"max-in-flight"_s, u"The operator's MucJoinPacer maxInFlight."_s, u"n"_s});
    cli.addOption({u"stanza-budget"_s, u"The operator's MucJoinPacer stanzaBudget."_s, u"n"_s});
    cli.addOption({u"timeout"_s, u"Give up after this many seconds per phase (default 3600)."_s,
                   u"s"_s, u"3600"_s});
    cli.process(app);
    const int rooms = cli.value(u"rooms"_s).toInt();
    const int occupants = cli.value(u"occupants"_s).toInt();
    const int perMember = cli.value(u"rooms-per-member"_s).toInt();
    const int timeoutMs = cli.value(u"timeout"_s).toInt() * 1000;
    const QString kind = cli.value(u"server"_s);
    OperatorOptions options;
    const QString smMode = cli.value(u"operator-sm"_s);
    if (smMode != u"on" && smMode != u"off" && smMode != u"alternate")
        return fail(u"--operator-sm is on, off or alternate"_s);
    options.streamManagement = smMode != u"off";
    if (cli.isSet(u"max-in-flight"_s))
        options.muc.pacing.maxInFlight = cli.value(u"max-in-flight"_s).toInt();
    if (cli.isSet(u"stanza-budget"_s))
        options.muc.pacing.stanzaBudget = cli.value(u"stanza-budget"_s).toInt();
    if (rooms < 1 || occupants < 1 || perMember < 1 || timeoutMs <= 0)
        return fail(u"--rooms, --occupants, --rooms-per-member and --timeout must be > 0"_s);
    if (kind != u"prosody" && kind != u"ejabberd")
        return fail(u"--server is prosody or ejabberd"_s);
    if (qEnvironmentVariableIsEmpty("CHORUS_DEVSERVER"))
        qputenv("CHORUS_DEVSERVER", CHORUS_DEVSERVER);

    // Enough members that none sits in more than perMember rooms, and at least one
    // room's worth (the crowd gives room r the members r*M..r*M+M-1, wrapping).
    const qint64 seats = qint64(rooms) * occupants;
    const int members = int(std::max<qint64>(occupants, (seats + perMember - 1) / perMember));

    QTemporaryDir dir;
    if (!dir.isValid())
        return fail(u"no temporary directory"_s);
    const QString serverDir = dir.path() + u"/server"_s;
    QString error;
    QElapsedTimer setup;
    setup.start();
    auto server = TestServer::startPrivate(kind, serverDir, {}, &error);
    if (!server)
        return fail(error);
    struct Stop
    {
        TestServer &s;
        ~Stop() { s.stop(); }
    } stop {*server};
    const QString password = u"pw-operator"_s;
    if (!server->addUsers({{u"operator"_s, password}}, &error))
        return fail(error);

    // The crowd: created accounts, logged in, every seat taken; it stays until stdin
    // closes (CrowdProcess's destructor, before the server stops). Its members go
    // without stream management: Prosody's acks would triple the cost of the fill
    // (measured), and they never reconnect anyway.
    CrowdProcess crowd;
    const QStringList crowdArgs {u"--server-dir"_s,
                                 serverDir,
                                 u"--create-accounts"_s,
                                 u"--members"_s,
                                 QString::number(members),
                                 u"--rooms"_s,
                                 QString::number(rooms),
                                 u"--room-prefix"_s,
                                 u"class"_s,
                                 u"--per-room"_s,
                                 QString::number(occupants),
                                 u"--listen"_s,
                                 u"--connect-parallel"_s,
                                 cli.value(u"connect-parallel"_s),
                                 u"--joins-in-flight"_s,
                                 cli.value(u"crowd-joins"_s),
                                 u"--no-stream-management"_s};
    note(u"%1: %2 members fill %3 rooms × %4"_s.arg(kind).arg(members).arg(rooms).arg(occupants));
    if (!crowd.start(crowdArgs))
        return fail(u"crowd did not start"_s);
    // A member that drops while filling leaves its joins unanswered: stop at once.
    const QJsonObject ready = crowd.waitFor(
        [](const QJsonObject &e) {
            const QString event = e.value(u"event"_s).toString();
            return event == u"ready" || event == u"disconnected" || event == u"done";
        },
        timeoutMs);
    if (ready.value(u"event"_s).toString() != u"ready")
        return fail(u"the crowd never got ready: "_s
                    + QString::fromUtf8(QJsonDocument(ready).toJson(QJsonDocument::Compact)) + u' '
                    + QString::fromUtf8(crowd.errors().right(2000)));
    if (ready.value(u"joins"_s).toInteger() != seats || ready.value(u"failed"_s).toInt() != 0)
        return fail(
            u"the crowd took %1 of %2 seats (%3 failed)"_s.arg(ready.value(u"joins"_s).toInteger())
                .arg(seats)
                .arg(ready.value(u"failed"_s).toInt()));
    note(u"crowd ready after %1 s"_s.arg(double(setup.elapsed()) / 1000.0, 0, 'f', 1));

    // Nothing left over from the fill: the server's CPU clock stands still.
    waitForIdle(server->pid());
    QList<Run> runs;
    QList<Run> compared;
    for (int i = 0; i < cli.value(u"runs"_s).toInt(); ++i) {
        if (smMode == u"alternate")
            options.streamManagement = i % 2 == 0;
        const Run run
            = joinAll(*server, password, rooms, occupants, options, crowd.pid(), timeoutMs, i + 1);
        if (!run.error.isEmpty())
            return fail(run.error);
        note(u"run %1 (stream management %5): %2 s, client %3 CPU s, server %4 CPU s"_s.arg(i + 1)
                 .arg(run.seconds, 0, 'f', 2)
                 .arg(run.cpu, 0, 'f', 2)
                 .arg(run.serverCpu, 0, 'f', 2)
                 .arg(options.streamManagement ? u"on"_s : u"off"_s));
        // Alternating: the result line stands for the runs as the application connects.
        (smMode == u"alternate" && !options.streamManagement ? compared : runs).append(run);
        waitForIdle(server->pid()); // the server takes the operator out of every room
    }
    if (runs.isEmpty())
        return fail(u"--runs must be at least 1"_s);
    // Several runs: the median by wall time stands for them.
    auto medianOf = [](QList<Run> list) {
        std::sort(list.begin(), list.end(),
                  [](const Run &a, const Run &b) { return a.seconds < b.seconds; });
        return list[list.size() / 2];
    };
    const Run median = medianOf(runs);
    if (!compared.isEmpty()) {
        const Run off = medianOf(compared);
        note(u"median without stream management: %1 s, server %2 CPU s (with: %3 s, %4 CPU s)"_s
                 .arg(off.seconds, 0, 'f', 2)
                 .arg(off.serverCpu, 0, 'f', 2)
                 .arg(median.seconds, 0, 'f', 2)
                 .arg(median.serverCpu, 0, 'f', 2));
    }
    std::printf("%s\n",
                resultLine(rooms, occupants, median.seconds, median.cpu, ownPeakRssMb(),
                           median.serverCpu, kind)
                    .constData());
    return 0;
}
