#include "xmpp/MucMessage.h"

#include "xmpp/MucTypes.h"
#include "xmpp/Namespaces.h"

using namespace Qt::StringLiterals;

namespace chorus::xmpp {

QDateTime delayStamp(const Element &stanza)
{
    const QString stamp = stanza.child(u"delay", ns::Delay).attribute(u"stamp");
    if (stamp.isEmpty() || stamp.size() > 64)
        return {};
    QDateTime t = QDateTime::fromString(stamp, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(stamp, Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

std::optional<MucMessage> MucMessage::fromStanza(const Element &stanza, bool trustOccupantIds)
{
    if (!stanza.is(u"message", ns::Client))
        return std::nullopt;
    const Jid from = Jid::fromString(stanza.attribute(u"from"));
    if (!from.isValid() || from.node().isEmpty())
        return std::nullopt;
    const QString type = stanza.attribute(u"type");
    MucMessage m;
    m.room = from.bare();
    m.nick = from.resource();
    m.id = stanza.attribute(u"id");
    m.isPrivate = type == u"chat";
    if (type != u"groupchat" && !m.isPrivate)
        return std::nullopt;
    if (m.isPrivate && m.nick.isEmpty())
        return std::nullopt; // a private message comes from an occupant, never the room
    m.body = stanza.childText(u"body", ns::Client);
    const Element subject = stanza.child(u"subject", ns::Client);
    if (!subject.isNull()) {
        m.hasSubject = true;
        m.subject = subject.text();
    }
    if (trustOccupantIds)
        m.occupantId = stanza.child(u"occupant-id", ns::OccupantId).attribute(u"id").left(256);
    m.delay = delayStamp(stanza);
    m.stanza = stanza;
    return m;
}

} // namespace chorus::xmpp
