#include "workspace/CommandLine.h"
#include "workspace/Profile.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QFile>
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
    void signInOptions();
    void badSignInOptionsAreExplained_data();
    void badSignInOptionsAreExplained();
    void passwordFile();
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

void tst_CommandLine::signInOptions()
{
    QString error;
    const auto o = CommandLine::parseArguments(
        {u"chorus"_s, u"--account"_s, u"coach@example.org"_s, u"--password-file"_s, u"/p"_s,
         u"--server"_s, u"127.0.0.1:5299"_s, u"--allow-plaintext-loopback"_s, u"--headless"_s},
        &error);
    QVERIFY2(o, qPrintable(error));
    QCOMPARE(o->account, u"coach@example.org"_s);
    QCOMPARE(o->passwordFile, u"/p"_s);
    QCOMPARE(o->serverHost, u"127.0.0.1"_s);
    QCOMPARE(o->serverPort, quint16(5299));
    QVERIFY(o->allowPlaintextLoopback);
    QVERIFY(o->headless);
    const auto plain = CommandLine::parseArguments({u"chorus"_s, u"--server"_s, u"xmpp.example.org"_s}, &error);
    QVERIFY(plain);
    QCOMPARE(plain->serverHost, u"xmpp.example.org"_s);
    QCOMPARE(plain->serverPort, quint16(0));
    QVERIFY(!plain->headless);
    QVERIFY(CommandLine::wantsHeadless({u"chorus"_s, u"--headless"_s}));
    QVERIFY(!CommandLine::wantsHeadless({u"chorus"_s}));
}

void tst_CommandLine::badSignInOptionsAreExplained_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("account without password file") << QStringList {u"--account"_s, u"a@b.c"_s} << u"--password-file"_s;
    QTest::newRow("password file alone") << QStringList {u"--password-file"_s, u"/p"_s} << u"--account"_s;
    QTest::newRow("not a jid") << QStringList {u"--account"_s, u"coach"_s, u"--password-file"_s, u"/p"_s} << u"coach"_s;
    QTest::newRow("full jid") << QStringList {u"--account"_s, u"a@b.c/res"_s, u"--password-file"_s, u"/p"_s} << u"a@b.c/res"_s;
    QTest::newRow("bad port") << QStringList {u"--server"_s, u"h:99999"_s} << u"h:99999"_s;
    QTest::newRow("bad wait") << QStringList {u"--screenshot-after"_s, u"soon"_s} << u"--screenshot-after"_s;
    QTest::newRow("stray argument") << QStringList {u"extra"_s} << u"extra"_s;
}

void tst_CommandLine::badSignInOptionsAreExplained()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    QString error;
    QVERIFY(!CommandLine::parseArguments(QStringList {u"chorus"_s} + args, &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
}

void tst_CommandLine::passwordFile()
{
    QTemporaryDir dir;
    QFile f(dir.filePath(u"pw"_s));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("s3cr\xc3\xa9t\r\nsecond line\n");
    f.close();
    QString error;
    QCOMPARE(CommandLine::readPasswordFile(f.fileName(), &error), u"s3cr\u00e9t"_s);
    QVERIFY(error.isEmpty());
    QCOMPARE(CommandLine::readPasswordFile(dir.filePath(u"missing"_s), &error), QString());
    QVERIFY(error.contains(u"missing"));
    QFile empty(dir.filePath(u"empty"_s));
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();
    error.clear();
    QCOMPARE(CommandLine::readPasswordFile(empty.fileName(), &error), QString());
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(tst_CommandLine)
#include "tst_commandline.moc"
