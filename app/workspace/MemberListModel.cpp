#include "workspace/MemberListModel.h"

#include <QCoreApplication>

namespace chorus::workspace {

MemberListModel::MemberListModel(QString groupId, QObject *parent)
    : QAbstractTableModel(parent), m_groupId(std::move(groupId))
{
}

void MemberListModel::setMembers(const QList<chat::Member> &members)
{
    beginResetModel();
    m_members = members;
    reindex();
    endResetModel();
}

void MemberListModel::update(const QList<chat::Member> &changed)
{
    for (const chat::Member &m : changed) {
        const int row = m_rows.value(m.nick, -1);
        if (row >= 0) {
            m_members[row] = m;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        } else {
            beginInsertRows({}, rowCount(), rowCount());
            m_members << m;
            m_rows.insert(m.nick, int(m_members.size()) - 1);
            endInsertRows();
        }
    }
}

void MemberListModel::remove(const QString &nick)
{
    const int row = m_rows.value(nick, -1);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_members.removeAt(row);
    reindex();
    endRemoveRows();
}

QStringList MemberListModel::nicks() const
{
    QStringList out;
    out.reserve(m_members.size());
    for (const chat::Member &m : m_members)
        out << m.nick;
    return out;
}

int MemberListModel::onlineCount() const
{
    return int(std::count_if(m_members.cbegin(), m_members.cend(), [](const chat::Member &m) {
        return m.presence != chat::Presence::Offline;
    }));
}

const chat::Member *MemberListModel::member(const QString &nick) const
{
    const int row = m_rows.value(nick, -1);
    return row < 0 ? nullptr : &m_members.at(row);
}

int MemberListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_members.size());
}

int MemberListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MemberListModel::roleText(chat::Role role)
{
    switch (role) {
    case chat::Role::Moderator:
        return QCoreApplication::translate("MemberListModel", "Moderator");
    case chat::Role::Participant:
        return QCoreApplication::translate("MemberListModel", "Participant");
    case chat::Role::Visitor:
        return QCoreApplication::translate("MemberListModel", "Visitor (muted)");
    case chat::Role::None:
        break;
    }
    return QCoreApplication::translate("MemberListModel", "Not in the group");
}

QString MemberListModel::affiliationText(chat::Affiliation affiliation)
{
    switch (affiliation) {
    case chat::Affiliation::Owner:
        return QCoreApplication::translate("MemberListModel", "Owner");
    case chat::Affiliation::Admin:
        return QCoreApplication::translate("MemberListModel", "Admin");
    case chat::Affiliation::Member:
        return QCoreApplication::translate("MemberListModel", "Member");
    case chat::Affiliation::Outcast:
        return QCoreApplication::translate("MemberListModel", "Banned");
    case chat::Affiliation::None:
        break;
    }
    return QCoreApplication::translate("MemberListModel", "Guest");
}

QString MemberListModel::presenceText(chat::Presence presence)
{
    switch (presence) {
    case chat::Presence::Online:
    case chat::Presence::Chat:
        return QCoreApplication::translate("MemberListModel", "Online");
    case chat::Presence::Away:
        return QCoreApplication::translate("MemberListModel", "Away");
    case chat::Presence::ExtendedAway:
        return QCoreApplication::translate("MemberListModel", "Away for long");
    case chat::Presence::DoNotDisturb:
        return QCoreApplication::translate("MemberListModel", "Busy");
    case chat::Presence::Offline:
        break;
    }
    return QCoreApplication::translate("MemberListModel", "Offline");
}

QVariant MemberListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const chat::Member &m = m_members.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NickColumn:
            return m.nick;
        case RoleColumn:
            return roleText(m.role);
        case AffiliationColumn:
            return affiliationText(m.affiliation);
        case PresenceColumn:
            return presenceText(m.presence);
        default:
            return {};
        }
    }
    switch (role) {
    case Qt::ToolTipRole:
        return m.realJid.isEmpty() ? m.nick : m.nick + QLatin1String(" <") + m.realJid + u'>';
    case PersonKeyRole:
        return m.person().value;
    case RoleRole:
        return int(m.role);
    case AffiliationRole:
        return int(m.affiliation);
    case PresenceRole:
        return int(m.presence);
    case RealJidRole:
        return m.realJid;
    case OccupantIdRole:
        return m.occupantId;
    default:
        return {};
    }
}

QVariant MemberListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NickColumn:
        return QCoreApplication::translate("MemberListModel", "Nickname");
    case RoleColumn:
        return QCoreApplication::translate("MemberListModel", "Role");
    case AffiliationColumn:
        return QCoreApplication::translate("MemberListModel", "Affiliation");
    case PresenceColumn:
        return QCoreApplication::translate("MemberListModel", "Presence");
    default:
        return {};
    }
}

void MemberListModel::reindex()
{
    m_rows.clear();
    for (int i = 0; i < m_members.size(); ++i)
        m_rows.insert(m_members.at(i).nick, i);
}

} // namespace chorus::workspace
