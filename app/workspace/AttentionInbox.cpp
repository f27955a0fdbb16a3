#include "workspace/AttentionInbox.h"

#include "workspace/TimelineModel.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace chorus::workspace {

AttentionInbox::AttentionInbox(QObject *parent) : QAbstractListModel(parent) {}

void AttentionInbox::setOwnNick(const QString &groupId, const QString &nick)
{
    m_ownNicks.insert(groupId, nick);
}

bool AttentionInbox::isOwn(const chat::Message &message) const
{
    if (message.outgoing)
        return true;
    const QString own = m_ownNicks.value(message.groupId);
    return !own.isEmpty() && message.kind == chat::MessageKind::GroupChat
           && message.senderNick == own;
}

int AttentionInbox::offer(const QList<chat::Message> &messages)
{
    int added = 0;
    for (const chat::Message &m : messages) {
        if (isOwn(m)) {
            clearAnsweredBy(m);
            continue;
        }
        const AttentionReasons reasons = m_detector.classify(m, m_ownNicks.value(m.groupId));
        if (!reasons.any() || m.body.trimmed().isEmpty())
            continue;
        Item item;
        item.groupId = m.groupId;
        for (const QString &id : {m.stanzaId, m.originId, m.id}) {
            if (!id.isEmpty())
                item.ids << id;
        }
        item.key = TimelineModel::keyOf(m);
        // The same message seen live and again from the archive is one item.
        const auto groupIds = m_idsByGroup.constFind(item.groupId);
        const bool known = groupIds != m_idsByGroup.cend()
                           && std::any_of(item.ids.cbegin(), item.ids.cend(),
                                          [&](const QString &id) { return groupIds->contains(id); });
        if (known)
            continue;
        item.askerNick = m.senderNick;
        item.askerKey = m.sender().value;
        item.text = m.body;
        item.askedAt = m.timestamp;
        if (reasons.mention)
            item.reasons << u"mention"_s;
        if (reasons.question)
            item.reasons << u"question"_s;
        for (const QString &k : reasons.keywords)
            item.reasons << u"keyword:"_s + k;

        // Oldest first: the one waiting longest is on top.
        const auto pos = std::upper_bound(
            m_items.begin(), m_items.end(), item.askedAt,
            [](const QDateTime &t, const Item &i) { return t < i.askedAt; });
        const int row = int(pos - m_items.begin());
        beginInsertRows({}, row, row);
        m_items.insert(row, item);
        QSet<QString> &ids = m_idsByGroup[item.groupId];
        for (const QString &id : std::as_const(item.ids))
            ids.insert(id);
        ++m_waiting[item.groupId];
        endInsertRows();
        ++added;
        Q_EMIT itemAdded(item.groupId, item.askerNick, item.text);
        Q_EMIT waitingChanged(item.groupId, waitingIn(item.groupId));
    }
    return added;
}

void AttentionInbox::clearAnsweredBy(const chat::Message &answer)
{
    QList<int> rows;
    for (int i = 0; i < m_items.size(); ++i) {
        const Item &item = m_items.at(i);
        if (item.groupId != answer.groupId)
            continue;
        const bool quoted = !answer.replyToId.isEmpty() && item.ids.contains(answer.replyToId);
        const bool addressed =
            answer.replyToId.isEmpty()
            && (AttentionDetector::mentions(answer.body, item.askerNick)
                || (answer.kind == chat::MessageKind::Private
                    && answer.recipientNick == item.askerNick));
        if (quoted || addressed)
            rows << i;
    }
    removeRows(rows);
}

void AttentionInbox::markHandled(int row)
{
    if (row >= 0 && row < m_items.size())
        removeRows({row});
}

void AttentionInbox::markHandled(const QString &groupId, const QString &messageId)
{
    for (int i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).groupId == groupId && m_items.at(i).ids.contains(messageId)) {
            removeRows({i});
            return;
        }
    }
}

void AttentionInbox::removeRows(const QList<int> &rows)
{
    QSet<QString> groups;
    for (auto it = rows.crbegin(); it != rows.crend(); ++it) {
        const Item &item = m_items.at(*it);
        groups.insert(item.groupId);
        beginRemoveRows({}, *it, *it);
        if (--m_waiting[item.groupId] <= 0) {
            m_waiting.remove(item.groupId);
            m_idsByGroup.remove(item.groupId);
        } else {
            QSet<QString> &ids = m_idsByGroup[item.groupId];
            for (const QString &id : item.ids)
                ids.remove(id);
        }
        m_items.removeAt(*it);
        endRemoveRows();
    }
    for (const QString &g : std::as_const(groups))
        Q_EMIT waitingChanged(g, waitingIn(g));
}

int AttentionInbox::waitingIn(const QString &groupId) const
{
    return m_waiting.value(groupId);
}

int AttentionInbox::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant AttentionInbox::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Item &i = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return i.text;
    case GroupIdRole:
        return i.groupId;
    case MessageIdRole:
        return i.key;
    case AskerNickRole:
        return i.askerNick;
    case AskerKeyRole:
        return i.askerKey;
    case AskedAtRole:
        return i.askedAt;
    case ReasonsRole:
        return i.reasons;
    default:
        return {};
    }
}

} // namespace chorus::workspace
