// Invite links and QR codes: the PNG decodes back to the URI with Debian's zbarimg.
#include "members/InviteLink.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using chorus::members::InviteLink;

class tst_InviteLink : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void uriRoundTrip_data();
    void uriRoundTrip();
    void rejectsWhatIsNotAJoinLink_data();
    void rejectsWhatIsNotAJoinLink();
    void qrDecodesBackToTheUri_data();
    void qrDecodesBackToTheUri();
};

void tst_InviteLink::uriRoundTrip_data()
{
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("uri");
    QTest::newRow("plain") << u"bali@conference.example.org"_s
                           << u"xmpp:bali@conference.example.org?join"_s;
    QTest::newRow("space and plus") << u"yoga+pilates@muc.example.org"_s
                                    << u"xmpp:yoga+pilates@muc.example.org?join"_s;
    QTest::newRow("non-ascii") << u"汉语班@conference.example.org"_s
                               << u"xmpp:%E6%B1%89%E8%AF%AD%E7%8F%AD@conference.example.org?join"_s;
}

void tst_InviteLink::uriRoundTrip()
{
    QFETCH(QString, group);
    QFETCH(QString, uri);
    QCOMPARE(InviteLink::uriFor(group), uri);
    QCOMPARE(InviteLink::groupFromUri(uri), group);
}

void tst_InviteLink::rejectsWhatIsNotAJoinLink_data()
{
    QTest::addColumn<QString>("uri");
    QTest::newRow("http") << u"https://example.org/?join"_s;
    QTest::newRow("message action") << u"xmpp:bali@conference.example.org?message"_s;
    QTest::newRow("no action") << u"xmpp:bali@conference.example.org"_s;
    QTest::newRow("authority") << u"xmpp://me@example.org/bali@conference.example.org?join"_s;
    QTest::newRow("no node") << u"xmpp:conference.example.org?join"_s;
    QTest::newRow("resource") << u"xmpp:bali@conference.example.org/nick?join"_s;
}

void tst_InviteLink::rejectsWhatIsNotAJoinLink()
{
    QFETCH(QString, uri);
    QVERIFY(InviteLink::groupFromUri(uri).isEmpty());
}

void tst_InviteLink::qrDecodesBackToTheUri_data()
{
    QTest::addColumn<QString>("group");
    QTest::newRow("latin") << u"bali-arrivals@conference.example.org"_s;
    QTest::newRow("chinese") << u"汉语班@conference.example.org"_s;
}

void tst_InviteLink::qrDecodesBackToTheUri()
{
    QFETCH(QString, group);
    const QString zbar = QStandardPaths::findExecutable(u"zbarimg"_s);
    QVERIFY2(!zbar.isEmpty(), "zbarimg (zbar-tools) is needed; tools/bootstrap installs it");
    const QString uri = InviteLink::uriFor(group);
    const QImage code = InviteLink::qrCode(uri, 6);
    QVERIFY(!code.isNull());
    QCOMPARE(code.width(), code.height());
    QTemporaryDir tmp;
    const QString png = tmp.filePath(u"invite.png"_s);
    QVERIFY(code.save(png));
    QProcess p;
    p.start(zbar, {u"--quiet"_s, u"--raw"_s, u"-Sdisable"_s, u"-Sqrcode.enable"_s, png});
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()).trimmed(), uri);
}

QTEST_GUILESS_MAIN(tst_InviteLink)
#include "tst_invitelink.moc"
