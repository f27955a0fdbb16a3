// MucManager: room presences — self-presence and status codes, occupants, errors,
// kicks, bans, nick changes, destruction.
#include "xmpp/MucManager.h"

#include "xmpp/Client.h"
#include "xmpp/Logging.h"
#include "xmpp/MucManager_p.h"
#include "xmpp/Namespaces.h"

using namespace Qt::StringLiterals;

namespace chorus::xmpp {
namespace {

constexpr int maxTextLength = 4096;

MucLeave::Kind leaveKind(const QSet<int> &codes)
{
    if (codes.contains(301))
        return MucLeave::Kind::Banned;
    if (codes.contains(307))
        return MucLeave::Kind::Kicked;
    if (codes.contains(321))
        return MucLeave::Kind::AffiliationChanged;
    if (codes.contains(322))
        return MucLeave::Kind::MembersOnly;
    if (codes.contains(332))
        return MucLeave::Kind::Shutdown;
    if (codes.contains(333))
        return MucLeave::Kind::Error;
    return MucLeave::Kind::Left;
}

} // namespace

MucManager::PresenceInfo MucManager::PresenceInfo::parse(const Element &presence,
                                                         bool trustOccupantIds)
{
    PresenceInfo info;
    info.from = Jid::fromString(presence.attribute(u"from"));
    info.type = presence.attribute(u"type");
    info.occupant.nick = info.from.resource();
    info.occupant.show = presence.childText(u"show", ns::Client).left(16);
    info.occupant.status = presence.childText(u"status", ns::Client).left(maxTextLength);
    const Element occupantId = presence.child(u"occupant-id", ns::OccupantId);
    info.hasOccupantId = !occupantId.attribute(u"id").isEmpty();
    if (trustOccupantIds)
        info.occupant.occupantId = occupantId.attribute(u"id").left(256);

    const Element x = presence.child(u"x", ns::MucUser);
    const Element item = x.child(u"item", ns::MucUser);
    info.occupant.role = mucRoleFromString(item.attribute(u"role")).value_or(MucRole::None);
    info.occupant.affiliation
        = mucAffiliationFromString(item.attribute(u"affiliation")).value_or(MucAffiliation::None);
    info.occupant.realJid = Jid::fromString(item.attribute(u"jid"));
    info.newNick = item.attribute(u"nick");
    for (const Element &status : x.children(u"status", ns::MucUser)) {
        bool ok = false;
        const int code = status.attribute(u"code").toInt(&ok);
        if (ok && info.codes.size() < 32)
            info.codes.insert(code);
    }
    info.occupant.isSelf = info.codes.contains(110);

    info.leave.kind = leaveKind(info.codes);
    info.leave.reason = item.childText(u"reason", ns::MucUser).left(maxTextLength);
    const Element actor = item.child(u"actor", ns::MucUser);
    info.leave.actor = actor.attribute(u"nick");
    if (info.leave.actor.isEmpty())
        info.leave.actor = actor.attribute(u"jid");
    const Element destroy = x.child(u"destroy", ns::MucUser);
    if (!destroy.isNull()) {
        info.leave.kind = MucLeave::Kind::Destroyed;
        info.leave.alternateVenue = Jid::fromString(destroy.attribute(u"jid")).bare();
        info.leave.reason = destroy.childText(u"reason", ns::MucUser).left(maxTextLength);
        info.leave.alternatePassword = destroy.childText(u"password", ns::MucUser);
    }
    return info;
}

bool MucManager::handlePresence(const Element &presence)
{
    const Jid from = Jid::fromString(presence.attribute(u"from"));
    if (!from.isValid() || from.node().isEmpty())
        return false;
    RoomPtr r = room(from);
    const QString type = presence.attribute(u"type");
    if (!r) {
        // A late presence from a room we left: ours to drop, nobody else's.
        return presence.hasChild(u"x", ns::MucUser) && type != u"error";
    }
    if (type != u"error" && type != u"unavailable" && !type.isEmpty())
        return false; // subscriptions are not room business
    r->lastActivity = now();
    if (type == u"error") {
        handleErrorPresence(r, presence);
        return true;
    }
    if (r->state == RoomState::Queued || from.isBare())
        return true; // stray (e.g. from before a fresh session): the rejoin will resync
    // While joining we cannot know yet whether the room assigns occupant-ids: read them,
    // and drop them at our own self-presence if it carries none.
    const bool trust = r->state == RoomState::Joining || r->occupantIdsTrusted;
    PresenceInfo info = PresenceInfo::parse(presence, trust);

    if (type == u"unavailable") {
        const bool self = info.codes.contains(110)
            || (r->state != RoomState::Joining && info.occupant.nick == r->nick);
        if (self)
            handleSelfUnavailable(r, info);
        else
            handleOccupantPresence(r, info);
        return true;
    }

    if (r->state == RoomState::Joining) {
        if (info.codes.contains(110)) {
            info.occupant.isSelf = true;
            if (!info.hasOccupantId) {
                for (MucOccupant &o : r->occupants)
                    o.occupantId.clear();
            }
            r->occupants.insert(info.occupant.nick, info.occupant);
            joinSelfPresence(r, info);
        } else {
            ++r->occupantCount;
            if (m_settings.trackOccupants)
                r->occupants.insert(info.occupant.nick, info.occupant);
        }
        return true;
    }

    const bool self = info.codes.contains(110) || info.occupant.nick == r->nick
        || (!r->pendingNick.isEmpty() && info.occupant.nick == r->pendingNick);
    if (!self) {
        handleOccupantPresence(r, info);
        return true;
    }
    info.occupant.isSelf = true;
    if (!r->pendingNick.isEmpty() && info.occupant.nick == r->pendingNick) {
        // The nick change went through (after 303 for the old nick, or in one step).
        const QString old = r->nick;
        r->nick = info.occupant.nick;
        r->joined.nick = r->nick;
        r->pendingNick.clear();
        if (r->occupants.remove(old))
            Q_EMIT occupantNickChanged(r->jid, old, info.occupant);
        r->occupants.insert(info.occupant.nick, info.occupant);
        if (r->nickPromise)
            std::exchange(r->nickPromise, std::nullopt)->finish(Done{});
        return true;
    }
    const auto it = r->occupants.constFind(info.occupant.nick);
    if (it != r->occupants.cend() && *it == info.occupant)
        return true;
    r->occupants.insert(info.occupant.nick, info.occupant);
    Q_EMIT occupantChanged(r->jid, info.occupant);
    return true;
}

void MucManager::handleErrorPresence(const RoomPtr &r, const Element &presence)
{
    const MucError error = MucError::fromStanza(presence, MucError::Context::Join);
    const Jid from = Jid::fromString(presence.attribute(u"from"));
    if (r->state == RoomState::Joining && !r->awaitingConfig) {
        if (r->timedOut) {
            // Already reported as a timeout; now we know why.
            forget(r);
            Q_EMIT roomJoinFailed(r->jid, error);
            return;
        }
        if (error.code == MucError::Code::NickConflict && r->resolveNickConflict
            && r->nickAttempt < m_settings.maxNickRetries) {
            ++r->nickAttempt;
            r->nick = r->requestedNick + u'_' + QString::number(r->nickAttempt + 1);
            qCDebug(lcXmpp, "MUC %s: nick taken, trying %s", qPrintable(r->jid.toString()),
                    qPrintable(r->nick));
            sendJoin(r);
            return;
        }
        failJoin(r, error);
        return;
    }
    if (r->nickPromise && from.resource() == r->pendingNick) {
        r->pendingNick.clear();
        std::exchange(r->nickPromise, std::nullopt)->finish(error);
        return;
    }
    qCDebug(lcXmpp, "MUC %s: error presence (%s) ignored", qPrintable(r->jid.toString()),
            qPrintable(error.condition));
}

void MucManager::handleSelfUnavailable(const RoomPtr &r, const PresenceInfo &info)
{
    if (info.codes.contains(303) && !info.newNick.isEmpty() && r->state == RoomState::Joined) {
        // Our nick changes (on our request, or the service's): the available presence
        // for the new nick follows.
        const QString old = r->nick;
        MucOccupant self = r->occupants.take(old);
        self.nick = info.newNick;
        self.isSelf = true;
        r->occupants.insert(self.nick, self);
        r->nick = info.newNick;
        r->joined.nick = r->nick;
        if (r->pendingNick == info.newNick) {
            r->pendingNick.clear();
            if (r->nickPromise)
                std::exchange(r->nickPromise, std::nullopt)->finish(Done{});
        }
        Q_EMIT occupantNickChanged(r->jid, old, self);
        return;
    }
    MucLeave why = info.leave;
    switch (r->state) {
    case RoomState::Leaving: {
        forget(r);
        for (Promise<Done, MucError> p : std::exchange(r->leavePromises, {}))
            p.finish(Done{});
        Q_EMIT roomLeft(r->jid, why);
        return;
    }
    case RoomState::Joining:
        if (!r->awaitingConfig) {
            failJoin(r, MucError::make(MucError::Code::Remote, why.reason));
            return;
        }
        break;
    case RoomState::Joined:
        break;
    case RoomState::Queued:
    case RoomState::NotJoined:
        return;
    }
    if (why.kind == MucLeave::Kind::Error
        && now() - r->lastAutoRejoin >= m_settings.autoRejoinIntervalMs) {
        // 333: removed after a technical problem; one rejoin, not a loop.
        r->lastAutoRejoin = now();
        ++m_stats.automaticRejoins;
        requeue(r);
        Q_EMIT roomRejoining(r->jid);
        pump();
        return;
    }
    roomGone(r, why);
}

void MucManager::roomGone(const RoomPtr &r, const MucLeave &why)
{
    const bool wasInFlight = m_pacer.isInFlight(r->jid);
    forget(r);
    if (r->nickPromise)
        std::exchange(r->nickPromise, std::nullopt)->finish(MucError::make(MucError::Code::NotJoined));
    const MucError gone = MucError::make(MucError::Code::NotJoined, why.reason);
    for (Promise<MucJoined, MucError> p : std::exchange(r->joinPromises, {}))
        p.finish(gone);
    if (r->createPromise)
        std::exchange(r->createPromise, std::nullopt)->finish(gone);
    Q_EMIT roomLeft(r->jid, why);
    if (wasInFlight)
        pump();
}

void MucManager::handleOccupantPresence(const RoomPtr &r, const PresenceInfo &info)
{
    if (r->state == RoomState::Joining) {
        // Someone left while the list was still coming in.
        r->occupants.remove(info.occupant.nick);
        return;
    }
    if (info.type == u"unavailable") {
        if (info.codes.contains(303) && !info.newNick.isEmpty()) {
            MucOccupant o = r->occupants.take(info.occupant.nick);
            if (o.nick.isEmpty())
                o = info.occupant;
            o.nick = info.newNick;
            if (m_settings.trackOccupants)
                r->occupants.insert(o.nick, o);
            Q_EMIT occupantNickChanged(r->jid, info.occupant.nick, o);
            return;
        }
        MucOccupant o = r->occupants.take(info.occupant.nick);
        if (o.nick.isEmpty())
            o = info.occupant;
        o.role = MucRole::None;
        if (info.leave.kind == MucLeave::Kind::Banned)
            o.affiliation = MucAffiliation::Outcast;
        Q_EMIT occupantLeft(r->jid, o, info.leave);
        return;
    }
    if (info.occupant.affiliation == MucAffiliation::Outcast && info.occupant.role != MucRole::None)
        enforceBan(r, info.occupant.nick);
    if (!m_settings.trackOccupants)
        return;
    const auto it = r->occupants.constFind(info.occupant.nick);
    if (it == r->occupants.cend()) {
        r->occupants.insert(info.occupant.nick, info.occupant);
        Q_EMIT occupantJoined(r->jid, info.occupant);
        return;
    }
    if (*it == info.occupant)
        return;
    r->occupants.insert(info.occupant.nick, info.occupant);
    Q_EMIT occupantChanged(r->jid, info.occupant);
}

void MucManager::enforceBan(const RoomPtr &r, const QString &nick)
{
    // An outcast present in the room is a server fault: ejabberd 23.01 lets a banned
    // account back in a moderated room when it had been given a role before (it keeps
    // roles per account and prefers them to the ban). As a moderator, put them out.
    const auto self = r->occupants.constFind(r->nick);
    if (self == r->occupants.cend() || self->role != MucRole::Moderator || !connected())
        return;
    qCWarning(lcXmpp, "MUC %s: the banned occupant %s got in; removing them",
              qPrintable(r->jid.toString()), qPrintable(nick));
    ++m_stats.bansEnforced;
    setRole(r->jid, nick, MucRole::None, tr("Banned from this group"));
}

} // namespace chorus::xmpp
