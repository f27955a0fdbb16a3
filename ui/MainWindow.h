#pragma once

#include <QMainWindow>

class QAction;
class QDockWidget;
class QMenu;
class QSettings;
class QSplitter;
class QTabWidget;

namespace chorus::ui {

class EmptyState;

/// The operator's window: groups on the left, timelines in the centre, and the context
/// dock (Members, Activities, Replies, Sales) for the focused group on the right.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// `settings` holds UI state (geometry, layout); it must outlive the window.
    explicit MainWindow(QSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    QWidget *groupPane() const { return m_groupPane; }
    QWidget *timelinePane() const { return m_timelinePane; }
    QDockWidget *contextDock() const { return m_contextDock; }
    QTabWidget *contextTabs() const { return m_contextTabs; }

public Q_SLOTS:
    void showAbout();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildPanes();
    void buildMenus();
    void retranslate();
    void restoreLayout();
    void saveLayout() const;

    QSettings *m_settings;
    QSplitter *m_splitter = nullptr;
    QWidget *m_groupPane = nullptr;
    EmptyState *m_groupEmpty = nullptr;
    QWidget *m_timelinePane = nullptr;
    EmptyState *m_timelineEmpty = nullptr;
    QDockWidget *m_contextDock = nullptr;
    QTabWidget *m_contextTabs = nullptr;
    EmptyState *m_membersEmpty = nullptr;
    EmptyState *m_activitiesEmpty = nullptr;
    EmptyState *m_repliesEmpty = nullptr;
    EmptyState *m_salesEmpty = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
};

} // namespace chorus::ui
