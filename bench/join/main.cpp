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
#include "BenchOutput.h"
#include "CrowdedServer.h"
#include "ProcessStats.h"

#include "xmpp/Client.h"
#include "xmpp/MucManager.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace chorus::xmpp;
using chorus::bench::fail;
using chorus::bench::loadAverage;
using chorus::bench::machineBusySeconds;
using chorus::bench::note;
using chorus::bench::ownCpuSeconds;
using chorus::bench::ownPeakRssMb;
using chorus::bench::processTreeCpuSeconds;
using chorus::bench::waitForCpuIdle;
using chorus::test::TestServer;

namespace {

// The result line with the keys in a fixed order (QJsonObject would sort them).
QByteArray resultLine(int rooms, int occupants, double seconds, double cpu, double rss,
                      double serverCpu, const QString &server)
{
    return chorus::bench::ResultLine()
        .add("rooms", qint64(rooms))
        .add("occupants", qint64(occupants))
        .add("seconds", seconds, 2)
        .add("cpu_s", cpu, 2)
        .add("peak_rss_mb", rss, 1)
        .add("server_cpu_s", serverCpu, 2)
        .add("server", server)
        .toJson();
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
    chorus::bench::CrowdSpec spec;
    spec.kind = kind;
    spec.rooms = rooms;
    spec.occupants = occupants;
    spec.roomsPerMember = perMember;
    spec.connectParallel = cli.value(u"connect-parallel"_s).toInt();
    spec.joinsInFlight = cli.value(u"crowd-joins"_s).toInt();
    spec.timeoutMs = timeoutMs;
    chorus::bench::CrowdedServer crowded;
    QString error;
    const QString password = u"pw-operator"_s;
    if (!crowded.startServer(spec, &error)
        || !crowded.server().addUsers({{u"operator"_s, password}}, &error)
        || !crowded.fill(&error))
        return fail(error);

    // Nothing left over from the fill: the server's CPU clock stands still.
    waitForCpuIdle(crowded.server().pid());
    QList<Run> runs;
    QList<Run> compared;
    for (int i = 0; i < cli.value(u"runs"_s).toInt(); ++i) {
        if (smMode == u"alternate")
            options.streamManagement = i % 2 == 0;
        const Run run
            = joinAll(crowded.server(), password, rooms, occupants, options,
                                crowded.crowd().pid(), timeoutMs, i + 1);
        if (!run.error.isEmpty())
            return fail(run.error);
        note(u"run %1 (stream management %5): %2 s, client %3 CPU s, server %4 CPU s"_s.arg(i + 1)
                 .arg(run.seconds, 0, 'f', 2)
                 .arg(run.cpu, 0, 'f', 2)
                 .arg(run.serverCpu, 0, 'f', 2)
                 .arg(options.streamManagement ? u"on"_s : u"off"_s));
        // Alternating: the result line stands for the runs as the application connects.
        (smMode == u"alternate" && !options.streamManagement ? compared : runs).append(run);
        waitForCpuIdle(crowded.server().pid()); // the server takes the operator out of every room
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
