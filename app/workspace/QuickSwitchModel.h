#pragma once

#include <QAbstractListModel>
#include <QList>

namespace chorus::workspace {

class Workspace;

/// Candidates for the quick switcher (Ctrl+K): groups and people, filtered and ranked as
/// the operator types (prefix and word starts first, then any subsequence).
class QuickSwitchModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum class Kind { Group, Person };
    Q_ENUM(Kind)
    enum Role {
        KindRole = Qt::UserRole + 1,
        GroupIdRole,   ///< the group to open (for a person: where they were seen)
        NickRole,      ///< people only
        DetailRole,    ///< second line: tags, or the groups a person is in
    };

    explicit QuickSwitchModel(Workspace *workspace, QObject *parent = nullptr);

    /// Rebuilds the candidates from the workspace (cheap: groups and loaded members).
    void refresh();
    void setQuery(const QString &query);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    /// 0 when `query` does not match `text`; higher is better.
    static int score(const QString &query, const QString &text);

private:
    struct Candidate
    {
        Kind kind;
        QString title;
        QString groupId;
        QString nick;
        QString detail;
        int score = 0;
    };

    Workspace *m_workspace;
    QList<Candidate> m_all;
    QList<Candidate> m_shown;
    QString m_query;
};

} // namespace chorus::workspace
