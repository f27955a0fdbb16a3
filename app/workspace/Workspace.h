#pragma once

#include "chat/ChatService.h"
#include "store/MessageSearch.h"
#include "store/StoreError.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <memory>

namespace chorus::store {
class AsyncStore;
}

namespace chorus::workspace {

class AttentionInbox;
class GroupListModel;
class MemberListModel;
class TimelineModel;

/// One operator account: wires the chat service, the store and the feature engines,
/// and exposes the models the window (or the headless agent) works with. It is the
/// composition root's unit: everything account-specific hangs off it.
class Workspace : public QObject
{
    Q_OBJECT
public:
    /// `store` (optional, not owned) keeps groups, members and messages: the list and
    /// the timelines show at once from it, and catch-up resumes from its last stanza-id.
    explicit Workspace(chat::ChatService *chat, store::AsyncStore *store = nullptr,
                       QObject *parent = nullptr);
    ~Workspace() override;

    /// Shows what the store has (groups, then each timeline when opened) before the
    /// server answers. Call once, before or after connecting.
    void start();

    chat::ChatService *chat() const { return m_chat; }
    store::AsyncStore *store() const { return m_store; }
    /// Full-text search across all groups (empty page without a store).
    Task<store::SearchPage, store::StoreError> search(const store::SearchQuery &query);
    GroupListModel *groups() const { return m_groups.get(); }
    AttentionInbox *attention() const { return m_attention.get(); }
    /// The group's timeline, created on first use.
    TimelineModel *timeline(const QString &groupId);
    /// The group's members, kept up to date from presence.
    MemberListModel *members(const QString &groupId);

    chat::ConnectionState connectionState() const { return m_state; }
    chat::ChatError lastError() const { return m_lastError; }
    QString accountJid() const;
    QString ownNick(const QString &groupId) const;

    /// Groups the operator is reading now: their messages do not count as unread.
    void setReading(const QStringList &groupIds, bool windowActive);

    /// Sends to a group; the message shows at once and is matched with the room's echo.
    Task<chat::Message, chat::ChatError> send(const QString &groupId, const QString &text,
                                              const QString &replyToId = {},
                                              const QString &replyToNick = {});
    /// Uploads a file (XEP-0363) and shares it with the group; the message shows when
    /// it is sent. Fails with the upload's or the send's error.
    Task<chat::Message, chat::ChatError> sendFile(const QString &groupId, const QString &path);
    /// Loads older messages of a group into its timeline (the store's, then the archive's).
    void loadOlder(const QString &groupId);
    /// Puts the stored messages around `at` (a search hit's time) into the group's
    /// timeline, so the window can scroll to it.
    Task<Done, store::StoreError> loadAround(const QString &groupId, const QDateTime &at);

    /// A new group with the seeds' defaults: open invite until 100 members, then
    /// members-only; hard cap 500; newcomers see no history; archived; not listed.
    static chat::Group newGroupDefaults(const QString &name, const QString &localpart);
    Task<chat::Group, chat::ChatError> createGroup(const chat::Group &group);
    /// Adds an existing group (by address) to the list and joins it.
    Task<Done, chat::ChatError> addGroup(const chat::Group &group);
    /// Saves name, tags and time zone of a group the operator already has.
    Task<Done, chat::ChatError> updateGroup(const chat::Group &group);
    /// Leaves the group and removes it from the list.
    Task<Done, chat::ChatError> leaveGroup(const QString &groupId);

Q_SIGNALS:
    void connectionStateChanged(chorus::chat::ConnectionState state,
                                const chorus::chat::ChatError &error, int retryInSeconds);
    void serviceWarning(const QString &message);
    /// A group could not be joined or we were removed from it.
    void groupProblem(const QString &groupId, const QString &message);
    void membersChanged(const QString &groupId);

private:
    void onGroupsChanged(const QList<chat::Group> &groups);
    void onMessages(const QList<chat::Message> &messages, chat::MessageSource source);
    void onMembersChanged(const QString &groupId, const QList<chat::Member> &changed);
    void onMemberLeft(const QString &groupId, const chat::Member &member, const QString &reason);
    void onConnectionState(chat::ConnectionState state, const chat::ChatError &error, int retry);
    bool isBeingRead(const QString &groupId) const;
    /// Joins `groups` after handing the chat service each one's last stored stanza-id.
    void joinFromResumePoints(const QList<chat::Group> &groups);
    void storeGroups(const QList<chat::Group> &groups);
    void storeWarning(const store::StoreError &error);
    void loadOlderFromArchive(const QString &groupId);

    chat::ChatService *m_chat;
    store::AsyncStore *m_store = nullptr;
    QHash<QString, chat::Group> m_cached; ///< the store's view of each group (config, policy)
    bool m_storeWarned = false;
    std::unique_ptr<GroupListModel> m_groups;
    std::unique_ptr<AttentionInbox> m_attention;
    QHash<QString, TimelineModel *> m_timelines;
    QHash<QString, MemberListModel *> m_members;
    QHash<QString, bool> m_loadingOlder;
    QSet<QString> m_reading;
    bool m_windowActive = false;
    bool m_joined = false;
    chat::ConnectionState m_state = chat::ConnectionState::Offline;
    chat::ChatError m_lastError;
};

} // namespace chorus::workspace
