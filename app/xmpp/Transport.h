#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslError>
#include <QString>

namespace chorus::xmpp {

/// Why a transport connection ended.
enum class TransportError {
    None, ///< closed on request, or cleanly by the peer
    HostNotFound,
    ConnectionRefused,
    Timeout, ///< the TCP or TLS set-up took too long
    RemoteClosed, ///< the peer closed the connection
    Network, ///< any other network failure
    TlsHandshake, ///< TLS could not be set up (protocol level, not trust)
};

/// The byte pipe under an XMPP stream. Everything the client writes goes through
/// write(), never straight to a socket, so tests can play the server's side byte for
/// byte (see ScriptedTransport in tests/support/) and the real implementation
/// (SocketTransport) stays small.
///
/// Trust is not the transport's business: it completes every TLS handshake and
/// reports the peer's chain and the problems the system trust store found; the
/// client decides (pinning, trust on first use) before writing anything.
class Transport : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    /// Opens a TCP connection; with `directTls`, TLS starts at once (XEP-0368).
    /// `tlsPeerName` is the name the certificate is checked against (the XMPP domain).
    virtual void connectToHost(const QString &host, quint16 port, bool directTls,
                               const QString &tlsPeerName)
        = 0;
    /// Starts TLS on the open connection (after STARTTLS <proceed/>).
    virtual void startTls(const QString &tlsPeerName) = 0;
    virtual void write(const QByteArray &data) = 0;
    /// Flushes what was written, then closes; closed() follows.
    virtual void disconnectFromHost() = 0;
    /// Drops the connection at once. No signal follows.
    virtual void abort() = 0;

    virtual bool isEncrypted() const = 0;
    virtual QHostAddress peerAddress() const = 0;
    /// The peer's certificate chain (leaf first), valid after encrypted().
    virtual QList<QSslCertificate> peerCertificateChain() const = 0;
    /// What the system trust store found wrong with that chain (empty: trusted).
    virtual QList<QSslError> tlsErrors() const = 0;

Q_SIGNALS:
    void connected(); ///< TCP is up (for direct TLS, encrypted() follows)
    void encrypted(); ///< the TLS handshake completed; check the chain now
    void dataReceived(const QByteArray &data);
    /// The connection ended (or could not be made); emitted once per connectToHost(),
    /// except after abort().
    void closed(chorus::xmpp::TransportError error, const QString &detail);
};

} // namespace chorus::xmpp
