#pragma once

// XmppChatService's state: the client and its managers, and what the service adds on
// top of them (resume points, batching). Shared by XmppChatService*.cpp.

#include "chat/XmppChatService.h"
#include "chat/XmppConversions.h"
#include "xmpp/BookmarkManager.h"
#include "xmpp/CarbonsManager.h"
#include "xmpp/Client.h"
#include "xmpp/DiscoManager.h"
#include "xmpp/MamManager.h"
#include "xmpp/MucManager.h"
#include "xmpp/MucMessage.h"
#include "xmpp/UploadManager.h"

#include <QDateTime>
#include <QHash>
#include <QSet>

namespace chorus::chat {

/// Maps a Task of the xmpp layer onto a Task of the chat API.
template <typename U, typename T, typename E, typename F>
Task<U, ChatError> mapTask(QObject *context, Task<T, E> task, F convert)
{
    Promise<U, ChatError> promise;
    task.then(context, [promise, convert](const Expected<T, E> &result) mutable {
        promise.finish(convert(result));
    });
    return promise.task();
}

class XmppChatService::Private
{
public:
    explicit Private(XmppChatService *q);

    void wire();
    void onSessionStarted(bool resumed);
    void onRoomJoined(const xmpp::MucJoined &joined);
    void onCatchUpPage(const xmpp::Jid &archive, const QList<xmpp::ParsedMessage> &messages);
    void onCatchUpFinished(const xmpp::CatchUpResult &result);
    void onRoomMessage(const xmpp::MucMessage &message);
    void onCarbon(const xmpp::ParsedMessage &message);
    void queueLive(const Message &message);
    void queueMember(const xmpp::Jid &room, const xmpp::MucOccupant &occupant);
    void flush();

    convert::RoomView roomView(const xmpp::Jid &room) const;
    /// Messages of a room's archive page as chat messages (catch-up and paging back).
    QList<Message> fromArchive(const xmpp::Jid &room, const QList<xmpp::ParsedMessage> &page) const;
    QString ownNick(const xmpp::Jid &room) const;
    QString defaultNick() const;
    xmpp::Jid roomJid(const QString &groupId) const;
    bool connected() const { return client.isConnected(); }
    Message outgoing(const QString &groupId, const QString &id, const QString &body) const;

    XmppChatService *q;
    xmpp::Client client;
    xmpp::DiscoManager disco;
    xmpp::CarbonsManager carbons;
    xmpp::MamManager mam;
    xmpp::BookmarkManager bookmarks;
    xmpp::MucManager muc;
    xmpp::UploadManager upload;

    AccountSettings account;
    ConnectionState state = ConnectionState::Offline;
    QString mucService;
    QHash<QString, QString> resumePoints; ///< room -> last stanza-id we have
    QSet<QString> caughtUp; ///< rooms caught up in this session: live ids move the resume point
    QHash<QString, QHash<QString, QDateTime>> firstSeen; ///< room -> nick -> when

    QList<Message> pendingLive;
    QHash<QString, QList<Member>> pendingMembers;
    bool flushQueued = false;
};

} // namespace chorus::chat
