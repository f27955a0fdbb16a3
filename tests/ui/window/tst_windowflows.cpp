// The operator's everyday flows in the real window on a real server: splitting the
// timelines from the group list (and finding the split again after a restart), the quick
// switcher, a wrong password in the sign-in dialog, and the attention inbox from a
// member's question to the answer the member receives.

#include "LiveWindow.h"
#include "Screenshot.h"
#include "TestServer.h"

#include "ui/AttentionPane.h"
#include "ui/Composer.h"
#include "ui/GroupListPane.h"
#include "ui/MainWindow.h"
#include "ui/MembersPanel.h"
#include "ui/QuickSwitcher.h"
#include "ui/SignInDialog.h"
#include "ui/TimelineArea.h"
#include "ui/TimelinePane.h"
#include "ui/TimelineView.h"
#include "workspace/AccountController.h"
#include "workspace/AttentionInbox.h"
#include "workspace/CredentialStore.h"
#include "workspace/GroupListModel.h"
#include "workspace/MemberListModel.h"
#include "workspace/QuickSwitchModel.h"
#include "workspace/TimelineModel.h"

#include <QApplication>
#include <QCheckBox>
#include <QContextMenuEvent>
#include <QDockWidget>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace chorus;
using workspace::AttentionInbox;
using workspace::GroupListModel;

namespace {

constexpr int kJoinMs = 30000;

// The group's row as the group list shows it (through its filter).
QModelIndex rowIn(ui::GroupListPane *list, const QString &groupId)
{
    auto *groups = list->filterModel();
    for (int row = 0; row < groups->rowCount(); ++row) {
        const QModelIndex index = groups->index(row, 0);
        if (index.data(GroupListModel::GroupIdRole).toString() == groupId)
            return index;
    }
    return {};
}

// Right-clicks `index` as a mouse does (press, release, context menu) and picks the menu
// entry whose text, without its '&', is `entry`. False when there was no such entry.
bool chooseFromContextMenu(QAbstractItemView *view, const QModelIndex &index, const QString &entry)
{
    const QPoint pos = view->visualRect(index).center();
    QTest::mousePress(view->viewport(), Qt::RightButton, {}, pos);
    QTest::mouseRelease(view->viewport(), Qt::RightButton, {}, pos);
    bool chosen = false;
    QTimer poll;
    poll.setInterval(20);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        poll.stop();
        for (QAction *action : menu->actions()) {
            if (action->text().remove(u'&') == entry) {
                menu->setActiveAction(action);
                QTest::keyClick(menu, Qt::Key_Return);
                chosen = true;
                return;
            }
        }
        menu->close();
    });
    poll.start();
    QTimer::singleShot(5000, &poll, [&] {
        poll.stop();
        if (QWidget *popup = QApplication::activePopupWidget())
            popup->close();
    });
    QContextMenuEvent event(QContextMenuEvent::Mouse, pos, view->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(view->viewport(), &event); // returns once the menu closed
    return chosen;
}

QStringList paneTitles(ui::TimelineArea *area)
{
    QStringList titles;
    for (ui::TimelinePane *pane : area->panes())
        titles << pane->titleLabel()->text();
    return titles;
}

int waitingBadge(workspace::Workspace *ws, const QString &groupId)
{
    GroupListModel *groups = ws->groups();
    return groups->index(groups->rowOf(groupId)).data(GroupListModel::AttentionRole).toInt();
}

} // namespace

class tst_WindowFlows : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void splitFromTheGroupListAndRestore();
    void quickSwitcherJumps();
    void wrongPasswordInTheSignInDialog();
    void attentionInboxRoundTrip();

private:
    // A fresh operator with `names` as groups; fills m_account, m_password, m_ids.
    bool prepareOperator(const QStringList &names);
    chat::AccountSettings memberAccount(const QString &password);

    std::optional<test::TestServer> m_server;
    chat::AccountSettings m_account;
    QString m_password;
    QStringList m_ids;
};

void tst_WindowFlows::initTestCase()
{
    QString error;
    m_server = test::TestServer::fromEnvironment(&error);
    QVERIFY2(m_server, qPrintable(error));
}

bool tst_WindowFlows::prepareOperator(const QStringList &names)
{
    QString error;
    const QString op = test::TestServer::uniqueName(u"coach"_s);
    m_password = u"coach-pw"_s;
    if (!m_server->addUsers({{op, m_password}}, &error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    m_account = test::accountOn(*m_server, op);
    m_ids = test::createGroups(m_account, m_password, names, &error);
    if (m_ids.size() != names.size())
        qWarning("%s", qPrintable(error));
    return m_ids.size() == names.size();
}

chat::AccountSettings tst_WindowFlows::memberAccount(const QString &password)
{
    const QString name = test::TestServer::uniqueName(u"member"_s);
    QString error;
    if (!m_server->addUsers({{name, password}}, &error))
        qWarning("%s", qPrintable(error));
    return test::accountOn(*m_server, name);
}

void tst_WindowFlows::splitFromTheGroupListAndRestore()
{
    QVERIFY(prepareOperator({u"HIIT evening"_s, u"Yoga Monday"_s, u"Pilates Friday"_s}));
    QTemporaryDir dir;
    const QString profile = dir.filePath(u"profile"_s);
    const QStringList args = test::signInArgs(m_account, m_password, dir.path());
    QString error;
    {
        test::RunningApp app(profile);
        app.window()->resize(1500, 850);
        QVERIFY2(app.start(args, &error), qPrintable(error));
        QVERIFY(test::waitJoined(app, m_ids, kJoinMs));
        ui::MainWindow *window = app.window();
        ui::TimelineArea *area = window->timelineArea();
        ui::GroupListPane *list = window->groupList();
        QListView *view = list->view();

        // A click opens the first group.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->visualRect(rowIn(list, m_ids[0])).center());
        QTRY_COMPARE(area->openGroups(), QStringList {m_ids[0]});

        // Right-click the second: "Open in split view" puts it beside the first.
        QVERIFY(chooseFromContextMenu(view, rowIn(list, m_ids[1]), u"Open in split view"_s));
        QTRY_COMPARE(area->openGroups(), (QStringList {m_ids[0], m_ids[1]}));
        QCOMPARE(area->focusedGroup(), m_ids[1]);
        QTRY_COMPARE(paneTitles(area), (QStringList {u"HIIT evening"_s, u"Yoga Monday"_s}));
        const QList<ui::TimelinePane *> panes = area->panes();
        QTRY_VERIFY(panes[0]->isVisible() && panes[1]->isVisible());
        const QRect left(panes[0]->mapTo(window, QPoint()), panes[0]->size());
        const QRect right(panes[1]->mapTo(window, QPoint()), panes[1]->size());
        QVERIFY2(left.right() < right.left() && left.top() == right.top(),
                 "the two timelines are not side by side");
        QVERIFY(left.width() > 200 && right.width() > 200);
        QVERIFY(panes[0]->closeButton()->isVisible());

        // Drag the third from the list onto the timelines: a third pane. (The drag itself
        // is QDrag's; the press on the list and the drop on the area are the window's.)
        const QModelIndex third = rowIn(list, m_ids[2]);
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, view->visualRect(third).center());
        std::unique_ptr<QMimeData> mime(list->filterModel()->mimeData({third}));
        const QPoint target = area->rect().center();
        QDragEnterEvent enter(target, Qt::CopyAction | Qt::MoveAction, mime.get(), Qt::LeftButton, {});
        QApplication::sendEvent(area, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(target), Qt::CopyAction | Qt::MoveAction, mime.get(), Qt::LeftButton, {});
        QApplication::sendEvent(area, &drop);
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, QPoint(2, view->viewport()->height() - 2));
        QTRY_COMPARE(area->openGroups(), (QStringList {m_ids[0], m_ids[1], m_ids[2]}));
        QCOMPARE(area->focusedGroup(), m_ids[2]);

        // Close the first with its ✕; the other two stay, the dragged one keeps the focus.
        QTest::mouseClick(area->paneFor(m_ids[0])->closeButton(), Qt::LeftButton);
        QTRY_COMPARE(area->openGroups(), (QStringList {m_ids[1], m_ids[2]}));
        QCOMPARE(area->focusedGroup(), m_ids[2]);
        QVERIFY(app.quit());
    }

    // The next start on the same profile shows the same split, named, same focus.
    test::RunningApp again(profile);
    again.window()->resize(1500, 850);
    QVERIFY2(again.start(args, &error), qPrintable(error));
    ui::TimelineArea *area = again.window()->timelineArea();
    QTRY_COMPARE(area->openGroups(), (QStringList {m_ids[1], m_ids[2]}));
    QCOMPARE(area->focusedGroup(), m_ids[2]);
    QTRY_COMPARE_WITH_TIMEOUT(paneTitles(area), (QStringList {u"Yoga Monday"_s, u"Pilates Friday"_s}),
                              kJoinMs);
    QVERIFY(test::waitJoined(again, m_ids, kJoinMs));
    QTRY_VERIFY(area->panes().at(0)->isVisible() && area->panes().at(1)->isVisible());
    QVERIFY(area->panes().at(0)->mapTo(again.window(), QPoint()).x()
            < area->panes().at(1)->mapTo(again.window(), QPoint()).x());
    QVERIFY(again.quit());
}

void tst_WindowFlows::quickSwitcherJumps()
{
    QVERIFY(prepareOperator({u"HIIT evening"_s, u"Yoga Monday"_s}));
    QTemporaryDir dir;
    QString error;
    test::RunningApp app(dir.filePath(u"profile"_s));
    QVERIFY2(app.start(test::signInArgs(m_account, m_password, dir.path()), &error), qPrintable(error));
    QVERIFY(test::waitJoined(app, m_ids, kJoinMs));
    ui::MainWindow *window = app.window();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));

    // Ana is in the yoga class only.
    test::LiveMember ana(memberAccount(u"ana-pw"_s), u"ana-pw"_s);
    QVERIFY(ana.join(app.workspace()->groups()->group(m_ids[1]), u"Ana"_s));
    QTRY_VERIFY(app.workspace()->members(m_ids[1])->nicks().contains(u"Ana"_s));
    window->openGroup(m_ids[0]);

    const auto openSwitcher = [&]() -> ui::QuickSwitcher * {
        // Offscreen has no window manager to hand activation back after a dialog.
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window))
            return nullptr;
        QTest::keyClick(window, Qt::Key_K, Qt::ControlModifier);
        ui::QuickSwitcher *found = nullptr;
        (void)QTest::qWaitFor([&] {
            for (auto *s : window->findChildren<ui::QuickSwitcher *>())
                if (s->isVisible())
                    found = s;
            return found != nullptr;
        }, 5000);
        return found;
    };

    // Part of a group's name, Enter: that group is the focused timeline.
    ui::QuickSwitcher *switcher = openSwitcher();
    QVERIFY(switcher);
    QPointer<ui::QuickSwitcher> first(switcher);
    QTest::keyClicks(switcher->queryEdit(), u"yog"_s);
    QCOMPARE(switcher->resultView()->currentIndex().data().toString(), u"Yoga Monday"_s);
    QTest::keyClick(switcher->queryEdit(), Qt::Key_Return);
    QTRY_COMPARE(window->timelineArea()->focusedGroup(), m_ids[1]);
    QCOMPARE(paneTitles(window->timelineArea()), QStringList {u"Yoga Monday"_s});
    QTRY_VERIFY(!first);

    // A member's nick, Enter: the group she is in, with her row picked in Members.
    window->openGroup(m_ids[0]);
    QCOMPARE(window->timelineArea()->focusedGroup(), m_ids[0]);
    switcher = openSwitcher();
    QVERIFY(switcher);
    QTest::keyClicks(switcher->queryEdit(), u"ana"_s);
    const QModelIndex top = switcher->resultView()->currentIndex();
    QCOMPARE(top.data().toString(), u"Ana"_s);
    QCOMPARE(top.data(workspace::QuickSwitchModel::KindRole).value<workspace::QuickSwitchModel::Kind>(),
             workspace::QuickSwitchModel::Kind::Person);
    QCOMPARE(top.data(workspace::QuickSwitchModel::DetailRole).toString(), u"Yoga Monday"_s);
    test::saveScreenshot(switcher, u"quick_switcher_"_s + m_server->kind());
    QTest::keyClick(switcher->queryEdit(), Qt::Key_Return);
    QTRY_COMPARE(window->timelineArea()->focusedGroup(), m_ids[1]);
    QVERIFY(window->contextDock()->isVisible());
    QCOMPARE(window->contextTabs()->currentWidget(), static_cast<QWidget *>(window->membersPanel()));
    QCOMPARE(window->membersPanel()->view()->currentIndex().data().toString(), u"Ana"_s);
    QVERIFY(app.quit());
}

void tst_WindowFlows::wrongPasswordInTheSignInDialog()
{
    // The dialog keeps the password only in the keychain: it needs a Secret Service, as
    // tools/test provides (dbus-run-session with gnome-keyring).
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("no D-Bus session for the keychain: run through tools/test");
    QVERIFY(prepareOperator({u"HIIT evening"_s, u"Yoga Monday"_s}));
    QTemporaryDir dir;
    QString error;
    test::RunningApp app(dir.filePath(u"profile"_s));
    QVERIFY2(app.start({}, &error), qPrintable(error));

    // First run: nothing saved, so the dialog asks.
    QPointer<ui::SignInDialog> dialog;
    QTRY_VERIFY((dialog = app.window()->findChild<ui::SignInDialog *>()) && dialog->isVisible());
    QTest::keyClicks(dialog->addressEdit(), m_account.jid);
    QTest::keyClicks(dialog->passwordEdit(), u"not-the-password"_s);
    QGroupBox *advanced = nullptr;
    for (auto *box : dialog->findChildren<QGroupBox *>())
        if (box->isCheckable())
            advanced = box;
    QVERIFY(advanced);
    advanced->setFocus();
    QTest::keyClick(advanced, Qt::Key_Space);
    QTRY_VERIFY(dialog->serverEdit()->isVisible());
    QTest::keyClicks(dialog->serverEdit(), m_account.host);
    dialog->portEdit()->selectAll();
    QTest::keyClicks(dialog->portEdit(), QString::number(m_account.port));
    QCOMPARE(dialog->portEdit()->value(), int(m_account.port));
    QTest::keyClick(dialog->plaintextCheck(), Qt::Key_Space);
    QVERIFY(dialog->plaintextCheck()->isChecked());
    QTest::mouseClick(dialog->signInButton(), Qt::LeftButton);

    // The server says no: the dialog stays, says so in words, and can be tried again.
    QTRY_VERIFY_WITH_TIMEOUT(dialog && dialog->errorLabel()->isVisible(), 20000);
    QVERIFY2(dialog->errorLabel()->text().contains(u"did not accept this address and password"),
             qPrintable(dialog->errorLabel()->text()));
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->signInButton()->isEnabled());
    QCOMPARE(dialog->addressEdit()->text(), m_account.jid);
    QTRY_COMPARE(app.session()->chat()->connectionState(), chat::ConnectionState::Offline);
    test::saveScreenshot(dialog, u"sign_in_wrong_password_"_s + m_server->kind());

    // The right password: signed in, the dialog goes, the groups come.
    dialog->passwordEdit()->selectAll();
    QTest::keyClicks(dialog->passwordEdit(), m_password);
    QTest::mouseClick(dialog->signInButton(), Qt::LeftButton);
    // (On ejabberd the retry receives a message routed to the new resource before
    // <enabled/>; the session layer keeps it for the session instead of failing.)
    QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible() || dialog->errorLabel()->isVisible(),
                             20000);
    QVERIFY2(!dialog || !dialog->isVisible(),
             qPrintable(dialog ? dialog->errorLabel()->text() : QString()));
    QVERIFY(test::waitJoined(app, m_ids, kJoinMs));
    QCOMPARE(app.window()->groupList()->filterModel()->rowCount(), 2);
    QVERIFY(app.session()->account()->hasSavedAccount());

    QVERIFY(app.quit());
    workspace::CredentialStore keychain;
    auto removed = keychain.removePassword(m_account.jid);
    QTRY_VERIFY(removed.isFinished());
}

void tst_WindowFlows::attentionInboxRoundTrip()
{
    QVERIFY(prepareOperator({u"HIIT evening"_s, u"Yoga Monday"_s}));
    QTemporaryDir dir;
    QString error;
    test::RunningApp app(dir.filePath(u"profile"_s));
    app.window()->resize(1500, 850);
    QVERIFY2(app.start(test::signInArgs(m_account, m_password, dir.path()), &error), qPrintable(error));
    QVERIFY(test::waitJoined(app, m_ids, kJoinMs));
    ui::MainWindow *window = app.window();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    workspace::Workspace *ws = app.workspace();
    ui::AttentionPane *inbox = window->attentionPane();
    QAbstractItemModel *waiting = inbox->view()->model();
    window->openGroup(m_ids[1]);

    // Ana asks in the HIIT class, which the coach is not reading.
    test::LiveMember ana(memberAccount(u"ana-pw"_s), u"ana-pw"_s);
    QVERIFY(ana.join(ws->groups()->group(m_ids[0]), u"Ana"_s));
    const QString question = u"Is there class on Friday?"_s;
    QVERIFY(ana.say(m_ids[0], question));
    QTRY_COMPARE_WITH_TIMEOUT(waiting->rowCount(), 1, 10000);
    QCOMPARE(waiting->index(0, 0).data(AttentionInbox::GroupIdRole).toString(), m_ids[0]);
    QCOMPARE(waiting->index(0, 0).data(AttentionInbox::AskerNickRole).toString(), u"Ana"_s);
    QCOMPARE(waiting->index(0, 0).data(AttentionInbox::TextRole).toString(), question);
    QCOMPARE(window->leftTabs()->tabText(1), u"Waiting (1)"_s);
    QCOMPARE(waitingBadge(ws, m_ids[0]), 1);

    // Ctrl+2, Enter on the item: the HIIT timeline, scrolled to the question.
    QTest::keyClick(window, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(window->leftTabs()->currentWidget(), static_cast<QWidget *>(inbox));
    QTRY_COMPARE(window->focusWidget(), static_cast<QWidget *>(inbox->view()));
    QTest::keyClick(inbox->view(), Qt::Key_Home);
    QTest::keyClick(inbox->view(), Qt::Key_Return);
    QTRY_COMPARE(window->timelineArea()->focusedGroup(), m_ids[0]);
    ui::TimelinePane *pane = window->timelineArea()->paneFor(m_ids[0]);
    QVERIFY(pane);
    const QModelIndex asked = pane->view()->currentIndex();
    QCOMPARE(asked.data(workspace::TimelineModel::BodyRole).toString(), question);
    const QString questionStanzaId = asked.data(workspace::TimelineModel::StanzaIdRole).toString();
    QVERIFY(!questionStanzaId.isEmpty());

    // Enter on the message starts the reply; the answer goes out as a XEP-0461 reply.
    QTest::keyClick(pane->view(), Qt::Key_Return);
    QVERIFY(pane->replyLabel()->isVisible());
    QVERIFY2(pane->replyLabel()->text().startsWith(u"Replying to Ana"_s),
             qPrintable(pane->replyLabel()->text()));
    QCOMPARE(window->focusWidget(), static_cast<QWidget *>(pane->composer()));
    const QString answer = u"Yes, 19:00 as usual."_s;
    QTest::keyClicks(pane->composer(), answer);
    QTest::keyClick(pane->composer(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!ana.received(answer).body.isEmpty(), 10000);
    const chat::Message reply = ana.received(answer);
    QCOMPARE(reply.replyToId, questionStanzaId); // the room's id for her question
    QCOMPARE(reply.replyToNick, u"Ana"_s);
    QTRY_COMPARE(waiting->rowCount(), 0);
    QCOMPARE(waitingBadge(ws, m_ids[0]), 0);
    QCOMPARE(window->leftTabs()->tabText(1), u"Waiting"_s);

    // Two timelines side by side while she asks again; the operator's screen at this point.
    window->openGroup(m_ids[1], true);
    QTRY_COMPARE(window->timelineArea()->openGroups(), (QStringList {m_ids[0], m_ids[1]}));
    QVERIFY(ana.say(m_ids[0], u"Can I bring a friend?"_s));
    QTRY_COMPARE_WITH_TIMEOUT(waiting->rowCount(), 1, 10000);
    QCOMPARE(waitingBadge(ws, m_ids[0]), 1);
    QTest::qWait(200);
    QString shot = test::saveScreenshot(window, u"window_flows_"_s + m_server->kind());
    if (shot.isEmpty()) {
        shot = QCoreApplication::applicationDirPath() + u"/window_flows_"_s + m_server->kind() + u".png"_s;
        QVERIFY(window->grab().save(shot));
    }
    qInfo("screenshot: %s", qPrintable(shot));

    // A plain message that names her answers it too.
    pane->composer()->setFocus();
    QTest::keyClicks(pane->composer(), u"Ana, yes, bring them along"_s);
    QTest::keyClick(pane->composer(), Qt::Key_Return);
    QTRY_COMPARE(waiting->rowCount(), 0);
    QCOMPARE(waitingBadge(ws, m_ids[0]), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!ana.received(u"Ana, yes, bring them along"_s).body.isEmpty(), 10000);

    // One the operator handles elsewhere: "Mark handled" clears it.
    QVERIFY(ana.say(m_ids[0], u"Where do we meet?"_s));
    QTRY_COMPARE_WITH_TIMEOUT(waiting->rowCount(), 1, 10000);
    inbox->view()->setFocus();
    QTest::keyClick(inbox->view(), Qt::Key_Home);
    auto *handled = inbox->findChild<QPushButton *>(u"markHandledButton"_s);
    QVERIFY(handled);
    QTRY_VERIFY(handled->isEnabled());
    QTest::mouseClick(handled, Qt::LeftButton);
    QCOMPARE(waiting->rowCount(), 0);
    QCOMPARE(waitingBadge(ws, m_ids[0]), 0);
    QCOMPARE(window->leftTabs()->tabText(1), u"Waiting"_s);
    QVERIFY(app.quit());
}

QTEST_MAIN(tst_WindowFlows)
#include "tst_windowflows.moc"
