#pragma once

#include "chat/Types.h"
#include "workspace/AttentionDetector.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>
#include <QSet>

namespace chorus::workspace {

/// One queue across all groups of messages that likely wait for the operator, oldest
/// first. An item clears when the operator answers it (a reply to it, or a message in
/// that group mentioning the asker) or marks it handled.
class AttentionInbox : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        GroupIdRole = Qt::UserRole + 1,
        MessageIdRole, ///< the id the timeline knows the message by
        AskerNickRole,
        AskerKeyRole,
        TextRole,
        AskedAtRole,   ///< QDateTime UTC
        ReasonsRole,   ///< QStringList: "mention", "question", "keyword:<word>"
    };
    Q_ENUM(Role)

    explicit AttentionInbox(QObject *parent = nullptr);

    AttentionDetector &detector() { return m_detector; }
    /// The operator's nick per group decides mentions and which messages are theirs.
    void setOwnNick(const QString &groupId, const QString &nick);

    /// Looks at new messages: adds those that wait, and clears what the operator's own
    /// messages answer. Returns the items added.
    int offer(const QList<chat::Message> &messages);
    void markHandled(int row);
    void markHandled(const QString &groupId, const QString &messageId);

    int waitingIn(const QString &groupId) const;
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// A new item, for notifications.
    void itemAdded(const QString &groupId, const QString &askerNick, const QString &text);
    /// The number waiting in a group changed (for the group list's badge).
    void waitingChanged(const QString &groupId, int waiting);

private:
    struct Item
    {
        QString groupId;
        QStringList ids; ///< stanza-id, origin-id, id: any may be what a reply quotes
        QString key;
        QString askerNick;
        QString askerKey;
        QString text;
        QDateTime askedAt;
        QStringList reasons;
    };
    bool isOwn(const chat::Message &message) const;
    void clearAnsweredBy(const chat::Message &answer);
    void removeRows(const QList<int> &rows);

    AttentionDetector m_detector;
    QHash<QString, QString> m_ownNicks;
    QList<Item> m_items;
    // Indexes over m_items, so a busy inbox does not make every message cost a scan:
    // the ids of waiting items per group, and how many wait in each group.
    QHash<QString, QSet<QString>> m_idsByGroup;
    QHash<QString, int> m_waiting;
};

} // namespace chorus::workspace
