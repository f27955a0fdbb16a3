// Stream negotiation against a scripted server, phase by phase: STARTTLS offered,
// required, missing (downgrade refused); certificate trust and pins; SASL mechanism
// choice, SCRAM with a good and a bad server signature, PLAIN only when secure; typed
// SASL failures; resource binding; stream-level errors.
#include "ScriptedClient.h"

#include "xmpp/Namespaces.h"
#include "xmpp/TlsTrust.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::xmpp;
using chorus::test::ScriptedClient;
using chorus::test::ScriptedServer;

namespace {

const QByteArray StartTls = "<starttls xmlns=\"urn:ietf:params:xml:ns:xmpp-tls\"/>";

QSslCertificate testCertificate()
{
    QFile f(qEnvironmentVariable("CHORUS_TEST_DATA") + u"/xmpp/server-a.pem"_s);
    if (!f.open(QIODevice::ReadOnly))
        return QSslCertificate();
    return QSslCertificate(f.readAll(), QSsl::Pem);
}

ClientSettings loopbackPlaintext()
{
    ClientSettings s = ScriptedClient::defaultSettings();
    s.plaintextOnLoopback = true;
    return s;
}

} // namespace

class tst_Negotiation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void plaintextOnLoopback();
    void startTlsOfferedAndPinned();
    void startTlsRequiredEvenOnLoopback();
    void missingStartTlsIsRefused();
    void plaintextAllowanceNeedsALoopbackPeer();
    void startTlsFailure();
    void untrustedCertificateCarriesFingerprints();
    void changedPinnedCertificateIsRefused();
    void directTls();
    void mechanismChoice_data();
    void mechanismChoice();
    void plainOnlyWhenSecure();
    void scramWithBadServerSignature();
    void saslFailures_data();
    void saslFailures();
    void bindUsesTheServersJid();
    void bindConflictRetriesOnce();
    void bindOfAnotherAccountIsRefused();
    void legacySessionWhenRequired();
    void wrongStreamNamespace();
    void serverStreamError();
    void malformedServerXmlGetsStreamError();
};

void tst_Negotiation::plaintextOnLoopback()
{
    ScriptedClient c(loopbackPlaintext());
    c.client->connectToServer();
    QCOMPARE(c.client->state(), Client::State::Connecting);
    ScriptedServer::Login login;
    login.offerStartTls = false;
    QVERIFY2(c.server.waitForConnect(), qPrintable(c.server.failure()));
    QCOMPARE(c.transport->connectRequests().first().host, u"127.0.0.1"_s);
    QCOMPARE(c.transport->connectRequests().first().port, quint16(5222));
    QVERIFY2(c.server.acceptLogin(login), qPrintable(c.server.failure()));
    QVERIFY(c.waitForSessions(1));
    QCOMPARE(c.sessions, QList<bool> {false});
    QCOMPARE(c.client->state(), Client::State::Connected);
    QCOMPARE(c.client->boundJid().bare().toString(), u"user@localhost"_s);
    QVERIFY(c.client->boundJid().resource().startsWith(u"chorus-"_s));
    QVERIFY(c.client->sessionInfo().mechanism == SaslMechanism::ScramSha1);
    QVERIFY(c.client->isStreamManagementEnabled());
    QVERIFY(!c.client->isEncrypted());
    QCOMPARE(c.transport->tlsStarts(), 0);
}

void tst_Negotiation::startTlsOfferedAndPinned()
{
    ClientSettings settings = ScriptedClient::defaultSettings();
    const QSslCertificate cert = testCertificate();
    QVERIFY(!cert.isNull());
    settings.pinnedSha256 = {certificateSha256(cert)};
    ScriptedClient c(settings);
    c.transport->setCertificate({cert}, {QSslError(QSslError::SelfSignedCertificate, cert)});
    c.client->connectToServer();
    const auto header = c.server.waitForHeader();
    QVERIFY(header);
    c.server.sendHeader();
    c.server.send(ScriptedServer::featuresXml({u"SCRAM-SHA-1"_s, u"PLAIN"_s}, true, false));
    // Exactly this, and nothing else, before TLS.
    QVERIFY2(c.server.expectRaw(StartTls), qPrintable(c.server.failure()));
    QVERIFY(c.server.staysSilent(50));
    c.server.send("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
    const auto tlsHeader = c.server.waitForHeader();
    QVERIFY2(tlsHeader, qPrintable(c.server.failure()));
    QCOMPARE(c.transport->tlsStarts(), 1);
    QCOMPARE(c.transport->connectRequests().first().peerName, u"localhost"_s);
    c.server.sendHeader(u"tls"_s);
    c.server.send(ScriptedServer::featuresXml({u"SCRAM-SHA-1"_s, u"PLAIN"_s}, false, false));
    const auto auth = c.server.nextElement();
    QVERIFY(auth);
    QCOMPARE(auth->attribute(u"mechanism"), u"SCRAM-SHA-1"_s);
    QVERIFY(c.client->isEncrypted());
}

void tst_Negotiation::startTlsRequiredEvenOnLoopback()
{
    ClientSettings settings = loopbackPlaintext();
    const QSslCertificate cert = testCertificate();
    settings.pinnedSha256 = {publicKeySha256(cert)};
    ScriptedClient c(settings);
    c.transport->setCertificate({cert}, {});
    c.client->connectToServer();
    QVERIFY(c.server.waitForHeader());
    c.server.sendHeader();
    c.server.send(ScriptedServer::featuresXml({u"PLAIN"_s}, true, true));
    QVERIFY2(c.server.expectRaw(StartTls), qPrintable(c.server.failure()));
}

void tst_Negotiation::missingStartTlsIsRefused()
{
    ScriptedClient c; // TLS required (the default)
    c.client->connectToServer();
    QVERIFY(c.server.waitForHeader());
    c.server.sendHeader();
    c.server.send(ScriptedServer::featuresXml({u"SCRAM-SHA-1"_s, u"PLAIN"_s}, false, false));
    QVERIFY(c.waitForDisconnects(1));
    QCOMPARE(c.disconnects.first().code, Error::Code::TlsNotOffered);
    QVERIFY(c.disconnects.first().isFatal());
    QCOMPARE(c.client->state(), Client::State::Disconnected);
    // No authentication attempt: the password never left.
    QCOMPARE(c.server.takeRaw(), QByteArray("</stream:stream>"));
}

void tst_Negotiation::plaintextAllowanceNeedsALoopbackPeer()
{
    ScriptedClient c(loopbackPlaintext());
    c.transport->setPeerAddress(QHostAddress(u"192.0.2.7"_s));
    c.client->connectToServer();
    QVERIFY(c.server.waitForHeader());
    c.server.sendHeader();
    c.server.send(ScriptedServer::featuresXml({u"PLAIN"_s}, false, false));
    QVERIFY(c.waitForDisconnects(1));
    QCOMPARE(c.disconnects.first().code, Error::Code::TlsNotOffered);
    QVERIFY(!c.server.takeRaw().contains("auth"));
}

void tst_Negotiation::startTlsFailure()
{
    ScriptedClient c;
    c.client->connectToServer();
    QVERIFY(c.server.waitForHeader());
    c.server.sendHeader();
    c.server.send(ScriptedServer::featuresXml({u"PLAIN"_s}, true, false));
    QVERIFY(c.server.expectRaw(StartTls));
    c.server.send("<failure xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
    QVERIFY(c.waitForDisconnects(1));
    QCOMPARE(c.disconnects.first().code, Error::Code::TlsFailed);
}

void tst_Negotiation::untrustedCertificateCarriesFingerprints()
{
    ScriptedClient c;
    const QSslCertificate cert = testCertificate();
    c.transport->setCertificate({cert}, {QSslError(QSslError::SelfSignedCertificate, cert)});
    c.client->connectToServer();
    QVERIFY(c.server.waitForHeader());
    c.server.sendHeader();
    c.server.send(ScriptedServer::featuresXml({u"PLAIN"_s}, true, false));
    QVERIFY(c.server.expectRaw(StartTls));
    c.server.send("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
    QVERIFY(c.waitForDisconnects(1));
    const Error error = c.disconnects.first();
    QCOMPARE(error.code, Error::Code::TlsCertificateUntrusted);
    QVERIFY(error.isFatal());
    QCOMPARE(error.certificate.chain, QList<QSslCertificate> {cert});
    QCOMPARE(error.certificate.certificateSha256, certificateSha256(cert));
    QCOMPARE(error.certificate.publicKeySha256, publicKeySha256(cert));
    QVERIFY(!error.certificate.problems.isEmpty());
    // Nothing was written on the untrusted channel.
    QVERIFY(c.server.takeRaw().isEmpty());
}

void tst_Negotiation::changedPinnedCertificateIsRefused()
{
    ClientSettings settings = ScriptedClient::defaultSettings();
    settings.pinnedSha256 = {QByteArray(32, '\x42')};
    ScriptedClient c(settings);
    const QSslCertificate cert = testCertificate();
    c.transport->setCertificate({cert}, {}); // even one the system would trust
    c.client->connectToServer();
    QVERIFY(c.server.waitForHeader());
    c.server.sendHeader();
    c.server.send(ScriptedServer::featuresXml({u"PLAIN"_s}, true, false));
    QVERIFY(c.server.expectRaw(StartTls));
    c.server.send("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
    QVERIFY(c.waitForDisconnects(1));
    QCOMPARE(c.disconnects.first().code, Error::Code::TlsPinMismatch);
    QCOMPARE(c.disconnects.first().certificate.certificateSha256, certificateSha256(cert));
    QVERIFY(c.server.takeRaw().isEmpty());
}

void tst_Negotiation::directTls()
{
    ClientSettings settings = ScriptedClient::defaultSettings();
    settings.directTls = true;
    settings.port = 0;
    const QSslCertificate cert = testCertificate();
    settings.pinnedSha256 = {certificateSha256(cert)};
    ScriptedClient c(settings);
    c.transport->setCertificate({cert}, {});
    c.client->connectToServer();
    const auto header = c.server.waitForHeader();
    QVERIFY(header);
    const auto request = c.transport->connectRequests().first();
    QVERIFY(request.directTls);
    QCOMPARE(request.port, quint16(5223));
    c.server.sendHeader();
    c.server.send(ScriptedServer::featuresXml({u"SCRAM-SHA-1"_s}, false, false));
    const auto auth = c.server.nextElement();
    QVERIFY(auth && auth->is(u"auth", ns::Sasl));
    QCOMPARE(c.transport->tlsStarts(), 0);
}

void tst_Negotiation::mechanismChoice_data()
{
    QTest::addColumn<QStringList>("offered");
    QTest::addColumn<QString>("chosen");
    QTest::newRow("512 first") << QStringList {u"PLAIN"_s, u"SCRAM-SHA-1"_s, u"SCRAM-SHA-512"_s,
                                               u"SCRAM-SHA-256"_s}
                               << u"SCRAM-SHA-512"_s;
    QTest::newRow("256 over 1") << QStringList {u"SCRAM-SHA-1"_s, u"SCRAM-SHA-256"_s}
                                << u"SCRAM-SHA-256"_s;
    QTest::newRow("1 over PLAIN") << QStringList {u"PLAIN"_s, u"SCRAM-SHA-1"_s} << u"SCRAM-SHA-1"_s;
}

void tst_Negotiation::mechanismChoice()
{
    QFETCH(QStringList, offered);
    QFETCH(QString, chosen);
    ScriptedClient c(loopbackPlaintext());
    ScriptedServer::Login login;
    login.mechanisms = offered;
    QVERIFY2(c.login(login), qPrintable(c.server.failure()));
    QCOMPARE(mechanismName(*c.client->sessionInfo().mechanism), chosen);
}

void tst_Negotiation::plainOnlyWhenSecure()
{
    {
        // Loopback plaintext is allowed: PLAIN is fine there.
        ScriptedClient c(loopbackPlaintext());
        ScriptedServer::Login login;
        login.mechanisms = {u"PLAIN"_s};
        QVERIFY2(c.login(login), qPrintable(c.server.failure()));
        QVERIFY(c.client->sessionInfo().mechanism == SaslMechanism::Plain);
    }
    {
        // The same server seen from a non-loopback address: no PLAIN, no password sent.
        ScriptedClient c(loopbackPlaintext());
        c.transport->setPeerAddress(QHostAddress(u"198.51.100.1"_s));
        c.client->connectToServer();
        QVERIFY(c.server.waitForHeader());
        c.server.sendHeader();
        c.server.send(ScriptedServer::featuresXml({u"PLAIN"_s}, false, false));
        QVERIFY(c.waitForDisconnects(1));
        QVERIFY(!c.server.takeRaw().contains("<auth"));
    }
}

void tst_Negotiation::scramWithBadServerSignature()
{
    ScriptedClient c(loopbackPlaintext());
    c.client->connectToServer();
    QVERIFY(c.server.waitForHeader());
    c.server.sendHeader();
    c.server.send(ScriptedServer::featuresXml({u"SCRAM-SHA-256"_s}, false, false));
    const auto auth = c.server.nextElement();
    QVERIFY(auth);
    QCOMPARE(auth->attribute(u"mechanism"), u"SCRAM-SHA-256"_s);
    chorus::test::ScramServer scram(QCryptographicHash::Sha256, u"secret"_s);
    const QByteArray first = scram.serverFirst(QByteArray::fromBase64(auth->text().toLatin1()));
    c.server.send("<challenge xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>" + first.toBase64()
                  + "</challenge>");
    const auto response = c.server.nextElement();
    QVERIFY(response);
    // The client's proof is right...
    QVERIFY(scram.verifyClientFinal(QByteArray::fromBase64(response->text().toLatin1())));
    // ...but this server cannot prove it knows the password.
    QByteArray forged = scram.serverFinal();
    forged[5] = forged[5] == 'A' ? 'B' : 'A';
    c.server.send("<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>" + forged.toBase64()
                  + "</success>");
    QVERIFY(c.waitForDisconnects(1));
    QCOMPARE(c.disconnects.first().code, Error::Code::ServerNotVerified);
    QVERIFY(c.disconnects.first().isFatal());
    // No stream restart, no bind: the session never started.
    const QByteArray after = c.server.takeRaw();
    QVERIFY2(!after.contains("stream:stream xmlns") && !after.contains("bind"), after.constData());
    QVERIFY(c.sessions.isEmpty());
}

void tst_Negotiation::saslFailures_data()
{
    QTest::addColumn<QByteArray>("failure");
    QTest::addColumn<Error::Code>("code");
    QTest::addColumn<QString>("condition");
    QTest::newRow("wrong password")
        << QByteArray("<not-authorized/><text xml:lang='en'>Invalid username or password</text>")
        << Error::Code::NotAuthorized << u"not-authorized"_s;
    QTest::newRow("disabled") << QByteArray("<account-disabled/>") << Error::Code::AccountDisabled
                              << u"account-disabled"_s;
    QTest::newRow("expired") << QByteArray("<credentials-expired/>")
                             << Error::Code::CredentialsExpired << u"credentials-expired"_s;
    QTest::newRow("temporary") << QByteArray("<temporary-auth-failure/>")
                               << Error::Code::AuthenticationFailed << u"temporary-auth-failure"_s;
}

void tst_Negotiation::saslFailures()
{
    QFETCH(QByteArray, failure);
    QFETCH(Error::Code, code);
    QFETCH(QString, condition);
    ScriptedClient c(loopbackPlaintext());
    c.client->connectToServer();
    QVERIFY(c.server.waitForHeader());
    c.server.sendHeader();
    c.server.send(ScriptedServer::featuresXml({u"PLAIN"_s}, false, false));
    QVERIFY(c.server.nextElement());
    c.server.send("<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>" + failure + "</failure>");
    QVERIFY(c.waitForDisconnects(1));
    QCOMPARE(c.disconnects.first().code, code);
    QCOMPARE(c.disconnects.first().saslCondition, condition);
    QVERIFY(!c.disconnects.first().message.isEmpty());
}

void tst_Negotiation::bindUsesTheServersJid()
{
    ClientSettings settings = loopbackPlaintext();
    settings.resource = u"desk"_s;
    ScriptedClient c(settings);
    ScriptedServer::Login login;
    login.resource = u"desk-server-chose"_s;
    c.client->connectToServer();
    QVERIFY2(c.server.acceptLogin(login), qPrintable(c.server.failure()));
    QVERIFY(c.waitForSessions(1));
    QCOMPARE(c.client->boundJid().toString(), u"user@localhost/desk-server-chose"_s);
}

void tst_Negotiation::bindConflictRetriesOnce()
{
    ClientSettings settings = loopbackPlaintext();
    settings.resource = u"desk"_s;
    settings.streamManagement = false;
    ScriptedClient c(settings);
    c.client->connectToServer();
    QVERIFY(c.server.waitForHeader());
    c.server.sendHeader();
    c.server.send(ScriptedServer::featuresXml({u"PLAIN"_s}, false, false));
    QVERIFY(c.server.nextElement());
    c.server.send("<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>");
    QVERIFY(c.server.waitForHeader());
    c.server.sendHeader(u"2"_s);
    c.server.send(ScriptedServer::sessionFeaturesXml(false, false));
    auto bind = c.server.nextElement();
    QVERIFY(bind);
    QCOMPARE(bind->child(u"bind", ns::Bind).childText(u"resource", ns::Bind), u"desk"_s);
    c.server.send("<iq type='error' id='" + bind->attribute(u"id").toUtf8()
                  + "'><error type='cancel'><conflict "
                    "xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
    bind = c.server.nextElement();
    QVERIFY(bind);
    const QString second = bind->child(u"bind", ns::Bind).childText(u"resource", ns::Bind);
    QVERIFY(second != u"desk" && !second.isEmpty());
    c.server.send("<iq type='error' id='" + bind->attribute(u"id").toUtf8()
                  + "'><error type='cancel'><conflict "
                    "xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
    QVERIFY(c.waitForDisconnects(1));
    QCOMPARE(c.disconnects.first().code, Error::Code::BindFailed);
}

void tst_Negotiation::bindOfAnotherAccountIsRefused()
{
    ScriptedClient c(loopbackPlaintext());
    c.client->connectToServer();
    QVERIFY(c.server.waitForHeader());
    c.server.sendHeader();
    c.server.send(ScriptedServer::featuresXml({u"PLAIN"_s}, false, false));
    QVERIFY(c.server.nextElement());
    c.server.send("<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>");
    QVERIFY(c.server.waitForHeader());
    c.server.sendHeader(u"2"_s);
    c.server.send(ScriptedServer::sessionFeaturesXml(false, false));
    const auto bind = c.server.nextElement();
    QVERIFY(bind);
    c.server.send(
        "<iq type='result' id='" + bind->attribute(u"id").toUtf8()
        + "'><bind "
          "xmlns='urn:ietf:params:xml:ns:xmpp-bind'><jid>admin@localhost/x</jid></bind></iq>");
    QVERIFY(c.waitForDisconnects(1));
    QCOMPARE(c.disconnects.first().code, Error::Code::BindFailed);
}

void tst_Negotiation::legacySessionWhenRequired()
{
    ScriptedClient c(loopbackPlaintext());
    c.client->connectToServer();
    QVERIFY(c.server.waitForHeader());
    c.server.sendHeader();
    c.server.send(ScriptedServer::featuresXml({u"PLAIN"_s}, false, false));
    QVERIFY(c.server.nextElement());
    c.server.send("<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>");
    QVERIFY(c.server.waitForHeader());
    c.server.sendHeader(u"2"_s);
    c.server.send("<stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/>"
                  "<session xmlns='urn:ietf:params:xml:ns:xmpp-session'/></stream:features>");
    const auto bind = c.server.nextElement();
    QVERIFY(bind);
    c.server.send(
        "<iq type='result' id='" + bind->attribute(u"id").toUtf8()
        + "'><bind "
          "xmlns='urn:ietf:params:xml:ns:xmpp-bind'><jid>user@localhost/r</jid></bind></iq>");
    const auto session = c.server.nextElement();
    QVERIFY(session);
    QVERIFY(session->hasChild(u"session", ns::Session));
    QVERIFY(c.sessions.isEmpty());
    c.server.send("<iq type='result' id='" + session->attribute(u"id").toUtf8() + "'/>");
    QVERIFY(c.waitForSessions(1));
    QVERIFY(!c.client->isStreamManagementEnabled());
}

void tst_Negotiation::wrongStreamNamespace()
{
    ScriptedClient c(loopbackPlaintext());
    c.client->connectToServer();
    QVERIFY(c.server.waitForHeader());
    c.server.send(
        "<stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams' "
        "version='1.0'>");
    QVERIFY(c.waitForDisconnects(1));
    QCOMPARE(c.disconnects.first().code, Error::Code::ProtocolViolation);
    const QByteArray written = c.server.takeRaw();
    QVERIFY2(
        written.contains(
            "<stream:error><invalid-namespace xmlns=\"urn:ietf:params:xml:ns:xmpp-streams\"/>"),
        written.constData());
}

void tst_Negotiation::serverStreamError()
{
    ScriptedClient c(loopbackPlaintext());
    QVERIFY2(c.login(), qPrintable(c.server.failure()));
    c.server.send(
        "<stream:error><policy-violation xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
        "<text xmlns='urn:ietf:params:xml:ns:xmpp-streams'>too many logins</text></stream:error>");
    QVERIFY(c.waitForDisconnects(1));
    const Error e = c.disconnects.first();
    QCOMPARE(e.code, Error::Code::PolicyViolation);
    QVERIFY(e.streamCondition == StreamErrorCondition::PolicyViolation);
    QVERIFY(e.detail.contains(u"too many logins"_s));
}

void tst_Negotiation::malformedServerXmlGetsStreamError()
{
    ScriptedClient c(loopbackPlaintext());
    QVERIFY2(c.login(), qPrintable(c.server.failure()));
    c.server.send("<message><!-- sneaky --></message>");
    QVERIFY(c.waitForDisconnects(1));
    QCOMPARE(c.disconnects.first().code, Error::Code::ProtocolViolation);
    QVERIFY(c.server.takeRaw().contains("<stream:error><restricted-xml"));
}

QTEST_GUILESS_MAIN(tst_Negotiation)
#include "tst_negotiation.moc"
