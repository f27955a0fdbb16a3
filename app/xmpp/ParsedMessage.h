#pragma once

#include "xmpp/Element.h"
#include "xmpp/Jid.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace chorus::xmpp {

/// What the parser must know to decide which claims in a message to trust.
struct MessageContext
{
    Jid ownJid; ///< our account (bare or full)
    /// Set when the message was unwrapped from an archive result (XEP-0313): the
    /// archive that was queried (the room, or our own bare JID), the result's id (the
    /// message's stanza-id in that archive) and the result's delay stamp.
    Jid archive;
    QString archiveId;
    QDateTime archiveStamp;
};

/// XEP-0066 out-of-band data: the URL of an attachment (http and https only).
struct OobLink
{
    QUrl url;
    QString description;
    friend bool operator==(const OobLink &, const OobLink &) = default;
};

/// XEP-0461: the message answers another one. For group chats `id` is the stanza-id
/// the room gave the original; `to` is its author (room/nick), when the sender said.
struct ReplyReference
{
    Jid to;
    QString id;
    friend bool operator==(const ReplyReference &, const ReplyReference &) = default;
};

/// XEP-0425: a moderator had the room retract a message. Only taken from the room
/// itself (a bare room JID as sender), never from an occupant.
struct Moderation
{
    QString stanzaId; ///< the retracted message's stanza-id (assigned by the room)
    QString reason;
    Jid moderator; ///< room/nick of the moderator, when the room says
    QString moderatorOccupantId;
    int version = 0; ///< 2: XEP-0425 v0.2 (fasten, moderate:0); 3: v0.3 (moderate:1)
    /// An archived message that the archive replaced by a tombstone; stanzaId is then
    /// the archive id of that message itself.
    bool tombstone = false;
    friend bool operator==(const Moderation &, const Moderation &) = default;
};

/// A message stanza reduced to what Chorus uses, with every trust decision made:
/// XEP-0359 ids, XEP-0308 corrections, XEP-0461 replies (fallback removed, XEP-0428),
/// XEP-0425 moderation, XEP-0203 delay, XEP-0066 links, XEP-0421 occupant-id.
///
/// Forwarded messages (XEP-0297) inside it are never unwrapped here: only the carbons
/// and archive managers do that, after checking who forwarded them.
struct ParsedMessage
{
    enum class Type { Normal, Chat, GroupChat, Headline, Error };
    enum class Carbon { None, Received, Sent };

    Type type = Type::Normal;
    Jid from;
    Jid to;
    QString id; ///< the stanza's id attribute
    QString originId; ///< XEP-0359 origin-id, set by the sender
    /// XEP-0359 stanza-id, only when given by the entity we trust for it: the archive
    /// queried (MAM), else the room for group chat messages, else our own account.
    QString stanzaId;
    Jid stanzaIdBy;
    QString occupantId; ///< XEP-0421; meaningful only where the room assigns them
    QString body; ///< without fallback parts (e.g. the quote of a reply)
    QString rawBody; ///< the body as sent
    QString subject;
    bool hasSubject = false; ///< a <subject/> element, possibly empty (MUC subject change)
    QString thread;
    QDateTime stamp; ///< XEP-0203 delay (UTC); invalid for live messages without one
    Jid delayFrom;
    QString replaceId; ///< XEP-0308: corrects the message with this id
    bool correctionRefused = false; ///< a correction of itself (CVE-2021-41055), ignored
    std::optional<ReplyReference> reply;
    std::optional<Moderation> moderation;
    QList<OobLink> links;
    bool mucUser = false; ///< carries a muc#user <x/>: private message through a room
    Carbon carbon = Carbon::None; ///< set by the carbons manager
    Jid archive; ///< the archive it came from (MAM), invalid for live messages
    QString errorCondition; ///< type error: the RFC 6120 condition
    QStringList ignored; ///< claims that were not trusted (for logs and tests)
    Element stanza; ///< the message itself (the inner one for carbons and archive results)

    bool isGroupChat() const { return type == Type::GroupChat; }
    bool isCorrection() const { return !replaceId.isEmpty(); }
    bool isFromArchive() const { return archive.isValid(); }
    /// The room of a group chat message or of a private message through a room.
    Jid room() const;
    /// The sender's nickname in the room (the resource of `from`).
    QString nick() const { return from.resource(); }
    /// True when it carries something to show or act on (not only a chat state).
    bool hasContent() const;

    /// Parses a <message/>; nullopt when `stanza` is not a message.
    static std::optional<ParsedMessage> fromStanza(const Element &stanza,
                                                   const MessageContext &context);
};

/// The UTF-16 index of code point number `codePoints` in `text` (XEP-0426 counts
/// characters as code points), or -1 when the text is shorter.
qsizetype utf16Index(QStringView text, qsizetype codePoints);
/// The number of code points in `text`.
qsizetype codePointCount(QStringView text);

} // namespace chorus::xmpp

Q_DECLARE_METATYPE(chorus::xmpp::ParsedMessage)
