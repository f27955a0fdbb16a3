#pragma once

#include "xmpp/Jid.h"
#include "xmpp/ParsedMessage.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace chorus::xmpp {

/// Whether a XEP-0308 correction may replace the message it names.
enum class CorrectionVerdict {
    Accepted,
    NotACorrection, ///< no <replace/> (or it was refused while parsing)
    SelfReference, ///< replace id == its own id (CVE-2021-41055)
    OtherConversation, ///< the original is in another room or chat
    OtherSender, ///< another occupant (occupant-id) or another sender (JID)
    OriginalUnknown, ///< the original is not known here: the caller must look it up
};

/// Who wrote a message, as far as a later correction must match it.
struct MessageAuthor
{
    Jid conversation; ///< the room, the room/nick of a private message, or the peer's bare JID
    Jid sender; ///< room/nick in a room; the sender's bare JID otherwise
    QString occupantId; ///< XEP-0421, when the room assigns them

    /// The author of `message`; `ownJid` tells our own sent messages (carbons) apart.
    static MessageAuthor of(const ParsedMessage &message, const Jid &ownJid);
    friend bool operator==(const MessageAuthor &, const MessageAuthor &) = default;
};

/// Checks a correction against the author of the original: same conversation, and the
/// same occupant-id where the room assigns them (`roomAssignsOccupantIds`: it advertises
/// urn:xmpp:occupant-id:0), else the same room/nick (or the same bare JID outside rooms).
CorrectionVerdict checkCorrection(const MessageAuthor &original, const ParsedMessage &correction,
                                  const Jid &ownJid, bool roomAssignsOccupantIds);

/// The authors of recent messages by id (and origin-id), per conversation, so that
/// corrections can be checked where the original is in memory (a MAM run, live
/// traffic). Bounded: the oldest entries of a conversation are forgotten first.
class RecentMessages
{
public:
    explicit RecentMessages(const Jid &ownJid = {}, int capacityPerConversation = 1000);
    void setOwnJid(const Jid &ownJid) { m_ownJid = ownJid; }

    /// Records `message` as a possible original (corrections are recorded too: the XEP
    /// says a correction names the first message, but some clients chain them).
    void remember(const ParsedMessage &message);
    std::optional<MessageAuthor> author(const Jid &conversation, const QString &id) const;
    /// checkCorrection() against the remembered original, or OriginalUnknown.
    CorrectionVerdict check(const ParsedMessage &correction, bool roomAssignsOccupantIds) const;
    void clear() { m_conversations.clear(); }

private:
    struct Conversation
    {
        QHash<QString, MessageAuthor> authors;
        QList<QString> order; ///< insertion order, for eviction
    };
    Jid m_ownJid;
    int m_capacity;
    QHash<Jid, Conversation> m_conversations;
};

} // namespace chorus::xmpp
