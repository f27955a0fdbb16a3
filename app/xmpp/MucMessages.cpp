// MucManager: room messages, private messages through the room, subjects,
// invitations (mediated and XEP-0249).
#include "xmpp/MucManager.h"

#include "xmpp/Client.h"
#include "xmpp/Logging.h"
#include "xmpp/MucManager_p.h"
#include "xmpp/Namespaces.h"

using namespace Qt::StringLiterals;

namespace chorus::xmpp {
namespace {

QList<int> statusCodes(const Element &x)
{
    QList<int> codes;
    for (const Element &status : x.children(u"status", ns::MucUser)) {
        bool ok = false;
        const int code = status.attribute(u"code").toInt(&ok);
        if (ok && codes.size() < 32)
            codes.append(code);
    }
    return codes;
}

bool isConfigChange(const QList<int> &codes)
{
    for (int c : codes) {
        if (c == 104 || (c >= 170 && c <= 174))
            return true;
    }
    return false;
}

} // namespace

Element MucManager::baseMessage(const Jid &to, const QString &type) const
{
    Element message(u"message"_s, ns::Client);
    message.setAttribute(u"to"_s, to.toString());
    if (!type.isEmpty())
        message.setAttribute(u"type"_s, type);
    message.setAttribute(u"id"_s, client() ? client()->generateId() : QString());
    return message;
}

Element MucManager::groupMessage(const Jid &room, const QString &body) const
{
    Element message = baseMessage(room.bare(), u"groupchat"_s);
    message.appendTextChild(u"body"_s, ns::Client, body);
    // The origin-id lets us recognise our own message when the room reflects it.
    message.appendChild(Element(u"origin-id"_s, ns::StanzaId)
                            .setAttribute(u"id"_s, message.attribute(u"id")));
    return message;
}

QString MucManager::sendMessage(const Jid &jid, const QString &body)
{
    RoomPtr r = room(jid);
    if (!r || r->state != RoomState::Joined || !connected())
        return {};
    const Element message = groupMessage(r->jid, body);
    if (!client()->send(message))
        return {};
    r->lastActivity = now();
    return message.attribute(u"id");
}

QString MucManager::sendPrivateMessage(const Jid &jid, const QString &nick, const QString &body)
{
    RoomPtr r = room(jid);
    const Jid to = r ? r->jid.withResource(nick) : Jid();
    if (!r || r->state != RoomState::Joined || !to.isValid() || !connected())
        return {};
    Element message = baseMessage(to, u"chat"_s);
    message.appendTextChild(u"body"_s, ns::Client, body);
    // XEP-0045 §7.5: marks it as a private message through the room, so clients and
    // carbons treat it as such.
    message.appendChild(Element(u"x"_s, ns::MucUser));
    message.appendChild(Element(u"origin-id"_s, ns::StanzaId)
                            .setAttribute(u"id"_s, message.attribute(u"id")));
    return client()->send(message) ? message.attribute(u"id") : QString();
}

QString MucManager::setSubject(const Jid &jid, const QString &subject)
{
    RoomPtr r = room(jid);
    if (!r || r->state != RoomState::Joined || !connected())
        return {};
    Element message = baseMessage(r->jid, u"groupchat"_s);
    message.appendTextChild(u"subject"_s, ns::Client, subject);
    return client()->send(message) ? message.attribute(u"id") : QString();
}

QString MucManager::invite(const Jid &room, const Jid &invitee, const QString &reason)
{
    if (!connected() || !room.isValid() || !invitee.isValid())
        return {};
    Element invite(u"invite"_s, ns::MucUser);
    invite.setAttribute(u"to"_s, invitee.toString());
    if (!reason.isEmpty())
        invite.appendTextChild(u"reason"_s, ns::MucUser, reason);
    Element message = baseMessage(room.bare(), {});
    message.appendChild(Element(u"x"_s, ns::MucUser).appendChild(invite));
    return client()->send(message) ? message.attribute(u"id") : QString();
}

QString MucManager::inviteDirect(const Jid &room, const Jid &invitee, const QString &reason,
                                 const QString &password)
{
    if (!connected() || !room.isValid() || !invitee.isValid())
        return {};
    Element x(u"x"_s, ns::DirectInvite);
    x.setAttribute(u"jid"_s, room.bare().toString());
    if (!reason.isEmpty())
        x.setAttribute(u"reason"_s, reason);
    if (!password.isEmpty())
        x.setAttribute(u"password"_s, password);
    Element message = baseMessage(invitee, {});
    message.appendChild(x);
    return client()->send(message) ? message.attribute(u"id") : QString();
}

bool MucManager::declineInvitation(const MucInvitation &invitation, const QString &reason)
{
    if (invitation.direct || !connected() || !invitation.room.isValid())
        return false;
    Element decline(u"decline"_s, ns::MucUser);
    if (invitation.inviter.isValid())
        decline.setAttribute(u"to"_s, invitation.inviter.toString());
    if (!reason.isEmpty())
        decline.appendTextChild(u"reason"_s, ns::MucUser, reason);
    Element message = baseMessage(invitation.room.bare(), {});
    message.appendChild(Element(u"x"_s, ns::MucUser).appendChild(decline));
    return client()->send(message);
}

bool MucManager::handleInvitation(const Element &message)
{
    const Jid from = Jid::fromString(message.attribute(u"from"));
    // A room relaying an invitation adds a XEP-0249 element too (Prosody and ejabberd
    // do): the mediated form, which names the inviter, comes first.
    const Element x = message.child(u"x", ns::MucUser);
    const Element invite = x.child(u"invite", ns::MucUser);
    if (!invite.isNull()) {
        // Mediated: only the room itself (a bare room JID) relays invitations.
        if (!from.isBare() || from.node().isEmpty())
            return true;
        MucInvitation inv;
        inv.room = from;
        inv.inviter = Jid::fromString(invite.attribute(u"from"));
        inv.reason = invite.childText(u"reason", ns::MucUser).left(4096);
        inv.password = x.childText(u"password", ns::MucUser);
        const Element cont = invite.child(u"continue", ns::MucUser);
        inv.continuesThread = !cont.isNull();
        inv.thread = cont.attribute(u"thread");
        Q_EMIT invitationReceived(inv);
        return true;
    }
    const Element decline = x.child(u"decline", ns::MucUser);
    if (!decline.isNull()) {
        if (from.isBare() && !from.node().isEmpty())
            Q_EMIT invitationDeclined(from, Jid::fromString(decline.attribute(u"from")),
                                      decline.childText(u"reason", ns::MucUser).left(4096));
        return true;
    }
    const Element direct = message.child(u"x", ns::DirectInvite);
    if (!direct.isNull()) {
        MucInvitation inv;
        inv.direct = true;
        inv.room = Jid::fromString(direct.attribute(u"jid")).bare();
        inv.inviter = from.bare();
        inv.reason = direct.attribute(u"reason").left(4096);
        inv.password = direct.attribute(u"password");
        inv.continuesThread = direct.attribute(u"continue") == u"true";
        inv.thread = direct.attribute(u"thread");
        if (inv.room.isValid() && !inv.room.node().isEmpty())
            Q_EMIT invitationReceived(inv);
        return true;
    }
    return false;
}

bool MucManager::handleMessage(const Element &message)
{
    const Jid from = Jid::fromString(message.attribute(u"from"));
    if (!from.isValid())
        return false;
    const QString type = message.attribute(u"type");
    if (type != u"error" && type != u"groupchat" && handleInvitation(message))
        return true;
    RoomPtr r = room(from);
    if (!r || from.node().isEmpty())
        return false;

    if (type == u"error") {
        const MucError error = MucError::fromStanza(message, MucError::Context::Message);
        Q_EMIT messageFailed(r->jid, message.attribute(u"id"), error);
        return true;
    }
    if (type == u"groupchat") {
        r->lastActivity = now();
        if (r->state == RoomState::Queued)
            return true; // from before a fresh session; the archive catch-up has it
        const Element x = message.child(u"x", ns::MucUser);
        const QList<int> codes = statusCodes(x);
        const bool hasBody = message.hasChild(u"body", ns::Client);
        if (from.isBare() && !hasBody && isConfigChange(codes)) {
            Q_EMIT configChanged(r->jid, codes);
            return true;
        }
        auto parsed = MucMessage::fromStanza(message, r->occupantIdsTrusted);
        if (!parsed)
            return true;
        MucMessage &m = *parsed;
        if (m.isSubjectChange()) {
            r->subject = m.subject;
            Q_EMIT subjectChanged(r->jid, m.subject, m.nick);
            return true;
        }
        if (!m.nick.isEmpty()) {
            const auto it = r->occupants.constFind(m.nick);
            if (it != r->occupants.cend()) {
                m.realJid = it->realJid;
                // Nicks can change hands between a message and its echo; occupant-ids
                // cannot, so prefer them where the room assigns them.
                if (r->occupantIdsTrusted && !m.occupantId.isEmpty())
                    m.outgoing = it->isSelf && it->occupantId == m.occupantId;
                else
                    m.outgoing = it->isSelf;
            } else {
                m.outgoing = m.nick == r->nick && !m.delay.isValid();
            }
        }
        Q_EMIT messageReceived(m);
        return true;
    }
    if (type == u"chat" && from.isFull()) {
        // Private message through the room; its sender's account stays hidden.
        auto parsed = MucMessage::fromStanza(message, r->occupantIdsTrusted);
        if (!parsed)
            return true;
        const auto it = r->occupants.constFind(parsed->nick);
        if (it != r->occupants.cend())
            parsed->realJid = it->realJid;
        r->lastActivity = now();
        Q_EMIT privateMessageReceived(*parsed);
        return true;
    }
    // Other messages from a room (e.g. voice requests, MAM results) are not ours.
    return false;
}

} // namespace chorus::xmpp
