#pragma once

#include <QWidget>

#include <functional>

class QSplitter;
class QStackedLayout;

namespace chorus::ui {

class EmptyState;
class TimelinePane;

/// The centre of the window: one group's timeline, or up to four side by side (drag a
/// group here, or "open in split"). The focused pane follows the group list.
class TimelineArea : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kMaxPanes = 4;

    /// Fills a pane for a group (model, name, members); set by the window.
    using Binder = std::function<void(TimelinePane *pane, const QString &groupId)>;

    explicit TimelineArea(QWidget *parent = nullptr);

    void setBinder(Binder binder);
    EmptyState *emptyState() const { return m_empty; }

    /// Shows the group: focuses it if open, else in a new pane (inSplit, while there is
    /// room) or in place of the focused one.
    void openGroup(const QString &groupId, bool inSplit = false);
    void closeGroup(const QString &groupId);
    TimelinePane *paneFor(const QString &groupId) const;
    QList<TimelinePane *> panes() const;
    QStringList openGroups() const;
    QString focusedGroup() const;
    /// Re-binds panes (after a group was renamed or its members changed).
    void refresh(const QString &groupId);

    QByteArray saveState() const;
    void restoreState(const QByteArray &state);

Q_SIGNALS:
    void paneCreated(chorus::ui::TimelinePane *pane);
    void focusedGroupChanged(const QString &groupId);
    void layoutChanged();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    TimelinePane *addPane();
    void removePane(TimelinePane *pane);
    void focus(TimelinePane *pane);
    void updateChrome();

    Binder m_binder;
    QStackedLayout *m_stack;
    EmptyState *m_empty;
    QSplitter *m_splitter;
    TimelinePane *m_focused = nullptr;
};

} // namespace chorus::ui
