#pragma once

// MucManager's per-room state and presence parsing, shared by its .cpp files.

#include "xmpp/MucManager.h"

#include <QSet>

#include <limits>

namespace chorus::xmpp {

struct MucManager::Room
{
    Jid jid; ///< bare
    QString requestedNick;
    QString nick; ///< the nick we use or are trying
    QString password;
    bool resolveNickConflict = true;
    RoomState state = RoomState::Queued;
    int order = 0; ///< priority: lower joins first (rejoins keep it)

    // Joining.
    int nickAttempt = 0;
    qint64 joinDeadline = 0;
    bool timedOut = false; ///< reported as Timeout; a late answer still counts
    bool awaitingConfig = false; ///< 201: configuring before the join counts as done
    int occupantCount = 0; ///< presences seen while joining (for the pacer)
    MucJoined joined;
    QList<Promise<MucJoined, MucError>> joinPromises;
    bool createFlow = false;
    MucRoomConfig createConfig;
    std::optional<Promise<MucCreated, MucError>> createPromise;

    // Leaving and nick changes.
    qint64 leaveDeadline = 0;
    QList<Promise<Done, MucError>> leavePromises;
    QString pendingNick;
    qint64 nickDeadline = 0;
    std::optional<Promise<Done, MucError>> nickPromise;

    // Contents.
    bool occupantIdsTrusted = false; ///< our own presence carried one: the room assigns them
    QHash<QString, MucOccupant> occupants; ///< by nick, ourselves included
    QString subject;

    // Liveness.
    qint64 lastActivity = 0;
    bool pingInFlight = false;
    qint64 lastAutoRejoin = std::numeric_limits<qint64>::min() / 2;
};

/// One MUC presence, read once.
struct MucManager::PresenceInfo
{
    Jid from;
    QString type; ///< empty (available), unavailable, error
    MucOccupant occupant;
    QSet<int> codes;
    QString newNick; ///< 303
    MucLeave leave; ///< for unavailable presences
    bool hasOccupantId = false;

    bool isSelf(const QString &ourNick) const
    {
        return codes.contains(110) || (!ourNick.isEmpty() && occupant.nick == ourNick);
    }
    static PresenceInfo parse(const Element &presence, bool trustOccupantIds);
};

} // namespace chorus::xmpp
