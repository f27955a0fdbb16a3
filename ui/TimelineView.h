#pragma once

#include <QListView>

namespace chorus::ui {

class MessageDelegate;

/// A virtualised view of one TimelineModel (no widget per message). Follows new messages
/// while scrolled to the bottom, and asks for older history when scrolled to the top.
class TimelineView : public QListView
{
    Q_OBJECT
public:
    explicit TimelineView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
    MessageDelegate *messageDelegate() const { return m_delegate; }

    bool isAtBottom() const;
    /// Scrolls to a message and flashes it (jump from search or the attention inbox).
    void revealRow(int row);

Q_SIGNALS:
    void olderHistoryRequested();
    void replyRequested(const QModelIndex &index);
    void contextMenuRequestedFor(const QModelIndex &index, const QPoint &globalPos);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void onRowsAboutToBeInserted(const QModelIndex &parent, int first, int last);
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void onScrolled(int value);

    MessageDelegate *m_delegate;
    bool m_followBottom = true;
    bool m_prepending = false;
    int m_heightBeforePrepend = 0;
};

} // namespace chorus::ui
