// MAM catch-up of many rooms after an absence, against a private Prosody or ejabberd:
// a member says `--missed` messages in each of `--rooms` rooms while the operator is
// away; the operator then catches up every room from its last stored id with
// MamManager (bounded concurrency), and once more with every room marked up to date.
// Last line: {"server":..., "rooms":..., "messages":..., "catchup_ms":...,
// "messages_per_s":..., "queries":..., "uptodate_ms":..., "uptodate_queries":...}.
#include "LiveAccount.h"

#include "xmpp/MamManager.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace chorus::xmpp;
using chorus::test::LiveAccount;
using chorus::test::TestServer;

namespace {

int fail(const QString &why)
{
    std::printf(
        "%s\n",
        QJsonDocument(QJsonObject {{u"error"_s, why}}).toJson(QJsonDocument::Compact).constData());
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser cli;
    cli.addHelpOption();
    cli.addOption({u"server"_s, u"prosody or ejabberd"_s, u"kind"_s, u"prosody"_s});
    cli.addOption({u"rooms"_s, u"rooms to catch up"_s, u"n"_s, u"200"_s});
    cli.addOption({u"missed"_s, u"messages missed per room"_s, u"n"_s, u"10"_s});
    cli.addOption({u"concurrency"_s, u"archive queries in flight"_s, u"n"_s, u"4"_s});
    cli.addOption({u"page"_s, u"page size"_s, u"n"_s, u"50"_s});
    cli.process(app);
    const int rooms = cli.value(u"rooms"_s).toInt();
    const int missed = cli.value(u"missed"_s).toInt();
    if (qEnvironmentVariableIsEmpty("CHORUS_DEVSERVER"))
        qputenv("CHORUS_DEVSERVER", CHORUS_DEVSERVER);

    QTemporaryDir dir;
    QString error;
    auto server
        = TestServer::startPrivate(cli.value(u"server"_s), dir.path() + u"/server"_s, {}, &error);
    if (!server)
        return fail(error);
    struct Stop
    {
        TestServer &s;
        ~Stop() { s.stop(); }
    } stop {*server};
    if (!server->addUsers({{u"coach"_s, u"pw-coach"_s}, {u"member"_s, u"pw-member"_s}}, &error))
        return fail(error);

    // The member fills the rooms; the first message of each is where the operator was.
    LiveAccount member(*server, u"member"_s);
    if (!member.connect())
        return fail(u"member could not log in"_s);
    QList<CatchUpRequest> requests;
    qsizetype expectedEchoes = 0;
    for (int r = 0; r < rooms; ++r) {
        const Jid room = Jid::fromString(u"class%1@"_s.arg(r) + server->mucDomain());
        if (!member.joinRoom(room, u"member"_s))
            return fail(u"join failed: "_s + room.toString());
        const QString last = member.sendToRoom(room, u"seen by the operator"_s);
        if (last.isEmpty())
            return fail(u"no stanza-id from "_s + room.toString());
        requests.append(CatchUpRequest {room, last});
    }
    expectedEchoes = member.recorder().messages.size();
    for (int r = 0; r < rooms; ++r) {
        for (int m = 0; m < missed; ++m) {
            Element msg(u"message"_s, u"jabber:client"_s);
            msg.setAttribute(u"to"_s, requests[r].archive.toString())
                .setAttribute(u"type"_s, u"groupchat"_s);
            msg.appendTextChild(u"body"_s, u"jabber:client"_s,
                                u"missed %1 in room %2"_s.arg(m).arg(r));
            member.client().send(msg);
        }
    }
    expectedEchoes += qsizetype(rooms) * missed;
    if (!LiveAccount::waitFor([&] { return member.recorder().messages.size() >= expectedEchoes; },
                              120000))
        return fail(u"the rooms did not echo every message"_s);

    LiveAccount coach(*server, u"coach"_s);
    MamManager mam;
    mam.setPageSize(cli.value(u"page"_s).toInt());
    mam.setMaxConcurrentQueries(cli.value(u"concurrency"_s).toInt());
    coach.client().addExtension(&mam);
    if (!coach.connect())
        return fail(u"operator could not log in"_s);
    int finished = 0;
    int delivered = 0;
    int queries = 0;
    int failures = 0;
    QObject::connect(&mam, &MamManager::catchUpFinished, &app, [&](const CatchUpResult &result) {
        ++finished;
        delivered += result.messageCount;
        queries += result.pages;
        failures += result.error || !result.gaps.isEmpty() ? 1 : 0;
    });
    QElapsedTimer timer;
    timer.start();
    mam.catchUp(requests);
    LiveAccount::waitFor([&] { return finished == rooms; }, 300000);
    const qint64 catchupMs = timer.elapsed();
    if (finished != rooms || delivered != rooms * missed || failures)
        return fail(
            u"caught up %1 rooms, %2 messages, %3 failures"_s.arg(finished).arg(delivered).arg(
                failures));

    // Nothing missing: the caller says so and no query goes out.
    const int catchupQueries = queries;
    finished = 0;
    queries = 0;
    for (CatchUpRequest &r : requests)
        r.upToDate = true;
    timer.restart();
    mam.catchUp(requests);
    const qint64 upToDateMs = timer.elapsed();

    QJsonObject out {
        {u"server"_s, server->kind()},
        {u"rooms"_s, rooms},
        {u"messages"_s, delivered},
        {u"concurrency"_s, mam.maxConcurrentQueries()},
        {u"catchup_ms"_s, catchupMs},
        {u"messages_per_s"_s, catchupMs > 0 ? qRound64(delivered * 1000.0 / catchupMs) : 0},
        {u"queries"_s, catchupQueries},
        {u"uptodate_ms"_s, upToDateMs},
        {u"uptodate_queries"_s, queries + mam.queriesInFlight()}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
