#pragma once

#include "xmpp/Element.h"
#include "xmpp/Jid.h"
#include "xmpp/ParsedMessage.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace chorus::xmpp {

/// What to send; buildMessage() turns it into a <message/> with the XEP elements.
struct MessageDraft
{
    Jid to; ///< the room (group chat), room/nick (private through the room) or a JID
    ParsedMessage::Type type = ParsedMessage::Type::GroupChat;
    QString id; ///< also the XEP-0359 origin-id; use Client::generateId()
    QString body;
    QString replaceId; ///< XEP-0308: corrects our message with this id
    std::optional<ReplyReference> reply; ///< XEP-0461
    /// For clients without XEP-0461: the quoted text and its author, sent as a
    /// "> nick: text" prefix marked as fallback (XEP-0428) so ours strip it again.
    QString replyQuote;
    QString replyQuoteNick;
    QList<OobLink> links; ///< XEP-0066 (e.g. an upload's GET URL; put it in the body too)
    bool privateThroughRoom = false; ///< adds the muc#user <x/> (XEP-0045 private message)
};

/// The message stanza for `draft`.
Element buildMessage(const MessageDraft &draft);

/// The XEP-0425 versions a room may speak.
enum class ModerationVersion { V02, V03 };
/// The version to use with a room from its disco#info features; nullopt when it
/// supports neither (then moderation cannot be requested).
std::optional<ModerationVersion> moderationVersion(const QStringList &roomFeatures);
/// The iq (type set) asking `room` to retract the message with `stanzaId`.
Element buildModerationRequest(const Jid &room, const QString &stanzaId, const QString &reason,
                               ModerationVersion version);

/// XEP-0280: the iq that enables (or disables) carbons for this resource.
Element buildCarbonsRequest(bool enable);

} // namespace chorus::xmpp
