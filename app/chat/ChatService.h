#pragma once

#include "chat/Types.h"
#include "core/Expected.h"

#include <QByteArray>
#include <QObject>

namespace chorus::chat {

/// Why a chat request failed, in terms a feature (and the operator) can act on.
struct ChatError
{
    enum class Code {
        NotConnected,      ///< no session; the request was not sent
        Timeout,           ///< the server did not answer in time
        NotAuthorized,     ///< wrong password (sign-in)
        AccountDisabled,   ///< the server disabled the account (sign-in)
        Unreachable,       ///< no route to the server, DNS or TCP failure (sign-in)
        UntrustedCertificate, ///< the certificate is not trusted; see certificate fields
        CertificateChanged,   ///< a pinned certificate changed: refused
        TlsRequired,       ///< the server does not offer TLS but the account requires it
        Forbidden,         ///< the operator may not do this (e.g. not an owner)
        NotAllowed,        ///< the room does not allow it (e.g. members-only, banned)
        RegistrationRequired, ///< members-only room and we are not a member
        Banned,            ///< we are an outcast of the room
        NickConflict,      ///< the nickname is taken
        RoomFull,          ///< maxusers reached
        ServerLimit,       ///< a server limit refused it (e.g. max_user_conferences)
        NotFound,          ///< no such room / item / member
        Invalid,           ///< the request was malformed (a bug or bad input)
        Remote,            ///< any other error from the server; see message
    };
    Code code = Code::Remote;
    QString message;              ///< human-readable, from us or the server's <text/>
    QString condition;            ///< the server's error condition, when there was one
    QList<QByteArray> certificateChain;  ///< DER, for UntrustedCertificate/CertificateChanged
    QByteArray certificateSha256;        ///< fingerprint of the leaf, for the trust dialog
};

enum class ConnectionState { Offline, Connecting, Connected, Reconnecting };

/// How to reach and log in to one account. The password is not here: it comes from the
/// keychain and is handed to connectAccount() only.
struct AccountSettings
{
    QString jid;                 ///< bare JID of the operator's account
    QString host;                ///< override of the SRV lookup (empty: look up)
    quint16 port = 0;            ///< with host; 0 means 5222
    bool allowPlaintextLoopback = false; ///< permit no-TLS, only for a loopback host
    QList<QByteArray> pinnedCertificateSha256; ///< trusted-on-first-use leaf fingerprints
    QString resource = QStringLiteral("chorus");
};

/// Where received messages came from: live traffic, or the archive (MAM) during catch-up
/// or when paging back.
enum class MessageSource { Live, Archive };

/// One page of a group's archive, oldest first.
struct HistoryPage
{
    QList<Message> messages;
    bool complete = false; ///< nothing older (or newer, when paging forward) remains
};

/// The backend-neutral chat API features use. XmppChatService implements it on app/xmpp.
/// Requests return a Task; pushes from the server arrive as signals, in batches.
class ChatService : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~ChatService() override = default;

    // --- Account ---
    virtual void connectAccount(const AccountSettings &settings, const QString &password) = 0;
    virtual void disconnectAccount() = 0;
    /// Skips the back-off wait and reconnects at once.
    virtual void reconnectNow() = 0;
    virtual ConnectionState connectionState() const = 0;
    virtual QString accountJid() const = 0;

    // --- Groups (the account's bookmarks) ---
    virtual Task<QList<Group>, ChatError> fetchGroups() = 0;
    /// Adds or updates a bookmark (name, nick, autojoin; tags and time zone travel in the
    /// bookmark's extensions so every device of the operator sees them).
    virtual Task<Done, ChatError> saveGroup(const Group &group) = 0;
    virtual Task<Done, ChatError> removeGroup(const QString &groupId) = 0;
    /// Creates and configures a room in one step (group.config), then bookmarks it. An id
    /// without a domain ("bali-2026") is created on the account's group chat service.
    /// Returns the group as created (full id).
    virtual Task<Group, ChatError> createGroup(const Group &group) = 0;
    /// Joins in the given priority order with a bounded number in flight. History comes
    /// from the archive after the last message we have (see setResumePoint()). Groups
    /// already joined or joining are skipped; after a fresh session (no resume) the
    /// service rejoins what it had joined by itself.
    virtual void joinGroups(const QList<Group> &groups) = 0;
    virtual Task<Done, ChatError> leaveGroup(const QString &groupId) = 0;
    /// Where MAM catch-up resumes for a group: the last stored stanza-id.
    virtual void setResumePoint(const QString &groupId, const QString &stanzaId) = 0;
    virtual Task<GroupConfig, ChatError> fetchConfig(const QString &groupId) = 0;
    virtual Task<Done, ChatError> configure(const QString &groupId, const GroupConfig &config) = 0;

    // --- Messages ---
    /// Sends to the whole group. The returned message carries its origin-id.
    virtual Task<Message, ChatError> sendMessage(const QString &groupId, const QString &body,
                                                 const QString &replyToId = {},
                                                 const QString &replyToNick = {}) = 0;
    /// Sends privately to one member through the room (their account stays hidden).
    virtual Task<Message, ChatError> sendPrivate(const QString &groupId, const QString &nick,
                                                 const QString &body) = 0;
    virtual Task<Message, ChatError> correctMessage(const QString &groupId, const QString &id,
                                                    const QString &body) = 0;
    virtual Task<Done, ChatError> retractMessage(const QString &groupId, const QString &stanzaId,
                                                 const QString &reason) = 0;
    /// Older history before `beforeStanzaId` (empty: the newest), oldest first.
    virtual Task<HistoryPage, ChatError> fetchHistory(const QString &groupId,
                                                      const QString &beforeStanzaId,
                                                      int max) = 0;
    /// Uploads a file (XEP-0363) and returns its download URL.
    virtual Task<QUrl, ChatError> upload(const QString &filePath) = 0;
    /// Shares an uploaded file with the whole group: its URL is the body (what clients
    /// without XEP-0066 show) and an out-of-band link (what lets clients show it inline).
    virtual Task<Message, ChatError> sendAttachment(const QString &groupId,
                                                    const Attachment &attachment) = 0;

    // --- Members and moderation ---
    virtual QList<Member> members(const QString &groupId) const = 0;
    virtual Task<Done, ChatError> setRole(const QString &groupId, const QString &nick, Role role,
                                          const QString &reason = {}) = 0; ///< kick = Role::None
    virtual Task<Done, ChatError> setAffiliation(const QString &groupId, const QString &jid,
                                                 Affiliation affiliation,
                                                 const QString &reason = {}) = 0; ///< ban = Outcast
    virtual Task<QList<Member>, ChatError> fetchAffiliations(const QString &groupId,
                                                             Affiliation affiliation) = 0;
    virtual Task<Done, ChatError> invite(const QString &groupId, const QString &jid,
                                         const QString &reason = {}) = 0;

Q_SIGNALS:
    /// retryInSeconds is set while Reconnecting; error explains Offline/Reconnecting.
    void connectionStateChanged(chorus::chat::ConnectionState state,
                                const chorus::chat::ChatError &error, int retryInSeconds);
    /// The bookmark list changed on the server (another device, or truncation noticed).
    void groupsChanged(const QList<chorus::chat::Group> &groups);
    /// A limit the operator should know about (e.g. the server kept only N bookmarks).
    void serviceWarning(const QString &message);
    void groupJoined(const QString &groupId);
    void groupJoinFailed(const QString &groupId, const chorus::chat::ChatError &error);
    /// We are no longer in the group (kicked, banned, room destroyed, shut down).
    void groupLeft(const QString &groupId, const QString &reason);
    void subjectChanged(const QString &groupId, const QString &subject);
    void configChanged(const QString &groupId);
    /// Batched: one signal per stanza burst or MAM page.
    void messagesReceived(const QList<chorus::chat::Message> &messages,
                          chorus::chat::MessageSource source);
    /// The archive catch-up after (re)joining a group is done.
    void catchUpFinished(const QString &groupId);
    void membersChanged(const QString &groupId, const QList<chorus::chat::Member> &changed);
    void memberLeft(const QString &groupId, const chorus::chat::Member &member,
                    const QString &reason);
};

} // namespace chorus::chat
