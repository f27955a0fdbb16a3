#include "workspace/GroupListModel.h"

#include <QCollator>
#include <QMimeData>

#include <algorithm>

namespace chorus::workspace {

GroupListModel::GroupListModel(QObject *parent) : QAbstractListModel(parent) {}

void GroupListModel::setGroups(const QList<chat::Group> &groups)
{
    QHash<QString, Entry> previous;
    for (const Entry &e : std::as_const(m_entries))
        previous.insert(e.group.id, e);
    beginResetModel();
    m_entries.clear();
    for (const chat::Group &g : groups) {
        Entry e = previous.value(g.id);
        e.group = g;
        m_entries << e;
    }
    reindex();
    endResetModel();
    int total = 0;
    for (const Entry &e : std::as_const(m_entries))
        total += e.unread;
    if (total != m_totalUnread) {
        m_totalUnread = total;
        Q_EMIT totalUnreadChanged(total);
    }
}

void GroupListModel::upsertGroup(const chat::Group &group)
{
    const int row = rowOf(group.id);
    if (row >= 0) {
        m_entries[row].group = group;
        changed(row);
        return;
    }
    beginInsertRows({}, rowCount(), rowCount());
    m_entries << Entry{group};
    m_rows.insert(group.id, int(m_entries.size()) - 1);
    endInsertRows();
}

void GroupListModel::removeGroup(const QString &groupId)
{
    const int row = rowOf(groupId);
    if (row < 0)
        return;
    const int unread = m_entries[row].unread;
    beginRemoveRows({}, row, row);
    m_entries.removeAt(row);
    reindex();
    endRemoveRows();
    if (unread) {
        m_totalUnread -= unread;
        Q_EMIT totalUnreadChanged(m_totalUnread);
    }
}

void GroupListModel::setJoinState(const QString &groupId, JoinState state, const QString &text)
{
    const int row = rowOf(groupId);
    if (row < 0)
        return;
    m_entries[row].state = state;
    m_entries[row].stateText = text;
    changed(row, {JoinStateRole, StateTextRole});
}

void GroupListModel::recordMessage(const chat::Message &message, bool unread, bool mentionsMe)
{
    const int row = rowOf(message.groupId);
    if (row < 0)
        return;
    Entry &e = m_entries[row];
    if (!e.lastActivity.isValid() || message.timestamp >= e.lastActivity) {
        e.lastActivity = message.timestamp;
        QString text = message.body;
        // A shared file reads as its name, not its upload address.
        if (!message.attachments.isEmpty()
            && text.trimmed() == message.attachments.first().url.toString(QUrl::FullyEncoded)) {
            const chat::Attachment &a = message.attachments.first();
            text = QStringLiteral("📎 ") + (a.fileName.isEmpty() ? a.url.fileName() : a.fileName);
        }
        e.preview = message.senderNick.isEmpty() ? text
                                                 : message.senderNick + QStringLiteral(": ") + text;
    }
    if (unread && !message.outgoing) {
        ++e.unread;
        ++m_totalUnread;
        if (mentionsMe)
            ++e.mentions;
        Q_EMIT totalUnreadChanged(m_totalUnread);
    }
    changed(row, {UnreadRole, MentionsRole, LastActivityRole, PreviewRole});
}

void GroupListModel::markRead(const QString &groupId)
{
    const int row = rowOf(groupId);
    if (row < 0 || (m_entries[row].unread == 0 && m_entries[row].mentions == 0))
        return;
    m_totalUnread -= m_entries[row].unread;
    m_entries[row].unread = 0;
    m_entries[row].mentions = 0;
    changed(row, {UnreadRole, MentionsRole});
    Q_EMIT totalUnreadChanged(m_totalUnread);
}

void GroupListModel::setAttention(const QString &groupId, int waiting)
{
    const int row = rowOf(groupId);
    if (row < 0 || m_entries[row].attention == waiting)
        return;
    m_entries[row].attention = waiting;
    changed(row, {AttentionRole});
}

int GroupListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant GroupListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Entry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return e.group.name.isEmpty() ? e.group.id.section(QLatin1Char('@'), 0, 0) : e.group.name;
    case Qt::ToolTipRole:
        return e.stateText.isEmpty() ? e.group.id : e.group.id + QLatin1Char('\n') + e.stateText;
    case GroupIdRole:
        return e.group.id;
    case TagsRole:
        return e.group.tags;
    case TimeZoneRole:
        return e.group.timeZone;
    case UnreadRole:
        return e.unread;
    case MentionsRole:
        return e.mentions;
    case AttentionRole:
        return e.attention;
    case LastActivityRole:
        return e.lastActivity;
    case PreviewRole:
        return e.preview;
    case JoinStateRole:
        return QVariant::fromValue(e.state);
    case StateTextRole:
        return e.stateText;
    default:
        return {};
    }
}

Qt::ItemFlags GroupListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractListModel::flags(index);
    if (index.isValid())
        f |= Qt::ItemIsDragEnabled;
    return f;
}

QStringList GroupListModel::mimeTypes() const
{
    return {QString::fromLatin1(kMimeType)};
}

QMimeData *GroupListModel::mimeData(const QModelIndexList &indexes) const
{
    if (indexes.isEmpty() || !indexes.constFirst().isValid())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(QString::fromLatin1(kMimeType),
                  indexes.constFirst().data(GroupIdRole).toString().toUtf8());
    data->setText(indexes.constFirst().data(NameRole).toString());
    return data;
}

int GroupListModel::rowOf(const QString &groupId) const
{
    return m_rows.value(groupId, -1);
}

chat::Group GroupListModel::group(const QString &groupId) const
{
    const int row = rowOf(groupId);
    return row < 0 ? chat::Group{} : m_entries.at(row).group;
}

QList<chat::Group> GroupListModel::groups() const
{
    QList<chat::Group> out;
    out.reserve(m_entries.size());
    for (const Entry &e : m_entries)
        out << e.group;
    return out;
}

QStringList GroupListModel::allTags() const
{
    QStringList tags;
    for (const Entry &e : m_entries) {
        for (const QString &t : e.group.tags) {
            if (!tags.contains(t))
                tags << t;
        }
    }
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(tags.begin(), tags.end(), collator);
    return tags;
}

int GroupListModel::totalUnread() const
{
    return m_totalUnread;
}

void GroupListModel::changed(int row, const QList<int> &roles)
{
    Q_EMIT dataChanged(index(row), index(row), roles);
}

void GroupListModel::reindex()
{
    m_rows.clear();
    for (int i = 0; i < m_entries.size(); ++i)
        m_rows.insert(m_entries.at(i).group.id, i);
}

GroupFilterModel::GroupFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    sort(0);
}

void GroupFilterModel::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

void GroupFilterModel::setTag(const QString &tag)
{
    m_tag = tag;
    invalidateFilter();
}

void GroupFilterModel::setSortMode(SortMode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    invalidate();
}

bool GroupFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_tag.isEmpty() && !idx.data(GroupListModel::TagsRole).toStringList().contains(m_tag))
        return false;
    if (m_text.isEmpty())
        return true;
    return idx.data(GroupListModel::NameRole).toString().contains(m_text, Qt::CaseInsensitive)
           || idx.data(GroupListModel::GroupIdRole).toString().contains(m_text, Qt::CaseInsensitive)
           || idx.data(GroupListModel::TagsRole).toStringList().contains(m_text, Qt::CaseInsensitive);
}

bool GroupFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const auto byName = [&] {
        return QString::localeAwareCompare(left.data(GroupListModel::NameRole).toString(),
                                           right.data(GroupListModel::NameRole).toString())
               < 0;
    };
    switch (m_mode) {
    case SortMode::Name:
        return byName();
    case SortMode::RecentActivity: {
        const QDateTime l = left.data(GroupListModel::LastActivityRole).toDateTime();
        const QDateTime r = right.data(GroupListModel::LastActivityRole).toDateTime();
        if (l != r)
            return l > r; // newest first
        return byName();
    }
    case SortMode::Attention: {
        // Waiting questions first, then mentions, then unread.
        for (int role : {GroupListModel::AttentionRole, GroupListModel::MentionsRole,
                         GroupListModel::UnreadRole}) {
            const int l = left.data(role).toInt();
            const int r = right.data(role).toInt();
            if (l != r)
                return l > r;
        }
        return byName();
    }
    }
    return byName();
}

} // namespace chorus::workspace
