#pragma once

#include "workspace/Workspace.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QDockWidget;
class QMenu;
class QSettings;
class QSplitter;
class QStackedWidget;
class QTabWidget;

namespace chorus::ui {

class AttentionPane;
class ConnectionStatus;
class EmptyState;
class GroupActions;
class GroupListPane;
class MembersPanel;
class Notifier;
class ThumbnailCache;
class TimelineArea;
class TimelinePane;

/// The operator's window: groups and the attention inbox on the left, timelines in the
/// centre (up to four side by side), and the context dock (Members, Activities,
/// Replies, Sales) for the focused group on the right.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// `settings` holds UI state (geometry, layout); it must outlive the window.
    explicit MainWindow(QSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Shows an account's groups; until then the panes say what will appear.
    void setWorkspace(workspace::Workspace *workspace);
    workspace::Workspace *workspace() const { return m_workspace; }

    QWidget *groupPane() const { return m_groupPane; }
    GroupListPane *groupList() const { return m_groupList; }
    AttentionPane *attentionPane() const { return m_attentionPane; }
    TimelineArea *timelineArea() const { return m_timelines; }
    QWidget *timelinePane() const;
    QDockWidget *contextDock() const { return m_contextDock; }
    QTabWidget *contextTabs() const { return m_contextTabs; }
    QTabWidget *leftTabs() const { return m_leftTabs; }
    MembersPanel *membersPanel() const { return m_members; }
    ConnectionStatus *connectionStatus() const { return m_status; }
    Notifier *notifier() const { return m_notifier; }

    /// Opens a group and scrolls to one of its messages (from search or the inbox).
    void jumpTo(const QString &groupId, const QString &messageId);
    /// Opens a group in the timeline area; `split` adds a pane beside the current one.
    void openGroup(const QString &groupId, bool split = false);

public Q_SLOTS:
    void showAbout();
    void showQuickSwitcher();
    /// Ctrl+Shift+F: search messages across groups.
    void showSearch();

Q_SIGNALS:
    void signInRequested();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildPanes();
    void buildMenus();
    void retranslate();
    void restoreLayout();
    void saveLayout() const;
    void bindPane(TimelinePane *pane, const QString &groupId);
    void wirePane(TimelinePane *pane);
    void onFocusedGroupChanged(const QString &groupId);
    void updateReading();
    void updateWaitingTab();

    QSettings *m_settings;
    QPointer<workspace::Workspace> m_workspace;
    QSplitter *m_splitter = nullptr;
    QWidget *m_groupPane = nullptr;
    QStackedWidget *m_leftStack = nullptr;
    EmptyState *m_groupEmpty = nullptr;
    QTabWidget *m_leftTabs = nullptr;
    GroupListPane *m_groupList = nullptr;
    AttentionPane *m_attentionPane = nullptr;
    ThumbnailCache *m_thumbnails = nullptr;
    TimelineArea *m_timelines = nullptr;
    QDockWidget *m_contextDock = nullptr;
    QTabWidget *m_contextTabs = nullptr;
    MembersPanel *m_members = nullptr;
    EmptyState *m_activitiesEmpty = nullptr;
    EmptyState *m_repliesEmpty = nullptr;
    EmptyState *m_salesEmpty = nullptr;
    ConnectionStatus *m_status = nullptr;
    Notifier *m_notifier = nullptr;
    GroupActions *m_groupActions = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_signInAction = nullptr;
    QAction *m_newGroupAction = nullptr;
    QAction *m_addGroupAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_switchAction = nullptr;
    QAction *m_searchAction = nullptr;
    QAction *m_splitAction = nullptr;
    QAction *m_closeTimelineAction = nullptr;
    QAction *m_groupsAction = nullptr;
    QAction *m_waitingAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
};

} // namespace chorus::ui
