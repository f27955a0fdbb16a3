// Client: connection lifecycle (locate, connect, TLS, negotiate, reconnect, close).
// The established session (routing, stream management, ping, CSI) is in
// ClientSession.cpp.
#include "xmpp/Client.h"

#include "xmpp/Extension.h"
#include "xmpp/IqTracker.h"
#include "xmpp/Logging.h"
#include "xmpp/Namespaces.h"
#include "xmpp/SocketTransport.h"
#include "xmpp/TlsTrust.h"

#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace chorus::xmpp {
namespace {

// How long to wait for the server's </stream:stream> after ours.
constexpr int CloseTimeoutMs = 2000;

Error transportError(TransportError error, const QString &detail)
{
    switch (error) {
    case TransportError::HostNotFound:
        return Error::make(Error::Code::HostNotFound, detail);
    case TransportError::ConnectionRefused:
        return Error::make(Error::Code::ConnectionRefused, detail);
    case TransportError::Timeout:
        return Error::make(Error::Code::ConnectionTimeout, detail);
    case TransportError::TlsHandshake:
        return Error::make(Error::Code::TlsHandshakeFailed, detail);
    case TransportError::None:
    case TransportError::RemoteClosed:
    case TransportError::Network:
        break;
    }
    return Error::make(Error::Code::ConnectionLost, detail);
}

} // namespace

class Client::Io final : public NegotiationIo
{
public:
    explicit Io(Client &client) : m_client(client) { }
    void sendElement(const Element &element) override { m_client.writeElement(element); }
    void restartStream() override { m_client.openStream(); }
    void startTls() override
    {
        m_client.m_tlsUpgrade = true;
        m_client.m_transport->startTls(m_client.m_settings.jid.domain());
    }

private:
    Client &m_client;
};

Client::Client(QObject *parent) : Client(std::make_unique<SocketTransport>(), parent)
{
}

Client::Client(std::unique_ptr<Transport> transport, QObject *parent)
    : QObject(parent), m_transport(std::move(transport)), m_io(std::make_unique<Io>(*this)),
      m_iq(std::make_unique<IqTracker>())
{
    qRegisterMetaType<chorus::xmpp::Error>();
    qRegisterMetaType<chorus::xmpp::Element>();
    m_transport->setParent(nullptr);
    connect(m_transport.get(), &Transport::connected, this, &Client::onTransportConnected);
    connect(m_transport.get(), &Transport::encrypted, this, &Client::onTransportEncrypted);
    connect(m_transport.get(), &Transport::dataReceived, this, &Client::onTransportData);
    connect(m_transport.get(), &Transport::closed, this, &Client::onTransportClosed);
    connect(&m_locator, &ServerLocator::finished, this, &Client::onLocated);

    for (QTimer *t :
         {&m_reconnectTimer, &m_negotiationTimer, &m_pingTimer, &m_ackTimer, &m_closeTimer})
        t->setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &Client::startAttempt);
    connect(&m_negotiationTimer, &QTimer::timeout, this, [this] {
        m_transport->abort();
        connectionLost(
            Error::make(Error::Code::ConnectionTimeout, u"stream negotiation timed out"_s));
    });
    connect(&m_pingTimer, &QTimer::timeout, this, &Client::sendPing);
    connect(&m_ackTimer, &QTimer::timeout, this, &Client::requestAck);
    connect(&m_closeTimer, &QTimer::timeout, this, [this] {
        m_transport->abort();
        connectionLost(Error());
    });
}

Client::~Client()
{
    m_connection++;
    for (Extension *e : std::as_const(m_extensions))
        e->m_client = nullptr;
    m_transport->disconnect(this);
    m_transport->abort();
    m_iq->failAll(IqError::Code::NotConnected);
}

void Client::setSettings(const ClientSettings &settings)
{
    m_settings = settings;
    if (auto *socket = qobject_cast<SocketTransport *>(m_transport.get()))
        socket->setConnectTimeout(settings.connectTimeoutMs);
}

bool Client::isEncrypted() const
{
    return m_phase != Phase::Idle && m_transport->isEncrypted();
}

void Client::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void Client::connectToServer()
{
    if (m_state != State::Disconnected)
        return;
    m_userDisconnect = false;
    m_reconnectAttempt = 0;
    m_lastError = Error();
    if (!m_settings.jid.isValid() || m_settings.jid.node().isEmpty()
        || m_settings.password.isEmpty()) {
        const Error error = Error::make(Error::Code::InvalidSettings,
                                        u"an account needs a user@domain address and a password"_s);
        m_lastError = error;
        Q_EMIT disconnected(error);
        return;
    }
    setState(State::Connecting);
    startAttempt();
}

void Client::startAttempt()
{
    ++m_connection;
    m_attemptError = Error();
    m_addresses.clear();
    m_addressIndex = 0;
    if (!m_settings.host.isEmpty()) {
        const quint16 port
            = m_settings.port ? m_settings.port : (m_settings.directTls ? 5223 : 5222);
        onLocated({ServerAddress {m_settings.host, port, m_settings.directTls}});
        return;
    }
    m_phase = Phase::Locating;
    m_locator.lookup(m_settings.jid.domain());
}

void Client::onLocated(const QList<ServerAddress> &addresses)
{
    m_addresses = addresses;
    tryAddress(0);
}

void Client::tryAddress(int index)
{
    m_addressIndex = index;
    if (index >= m_addresses.size()) {
        m_phase = Phase::Connecting; // so that connectionLost() reports it
        connectionLost(m_attemptError.isError()
                           ? m_attemptError
                           : Error::make(Error::Code::HostNotFound, m_settings.jid.domain()));
        return;
    }
    const ServerAddress &address = m_addresses[index];
    m_phase = Phase::Connecting;
    m_directTls = address.directTls;
    m_tlsUpgrade = false;
    m_transport->connectToHost(address.host, address.port, address.directTls,
                               m_settings.jid.domain());
}

void Client::onTransportConnected()
{
    if (m_phase != Phase::Connecting || m_directTls)
        return; // direct TLS: the stream opens once the certificate is accepted
    openStream();
}

void Client::onTransportEncrypted()
{
    if (m_phase != Phase::Connecting && m_phase != Phase::Negotiating)
        return;
    // Nothing has been written on the encrypted channel yet: decide on trust first.
    const TlsCheck check = checkServerCertificate(
        m_transport->peerCertificateChain(), m_transport->tlsErrors(), m_settings.pinnedSha256);
    if (check.verdict != TlsVerdict::Trusted) {
        const bool pinMismatch = check.verdict == TlsVerdict::PinMismatch;
        Error error = Error::make(pinMismatch ? Error::Code::TlsPinMismatch
                                              : Error::Code::TlsCertificateUntrusted,
                                  pinMismatch ? u"certificate SHA-256 %1 matches no pin"_s.arg(
                                      CertificateInfo::formatDigest(check.info.certificateSha256))
                                              : check.info.problems.join(u"; "));
        error.certificate = check.info;
        if (pinMismatch)
            qCWarning(lcXmpp, "the pinned certificate of %s changed; connection refused",
                      qPrintable(m_settings.jid.domain()));
        m_transport->abort();
        connectionLost(error);
        return;
    }
    if (m_tlsUpgrade) {
        m_tlsUpgrade = false;
        handleNegotiationResult(m_negotiator->tlsEstablished());
    } else if (m_phase == Phase::Connecting && m_directTls) {
        openStream();
    }
}

void Client::openStream()
{
    m_parser.reset();
    const bool encrypted = m_transport->isEncrypted();
    if (!m_negotiator) {
        std::optional<ResumeRequest> resume;
        if (m_sm.isResumable())
            resume = ResumeRequest {m_sm.resumeId(), m_sm.handled()};
        m_negotiator = std::make_unique<Negotiator>(
            *m_io, m_settings, m_transport->peerAddress().isLoopback(), encrypted, resume);
        m_phase = Phase::Negotiating;
        m_negotiationTimer.start(m_settings.negotiationTimeoutMs);
    }
    QByteArray header = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
                        "xmlns:stream='http://etherx.jabber.org/streams' to='"
        + xmlEscape(m_settings.jid.domain()).toUtf8() + "' version='1.0' xml:lang='en'";
    // RFC 6120 4.7.1: say who we are only once the channel is encrypted.
    if (encrypted)
        header += " from='" + xmlEscape(m_settings.jid.bareString()).toUtf8() + '\'';
    header += '>';
    m_transport->write(header);
}

void Client::writeElement(const Element &element)
{
    const QByteArray xml = element.toXml(ns::Client);
    qCDebug(lcXmppStream, "SEND %s", xml.constData());
    m_transport->write(xml);
}

void Client::onTransportData(const QByteArray &data)
{
    if (m_phase == Phase::Idle || m_phase == Phase::Locating)
        return;
    m_bytesReceived += data.size();
    qCDebug(lcXmppStream, "RECV %s", data.constData());
    if (m_phase == Phase::Established && m_bytesAtPing < 0 && m_settings.pingIntervalMs > 0)
        m_pingTimer.start(m_settings.pingIntervalMs);
    const quint64 connection = m_connection;
    m_parser.feed(data);
    // Anything handled below may end this connection (or start another): stop then.
    while (connection == m_connection) {
        switch (m_parser.next()) {
        case StreamParser::Status::NeedMoreData:
            return;
        case StreamParser::Status::Header:
            if (!handleHeader(m_parser.header()))
                return;
            break;
        case StreamParser::Status::Element: {
            const Element element = m_parser.takeElement();
            if (element.is(u"error", ns::Stream)) {
                StreamError streamError;
                for (const Element &c : element.childrenInNamespace(ns::StreamErrors)) {
                    if (c.name() == u"text")
                        streamError.text = c.text();
                    else
                        streamError.condition = streamErrorConditionFromString(c.name());
                }
                m_transport->write("</stream:stream>");
                m_transport->disconnectFromHost();
                connectionLost(Error::fromStreamError(streamError));
                return;
            }
            if (m_phase == Phase::Negotiating)
                handleNegotiationResult(m_negotiator->handleElement(element));
            else if (m_phase == Phase::Established || m_phase == Phase::Closing)
                handleSessionElement(element);
            break;
        }
        case StreamParser::Status::StreamEnd:
            if (m_phase == Phase::Closing) {
                m_transport->disconnectFromHost();
                return;
            }
            // A clean close ends the session for good: it cannot be resumed (XEP-0198 §5).
            m_transport->write("</stream:stream>");
            m_transport->disconnectFromHost();
            m_sm.forgetResumption();
            connectionLost(
                Error::make(Error::Code::ConnectionLost, u"the server closed the stream"_s));
            return;
        case StreamParser::Status::Error: {
            const StreamError &e = m_parser.error();
            failStream(e.condition, e.text,
                       Error::make(Error::Code::ProtocolViolation,
                                   conditionName(e.condition) + u": "_s + e.text));
            return;
        }
        }
    }
}

bool Client::handleHeader(const StreamHeader &header)
{
    if (header.defaultNs != ns::Client) {
        failStream(StreamErrorCondition::InvalidNamespace, {},
                   Error::make(Error::Code::ProtocolViolation,
                               u"stream namespace is not jabber:client"_s));
        return false;
    }
    if (header.version.section(u'.', 0, 0).toInt() < 1) {
        failStream(
            StreamErrorCondition::UnsupportedVersion, {},
            Error::make(Error::Code::ProtocolViolation, u"the server does not speak XMPP 1.0"_s));
        return false;
    }
    return true;
}

void Client::failStream(StreamErrorCondition condition, const QString &text, const Error &error)
{
    Element streamError(u"error"_s, ns::Stream);
    streamError.appendChild(Element(conditionName(condition), ns::StreamErrors));
    if (!text.isEmpty())
        streamError.appendTextChild(u"text"_s, ns::StreamErrors, text);
    // Written with the stream prefix the header declared.
    QByteArray xml = streamError.toXml(ns::Client);
    xml.replace("<error xmlns=\"http://etherx.jabber.org/streams\"", "<stream:error");
    xml.replace("</error>", "</stream:error>");
    m_transport->write(xml + "</stream:stream>");
    m_transport->disconnectFromHost();
    connectionLost(error);
}

void Client::handleNegotiationResult(Negotiator::Result result)
{
    switch (result) {
    case Negotiator::Result::Continue:
        return;
    case Negotiator::Result::Done:
        m_negotiationTimer.stop();
        sessionEstablished();
        return;
    case Negotiator::Result::Failed: {
        const Error error = m_negotiator->error();
        m_transport->write("</stream:stream>");
        m_transport->disconnectFromHost();
        connectionLost(error);
        return;
    }
    }
}

void Client::onTransportClosed(TransportError transportErr, const QString &detail)
{
    if (m_phase == Phase::Idle || m_phase == Phase::Locating)
        return;
    if (m_phase == Phase::Closing) {
        connectionLost(Error());
        return;
    }
    const Error error = transportError(transportErr, detail);
    if (m_phase == Phase::Connecting && m_addressIndex + 1 < m_addresses.size()) {
        m_attemptError = error;
        tryAddress(m_addressIndex + 1);
        return;
    }
    connectionLost(error);
}

void Client::connectionLost(const Error &error)
{
    if (m_phase == Phase::Idle)
        return;
    const bool hadSession = m_phase == Phase::Established || m_phase == Phase::Closing;
    ++m_connection;
    m_phase = Phase::Idle;
    for (QTimer *t : {&m_negotiationTimer, &m_pingTimer, &m_ackTimer, &m_closeTimer})
        t->stop();
    m_ackRequested = false;
    m_bytesAtPing = -1;
    m_tlsUpgrade = false;
    m_negotiator.reset();
    m_parser.reset();
    m_locator.abort();
    if (error.isError())
        m_lastError = error;

    if (hadSession) {
        const quint64 connection = m_connection;
        const State state = m_state;
        for (Extension *e : QList<Extension *>(m_extensions)) {
            if (m_extensions.contains(e))
                e->onDisconnected();
            if (connection != m_connection || state != m_state)
                return; // an extension reacted by connecting or disconnecting
        }
    }
    if (m_userDisconnect || !error.isError()) {
        finishDisconnect(Error());
        return;
    }
    if (error.isFatal() || !m_settings.reconnect.enabled) {
        finishDisconnect(error);
        return;
    }
    // Requests can only still be answered if the session is resumed.
    if (!m_sm.isResumable())
        m_iq->failAll(IqError::Code::SessionLost);
    scheduleReconnect(error);
}

void Client::scheduleReconnect(const Error &reason)
{
    const int delay = m_settings.reconnect.delayMs(m_reconnectAttempt++,
                                                   QRandomGenerator::global()->generateDouble());
    setState(State::Reconnecting);
    m_reconnectTimer.start(delay);
    Q_EMIT reconnecting(delay, reason);
}

void Client::reconnectNow()
{
    if (m_state != State::Reconnecting || !m_reconnectTimer.isActive())
        return;
    m_reconnectTimer.stop();
    m_reconnectAttempt = 0;
    startAttempt();
}

void Client::finishDisconnect(const Error &error)
{
    m_reconnectTimer.stop();
    m_locator.abort();
    m_phase = Phase::Idle;
    m_iq->failAll(IqError::Code::NotConnected);
    QList<Element> pending = m_sm.pending();
    pending.removeIf([](const Element &e) { return e.name() != u"message"; });
    m_sm.reset();
    m_boundJid = Jid();
    m_lastError = error;
    setState(State::Disconnected);
    if (!pending.isEmpty())
        Q_EMIT stanzasUnconfirmed(pending);
    Q_EMIT disconnected(error);
}

void Client::disconnectFromServer()
{
    m_userDisconnect = true;
    switch (m_phase) {
    case Phase::Established:
        if (m_sm.isEnabled())
            writeElement(m_sm.ackElement());
        m_transport->write("</stream:stream>");
        m_phase = Phase::Closing;
        m_closeTimer.start(CloseTimeoutMs);
        return;
    case Phase::Closing:
        return;
    case Phase::Idle:
        if (m_state != State::Disconnected)
            finishDisconnect(Error());
        return;
    case Phase::Locating:
    case Phase::Connecting:
    case Phase::Negotiating:
        m_transport->abort();
        connectionLost(Error());
        return;
    }
}

} // namespace chorus::xmpp
