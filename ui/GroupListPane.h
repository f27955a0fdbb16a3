#pragma once

#include <QStyledItemDelegate>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QListView;

namespace chorus::workspace {
class GroupFilterModel;
class GroupListModel;
} // namespace chorus::workspace

namespace chorus::ui {

/// Paints a group: name, last message, unread / mention / waiting badges, join state.
class GroupDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

/// The left pane: the operator's groups with a filter bar (text, tag, sort order).
class GroupListPane : public QWidget
{
    Q_OBJECT
public:
    explicit GroupListPane(workspace::GroupListModel *groups, QWidget *parent = nullptr);

    QListView *view() const { return m_view; }
    workspace::GroupFilterModel *filterModel() const { return m_filter; }
    QLineEdit *filterEdit() const { return m_text; }
    void selectGroup(const QString &groupId);
    QString currentGroup() const;

Q_SIGNALS:
    void groupActivated(const QString &groupId);
    void openInSplitRequested(const QString &groupId);
    void leaveRequested(const QString &groupId);
    void renameRequested(const QString &groupId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refreshTags();
    void showMenu(const QPoint &pos);

    workspace::GroupListModel *m_groups;
    workspace::GroupFilterModel *m_filter;
    QLineEdit *m_text;
    QComboBox *m_tag;
    QComboBox *m_sort;
    QListView *m_view;
    bool m_pressing = false; ///< inside a mouse press on the list
};

} // namespace chorus::ui
