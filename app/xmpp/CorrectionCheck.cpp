#include "xmpp/CorrectionCheck.h"

namespace chorus::xmpp {

MessageAuthor MessageAuthor::of(const ParsedMessage &message, const Jid &ownJid)
{
    MessageAuthor author;
    if (message.isGroupChat()) {
        author.conversation = message.from.bare();
        author.sender = message.from;
        author.occupantId = message.occupantId;
    } else if (message.mucUser && message.from.bare() != ownJid.bare()) {
        // A private message through a room: the occupant's room/nick is the peer.
        author.conversation = message.from;
        author.sender = message.from;
        author.occupantId = message.occupantId;
    } else if (message.from.bare() == ownJid.bare()) {
        // Sent by us (a sent carbon, or our archive): the conversation is the peer.
        author.conversation = message.mucUser ? message.to : message.to.bare();
        author.sender = ownJid.bare();
    } else {
        author.conversation = message.from.bare();
        author.sender = message.from.bare();
    }
    return author;
}

CorrectionVerdict checkCorrection(const MessageAuthor &original, const ParsedMessage &correction,
                                  const Jid &ownJid, bool roomAssignsOccupantIds)
{
    if (correction.correctionRefused)
        return CorrectionVerdict::SelfReference;
    if (correction.replaceId.isEmpty())
        return CorrectionVerdict::NotACorrection;
    const MessageAuthor author = MessageAuthor::of(correction, ownJid);
    if (author.conversation != original.conversation)
        return CorrectionVerdict::OtherConversation;
    if (roomAssignsOccupantIds && (correction.isGroupChat() || correction.mucUser)
        && author.sender.bare() != ownJid.bare()) {
        // The room strips forged occupant-ids, so they identify the person even across
        // nick changes; a missing one on either side proves nothing.
        if (original.occupantId.isEmpty() || author.occupantId != original.occupantId)
            return CorrectionVerdict::OtherSender;
        return CorrectionVerdict::Accepted;
    }
    return author.sender == original.sender ? CorrectionVerdict::Accepted
                                            : CorrectionVerdict::OtherSender;
}

RecentMessages::RecentMessages(const Jid &ownJid, int capacityPerConversation)
    : m_ownJid(ownJid), m_capacity(qMax(1, capacityPerConversation))
{
}

void RecentMessages::remember(const ParsedMessage &message)
{
    const MessageAuthor author = MessageAuthor::of(message, m_ownJid);
    if (!author.conversation.isValid())
        return;
    Conversation &c = m_conversations[author.conversation];
    for (const QString &id : {message.id, message.originId}) {
        if (id.isEmpty() || c.authors.contains(id))
            continue; // the first sender of an id keeps it: a later reuse cannot take it over
        c.authors.insert(id, author);
        c.order.append(id);
    }
    while (c.order.size() > m_capacity)
        c.authors.remove(c.order.takeFirst());
}

std::optional<MessageAuthor> RecentMessages::author(const Jid &conversation,
                                                    const QString &id) const
{
    const auto c = m_conversations.constFind(conversation);
    if (c == m_conversations.cend())
        return std::nullopt;
    const auto a = c->authors.constFind(id);
    if (a == c->authors.cend())
        return std::nullopt;
    return *a;
}

CorrectionVerdict RecentMessages::check(const ParsedMessage &correction,
                                        bool roomAssignsOccupantIds) const
{
    if (correction.correctionRefused)
        return CorrectionVerdict::SelfReference;
    if (correction.replaceId.isEmpty())
        return CorrectionVerdict::NotACorrection;
    const MessageAuthor author = MessageAuthor::of(correction, m_ownJid);
    const auto original = this->author(author.conversation, correction.replaceId);
    if (!original)
        return CorrectionVerdict::OriginalUnknown;
    return checkCorrection(*original, correction, m_ownJid, roomAssignsOccupantIds);
}

} // namespace chorus::xmpp
