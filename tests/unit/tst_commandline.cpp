#include "workspace/CommandLine.h"
#include "workspace/Profile.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using chorus::workspace::CommandLine;
using chorus::workspace::Profile;

class tst_CommandLine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void consoleOnly_data();
    void consoleOnly();
    void languageBeforeParsing();
    void profileKeepsEverythingUnderItsDirectory();
    void databaseNamesAreSafeAndDistinct();
};

void tst_CommandLine::consoleOnly_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("console");
    QTest::newRow("version") << QStringList{u"chorus"_s, u"--version"_s} << true;
    QTest::newRow("help") << QStringList{u"chorus"_s, u"-h"_s} << true;
    QTest::newRow("window") << QStringList{u"chorus"_s, u"--profile"_s, u"/p"_s} << false;
    QTest::newRow("program name is not an option")
        << QStringList{u"--version"_s, u"--lang"_s, u"zh_CN"_s} << false;
}

void tst_CommandLine::consoleOnly()
{
    QFETCH(QStringList, args);
    QFETCH(bool, console);
    QCOMPARE(CommandLine::wantsConsoleOnly(args), console);
}

void tst_CommandLine::languageBeforeParsing()
{
    QCOMPARE(CommandLine::languageArgument({u"chorus"_s, u"--lang"_s, u"zh_CN"_s}), u"zh_CN"_s);
    QCOMPARE(CommandLine::languageArgument({u"chorus"_s, u"--lang=en"_s}), u"en"_s);
    QCOMPARE(CommandLine::languageArgument({u"chorus"_s, u"--lang"_s}), QString());
    QVERIFY(CommandLine::wantsScreenshot({u"chorus"_s, u"--screenshot"_s, u"x.png"_s}));
    QVERIFY(!CommandLine::wantsScreenshot({u"chorus"_s}));
}

void tst_CommandLine::profileKeepsEverythingUnderItsDirectory()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(u"nested/profile"_s);
    Profile profile(dir);
    QVERIFY(profile.isUsable());
    QVERIFY(QFileInfo(dir).isDir());
    QVERIFY(profile.settingsPath().startsWith(profile.directory()));
    QVERIFY(profile.databasePath(u"a@b.c"_s).startsWith(profile.directory()));
    {
        auto settings = profile.openSettings();
        settings->setValue(u"k"_s, 42);
    }
    QCOMPARE(QSettings(profile.settingsPath(), QSettings::IniFormat).value(u"k"_s).toInt(), 42);
}

void tst_CommandLine::databaseNamesAreSafeAndDistinct()
{
    Profile profile(QDir::tempPath());
    const QString a = QFileInfo(profile.databasePath(u"coach@example.org"_s)).fileName();
    const QString b = QFileInfo(profile.databasePath(u"Coach@example.org/../x"_s)).fileName();
    QVERIFY(a.startsWith(u"coach@example.org-"_s));
    QVERIFY(!b.contains(u'/'));
    QVERIFY(a != b);
}

QTEST_GUILESS_MAIN(tst_CommandLine)
#include "tst_commandline.moc"
