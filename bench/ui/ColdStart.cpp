#include "ColdStart.h"

#include "activities/ActivitiesSchema.h"
#include "replies/RepliesSchema.h"
#include "sales/SalesSchema.h"
#include "store/AsyncStore.h"
#include "ui/AppController.h"
#include "ui/GroupListPane.h"
#include "ui/MainWindow.h"
#include "workspace/GroupListModel.h"
#include "workspace/Profile.h"
#include "workspace/Session.h"
#include "workspace/Workspace.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QEventLoop>
#include <QListView>
#include <QSettings>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace Qt::StringLiterals;

namespace chorus::bench {
namespace {

// Names and tags like an operator's: classes, cohorts, destinations.
chat::Group cachedGroup(int i)
{
    static const QStringList kinds {u"Yoga"_s, u"HIIT"_s, u"English B1"_s, u"汉语 初级"_s,
                                    u"Bali trip"_s, u"Lisbon walk"_s, u"Interview prep"_s};
    static const QStringList tags {u"fitness"_s, u"language"_s, u"travel"_s, u"cohort-2026"_s};
    chat::Group g;
    g.id = u"group%1@conference.localhost"_s.arg(i);
    g.name = u"%1 %2"_s.arg(kinds.at(i % kinds.size())).arg(i);
    g.nick = u"Operator"_s;
    g.tags = {tags.at(i % tags.size())};
    g.timeZone = u"Europe/Lisbon"_s;
    g.subject = u"Welcome! Schedule and rules are pinned."_s;
    return g;
}

/// Records when the main window, and the group list showing the groups, first paint.
class PaintWatcher : public QObject
{
public:
    PaintWatcher(QWidget *window, int groups, const QElapsedTimer &clock)
        : m_window(window), m_groups(groups), m_clock(clock)
    {
    }
    double firstPaintMs = -1;
    double groupsPaintedMs = -1;
    std::function<void()> onGroupsPainted;

protected:
    bool eventFilter(QObject *object, QEvent *event) override
    {
        if (event->type() != QEvent::Paint || !object->isWidgetType())
            return false;
        auto *widget = static_cast<QWidget *>(object);
        if (widget->window() != m_window)
            return false;
        const double now = double(m_clock.nsecsElapsed()) / 1e6;
        if (firstPaintMs < 0)
            firstPaintMs = now;
        // The list's viewport paints rows: count it once the model holds them.
        auto *view = qobject_cast<QListView *>(widget->parentWidget());
        if (groupsPaintedMs < 0 && view && view->objectName() == u"groupList"
            && view->model() && view->model()->rowCount() >= m_groups) {
            groupsPaintedMs = now;
            if (onGroupsPainted)
                onGroupsPainted();
        }
        return false;
    }

private:
    QWidget *m_window;
    int m_groups;
    const QElapsedTimer &m_clock;
};

} // namespace

QString prepareColdProfile(const QString &dir, const QString &accountJid, int groups)
{
    workspace::Profile profile(dir);
    if (!profile.isUsable())
        return u"cannot create the profile directory %1"_s.arg(dir);
    store::AsyncStore::Options options;
    options.database.path = profile.databasePath(accountJid);
    // The modules the session opens the store with (workspace/Session.cpp).
    options.modules = {replies::repliesSchema(), sales::salesSchema(), activities::activitiesSchema()};
    store::AsyncStore store(options);
    QList<chat::Group> list;
    for (int i = 1; i <= groups; ++i)
        list << cachedGroup(i);
    auto opened = store.open();
    auto saved = store.saveGroups(list);
    if (!QTest::qWaitFor([&] { return saved.isFinished(); }, 120000))
        return u"the store did not save the groups in time"_s;
    if (!opened.result().ok())
        return u"store: "_s + opened.result().error().message;
    if (!saved.result().ok())
        return u"store: "_s + saved.result().error().message;
    return {};
}

ColdStart measureColdStart(const QString &dir, const QString &accountJid, int groups)
{
    ColdStart result;
    QElapsedTimer clock;
    clock.start();
    workspace::Profile profile(dir);
    const std::unique_ptr<QSettings> settings = profile.openSettings();
    workspace::Session session(profile, settings.get());
    ui::MainWindow window(settings.get());
    PaintWatcher watcher(&window, groups, clock);
    qApp->installEventFilter(&watcher);
    ui::AppController controller(&session, &window);
    window.resize(1280, 800);
    window.show();
    // What the session does when the saved account starts connecting.
    workspace::Workspace *ws = session.open(accountJid);
    // A real event loop, not a polling wait: a poll's sleeps would delay the paints.
    QEventLoop loop;
    QObject::connect(ws->groups(), &QAbstractItemModel::modelReset, &loop, [&] {
        if (result.groupsLoadedMs < 0 && ws->groups()->rowCount() >= groups)
            result.groupsLoadedMs = double(clock.nsecsElapsed()) / 1e6;
    });
    watcher.onGroupsPainted = [&loop] { loop.quit(); };
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    loop.exec();
    const bool loaded = watcher.groupsPaintedMs >= 0;
    qApp->removeEventFilter(&watcher);
    result.firstPaintMs = watcher.firstPaintMs;
    result.groupsPaintedMs = watcher.groupsPaintedMs;
    if (!loaded)
        result.error = u"the window did not show the %1 cached groups within 20 s (first paint "
                       "%2 ms, %3 groups loaded)"_s.arg(groups)
                           .arg(result.firstPaintMs, 0, 'f', 1)
                           .arg(ws->groups()->rowCount());
    return result;
}

} // namespace chorus::bench
