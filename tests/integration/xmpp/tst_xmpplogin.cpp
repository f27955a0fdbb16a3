// Logging in to a real server (Prosody and ejabberd): plaintext on loopback, STARTTLS
// with the fixture's self-signed certificate pinned, refused without the pin (with its
// fingerprints) or with a wrong pin, direct TLS, wrong password; then IQs and
// stanzas through a live session, routed to an extension.
#include "TestServer.h"

#include "xmpp/Client.h"
#include "xmpp/Extension.h"
#include "xmpp/Namespaces.h"
#include "xmpp/TlsTrust.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::xmpp;
using chorus::test::TestServer;

namespace {

// Collects the messages the session hands to it.
class MessageSink : public Extension
{
public:
    bool handleStanza(const Element &stanza) override
    {
        if (stanza.name() != u"message")
            return false;
        messages.append(stanza);
        return true;
    }
    void onSessionStarted(bool resumed) override { starts.append(resumed); }
    QList<Element> messages;
    QList<bool> starts;
};

} // namespace

class tst_XmppLogin : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void plaintextOnLoopback();
    void startTlsWithPinnedCertificate();
    void startTlsRefusedWithoutPin();
    void startTlsRefusedWithWrongPin();
    void directTls();
    void wrongPassword();
    void iqsAndMessagesThroughTheSession();

private:
    ClientSettings settingsFor(const QString &user, const QString &password) const;
    QString newAccount();
    bool connectAndWait(Client &client, Error *error = nullptr);

    std::optional<TestServer> m_server;
    QByteArray m_certSha256;
    QStringList m_accounts; ///< created in initTestCase, one per test
};

void tst_XmppLogin::initTestCase()
{
    QString error;
    m_server = TestServer::fromEnvironment(&error);
    QVERIFY2(m_server, qPrintable(error));
    QFile cert(m_server->certificatePath());
    QVERIFY2(cert.open(QIODevice::ReadOnly), qPrintable(cert.fileName()));
    const QSslCertificate certificate(cert.readAll(), QSsl::Pem);
    QVERIFY(!certificate.isNull());
    m_certSha256 = certificateSha256(certificate);
    // One batch: creating accounts costs a server round trip each time.
    QList<QPair<QString, QString>> users;
    for (int i = 0; i < 10; ++i) {
        const QString name = TestServer::uniqueName(u"login"_s);
        users.append({name, u"pw-"_s + name});
        m_accounts.append(name);
    }
    QVERIFY2(m_server->addUsers(users, &error), qPrintable(error));
}

QString tst_XmppLogin::newAccount()
{
    return m_accounts.takeFirst();
}

ClientSettings tst_XmppLogin::settingsFor(const QString &user, const QString &password) const
{
    ClientSettings s;
    s.jid = Jid::fromString(user + u'@' + m_server->domain());
    s.password = password;
    s.host = m_server->host();
    s.port = m_server->port();
    s.reconnect.enabled = false;
    return s;
}

bool tst_XmppLogin::connectAndWait(Client &client, Error *error)
{
    QSignalSpy started(&client, &Client::sessionStarted);
    QSignalSpy stopped(&client, &Client::disconnected);
    client.connectToServer();
    if (!QTest::qWaitFor([&] { return !started.isEmpty() || !stopped.isEmpty(); }, 20000))
        return false;
    if (error && !stopped.isEmpty())
        *error = stopped.first().first().value<Error>();
    return !started.isEmpty();
}

void tst_XmppLogin::plaintextOnLoopback()
{
    const QString user = newAccount();
    ClientSettings settings = settingsFor(user, u"pw-"_s + user);
    settings.plaintextOnLoopback = true;
    Client client;
    client.setSettings(settings);
    Error error;
    QVERIFY2(connectAndWait(client, &error), qPrintable(error.detail));
    QCOMPARE(client.state(), Client::State::Connected);
    QVERIFY(!client.isEncrypted());
    QCOMPARE(client.boundJid().bare(), settings.jid);
    QVERIFY(client.boundJid().isFull());
    QVERIFY(client.isStreamManagementEnabled());
    qInfo("%s: plaintext login with %s", qPrintable(m_server->kind()),
          qPrintable(mechanismName(*client.sessionInfo().mechanism)));

    QSignalSpy stopped(&client, &Client::disconnected);
    client.disconnectFromServer();
    QVERIFY(stopped.wait(5000));
    QCOMPARE(stopped.first().first().value<Error>().code, Error::Code::None);
    QCOMPARE(client.state(), Client::State::Disconnected);
}

void tst_XmppLogin::startTlsWithPinnedCertificate()
{
    const QString user = newAccount();
    ClientSettings settings = settingsFor(user, u"pw-"_s + user);
    settings.pinnedSha256 = {m_certSha256};
    Client client;
    client.setSettings(settings);
    Error error;
    QVERIFY2(connectAndWait(client, &error), qPrintable(error.message + u' ' + error.detail));
    QVERIFY(client.isEncrypted());
    QVERIFY(client.sessionInfo().mechanism.has_value());
    QVERIFY(*client.sessionInfo().mechanism != SaslMechanism::Plain);
    qInfo("%s: STARTTLS login with %s", qPrintable(m_server->kind()),
          qPrintable(mechanismName(*client.sessionInfo().mechanism)));
}

void tst_XmppLogin::startTlsRefusedWithoutPin()
{
    const QString user = newAccount();
    Client client;
    client.setSettings(settingsFor(user, u"pw-"_s + user));
    Error error;
    QVERIFY(!connectAndWait(client, &error));
    QCOMPARE(error.code, Error::Code::TlsCertificateUntrusted);
    // What the user needs to decide whether to trust it.
    QCOMPARE(error.certificate.certificateSha256, m_certSha256);
    QCOMPARE(error.certificate.publicKeySha256.size(), 32);
    QVERIFY(!error.certificate.chain.isEmpty());
    QVERIFY(!error.certificate.problems.isEmpty());
    QCOMPARE(client.state(), Client::State::Disconnected);

    // Trusting it (pinning the public key) lets the same account in.
    ClientSettings trusted = settingsFor(user, u"pw-"_s + user);
    trusted.pinnedSha256 = {error.certificate.publicKeySha256};
    Client again;
    again.setSettings(trusted);
    QVERIFY(connectAndWait(again));
}

void tst_XmppLogin::startTlsRefusedWithWrongPin()
{
    const QString user = newAccount();
    ClientSettings settings = settingsFor(user, u"pw-"_s + user);
    settings.pinnedSha256 = {QByteArray(32, '\x01')};
    Client client;
    client.setSettings(settings);
    Error error;
    QVERIFY(!connectAndWait(client, &error));
    QCOMPARE(error.code, Error::Code::TlsPinMismatch);
    QCOMPARE(error.certificate.certificateSha256, m_certSha256);
}

void tst_XmppLogin::directTls()
{
    const QString user = newAccount();
    ClientSettings settings = settingsFor(user, u"pw-"_s + user);
    settings.port = m_server->directTlsPort();
    settings.directTls = true;
    settings.pinnedSha256 = {m_certSha256};
    Client client;
    client.setSettings(settings);
    Error error;
    QVERIFY2(connectAndWait(client, &error), qPrintable(error.message + u' ' + error.detail));
    QVERIFY(client.isEncrypted());
}

void tst_XmppLogin::wrongPassword()
{
    const QString user = newAccount();
    ClientSettings settings = settingsFor(user, u"not-the-password"_s);
    settings.pinnedSha256 = {m_certSha256};
    settings.reconnect.enabled = true; // a wrong password must not be retried
    Client client;
    client.setSettings(settings);
    QSignalSpy reconnecting(&client, &Client::reconnecting);
    Error error;
    QVERIFY(!connectAndWait(client, &error));
    QCOMPARE(error.code, Error::Code::NotAuthorized);
    QCOMPARE(error.saslCondition, u"not-authorized"_s);
    QVERIFY(!error.message.isEmpty());
    QVERIFY(reconnecting.isEmpty());
    QCOMPARE(client.state(), Client::State::Disconnected);
}

void tst_XmppLogin::iqsAndMessagesThroughTheSession()
{
    const QString alice = newAccount();
    const QString bob = newAccount();
    ClientSettings aliceSettings = settingsFor(alice, u"pw-"_s + alice);
    aliceSettings.pinnedSha256 = {m_certSha256};
    ClientSettings bobSettings = settingsFor(bob, u"pw-"_s + bob);
    bobSettings.pinnedSha256 = {m_certSha256};
    Client a, b;
    a.setSettings(aliceSettings);
    b.setSettings(bobSettings);
    MessageSink bobsMessages;
    b.addExtension(&bobsMessages);
    QVERIFY(connectAndWait(a));
    QVERIFY(connectAndWait(b));
    QCOMPARE(bobsMessages.starts, QList<bool> {false});

    // An IQ to the server is answered by the server.
    Element disco(u"iq"_s, ns::Client);
    disco.setAttribute(u"type"_s, u"get"_s)
        .setAttribute(u"to"_s, m_server->domain())
        .appendChild(Element(u"query"_s, u"http://jabber.org/protocol/disco#info"_s));
    auto info = a.sendIq(disco);
    QTRY_VERIFY_WITH_TIMEOUT(info.isFinished(), 10000);
    QVERIFY(info.result().ok());
    QVERIFY(info.result().value().hasChild(u"query", u"http://jabber.org/protocol/disco#info"));

    // An IQ to our own account (no 'to') is answered on its behalf: the roster.
    Element roster(u"iq"_s, ns::Client);
    roster.setAttribute(u"type"_s, u"get"_s)
        .appendChild(Element(u"query"_s, u"jabber:iq:roster"_s));
    auto rosterReply = a.sendIq(roster);
    QTRY_VERIFY_WITH_TIMEOUT(rosterReply.isFinished(), 10000);
    QVERIFY(rosterReply.result().ok());

    // An IQ to a full JID that does not exist comes back as a typed stanza error.
    Element nowhere = disco;
    nowhere.setAttribute(u"to"_s, u"nobody-here@"_s + m_server->domain() + u"/x"_s);
    auto missing = a.sendIq(nowhere);
    QTRY_VERIFY_WITH_TIMEOUT(missing.isFinished(), 10000);
    QVERIFY(!missing.result().ok());
    QCOMPARE(missing.result().error().code, IqError::Code::StanzaError);
    QVERIFY(!missing.result().error().condition.isEmpty());

    // Once bob is available, a message from alice to his bare JID reaches his extension.
    // (His presence and her message go through different connections: wait until the
    // server has his presence, which it reflects back to him, before she writes.)
    QSignalSpy bobsUnhandled(&b, &Client::stanzaUnhandled);
    QVERIFY(b.send(Element(u"presence"_s, ns::Client)));
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(bobsUnhandled.cbegin(), bobsUnhandled.cend(),
                                         [](const QList<QVariant> &args) {
                                             return args.first().value<Element>().name()
                                                 == u"presence";
                                         }),
                             10000);
    Element message(u"message"_s, ns::Client);
    message.setAttribute(u"to"_s, b.boundJid().bare().toString())
        .setAttribute(u"type"_s, u"chat"_s)
        .setAttribute(u"id"_s, a.generateId())
        .appendTextChild(u"body"_s, ns::Client, u"hello bob 你好"_s);
    QVERIFY(a.send(message));
    QTRY_COMPARE_WITH_TIMEOUT(bobsMessages.messages.size(), 1, 10000);
    QCOMPARE(bobsMessages.messages.first().childText(u"body", ns::Client), u"hello bob 你好"_s);
    QCOMPARE(Jid::fromString(bobsMessages.messages.first().attribute(u"from")), a.boundJid());
}

QTEST_GUILESS_MAIN(tst_XmppLogin)
#include "tst_xmpplogin.moc"
