// Joining many rooms against a server with its stock limits (tools/devserver
// --stock-limits): ejabberd's c2s shaper (3000 B/s) and max_user_conferences (100),
// Prosody's c2s rate limit (10 kB/s). The limit's refusals are reported once and
// exactly, nothing is retried, and joining crowded rooms keeps the session resumable
// (the server's stream-management queue of unacknowledged stanzas never overflows).
#include "CrowdProcess.h"
#include "MucPeer.h"
#include "TcpProxy.h"

#include <QElapsedTimer>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace chorus::xmpp;
using chorus::test::CrowdProcess;
using chorus::test::MucPeer;
using chorus::test::TcpProxy;
using chorus::test::TestServer;

class tst_MucStockLimits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void joinMoreRoomsThanTheServerAllows();
    void crowdedJoinsKeepTheSessionResumable();

private:
    QTemporaryDir m_dir;
    std::optional<TestServer> m_server;
    QString m_kind;
};

void tst_MucStockLimits::initTestCase()
{
    m_kind = qEnvironmentVariable("CHORUS_TEST_SERVER");
    QVERIFY2(!m_kind.isEmpty(), "run through ctest");
    QVERIFY(m_dir.isValid());
    QString error;
    m_server = TestServer::startPrivate(m_kind, m_dir.filePath(u"server"_s), {u"--stock-limits"_s}, &error);
    QVERIFY2(m_server, qPrintable(error));
    QVERIFY2(m_server->addUsers({{u"many"_s, u"pw"_s}, {u"crowded"_s, u"pw"_s}}, &error),
             qPrintable(error));
}

void tst_MucStockLimits::cleanupTestCase()
{
    if (m_server)
        m_server->stop();
}

void tst_MucStockLimits::joinMoreRoomsThanTheServerAllows()
{
    MucPeer op(*m_server, u"many"_s, u"pw"_s);
    QSignalSpy reconnecting(&op.client, &Client::reconnecting);
    QSignalSpy disconnected(&op.client, &Client::disconnected);
    QVERIFY(op.connect());
    QList<MucJoinRequest> requests;
    for (int i = 1; i <= 120; ++i)
        requests.append({Jid::fromString(u"many%1@%2"_s.arg(i).arg(m_server->mucDomain())), u"coach"_s});
    QElapsedTimer t;
    t.start();
    op.muc.joinRooms(requests);
    QTRY_COMPARE_WITH_TIMEOUT(op.joined.size() + op.failed.size(), 120, 120000);
    qInfo("%s with stock limits: %lld joined, %lld refused or not tried, in %lld ms; %d join presences, "
          "at most %d in flight",
          qPrintable(m_kind), qlonglong(op.joined.size()), qlonglong(op.failed.size()), t.elapsed(),
          op.muc.stats().joinPresencesSent, op.muc.stats().peakInFlight);
    QVERIFY(op.client.isConnected());
    QCOMPARE(reconnecting.size(), 0);
    QCOMPARE(disconnected.size(), 0);

    if (m_kind == u"prosody") {
        // Prosody has no per-user room limit; its rate limit only slows us down.
        QVERIFY(op.failed.isEmpty());
        QVERIFY(op.limits.isEmpty());
        QCOMPARE(op.muc.stats().joinPresencesSent, 120);
        return;
    }
    // ejabberd: max_user_conferences = 100.
    QCOMPARE(op.joined.size(), 100);
    QCOMPARE(op.failed.size(), 20);
    QCOMPARE(op.limits.size(), 1); // told once
    const auto &[refused, notAttempted, error] = op.limits.first();
    QCOMPARE(error.code, MucError::Code::ServerLimit);
    QCOMPARE(error.condition, u"resource-constraint"_s);
    QVERIFY2(error.text.contains(u"conferences"_s), qPrintable(error.text)); // the server's words
    QCOMPARE(refused.size() + notAttempted.size(), 20);
    QSet<Jid> reported;
    for (const auto &[room, e] : std::as_const(op.failed)) {
        QCOMPARE(e.code, MucError::Code::ServerLimit);
        reported.insert(room);
    }
    QCOMPARE(reported.size(), 20); // each room exactly once
    for (const Jid &r : refused)
        QVERIFY(reported.contains(r));
    for (const Jid &r : notAttempted)
        QVERIFY(reported.contains(r));
    // No storm: one presence per joined room, plus the refused ones that were in flight.
    QCOMPARE(op.muc.stats().joinPresencesSent, 100 + int(refused.size()));
    QTest::qWait(500);
    QCOMPARE(op.muc.stats().joinPresencesSent, 100 + int(refused.size()));
}

void tst_MucStockLimits::crowdedJoinsKeepTheSessionResumable()
{
    // 12 rooms of 50 members: 600 presences come back for our joins. All at once they
    // would overflow Prosody's queue of 500 unacknowledged stanzas and the session
    // could not be resumed; paced by room size they never do.
    const QString prefix = u"crowded"_s;
    CrowdProcess crowd;
    QVERIFY(crowd.start({u"--server-dir"_s, m_server->directory(), u"--create-accounts"_s,
                         u"--prefix"_s, u"cm"_s, u"--members"_s, u"50"_s, u"--rooms"_s, u"12"_s,
                         u"--room-prefix"_s, prefix, u"--listen"_s}));
    const QJsonObject ready = crowd.waitForEvent(u"ready"_s, 120000);
    QCOMPARE(ready.value(u"joins"_s).toInt(), 600);
    QCOMPARE(ready.value(u"failed"_s).toInt(), 0);

    TcpProxy proxy(m_server->host(), m_server->port());
    QVERIFY(proxy.start());
    MucPeer op(*m_server, u"crowded"_s, u"pw"_s);
    ClientSettings s = op.client.settings();
    s.host = proxy.host();
    s.port = proxy.port();
    s.reconnect.enabled = true;
    s.reconnect.initialDelayMs = 100;
    op.client.setSettings(s);
    QVERIFY(op.connect());
    QVERIFY(op.client.isStreamManagementEnabled());
    QList<MucJoinRequest> requests;
    for (int i = 1; i <= 12; ++i)
        requests.append({Jid::fromString(u"%1%2@%3"_s.arg(prefix).arg(i).arg(m_server->mucDomain())),
                         u"Operator"_s});
    QElapsedTimer t;
    t.start();
    op.muc.joinRooms(requests);
    QTRY_COMPARE_WITH_TIMEOUT(op.joined.size(), 12, 60000);
    qInfo("%s with stock limits: 12 rooms × 50 joined in %lld ms, at most %d in flight",
          qPrintable(m_kind), t.elapsed(), op.muc.stats().peakInFlight);
    QCOMPARE(op.muc.occupants(requests.first().room).size(), 51);
    QVERIFY(op.muc.stats().peakInFlight < 12);

    // Cut the connection: the server kept everything it had to resend, so the session
    // resumes and no room is joined again.
    QSignalSpy started(&op.client, &Client::sessionStarted);
    proxy.cutAll();
    QVERIFY(started.wait(30000));
    QCOMPARE(started.first().first().toBool(), true);
    QTest::qWait(200);
    QCOMPARE(op.muc.stats().joinPresencesSent, 12);
    QCOMPARE(op.muc.joinedRooms().size(), 12);
    QVERIFY(crowd.stop());
}

QTEST_GUILESS_MAIN(tst_MucStockLimits)
#include "tst_mucstocklimits.moc"
