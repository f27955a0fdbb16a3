#include "chat/XmppConversions.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace chorus::chat::convert {

namespace {

ChatError make(ChatError::Code code, const QString &message, const QString &condition = {})
{
    ChatError e;
    e.code = code;
    e.message = message;
    e.condition = condition;
    return e;
}

QString tr(const char *text)
{
    // lupdate files these under the namespace: look them up there.
    return QCoreApplication::translate("chorus::chat::convert", text);
}

} // namespace

QDateTime arrivalTime()
{
    // Whole seconds, like the archives that stamp with second precision (Prosody): a
    // live message and an archived one of the same second then order by arrival
    // instead of the archived one always sorting first.
    QDateTime now = QDateTime::currentDateTimeUtc();
    now.setTime(QTime(now.time().hour(), now.time().minute(), now.time().second()));
    return now;
}

ChatError notConnected()
{
    return make(ChatError::Code::NotConnected,
                tr("Not connected: the request was not sent. It can be tried again once "
                   "Chorus is back online."));
}

ChatError invalid(const QString &message)
{
    return make(ChatError::Code::Invalid, message);
}

ChatError fromError(const xmpp::Error &error)
{
    using C = xmpp::Error::Code;
    ChatError e;
    e.message = error.message.isEmpty() ? xmpp::Error::describe(error.code) : error.message;
    if (!error.detail.isEmpty() && !e.message.contains(error.detail))
        e.message += u" ("_s + error.detail + u')';
    e.condition = error.saslCondition;
    switch (error.code) {
    case C::NotAuthorized:
    case C::CredentialsExpired:
        e.code = ChatError::Code::NotAuthorized;
        break;
    case C::AccountDisabled:
        e.code = ChatError::Code::AccountDisabled;
        break;
    case C::HostNotFound:
    case C::ConnectionRefused:
    case C::ConnectionTimeout:
    case C::ConnectionLost:
    case C::PingTimeout:
        e.code = ChatError::Code::Unreachable;
        break;
    case C::TlsCertificateUntrusted:
        e.code = ChatError::Code::UntrustedCertificate;
        break;
    case C::TlsPinMismatch:
        e.code = ChatError::Code::CertificateChanged;
        break;
    case C::TlsNotOffered:
    case C::TlsFailed:
    case C::PlaintextNotAllowed:
    case C::EncryptionRequired:
        e.code = ChatError::Code::TlsRequired;
        break;
    case C::PolicyViolation:
        e.code = ChatError::Code::Forbidden;
        break;
    case C::InvalidSettings:
        e.code = ChatError::Code::Invalid;
        break;
    default:
        e.code = ChatError::Code::Remote;
        break;
    }
    for (const QSslCertificate &certificate : error.certificate.chain)
        e.certificateChain.append(certificate.toDer());
    e.certificateSha256 = error.certificate.certificateSha256;
    return e;
}

ChatError fromMucError(const xmpp::MucError &error)
{
    using M = xmpp::MucError::Code;
    using C = ChatError::Code;
    C code = C::Remote;
    switch (error.code) {
    case M::NotConnected: code = C::NotConnected; break;
    case M::Timeout: code = C::Timeout; break;
    case M::NotJoined: code = C::NotAllowed; break;
    case M::RegistrationRequired: code = C::RegistrationRequired; break;
    case M::Banned: code = C::Banned; break;
    case M::RoomFull: code = C::RoomFull; break;
    case M::ServerLimit: code = C::ServerLimit; break;
    case M::PasswordRequired: code = C::NotAllowed; break;
    case M::NickConflict:
    case M::NickNotAcceptable: code = C::NickConflict; break;
    case M::NotAllowed: code = C::NotAllowed; break;
    case M::Forbidden: code = C::Forbidden; break;
    case M::NotFound: code = C::NotFound; break;
    case M::Invalid: code = C::Invalid; break;
    case M::Cancelled: code = C::NotConnected; break;
    case M::Remote: code = C::Remote; break;
    }
    return make(code, error.message(), error.condition);
}

ChatError fromIqError(const xmpp::IqError &error)
{
    using I = xmpp::IqError::Code;
    switch (error.code) {
    case I::Timeout:
        return make(ChatError::Code::Timeout, tr("The server did not answer in time."));
    case I::NotConnected:
    case I::SessionLost:
        return notConnected();
    case I::StanzaError:
        break;
    }
    ChatError::Code code = ChatError::Code::Remote;
    if (error.condition == u"forbidden" || error.condition == u"not-authorized")
        code = ChatError::Code::Forbidden;
    else if (error.condition == u"item-not-found")
        code = ChatError::Code::NotFound;
    else if (error.condition == u"not-allowed" || error.condition == u"feature-not-implemented"
             || error.condition == u"service-unavailable")
        code = ChatError::Code::NotAllowed;
    else if (error.condition == u"bad-request")
        code = ChatError::Code::Invalid;
    QString message = error.text.isEmpty()
        ? tr("The server refused the request (%1).").arg(error.condition)
        : tr("The server refused the request: %1").arg(error.text);
    return make(code, message, error.condition);
}

ChatError fromMamError(const xmpp::MamError &error)
{
    using M = xmpp::MamError::Code;
    switch (error.code) {
    case M::NotConnected:
    case M::SessionLost:
        return notConnected();
    case M::Timeout:
        return make(ChatError::Code::Timeout, tr("The archive did not answer in time."));
    case M::ItemNotFound:
        return make(ChatError::Code::NotFound,
                    tr("The archive no longer has that part of the history."), error.condition);
    case M::NotSupported:
        return make(ChatError::Code::NotAllowed,
                    tr("This group keeps no archive on the server, so older messages cannot "
                       "be loaded."),
                    error.condition);
    case M::Forbidden:
        return make(ChatError::Code::Forbidden,
                    tr("The group does not let you read its archive."), error.condition);
    case M::BadRequest:
    case M::Remote:
        break;
    }
    return make(ChatError::Code::Remote,
                error.text.isEmpty() ? tr("The archive refused the request (%1).").arg(error.condition)
                                     : tr("The archive refused the request: %1").arg(error.text),
                error.condition);
}

ChatError fromBookmarkError(const xmpp::BookmarkError &error)
{
    using B = xmpp::BookmarkError::Code;
    switch (error.code) {
    case B::NotConnected:
        return notConnected();
    case B::Timeout:
        return make(ChatError::Code::Timeout, tr("The server did not answer in time."));
    case B::NotSupported:
        return make(ChatError::Code::NotAllowed,
                    tr("The server cannot store a group list for this account; groups are "
                       "kept on this computer only."));
    case B::Forbidden:
        return make(ChatError::Code::Forbidden,
                    tr("The server does not let this account change its group list."),
                    error.condition);
    case B::Invalid:
        return invalid(tr("That is not the address of a group."));
    case B::Remote:
        break;
    }
    return make(ChatError::Code::Remote,
                tr("The server refused to store the group list: %1")
                    .arg(error.text.isEmpty() ? error.condition : error.text),
                error.condition);
}

ChatError fromUploadError(const xmpp::UploadError &error)
{
    using U = xmpp::UploadError::Code;
    ChatError::Code code = ChatError::Code::Remote;
    switch (error.code) {
    case U::NotConnected: code = ChatError::Code::NotConnected; break;
    case U::Timeout: code = ChatError::Code::Timeout; break;
    case U::NotAvailable:
    case U::NotAllowed:
    case U::InsecureUrl: code = ChatError::Code::NotAllowed; break;
    case U::TooLarge:
    case U::QuotaExceeded: code = ChatError::Code::ServerLimit; break;
    case U::FileUnreadable: code = ChatError::Code::Invalid; break;
    case U::HttpFailed:
    case U::Remote: code = ChatError::Code::Remote; break;
    }
    return make(code, error.describe());
}

Role toRole(xmpp::MucRole role)
{
    switch (role) {
    case xmpp::MucRole::None: return Role::None;
    case xmpp::MucRole::Visitor: return Role::Visitor;
    case xmpp::MucRole::Participant: return Role::Participant;
    case xmpp::MucRole::Moderator: return Role::Moderator;
    }
    return Role::None;
}

xmpp::MucRole fromRole(Role role)
{
    switch (role) {
    case Role::None: return xmpp::MucRole::None;
    case Role::Visitor: return xmpp::MucRole::Visitor;
    case Role::Participant: return xmpp::MucRole::Participant;
    case Role::Moderator: return xmpp::MucRole::Moderator;
    }
    return xmpp::MucRole::None;
}

Affiliation toAffiliation(xmpp::MucAffiliation affiliation)
{
    switch (affiliation) {
    case xmpp::MucAffiliation::None: return Affiliation::None;
    case xmpp::MucAffiliation::Outcast: return Affiliation::Outcast;
    case xmpp::MucAffiliation::Member: return Affiliation::Member;
    case xmpp::MucAffiliation::Admin: return Affiliation::Admin;
    case xmpp::MucAffiliation::Owner: return Affiliation::Owner;
    }
    return Affiliation::None;
}

xmpp::MucAffiliation fromAffiliation(Affiliation affiliation)
{
    switch (affiliation) {
    case Affiliation::None: return xmpp::MucAffiliation::None;
    case Affiliation::Outcast: return xmpp::MucAffiliation::Outcast;
    case Affiliation::Member: return xmpp::MucAffiliation::Member;
    case Affiliation::Admin: return xmpp::MucAffiliation::Admin;
    case Affiliation::Owner: return xmpp::MucAffiliation::Owner;
    }
    return xmpp::MucAffiliation::None;
}

Presence toPresence(const QString &show)
{
    if (show == u"away")
        return Presence::Away;
    if (show == u"xa")
        return Presence::ExtendedAway;
    if (show == u"dnd")
        return Presence::DoNotDisturb;
    if (show == u"chat")
        return Presence::Chat;
    return Presence::Online;
}

Member toMember(const QString &groupId, const xmpp::MucOccupant &occupant)
{
    Member m;
    m.groupId = groupId;
    m.nick = occupant.nick;
    m.occupantId = occupant.occupantId;
    m.realJid = occupant.realJid.isValid() ? occupant.realJid.bareString() : QString();
    m.role = toRole(occupant.role);
    m.affiliation = toAffiliation(occupant.affiliation);
    m.presence = occupant.role == xmpp::MucRole::None ? Presence::Offline
                                                      : toPresence(occupant.show);
    m.statusText = occupant.status;
    return m;
}

Group toGroup(const xmpp::Bookmark &bookmark)
{
    Group g;
    g.id = bookmark.jid.bareString();
    g.name = bookmark.name.isEmpty() ? bookmark.jid.node() : bookmark.name;
    g.nick = bookmark.nick;
    g.autojoin = bookmark.autojoin;
    g.tags = bookmark.tags;
    g.timeZone = bookmark.timeZone;
    return g;
}

xmpp::Bookmark toBookmark(const Group &group, const std::optional<xmpp::Bookmark> &existing)
{
    xmpp::Bookmark b = existing.value_or(xmpp::Bookmark());
    b.jid = xmpp::Jid::fromString(group.id).bare();
    b.name = group.name;
    b.nick = group.nick;
    b.autojoin = group.autojoin;
    b.tags = group.tags;
    b.timeZone = group.timeZone;
    return b;
}

GroupConfig toGroupConfig(const xmpp::MucRoomConfig &c)
{
    GroupConfig g;
    g.name = c.name.value_or(QString());
    g.description = c.description.value_or(QString());
    g.membersOnly = c.membersOnly.value_or(false);
    g.maxUsers = c.maxUsers.value_or(0);
    g.persistent = c.persistent.value_or(false);
    g.isPublic = c.isPublic.value_or(false);
    g.realJidsToModerators = !c.realJidsToAnyone.value_or(false);
    g.historyLength = c.historyLength.value_or(0);
    g.archived = c.archived.value_or(false);
    g.membersCanInvite = c.membersCanInvite.value_or(false);
    return g;
}

xmpp::MucRoomConfig fromGroupConfig(const GroupConfig &g)
{
    xmpp::MucRoomConfig c;
    if (!g.name.isEmpty())
        c.name = g.name;
    c.description = g.description;
    c.membersOnly = g.membersOnly;
    c.maxUsers = g.maxUsers;
    c.persistent = g.persistent;
    c.isPublic = g.isPublic;
    c.realJidsToAnyone = !g.realJidsToModerators;
    c.historyLength = g.historyLength;
    c.archived = g.archived;
    c.membersCanInvite = g.membersCanInvite;
    return c;
}

std::optional<Message> toMessage(const xmpp::ParsedMessage &p, const RoomView &room)
{
    using T = xmpp::ParsedMessage::Type;
    if (p.type == T::Error || p.type == T::Headline || !p.hasContent())
        return std::nullopt;
    if (p.hasSubject && p.rawBody.isEmpty() && p.links.isEmpty() && !p.moderation)
        return std::nullopt; // subject changes are signalled on their own
    if (p.correctionRefused)
        return std::nullopt;

    Message m;
    m.groupId = room.groupId;
    m.id = p.id;
    m.originId = p.originId;
    m.stanzaId = p.stanzaId;
    m.archiveId = p.stanzaId.isEmpty() ? QString() : p.stanzaIdBy.bare().toString();
    if (m.archiveId.isEmpty() && p.isFromArchive() && !p.stanzaId.isEmpty())
        m.archiveId = p.archive.bareString();
    m.body = p.body;
    m.timestamp = p.stamp.isValid() ? p.stamp.toUTC() : arrivalTime();
    m.replacesId = p.replaceId;
    if (p.reply) {
        m.replyToId = p.reply->id;
        m.replyToNick = p.reply->to.resource();
    }
    if (p.moderation) {
        m.retractsId = p.moderation->stanzaId;
        m.retractionReason = p.moderation->reason;
        m.senderNick = p.moderation->moderator.resource();
    }
    for (const xmpp::OobLink &link : p.links) {
        Attachment a;
        a.url = link.url;
        a.fileName = link.url.fileName();
        m.attachments.append(a);
    }

    const bool fromRoom = p.from.bare().bareString() == room.groupId;
    if (p.isGroupChat()) {
        m.kind = MessageKind::GroupChat;
        if (!p.moderation)
            m.senderNick = p.from.resource();
        if (room.trustOccupantIds)
            m.senderOccupantId = p.occupantId;
        m.outgoing = !room.ownOccupantId.isEmpty() && !m.senderOccupantId.isEmpty()
            ? m.senderOccupantId == room.ownOccupantId
            : (!m.senderNick.isEmpty() && m.senderNick == room.ownNick);
    } else {
        // Private through the room: from room/nick to us, or (our other device's sent
        // carbon, or our own archive) from us to room/nick.
        m.kind = MessageKind::Private;
        if (fromRoom) {
            m.senderNick = p.from.resource();
            if (room.trustOccupantIds)
                m.senderOccupantId = p.occupantId;
        } else {
            m.outgoing = true;
            m.senderNick = room.ownNick;
            m.recipientNick = p.to.resource();
        }
    }
    if (m.body.isEmpty() && m.attachments.isEmpty() && !m.isRetraction())
        return std::nullopt;
    return m;
}

} // namespace chorus::chat::convert
