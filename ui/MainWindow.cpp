#include "ui/MainWindow.h"

#include "ui/AboutDialog.h"
#include "ui/EmptyState.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QIcon>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace chorus::ui {
namespace {

constexpr auto kGeometryKey = "window/geometry";
constexpr auto kStateKey = "window/state";
constexpr auto kSplitterKey = "window/splitter";

QWidget *pane(const QString &objectName, QWidget *content, QWidget *parent)
{
    auto *w = new QWidget(parent);
    w->setObjectName(objectName);
    auto *layout = new QVBoxLayout(w);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(content);
    return w;
}

} // namespace

MainWindow::MainWindow(QSettings *settings, QWidget *parent)
    : QMainWindow(parent), m_settings(settings)
{
    setObjectName(u"mainWindow"_s);
    setWindowIcon(QIcon(u":/icons/chorus.svg"_s));
    buildPanes();
    buildMenus();
    retranslate();
    restoreLayout();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildPanes()
{
    m_groupEmpty = new EmptyState({}, {}, this);
    m_groupPane = pane(u"groupPane"_s, m_groupEmpty, this);
    m_groupPane->setMinimumWidth(200);

    m_timelineEmpty = new EmptyState({}, {}, this);
    m_timelinePane = pane(u"timelinePane"_s, m_timelineEmpty, this);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->addWidget(m_groupPane);
    m_splitter->addWidget(m_timelinePane);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({260, 700});
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);

    m_contextTabs = new QTabWidget(this);
    m_contextTabs->setObjectName(u"contextTabs"_s);
    m_contextTabs->setDocumentMode(true);
    m_membersEmpty = new EmptyState({}, {}, this);
    m_activitiesEmpty = new EmptyState({}, {}, this);
    m_repliesEmpty = new EmptyState({}, {}, this);
    m_salesEmpty = new EmptyState({}, {}, this);
    m_membersEmpty->setObjectName(u"membersTab"_s);
    m_activitiesEmpty->setObjectName(u"activitiesTab"_s);
    m_repliesEmpty->setObjectName(u"repliesTab"_s);
    m_salesEmpty->setObjectName(u"salesTab"_s);
    for (QWidget *tab : {static_cast<QWidget *>(m_membersEmpty),
                         static_cast<QWidget *>(m_activitiesEmpty),
                         static_cast<QWidget *>(m_repliesEmpty),
                         static_cast<QWidget *>(m_salesEmpty)})
        m_contextTabs->addTab(tab, QString());

    m_contextDock = new QDockWidget(this);
    m_contextDock->setObjectName(u"contextDock"_s);
    m_contextDock->setWidget(m_contextTabs);
    m_contextDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable
                               | QDockWidget::DockWidgetFloatable);
    m_contextDock->setMinimumWidth(280);
    addDockWidget(Qt::RightDockWidgetArea, m_contextDock);
    resizeDocks({m_contextDock}, {340}, Qt::Horizontal);

    statusBar()->setObjectName(u"statusBar"_s);
}

void MainWindow::buildMenus()
{
    // Structure and shortcuts here; every text is set in retranslate().
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->setObjectName(u"fileMenu"_s);
    m_quitAction = m_fileMenu->addAction(QIcon::fromTheme(u"application-exit"_s), QString(),
                                         this, &QWidget::close);
    m_quitAction->setObjectName(u"quitAction"_s);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->setObjectName(u"viewMenu"_s);
    QAction *toggleDock = m_contextDock->toggleViewAction();
    toggleDock->setObjectName(u"toggleContextAction"_s);
    toggleDock->setShortcut(QKeySequence(Qt::Key_F9));
    m_viewMenu->addAction(toggleDock);

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->setObjectName(u"helpMenu"_s);
    m_aboutAction = m_helpMenu->addAction(QString(), this, &MainWindow::showAbout);
    m_aboutAction->setObjectName(u"aboutAction"_s);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    m_aboutQtAction = m_helpMenu->addAction(QString(), qApp, &QApplication::aboutQt);
    m_aboutQtAction->setObjectName(u"aboutQtAction"_s);
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("Chorus"));
    m_groupEmpty->setTexts(tr("No groups yet"),
                           tr("Your group chats appear here once you sign in, with unread "
                              "counts, mentions and tags."));
    m_timelineEmpty->setTexts(tr("No group open"),
                              tr("Choose a group on the left to read and answer it. Drag "
                                 "groups here to follow up to four side by side."));
    m_contextDock->setWindowTitle(tr("Group details"));
    m_contextTabs->setTabText(0, tr("Members"));
    m_contextTabs->setTabText(1, tr("Activities"));
    m_contextTabs->setTabText(2, tr("Replies"));
    m_contextTabs->setTabText(3, tr("Sales"));
    m_membersEmpty->setTexts(tr("Members"),
                             tr("The members of the focused group: roles, presence, when "
                                "they joined and what they said last."));
    m_activitiesEmpty->setTexts(tr("Activities"),
                                tr("Scheduled posts, sign-up chains, word-chain games and mock "
                                   "interviews for the focused group."));
    m_repliesEmpty->setTexts(tr("Replies"),
                             tr("Canned answers to the questions your groups ask most, ready "
                                "to send with a shortcut."));
    m_salesEmpty->setTexts(tr("Sales"),
                           tr("Orders made from chat requests in the focused group, from "
                              "draft to paid."));

    m_fileMenu->setTitle(tr("&File"));
    m_viewMenu->setTitle(tr("&View"));
    m_helpMenu->setTitle(tr("&Help"));
    m_quitAction->setText(tr("&Quit"));
    m_contextDock->toggleViewAction()->setText(tr("Group &details panel"));
    m_aboutAction->setText(tr("&About Chorus"));
    m_aboutQtAction->setText(tr("About &Qt"));
    statusBar()->showMessage(tr("Offline: not signed in"));
}

void MainWindow::showAbout()
{
    AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::restoreLayout()
{
    if (!restoreGeometry(m_settings->value(kGeometryKey).toByteArray()))
        resize(1280, 800);
    restoreState(m_settings->value(kStateKey).toByteArray());
    m_splitter->restoreState(m_settings->value(kSplitterKey).toByteArray());
}

void MainWindow::saveLayout() const
{
    m_settings->setValue(kGeometryKey, saveGeometry());
    m_settings->setValue(kStateKey, saveState());
    m_settings->setValue(kSplitterKey, m_splitter->saveState());
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    event->accept();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

} // namespace chorus::ui
