#pragma once

#include <QStyledItemDelegate>
#include <QWidget>

class QListView;
class QPushButton;

namespace chorus::workspace {
class AttentionInbox;
class GroupListModel;
} // namespace chorus::workspace

namespace chorus::ui {

/// Paints a waiting message: group, asker, how long it has waited, and the text.
class AttentionDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    AttentionDelegate(workspace::GroupListModel *groups, QObject *parent);
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// "3 min", "2 h 5 min", "1 d": how long someone has waited.
    static QString waited(const QDateTime &since, const QDateTime &now);

private:
    workspace::GroupListModel *m_groups;
};

/// The attention inbox: every message across all groups that likely waits for the
/// operator, oldest first. Enter jumps to it; Delete marks it handled.
class AttentionPane : public QWidget
{
    Q_OBJECT
public:
    AttentionPane(workspace::AttentionInbox *inbox, workspace::GroupListModel *groups,
                  QWidget *parent = nullptr);

    QListView *view() const { return m_view; }

Q_SIGNALS:
    void jumpRequested(const QString &groupId, const QString &messageId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void jumpTo(const QModelIndex &index);
    void markCurrentHandled();

    workspace::AttentionInbox *m_inbox;
    QListView *m_view;
    QPushButton *m_handled;
    QWidget *m_empty;
};

} // namespace chorus::ui
