// crowd: simulated group members for the demo, integration tests and benchmarks.
// See `crowd --help` and README.md in this folder.
#include "Crowd.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::StringLiterals;
using chorus::crowd::Crowd;
using chorus::crowd::CrowdOptions;
using chorus::crowd::Scenario;

namespace {

const char description[] = R"(Simulated members of group chats (XMPP multi-user chat rooms).

Creates or uses accounts member1..N, logs them in, joins each to its rooms and plays
scripted traffic: questions, sign-ups (接龙), order requests and chatter, in English and
Chinese. Prints one JSON line per event on stdout:
  {"event":"connected",...} {"event":"ready","joins":J,"failed":F,...}
  {"event":"sent","member":...,"room":...,"body":...}
  {"event":"pm",...}  {"event":"groupchat",...}  {"event":"invitation",...}   (--listen)
  {"event":"error",...}  {"event":"done","sent":N,"exit":C}

Modes: play traffic then exit (default; bounded by --messages/--duration, 20 messages
when neither is given), --once (join, print ready, exit), --listen (stay joined, print
private messages, group messages from non-crowd nicks and invitations; read commands
on stdin until it closes: "say MEMBER ROOM TEXT", "pm MEMBER ROOM NICK TEXT", "quit").

Examples:
  crowd --server-dir /tmp/chorus-prosody --create-accounts --members 50 --rooms 10 --per-room 20
  crowd --host 127.0.0.1 --port 5222 --members 5 --room lobby --listen)";

bool readServerJson(const QString &dir, CrowdOptions &o, QString *error)
{
    QFile f(dir + u"/server.json"_s);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1 (was the server started with tools/devserver?)"_s.arg(f.fileName());
        return false;
    }
    const QJsonObject s = QJsonDocument::fromJson(f.readAll()).object();
    o.host = s.value(u"host"_s).toString(o.host);
    o.port = quint16(s.value(u"c2s_port"_s).toInt());
    o.domain = s.value(u"domain"_s).toString(o.domain);
    o.mucDomain = s.value(u"muc"_s).toString(o.mucDomain);
    if (s.value(u"require_tls"_s).toBool()) {
        *error = u"the server requires TLS; crowd connects in plaintext on loopback"_s;
        return false;
    }
    return o.port != 0;
}

int fail(const QString &message)
{
    std::fprintf(stderr, "crowd: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"crowd"_s);
    QCommandLineParser p;
    p.setApplicationDescription(QString::fromUtf8(description));
    p.addHelpOption();
    p.addOptions({
        {u"server-dir"_s, u"A tools/devserver directory: server address from its server.json."_s, u"dir"_s},
        {u"host"_s, u"Server address (default 127.0.0.1)."_s, u"host"_s},
        {u"port"_s, u"Client-to-server port."_s, u"port"_s},
        {u"domain"_s, u"The accounts' domain (default localhost)."_s, u"domain"_s},
        {u"muc-domain"_s, u"The group chat service (default conference.localhost)."_s, u"domain"_s},
        {u"devserver"_s, u"Path of tools/devserver (for --create-accounts)."_s, u"path"_s},
        {u"members"_s, u"How many members (default 10)."_s, u"n"_s},
        {u"prefix"_s, u"Account name prefix (default member: member1..N)."_s, u"prefix"_s},
        {u"password"_s, u"The members' password (default pw)."_s, u"password"_s},
        {u"create-accounts"_s, u"Create the accounts through devserver (needs --server-dir)."_s},
        {u"rooms"_s, u"Use rooms ROOM-PREFIX1..R on the group chat service."_s, u"r"_s},
        {u"room-prefix"_s, u"Room name prefix for --rooms (default room)."_s, u"prefix"_s},
        {u"room"_s, u"A room (name or JID); repeatable, instead of --rooms."_s, u"room"_s},
        {u"per-room"_s, u"Members in each room (default: all)."_s, u"m"_s},
        {u"rate"_s, u"Messages per second, whole crowd (default 1)."_s, u"x"_s},
        {u"messages"_s, u"Stop after this many messages."_s, u"n"_s},
        {u"duration"_s, u"Stop after this many seconds."_s, u"s"_s},
        {u"script"_s, u"Lines to send, one per line (\"kind: text\" or text; # comments)."_s, u"file"_s},
        {u"scenario"_s, u"Built-in lines: mixed (default), question, signup, order, chatter; comma-separated."_s, u"kinds"_s},
        {u"lang"_s, u"Built-in language: en, zh or both (default)."_s, u"lang"_s},
        {u"once"_s, u"Join, print ready, exit."_s},
        {u"listen"_s, u"Stay joined and print what members receive; commands on stdin."_s},
        {u"connect-parallel"_s, u"Logins at once (default 8)."_s, u"k"_s},
        {u"no-stream-management"_s, u"Members without XEP-0198 (less work for a busy server)."_s},
        {u"joins-in-flight"_s, u"Room joins in flight across the whole crowd (default: no "
                               "crowd-wide limit, each member paces its own)."_s, u"n"_s},
        {u"seed"_s, u"Random seed (default 1)."_s, u"n"_s},
    });
    p.process(app);

    CrowdOptions o;
    QString error;
    if (p.isSet(u"server-dir"_s)) {
        o.serverDir = p.value(u"server-dir"_s);
        if (!readServerJson(o.serverDir, o, &error))
            return fail(error);
    }
    auto intOption = [&](const QString &name, int fallback, int min) {
        if (!p.isSet(name))
            return fallback;
        bool ok = false;
        const int v = p.value(name).toInt(&ok);
        if (!ok || v < min) {
            error = u"--%1 needs a number ≥ %2"_s.arg(name).arg(min);
            return fallback;
        }
        return v;
    };
    if (p.isSet(u"host"_s))
        o.host = p.value(u"host"_s);
    o.port = quint16(intOption(u"port"_s, o.port, 1));
    if (p.isSet(u"domain"_s))
        o.domain = p.value(u"domain"_s);
    if (p.isSet(u"muc-domain"_s))
        o.mucDomain = p.value(u"muc-domain"_s);
    o.devserver = p.isSet(u"devserver"_s) ? p.value(u"devserver"_s)
                                          : qEnvironmentVariable("CHORUS_DEVSERVER", QStringLiteral(CHORUS_DEVSERVER));
    o.members = intOption(u"members"_s, o.members, 1);
    if (p.isSet(u"prefix"_s))
        o.prefix = p.value(u"prefix"_s);
    if (p.isSet(u"password"_s))
        o.password = p.value(u"password"_s);
    o.createAccounts = p.isSet(u"create-accounts"_s);
    o.perRoom = intOption(u"per-room"_s, 0, 1);
    o.connectParallel = intOption(u"connect-parallel"_s, o.connectParallel, 1);
    o.joinsInFlight = intOption(u"joins-in-flight"_s, 0, 1);
    o.streamManagement = !p.isSet(u"no-stream-management"_s);
    o.seed = quint32(intOption(u"seed"_s, 1, 0));
    o.messages = intOption(u"messages"_s, -1, 0);
    if (!error.isEmpty())
        return fail(error);
    if (o.port == 0)
        return fail(u"give --server-dir, or --host and --port"_s);
    if (o.createAccounts && o.serverDir.isEmpty())
        return fail(u"--create-accounts needs --server-dir"_s);

    const QString roomPrefix = p.isSet(u"room-prefix"_s) ? p.value(u"room-prefix"_s) : u"room"_s;
    const int roomCount = intOption(u"rooms"_s, 0, 0);
    for (int i = 1; i <= roomCount; ++i)
        o.rooms.append(roomPrefix + QString::number(i) + u'@' + o.mucDomain);
    for (const QString &room : p.values(u"room"_s))
        o.rooms.append(room.contains(u'@') ? room : room + u'@' + o.mucDomain);
    if (o.rooms.isEmpty())
        return fail(u"give --rooms R or --room NAME"_s);

    bool ok = true;
    if (p.isSet(u"rate"_s)) {
        o.rate = p.value(u"rate"_s).toDouble(&ok);
        if (!ok || o.rate < 0)
            return fail(u"--rate needs a number ≥ 0"_s);
    }
    if (p.isSet(u"duration"_s)) {
        o.durationS = p.value(u"duration"_s).toDouble(&ok);
        if (!ok || o.durationS < 0)
            return fail(u"--duration needs a number ≥ 0"_s);
    }
    if (p.isSet(u"once"_s) && p.isSet(u"listen"_s))
        return fail(u"--once and --listen do not go together"_s);
    o.mode = p.isSet(u"once"_s) ? CrowdOptions::Mode::Once
        : p.isSet(u"listen"_s)  ? CrowdOptions::Mode::Listen
                                : CrowdOptions::Mode::Play;
    o.playInListen = p.isSet(u"rate"_s) || p.isSet(u"messages"_s);
    if (o.mode == CrowdOptions::Mode::Play && o.messages < 0 && o.durationS < 0)
        o.messages = 20;

    if (p.isSet(u"script"_s)) {
        auto s = Scenario::fromFile(p.value(u"script"_s), &error);
        if (!s)
            return fail(error);
        o.scenario = *s;
    } else {
        QStringList kinds;
        if (p.isSet(u"scenario"_s) && p.value(u"scenario"_s) != u"mixed")
            kinds = p.value(u"scenario"_s).split(u',', Qt::SkipEmptyParts);
        for (const QString &k : std::as_const(kinds)) {
            if (!Scenario::kinds().contains(k))
                return fail(u"unknown scenario kind %1"_s.arg(k));
        }
        const QString lang = p.isSet(u"lang"_s) ? p.value(u"lang"_s) : u"both"_s;
        if (lang != u"en" && lang != u"zh" && lang != u"both")
            return fail(u"--lang is en, zh or both"_s);
        o.scenario = Scenario::builtIn(kinds, lang);
    }

    Crowd crowd(o);
    QObject::connect(&crowd, &Crowd::finished, &app, [](int code) { QCoreApplication::exit(code); },
                     Qt::QueuedConnection);
    crowd.start();
    return app.exec();
}
