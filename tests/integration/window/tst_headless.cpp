// `chorus --headless` as a process on a real server: signs in from the command line,
// joins the account's groups and logs what happens; a wrong password ends it with a
// clear message and a non-zero exit.

#include "TestServer.h"

#include "chat/XmppChatService.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus;

class tst_Headless : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void runsTheWorkspaceWithoutAWindow();
    void wrongPasswordEndsIt();

private:
    QStringList args(const QString &passwordFile) const
    {
        return {u"--headless"_s, u"--profile"_s, m_dir.filePath(u"profile"_s), u"--account"_s,
                m_user + u'@' + m_server->domain(), u"--password-file"_s, passwordFile,
                u"--server"_s, u"%1:%2"_s.arg(m_server->host()).arg(m_server->port()),
                u"--allow-plaintext-loopback"_s};
    }
    QString writeFile(const QString &name, const QByteArray &content)
    {
        QFile f(m_dir.filePath(name));
        f.open(QIODevice::WriteOnly);
        f.write(content);
        return f.fileName();
    }
    std::optional<test::TestServer> m_server;
    QTemporaryDir m_dir;
    QString m_user;
    QString m_room;
};

void tst_Headless::initTestCase()
{
    QString error;
    m_server = test::TestServer::fromEnvironment(&error);
    QVERIFY2(m_server, qPrintable(error));
    m_user = test::TestServer::uniqueName(u"agent"_s);
    QVERIFY2(m_server->addUsers({{m_user, u"secret"_s}}, &error), qPrintable(error));
    // The account owns one bookmarked group, made through the chat API.
    chat::XmppChatService chat;
    chat::AccountSettings s;
    s.jid = m_user + u'@' + m_server->domain();
    s.host = m_server->host();
    s.port = m_server->port();
    s.allowPlaintextLoopback = true;
    chat.connectAccount(s, u"secret"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!chat.groupService().isEmpty(), 20000);
    chat::Group g;
    g.id = test::TestServer::uniqueName(u"hiit"_s);
    g.name = u"HIIT"_s;
    auto task = chat.createGroup(g);
    QTRY_VERIFY_WITH_TIMEOUT(task.isFinished(), 20000);
    QVERIFY(task.result().ok());
    m_room = task.result().value().id;
}

void tst_Headless::runsTheWorkspaceWithoutAWindow()
{
    QProcess agent;
    agent.setProcessChannelMode(QProcess::MergedChannels);
    agent.start(QStringLiteral(CHORUS_APP), args(writeFile(u"pw"_s, "secret\n")));
    QVERIFY(agent.waitForStarted());
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += agent.readAll()).contains("joined " + m_room.toUtf8()), 30000);
    QVERIFY2(out.contains(" connected"), out.constData());
    QVERIFY2(out.contains("caught up with " + m_room.toUtf8()) || QTest::qWaitFor([&] {
                 return (out += agent.readAll()).contains("caught up with " + m_room.toUtf8());
             }, 10000), out.constData());
    agent.terminate();
    QVERIFY(agent.waitForFinished(10000));
}

void tst_Headless::wrongPasswordEndsIt()
{
    QProcess agent;
    agent.setProcessChannelMode(QProcess::MergedChannels);
    agent.start(QStringLiteral(CHORUS_APP), args(writeFile(u"wrong"_s, "not-it\n")));
    QVERIFY(agent.waitForFinished(30000));
    const QByteArray out = agent.readAll();
    QVERIFY2(out.contains("offline:"), out.constData());
    QVERIFY2(out.toLower().contains("password"), out.constData());
    QVERIFY(agent.exitCode() != 0 || agent.exitStatus() != QProcess::NormalExit);
}

QTEST_GUILESS_MAIN(tst_Headless)
#include "tst_headless.moc"
