#include "workspace/QuickSwitchModel.h"

#include "workspace/GroupListModel.h"
#include "workspace/MemberListModel.h"
#include "workspace/Workspace.h"

#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace chorus::workspace {
namespace {

constexpr int kMaxShown = 50;

} // namespace

QuickSwitchModel::QuickSwitchModel(Workspace *workspace, QObject *parent)
    : QAbstractListModel(parent), m_workspace(workspace)
{
    refresh();
}

int QuickSwitchModel::score(const QString &query, const QString &text)
{
    if (query.isEmpty())
        return 1;
    const QString q = query.toCaseFolded();
    const QString t = text.toCaseFolded();
    if (t.startsWith(q))
        return 1000 - int(t.size());
    // A word of the text starts with the query ("arr" finds "Bali arrivals").
    for (qsizetype i = 1; i < t.size(); ++i) {
        if (!t.at(i - 1).isLetterOrNumber() && t.mid(i).startsWith(q))
            return 800 - int(t.size());
    }
    if (t.contains(q))
        return 600 - int(t.size());
    // Every query character in order ("bla" finds "Bali arrivals"); tighter is better.
    qsizetype pos = 0, first = -1, last = 0;
    for (const QChar c : q) {
        pos = t.indexOf(c, pos);
        if (pos < 0)
            return 0;
        if (first < 0)
            first = pos;
        last = pos++;
    }
    return qMax(1, 400 - int(last - first) * 4 - int(t.size()));
}

void QuickSwitchModel::refresh()
{
    m_all.clear();
    GroupListModel *groups = m_workspace->groups();
    QHash<QString, Candidate> people; // by person key: one entry per person
    for (int row = 0; row < groups->rowCount(); ++row) {
        const QModelIndex idx = groups->index(row);
        const QString id = idx.data(GroupListModel::GroupIdRole).toString();
        const QString name = idx.data(GroupListModel::NameRole).toString();
        const QStringList tags = idx.data(GroupListModel::TagsRole).toStringList();
        m_all << Candidate{Kind::Group, name, id, {},
                           tags.isEmpty() ? id : u"#"_s + tags.join(u"  #"_s)};
        MemberListModel *members = m_workspace->members(id);
        for (int m = 0; m < members->rowCount(); ++m) {
            const QModelIndex mi = members->index(m, 0);
            const QString nick = mi.data().toString();
            if (nick == m_workspace->ownNick(id))
                continue;
            const QString key = mi.data(MemberListModel::PersonKeyRole).toString();
            auto it = people.find(key);
            if (it == people.end())
                people.insert(key, Candidate{Kind::Person, nick, id, nick, name});
            else
                it->detail += u", "_s + name;
        }
    }
    for (const Candidate &c : std::as_const(people))
        m_all << c;
    setQuery(m_query);
}

void QuickSwitchModel::setQuery(const QString &query)
{
    m_query = query.trimmed();
    beginResetModel();
    m_shown.clear();
    for (Candidate c : std::as_const(m_all)) {
        c.score = score(m_query, c.title);
        if (c.score > 0)
            m_shown << c;
    }
    std::stable_sort(m_shown.begin(), m_shown.end(), [](const Candidate &a, const Candidate &b) {
        if (a.score != b.score)
            return a.score > b.score;
        return a.kind == Kind::Group && b.kind == Kind::Person;
    });
    if (m_shown.size() > kMaxShown)
        m_shown.resize(kMaxShown);
    endResetModel();
}

int QuickSwitchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_shown.size());
}

QVariant QuickSwitchModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Candidate &c = m_shown.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return c.title;
    case KindRole:
        return QVariant::fromValue(c.kind);
    case GroupIdRole:
        return c.groupId;
    case NickRole:
        return c.nick;
    case DetailRole:
        return c.detail;
    default:
        return {};
    }
}

} // namespace chorus::workspace
