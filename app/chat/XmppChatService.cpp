#include "chat/XmppChatService.h"

#include "chat/XmppChatService_p.h"
#include "xmpp/MessageBuilder.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace chorus::chat {

namespace {

} // namespace

// ---------------------------------------------------------------------------------------
// Private: wiring and the pushes from the server

XmppChatService::Private::Private(XmppChatService *q)
    : q(q), upload(&client, &disco)
{
    // Order matters: each manager claims what it trusts before the next sees it
    // (app/xmpp/README.md).
    client.addExtension(&disco);
    client.addExtension(&carbons);
    client.addExtension(&mam);
    client.addExtension(&bookmarks);
    client.addExtension(&muc);
}

void XmppChatService::Private::wire()
{
    using xmpp::Client;
    QObject::connect(&client, &Client::stateChanged, q, [this](Client::State s) {
        if (s == Client::State::Connecting) {
            state = ConnectionState::Connecting;
            Q_EMIT q->connectionStateChanged(state, {}, 0);
        }
    });
    QObject::connect(&client, &Client::sessionStarted, q,
                     [this](bool resumed) { onSessionStarted(resumed); });
    QObject::connect(&client, &Client::reconnecting, q,
                     [this](int delayMs, const xmpp::Error &reason) {
                         state = ConnectionState::Reconnecting;
                         Q_EMIT q->connectionStateChanged(state, convert::fromError(reason),
                                                          (delayMs + 999) / 1000);
                     });
    QObject::connect(&client, &Client::disconnected, q, [this](const xmpp::Error &error) {
        state = ConnectionState::Offline;
        caughtUp.clear();
        Q_EMIT q->connectionStateChanged(
            state, error.isError() ? convert::fromError(error) : ChatError {}, 0);
    });

    using xmpp::MucManager;
    QObject::connect(&muc, &MucManager::roomJoined, q,
                     [this](const xmpp::MucJoined &joined) { onRoomJoined(joined); });
    QObject::connect(&muc, &MucManager::roomJoinFailed, q,
                     [this](const xmpp::Jid &room, const xmpp::MucError &error) {
                         Q_EMIT q->groupJoinFailed(room.bareString(), convert::fromMucError(error));
                     });
    QObject::connect(&muc, &MucManager::joinLimitReached, q,
                     [this](const QList<xmpp::Jid> &refused, const QList<xmpp::Jid> &notTried,
                            const xmpp::MucError &error) {
                         Q_EMIT q->serviceWarning(
                             tr("The server limits how many groups one account may be in: "
                                "%1 groups were refused and %2 were not tried. %3")
                                 .arg(refused.size())
                                 .arg(notTried.size())
                                 .arg(error.message()));
                         const ChatError e = convert::fromMucError(error);
                         for (const xmpp::Jid &room : notTried)
                             Q_EMIT q->groupJoinFailed(room.bareString(), e);
                     });
    QObject::connect(&muc, &MucManager::roomLeft, q,
                     [this](const xmpp::Jid &room, const xmpp::MucLeave &why) {
                         caughtUp.remove(room.bareString());
                         QString reason;
                         switch (why.kind) {
                         case xmpp::MucLeave::Kind::Left: break;
                         case xmpp::MucLeave::Kind::Kicked: reason = tr("You were removed from the group."); break;
                         case xmpp::MucLeave::Kind::Banned: reason = tr("You were banned from the group."); break;
                         case xmpp::MucLeave::Kind::AffiliationChanged:
                         case xmpp::MucLeave::Kind::MembersOnly:
                             reason = tr("The group became members-only and you are not a member.");
                             break;
                         case xmpp::MucLeave::Kind::Shutdown: reason = tr("The group service is shutting down."); break;
                         case xmpp::MucLeave::Kind::Error: reason = tr("The group dropped you after a technical problem."); break;
                         case xmpp::MucLeave::Kind::Destroyed: reason = tr("The group was closed."); break;
                         case xmpp::MucLeave::Kind::Dropped: reason = tr("The group no longer knew you; joining again."); break;
                         }
                         if (!why.reason.isEmpty())
                             reason += u' ' + why.reason;
                         Q_EMIT q->groupLeft(room.bareString(), reason.trimmed());
                     });
    QObject::connect(&muc, &MucManager::occupantJoined, q,
                     [this](const xmpp::Jid &room, const xmpp::MucOccupant &o) {
                         firstSeen[room.bareString()].insert(o.nick, QDateTime::currentDateTimeUtc());
                         queueMember(room, o);
                     });
    QObject::connect(&muc, &MucManager::occupantChanged, q,
                     [this](const xmpp::Jid &room, const xmpp::MucOccupant &o) { queueMember(room, o); });
    QObject::connect(&muc, &MucManager::occupantNickChanged, q,
                     [this](const xmpp::Jid &room, const QString &oldNick, const xmpp::MucOccupant &o) {
                         auto &seen = firstSeen[room.bareString()];
                         seen.insert(o.nick, seen.take(oldNick));
                         Member gone = convert::toMember(room.bareString(), o);
                         gone.nick = oldNick;
                         gone.presence = Presence::Offline;
                         flush();
                         Q_EMIT q->memberLeft(room.bareString(), gone, tr("changed nickname to %1").arg(o.nick));
                         queueMember(room, o);
                     });
    QObject::connect(&muc, &MucManager::occupantLeft, q,
                     [this](const xmpp::Jid &room, const xmpp::MucOccupant &o, const xmpp::MucLeave &why) {
                         flush();
                         Member m = convert::toMember(room.bareString(), o);
                         m.presence = Presence::Offline;
                         m.joinedAt = firstSeen.value(room.bareString()).value(o.nick);
                         firstSeen[room.bareString()].remove(o.nick);
                         QString reason = why.reason;
                         if (why.kind == xmpp::MucLeave::Kind::Kicked)
                             reason = tr("kicked") + (why.reason.isEmpty() ? QString() : u": "_s + why.reason);
                         else if (why.kind == xmpp::MucLeave::Kind::Banned)
                             reason = tr("banned") + (why.reason.isEmpty() ? QString() : u": "_s + why.reason);
                         Q_EMIT q->memberLeft(room.bareString(), m, reason);
                     });
    QObject::connect(&muc, &MucManager::subjectChanged, q,
                     [this](const xmpp::Jid &room, const QString &subject, const QString &) {
                         Q_EMIT q->subjectChanged(room.bareString(), subject);
                     });
    QObject::connect(&muc, &MucManager::configChanged, q,
                     [this](const xmpp::Jid &room, const QList<int> &) {
                         disco.invalidate(room);
                         Q_EMIT q->configChanged(room.bareString());
                     });
    QObject::connect(&muc, &MucManager::messageReceived, q,
                     [this](const xmpp::MucMessage &m) { onRoomMessage(m); });
    QObject::connect(&muc, &MucManager::privateMessageReceived, q,
                     [this](const xmpp::MucMessage &m) { onRoomMessage(m); });
    QObject::connect(&muc, &MucManager::messageFailed, q,
                     [this](const xmpp::Jid &room, const QString &, const xmpp::MucError &error) {
                         Q_EMIT q->serviceWarning(tr("A message to %1 was not delivered: %2")
                                                      .arg(room.bareString(), error.message()));
                     });

    QObject::connect(&mam, &xmpp::MamManager::catchUpPage, q,
                     [this](const xmpp::Jid &archive, const QList<xmpp::ParsedMessage> &messages) {
                         onCatchUpPage(archive, messages);
                     });
    QObject::connect(&mam, &xmpp::MamManager::catchUpFinished, q,
                     [this](const xmpp::CatchUpResult &r) { onCatchUpFinished(r); });
    QObject::connect(&carbons, &xmpp::CarbonsManager::carbonReceived, q,
                     [this](const xmpp::ParsedMessage &m) { onCarbon(m); });

    QObject::connect(&bookmarks, &xmpp::BookmarkManager::bookmarksChanged, q,
                     [this](const QList<xmpp::Bookmark> &list) {
                         QList<Group> groups;
                         for (const xmpp::Bookmark &b : list)
                             groups.append(convert::toGroup(b));
                         Q_EMIT q->groupsChanged(groups);
                     });
    QObject::connect(&bookmarks, &xmpp::BookmarkManager::warning, q,
                     [this](const xmpp::BookmarkWarning &w) { Q_EMIT q->serviceWarning(w.describe()); });
}

void XmppChatService::Private::onSessionStarted(bool resumed)
{
    state = ConnectionState::Connected;
    if (!resumed) {
        // A fresh session: the server forgot our rooms (MucManager rejoins them, each
        // join then catches up), and our presence.
        caughtUp.clear();
        xmpp::Element presence(u"presence"_s, xmpp::ns::Client);
        presence.appendChild(disco.capsElement());
        client.send(presence);
        disco.discoverServices().then(q, [this](const Expected<xmpp::ServerServices, xmpp::DiscoError> &r) {
            if (!r)
                return;
            mucService = r.value().muc.bareString();
            bookmarks.setAccountFeatures(r.value().account.features);
            if (r.value().upload.isValid())
                upload.setService(r.value().upload, r.value().uploadMaxSize);
        });
    }
    Q_EMIT q->connectionStateChanged(state, {}, 0);
}

void XmppChatService::Private::onRoomJoined(const xmpp::MucJoined &joined)
{
    const QString groupId = joined.room.bareString();
    Q_EMIT q->groupJoined(groupId);
    // The join asked for no history: the archive brings what we missed.
    xmpp::CatchUpRequest request;
    request.archive = joined.room;
    request.afterId = resumePoints.value(groupId);
    const auto self = muc.self(joined.room);
    request.roomAssignsOccupantIds = self && !self->occupantId.isEmpty();
    mam.catchUp({request});
}

void XmppChatService::Private::onCatchUpPage(const xmpp::Jid &archive,
                                             const QList<xmpp::ParsedMessage> &messages)
{
    const QList<Message> batch = fromArchive(archive, messages);
    if (batch.isEmpty())
        return;
    flush(); // live messages first: they were received before this page was asked for
    Q_EMIT q->messagesReceived(batch, MessageSource::Archive);
}

void XmppChatService::Private::onCatchUpFinished(const xmpp::CatchUpResult &result)
{
    const QString groupId = result.archive.bareString();
    if (groupId.isEmpty())
        return; // our own archive: not used by groups
    if (result.error && (result.error->code == xmpp::MamError::Code::SessionLost
                         || result.error->code == xmpp::MamError::Code::NotConnected))
        return; // asked again after the next join
    if (!result.lastId.isEmpty())
        resumePoints.insert(groupId, result.lastId);
    caughtUp.insert(groupId);
    if (result.error && result.error->code != xmpp::MamError::Code::NotSupported)
        Q_EMIT q->serviceWarning(tr("Catching up with %1 stopped: %2")
                                     .arg(groupId, convert::fromMamError(*result.error).message));
    flush();
    Q_EMIT q->catchUpFinished(groupId);
}

void XmppChatService::Private::onRoomMessage(const xmpp::MucMessage &message)
{
    xmpp::MessageContext context;
    context.ownJid = client.boundJid();
    auto parsed = xmpp::ParsedMessage::fromStanza(message.stanza, context);
    if (!parsed)
        return;
    convert::RoomView view = roomView(message.room);
    view.trustOccupantIds = !message.occupantId.isEmpty() || view.trustOccupantIds;
    auto m = convert::toMessage(*parsed, view);
    if (!m)
        return;
    if (message.realJid.isValid())
        m->senderRealJid = message.realJid.bareString();
    if (!message.occupantId.isEmpty())
        m->senderOccupantId = message.occupantId;
    if (message.outgoing)
        m->outgoing = true;
    if (m->kind == MessageKind::GroupChat && !m->stanzaId.isEmpty()
        && caughtUp.contains(view.groupId))
        resumePoints.insert(view.groupId, m->stanzaId);
    queueLive(*m);
}

void XmppChatService::Private::onCarbon(const xmpp::ParsedMessage &message)
{
    // Only private messages through our rooms matter here (sent or read on another
    // device of the operator's).
    if (!message.mucUser)
        return;
    const bool sent = message.carbon == xmpp::ParsedMessage::Carbon::Sent;
    const xmpp::Jid room = (sent ? message.to : message.from).bare();
    if (muc.roomState(room) == xmpp::MucManager::RoomState::NotJoined)
        return;
    if (auto m = convert::toMessage(message, roomView(room))) {
        m->outgoing = sent;
        if (sent) {
            m->senderNick = ownNick(room);
            m->recipientNick = message.to.resource();
        }
        queueLive(*m);
    }
}

void XmppChatService::Private::queueLive(const Message &message)
{
    pendingLive.append(message);
    if (!flushQueued) {
        flushQueued = true;
        QTimer::singleShot(0, q, [this] { flush(); });
    }
}

void XmppChatService::Private::queueMember(const xmpp::Jid &room, const xmpp::MucOccupant &occupant)
{
    const QString groupId = room.bareString();
    Member m = convert::toMember(groupId, occupant);
    m.joinedAt = firstSeen.value(groupId).value(occupant.nick);
    QList<Member> &list = pendingMembers[groupId];
    for (Member &existing : list) {
        if (existing.nick == m.nick) {
            existing = m;
            return;
        }
    }
    list.append(m);
    if (!flushQueued) {
        flushQueued = true;
        QTimer::singleShot(0, q, [this] { flush(); });
    }
}

void XmppChatService::Private::flush()
{
    flushQueued = false;
    const auto members = std::exchange(pendingMembers, {});
    for (auto it = members.begin(); it != members.end(); ++it)
        Q_EMIT q->membersChanged(it.key(), it.value());
    if (!pendingLive.isEmpty())
        Q_EMIT q->messagesReceived(std::exchange(pendingLive, {}), MessageSource::Live);
}

convert::RoomView XmppChatService::Private::roomView(const xmpp::Jid &room) const
{
    convert::RoomView view;
    view.groupId = room.bareString();
    view.ownNick = ownNick(room);
    view.ownBareJid = client.settings().jid.bareString();
    if (const auto self = muc.self(room); self && !self->occupantId.isEmpty()) {
        view.ownOccupantId = self->occupantId;
        view.trustOccupantIds = true;
    }
    return view;
}

QList<Message> XmppChatService::Private::fromArchive(const xmpp::Jid &room,
                                                    const QList<xmpp::ParsedMessage> &page) const
{
    const convert::RoomView view = roomView(room);
    QList<Message> messages;
    messages.reserve(page.size());
    for (const xmpp::ParsedMessage &p : page) {
        if (auto m = convert::toMessage(p, view)) {
            if (m->archiveId.isEmpty() && !m->stanzaId.isEmpty())
                m->archiveId = view.groupId; // the room's own archive gave the id
            messages.append(*m);
        }
    }
    return messages;
}

QString XmppChatService::Private::ownNick(const xmpp::Jid &room) const
{
    return muc.nick(room);
}

QString XmppChatService::Private::defaultNick() const
{
    const QString local = client.settings().jid.node();
    return local.isEmpty() ? u"operator"_s : local;
}

xmpp::Jid XmppChatService::Private::roomJid(const QString &groupId) const
{
    return xmpp::Jid::fromString(groupId).bare();
}

Message XmppChatService::Private::outgoing(const QString &groupId, const QString &id,
                                           const QString &body) const
{
    Message m;
    m.groupId = groupId;
    m.id = id;
    m.originId = id;
    m.outgoing = true;
    m.body = body;
    m.senderNick = ownNick(roomJid(groupId));
    m.timestamp = convert::arrivalTime();
    return m;
}

// ---------------------------------------------------------------------------------------
// Account

XmppChatService::XmppChatService(QObject *parent)
    : ChatService(parent), d(std::make_unique<Private>(this))
{
    d->wire();
}

XmppChatService::~XmppChatService()
{
    // Managers unregister from the client as they go; the client goes last.
    d->client.disconnectFromServer();
}

void XmppChatService::connectAccount(const AccountSettings &settings, const QString &password)
{
    d->account = settings;
    xmpp::ClientSettings s;
    s.jid = xmpp::Jid::fromString(settings.jid).bare();
    s.password = password;
    s.resource = settings.resource;
    s.host = settings.host;
    s.port = settings.port;
    s.plaintextOnLoopback = settings.allowPlaintextLoopback;
    s.pinnedSha256 = settings.pinnedCertificateSha256;
    d->client.disconnectFromServer();
    d->client.setSettings(s);
    d->upload.setAllowPlainHttp(false);
    d->client.connectToServer();
}

void XmppChatService::disconnectAccount()
{
    d->client.disconnectFromServer();
}

void XmppChatService::reconnectNow()
{
    if (d->client.state() == xmpp::Client::State::Disconnected && d->client.settings().jid.isValid())
        d->client.connectToServer();
    else
        d->client.reconnectNow();
}

ConnectionState XmppChatService::connectionState() const
{
    return d->state;
}

QString XmppChatService::accountJid() const
{
    return d->client.settings().jid.bareString();
}

QString XmppChatService::groupService() const
{
    return d->mucService;
}

} // namespace chorus::chat
