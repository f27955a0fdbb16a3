#pragma once

// Value types of multi-user chat (XEP-0045) as MucManager reports them: occupants,
// typed errors, why someone left, invitations. Messages are in MucMessage.h.

#include "xmpp/Element.h"
#include "xmpp/Error.h"
#include "xmpp/Jid.h"
#include "xmpp/Namespaces.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace chorus::xmpp {

/// An occupant's standing in a room right now (XEP-0045 §5.1).
enum class MucRole { None, Visitor, Participant, Moderator };
/// An occupant's long-term relation to a room (XEP-0045 §5.2).
enum class MucAffiliation { None, Outcast, Member, Admin, Owner };

QString toString(MucRole role);
QString toString(MucAffiliation affiliation);
/// Unknown text gives nullopt (so a malformed item is not taken for "none").
std::optional<MucRole> mucRoleFromString(QStringView text);
std::optional<MucAffiliation> mucAffiliationFromString(QStringView text);

/// One person in a room, as the room presents them.
struct MucOccupant
{
    QString nick;
    MucRole role = MucRole::None;
    MucAffiliation affiliation = MucAffiliation::None;
    Jid realJid; ///< full or bare real JID; invalid when the room hides it
    QString occupantId; ///< XEP-0421; only set where the room itself assigns them
    QString show; ///< RFC 6121 <show/>: empty (available), away, chat, dnd, xa
    QString status; ///< presence status text
    bool isSelf = false;
    friend bool operator==(const MucOccupant &, const MucOccupant &) = default;
};

/// Why a room request failed, in terms the operator can act on.
struct MucError
{
    enum class Code {
        NotConnected, ///< no session; nothing was sent
        Timeout, ///< the room did not answer in time
        NotJoined, ///< the request needs us in the room
        RegistrationRequired, ///< members-only room, and we are not a member
        Banned, ///< we are an outcast of the room (forbidden on join)
        RoomFull, ///< the room reached its maximum number of occupants
        ServerLimit, ///< a server limit refused it (e.g. ejabberd max_user_conferences)
        PasswordRequired, ///< the room has a password and ours was missing or wrong
        NickConflict, ///< the nickname is taken (after our bounded retries)
        NickNotAcceptable, ///< the room wants another nickname (reserved, malformed, too long)
        NotAllowed, ///< the room or server does not allow it (e.g. room creation)
        Forbidden, ///< we lack the privileges (e.g. not a moderator or owner)
        NotFound, ///< no such room, occupant or item (or the room is locked)
        Invalid, ///< the request was malformed (bad input or a bug)
        Cancelled, ///< we gave up on it (left the room, or the session ended)
        Remote, ///< any other error from the server; see condition and text
    };
    Code code = Code::Remote;
    QString condition; ///< the stanza error condition, when the server gave one
    QString text; ///< the server's own <text/>, untranslated

    /// A translated sentence for the operator, with the server's text when it has one.
    QString message() const;
    static QString describe(Code code);

    /// What the failed stanza was for: conditions mean different things on a join
    /// (XEP-0045 §7.2: forbidden = banned, service-unavailable = full), on a message
    /// (not-acceptable = not in the room) and on an admin or owner request.
    enum class Context { Join, Message, Request };
    /// Maps an error stanza (presence, message or iq) to a code.
    static MucError fromStanza(const Element &stanza, Context context);
    static MucError fromIqError(const IqError &error);
    static MucError make(Code code, const QString &text = {}) { return {code, {}, text}; }
};

/// Why we or another occupant left a room (XEP-0045 status codes and <destroy/>).
struct MucLeave
{
    enum class Kind {
        Left, ///< left on their own (or, for us, on request)
        Kicked, ///< 307
        Banned, ///< 301
        AffiliationChanged, ///< 321: removed because the affiliation changed
        MembersOnly, ///< 322: the room became members-only
        Shutdown, ///< 332: the service is shutting down
        Error, ///< 333: removed after a technical problem
        Destroyed, ///< the room was destroyed (see alternateVenue)
        Dropped, ///< for us: the room no longer knows us (self-ping) or never answered
    };
    Kind kind = Kind::Left;
    QString reason; ///< <reason/> of the item or of <destroy/>
    QString actor; ///< nick (or JID) of the moderator who acted, when the room says
    Jid alternateVenue; ///< Destroyed: the room to go to instead, if any
    QString alternatePassword;
};

/// An invitation to a room: mediated (XEP-0045 §7.8.2, through the room) or direct
/// (XEP-0249, from the inviter's account).
struct MucInvitation
{
    Jid room;
    Jid inviter; ///< for mediated invitations, as the room reports it
    QString reason;
    QString password;
    bool direct = false;
    bool continuesThread = false;
    QString thread;
};

/// One entry of an affiliation list (XEP-0045 §9.1, §10.5).
struct MucAffiliationItem
{
    Jid jid;
    MucAffiliation affiliation = MucAffiliation::None;
    QString nick; ///< the registered or current nick, when the room gives one
    QString reason;
    friend bool operator==(const MucAffiliationItem &, const MucAffiliationItem &) = default;
};

/// A request to join one room. The list order of joinRooms() is the priority.
struct MucJoinRequest
{
    Jid room; ///< bare JID of the room
    QString nick;
    QString password;
    /// On a nickname conflict, retry with a suffix ("nick_2", ...) a bounded number of
    /// times. Off when the operator chose the nickname explicitly for this room.
    bool resolveNickConflict = true;
};

/// How a join ended well.
struct MucJoined
{
    Jid room;
    QString nick; ///< the nickname we got (after conflict resolution or 210)
    bool created = false; ///< 201: our join created the room
    bool nickAssigned = false; ///< 210: the service changed our nickname
    bool nonAnonymous = false; ///< 100/172: occupants' real JIDs are visible to everyone
};

} // namespace chorus::xmpp

Q_DECLARE_METATYPE(chorus::xmpp::MucOccupant)
Q_DECLARE_METATYPE(chorus::xmpp::MucError)
Q_DECLARE_METATYPE(chorus::xmpp::MucLeave)
Q_DECLARE_METATYPE(chorus::xmpp::MucInvitation)
Q_DECLARE_METATYPE(chorus::xmpp::MucJoined)
