#pragma once

#include "chat/Types.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>
#include <QSortFilterProxyModel>

namespace chorus::workspace {

/// The operator's groups (the account's bookmarks) with what needs their eyes: unread
/// and mention counts, waiting questions, the last activity, and whether we are in.
class GroupListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum class JoinState { NotJoined, Joining, Joined, Failed, Left };
    Q_ENUM(JoinState)

    enum Role {
        GroupIdRole = Qt::UserRole + 1,
        NameRole,
        TagsRole,
        TimeZoneRole,
        UnreadRole,
        MentionsRole,
        AttentionRole,
        LastActivityRole,
        PreviewRole,
        JoinStateRole,
        StateTextRole, ///< why joining failed or we left, for the tooltip
    };
    Q_ENUM(Role)

    explicit GroupListModel(QObject *parent = nullptr);

    /// Replaces the list; counters of groups that stay are kept.
    void setGroups(const QList<chat::Group> &groups);
    void upsertGroup(const chat::Group &group);
    void removeGroup(const QString &groupId);

    void setJoinState(const QString &groupId, JoinState state, const QString &text = {});
    /// Counts a new message; unread unless the group is being read right now.
    void recordMessage(const chat::Message &message, bool unread, bool mentionsMe);
    void markRead(const QString &groupId);
    void setAttention(const QString &groupId, int waiting);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    /// Groups can be dragged into the timeline area to open them side by side.
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    static constexpr const char *kMimeType = "application/x-chorus-group-id";

    int rowOf(const QString &groupId) const;
    chat::Group group(const QString &groupId) const;
    QList<chat::Group> groups() const;
    QStringList allTags() const;
    int totalUnread() const;

Q_SIGNALS:
    void totalUnreadChanged(int total);

private:
    struct Entry
    {
        chat::Group group;
        JoinState state = JoinState::NotJoined;
        QString stateText;
        int unread = 0;
        int mentions = 0;
        int attention = 0;
        QDateTime lastActivity;
        QString preview;
    };
    void changed(int row, const QList<int> &roles = {});
    void reindex();

    QList<Entry> m_entries;
    QHash<QString, int> m_rows;
    int m_totalUnread = 0;
};

/// Filter bar and sort order over the group list: by text, by tag, and by name, recent
/// activity or waiting attention.
class GroupFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class SortMode { Name, RecentActivity, Attention };
    Q_ENUM(SortMode)

    explicit GroupFilterModel(QObject *parent = nullptr);

    void setText(const QString &text);
    void setTag(const QString &tag); ///< empty: all tags
    void setSortMode(SortMode mode);
    SortMode sortMode() const { return m_mode; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_text;
    QString m_tag;
    SortMode m_mode = SortMode::Name;
};

} // namespace chorus::workspace
