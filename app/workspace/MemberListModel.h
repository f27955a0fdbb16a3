#pragma once

#include "chat/Types.h"

#include <QAbstractTableModel>
#include <QHash>

namespace chorus::workspace {

/// The occupants of one group: nick, role, affiliation, presence.
class MemberListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NickColumn, RoleColumn, AffiliationColumn, PresenceColumn, ColumnCount };
    enum Role {
        PersonKeyRole = Qt::UserRole + 1,
        RoleRole,        ///< chat::Role as int
        AffiliationRole, ///< chat::Affiliation as int
        PresenceRole,    ///< chat::Presence as int
        RealJidRole,
        OccupantIdRole,
    };

    explicit MemberListModel(QString groupId, QObject *parent = nullptr);

    QString groupId() const { return m_groupId; }
    void setMembers(const QList<chat::Member> &members);
    /// Adds or updates members (matched by nick).
    void update(const QList<chat::Member> &changed);
    void remove(const QString &nick);
    QStringList nicks() const;
    int onlineCount() const;
    const chat::Member *member(const QString &nick) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString roleText(chat::Role role);
    static QString affiliationText(chat::Affiliation affiliation);
    static QString presenceText(chat::Presence presence);

private:
    void reindex();

    QString m_groupId;
    QList<chat::Member> m_members;
    QHash<QString, int> m_rows;
};

} // namespace chorus::workspace
