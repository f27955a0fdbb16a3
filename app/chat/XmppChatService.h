#pragma once

#include "chat/ChatService.h"

#include <memory>

namespace chorus::chat {

/// ChatService on Chorus's own XMPP layer (app/xmpp): one account's Client with the
/// disco, carbons, archive, bookmark and multi-user chat managers.
///
/// - Groups are the account's XEP-0402 bookmarks (tags and time zone ride in them).
/// - Joins are paced by MucManager and ask for no history; after each join the room's
///   archive is caught up from the resume point (setResumePoint(), normally the store's
///   last stanza-id), and the resume point then follows the live messages, so the next
///   fresh session asks only for what it missed.
/// - Live messages are batched: everything that arrives in one read burst is one
///   messagesReceived() signal.
/// Nothing here touches the store: the workspace does that with what the signals carry.
class XmppChatService : public ChatService
{
    Q_OBJECT
public:
    explicit XmppChatService(QObject *parent = nullptr);
    ~XmppChatService() override;

    // --- Account ---
    void connectAccount(const AccountSettings &settings, const QString &password) override;
    void disconnectAccount() override;
    void reconnectNow() override;
    ConnectionState connectionState() const override;
    QString accountJid() const override;
    /// The group chat service the server offers (known after sign-in), e.g.
    /// "conference.example.org".
    QString groupService() const;

    // --- Groups ---
    Task<QList<Group>, ChatError> fetchGroups() override;
    Task<Done, ChatError> saveGroup(const Group &group) override;
    Task<Done, ChatError> removeGroup(const QString &groupId) override;
    Task<Group, ChatError> createGroup(const Group &group) override;
    void joinGroups(const QList<Group> &groups) override;
    Task<Done, ChatError> leaveGroup(const QString &groupId) override;
    void setResumePoint(const QString &groupId, const QString &stanzaId) override;
    Task<GroupConfig, ChatError> fetchConfig(const QString &groupId) override;
    Task<Done, ChatError> configure(const QString &groupId, const GroupConfig &config) override;

    // --- Messages ---
    Task<Message, ChatError> sendMessage(const QString &groupId, const QString &body,
                                         const QString &replyToId = {},
                                         const QString &replyToNick = {}) override;
    Task<Message, ChatError> sendPrivate(const QString &groupId, const QString &nick,
                                         const QString &body) override;
    Task<Message, ChatError> correctMessage(const QString &groupId, const QString &id,
                                            const QString &body) override;
    Task<Done, ChatError> retractMessage(const QString &groupId, const QString &stanzaId,
                                         const QString &reason) override;
    Task<HistoryPage, ChatError> fetchHistory(const QString &groupId,
                                              const QString &beforeStanzaId, int max) override;
    Task<QUrl, ChatError> upload(const QString &filePath) override;
    Task<Message, ChatError> sendAttachment(const QString &groupId,
                                            const Attachment &attachment) override;

    // --- Members and moderation ---
    QList<Member> members(const QString &groupId) const override;
    Task<Done, ChatError> setRole(const QString &groupId, const QString &nick, Role role,
                                  const QString &reason = {}) override;
    Task<Done, ChatError> setAffiliation(const QString &groupId, const QString &jid,
                                         Affiliation affiliation,
                                         const QString &reason = {}) override;
    Task<QList<Member>, ChatError> fetchAffiliations(const QString &groupId,
                                                     Affiliation affiliation) override;
    Task<Done, ChatError> invite(const QString &groupId, const QString &jid,
                                 const QString &reason = {}) override;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace chorus::chat
