// "Try it with a local demo server" behind the button: DemoServer starts its own Prosody,
// the operator it reports can sign in and finds the six demo groups with history and
// members still talking; stop() leaves no process and no directory behind. Failures say
// which step failed and clean up too.

#include "FailingProgram.h"
#include "chat/XmppChatService.h"
#include "workspace/DemoServer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace chorus;
using workspace::DemoError;
using workspace::DemoServer;

namespace {

/// Running, not a zombie waiting to be reaped.
bool processAlive(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    return text.mid(text.lastIndexOf(')') + 2, 1) != "Z";
}

QStringList demoGroupIds(const QString &groupsFile)
{
    QFile f(groupsFile);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QStringList ids;
    for (const QJsonValue &v : QJsonDocument::fromJson(f.readAll()).array())
        ids << v.toObject().value(u"id"_s).toString() + u"@conference.localhost"_s;
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace

class tst_DemoServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startSignInStop();
    void missingProsodyIsExplained();
    void failedStepSaysWhichAndCleansUp();
    void findsTheInstalledHelpers();
    void serverOfACrashedRunIsStopped();
};

void tst_DemoServer::startSignInStop()
{
    QTemporaryDir base;
    DemoServer demo(workspace::DemoLocations::fromBuildTree(), base.path());
    QVERIFY2(demo.isAvailable(), qPrintable(demo.locations().missing().join(u", ")));
    QList<DemoServer::Step> steps;
    connect(&demo, &DemoServer::progress, this, [&](DemoServer::Step step, const QString &text) {
        QVERIFY(!text.isEmpty());
        steps << step;
    });

    auto task = demo.start();
    QVERIFY(demo.isStarting());
    QTRY_VERIFY_WITH_TIMEOUT(task.isFinished(), 90000);
    QVERIFY2(task.result().ok(),
             qPrintable(task.result().ok() ? QString()
                                           : task.result().error().message + u"\n"_s
                                + task.result().error().detail));
    const workspace::DemoAccount account = task.result().value();
    QCOMPARE(steps,
             (QList<DemoServer::Step> {
                 DemoServer::Step::StartingServer, DemoServer::Step::CreatingOperator,
                 DemoServer::Step::CreatingGroups, DemoServer::Step::BringingMembers}));
    const qint64 pid = demo.serverPid();
    const QString dir = demo.directory();
    QVERIFY(processAlive(pid));
    QVERIFY(dir.startsWith(base.path()));
    QVERIFY(QFile::exists(dir + u"/server/prosody.cfg.lua"_s));
    QCOMPARE(account.host, u"127.0.0.1"_s);
    QVERIFY(account.port > 0);

    // The operator signs in with what the demo reported and finds the groups.
    chat::XmppChatService chat;
    chat::AccountSettings settings;
    settings.jid = account.jid;
    settings.host = account.host;
    settings.port = account.port;
    settings.allowPlaintextLoopback = true;
    chat.connectAccount(settings, account.password);
    QTRY_COMPARE_WITH_TIMEOUT(chat.connectionState(), chat::ConnectionState::Connected, 20000);
    auto fetched = chat.fetchGroups();
    QTRY_VERIFY_WITH_TIMEOUT(fetched.isFinished(), 20000);
    QVERIFY(fetched.result().ok());
    QList<chat::Group> groups = fetched.result().value();
    QStringList ids;
    for (const chat::Group &g : groups)
        ids << g.id;
    std::sort(ids.begin(), ids.end());
    const QStringList expected = demoGroupIds(demo.locations().groups);
    QCOMPARE(expected.size(), 6);
    QCOMPARE(ids, expected);
    QStringList reported = account.groups;
    std::sort(reported.begin(), reported.end());
    QCOMPARE(reported, expected);

    // Each group's archive holds what the members said in the first burst.
    QSignalSpy joined(&chat, &chat::ChatService::groupJoined);
    QStringList live;
    connect(&chat, &chat::ChatService::messagesReceived, this,
            [&](const QList<chat::Message> &batch, chat::MessageSource source) {
                for (const chat::Message &m : batch)
                    if (source == chat::MessageSource::Live && m.senderNick != u"Operator")
                        live << m.groupId;
            });
    for (chat::Group &g : groups)
        g.nick = u"Operator"_s;
    chat.joinGroups(groups);
    QTRY_COMPARE_WITH_TIMEOUT(joined.size(), 6, 20000);
    for (const QString &id : expected) {
        auto page = chat.fetchHistory(id, {}, 50);
        QTRY_VERIFY_WITH_TIMEOUT(page.isFinished(), 10000);
        QVERIFY2(page.result().ok(), qPrintable(id));
        int fromMembers = 0;
        for (const chat::Message &m : page.result().value().messages)
            fromMembers += (!m.body.isEmpty() && m.senderNick != u"Operator") ? 1 : 0;
        QVERIFY2(fromMembers > 0, qPrintable(u"no member messages in %1"_s.arg(id)));
    }
    // The background members keep talking (0.3 messages a second across the groups).
    QTRY_VERIFY_WITH_TIMEOUT(!live.isEmpty(), 40000);

    // Stopping ends the server by its PID and removes the throwaway directory.
    chat.disconnectAccount();
    QTRY_COMPARE_WITH_TIMEOUT(chat.connectionState(), chat::ConnectionState::Offline, 5000);
    QElapsedTimer stopping;
    stopping.start();
    demo.stop();
    qInfo() << "stop took" << stopping.elapsed() << "ms";
    QVERIFY(!demo.isRunning());
    QVERIFY(!processAlive(pid));
    QVERIFY(!QDir(dir).exists());
}

void tst_DemoServer::missingProsodyIsExplained()
{
    QTemporaryDir base;
    workspace::DemoLocations locations = workspace::DemoLocations::fromBuildTree();
    locations.prosody.clear();
    DemoServer demo(locations, base.path());
    QVERIFY(!demo.isAvailable());
    auto task = demo.start();
    QVERIFY(task.isFinished());
    QVERIFY(!task.result().ok());
    QCOMPARE(task.result().error().code, DemoError::Code::ProsodyMissing);
    QVERIFY(task.result().error().message.contains(u"prosody"_s));
    QVERIFY(QDir(base.path()).isEmpty());
}

void tst_DemoServer::failedStepSaysWhichAndCleansUp()
{
    QTemporaryDir base;
    // A group seeder that fails the way a broken server makes it fail.
    const QString seeder = base.filePath(u"failing-demoseed"_s);
    QVERIFY(test::writeFailingProgram(
        seeder, "demoseed: the group service refused to create bali-arrivals", 3));
    workspace::DemoLocations locations = workspace::DemoLocations::fromBuildTree();
    locations.demoseed = seeder;
    const QString root = base.filePath(u"cache"_s);
    DemoServer demo(locations, root);
    qint64 pid = 0;
    QString dir;
    connect(&demo, &DemoServer::progress, this, [&](DemoServer::Step step) {
        if (step == DemoServer::Step::CreatingGroups) {
            pid = demo.serverPid();
            dir = demo.directory();
        }
    });
    auto task = demo.start();
    QTRY_VERIFY_WITH_TIMEOUT(task.isFinished(), 60000);
    QVERIFY(!task.result().ok());
    const DemoError error = task.result().error();
    QCOMPARE(error.code, DemoError::Code::StepFailed);
    QVERIFY2(error.message.contains(u"Creating the demo groups failed"_s),
             qPrintable(error.message));
    QVERIFY2(error.detail.contains(u"refused to create bali-arrivals"_s), qPrintable(error.detail));
    QVERIFY(pid > 0);
    QVERIFY(!processAlive(pid));
    QVERIFY(!dir.isEmpty());
    QVERIFY(!QDir(dir).exists());
    QVERIFY(!demo.isRunning());
    QVERIFY(!demo.isStarting());
}

void tst_DemoServer::findsTheInstalledHelpers()
{
    // The layout packaging/ installs: bin/chorus, libexec/chorus/*, share/chorus/demo.
    QTemporaryDir prefix;
    QVERIFY(QDir(prefix.path()).mkpath(u"bin"_s));
    QVERIFY(QDir(prefix.path()).mkpath(u"libexec/chorus"_s));
    QVERIFY(QDir(prefix.path()).mkpath(u"share/chorus/demo"_s));
    for (const QString &name : {u"libexec/chorus/devserver"_s, u"libexec/chorus/demoseed"_s,
                                u"libexec/chorus/crowd"_s, u"share/chorus/demo/groups.json"_s}) {
        QFile f(prefix.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[]");
        f.close();
        if (name.startsWith(u"libexec"))
            f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    const auto installed = workspace::DemoLocations::find(prefix.filePath(u"bin"_s));
    QCOMPARE(installed.devserver, prefix.filePath(u"libexec/chorus/devserver"_s));
    QCOMPARE(installed.demoseed, prefix.filePath(u"libexec/chorus/demoseed"_s));
    QCOMPARE(installed.crowd, prefix.filePath(u"libexec/chorus/crowd"_s));
    QCOMPARE(installed.groups, prefix.filePath(u"share/chorus/demo/groups.json"_s));

    // A helper that is not executable does not count: the build tree's set is used whole.
    QFile(prefix.filePath(u"libexec/chorus/crowd"_s)).setPermissions(QFile::ReadOwner);
    const auto fallback = workspace::DemoLocations::find(prefix.filePath(u"bin"_s));
    QCOMPARE(fallback.crowd, workspace::DemoLocations::fromBuildTree().crowd);
    QVERIFY(!fallback.devserver.startsWith(prefix.path()));
}

void tst_DemoServer::serverOfACrashedRunIsStopped()
{
    // A Chorus that crashed left its Prosody running in an unlocked demo directory; a
    // demo another running Chorus holds (its lock is taken) must be left alone.
    QTemporaryDir base;
    const workspace::DemoLocations locations = workspace::DemoLocations::fromBuildTree();
    const QString crashed = base.filePath(u"demo-crashed"_s);
    QProcess devserver;
    devserver.start(locations.devserver,
                    {u"start"_s, u"prosody"_s, u"--dir"_s, crashed + u"/server"_s});
    QVERIFY(devserver.waitForFinished(60000));
    QCOMPARE(devserver.exitCode(), 0);
    const qint64 orphan = QJsonDocument::fromJson(
                              devserver.readAllStandardOutput().trimmed().split('\n').constLast())
                              .object()
                              .value(u"pid"_s)
                              .toInteger();
    QVERIFY(processAlive(orphan));
    const QString other = base.filePath(u"demo-other"_s);
    QVERIFY(QDir().mkpath(other));
    QLockFile held(other + u"/demo.lock"_s);
    QVERIFY(held.tryLock(0));

    DemoServer demo(locations, base.path());
    auto task = demo.start();
    QVERIFY(!processAlive(orphan));
    QVERIFY(!QDir(crashed).exists());
    QVERIFY(QDir(other).exists());
    demo.stop();
    QVERIFY(task.isFinished());
    QCOMPARE(task.result().error().code, DemoError::Code::Stopped);
}

QTEST_MAIN(tst_DemoServer)
#include "tst_demoserver.moc"
