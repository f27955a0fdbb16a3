// First run with Prosody installed: the sign-in dialog offers "Try it with a local demo
// server"; clicking it shows each step in the dialog, then the window shows the six demo
// groups with the simulated members' messages. Nothing about the demo is remembered.

#include "FailingProgram.h"
#include "Screenshot.h"

#include "ui/AppController.h"
#include "ui/GroupListPane.h"
#include "ui/MainWindow.h"
#include "ui/Resources.h"
#include "ui/SignInDialog.h"
#include "ui/TimelineArea.h"
#include "workspace/AccountController.h"
#include "workspace/CommandLine.h"
#include "workspace/DemoServer.h"
#include "workspace/GroupListModel.h"
#include "workspace/Profile.h"
#include "workspace/Session.h"
#include "workspace/TimelineModel.h"
#include "workspace/Workspace.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListView>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus;
using workspace::GroupListModel;

class tst_DemoButton : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { ui::initResources(); }
    void demoFromTheFirstRunDialog();
    void failureShowsWhyAndTheDialogStaysUsable();
    void noButtonWithoutProsody();
};

namespace {

/// The first-run dialog of a fresh profile under `dir`, with `demo` behind its button.
struct FirstRun
{
    FirstRun(const QString &dir, workspace::DemoServer *demo)
        : profile(dir + u"/profile"_s), settings(profile.openSettings()),
          session(profile, settings.get()), window(settings.get()),
          controller(&session, &window, demo)
    {
        window.show();
        controller.showSignIn();
        dialog = window.findChild<ui::SignInDialog *>();
    }
    workspace::Profile profile;
    std::unique_ptr<QSettings> settings;
    workspace::Session session;
    ui::MainWindow window;
    ui::AppController controller;
    QPointer<ui::SignInDialog> dialog;
};

} // namespace

void tst_DemoButton::demoFromTheFirstRunDialog()
{
    QTemporaryDir dir;
    QString error;
    const auto options = workspace::CommandLine::parseArguments(
        {u"chorus"_s, u"--profile"_s, dir.filePath(u"profile"_s)}, &error);
    QVERIFY2(options, qPrintable(error));
    // As in main(): the demo outlives the session, so it stops after the connection closed.
    workspace::DemoServer demo(workspace::DemoLocations::fromBuildTree(), dir.filePath(u"cache"_s));
    workspace::Profile profile(options->profileDir);
    auto settings = profile.openSettings();
    workspace::Session session(profile, settings.get());
    QVERIFY2(demo.isAvailable(), qPrintable(demo.locations().missing().join(u", ")));
    ui::MainWindow window(settings.get());
    ui::AppController controller(&session, &window, &demo);
    window.resize(1280, 800);
    window.show();
    QVERIFY(controller.start(*options));

    // First run: the dialog opens over the empty window and offers the demo.
    QPointer<ui::SignInDialog> dialog;
    QTRY_VERIFY_WITH_TIMEOUT(
        (dialog = window.findChild<ui::SignInDialog *>()) && dialog->isVisible(), 5000);
    QVERIFY(dialog->demoButton()->isVisible());
    QVERIFY(dialog->demoButton()->isEnabled());
    QTest::mouseClick(dialog->demoButton(), Qt::LeftButton);

    // Progress shows in the dialog; neither button can be pressed meanwhile.
    QVERIFY(!dialog->demoButton()->isEnabled());
    QVERIFY(!dialog->signInButton()->isEnabled());
    QVERIFY(dialog->statusLabel()->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(dialog->statusLabel()->text(), u"Creating demo groups…"_s, 30000);
    QVERIFY(!dialog->demoButton()->isEnabled());
    test::saveScreenshot(dialog, u"demo_dialog_progress"_s);

    // Signed in to the demo operator: the dialog closes, the window lists the groups.
    QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), 60000);
    QVERIFY(session.workspace());
    GroupListModel *groups = session.workspace()->groups();
    QFile file(demo.locations().groups);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray expected = QJsonDocument::fromJson(file.readAll()).array();
    QCOMPARE(expected.size(), 6);
    QTRY_COMPARE_WITH_TIMEOUT(groups->rowCount(), 6, 20000);
    const auto joined = [&] {
        for (int row = 0; row < groups->rowCount(); ++row)
            if (groups->index(row)
                    .data(GroupListModel::JoinStateRole)
                    .value<GroupListModel::JoinState>()
                != GroupListModel::JoinState::Joined)
                return false;
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(joined(), 30000);
    // What the window's group list shows: every demo group by name.
    QAbstractItemModel *shown = window.groupList()->view()->model();
    QStringList names;
    for (int row = 0; row < shown->rowCount(); ++row)
        names << shown->index(row, 0).data(GroupListModel::NameRole).toString();
    for (const QJsonValue &g : expected)
        QVERIFY2(names.contains(g.toObject().value(u"name"_s).toString()),
                 qPrintable(names.join(u" | ")));

    // An open group shows the members' messages from the archive.
    const QString first = groups->index(0).data(GroupListModel::GroupIdRole).toString();
    const QString second = groups->index(1).data(GroupListModel::GroupIdRole).toString();
    window.openGroup(first);
    window.openGroup(second, true);
    workspace::TimelineModel *timeline = session.workspace()->timeline(first);
    QVERIFY(timeline);
    QTRY_VERIFY_WITH_TIMEOUT(timeline->rowCount() > 0, 20000);
    QTest::qWait(500);
    test::saveScreenshot(&window, u"demo_window"_s);

    // The demo account is not remembered: the next start offers the dialog again.
    QVERIFY(!session.account()->hasSavedAccount());
}

void tst_DemoButton::failureShowsWhyAndTheDialogStaysUsable()
{
    QTemporaryDir dir;
    // A group seeder that fails the way a broken server makes it fail.
    const QString seeder = dir.filePath(u"failing-demoseed"_s);
    QVERIFY(test::writeFailingProgram(
        seeder, "demoseed: the group service refused to create bali-arrivals", 3));
    workspace::DemoLocations locations = workspace::DemoLocations::fromBuildTree();
    locations.demoseed = seeder;
    workspace::DemoServer demo(locations, dir.filePath(u"cache"_s));
    FirstRun run(dir.path(), &demo);
    QVERIFY(run.dialog);
    QTRY_VERIFY_WITH_TIMEOUT(run.dialog->isVisible(), 5000);
    QTest::mouseClick(run.dialog->demoButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(run.dialog->errorLabel()->isVisible(), 60000);
    const QString shown = run.dialog->errorLabel()->text();
    QVERIFY2(shown.contains(u"Creating the demo groups failed"_s), qPrintable(shown));
    QVERIFY2(shown.contains(u"refused to create bali-arrivals"_s), qPrintable(shown));
    QVERIFY(run.dialog->isVisible());
    QVERIFY(run.dialog->demoButton()->isEnabled());
    QVERIFY(run.dialog->signInButton()->isEnabled());
    QVERIFY(!run.dialog->statusLabel()->isVisible());
    QVERIFY(!demo.isRunning());
    test::saveScreenshot(run.dialog, u"demo_dialog_failed"_s);
}

void tst_DemoButton::noButtonWithoutProsody()
{
    QTemporaryDir dir;
    workspace::DemoLocations locations = workspace::DemoLocations::fromBuildTree();
    locations.prosody.clear();
    workspace::DemoServer demo(locations, dir.filePath(u"cache"_s));
    FirstRun run(dir.path(), &demo);
    QVERIFY(run.dialog);
    QTRY_VERIFY_WITH_TIMEOUT(run.dialog->isVisible(), 5000);
    QVERIFY(!run.dialog->demoButton()->isVisible());
    QVERIFY(run.dialog->signInButton()->isEnabled());
}

QTEST_MAIN(tst_DemoButton)
#include "tst_demobutton.moc"
