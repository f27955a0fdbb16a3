// The main window on a real server, started the way `chorus --account ...` starts:
// the group list fills from the account's bookmarks with join states, a member's
// message shows in the open group, and what the operator types goes to the room.

#include "LiveWindow.h"
#include "Screenshot.h"
#include "TestServer.h"

#include "chat/XmppChatService.h"
#include "ui/AppController.h"
#include "ui/Composer.h"
#include "ui/MainWindow.h"
#include "ui/SearchDialog.h"
#include "ui/TimelineArea.h"
#include "ui/TimelinePane.h"
#include "workspace/CommandLine.h"
#include "workspace/GroupListModel.h"
#include "workspace/Profile.h"
#include "workspace/Session.h"
#include "workspace/TimelineModel.h"
#include "workspace/Workspace.h"

#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QTreeWidget>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus;
using workspace::GroupListModel;

class tst_WindowLive : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void signInFromTheCommandLineAndTalk();
};

void tst_WindowLive::signInFromTheCommandLineAndTalk()
{
    QString error;
    auto server = test::TestServer::fromEnvironment(&error);
    QVERIFY2(server, qPrintable(error));
    const QString op = test::TestServer::uniqueName(u"coach"_s);
    const QString member = test::TestServer::uniqueName(u"member"_s);
    QVERIFY2(server->addUsers({{op, u"coach-pw"_s}, {member, u"member-pw"_s}}, &error), qPrintable(error));

    // The coach's account already has two class groups (made from another device).
    const chat::AccountSettings account = test::accountOn(*server, op);
    const QStringList groupIds =
        test::createGroups(account, u"coach-pw"_s, {u"HIIT evening"_s, u"Yoga Monday"_s}, &error);
    QVERIFY2(groupIds.size() == 2, qPrintable(error));

    // Start as `chorus --account ... --password-file ... --server ... --allow-plaintext-loopback`.
    QTemporaryDir dir;
    test::RunningApp app(dir.filePath(u"profile"_s));
    app.window()->resize(1280, 800);
    QVERIFY2(app.start(test::signInArgs(account, u"coach-pw"_s, dir.path()), &error), qPrintable(error));
    ui::MainWindow &window = *app.window();
    workspace::Session &session = *app.session();

    QTRY_VERIFY_WITH_TIMEOUT(session.workspace(), 10000);
    GroupListModel *groups = session.workspace()->groups();
    for (const QString &id : groupIds)
        QTRY_COMPARE_WITH_TIMEOUT(test::joinState(groups, id), GroupListModel::JoinState::Joined, 30000);
    QCOMPARE(groups->group(groupIds.first()).tags, QStringList {u"fitness"_s});

    // A member asks in the first group; the coach has it open and sees it.
    window.openGroup(groupIds.first());
    ui::TimelinePane *pane = window.timelineArea()->paneFor(groupIds.first());
    QVERIFY(pane);
    chat::XmppChatService other;
    chat::AccountSettings memberAccount = account;
    memberAccount.jid = member + u'@' + server->domain();
    other.connectAccount(memberAccount, u"member-pw"_s);
    QStringList memberSaw;
    connect(&other, &chat::ChatService::messagesReceived, this,
            [&](const QList<chat::Message> &batch) { for (const auto &m : batch) memberSaw << m.body; });
    chat::Group asMember = groups->group(groupIds.first());
    asMember.nick = u"Ana"_s;
    QSignalSpy joined(&other, &chat::ChatService::groupJoined);
    QTRY_COMPARE_WITH_TIMEOUT(other.connectionState(), chat::ConnectionState::Connected, 20000);
    other.joinGroups({asMember});
    QTRY_VERIFY_WITH_TIMEOUT(!joined.isEmpty(), 20000);
    auto asked = other.sendMessage(asMember.id, u"Is there class on Friday?"_s);
    QTRY_VERIFY_WITH_TIMEOUT(asked.isFinished(), 5000);
    workspace::TimelineModel *timeline = session.workspace()->timeline(groupIds.first());
    const auto shows = [&](const QString &text) {
        for (int row = 0; row < timeline->rowCount(); ++row)
            if (timeline->messageAt(row).body == text)
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(shows(u"Is there class on Friday?"_s), 10000);

    // The coach types the answer and presses Enter.
    pane->composer()->setFocus();
    QTest::keyClicks(pane->composer(), u"Yes, 19:00 as usual."_s);
    QTest::keyClick(pane->composer(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(memberSaw.contains(u"Yes, 19:00 as usual."_s), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(shows(u"Yes, 19:00 as usual."_s), 5000);
    QVERIFY(pane->composer()->toPlainText().isEmpty());
    QTest::qWait(300);
    test::saveScreenshot(&window, u"window_live_"_s + server->kind());

    // Ctrl+Shift+F finds the question in the store and jumps to it.
    window.openGroup(groupIds.last());
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    ui::SearchDialog *search = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((search = window.findChild<ui::SearchDialog *>()), 5000);
    QTest::keyClicks(search->queryEdit(), u"friday"_s);
    QTRY_COMPARE_WITH_TIMEOUT(search->results()->topLevelItemCount(), 1, 10000);
    QCOMPARE(search->results()->topLevelItem(0)->text(2), u"Ana"_s);
    QCOMPARE(search->results()->topLevelItem(0)->text(1), u"HIIT evening"_s);
    test::saveScreenshot(search, u"search_"_s + server->kind());
    QTest::keyClick(search->queryEdit(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(window.timelineArea()->focusedGroup(), groupIds.first(), 5000);
    QTest::keyClicks(search->queryEdit(), u" nothing-like-this"_s);
    QTRY_VERIFY_WITH_TIMEOUT(search->statusLabel()->text().contains(u"No messages"), 10000);
}

QTEST_MAIN(tst_WindowLive)
#include "tst_windowlive.moc"
