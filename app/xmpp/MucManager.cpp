// MucManager: joining many rooms (paced), leaving, session events, timers.
#include "xmpp/MucManager.h"

#include "xmpp/Client.h"
#include "xmpp/Logging.h"
#include "xmpp/MucManager_p.h"
#include "xmpp/Namespaces.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace chorus::xmpp {

MucManager::MucManager(QObject *parent) : QObject(parent)
{
    m_clock.start();
    m_tick.setSingleShot(false);
    connect(&m_tick, &QTimer::timeout, this, &MucManager::onTick);
    setSettings(m_settings);
}

MucManager::~MucManager() = default;

void MucManager::setSettings(const Settings &settings)
{
    m_settings = settings;
    m_pacer.setLimits(settings.pacing);
    // Tick often enough for the shortest timeout (tests use short ones), at most 1/s.
    int shortest = std::min(settings.joinTimeoutMs, settings.leaveTimeoutMs);
    if (settings.selfPingIdleMs > 0)
        shortest = std::min(shortest, settings.selfPingIdleMs);
    m_tick.setInterval(std::clamp(shortest / 4, 10, 1000));
    updateTicking();
}

MucManager::Stats MucManager::stats() const
{
    Stats s = m_stats;
    s.peakInFlight = m_pacer.peakInFlight();
    return s;
}

bool MucManager::connected() const
{
    return client() && client()->isConnected();
}

MucManager::RoomPtr MucManager::room(const Jid &jid) const
{
    return m_rooms.value(jid.bare());
}

MucManager::RoomPtr MucManager::addRoom(const MucJoinRequest &request)
{
    auto r = std::make_shared<Room>();
    r->jid = request.room.bare();
    r->requestedNick = request.nick;
    r->nick = request.nick;
    r->password = request.password;
    r->resolveNickConflict = request.resolveNickConflict;
    r->order = m_nextOrder++;
    r->state = RoomState::Queued;
    m_rooms.insert(r->jid, r);
    return r;
}

void MucManager::joinRooms(const QList<MucJoinRequest> &requests)
{
    bool any = false;
    for (const MucJoinRequest &request : requests) {
        const Jid jid = request.room.bare();
        if (!jid.isValid() || jid.node().isEmpty() || request.nick.isEmpty()) {
            Q_EMIT roomJoinFailed(jid, MucError::make(MucError::Code::Invalid,
                                                      u"a room JID and a nickname are needed"_s));
            continue;
        }
        if (m_rooms.contains(jid))
            continue;
        addRoom(request);
        m_pacer.enqueue(jid);
        any = true;
    }
    if (any) {
        // An explicit request after a limit episode: the operator may have made room.
        m_pacer.resume();
        m_settledEmitted = false;
    }
    pump();
}

Task<MucJoined, MucError> MucManager::join(const MucJoinRequest &request)
{
    const Jid jid = request.room.bare();
    if (!jid.isValid() || jid.node().isEmpty() || request.nick.isEmpty())
        return readyTask<MucJoined, MucError>(
            MucError::make(MucError::Code::Invalid, u"a room JID and a nickname are needed"_s));
    RoomPtr r = room(jid);
    if (r && r->state == RoomState::Joined)
        return readyTask<MucJoined, MucError>(r->joined);
    if (r && r->state == RoomState::Leaving)
        return readyTask<MucJoined, MucError>(MucError::make(MucError::Code::Cancelled,
                                                             u"the room is being left"_s));
    if (!r) {
        r = addRoom(request);
        m_pacer.enqueueFront(jid);
    } else if (r->state == RoomState::Queued) {
        m_pacer.enqueueFront(jid);
    } else if (r->timedOut) {
        // The last attempt was reported as timed out: an explicit join tries again.
        requeue(r);
    }
    Promise<MucJoined, MucError> promise;
    r->joinPromises.append(promise);
    m_pacer.resume();
    m_settledEmitted = false;
    pump();
    return promise.task();
}

void MucManager::pump()
{
    settleLimit();
    if (!connected())
        return;
    while (m_pacer.canDispatch()) {
        const Jid jid = m_pacer.dispatch();
        RoomPtr r = room(jid);
        if (!r || r->state != RoomState::Queued) {
            m_pacer.finished(jid, -1);
            continue;
        }
        sendJoin(r);
    }
    updateTicking();
    if (!m_settledEmitted && m_pacer.queued() == 0 && m_pacer.inFlight() == 0) {
        m_settledEmitted = true;
        Q_EMIT joinsSettled();
    }
}

void MucManager::sendJoin(const RoomPtr &r)
{
    r->state = RoomState::Joining;
    r->joinDeadline = now() + m_settings.joinTimeoutMs;
    r->timedOut = false;
    r->occupantCount = 0;
    r->occupants.clear();
    // History comes from the archive: ask the room for none. No caps, no id: every
    // byte counts against a server's traffic shaper when hundreds of rooms join.
    Element x(u"x"_s, ns::Muc);
    x.appendChild(Element(u"history"_s, ns::Muc).setAttribute(u"maxstanzas"_s, u"0"_s));
    if (!r->password.isEmpty())
        x.appendTextChild(u"password"_s, ns::Muc, r->password);
    Element presence(u"presence"_s, ns::Client);
    presence.setAttribute(u"to"_s, r->jid.toString() + u'/' + r->nick).appendChild(x);
    ++m_stats.joinPresencesSent;
    client()->send(presence);
}

void MucManager::joinSelfPresence(const RoomPtr &r, const PresenceInfo &info)
{
    r->nick = info.occupant.nick;
    r->occupantIdsTrusted = info.hasOccupantId;
    r->joined.room = r->jid;
    r->joined.nick = r->nick;
    r->joined.created = info.codes.contains(201);
    r->joined.nickAssigned = info.codes.contains(210);
    r->joined.nonAnonymous = info.codes.contains(100) || info.codes.contains(172);
    r->lastActivity = now();
    if (r->joined.created) {
        // A new room may be locked until configured (XEP-0045 §10.1; ejabberd does, and
        // Prosody accepts the same): ours, or the server's defaults as an instant room.
        r->awaitingConfig = true;
        if (r->createFlow)
            configureCreated(r);
        else
            submitInstant(r);
        return;
    }
    finishJoin(r);
}

void MucManager::finishJoin(const RoomPtr &r)
{
    const bool wasInFlight = m_pacer.isInFlight(r->jid);
    r->state = RoomState::Joined;
    r->awaitingConfig = false;
    r->joined.nick = r->nick;
    m_pacer.finished(r->jid, r->occupantCount);
    const QList<Promise<MucJoined, MucError>> promises = std::exchange(r->joinPromises, {});
    for (Promise<MucJoined, MucError> p : promises)
        p.finish(r->joined);
    if (r->createPromise) {
        // createRoom() on a room that already existed: joined, config untouched.
        MucCreated created;
        created.joined = r->joined;
        created.existed = !r->joined.created;
        Promise<MucCreated, MucError> p = *std::exchange(r->createPromise, std::nullopt);
        p.finish(created);
    }
    Q_EMIT roomJoined(r->joined);
    if (wasInFlight)
        pump();
}

void MucManager::failJoin(const RoomPtr &r, const MucError &error)
{
    m_pacer.finished(r->jid, -1);
    forget(r);
    if (error.code == MucError::Code::ServerLimit) {
        // Before anything is emitted: a handler may ask for more joins right away.
        m_pacer.halt();
        m_limitRefused.append(r->jid);
        m_limitError = error;
    }
    const QList<Promise<MucJoined, MucError>> promises = std::exchange(r->joinPromises, {});
    for (Promise<MucJoined, MucError> p : promises)
        p.finish(error);
    if (r->createPromise) {
        Promise<MucCreated, MucError> p = *std::exchange(r->createPromise, std::nullopt);
        p.finish(error);
    }
    Q_EMIT roomJoinFailed(r->jid, error);
    pump();
}

void MucManager::settleLimit()
{
    // Report once the joins already in flight have answered: they may be refused too.
    if (m_limitRefused.isEmpty() || m_pacer.inFlight() > 0)
        return;
    // Take everything first: the signals below may call back into us.
    const QList<Jid> refused = std::exchange(m_limitRefused, {});
    const QList<Jid> notAttempted = m_pacer.takeQueued();
    const MucError error = m_limitError;
    MucError skipped = error;
    skipped.text = tr("Not tried: the server's limit was reached first. %1").arg(error.text);
    QList<RoomPtr> skippedRooms;
    for (const Jid &jid : notAttempted) {
        if (RoomPtr r = room(jid)) {
            forget(r);
            skippedRooms.append(r);
        }
    }
    qCWarning(lcXmpp, "MUC: a server limit refused %lld joins (%lld more not tried): %s",
              qlonglong(refused.size()), qlonglong(notAttempted.size()), qPrintable(error.text));
    for (const RoomPtr &r : std::as_const(skippedRooms)) {
        for (Promise<MucJoined, MucError> p : std::exchange(r->joinPromises, {}))
            p.finish(skipped);
        if (r->createPromise)
            std::exchange(r->createPromise, std::nullopt)->finish(skipped);
    }
    for (const Jid &jid : notAttempted)
        Q_EMIT roomJoinFailed(jid, skipped);
    Q_EMIT joinLimitReached(refused, notAttempted, error);
}

void MucManager::forget(const RoomPtr &r)
{
    m_pacer.remove(r->jid);
    if (r->pingInFlight) {
        r->pingInFlight = false;
        --m_pingsInFlight;
    }
    const auto it = m_rooms.constFind(r->jid);
    if (it != m_rooms.cend() && it.value() == r)
        m_rooms.erase(it);
}

void MucManager::requeue(const RoomPtr &r)
{
    // Rejoin with the nick we had, at the priority the room had.
    m_pacer.remove(r->jid);
    r->state = RoomState::Queued;
    r->occupants.clear();
    r->awaitingConfig = false;
    r->nickAttempt = 0;
    r->pendingNick.clear();
    if (r->nickPromise)
        std::exchange(r->nickPromise, std::nullopt)->finish(MucError::make(MucError::Code::Cancelled));
    m_pacer.enqueueFront(r->jid);
    m_settledEmitted = false;
}

Task<Done, MucError> MucManager::leave(const Jid &jid, const QString &status)
{
    RoomPtr r = room(jid);
    if (!r)
        return readyTask<Done, MucError>(Done{});
    const MucError cancelled = MucError::make(MucError::Code::Cancelled, u"left the room"_s);
    switch (r->state) {
    case RoomState::NotJoined:
    case RoomState::Queued: {
        forget(r);
        for (Promise<MucJoined, MucError> p : std::exchange(r->joinPromises, {}))
            p.finish(cancelled);
        if (r->createPromise)
            std::exchange(r->createPromise, std::nullopt)->finish(cancelled);
        pump();
        return readyTask<Done, MucError>(Done{});
    }
    case RoomState::Joining:
    case RoomState::Joined: {
        const bool wasInFlight = m_pacer.isInFlight(r->jid);
        m_pacer.finished(r->jid, -1);
        for (Promise<MucJoined, MucError> p : std::exchange(r->joinPromises, {}))
            p.finish(cancelled);
        if (r->createPromise)
            std::exchange(r->createPromise, std::nullopt)->finish(cancelled);
        r->state = RoomState::Leaving;
        r->leaveDeadline = now() + m_settings.leaveTimeoutMs;
        Element presence(u"presence"_s, ns::Client);
        presence.setAttribute(u"to"_s, r->jid.toString() + u'/' + r->nick)
            .setAttribute(u"type"_s, u"unavailable"_s);
        if (!status.isEmpty())
            presence.appendTextChild(u"status"_s, ns::Client, status);
        if (!connected() || !client()->send(presence)) {
            forget(r);
            Q_EMIT roomLeft(r->jid, MucLeave{});
            return readyTask<Done, MucError>(Done{});
        }
        Promise<Done, MucError> promise;
        r->leavePromises.append(promise);
        updateTicking();
        if (wasInFlight)
            pump();
        return promise.task();
    }
    case RoomState::Leaving: {
        Promise<Done, MucError> promise;
        r->leavePromises.append(promise);
        return promise.task();
    }
    }
    return readyTask<Done, MucError>(Done{});
}

Task<Done, MucError> MucManager::changeNick(const Jid &jid, const QString &nick)
{
    RoomPtr r = room(jid);
    if (!r || r->state != RoomState::Joined)
        return readyTask<Done, MucError>(MucError::make(MucError::Code::NotJoined));
    if (nick.isEmpty() || !r->jid.withResource(nick).isValid())
        return readyTask<Done, MucError>(MucError::make(MucError::Code::NickNotAcceptable));
    if (nick == r->nick)
        return readyTask<Done, MucError>(Done{});
    if (r->nickPromise)
        return readyTask<Done, MucError>(MucError::make(MucError::Code::Invalid,
                                                        u"a nick change is under way"_s));
    Element presence(u"presence"_s, ns::Client);
    presence.setAttribute(u"to"_s, r->jid.toString() + u'/' + nick);
    if (!connected() || !client()->send(presence))
        return readyTask<Done, MucError>(MucError::make(MucError::Code::NotConnected));
    r->pendingNick = nick;
    r->nickDeadline = now() + m_settings.joinTimeoutMs;
    Promise<Done, MucError> promise;
    r->nickPromise = promise;
    updateTicking();
    return promise.task();
}

MucManager::RoomState MucManager::roomState(const Jid &jid) const
{
    RoomPtr r = room(jid);
    return r ? r->state : RoomState::NotJoined;
}

QList<Jid> MucManager::rooms() const
{
    QList<RoomPtr> all = m_rooms.values();
    std::sort(all.begin(), all.end(), [](const RoomPtr &a, const RoomPtr &b) { return a->order < b->order; });
    QList<Jid> out;
    out.reserve(all.size());
    for (const RoomPtr &r : all)
        out.append(r->jid);
    return out;
}

QList<Jid> MucManager::joinedRooms() const
{
    QList<Jid> out;
    for (const Jid &jid : rooms()) {
        if (roomState(jid) == RoomState::Joined)
            out.append(jid);
    }
    return out;
}

QString MucManager::nick(const Jid &jid) const
{
    RoomPtr r = room(jid);
    return r && r->state != RoomState::Queued ? r->nick : QString();
}

QString MucManager::subject(const Jid &jid) const
{
    RoomPtr r = room(jid);
    return r ? r->subject : QString();
}

QList<MucOccupant> MucManager::occupants(const Jid &jid) const
{
    RoomPtr r = room(jid);
    return r ? r->occupants.values() : QList<MucOccupant>();
}

std::optional<MucOccupant> MucManager::occupant(const Jid &jid, const QString &nick) const
{
    RoomPtr r = room(jid);
    if (!r)
        return std::nullopt;
    const auto it = r->occupants.constFind(nick);
    return it == r->occupants.cend() ? std::nullopt : std::optional<MucOccupant>(*it);
}

std::optional<MucOccupant> MucManager::self(const Jid &jid) const
{
    RoomPtr r = room(jid);
    if (!r || r->state != RoomState::Joined)
        return std::nullopt;
    return occupant(jid, r->nick);
}

void MucManager::onSessionStarted(bool resumed)
{
    if (resumed) {
        // The server kept our rooms; joins in flight are still being answered.
        for (const RoomPtr &r : std::as_const(m_rooms)) {
            if (r->state == RoomState::Joining)
                r->joinDeadline = now() + m_settings.joinTimeoutMs;
        }
        pump();
        return;
    }
    // A fresh session: the server forgot every room. Rejoin in the original order.
    m_pacer.takeInFlight();
    m_pacer.takeQueued();
    m_pacer.resume();
    m_limitRefused.clear();
    m_pingsInFlight = 0;
    QList<RoomPtr> all = m_rooms.values();
    std::sort(all.begin(), all.end(), [](const RoomPtr &a, const RoomPtr &b) { return a->order < b->order; });
    QList<RoomPtr> rejoining;
    for (const RoomPtr &r : all) {
        r->pingInFlight = false;
        if (r->state == RoomState::Leaving) {
            forget(r);
            for (Promise<Done, MucError> p : std::exchange(r->leavePromises, {}))
                p.finish(Done{});
            continue;
        }
        const bool wasJoined = r->state == RoomState::Joined;
        r->state = RoomState::Queued;
        r->occupants.clear();
        r->awaitingConfig = false;
        r->nickAttempt = 0;
        if (r->nickPromise)
            std::exchange(r->nickPromise, std::nullopt)->finish(MucError::make(MucError::Code::Cancelled));
        m_pacer.enqueue(r->jid);
        if (wasJoined)
            rejoining.append(r);
    }
    m_settledEmitted = m_pacer.queued() == 0;
    for (const RoomPtr &r : std::as_const(rejoining))
        Q_EMIT roomRejoining(r->jid);
    pump();
}

void MucManager::onDisconnected()
{
    // Nothing to undo yet: a resumed session keeps everything, and a fresh one is
    // handled in onSessionStarted(false). Timers pause while disconnected.
}

void MucManager::updateTicking()
{
    bool needed = m_pacer.inFlight() > 0;
    if (!needed) {
        for (const RoomPtr &r : std::as_const(m_rooms)) {
            if (r->state == RoomState::Leaving || r->nickPromise || r->timedOut
                || r->state == RoomState::Joining
                || (r->state == RoomState::Joined && m_settings.selfPingIdleMs > 0)) {
                needed = true;
                break;
            }
        }
    }
    if (needed && !m_tick.isActive())
        m_tick.start();
    else if (!needed)
        m_tick.stop();
}

void MucManager::onTick()
{
    if (!connected())
        return;
    const qint64 t = now();
    const QList<RoomPtr> all = m_rooms.values();
    for (const RoomPtr &r : all) {
        if (r->state == RoomState::Joining && !r->timedOut && t >= r->joinDeadline) {
            // Reported once and the slot freed; a late answer still completes the join.
            r->timedOut = true;
            m_pacer.finished(r->jid, -1);
            const MucError error = MucError::make(MucError::Code::Timeout);
            for (Promise<MucJoined, MucError> p : std::exchange(r->joinPromises, {}))
                p.finish(error);
            if (r->createPromise)
                std::exchange(r->createPromise, std::nullopt)->finish(error);
            Q_EMIT roomJoinFailed(r->jid, error);
        } else if (r->state == RoomState::Leaving && t >= r->leaveDeadline) {
            forget(r);
            for (Promise<Done, MucError> p : std::exchange(r->leavePromises, {}))
                p.finish(Done{});
            Q_EMIT roomLeft(r->jid, MucLeave{});
        }
        if (r->nickPromise && t >= r->nickDeadline) {
            r->pendingNick.clear();
            std::exchange(r->nickPromise, std::nullopt)->finish(MucError::make(MucError::Code::Timeout));
        }
    }
    checkIdleRooms();
    pump();
}

QStringList MucManager::discoFeatures() const
{
    return {ns::Muc, ns::DirectInvite};
}

bool MucManager::handleStanza(const Element &stanza)
{
    if (stanza.name() == u"presence")
        return handlePresence(stanza);
    if (stanza.name() == u"message")
        return handleMessage(stanza);
    return false;
}

bool MucManager::sendStanza(const Element &stanza)
{
    return connected() && client()->send(stanza);
}

} // namespace chorus::xmpp
