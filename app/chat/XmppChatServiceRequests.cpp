// XmppChatService: the requests (groups, messages, members). Pushes and the account
// are in XmppChatService.cpp.

#include "chat/XmppChatService.h"

#include "chat/XmppChatService_p.h"
#include "xmpp/MessageBuilder.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace chorus::chat {

namespace {

template <typename T>
Task<T, ChatError> fail(const ChatError &error)
{
    return readyTask<T, ChatError>(error);
}

} // namespace

// --- Groups -----------------------------------------------------------------------------

Task<QList<Group>, ChatError> XmppChatService::fetchGroups()
{
    if (!d->connected())
        return fail<QList<Group>>(convert::notConnected());
    return mapTask<QList<Group>>(this, d->bookmarks.fetch(),
        [](const Expected<xmpp::BookmarkSnapshot, xmpp::BookmarkError> &r)
            -> Expected<QList<Group>, ChatError> {
            if (!r)
                return convert::fromBookmarkError(r.error());
            QList<Group> groups;
            for (const xmpp::Bookmark &b : r.value().bookmarks)
                groups.append(convert::toGroup(b));
            return groups;
        });
}

Task<Done, ChatError> XmppChatService::saveGroup(const Group &group)
{
    const xmpp::Jid room = d->roomJid(group.id);
    if (!room.isValid() || room.node().isEmpty())
        return fail<Done>(convert::invalid(tr("“%1” is not the address of a group.").arg(group.id)));
    if (!d->connected())
        return fail<Done>(convert::notConnected());
    std::optional<xmpp::Bookmark> existing;
    for (const xmpp::Bookmark &b : d->bookmarks.bookmarks()) {
        if (b.jid == room)
            existing = b;
    }
    Group g = group;
    if (g.nick.isEmpty())
        g.nick = d->defaultNick();
    return mapTask<Done>(this, d->bookmarks.save(convert::toBookmark(g, existing)),
        [](const Expected<Done, xmpp::BookmarkError> &r) -> Expected<Done, ChatError> {
            if (!r)
                return convert::fromBookmarkError(r.error());
            return Done {};
        });
}

Task<Done, ChatError> XmppChatService::removeGroup(const QString &groupId)
{
    if (!d->connected())
        return fail<Done>(convert::notConnected());
    return mapTask<Done>(this, d->bookmarks.remove(d->roomJid(groupId)),
        [](const Expected<Done, xmpp::BookmarkError> &r) -> Expected<Done, ChatError> {
            if (!r)
                return convert::fromBookmarkError(r.error());
            return Done {};
        });
}

Task<Group, ChatError> XmppChatService::createGroup(const Group &group)
{
    if (!d->connected())
        return fail<Group>(convert::notConnected());
    QString id = group.id.trimmed();
    if (!id.contains(u'@')) {
        if (d->mucService.isEmpty())
            return fail<Group>(convert::invalid(
                tr("The server has not said where groups live yet; give the group's full "
                   "address (name@groups.example.org).")));
        id = id.toLower() + u'@' + d->mucService;
    }
    const xmpp::Jid room = d->roomJid(id);
    if (!room.isValid() || room.node().isEmpty())
        return fail<Group>(convert::invalid(tr("“%1” is not a valid group address.").arg(group.id)));

    Group created = group;
    created.id = room.bareString();
    if (created.nick.isEmpty())
        created.nick = d->defaultNick();
    if (created.name.isEmpty())
        created.name = room.node();
    GroupConfig config = group.config;
    if (config.name.isEmpty())
        config.name = created.name;

    Promise<Group, ChatError> promise;
    d->muc.createRoom({room, created.nick, {}, true}, convert::fromGroupConfig(config))
        .then(this, [this, promise, created](const Expected<xmpp::MucCreated, xmpp::MucError> &r) mutable {
            if (!r) {
                promise.finish(convert::fromMucError(r.error()));
                return;
            }
            if (r.value().existed) {
                // Someone else's room of that name: we are in it but did not configure it.
                ChatError e;
                e.code = ChatError::Code::NotAllowed;
                e.message = tr("A group with the address %1 already exists. Pick another "
                               "address, or add the existing group instead.")
                                .arg(created.id);
                d->muc.leave(d->roomJid(created.id));
                promise.finish(e);
                return;
            }
            Group g = created;
            g.nick = r.value().joined.nick;
            if (!r.value().configured.unsupported.isEmpty())
                Q_EMIT serviceWarning(tr("The server could not apply these settings to %1: %2")
                                          .arg(g.name, r.value().configured.unsupported.join(u", ")));
            saveGroup(g).then(this, [promise, g](const Expected<Done, ChatError> &saved) mutable {
                if (!saved)
                    promise.finish(saved.error());
                else
                    promise.finish(g);
            });
        });
    return promise.task();
}

void XmppChatService::joinGroups(const QList<Group> &groups)
{
    QList<xmpp::MucJoinRequest> requests;
    requests.reserve(groups.size());
    for (const Group &g : groups) {
        const xmpp::Jid room = d->roomJid(g.id);
        if (!room.isValid() || room.node().isEmpty())
            continue;
        xmpp::MucJoinRequest r;
        r.room = room;
        r.nick = g.nick.isEmpty() ? d->defaultNick() : g.nick;
        r.resolveNickConflict = true;
        requests.append(r);
    }
    d->muc.joinRooms(requests);
}

Task<Done, ChatError> XmppChatService::leaveGroup(const QString &groupId)
{
    d->caughtUp.remove(groupId);
    d->mam.cancelCatchUp(d->roomJid(groupId));
    return mapTask<Done>(this, d->muc.leave(d->roomJid(groupId)),
        [](const Expected<Done, xmpp::MucError> &r) -> Expected<Done, ChatError> {
            if (!r && r.error().code != xmpp::MucError::Code::NotJoined)
                return convert::fromMucError(r.error());
            return Done {};
        });
}

void XmppChatService::setResumePoint(const QString &groupId, const QString &stanzaId)
{
    if (stanzaId.isEmpty())
        d->resumePoints.remove(groupId);
    else
        d->resumePoints.insert(groupId, stanzaId);
}

Task<GroupConfig, ChatError> XmppChatService::fetchConfig(const QString &groupId)
{
    return mapTask<GroupConfig>(this, d->muc.config(d->roomJid(groupId)),
        [](const Expected<xmpp::MucRoomConfig, xmpp::MucError> &r) -> Expected<GroupConfig, ChatError> {
            if (!r)
                return convert::fromMucError(r.error());
            return convert::toGroupConfig(r.value());
        });
}

Task<Done, ChatError> XmppChatService::configure(const QString &groupId, const GroupConfig &config)
{
    return mapTask<Done>(this, d->muc.configure(d->roomJid(groupId), convert::fromGroupConfig(config)),
        [this, groupId](const Expected<xmpp::MucConfigured, xmpp::MucError> &r) -> Expected<Done, ChatError> {
            if (!r)
                return convert::fromMucError(r.error());
            if (!r.value().unsupported.isEmpty())
                Q_EMIT serviceWarning(tr("The server could not apply these settings to %1: %2")
                                          .arg(groupId, r.value().unsupported.join(u", ")));
            return Done {};
        });
}

// --- Messages ---------------------------------------------------------------------------

Task<Message, ChatError> XmppChatService::sendMessage(const QString &groupId, const QString &body,
                                                      const QString &replyToId,
                                                      const QString &replyToNick)
{
    const xmpp::Jid room = d->roomJid(groupId);
    if (!d->connected() && d->client.state() != xmpp::Client::State::Reconnecting)
        return fail<Message>(convert::notConnected());
    if (d->muc.roomState(room) == xmpp::MucManager::RoomState::NotJoined)
        return fail<Message>(convert::fromMucError(xmpp::MucError::make(xmpp::MucError::Code::NotJoined)));
    xmpp::MessageDraft draft;
    draft.to = room;
    draft.type = xmpp::ParsedMessage::Type::GroupChat;
    draft.id = d->client.generateId();
    draft.body = body;
    if (!replyToId.isEmpty())
        draft.reply = xmpp::ReplyReference {replyToNick.isEmpty() ? room : room.withResource(replyToNick),
                                            replyToId};
    if (!d->muc.sendStanza(xmpp::buildMessage(draft)))
        return fail<Message>(convert::notConnected());
    Message m = d->outgoing(groupId, draft.id, body);
    m.replyToId = replyToId;
    m.replyToNick = replyToNick;
    return readyTask<Message, ChatError>(m);
}

Task<Message, ChatError> XmppChatService::sendPrivate(const QString &groupId, const QString &nick,
                                                      const QString &body)
{
    const xmpp::Jid room = d->roomJid(groupId);
    if (!d->connected() && d->client.state() != xmpp::Client::State::Reconnecting)
        return fail<Message>(convert::notConnected());
    if (!d->muc.occupant(room, nick))
        return fail<Message>(convert::fromMucError(xmpp::MucError::make(
            xmpp::MucError::Code::NotFound, tr("%1 is not in the group right now.").arg(nick))));
    xmpp::MessageDraft draft;
    draft.to = room.withResource(nick);
    draft.type = xmpp::ParsedMessage::Type::Chat;
    draft.id = d->client.generateId();
    draft.body = body;
    draft.privateThroughRoom = true;
    if (!d->muc.sendStanza(xmpp::buildMessage(draft)))
        return fail<Message>(convert::notConnected());
    Message m = d->outgoing(groupId, draft.id, body);
    m.kind = MessageKind::Private;
    m.recipientNick = nick;
    return readyTask<Message, ChatError>(m);
}

Task<Message, ChatError> XmppChatService::correctMessage(const QString &groupId, const QString &id,
                                                         const QString &body)
{
    const xmpp::Jid room = d->roomJid(groupId);
    if (!d->connected() && d->client.state() != xmpp::Client::State::Reconnecting)
        return fail<Message>(convert::notConnected());
    xmpp::MessageDraft draft;
    draft.to = room;
    draft.type = xmpp::ParsedMessage::Type::GroupChat;
    draft.id = d->client.generateId();
    draft.body = body;
    draft.replaceId = id;
    if (!d->muc.sendStanza(xmpp::buildMessage(draft)))
        return fail<Message>(convert::notConnected());
    Message m = d->outgoing(groupId, draft.id, body);
    m.replacesId = id;
    return readyTask<Message, ChatError>(m);
}

Task<Done, ChatError> XmppChatService::retractMessage(const QString &groupId, const QString &stanzaId,
                                                      const QString &reason)
{
    const xmpp::Jid room = d->roomJid(groupId);
    if (!d->connected())
        return fail<Done>(convert::notConnected());
    Promise<Done, ChatError> promise;
    d->disco.info(room).then(this, [this, promise, room, stanzaId, reason](
                                       const Expected<xmpp::DiscoInfo, xmpp::DiscoError> &info) mutable {
        const auto version = info ? xmpp::moderationVersion(info.value().features) : std::nullopt;
        if (!version) {
            ChatError e;
            e.code = ChatError::Code::NotAllowed;
            e.message = tr("This group's server cannot remove messages (no XEP-0425 "
                           "moderation). Members keep seeing it.");
            promise.finish(e);
            return;
        }
        d->client.sendIq(xmpp::buildModerationRequest(room, stanzaId, reason, *version))
            .then(this, [promise](const Expected<xmpp::Element, xmpp::IqError> &r) mutable {
                if (!r)
                    promise.finish(convert::fromIqError(r.error()));
                else
                    promise.finish(Done {});
            });
    });
    return promise.task();
}

Task<HistoryPage, ChatError> XmppChatService::fetchHistory(const QString &groupId,
                                                           const QString &beforeStanzaId, int max)
{
    if (!d->connected())
        return fail<HistoryPage>(convert::notConnected());
    const xmpp::Jid room = d->roomJid(groupId);
    return mapTask<HistoryPage>(this, d->mam.fetchBefore(room, beforeStanzaId, max),
        [this, room](const Expected<xmpp::MamPage, xmpp::MamError> &r) -> Expected<HistoryPage, ChatError> {
            if (!r)
                return convert::fromMamError(r.error());
            HistoryPage page;
            page.complete = r.value().complete;
            page.messages = d->fromArchive(room, r.value().messages);
            return page;
        });
}

Task<QUrl, ChatError> XmppChatService::upload(const QString &filePath)
{
    if (!d->connected())
        return fail<QUrl>(convert::notConnected());
    // Plain http only to a server on this machine (the demo's and the tests').
    d->upload.setAllowPlainHttp(d->account.allowPlaintextLoopback);
    return mapTask<QUrl>(this, d->upload.uploadFile(filePath),
        [](const Expected<QUrl, xmpp::UploadError> &r) -> Expected<QUrl, ChatError> {
            if (!r)
                return convert::fromUploadError(r.error());
            return r.value();
        });
}

Task<Message, ChatError> XmppChatService::sendAttachment(const QString &groupId,
                                                         const Attachment &attachment)
{
    const xmpp::Jid room = d->roomJid(groupId);
    if (!d->connected() && d->client.state() != xmpp::Client::State::Reconnecting)
        return fail<Message>(convert::notConnected());
    if (d->muc.roomState(room) == xmpp::MucManager::RoomState::NotJoined)
        return fail<Message>(convert::fromMucError(xmpp::MucError::make(xmpp::MucError::Code::NotJoined)));
    const QString url = attachment.url.toString(QUrl::FullyEncoded);
    xmpp::MessageDraft draft;
    draft.to = room;
    draft.type = xmpp::ParsedMessage::Type::GroupChat;
    draft.id = d->client.generateId();
    draft.body = url;
    draft.links = {xmpp::OobLink{attachment.url, {}}};
    if (!d->muc.sendStanza(xmpp::buildMessage(draft)))
        return fail<Message>(convert::notConnected());
    Message m = d->outgoing(groupId, draft.id, url);
    m.attachments = {attachment};
    return readyTask<Message, ChatError>(m);
}

// --- Members ----------------------------------------------------------------------------

QList<Member> XmppChatService::members(const QString &groupId) const
{
    QList<Member> result;
    const auto seen = d->firstSeen.value(groupId);
    for (const xmpp::MucOccupant &o : d->muc.occupants(d->roomJid(groupId))) {
        Member m = convert::toMember(groupId, o);
        m.joinedAt = seen.value(o.nick);
        result.append(m);
    }
    return result;
}

Task<Done, ChatError> XmppChatService::setRole(const QString &groupId, const QString &nick, Role role,
                                               const QString &reason)
{
    return mapTask<Done>(this, d->muc.setRole(d->roomJid(groupId), nick, convert::fromRole(role), reason),
        [](const Expected<Done, xmpp::MucError> &r) -> Expected<Done, ChatError> {
            if (!r)
                return convert::fromMucError(r.error());
            return Done {};
        });
}

Task<Done, ChatError> XmppChatService::setAffiliation(const QString &groupId, const QString &jid,
                                                      Affiliation affiliation, const QString &reason)
{
    const xmpp::Jid who = xmpp::Jid::fromString(jid).bare();
    if (!who.isValid())
        return fail<Done>(convert::invalid(tr("“%1” is not an account address.").arg(jid)));
    return mapTask<Done>(this,
        d->muc.setAffiliation(d->roomJid(groupId), who, convert::fromAffiliation(affiliation), reason),
        [](const Expected<Done, xmpp::MucError> &r) -> Expected<Done, ChatError> {
            if (!r)
                return convert::fromMucError(r.error());
            return Done {};
        });
}

Task<QList<Member>, ChatError> XmppChatService::fetchAffiliations(const QString &groupId,
                                                                  Affiliation affiliation)
{
    return mapTask<QList<Member>>(this,
        d->muc.affiliations(d->roomJid(groupId), convert::fromAffiliation(affiliation)),
        [groupId](const Expected<QList<xmpp::MucAffiliationItem>, xmpp::MucError> &r)
            -> Expected<QList<Member>, ChatError> {
            if (!r)
                return convert::fromMucError(r.error());
            QList<Member> list;
            for (const xmpp::MucAffiliationItem &item : r.value()) {
                Member m;
                m.groupId = groupId;
                m.realJid = item.jid.bareString();
                m.nick = item.nick;
                m.affiliation = convert::toAffiliation(item.affiliation);
                list.append(m);
            }
            return list;
        });
}

Task<Done, ChatError> XmppChatService::invite(const QString &groupId, const QString &jid,
                                              const QString &reason)
{
    const xmpp::Jid who = xmpp::Jid::fromString(jid).bare();
    if (!who.isValid() || who.node().isEmpty())
        return fail<Done>(convert::invalid(tr("“%1” is not an account address.").arg(jid)));
    if (d->muc.invite(d->roomJid(groupId), who, reason).isEmpty())
        return fail<Done>(convert::notConnected());
    return readyTask<Done, ChatError>(Done {});
}

} // namespace chorus::chat
