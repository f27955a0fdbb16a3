// MucManager: moderation (muc#admin), configuration and creation (muc#owner), and
// XEP-0410 self-pings of idle rooms.
#include "xmpp/MucManager.h"

#include "xmpp/Client.h"
#include "xmpp/Logging.h"
#include "xmpp/MucManager_p.h"
#include "xmpp/Namespaces.h"

using namespace Qt::StringLiterals;

namespace chorus::xmpp {
namespace {

Element iq(const Jid &to, const QString &type, const Element &query)
{
    Element e(u"iq"_s, ns::Client);
    e.setAttribute(u"type"_s, type).setAttribute(u"to"_s, to.toString()).appendChild(query);
    return e;
}

template <typename T>
Task<T, MucError> notConnected()
{
    return readyTask<T, MucError>(MucError::make(MucError::Code::NotConnected));
}

} // namespace

Task<Done, MucError> MucManager::adminSet(const Jid &room, const Element &item)
{
    if (!connected())
        return notConnected<Done>();
    Promise<Done, MucError> promise;
    client()
        ->sendIq(iq(room.bare(), u"set"_s, Element(u"query"_s, ns::MucAdmin).appendChild(item)))
        .then(this, [promise](const Expected<Element, IqError> &r) mutable {
            if (r.ok())
                promise.finish(Done{});
            else
                promise.finish(MucError::fromIqError(r.error()));
        });
    return promise.task();
}

Task<Done, MucError> MucManager::setRole(const Jid &room, const QString &nick, MucRole role,
                                         const QString &reason)
{
    if (nick.isEmpty())
        return readyTask<Done, MucError>(MucError::make(MucError::Code::Invalid));
    Element item(u"item"_s, ns::MucAdmin);
    item.setAttribute(u"nick"_s, nick).setAttribute(u"role"_s, toString(role));
    if (!reason.isEmpty())
        item.appendTextChild(u"reason"_s, ns::MucAdmin, reason);
    return adminSet(room, item);
}

Task<Done, MucError> MucManager::setAffiliation(const Jid &room, const Jid &jid,
                                                MucAffiliation affiliation, const QString &reason)
{
    if (!jid.isValid())
        return readyTask<Done, MucError>(MucError::make(MucError::Code::Invalid));
    Element item(u"item"_s, ns::MucAdmin);
    item.setAttribute(u"jid"_s, jid.bare().toString())
        .setAttribute(u"affiliation"_s, toString(affiliation));
    if (!reason.isEmpty())
        item.appendTextChild(u"reason"_s, ns::MucAdmin, reason);
    return adminSet(room, item);
}

Task<QList<MucAffiliationItem>, MucError> MucManager::affiliations(const Jid &room,
                                                                   MucAffiliation affiliation)
{
    using Result = QList<MucAffiliationItem>;
    if (!connected())
        return notConnected<Result>();
    Promise<Result, MucError> promise;
    Element query(u"query"_s, ns::MucAdmin);
    query.appendChild(
        Element(u"item"_s, ns::MucAdmin).setAttribute(u"affiliation"_s, toString(affiliation)));
    client()->sendIq(iq(room.bare(), u"get"_s, query))
        .then(this, [promise](const Expected<Element, IqError> &r) mutable {
            if (!r.ok()) {
                promise.finish(MucError::fromIqError(r.error()));
                return;
            }
            Result items;
            const Element q = r.value().child(u"query", ns::MucAdmin);
            for (const Element &e : q.children(u"item", ns::MucAdmin)) {
                MucAffiliationItem item;
                item.jid = Jid::fromString(e.attribute(u"jid"));
                const auto a = mucAffiliationFromString(e.attribute(u"affiliation"));
                if (!item.jid.isValid() || !a)
                    continue;
                item.affiliation = *a;
                item.nick = e.attribute(u"nick");
                item.reason = e.childText(u"reason", ns::MucAdmin).left(4096);
                items.append(item);
            }
            promise.finish(items);
        });
    return promise.task();
}

Task<Done, MucError> MucManager::setAffiliations(const Jid &room,
                                                 const QList<MucAffiliationItem> &items)
{
    if (!connected())
        return notConnected<Done>();
    Element query(u"query"_s, ns::MucAdmin);
    for (const MucAffiliationItem &i : items) {
        if (!i.jid.isValid())
            return readyTask<Done, MucError>(MucError::make(MucError::Code::Invalid));
        Element item(u"item"_s, ns::MucAdmin);
        item.setAttribute(u"jid"_s, i.jid.bare().toString())
            .setAttribute(u"affiliation"_s, toString(i.affiliation));
        if (!i.reason.isEmpty())
            item.appendTextChild(u"reason"_s, ns::MucAdmin, i.reason);
        query.appendChild(item);
    }
    Promise<Done, MucError> promise;
    client()->sendIq(iq(room.bare(), u"set"_s, query))
        .then(this, [promise](const Expected<Element, IqError> &r) mutable {
            promise.finish(r.ok() ? Expected<Done, MucError>(Done{})
                                  : Expected<Done, MucError>(MucError::fromIqError(r.error())));
        });
    return promise.task();
}

Task<DataForm, MucError> MucManager::configForm(const Jid &room)
{
    if (!connected())
        return notConnected<DataForm>();
    Promise<DataForm, MucError> promise;
    client()->sendIq(iq(room.bare(), u"get"_s, Element(u"query"_s, ns::MucOwner)))
        .then(this, [promise](const Expected<Element, IqError> &r) mutable {
            if (!r.ok()) {
                promise.finish(MucError::fromIqError(r.error()));
                return;
            }
            auto form = DataForm::findIn(r.value().child(u"query", ns::MucOwner));
            if (!form)
                promise.finish(MucError::make(MucError::Code::Remote,
                                              u"the room sent no configuration form"_s));
            else
                promise.finish(*form);
        });
    return promise.task();
}

Task<MucRoomConfig, MucError> MucManager::config(const Jid &room)
{
    Promise<MucRoomConfig, MucError> promise;
    configForm(room).then(this, [promise](const Expected<DataForm, MucError> &r) mutable {
        if (r.ok())
            promise.finish(MucRoomConfig::fromForm(r.value()));
        else
            promise.finish(r.error());
    });
    return promise.task();
}

Task<Done, MucError> MucManager::submitConfigForm(const Jid &room, const DataForm &form)
{
    if (!connected())
        return notConnected<Done>();
    Promise<Done, MucError> promise;
    client()
        ->sendIq(iq(room.bare(), u"set"_s,
                    Element(u"query"_s, ns::MucOwner).appendChild(form.toElement())))
        .then(this, [promise](const Expected<Element, IqError> &r) mutable {
            promise.finish(r.ok() ? Expected<Done, MucError>(Done{})
                                  : Expected<Done, MucError>(MucError::fromIqError(r.error())));
        });
    return promise.task();
}

Task<MucConfigured, MucError> MucManager::configure(const Jid &room, const MucRoomConfig &config)
{
    Promise<MucConfigured, MucError> promise;
    configForm(room).then(this, [this, promise, room,
                                 config](const Expected<DataForm, MucError> &r) mutable {
        if (!r.ok()) {
            promise.finish(r.error());
            return;
        }
        const MucRoomConfig::Submission submission = config.applyTo(r.value());
        const MucConfigured outcome{submission.unsupported, submission.adjusted};
        submitConfigForm(room, submission.form)
            .then(this, [promise, outcome](const Expected<Done, MucError> &s) mutable {
                if (s.ok())
                    promise.finish(outcome);
                else
                    promise.finish(s.error());
            });
    });
    return promise.task();
}

Task<MucCreated, MucError> MucManager::createRoom(const MucJoinRequest &request,
                                                  const MucRoomConfig &config)
{
    const Jid jid = request.room.bare();
    if (!jid.isValid() || jid.node().isEmpty() || request.nick.isEmpty())
        return readyTask<MucCreated, MucError>(
            MucError::make(MucError::Code::Invalid, u"a room JID and a nickname are needed"_s));
    RoomPtr r = room(jid);
    if (r && r->state == RoomState::Joined) {
        MucCreated created;
        created.joined = r->joined;
        created.existed = true;
        return readyTask<MucCreated, MucError>(created);
    }
    if (r && (r->createPromise || r->state == RoomState::Leaving))
        return readyTask<MucCreated, MucError>(
            MucError::make(MucError::Code::Invalid, u"the room is busy"_s));
    if (!r)
        r = addRoom(request);
    // Without 201 the room existed; finishJoin() resolves this as "existed" then.
    r->createFlow = r->state == RoomState::Queued;
    r->createConfig = config;
    Promise<MucCreated, MucError> promise;
    r->createPromise = promise;
    if (r->state == RoomState::Queued)
        m_pacer.enqueueFront(jid);
    m_pacer.resume();
    m_settledEmitted = false;
    pump();
    return promise.task();
}

void MucManager::configureCreated(const RoomPtr &r)
{
    const std::weak_ptr<Room> weak = r;
    configure(r->jid, r->createConfig)
        .then(this, [this, weak](const Expected<MucConfigured, MucError> &result) {
            RoomPtr r = weak.lock();
            if (!r || room(r->jid) != r || !r->awaitingConfig)
                return;
            r->createFlow = false;
            std::optional<Promise<MucCreated, MucError>> promise
                = std::exchange(r->createPromise, std::nullopt);
            if (!result.ok()) {
                // The room exists and is ours; unlock it with the defaults and say why
                // our configuration did not go in.
                qCWarning(lcXmpp, "MUC %s: configuring the new room failed: %s",
                          qPrintable(r->jid.toString()), qPrintable(result.error().message()));
                if (promise)
                    promise->finish(result.error());
                submitInstant(r);
                return;
            }
            finishJoin(r);
            if (promise) {
                MucCreated created;
                created.joined = r->joined;
                created.configured = result.value();
                promise->finish(created);
            }
        });
}

void MucManager::submitInstant(const RoomPtr &r)
{
    const std::weak_ptr<Room> weak = r;
    submitConfigForm(r->jid, DataForm(DataForm::Type::Submit))
        .then(this, [this, weak](const Expected<Done, MucError> &result) {
            RoomPtr r = weak.lock();
            if (!r || room(r->jid) != r || !r->awaitingConfig)
                return;
            if (!result.ok())
                qCWarning(lcXmpp, "MUC %s: the instant room configuration was refused: %s",
                          qPrintable(r->jid.toString()), qPrintable(result.error().message()));
            finishJoin(r);
        });
}

Task<Done, MucError> MucManager::destroyRoom(const Jid &room, const QString &reason,
                                             const Jid &alternateVenue)
{
    if (!connected())
        return notConnected<Done>();
    Element destroy(u"destroy"_s, ns::MucOwner);
    if (alternateVenue.isValid())
        destroy.setAttribute(u"jid"_s, alternateVenue.bare().toString());
    if (!reason.isEmpty())
        destroy.appendTextChild(u"reason"_s, ns::MucOwner, reason);
    Promise<Done, MucError> promise;
    client()
        ->sendIq(iq(room.bare(), u"set"_s, Element(u"query"_s, ns::MucOwner).appendChild(destroy)))
        .then(this, [promise](const Expected<Element, IqError> &r) mutable {
            promise.finish(r.ok() ? Expected<Done, MucError>(Done{})
                                  : Expected<Done, MucError>(MucError::fromIqError(r.error())));
        });
    return promise.task();
}

void MucManager::checkIdleRooms()
{
    if (m_settings.selfPingIdleMs <= 0)
        return;
    const qint64 t = now();
    for (const RoomPtr &r : std::as_const(m_rooms)) {
        if (m_pingsInFlight >= m_settings.maxSelfPingsInFlight)
            return;
        if (r->state == RoomState::Joined && !r->pingInFlight
            && t - r->lastActivity >= m_settings.selfPingIdleMs)
            selfPing(r);
    }
}

void MucManager::selfPing(const RoomPtr &r)
{
    // XEP-0410: ping our own occupant JID; the room answers for us (or forwards).
    r->pingInFlight = true;
    ++m_pingsInFlight;
    ++m_stats.selfPingsSent;
    const QString nick = r->nick;
    const std::weak_ptr<Room> weak = r;
    Element ping(u"iq"_s, ns::Client);
    ping.setAttribute(u"type"_s, u"get"_s)
        .setAttribute(u"to"_s, r->jid.toString() + u'/' + nick)
        .appendChild(Element(u"ping"_s, ns::Ping));
    client()->sendIq(ping, m_settings.selfPingTimeoutMs)
        .then(this, [this, weak, nick](const Expected<Element, IqError> &result) {
            RoomPtr r = weak.lock();
            if (!r || room(r->jid) != r || !r->pingInFlight)
                return;
            r->pingInFlight = false;
            --m_pingsInFlight;
            r->lastActivity = now();
            if (result.ok() || r->state != RoomState::Joined || r->nick != nick)
                return;
            const IqError &e = result.error();
            if (e.code != IqError::Code::StanzaError)
                return; // timeout or no session: cannot tell, ask again later
            static const QStringList stillJoined{u"service-unavailable"_s,
                                                 u"feature-not-implemented"_s,
                                                 u"item-not-found"_s};
            static const QStringList unknown{u"remote-server-not-found"_s,
                                             u"remote-server-timeout"_s};
            if (stillJoined.contains(e.condition) || unknown.contains(e.condition))
                return;
            qCInfo(lcXmpp, "MUC %s: self-ping says we are no longer in the room (%s)",
                   qPrintable(r->jid.toString()), qPrintable(e.condition));
            if (now() - r->lastAutoRejoin < m_settings.autoRejoinIntervalMs) {
                MucLeave why;
                why.kind = MucLeave::Kind::Dropped;
                why.reason = e.text;
                roomGone(r, why);
                return;
            }
            r->lastAutoRejoin = now();
            ++m_stats.automaticRejoins;
            requeue(r);
            Q_EMIT roomRejoining(r->jid);
            pump();
        });
    updateTicking();
}

} // namespace chorus::xmpp
