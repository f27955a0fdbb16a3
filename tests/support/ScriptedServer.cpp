#include "ScriptedServer.h"

#include "xmpp/Namespaces.h"

#include <QMessageAuthenticationCode>
#include <QPasswordDigestor>
#include <QTest>

using namespace Qt::StringLiterals;
using chorus::xmpp::Element;
namespace ns = chorus::xmpp::ns;

namespace chorus::test {

// --- SCRAM, server side ------------------------------------------------------

ScramServer::ScramServer(QCryptographicHash::Algorithm algorithm, const QString &password,
                         const QByteArray &salt, int iterations)
    : m_algorithm(algorithm), m_salt(salt), m_iterations(iterations)
{
    m_saltedPassword
        = QPasswordDigestor::deriveKeyPbkdf2(algorithm, password.toUtf8(), salt, iterations,
                                             quint64(QCryptographicHash::hashLength(algorithm)));
}

QByteArray ScramServer::serverFirst(const QByteArray &clientFirst)
{
    // "n,,n=user,r=nonce" -> client-first-message-bare after the GS2 header.
    m_clientFirstBare = clientFirst.mid(clientFirst.indexOf(",,") + 2);
    const QByteArray nonce = m_clientFirstBare.mid(m_clientFirstBare.indexOf(",r=") + 3);
    m_serverFirst = "r=" + nonce + "srvNonce7f3a,s=" + m_salt.toBase64()
        + ",i=" + QByteArray::number(m_iterations);
    return m_serverFirst;
}

bool ScramServer::verifyClientFinal(const QByteArray &clientFinal)
{
    const qsizetype p = clientFinal.indexOf(",p=");
    if (p < 0)
        return false;
    const QByteArray withoutProof = clientFinal.left(p);
    const QByteArray proof = QByteArray::fromBase64(clientFinal.mid(p + 3));
    const QByteArray authMessage = m_clientFirstBare + ',' + m_serverFirst + ',' + withoutProof;
    const QByteArray clientKey
        = QMessageAuthenticationCode::hash("Client Key", m_saltedPassword, m_algorithm);
    const QByteArray storedKey = QCryptographicHash::hash(clientKey, m_algorithm);
    const QByteArray signature
        = QMessageAuthenticationCode::hash(authMessage, storedKey, m_algorithm);
    QByteArray expected = clientKey;
    for (int i = 0; i < expected.size(); ++i)
        expected[i] = char(expected[i] ^ signature[i]);
    const QByteArray serverKey
        = QMessageAuthenticationCode::hash("Server Key", m_saltedPassword, m_algorithm);
    m_serverSignature = QMessageAuthenticationCode::hash(authMessage, serverKey, m_algorithm);
    return proof == expected;
}

// --- Scripted server ---------------------------------------------------------

ScriptedServer::ScriptedServer(ScriptedTransport *transport) : m_transport(transport)
{
}

bool ScriptedServer::fail(const QString &why)
{
    m_failure = why;
    return false;
}

bool ScriptedServer::waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(2);
    }
    return true;
}

void ScriptedServer::pull()
{
    m_raw += m_transport->takeWritten();
}

bool ScriptedServer::waitForConnect(int count, int timeoutMs)
{
    if (waitFor([&] { return m_transport->connectRequests().size() >= count; }, timeoutMs))
        return true;
    return fail(u"the client made %1 connection attempts, not %2"_s
                    .arg(m_transport->connectRequests().size())
                    .arg(count));
}

std::optional<xmpp::StreamHeader> ScriptedServer::waitForHeader(int timeoutMs)
{
    m_parser.reset();
    std::optional<xmpp::StreamHeader> header;
    waitFor(
        [&] {
            pull();
            m_parser.feed(std::exchange(m_raw, {}));
            for (;;) {
                const auto status = m_parser.next();
                if (status == xmpp::StreamParser::Status::Header) {
                    header = m_parser.header();
                    return true;
                }
                if (status != xmpp::StreamParser::Status::Element)
                    return status == xmpp::StreamParser::Status::Error;
            }
        },
        timeoutMs);
    if (!header)
        fail(m_parser.hasFailed() ? u"client stream: "_s + m_parser.error().text
                                  : u"the client sent no stream header"_s);
    return header;
}

std::optional<Element> ScriptedServer::nextElement(int timeoutMs)
{
    std::optional<Element> element;
    waitFor(
        [&] {
            pull();
            m_parser.feed(std::exchange(m_raw, {}));
            for (;;) {
                const auto status = m_parser.next();
                if (status == xmpp::StreamParser::Status::Element) {
                    element = m_parser.takeElement();
                    return true;
                }
                if (status != xmpp::StreamParser::Status::Header)
                    return status == xmpp::StreamParser::Status::Error;
            }
        },
        timeoutMs);
    if (!element)
        fail(m_parser.hasFailed() ? u"client stream: "_s + m_parser.error().text
                                  : u"the client sent no element"_s);
    return element;
}

std::optional<Element> ScriptedServer::nextStanza(int timeoutMs)
{
    for (;;) {
        auto e = nextElement(timeoutMs);
        if (!e || e->ns() != ns::StreamManagement)
            return e;
    }
}

bool ScriptedServer::expectRaw(const QByteArray &bytes, int timeoutMs)
{
    waitFor(
        [&] {
            pull();
            return m_raw.size() >= bytes.size();
        },
        timeoutMs);
    if (!m_raw.startsWith(bytes))
        return fail(u"expected %1 but the client wrote %2"_s.arg(QString::fromUtf8(bytes),
                                                                 QString::fromUtf8(m_raw)));
    m_raw.remove(0, bytes.size());
    return true;
}

bool ScriptedServer::staysSilent(int ms)
{
    QTest::qWait(ms);
    pull();
    if (m_raw.isEmpty())
        return true;
    return fail(u"the client wrote %1"_s.arg(QString::fromUtf8(m_raw)));
}

QByteArray ScriptedServer::takeRaw()
{
    pull();
    return std::exchange(m_raw, {});
}

void ScriptedServer::sendHeader(const QString &id)
{
    send("<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
         "xmlns:stream='http://etherx.jabber.org/streams' id='"
         + id.toUtf8() + "' from='localhost' version='1.0' xml:lang='en'>");
}

void ScriptedServer::send(const QByteArray &xml)
{
    m_transport->inject(xml);
}

void ScriptedServer::send(const Element &element)
{
    send(element.toXml(ns::Client));
}

QByteArray ScriptedServer::featuresXml(const QStringList &mechanisms, bool startTls,
                                       bool startTlsRequired)
{
    QByteArray xml = "<stream:features>";
    if (startTls) {
        xml += "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'>";
        if (startTlsRequired)
            xml += "<required/>";
        xml += "</starttls>";
    }
    if (!mechanisms.isEmpty()) {
        xml += "<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>";
        for (const QString &m : mechanisms)
            xml += "<mechanism>" + m.toUtf8() + "</mechanism>";
        xml += "</mechanisms>";
    }
    return xml + "</stream:features>";
}

QByteArray ScriptedServer::sessionFeaturesXml(bool streamManagement, bool csi)
{
    QByteArray xml = "<stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/>"
                     "<session xmlns='urn:ietf:params:xml:ns:xmpp-session'><optional/></session>";
    if (streamManagement)
        xml += "<sm xmlns='urn:xmpp:sm:3'/>";
    if (csi)
        xml += "<csi xmlns='urn:xmpp:csi:0'/>";
    return xml + "</stream:features>";
}

bool ScriptedServer::authenticate(const Login &login)
{
    const auto auth = nextElement();
    if (!auth || !auth->is(u"auth", ns::Sasl))
        return fail(u"expected <auth/>: "_s + m_failure);
    const QString mechanism = auth->attribute(u"mechanism");
    const QByteArray initial = QByteArray::fromBase64(auth->text().toLatin1());
    QString user;
    if (mechanism == u"PLAIN") {
        const QList<QByteArray> parts = initial.split('\0');
        if (parts.size() != 3 || parts[2] != login.password.toUtf8()) {
            send("<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><not-authorized/></failure>");
            return fail(u"PLAIN with the wrong password"_s);
        }
        user = QString::fromUtf8(parts[1]);
        send("<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>");
    } else if (mechanism.startsWith(u"SCRAM-SHA-")) {
        const auto algorithm = mechanism == u"SCRAM-SHA-512" ? QCryptographicHash::Sha512
            : mechanism == u"SCRAM-SHA-256"                  ? QCryptographicHash::Sha256
                                                             : QCryptographicHash::Sha1;
        ScramServer scram(algorithm, login.password);
        const QByteArray first = scram.serverFirst(initial);
        user = QString::fromUtf8(initial.mid(initial.indexOf("n=") + 2).split(',').first());
        send("<challenge xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>" + first.toBase64()
             + "</challenge>");
        const auto response = nextElement();
        if (!response || !response->is(u"response", ns::Sasl))
            return fail(u"expected <response/>: "_s + m_failure);
        if (!scram.verifyClientFinal(QByteArray::fromBase64(response->text().toLatin1()))) {
            send("<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><not-authorized/></failure>");
            return fail(u"SCRAM proof does not match the password"_s);
        }
        send("<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>" + scram.serverFinal().toBase64()
             + "</success>");
    } else {
        return fail(u"unexpected mechanism "_s + mechanism);
    }
    m_boundJid = user + u'@' + login.domain;
    return true;
}

bool ScriptedServer::acceptLogin(const Login &login)
{
    return acceptAuthentication(login) && acceptBind(login);
}

bool ScriptedServer::acceptAuthentication(const Login &login)
{
    auto header = waitForHeader();
    if (!header)
        return false;
    if (header->to != login.domain)
        return fail(u"stream to '%1'"_s.arg(header->to));
    sendHeader();
    send(featuresXml(login.mechanisms, login.offerStartTls, false));
    if (login.offerStartTls) {
        if (!expectRaw("<starttls xmlns=\"urn:ietf:params:xml:ns:xmpp-tls\"/>"))
            return false;
        const int before = m_transport->tlsStarts();
        send("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
        if (!waitFor(
                [&] { return m_transport->tlsStarts() > before && m_transport->isEncrypted(); },
                5000))
            return fail(u"the client did not start TLS"_s);
        if (!waitForHeader())
            return false;
        sendHeader(u"stream-tls"_s);
        send(featuresXml(login.mechanisms, false, false));
    }
    if (!authenticate(login))
        return false;
    if (!waitForHeader())
        return false;
    sendHeader(u"stream-2"_s);
    send(sessionFeaturesXml(login.streamManagement, login.csi));
    return true;
}

bool ScriptedServer::acceptBind(const Login &login)
{
    const auto bind = nextElement();
    if (!bind || !bind->is(u"iq", ns::Client) || !bind->hasChild(u"bind", ns::Bind))
        return fail(u"expected a bind request: "_s + m_failure);
    const QString resource = login.resource.isEmpty()
        ? bind->child(u"bind", ns::Bind).childText(u"resource", ns::Bind)
        : login.resource;
    m_boundJid = m_boundJid.section(u'/', 0, 0) + u'/' + resource;
    send("<iq type='result' id='" + bind->attribute(u"id").toUtf8()
         + "'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><jid>" + m_boundJid.toUtf8()
         + "</jid></bind></iq>");
    if (!login.beforeEnabled.isEmpty())
        send(login.beforeEnabled);
    if (login.streamManagement) {
        const auto enable = nextElement();
        if (!enable || !enable->is(u"enable", ns::StreamManagement))
            return fail(u"expected <enable/>: "_s + m_failure);
        if (login.smId.isEmpty())
            send("<enabled xmlns='urn:xmpp:sm:3'/>");
        else
            send("<enabled xmlns='urn:xmpp:sm:3' id='" + login.smId.toUtf8()
                 + "' resume='true' max='300'/>");
    }
    return true;
}

} // namespace chorus::test
