// Dialogs that need no server: group create/add/edit validation, the shortcut list.
#include "ui/GroupDialog.h"
#include "ui/MainWindow.h"
#include "ui/Resources.h"
#include "ui/ShortcutsDialog.h"

#include "Screenshot.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using chorus::ui::GroupDialog;

class tst_Dialogs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { chorus::ui::initResources(); }
    void slugs_data();
    void slugs();
    void tags();
    void createUsesTheSeedsDefaults();
    void refusesWhatCannotWork();
    void editKeepsTheAddress();
    void shortcutListComesFromTheMenus();
};

void tst_Dialogs::slugs_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("slug");
    QTest::newRow("plain") << u"Bali arrivals 2026"_s << u"bali-arrivals-2026"_s;
    QTest::newRow("accents") << u"Café Crème"_s << u"cafe-creme"_s;
    QTest::newRow("punctuation") << u"  Yoga -- Monday!! "_s << u"yoga-monday"_s;
    QTest::newRow("chinese only") << u"中文班"_s << QString();
}

void tst_Dialogs::slugs()
{
    QFETCH(QString, name);
    QFETCH(QString, slug);
    QCOMPARE(GroupDialog::slugFor(name), slug);
}

void tst_Dialogs::tags()
{
    QCOMPARE(GroupDialog::parseTags(u"#bali, vip，cohort-3  Bali"_s),
             (QStringList{u"bali"_s, u"vip"_s, u"cohort-3"_s}));
}

void tst_Dialogs::createUsesTheSeedsDefaults()
{
    GroupDialog dialog(GroupDialog::Mode::Create);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(dialog.nameEdit(), u"Bali arrivals"_s);
    QCOMPARE(dialog.addressEdit()->text(), u"bali-arrivals"_s);
    dialog.tagsEdit()->setText(u"destination, bali"_s);
    dialog.timeZoneBox()->setCurrentText(u"Asia/Makassar"_s);
    chorus::test::saveScreenshot(&dialog, u"group-dialog-create"_s);
    QSignalSpy submitted(&dialog, &GroupDialog::submitted);
    QTest::keyClick(dialog.nameEdit(), Qt::Key_Return);
    QCOMPARE(submitted.size(), 1);
    const auto group = submitted.first().first().value<chorus::chat::Group>();
    QCOMPARE(group.id, u"bali-arrivals"_s);
    QCOMPARE(group.tags, (QStringList{u"destination"_s, u"bali"_s}));
    QCOMPARE(group.timeZone, u"Asia/Makassar"_s);
    QCOMPARE(group.policy.openInviteThreshold, 100);
    QCOMPARE(group.config.maxUsers, 500);
    QCOMPARE(group.config.historyLength, 0);
    QVERIFY(!group.config.membersOnly); // open until the threshold
    QVERIFY(group.config.archived);
}

void tst_Dialogs::refusesWhatCannotWork()
{
    GroupDialog add(GroupDialog::Mode::Add);
    add.show();
    QSignalSpy submitted(&add, &GroupDialog::submitted);
    add.addressEdit()->setText(u"no-domain"_s);
    QTest::keyClick(add.addressEdit(), Qt::Key_Return);
    QCOMPARE(submitted.size(), 0);
    QVERIFY(add.errorLabel()->text().contains(u"address"_s));

    add.addressEdit()->setText(u"bali@conference.example.org"_s);
    add.timeZoneBox()->setCurrentText(u"Mars/Olympus"_s);
    QTest::keyClick(add.addressEdit(), Qt::Key_Return);
    QCOMPARE(submitted.size(), 0);
    QVERIFY(add.errorLabel()->text().contains(u"Mars/Olympus"_s));

    GroupDialog create(GroupDialog::Mode::Create);
    create.show();
    QSignalSpy created(&create, &GroupDialog::submitted);
    QTest::keyClick(create.nameEdit(), Qt::Key_Return);
    QCOMPARE(created.size(), 0); // a name is required
    create.nameEdit()->setText(u"x"_s);
    create.addressEdit()->setText(u"has space"_s);
    QTest::keyClick(create.nameEdit(), Qt::Key_Return);
    QCOMPARE(created.size(), 0);
    QVERIFY(!create.errorLabel()->isHidden());
}

void tst_Dialogs::editKeepsTheAddress()
{
    chorus::chat::Group g;
    g.id = u"yoga@conference.example.org"_s;
    g.name = u"Yoga"_s;
    g.nick = u"Coach"_s;
    g.timeZone = u"Europe/Berlin"_s;
    GroupDialog edit(GroupDialog::Mode::Edit, g);
    edit.show();
    QVERIFY(edit.addressEdit()->isReadOnly());
    QSignalSpy submitted(&edit, &GroupDialog::submitted);
    edit.nameEdit()->setText(u"Yoga Monday 7pm"_s);
    QTest::keyClick(edit.nameEdit(), Qt::Key_Return);
    QCOMPARE(submitted.size(), 1);
    const auto saved = submitted.first().first().value<chorus::chat::Group>();
    QCOMPARE(saved.id, g.id);
    QCOMPARE(saved.nick, u"Coach"_s);
    QCOMPARE(saved.name, u"Yoga Monday 7pm"_s);
}

void tst_Dialogs::shortcutListComesFromTheMenus()
{
    QTemporaryDir tmp;
    QSettings settings(tmp.filePath(u"s.ini"_s), QSettings::IniFormat);
    chorus::ui::MainWindow window(&settings);
    chorus::ui::ShortcutsDialog dialog(window.menuBar());
    QStringList keys;
    for (int r = 0; r < dialog.table()->rowCount(); ++r)
        keys << dialog.table()->item(r, 1)->text();
    QVERIFY2(keys.contains(QKeySequence(Qt::CTRL | Qt::Key_K).toString(QKeySequence::NativeText)),
             qPrintable(keys.join(u", "_s)));
    QVERIFY(keys.contains(QKeySequence(Qt::Key_F9).toString(QKeySequence::NativeText)));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    chorus::test::saveScreenshot(&dialog, u"shortcuts"_s);
}

QTEST_MAIN(tst_Dialogs)
#include "tst_dialogs.moc"
