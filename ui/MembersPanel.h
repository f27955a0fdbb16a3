#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedLayout;
class QTableView;

namespace chorus::workspace {
class MemberListModel;
}

namespace chorus::ui {

class EmptyState;

/// The Members tab of the context dock: the focused group's occupants with role,
/// affiliation and presence; sortable, filterable.
class MembersPanel : public QWidget
{
    Q_OBJECT
public:
    explicit MembersPanel(QWidget *parent = nullptr);

    void setModel(workspace::MemberListModel *model, const QString &groupName = {});
    QTableView *view() const { return m_view; }
    EmptyState *emptyState() const { return m_empty; }
    void retranslate();
    /// Selects and shows a member by nick (from the quick switcher).
    void selectMember(const QString &nick);

private:
    void updateSummary();

    workspace::MemberListModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QLabel *m_summary;
    QTableView *m_view;
    EmptyState *m_empty;
    QStackedLayout *m_stack;
};

} // namespace chorus::ui
