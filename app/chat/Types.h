#pragma once

// Backend-neutral value types that features, the store and the UI share. They carry
// what the operator needs to know about groups, members and messages, not protocol
// detail; app/xmpp/ produces them through XmppChatService.

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace chorus::chat {

/// A member's standing in a group right now (XEP-0045 role).
enum class Role { None, Visitor, Participant, Moderator };
/// A member's long-term relation to a group (XEP-0045 affiliation).
enum class Affiliation { None, Outcast, Member, Admin, Owner };
/// Availability as shown next to a member.
enum class Presence { Offline, Online, Chat, Away, ExtendedAway, DoNotDisturb };

QString toString(Role role);
QString toString(Affiliation affiliation);
QString toString(Presence presence);
Role roleFromString(const QString &text);
Affiliation affiliationFromString(const QString &text);
Presence presenceFromString(const QString &text);

/// How a person is recognised across groups. Nicknames hide accounts, so the real JID
/// is known only where the room reveals it; otherwise the XEP-0421 occupant-id is stable
/// within one room, and the nickname is the last resort.
struct PersonKey
{
    enum class Basis { RealJid, OccupantId, Nick };
    Basis basis = Basis::Nick;
    QString value; ///< "jid:alice@example.org", "occ:<room>/<occupant-id>", "nick:<room>/<nick>"

    static PersonKey of(const QString &groupId, const QString &realJid, const QString &occupantId,
                        const QString &nick);
    bool isValid() const { return !value.isEmpty(); }
    friend bool operator==(const PersonKey &, const PersonKey &) = default;
};

/// One occupant of a group as the operator sees it.
struct Member
{
    QString groupId;    ///< bare JID of the room
    QString nick;
    QString occupantId; ///< XEP-0421, empty when the room does not assign one
    QString realJid;    ///< bare real JID, empty when the room hides it
    Role role = Role::None;
    Affiliation affiliation = Affiliation::None;
    Presence presence = Presence::Offline;
    QString statusText;
    QDateTime joinedAt; ///< UTC; first time seen in this group

    PersonKey person() const { return PersonKey::of(groupId, realJid, occupantId, nick); }
    friend bool operator==(const Member &, const Member &) = default;
};

/// A file shared in a message (XEP-0363 upload URL, with what is known about it).
struct Attachment
{
    QUrl url;
    QString mimeType;
    qint64 size = -1;
    QString fileName;
    QSize dimensions; ///< images only, when announced
    friend bool operator==(const Attachment &, const Attachment &) = default;
};

enum class MessageKind {
    GroupChat, ///< to everyone in the group
    Private,   ///< to or from one member, privately through the room
};

/// A message in a group, live or from the archive. Corrections, replies and
/// retractions are messages too: they reference the message they act on.
struct Message
{
    QString groupId;   ///< bare JID of the room
    QString stanzaId;  ///< XEP-0359 stanza-id given by the archive; empty until known
    QString archiveId; ///< the archive that gave stanzaId (the room's JID for group messages)
    QString originId;  ///< XEP-0359 origin-id given by the sender
    QString id;        ///< the stanza's id attribute
    MessageKind kind = MessageKind::GroupChat;
    bool outgoing = false;

    QString senderNick;
    QString senderOccupantId;
    QString senderRealJid;
    QString recipientNick; ///< private messages only

    QString body;
    QDateTime timestamp; ///< UTC; the XEP-0203 delay stamp when there is one

    QString replacesId;  ///< XEP-0308: corrects the message with this id
    QString replyToId;   ///< XEP-0461: answers the message with this id
    QString replyToNick; ///< and addresses its author
    QString retractsId;  ///< XEP-0425: a moderator retracts the message with this stanza-id
    QString retractionReason;

    QList<Attachment> attachments;

    bool isCorrection() const { return !replacesId.isEmpty(); }
    bool isRetraction() const { return !retractsId.isEmpty(); }
    PersonKey sender() const
    {
        return PersonKey::of(groupId, senderRealJid, senderOccupantId, senderNick);
    }
    friend bool operator==(const Message &, const Message &) = default;
};

/// Room settings Chorus manages (XEP-0045 configuration form).
struct GroupConfig
{
    QString name;
    QString description;
    bool membersOnly = false;
    int maxUsers = 500;           ///< hard cap; 0 means the server's default
    bool persistent = true;
    bool isPublic = false;        ///< listed in the service's room directory
    bool realJidsToModerators = true; ///< whois = moderators (else anyone)
    int historyLength = 0;        ///< messages a newcomer gets on join (0: none)
    bool archived = true;         ///< MAM on
    bool membersCanInvite = true;
    friend bool operator==(const GroupConfig &, const GroupConfig &) = default;
};

/// How new members get in: the seeds' rules of a trusted group.
struct JoinPolicy
{
    int openInviteThreshold = 100;   ///< at this many members the room becomes members-only
    int hardCap = 500;               ///< maxusers
    bool newcomersSeeHistory = false;
    bool inviteClosed = false;       ///< the open invite reached its threshold
    friend bool operator==(const JoinPolicy &, const JoinPolicy &) = default;
};

/// A group the operator runs: one of the account's bookmarks, plus what Chorus keeps.
struct Group
{
    QString id;       ///< bare JID of the room
    QString name;     ///< bookmark or room name shown in the list
    QString nick;     ///< the operator's nick in this group
    bool autojoin = true;
    QString subject;
    QStringList tags; ///< operator's tags: destination, class, cohort...
    QString timeZone; ///< IANA id; the group's local time for schedules and templates
    GroupConfig config;
    JoinPolicy policy;
    friend bool operator==(const Group &, const Group &) = default;
};

} // namespace chorus::chat

Q_DECLARE_METATYPE(chorus::chat::Member)
Q_DECLARE_METATYPE(chorus::chat::Message)
Q_DECLARE_METATYPE(chorus::chat::Group)
