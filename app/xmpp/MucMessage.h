#pragma once

#include "xmpp/Element.h"
#include "xmpp/Jid.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

namespace chorus::xmpp {

/// A message in a room, group-wide or private through the room, parsed from its
/// stanza. Only the XEP-0045 basics are read here; `stanza` keeps the original so the
/// message features (XEP-0359 ids, XEP-0308 corrections, XEP-0461 replies, XEP-0425
/// retractions) can be parsed from it by their own code.
struct MucMessage
{
    Jid room; ///< bare JID of the room
    QString nick; ///< sender's nick; empty for messages from the room itself
    QString occupantId; ///< XEP-0421, only where the room assigns occupant-ids
    Jid realJid; ///< sender's real JID when the room reveals it (from its occupant list)
    QString id; ///< the stanza's id attribute
    QString body;
    QString subject; ///< set with hasSubject for subject changes
    bool hasSubject = false;
    QDateTime delay; ///< XEP-0203 stamp (UTC), invalid when there is none
    bool isPrivate = false; ///< type chat: privately to or from one occupant
    bool outgoing = false; ///< sent by us (our own message reflected by the room)
    Element stanza;

    /// A room-wide subject message (XEP-0045 §8.1: <subject/> and no <body/>).
    bool isSubjectChange() const { return hasSubject && body.isEmpty(); }

    /// Reads a groupchat or private message from `room`; nullopt when the stanza is not
    /// a message from that room. Occupant-ids are read only when `trustOccupantIds`
    /// (the room assigns them itself; otherwise a sender could forge one).
    static std::optional<MucMessage> fromStanza(const Element &stanza, bool trustOccupantIds);
};

/// The XEP-0203 delay stamp of a stanza (UTC), invalid when absent or malformed.
QDateTime delayStamp(const Element &stanza);

} // namespace chorus::xmpp

Q_DECLARE_METATYPE(chorus::xmpp::MucMessage)
