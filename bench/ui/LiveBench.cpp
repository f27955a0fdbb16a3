#include "LiveBench.h"

#include "BenchOutput.h"
#include "CrowdedServer.h"
#include "ProcessStats.h"

#include "chat/XmppChatService.h"
#include "ui/AppController.h"
#include "ui/MainWindow.h"
#include "workspace/CommandLine.h"
#include "workspace/Profile.h"
#include "workspace/Session.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace chorus::bench {
namespace {

const QString kOperator = u"operator"_s;
const QString kPassword = u"pw-operator"_s;

chat::AccountSettings operatorAccount(const test::TestServer &server)
{
    chat::AccountSettings account;
    account.jid = kOperator + u'@' + server.domain();
    account.host = server.host();
    account.port = server.port();
    account.allowPlaintextLoopback = true;
    account.resource = u"setup"_s;
    return account;
}

// The operator's account lists every room as an autojoin bookmark, as if made on
// another device; a few saves in flight at once.
bool bookmarkRooms(const CrowdedServer &crowded, QString *error)
{
    chat::XmppChatService setup;
    setup.connectAccount(operatorAccount(crowded.server()), kPassword);
    if (!QTest::qWaitFor([&] { return !setup.groupService().isEmpty(); }, 30000)) {
        *error = u"the operator could not sign in to bookmark the rooms"_s;
        return false;
    }
    const int rooms = crowded.spec().rooms;
    int next = 1;
    int inFlight = 0;
    int done = 0;
    QString failure;
    std::function<void()> pump = [&] {
        while (inFlight < 16 && next <= rooms) {
            chat::Group g;
            g.id = crowded.roomJid(next);
            g.name = u"Class %1"_s.arg(next);
            g.nick = kOperator;
            g.autojoin = true;
            g.tags = {next % 2 ? u"evening"_s : u"morning"_s};
            g.timeZone = u"Asia/Shanghai"_s;
            ++next;
            ++inFlight;
            setup.saveGroup(g).then(&setup, [&](const Expected<Done, chat::ChatError> &r) {
                --inFlight;
                ++done;
                if (!r.ok() && failure.isEmpty())
                    failure = r.error().message;
                pump();
            });
        }
    };
    pump();
    const bool finished = QTest::qWaitFor([&] { return done == rooms; }, 300000);
    setup.disconnectAccount();
    (void)QTest::qWaitFor(
        [&] { return setup.connectionState() == chat::ConnectionState::Offline; }, 10000);
    if (!finished || !failure.isEmpty()) {
        *error = u"bookmarking the rooms failed (%1 of %2 done): %3"_s.arg(done).arg(rooms).arg(
            failure);
        return false;
    }
    return true;
}

// Runs the event loop (a real one: a polling wait would sleep, and the probe would count
// that) until `done` says so, then `settleMs` more. False on timeout.
bool runUntil(const std::function<bool()> &done, int settleMs, int timeoutMs)
{
    QEventLoop loop;
    bool ok = false;
    QTimer check;
    check.setInterval(50);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (!done())
            return;
        check.stop();
        ok = true;
        QTimer::singleShot(settleMs, &loop, &QEventLoop::quit);
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    check.start();
    loop.exec();
    return ok;
}

// What members say in the burst: questions, sign-ups, chatter, in English and Chinese.
QString burstLine(int i)
{
    static const QStringList lines {
        u"Is there class on Friday?"_s,
        u"+1 count me in for Saturday"_s,
        u"Thanks coach, great session today"_s,
        u"我也报名 谢谢"_s,
        u"Can I pay for two classes at once?"_s,
        u"Running 5 minutes late sorry"_s,
        u"明天几点开始？"_s,
        u"Who has the slides from last week?"_s};
    return u"[%1] "_s.arg(i) + lines.at(i % lines.size());
}

} // namespace

LiveResult runLive(const LiveSpec &spec)
{
    LiveResult result;
    QElapsedTimer fillClock;
    fillClock.start();
    CrowdSpec crowdSpec;
    crowdSpec.kind = spec.kind;
    crowdSpec.rooms = spec.groups;
    crowdSpec.occupants = spec.occupants;
    crowdSpec.roomsPerMember = spec.roomsPerMember;
    crowdSpec.timeoutMs = spec.timeoutMs;
    CrowdedServer crowded;
    if (!crowded.startServer(crowdSpec, &result.error)
        || !crowded.server().addUsers({{kOperator, kPassword}}, &result.error)
        || !crowded.fill(&result.error) || !bookmarkRooms(crowded, &result.error))
        return result;
    result.fillSeconds = double(fillClock.elapsed()) / 1000.0;
    note(u"%1 rooms filled and bookmarked after %2 s"_s.arg(spec.groups).arg(result.fillSeconds, 0,
                                                                              'f', 1));
    waitForCpuIdle(crowded.server().pid());

    // Started as `chorus --profile DIR --account JID --password-file FILE --server H:P
    // --allow-plaintext-loopback`.
    QTemporaryDir dir;
    QFile pw(dir.filePath(u"pw"_s));
    if (!pw.open(QIODevice::WriteOnly) || pw.write(kPassword.toUtf8() + '\n') < 0) {
        result.error = u"cannot write the password file"_s;
        return result;
    }
    pw.close();
    const test::TestServer &server = crowded.server();
    const QStringList args {u"chorus"_s,
                            u"--profile"_s,
                            dir.filePath(u"profile"_s),
                            u"--account"_s,
                            kOperator + u'@' + server.domain(),
                            u"--password-file"_s,
                            pw.fileName(),
                            u"--server"_s,
                            u"%1:%2"_s.arg(server.host()).arg(server.port()),
                            u"--allow-plaintext-loopback"_s};
    const auto options = workspace::CommandLine::parseArguments(args, &result.error);
    if (!options)
        return result;
    workspace::Profile profile(options->profileDir);
    const auto settings = profile.openSettings();
    workspace::Session session(profile, settings.get());
    ui::MainWindow window(settings.get());
    ui::AppController controller(&session, &window);
    window.resize(1280, 800);
    window.show();
    (void)QTest::qWaitForWindowExposed(&window);

    QSet<QString> joined;
    QSet<QString> caughtUp;
    QString joinFailure;
    int received = 0;
    chat::ChatService *service = session.chat();
    QObject::connect(service, &chat::ChatService::groupJoined, &window,
                     [&](const QString &id) { joined.insert(id); });
    QObject::connect(service, &chat::ChatService::catchUpFinished, &window,
                     [&](const QString &id) { caughtUp.insert(id); });
    QObject::connect(service, &chat::ChatService::groupJoinFailed, &window,
                     [&](const QString &id, const chat::ChatError &e) {
                         joinFailure = id + u": "_s + e.message;
                     });
    QObject::connect(service, &chat::ChatService::messagesReceived, &window,
                     [&](const QList<chat::Message> &batch, chat::MessageSource source) {
                         if (source == chat::MessageSource::Live)
                             received += int(batch.size());
                     });

    // Phase 1: sign in and join every group.
    StallProbe probe;
    probe.start();
    QElapsedTimer clock;
    clock.start();
    if (!controller.start(*options)) {
        result.error = u"the application refused the options"_s;
        return result;
    }
    const bool allJoined = runUntil(
        [&] {
            if (!joinFailure.isEmpty())
                return true;
            if (joined.size() < spec.groups || caughtUp.size() < spec.groups)
                return false;
            result.joinSeconds = double(clock.elapsed()) / 1000.0;
            return true;
        },
        spec.settleMs, spec.timeoutMs);
    result.join = probe.stop();
    result.joined = int(joined.size());
    if (!allJoined || !joinFailure.isEmpty()) {
        result.error = u"%1 of %2 groups joined, %3 caught up: %4"_s.arg(joined.size())
                           .arg(spec.groups)
                           .arg(caughtUp.size())
                           .arg(joinFailure.isEmpty() ? u"timed out"_s : joinFailure);
        return result;
    }
    note(u"join: %1 groups in %2 s; longest stall %3 ms (GUI thread busy %4 ms of it), p99 %5 "
         "ms, %6 ticks over 50 ms"_s.arg(result.joined)
             .arg(result.joinSeconds, 0, 'f', 2)
             .arg(result.join.maxMs, 0, 'f', 1)
             .arg(result.join.maxBusyMs, 0, 'f', 1)
             .arg(result.join.p99Ms, 0, 'f', 1)
             .arg(result.join.over50));

    // Phase 2: the first groups open side by side, then the crowd talks. A fifth of the
    // burst goes to the open groups, the rest round the others.
    for (int g = 1; g <= std::min(spec.openGroups, spec.groups); ++g)
        window.openGroup(crowded.roomJid(g), g > 1);
    (void)runUntil([] { return true; }, spec.settleMs, spec.timeoutMs);
    received = 0;
    probe.start();
    clock.restart();
    for (int i = 0; i < spec.burst; ++i) {
        const int room = (i % 5 == 0 && spec.openGroups > 0)
                             ? 1 + (i / 5) % std::max(1, std::min(spec.openGroups, spec.groups))
                             : 1 + i % spec.groups;
        const int seat = (i / spec.groups) % spec.occupants;
        crowded.crowd().command(u"say %1 %2 %3"_s.arg(crowded.memberInRoom(room, seat),
                                                      crowded.roomJid(room), burstLine(i)));
    }
    const bool allReceived = runUntil(
        [&] {
            if (received < spec.burst)
                return false;
            result.burstSeconds = double(clock.elapsed()) / 1000.0;
            return true;
        },
        spec.settleMs, spec.timeoutMs);
    result.burst = probe.stop();
    result.received = received;
    if (!allReceived) {
        result.error = u"%1 of %2 burst messages arrived"_s.arg(received).arg(spec.burst);
        return result;
    }
    note(u"burst: %1 messages in %2 s; longest stall %3 ms (GUI thread busy %4 ms of it), p99 "
         "%5 ms, %6 ticks over 50 ms"_s.arg(result.received)
             .arg(result.burstSeconds, 0, 'f', 2)
             .arg(result.burst.maxMs, 0, 'f', 1)
             .arg(result.burst.maxBusyMs, 0, 'f', 1)
             .arg(result.burst.p99Ms, 0, 'f', 1)
             .arg(result.burst.over50));
    // Sign out cleanly so the server does not keep the operator in every room.
    service->disconnectAccount();
    (void)QTest::qWaitFor([&] { return service->connectionState() == chat::ConnectionState::Offline; },
                          10000);
    return result;
}

} // namespace chorus::bench
