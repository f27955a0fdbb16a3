// The first window: three panes, the context dock's four tabs, in English and Chinese;
// the About dialog shows the version; geometry is remembered between runs.
#include "translations/Translations.h"
#include "ui/AboutDialog.h"
#include "ui/EmptyState.h"
#include "ui/MainWindow.h"
#include "ui/Resources.h"

#include "Screenshot.h"
#include "Version.h"

#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using chorus::ui::MainWindow;

class tst_MainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void threePanesAndFourTabs_data();
    void threePanesAndFourTabs();
    void emptyPanesSayWhatWillAppear();
    void aboutShowsVersion();
    void geometryIsRemembered();

private:
    QTemporaryDir m_tmp;
};

void tst_MainWindow::initTestCase()
{
    chorus::ui::initResources();
    QVERIFY(m_tmp.isValid());
}

void tst_MainWindow::threePanesAndFourTabs_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QStringList>("tabs");
    QTest::addColumn<QString>("fileMenu");
    QTest::newRow("en") << u"en"_s
                        << QStringList{u"Members"_s, u"Activities"_s, u"Replies"_s, u"Sales"_s}
                        << u"&File"_s;
    QTest::newRow("zh_CN") << u"zh_CN"_s
                           << QStringList{u"成员"_s, u"活动"_s, u"回复"_s, u"销售"_s}
                           << u"文件(&F)"_s;
}

void tst_MainWindow::threePanesAndFourTabs()
{
    QFETCH(QString, language);
    QFETCH(QStringList, tabs);
    QFETCH(QString, fileMenu);

    // Translators are installed on the application and removed after the row.
    const auto before = qApp->findChildren<QTranslator *>();
    chorus::i18n::install(*qApp, language);

    QSettings settings(m_tmp.filePath(u"tabs-%1.ini"_s.arg(language)), QSettings::IniFormat);
    MainWindow window(&settings);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QVERIFY(window.groupPane()->isVisible());
    QVERIFY(window.timelinePane()->isVisible());
    QVERIFY(window.contextDock()->isVisible());
    // Side by side: groups left of timelines, the dock to the right of both.
    const QPoint groups = window.groupPane()->mapTo(&window, QPoint());
    const QPoint timelines = window.timelinePane()->mapTo(&window, QPoint());
    const QPoint dock = window.contextDock()->mapTo(&window, QPoint());
    QVERIFY(groups.x() < timelines.x());
    QVERIFY(timelines.x() < dock.x());

    QTabWidget *context = window.contextTabs();
    QCOMPARE(context->count(), 4);
    for (int i = 0; i < tabs.size(); ++i)
        QCOMPARE(context->tabText(i), tabs.at(i));
    QCOMPARE(window.menuBar()->actions().constFirst()->text(), fileMenu);
    chorus::test::saveScreenshot(&window, u"mainwindow-"_s + language);

    for (QTranslator *t : qApp->findChildren<QTranslator *>()) {
        if (!before.contains(t)) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }
}

void tst_MainWindow::emptyPanesSayWhatWillAppear()
{
    QSettings settings(m_tmp.filePath(u"empty.ini"_s), QSettings::IniFormat);
    MainWindow window(&settings);
    const auto states = window.findChildren<chorus::ui::EmptyState *>();
    QCOMPARE(states.size(), 6); // groups, timelines, and one per context tab
    for (const auto *state : states) {
        QVERIFY2(!state->title().isEmpty(), qPrintable(state->objectName()));
        QVERIFY2(state->text().size() > 20, qPrintable(state->objectName()));
        QCOMPARE(state->accessibleName(), state->title());
    }
}

void tst_MainWindow::aboutShowsVersion()
{
    chorus::ui::AboutDialog dialog;
    auto *version = dialog.findChild<QLabel *>(u"versionLabel"_s);
    QVERIFY(version);
    QVERIFY2(version->text().contains(QString::fromLatin1(chorus::kVersion)),
             qPrintable(version->text()));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    chorus::test::saveScreenshot(&dialog, u"about"_s);
}

void tst_MainWindow::geometryIsRemembered()
{
    const QString path = m_tmp.filePath(u"geometry.ini"_s);
    {
        QSettings settings(path, QSettings::IniFormat);
        MainWindow window(&settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(1000, 640);
        window.contextDock()->hide();
        QTRY_COMPARE(window.size(), QSize(1000, 640));
        window.close();
    }
    QSettings settings(path, QSettings::IniFormat);
    MainWindow again(&settings);
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.size(), QSize(1000, 640));
    QVERIFY(!again.contextDock()->isVisible());
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
