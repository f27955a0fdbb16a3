#include "Crowd.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace chorus::xmpp;

namespace chorus::crowd {

Crowd::Crowd(CrowdOptions options, QObject *parent) : QObject(parent), m_o(std::move(options))
{
    m_clock.start();
    connect(&m_playTimer, &QTimer::timeout, this, &Crowd::playOne);
}

Crowd::~Crowd() = default;

void Crowd::print(QJsonObject event) const
{
    event.insert(u"t_ms"_s, elapsed());
    const QByteArray line = QJsonDocument(event).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

void Crowd::start()
{
    // Who is in which room: room i gets perRoom consecutive members (wrapping), so
    // every member is in about the same number of rooms. The first member of a room
    // creates it (ejabberd locks a new room until its creator configures it).
    const int n = m_o.members;
    const int perRoom = m_o.perRoom > 0 ? std::min(m_o.perRoom, n) : n;
    for (int i = 0; i < n; ++i) {
        auto m = std::make_shared<Member>();
        m->name = m_o.prefix + QString::number(i + 1);
        m_nicks.insert(m->name);
        m_members.append(m);
    }
    for (int r = 0; r < m_o.rooms.size(); ++r) {
        const Jid room = Jid::fromString(m_o.rooms[r]);
        for (int j = 0; j < perRoom; ++j) {
            Member *m = m_members[(r * perRoom + j) % n].get();
            (j == 0 ? m->firstRooms : m->otherRooms).append(room);
            if (j == 0)
                m_listener.insert(room, m->name);
        }
    }
    if (m_o.createAccounts)
        createAccounts();
    else
        connectNext();
}

void Crowd::createAccounts()
{
    auto *p = new QProcess(this);
    p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    connect(p, &QProcess::finished, this, [this, p](int code, QProcess::ExitStatus status) {
        p->deleteLater();
        const QByteArray out = p->readAllStandardOutput().trimmed();
        if (status != QProcess::NormalExit || code != 0) {
            print({{u"event"_s, u"error"_s},
                   {u"error"_s, u"creating accounts failed: "_s + QString::fromUtf8(out)}});
            quit(2);
            return;
        }
        print({{u"event"_s, u"accounts"_s}, {u"created"_s, m_o.members}});
        connectNext();
    });
    p->start(m_o.devserver, {u"adduser"_s, u"--dir"_s, m_o.serverDir, u"--prefix"_s, m_o.prefix,
                             u"--count"_s, QString::number(m_o.members), u"--password"_s,
                             m_o.password});
}

void Crowd::connectNext()
{
    // A bounded number of logins at once: a stock ejabberd listens with a backlog of 5.
    while (m_connecting < m_o.connectParallel && m_nextConnect < m_members.size()) {
        Member *m = m_members[m_nextConnect++].get();
        ++m_connecting;
        ClientSettings s;
        s.jid = Jid::fromString(m->name + u'@' + m_o.domain);
        s.password = m_o.password;
        s.resource = u"crowd"_s;
        s.host = m_o.host;
        s.port = m_o.port;
        s.plaintextOnLoopback = true;
        s.reconnect.enabled = false; // a member that drops says so; nothing is hidden
        s.streamManagement = m_o.streamManagement;
        s.negotiationTimeoutMs = 120000;
        s.iqTimeoutMs = 120000;
        s.pingTimeoutMs = 120000; // a busy server is slow, not gone
        m->client = std::make_unique<Client>();
        m->client->setSettings(s);
        m->muc = std::make_unique<MucManager>();
        MucManager::Settings ms;
        ms.trackOccupants = false; // hundreds of rooms times a crowd: keep no lists
        ms.selfPingIdleMs = 0;
        ms.joinTimeoutMs = 30 * 60 * 1000; // a busy server is slow, not wrong
        m->muc->setSettings(ms);
        m->client->addExtension(m->muc.get());

        connect(m->client.get(), &Client::sessionStarted, this, [this, m](bool resumed) {
            if (!resumed && !m->connected)
                memberUp(m);
        });
        connect(m->client.get(), &Client::disconnected, this, [this, m](const Error &e) {
            if (!m->done)
                memberFailed(m, e.message + u' ' + e.detail);
            else if (!m_quitting)
                print({{u"event"_s, u"disconnected"_s}, {u"member"_s, m->name},
                       {u"error"_s, e.message + u' ' + e.detail}});
            m->connected = false;
            if (m_quitting) {
                bool all = true;
                for (const auto &other : std::as_const(m_members))
                    all = all && (!other->client || other->client->state() == Client::State::Disconnected);
                if (all)
                    QTimer::singleShot(0, this, &Crowd::finish);
            }
        });
        connect(m->muc.get(), &MucManager::roomJoined, this, [this, m](const MucJoined &j) {
            m->joined.append(j.room);
            ++m_joins;
            joinEnded();
        });
        connect(m->muc.get(), &MucManager::roomJoinFailed, this,
                [this, m](const Jid &room, const MucError &e) {
                    ++m_joinFailures;
                    print({{u"event"_s, u"error"_s}, {u"member"_s, m->name},
                           {u"room"_s, room.toString()}, {u"condition"_s, e.condition},
                           {u"error"_s, e.message()}});
                    joinEnded();
                });
        connect(m->muc.get(), &MucManager::privateMessageReceived, this,
                [this, m](const MucMessage &msg) {
                    if (m_o.mode != CrowdOptions::Mode::Listen)
                        return;
                    print({{u"event"_s, u"pm"_s}, {u"member"_s, m->name},
                           {u"room"_s, msg.room.toString()}, {u"from"_s, msg.nick},
                           {u"body"_s, msg.body}, {u"id"_s, msg.id},
                           {u"stanza"_s, QString::fromUtf8(msg.stanza.toXml())}});
                });
        connect(m->muc.get(), &MucManager::messageReceived, this, [this, m](const MucMessage &msg) {
            if (m_o.mode != CrowdOptions::Mode::Listen || m_nicks.contains(msg.nick)
                || m_listener.value(msg.room) != m->name || msg.delay.isValid())
                return;
            print({{u"event"_s, u"groupchat"_s}, {u"member"_s, m->name},
                   {u"room"_s, msg.room.toString()}, {u"from"_s, msg.nick},
                   {u"body"_s, msg.body}, {u"id"_s, msg.id}});
        });
        connect(m->muc.get(), &MucManager::invitationReceived, this,
                [this, m](const MucInvitation &inv) {
                    print({{u"event"_s, u"invitation"_s}, {u"member"_s, m->name},
                           {u"room"_s, inv.room.toString()}, {u"from"_s, inv.inviter.toString()},
                           {u"reason"_s, inv.reason}, {u"direct"_s, inv.direct}});
                });
        connect(m->muc.get(), &MucManager::roomLeft, this, [this, m](const Jid &room, const MucLeave &why) {
            if (m_quitting)
                return;
            m->joined.removeAll(room);
            print({{u"event"_s, u"left"_s}, {u"member"_s, m->name}, {u"room"_s, room.toString()},
                   {u"kind"_s, int(why.kind)}, {u"reason"_s, why.reason}});
        });
        m->client->connectToServer();
    }
}

void Crowd::memberUp(Member *m)
{
    // Available, as a real member is: messages to the bare JID (invitations) arrive.
    m->client->send(Element(u"presence"_s));
    m->connected = true;
    m->done = true;
    --m_connecting;
    if (m_nextConnect < m_members.size()) {
        connectNext();
        return;
    }
    if (m_connecting == 0)
        startJoins(1);
}

void Crowd::memberFailed(Member *m, const QString &why)
{
    m->done = true;
    --m_connecting;
    print({{u"event"_s, u"error"_s}, {u"member"_s, m->name}, {u"error"_s, why.trimmed()}});
    if (m_nextConnect < m_members.size())
        connectNext();
    else if (m_connecting == 0)
        startJoins(1);
}

void Crowd::startJoins(int phase)
{
    if (phase == 1) {
        int connected = 0;
        for (const auto &m : std::as_const(m_members))
            connected += m->connected ? 1 : 0;
        print({{u"event"_s, u"connected"_s}, {u"members"_s, connected},
               {u"failed"_s, int(m_members.size()) - connected}});
        if (connected == 0) {
            quit(2);
            return;
        }
    }
    m_phase = phase;
    m_pendingJoins = 0;
    m_joinQueue.clear();
    m_joinsOut = 0;
    QList<QList<std::pair<Member *, Jid>>> perMember;
    for (const auto &m : std::as_const(m_members)) {
        if (!m->connected)
            continue;
        const QList<Jid> &rooms = phase == 1 ? m->firstRooms : m->otherRooms;
        m_pendingJoins += int(rooms.size());
        if (m_o.joinsInFlight <= 0) {
            QList<MucJoinRequest> requests;
            for (const Jid &room : rooms)
                requests.append({room, m->name});
            m->muc->joinRooms(requests);
            continue;
        }
        QList<std::pair<Member *, Jid>> own;
        for (const Jid &room : rooms)
            own.append({m.get(), room});
        perMember.append(own);
    }
    // Round robin over the members, so every member and every room moves at once.
    for (qsizetype i = 0; !perMember.isEmpty(); ++i) {
        bool any = false;
        for (const auto &own : std::as_const(perMember)) {
            if (i < own.size()) {
                m_joinQueue.append(own[i]);
                any = true;
            }
        }
        if (!any)
            break;
    }
    if (m_pendingJoins == 0)
        joinSettled();
    else
        dispatchJoins();
}

void Crowd::dispatchJoins()
{
    while (m_joinsOut < m_o.joinsInFlight && !m_joinQueue.isEmpty()) {
        const auto [m, room] = m_joinQueue.takeFirst();
        ++m_joinsOut;
        m->muc->joinRooms({{room, m->name}});
    }
}

void Crowd::joinEnded()
{
    if (m_joinsOut > 0)
        --m_joinsOut;
    if (m_pendingJoins > 0 && --m_pendingJoins == 0) {
        joinSettled();
        return;
    }
    dispatchJoins();
}

void Crowd::joinSettled()
{
    if (m_phase == 1)
        startJoins(2);
    else if (!m_ready)
        ready();
}

void Crowd::ready()
{
    m_ready = true;
    print({{u"event"_s, u"ready"_s}, {u"members"_s, int(m_members.size())},
           {u"rooms"_s, int(m_o.rooms.size())}, {u"joins"_s, m_joins},
           {u"failed"_s, m_joinFailures}, {u"ms"_s, elapsed()}});
    if (m_o.mode == CrowdOptions::Mode::Once) {
        quit(m_joinFailures > 0 ? 3 : 0);
        return;
    }
    if (m_o.durationS >= 0)
        QTimer::singleShot(int(m_o.durationS * 1000), this, [this] { quit(0); });
    if (m_o.mode == CrowdOptions::Mode::Listen) {
        m_stdin = std::make_unique<QSocketNotifier>(STDIN_FILENO, QSocketNotifier::Read);
        connect(m_stdin.get(), &QSocketNotifier::activated, this, &Crowd::readCommands);
    }
    const bool play = m_o.mode == CrowdOptions::Mode::Play || m_o.playInListen;
    if (play && m_o.rate > 0 && m_o.messages != 0) {
        m_playTimer.start(std::max(1, int(1000.0 / m_o.rate)));
    } else if (m_o.mode == CrowdOptions::Mode::Play) {
        quit(0);
    }
}

void Crowd::playOne()
{
    QList<Member *> speakers;
    for (const auto &m : std::as_const(m_members)) {
        if (m->connected && !m->joined.isEmpty())
            speakers.append(m.get());
    }
    if (speakers.isEmpty()) {
        quit(2);
        return;
    }
    static QRandomGenerator rng(m_o.seed);
    Member *m = speakers[int(rng.bounded(quint32(speakers.size())))];
    const Jid room = m->joined[int(rng.bounded(quint32(m->joined.size())))];
    const Scenario::Line line = m_o.scenario.next();
    const QString id = m->muc->sendMessage(room, line.text);
    if (id.isEmpty())
        return;
    ++m_sent;
    print({{u"event"_s, u"sent"_s}, {u"member"_s, m->name}, {u"room"_s, room.toString()},
           {u"kind"_s, line.kind}, {u"body"_s, line.text}, {u"id"_s, id}});
    if (m_o.messages > 0 && m_sent >= m_o.messages) {
        m_playTimer.stop();
        if (m_o.mode == CrowdOptions::Mode::Play)
            QTimer::singleShot(200, this, [this] { quit(0); }); // let the last one go out
    }
}

void Crowd::readCommands()
{
    char buffer[4096];
    const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n <= 0) {
        m_stdin->setEnabled(false);
        quit(0); // stdin closed: the test or bench is done with us
        return;
    }
    m_stdinBuffer.append(buffer, n);
    qsizetype eol;
    while ((eol = m_stdinBuffer.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_stdinBuffer.left(eol)).trimmed();
        m_stdinBuffer.remove(0, eol + 1);
        if (!line.isEmpty())
            command(line);
    }
}

Crowd::Member *Crowd::member(const QString &name)
{
    for (const auto &m : std::as_const(m_members)) {
        if (m->name == name)
            return m.get();
    }
    return nullptr;
}

void Crowd::command(const QString &line)
{
    // say MEMBER ROOM TEXT... | pm MEMBER ROOM NICK TEXT... | quit
    const QStringList w = line.split(u' ', Qt::SkipEmptyParts);
    const QString verb = w.value(0);
    if (verb == u"quit") {
        quit(0);
        return;
    }
    Member *m = member(w.value(1));
    const Jid room = Jid::fromString(w.value(2));
    QString id;
    if (m && verb == u"say" && w.size() >= 4)
        id = m->muc->sendMessage(room, w.mid(3).join(u' '));
    else if (m && verb == u"pm" && w.size() >= 5)
        id = m->muc->sendPrivateMessage(room, w.value(3), w.mid(4).join(u' '));
    if (id.isEmpty()) {
        print({{u"event"_s, u"error"_s}, {u"command"_s, line},
               {u"error"_s, u"unknown command, member or room, or not joined"_s}});
        return;
    }
    ++m_sent;
    print({{u"event"_s, u"sent"_s}, {u"member"_s, m->name}, {u"room"_s, room.toString()},
           {u"body"_s, w.mid(verb == u"say" ? 3 : 4).join(u' ')}, {u"id"_s, id}});
}

void Crowd::quit(int exitCode)
{
    if (m_quitting)
        return;
    m_quitting = true;
    m_exitCode = exitCode;
    m_playTimer.stop();
    print({{u"event"_s, u"done"_s}, {u"sent"_s, m_sent}, {u"exit"_s, exitCode}});
    // Close every stream cleanly so the server does not keep us in rooms (stream
    // management would otherwise hold the sessions until they time out).
    bool any = false;
    for (const auto &m : std::as_const(m_members)) {
        if (m->client && m->client->state() != Client::State::Disconnected) {
            any = true;
            m->client->disconnectFromServer();
        }
    }
    if (!any)
        finish();
    else
        QTimer::singleShot(5000, this, &Crowd::finish);
}

void Crowd::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(m_exitCode);
}

} // namespace chorus::crowd
