#include "xmpp/SocketTransport.h"

#include <QSslConfiguration>
#include <QSslSocket>

using namespace Qt::StringLiterals;

namespace chorus::xmpp {
namespace {

// One socket read at a time goes to the parser: bounds the memory one read can take
// and lets the parser's stanza-size limit act early.
constexpr qint64 ReadChunk = 64 * 1024;

TransportError classify(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::HostNotFoundError:
        return TransportError::HostNotFound;
    case QAbstractSocket::ConnectionRefusedError:
        return TransportError::ConnectionRefused;
    case QAbstractSocket::SocketTimeoutError:
        return TransportError::Timeout;
    case QAbstractSocket::RemoteHostClosedError:
        return TransportError::RemoteClosed;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        return TransportError::TlsHandshake;
    default:
        return TransportError::Network;
    }
}

} // namespace

SocketTransport::SocketTransport(QObject *parent) : Transport(parent)
{
    m_setupTimer.setSingleShot(true);
    connect(&m_setupTimer, &QTimer::timeout, this,
            [this] { finish(TransportError::Timeout, u"connection set-up timed out"_s); });
}

SocketTransport::~SocketTransport()
{
    dropSocket();
}

void SocketTransport::dropSocket()
{
    m_setupTimer.stop();
    if (!m_socket)
        return;
    QSslSocket *socket = std::exchange(m_socket, nullptr);
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void SocketTransport::connectToHost(const QString &host, quint16 port, bool directTls,
                                    const QString &tlsPeerName)
{
    dropSocket();
    m_tlsErrors.clear();
    m_directTls = directTls;
    m_peerName = tlsPeerName;
    m_open = true;
    m_closing = false;
    m_socket = new QSslSocket(this);
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setProtocol(QSsl::TlsV1_2OrLater);
    if (directTls)
        config.setAllowedNextProtocols({QByteArrayLiteral("xmpp-client")}); // XEP-0368 ALPN
    m_socket->setSslConfiguration(config);
    m_socket->setPeerVerifyName(tlsPeerName);
    m_socket->setSocketOption(QAbstractSocket::KeepAliveOption, 1);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(m_socket, &QSslSocket::connected, this, &SocketTransport::onConnected);
    connect(m_socket, &QSslSocket::readyRead, this, &SocketTransport::onReadyRead);
    connect(m_socket, &QSslSocket::errorOccurred, this, &SocketTransport::onSocketError);
    connect(m_socket, &QSslSocket::disconnected, this, &SocketTransport::onDisconnected);
    connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Recorded for the client's decision; the handshake always completes so that
        // the client can see the chain (and nothing is written before it decides).
        m_tlsErrors = errors;
        m_socket->ignoreSslErrors();
    });
    connect(m_socket, &QSslSocket::encrypted, this, [this] {
        m_setupTimer.stop();
        Q_EMIT encrypted();
    });
    m_setupTimer.start(m_connectTimeoutMs);
    m_socket->connectToHost(host, port);
}

void SocketTransport::onConnected()
{
    if (m_directTls) {
        m_socket->startClientEncryption();
    } else {
        m_setupTimer.stop();
    }
    Q_EMIT connected();
}

void SocketTransport::startTls(const QString &tlsPeerName)
{
    if (!m_socket)
        return;
    m_tlsErrors.clear();
    m_socket->setPeerVerifyName(tlsPeerName);
    m_setupTimer.start(m_connectTimeoutMs);
    m_socket->startClientEncryption();
}

void SocketTransport::onReadyRead()
{
    // The receiver may abort() or reconnect from inside dataReceived: stop as soon as
    // the socket we read from is no longer ours.
    QPointer<QSslSocket> socket = m_socket;
    while (socket && socket == m_socket && socket->bytesAvailable() > 0) {
        const QByteArray data = socket->read(ReadChunk);
        if (data.isEmpty())
            break;
        Q_EMIT dataReceived(data);
    }
}

void SocketTransport::write(const QByteArray &data)
{
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->write(data);
}

void SocketTransport::disconnectFromHost()
{
    if (!m_socket) {
        return;
    }
    if (m_socket->state() == QAbstractSocket::UnconnectedState) {
        finish(TransportError::None, {});
        return;
    }
    m_closing = true;
    m_socket->disconnectFromHost();
}

void SocketTransport::abort()
{
    m_open = false;
    dropSocket();
}

void SocketTransport::onSocketError()
{
    if (!m_socket)
        return;
    const auto error = m_socket->error();
    // A clean close by the peer arrives as RemoteHostClosedError followed by
    // disconnected(); report it once, from onDisconnected().
    if (error == QAbstractSocket::RemoteHostClosedError
        && m_socket->state() != QAbstractSocket::UnconnectedState)
        return;
    finish(classify(error), m_socket->errorString());
}

void SocketTransport::onDisconnected()
{
    if (m_closing)
        finish(TransportError::None, {});
    else
        finish(TransportError::RemoteClosed, u"the server closed the connection"_s);
}

void SocketTransport::finish(TransportError error, const QString &detail)
{
    if (!m_open)
        return;
    m_open = false;
    dropSocket();
    Q_EMIT closed(error, detail);
}

bool SocketTransport::isEncrypted() const
{
    return m_socket && m_socket->isEncrypted();
}

QHostAddress SocketTransport::peerAddress() const
{
    return m_socket ? m_socket->peerAddress() : QHostAddress();
}

QList<QSslCertificate> SocketTransport::peerCertificateChain() const
{
    return m_socket ? m_socket->peerCertificateChain() : QList<QSslCertificate>();
}

QList<QSslError> SocketTransport::tlsErrors() const
{
    return m_tlsErrors;
}

} // namespace chorus::xmpp
