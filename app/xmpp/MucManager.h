#pragma once

#include "core/Expected.h"
#include "xmpp/DataForm.h"
#include "xmpp/Extension.h"
#include "xmpp/MucJoinPacer.h"
#include "xmpp/MucMessage.h"
#include "xmpp/MucRoomConfig.h"
#include "xmpp/MucTypes.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <memory>

namespace chorus::xmpp {

/// What configure() could not apply exactly (see MucRoomConfig::Submission).
struct MucConfigured
{
    QStringList unsupported; ///< settings the server has no field for
    QStringList adjusted; ///< settings set to the nearest value the server allows
};

/// How createRoom() ended: the join, and whether our configuration went in.
struct MucCreated
{
    MucJoined joined;
    bool existed = false; ///< the room was already there: joined, configuration untouched
    MucConfigured configured;
};

/// Multi-user chat (XEP-0045) on a Client: joins many rooms at once, keeps each room's
/// occupants, parses room messages, moderates and configures rooms, invites.
///
/// Joins go out in priority order with a bounded, room-size-aware number in flight
/// (MucJoinPacer) and ask the server nothing that can wait: no history (maxstanzas=0;
/// history comes from the archive), no caps, no disco, no member lists. When a server
/// limit refuses a join (e.g. ejabberd's max_user_conferences), joining stops and
/// joinLimitReached() says exactly which rooms were refused and which were not tried;
/// nothing is retried by itself. Rooms are rejoined after a fresh session, never after
/// a resumed one. Idle rooms are checked with XEP-0410 self-pings and rejoined when the
/// server dropped us.
class MucManager : public QObject, public Extension
{
    Q_OBJECT
public:
    struct Settings
    {
        MucJoinPacer::Limits pacing;
        int joinTimeoutMs = 60000; ///< no answer to a join: reported as Timeout
        int leaveTimeoutMs = 10000;
        int maxNickRetries = 3; ///< "nick_2", "nick_3"... on a conflict while joining
        int selfPingIdleMs = 10 * 60 * 1000; ///< ping rooms silent this long; 0: never
        int selfPingTimeoutMs = 60000;
        int maxSelfPingsInFlight = 4;
        int autoRejoinIntervalMs = 60000; ///< at most one automatic rejoin per room this often
        /// Keep other occupants (off for simulators that only need to be in rooms).
        bool trackOccupants = true;
    };

    /// Counters for tests and benchmarks.
    struct Stats
    {
        int joinPresencesSent = 0;
        int peakInFlight = 0;
        int selfPingsSent = 0;
        int automaticRejoins = 0;
        int bansEnforced = 0; ///< outcasts the server let in, removed by us
    };

    enum class RoomState { NotJoined, Queued, Joining, Joined, Leaving };
    Q_ENUM(RoomState)

    explicit MucManager(QObject *parent = nullptr);
    ~MucManager() override;

    void setSettings(const Settings &settings);
    const Settings &settings() const { return m_settings; }
    Stats stats() const;

    // --- Joining and leaving ---
    /// Queues joins in priority order (first = most urgent). Rooms already joined,
    /// joining or queued are skipped. Results come as roomJoined()/roomJoinFailed().
    void joinRooms(const QList<MucJoinRequest> &requests);
    /// Joins one room ahead of the queue.
    Task<MucJoined, MucError> join(const MucJoinRequest &request);
    /// Leaves (or stops joining) a room.
    Task<Done, MucError> leave(const Jid &room, const QString &status = {});
    Task<Done, MucError> changeNick(const Jid &room, const QString &nick);

    RoomState roomState(const Jid &room) const;
    /// Every room joined, joining, queued or leaving.
    QList<Jid> rooms() const;
    QList<Jid> joinedRooms() const;
    int queuedJoins() const { return m_pacer.queued(); }
    int joinsInFlight() const { return m_pacer.inFlight(); }
    /// Our nick in `room` (empty when not there).
    QString nick(const Jid &room) const;
    QString subject(const Jid &room) const;
    QList<MucOccupant> occupants(const Jid &room) const;
    std::optional<MucOccupant> occupant(const Jid &room, const QString &nick) const;
    std::optional<MucOccupant> self(const Jid &room) const;

    // --- Messages (return the stanza id, empty when it could not be sent) ---
    /// A groupchat message with an id and a matching XEP-0359 origin-id, not sent:
    /// callers add elements (replies, corrections) and send it with sendStanza().
    Element groupMessage(const Jid &room, const QString &body) const;
    QString sendMessage(const Jid &room, const QString &body);
    /// Sends a message, presence or iq on this manager's client.
    bool sendStanza(const Element &stanza);
    /// Privately to one occupant through the room: their account stays hidden from
    /// us, and ours from them.
    QString sendPrivateMessage(const Jid &room, const QString &nick, const QString &body);
    QString setSubject(const Jid &room, const QString &subject);

    // --- Invitations ---
    /// Mediated invitation through the room (members-only rooms let the invitee in).
    QString invite(const Jid &room, const Jid &invitee, const QString &reason = {});
    /// XEP-0249 direct invitation, from our account to theirs.
    QString inviteDirect(const Jid &room, const Jid &invitee, const QString &reason = {},
                         const QString &password = {});
    /// Declines a mediated invitation (direct ones have no decline).
    bool declineInvitation(const MucInvitation &invitation, const QString &reason = {});

    // --- Moderation (muc#admin) ---
    /// Kick = MucRole::None; voice = Participant; devoice = Visitor.
    Task<Done, MucError> setRole(const Jid &room, const QString &nick, MucRole role,
                                 const QString &reason = {});
    Task<Done, MucError> kick(const Jid &room, const QString &nick, const QString &reason = {})
    {
        return setRole(room, nick, MucRole::None, reason);
    }
    /// Ban = MucAffiliation::Outcast.
    Task<Done, MucError> setAffiliation(const Jid &room, const Jid &jid,
                                        MucAffiliation affiliation, const QString &reason = {});
    Task<Done, MucError> ban(const Jid &room, const Jid &jid, const QString &reason = {})
    {
        return setAffiliation(room, jid, MucAffiliation::Outcast, reason);
    }
    Task<QList<MucAffiliationItem>, MucError> affiliations(const Jid &room,
                                                           MucAffiliation affiliation);
    Task<Done, MucError> setAffiliations(const Jid &room, const QList<MucAffiliationItem> &items);

    // --- Configuration (muc#owner) ---
    Task<DataForm, MucError> configForm(const Jid &room);
    Task<MucRoomConfig, MucError> config(const Jid &room);
    /// Fetches the room's form, applies `config` to it and submits it.
    Task<MucConfigured, MucError> configure(const Jid &room, const MucRoomConfig &config);
    Task<Done, MucError> submitConfigForm(const Jid &room, const DataForm &form);
    /// Creates a room configured in one step: joins, and if the join created it (201)
    /// submits `config` before anyone else can enter. When the room already existed
    /// the result says so and its configuration is left alone.
    Task<MucCreated, MucError> createRoom(const MucJoinRequest &request,
                                          const MucRoomConfig &config);
    Task<Done, MucError> destroyRoom(const Jid &room, const QString &reason = {},
                                     const Jid &alternateVenue = {});

    // --- Extension ---
    bool handleStanza(const Element &stanza) override;
    void onSessionStarted(bool resumed) override;
    void onDisconnected() override;
    QStringList discoFeatures() const override;

Q_SIGNALS:
    void roomJoined(const chorus::xmpp::MucJoined &joined);
    void roomJoinFailed(const chorus::xmpp::Jid &room, const chorus::xmpp::MucError &error);
    /// A server limit refused joins: `refused` were tried and refused, `notAttempted`
    /// were still queued and were not tried. Emitted once per limit episode.
    void joinLimitReached(const QList<chorus::xmpp::Jid> &refused,
                          const QList<chorus::xmpp::Jid> &notAttempted,
                          const chorus::xmpp::MucError &error);
    /// Nothing is queued or in flight any more.
    void joinsSettled();
    /// We are out of the room (left, kicked, banned, destroyed, shut down...).
    void roomLeft(const chorus::xmpp::Jid &room, const chorus::xmpp::MucLeave &why);
    /// The room dropped us (self-ping, status 333, fresh session): joining again.
    void roomRejoining(const chorus::xmpp::Jid &room);
    void occupantJoined(const chorus::xmpp::Jid &room, const chorus::xmpp::MucOccupant &occupant);
    /// Role, affiliation or presence changed (also for ourselves).
    void occupantChanged(const chorus::xmpp::Jid &room,
                         const chorus::xmpp::MucOccupant &occupant);
    void occupantNickChanged(const chorus::xmpp::Jid &room, const QString &oldNick,
                             const chorus::xmpp::MucOccupant &occupant);
    void occupantLeft(const chorus::xmpp::Jid &room, const chorus::xmpp::MucOccupant &occupant,
                      const chorus::xmpp::MucLeave &why);
    void subjectChanged(const chorus::xmpp::Jid &room, const QString &subject,
                        const QString &nick);
    /// The room announced a configuration change (status 104, 170-174).
    void configChanged(const chorus::xmpp::Jid &room, const QList<int> &statusCodes);
    /// A groupchat message (subject changes come as subjectChanged()).
    void messageReceived(const chorus::xmpp::MucMessage &message);
    void privateMessageReceived(const chorus::xmpp::MucMessage &message);
    /// The room bounced a message we sent (id is ours).
    void messageFailed(const chorus::xmpp::Jid &room, const QString &id,
                       const chorus::xmpp::MucError &error);
    void invitationReceived(const chorus::xmpp::MucInvitation &invitation);
    void invitationDeclined(const chorus::xmpp::Jid &room, const chorus::xmpp::Jid &invitee,
                            const QString &reason);

private:
    struct Room;
    using RoomPtr = std::shared_ptr<Room>;
    struct PresenceInfo;

    // Joining (MucManager.cpp).
    RoomPtr addRoom(const MucJoinRequest &request);
    RoomPtr room(const Jid &jid) const;
    void pump();
    void sendJoin(const RoomPtr &room);
    void joinSelfPresence(const RoomPtr &room, const PresenceInfo &info);
    void finishJoin(const RoomPtr &room);
    void failJoin(const RoomPtr &room, const MucError &error);
    void settleLimit();
    void forget(const RoomPtr &room);
    void requeue(const RoomPtr &room);
    void onTick();
    void updateTicking();
    qint64 now() const { return m_clock.elapsed(); }
    bool connected() const;

    // Presence (MucPresence.cpp).
    bool handlePresence(const Element &presence);
    void handleErrorPresence(const RoomPtr &room, const Element &presence);
    void handleSelfUnavailable(const RoomPtr &room, const PresenceInfo &info);
    void handleOccupantPresence(const RoomPtr &room, const PresenceInfo &info);
    void roomGone(const RoomPtr &room, const MucLeave &why);
    void enforceBan(const RoomPtr &room, const QString &nick);

    // Messages and invitations (MucMessages.cpp).
    bool handleMessage(const Element &message);
    bool handleInvitation(const Element &message);
    Element baseMessage(const Jid &to, const QString &type) const;

    // Requests and self-ping (MucRequests.cpp).
    Task<Done, MucError> adminSet(const Jid &room, const Element &item);
    void configureCreated(const RoomPtr &room);
    void submitInstant(const RoomPtr &room);
    void selfPing(const RoomPtr &room);
    void checkIdleRooms();

    Settings m_settings;
    MucJoinPacer m_pacer;
    QHash<Jid, RoomPtr> m_rooms;
    int m_nextOrder = 0;
    QElapsedTimer m_clock;
    QTimer m_tick;
    int m_pingsInFlight = 0;
    Stats m_stats;
    QList<Jid> m_limitRefused;
    MucError m_limitError;
    bool m_settledEmitted = true;
};

} // namespace chorus::xmpp
