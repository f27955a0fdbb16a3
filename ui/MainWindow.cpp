#include "ui/MainWindow.h"

#include "ui/AboutDialog.h"
#include "ui/AttentionPane.h"
#include "ui/Composer.h"
#include "ui/ConnectionStatus.h"
#include "ui/EmptyState.h"
#include "ui/GroupActions.h"
#include "ui/GroupListPane.h"
#include "ui/MembersPanel.h"
#include "ui/Notifier.h"
#include "ui/QuickSwitcher.h"
#include "ui/SearchDialog.h"
#include "ui/ShortcutsDialog.h"
#include "ui/ThumbnailCache.h"
#include "ui/TimelineArea.h"
#include "ui/TimelinePane.h"
#include "ui/MessageDelegate.h"
#include "ui/TimelineView.h"
#include "workspace/AttentionInbox.h"
#include "workspace/GroupListModel.h"
#include "workspace/MemberListModel.h"
#include "workspace/TimelineModel.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QIcon>
#include <QLineEdit>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimeZone>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using chorus::workspace::GroupListModel;
using chorus::workspace::Workspace;

namespace chorus::ui {
namespace {

constexpr auto kGeometryKey = "window/geometry";
constexpr auto kStateKey = "window/state";
constexpr auto kSplitterKey = "window/splitter";
constexpr auto kTimelinesKey = "window/timelines";

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

QWidget *MainWindow::timelinePane() const
{
    return m_timelines;
}

void MainWindow::buildPanes()
{
    m_groupEmpty = new EmptyState({}, {}, this);
    m_leftTabs = new QTabWidget(this);
    m_leftTabs->setObjectName(u"leftTabs"_s);
    m_leftTabs->setDocumentMode(true);
    m_leftStack = new QStackedWidget(this);
    m_leftStack->addWidget(m_groupEmpty);
    m_leftStack->addWidget(m_leftTabs);
    m_groupPane = new QWidget(this);
    m_groupPane->setObjectName(u"groupPane"_s);
    auto *left = new QVBoxLayout(m_groupPane);
    left->setContentsMargins(0, 0, 0, 0);
    left->addWidget(m_leftStack);
    m_groupPane->setMinimumWidth(220);

    m_thumbnails = new ThumbnailCache(this);
    m_timelines = new TimelineArea(this);
    m_timelines->setObjectName(u"timelinePane"_s);
    m_timelines->setBinder([this](TimelinePane *pane, const QString &id) { bindPane(pane, id); });
    connect(m_timelines, &TimelineArea::paneCreated, this, &MainWindow::wirePane);
    connect(m_timelines, &TimelineArea::focusedGroupChanged, this,
            &MainWindow::onFocusedGroupChanged);
    connect(m_timelines, &TimelineArea::layoutChanged, this, &MainWindow::updateReading);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->addWidget(m_groupPane);
    m_splitter->addWidget(m_timelines);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({280, 700});
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);

    m_contextTabs = new QTabWidget(this);
    m_contextTabs->setObjectName(u"contextTabs"_s);
    m_contextTabs->setDocumentMode(true);
    m_members = new MembersPanel(this);
    m_activitiesEmpty = new EmptyState({}, {}, this);
    m_repliesEmpty = new EmptyState({}, {}, this);
    m_salesEmpty = new EmptyState({}, {}, this);
    m_activitiesEmpty->setObjectName(u"activitiesTab"_s);
    m_repliesEmpty->setObjectName(u"repliesTab"_s);
    m_salesEmpty->setObjectName(u"salesTab"_s);
    for (QWidget *tab : {static_cast<QWidget *>(m_members), static_cast<QWidget *>(m_activitiesEmpty),
                         static_cast<QWidget *>(m_repliesEmpty), static_cast<QWidget *>(m_salesEmpty)})
        m_contextTabs->addTab(tab, QString());

    m_contextDock = new QDockWidget(this);
    m_contextDock->setObjectName(u"contextDock"_s);
    m_contextDock->setWidget(m_contextTabs);
    m_contextDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable
                               | QDockWidget::DockWidgetFloatable);
    m_contextDock->setMinimumWidth(300);
    addDockWidget(Qt::RightDockWidgetArea, m_contextDock);
    resizeDocks({m_contextDock}, {360}, Qt::Horizontal);

    m_groupActions = new GroupActions(this, m_timelines, this);
    connect(m_groupActions, &GroupActions::problem, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    m_notifier = new Notifier(this, this);
    connect(m_notifier, &Notifier::activated, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });

    m_status = new ConnectionStatus(this);
    statusBar()->setObjectName(u"statusBar"_s);
    statusBar()->addWidget(m_status, 1);
    connect(m_status, &ConnectionStatus::reconnectRequested, this, [this] {
        if (m_workspace)
            m_workspace->chat()->reconnectNow();
    });
}

void MainWindow::buildMenus()
{
    // Structure and shortcuts here; every text is set in retranslate().
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->setObjectName(u"fileMenu"_s);
    m_signInAction = m_fileMenu->addAction(QString(), this, &MainWindow::signInRequested);
    m_signInAction->setObjectName(u"signInAction"_s);
    m_fileMenu->addSeparator();
    m_newGroupAction = m_fileMenu->addAction(QString(), m_groupActions, &GroupActions::newGroup);
    m_newGroupAction->setObjectName(u"newGroupAction"_s);
    m_newGroupAction->setShortcut(QKeySequence::New);
    m_addGroupAction = m_fileMenu->addAction(QString(), m_groupActions,
                                               &GroupActions::addExistingGroup);
    m_addGroupAction->setObjectName(u"addGroupAction"_s);
    m_addGroupAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QIcon::fromTheme(u"application-exit"_s), QString(),
                                         this, &QWidget::close);
    m_quitAction->setObjectName(u"quitAction"_s);
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->setObjectName(u"viewMenu"_s);
    m_groupsAction = m_viewMenu->addAction(QString(), this, [this] {
        m_leftTabs->setCurrentIndex(0);
        if (m_groupList)
            m_groupList->filterEdit()->setFocus();
    });
    m_groupsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    m_waitingAction = m_viewMenu->addAction(QString(), this, [this] {
        m_leftTabs->setCurrentIndex(1);
        if (m_attentionPane)
            m_attentionPane->setFocus();
    });
    m_waitingAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    m_viewMenu->addSeparator();
    m_switchAction = m_viewMenu->addAction(QString(), this, &MainWindow::showQuickSwitcher);
    m_switchAction->setObjectName(u"quickSwitchAction"_s);
    m_switchAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_searchAction = m_viewMenu->addAction(QString(), this, &MainWindow::showSearch);
    m_searchAction->setObjectName(u"searchAction"_s);
    m_searchAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_splitAction = m_viewMenu->addAction(QString(), this, [this] {
        if (m_groupList)
            m_timelines->openGroup(m_groupList->currentGroup(), true);
    });
    m_splitAction->setObjectName(u"splitAction"_s);
    m_splitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Backslash));
    m_closeTimelineAction = m_viewMenu->addAction(QString(), this, [this] {
        if (m_timelines->panes().size() > 1)
            m_timelines->closeGroup(m_timelines->focusedGroup());
    });
    m_closeTimelineAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    m_viewMenu->addSeparator();
    QAction *toggleDock = m_contextDock->toggleViewAction();
    toggleDock->setObjectName(u"toggleContextAction"_s);
    toggleDock->setShortcut(QKeySequence(Qt::Key_F9));
    m_viewMenu->addAction(toggleDock);
    m_viewMenu->addAction(m_notifier->doNotDisturbAction());

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->setObjectName(u"helpMenu"_s);
    m_shortcutsAction = m_helpMenu->addAction(QString(), this, [this] {
        ShortcutsDialog dialog(menuBar(), this);
        dialog.exec();
    });
    m_shortcutsAction->setObjectName(u"shortcutsAction"_s);
    m_shortcutsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    m_helpMenu->addSeparator();
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
    m_timelines->emptyState()->setTexts(
        tr("No group open"), tr("Choose a group on the left to read and answer it. Drag "
                                "groups here to follow up to four side by side."));
    m_contextDock->setWindowTitle(tr("Group details"));
    m_contextTabs->setTabText(0, tr("Members"));
    m_contextTabs->setTabText(1, tr("Activities"));
    m_contextTabs->setTabText(2, tr("Replies"));
    m_contextTabs->setTabText(3, tr("Sales"));
    m_members->retranslate();
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
    m_signInAction->setText(tr("&Sign in…"));
    m_newGroupAction->setText(tr("&New group…"));
    m_addGroupAction->setText(tr("&Add existing group…"));
    m_quitAction->setText(tr("&Quit"));
    m_groupsAction->setText(tr("&Groups"));
    m_waitingAction->setText(tr("&Waiting for you"));
    m_switchAction->setText(tr("&Go to group or person…"));
    m_searchAction->setText(tr("&Search messages…"));
    m_splitAction->setText(tr("Open in &split view"));
    m_closeTimelineAction->setText(tr("&Close timeline"));
    m_contextDock->toggleViewAction()->setText(tr("Group &details panel"));
    m_shortcutsAction->setText(tr("&Keyboard shortcuts"));
    m_aboutAction->setText(tr("&About Chorus"));
    m_aboutQtAction->setText(tr("About &Qt"));
    m_leftTabs->setTabText(0, tr("Groups"));
    updateWaitingTab();
    m_status->retranslate();
}

void MainWindow::setWorkspace(Workspace *workspace)
{
    m_workspace = workspace;
    m_groupActions->setWorkspace(workspace);
    m_leftTabs->clear();
    delete m_groupList;
    delete m_attentionPane;
    m_groupList = nullptr;
    m_attentionPane = nullptr;
    if (!workspace) {
        m_leftStack->setCurrentWidget(m_groupEmpty);
        return;
    }
    m_groupList = new GroupListPane(workspace->groups(), this);
    m_attentionPane = new AttentionPane(workspace->attention(), workspace->groups(), this);
    m_leftTabs->addTab(m_groupList, tr("Groups"));
    m_leftTabs->addTab(m_attentionPane, QString());
    m_leftStack->setCurrentWidget(m_leftTabs);
    updateWaitingTab();

    connect(m_groupList, &GroupListPane::groupActivated, this,
            [this](const QString &id) { m_timelines->openGroup(id); });
    connect(m_groupList, &GroupListPane::openInSplitRequested, this,
            [this](const QString &id) { m_timelines->openGroup(id, true); });
    connect(m_groupList, &GroupListPane::renameRequested, m_groupActions, &GroupActions::editGroup);
    connect(m_groupList, &GroupListPane::leaveRequested, m_groupActions, &GroupActions::leaveGroup);
    connect(m_attentionPane, &AttentionPane::jumpRequested, this, &MainWindow::jumpTo);
    connect(workspace->attention(), &QAbstractItemModel::rowsInserted, this,
            &MainWindow::updateWaitingTab);
    connect(workspace->attention(), &QAbstractItemModel::rowsRemoved, this,
            &MainWindow::updateWaitingTab);
    connect(workspace, &Workspace::connectionStateChanged, m_status, &ConnectionStatus::setState);
    connect(workspace->groups(), &GroupListModel::totalUnreadChanged, m_notifier,
            &Notifier::setUnreadTotal);
    connect(workspace->attention(), &workspace::AttentionInbox::itemAdded, this,
            [this](const QString &groupId, const QString &asker, const QString &text) {
                const QString group = m_workspace->groups()->group(groupId).name;
                m_notifier->notify(tr("%1 in %2").arg(asker, group.isEmpty() ? groupId : group),
                                   text, m_timelines->paneFor(groupId) != nullptr);
            });
    connect(workspace, &Workspace::membersChanged, this, [this](const QString &id) {
        if (TimelinePane *pane = m_timelines->paneFor(id)) {
            pane->setMemberCount(m_workspace->members(id)->rowCount());
            pane->setMemberNicks(m_workspace->members(id)->nicks());
        }
    });
    m_status->setAccount(workspace->accountJid());
    m_status->setState(workspace->connectionState(), workspace->lastError(), 0);

    // The remembered panes open before the group list arrives (from the store, then the
    // server), so they show bare ids until the list can name them.
    const auto renamePanes = [this] {
        for (const QString &id : m_timelines->openGroups())
            m_timelines->refresh(id);
    };
    connect(workspace->groups(), &QAbstractItemModel::modelReset, this, renamePanes);
    connect(workspace->groups(), &QAbstractItemModel::rowsInserted, this, renamePanes);

    m_timelines->restoreState(m_settings->value(kTimelinesKey).toByteArray());
}

void MainWindow::bindPane(TimelinePane *pane, const QString &groupId)
{
    if (!m_workspace)
        return;
    const chat::Group group = m_workspace->groups()->group(groupId);
    // Re-binding the same group (a refresh) keeps the reader's scroll position and reply.
    if (pane->timeline() != m_workspace->timeline(groupId))
        pane->setTimeline(m_workspace->timeline(groupId));
    const QString name = m_workspace->groups()
                             ->data(m_workspace->groups()->index(m_workspace->groups()->rowOf(groupId)),
                                    GroupListModel::NameRole)
                             .toString();
    pane->setGroupInfo(name.isEmpty() ? groupId : name, group.subject,
                       group.timeZone.isEmpty() ? QTimeZone::systemTimeZone()
                                                : QTimeZone(group.timeZone.toUtf8()));
    workspace::MemberListModel *members = m_workspace->members(groupId);
    pane->setMemberCount(members->rowCount());
    pane->setMemberNicks(members->nicks());
}

void MainWindow::wirePane(TimelinePane *pane)
{
    connect(pane, &TimelinePane::sendRequested, this,
            [this, pane](const QString &groupId, const QString &text, const QString &replyToId,
                         const QString &replyToNick) {
                if (!m_workspace)
                    return;
                QPointer<TimelinePane> guard(pane);
                m_workspace->send(groupId, text, replyToId, replyToNick)
                    .then(this, [guard](const Expected<chat::Message, chat::ChatError> &r) {
                        if (guard)
                            guard->setComposerError(
                                r.ok() ? QString()
                                       : tr("Not sent: %1").arg(r.error().message));
                    });
            });
    connect(pane, &TimelinePane::attachRequested, this,
            [this, pane](const QString &groupId, const QString &path, bool temporary) {
                if (!m_workspace) {
                    if (temporary)
                        QFile::remove(path);
                    return;
                }
                QPointer<TimelinePane> guard(pane);
                const QString name = QFileInfo(path).fileName();
                pane->setComposerStatus(tr("Uploading %1…").arg(name));
                m_workspace->sendFile(groupId, path)
                    .then(this, [guard, name, path, temporary](
                                    const Expected<chat::Message, chat::ChatError> &r) {
                        if (temporary) // a pasted image: uploaded or not, its copy is done
                            QFile::remove(path);
                        if (!guard)
                            return;
                        if (r.ok())
                            guard->setComposerStatus({});
                        else
                            guard->setComposerError(
                                tr("%1 was not sent: %2").arg(name, r.error().message));
                    });
            });
    pane->view()->messageDelegate()->setThumbnails(m_thumbnails);
    connect(pane, &TimelinePane::olderHistoryRequested, this, [this](const QString &groupId) {
        if (m_workspace)
            m_workspace->loadOlder(groupId);
    });
}

void MainWindow::onFocusedGroupChanged(const QString &groupId)
{
    if (m_groupList && !groupId.isEmpty())
        m_groupList->selectGroup(groupId);
    m_members->setModel(m_workspace && !groupId.isEmpty() ? m_workspace->members(groupId)
                                                          : nullptr);
    updateReading();
}

void MainWindow::updateReading()
{
    if (m_workspace)
        m_workspace->setReading(m_timelines->openGroups(), isActiveWindow());
}

void MainWindow::updateWaitingTab()
{
    if (m_leftTabs->count() < 2 || !m_workspace)
        return;
    const int waiting = m_workspace->attention()->rowCount();
    m_leftTabs->setTabText(1, waiting > 0 ? tr("Waiting (%1)").arg(waiting) : tr("Waiting"));
}

void MainWindow::jumpTo(const QString &groupId, const QString &messageId)
{
    m_timelines->openGroup(groupId);
    if (TimelinePane *pane = m_timelines->paneFor(groupId)) {
        pane->view()->revealRow(pane->timeline()->rowOf(messageId));
        pane->composer()->setFocus();
    }
}

void MainWindow::openGroup(const QString &groupId, bool split)
{
    m_timelines->openGroup(groupId, split);
}

void MainWindow::showSearch()
{
    if (!m_workspace)
        return;
    auto *dialog = new SearchDialog(m_workspace, m_timelines->focusedGroup(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SearchDialog::jumpRequested, this, &MainWindow::jumpTo);
    dialog->show();
}

void MainWindow::showQuickSwitcher()
{
    if (!m_workspace)
        return;
    auto *switcher = new QuickSwitcher(m_workspace, this);
    switcher->setAttribute(Qt::WA_DeleteOnClose);
    connect(switcher, &QuickSwitcher::groupChosen, this,
            [this](const QString &id) { m_timelines->openGroup(id); });
    connect(switcher, &QuickSwitcher::personChosen, this,
            [this](const QString &groupId, const QString &nick) {
                m_timelines->openGroup(groupId);
                m_contextDock->show();
                m_contextTabs->setCurrentWidget(m_members);
                m_members->selectMember(nick);
            });
    switcher->open();
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
    if (m_workspace)
        m_settings->setValue(kTimelinesKey, m_timelines->saveState());
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
    if (event->type() == QEvent::ActivationChange)
        updateReading();
    QMainWindow::changeEvent(event);
}

} // namespace chorus::ui
