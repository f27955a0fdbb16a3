#pragma once

#include "xmpp/Transport.h"

#include <QByteArray>
#include <QList>

namespace chorus::test {

/// A Transport whose other end is the test: it records every byte the client
/// writes and delivers whatever the test injects. Connections and TLS handshakes
/// succeed (asynchronously, as real ones do) unless the test says otherwise.
class ScriptedTransport : public xmpp::Transport
{
    Q_OBJECT
public:
    struct ConnectRequest
    {
        QString host;
        quint16 port = 0;
        bool directTls = false;
        QString peerName;
    };

    explicit ScriptedTransport(QObject *parent = nullptr);

    // What the "server" does.
    void inject(const QByteArray &data);
    /// The server drops the connection (TCP reset or close).
    void drop(xmpp::TransportError error = xmpp::TransportError::RemoteClosed);
    /// The certificate chain and trust problems the next handshake reports.
    void setCertificate(const QList<QSslCertificate> &chain, const QList<QSslError> &errors);
    void setPeerAddress(const QHostAddress &address) { m_peer = address; }
    /// Make the next connection attempts fail with `error` (None: succeed again).
    void setConnectError(xmpp::TransportError error) { m_connectError = error; }

    // What the client did.
    QByteArray written() const { return m_written; }
    QByteArray takeWritten() { return std::exchange(m_written, {}); }
    QList<ConnectRequest> connectRequests() const { return m_connects; }
    int tlsStarts() const { return m_tlsStarts; }
    bool isOpen() const { return m_open; }

    // xmpp::Transport
    void connectToHost(const QString &host, quint16 port, bool directTls,
                       const QString &tlsPeerName) override;
    void startTls(const QString &tlsPeerName) override;
    void write(const QByteArray &data) override;
    void disconnectFromHost() override;
    void abort() override;
    bool isEncrypted() const override { return m_encrypted; }
    QHostAddress peerAddress() const override { return m_open ? m_peer : QHostAddress(); }
    QList<QSslCertificate> peerCertificateChain() const override { return m_chain; }
    QList<QSslError> tlsErrors() const override { return m_errors; }

Q_SIGNALS:
    void bytesWritten();

private:
    QByteArray m_written;
    QList<ConnectRequest> m_connects;
    QList<QSslCertificate> m_chain;
    QList<QSslError> m_errors;
    QHostAddress m_peer = QHostAddress(QHostAddress::LocalHost);
    xmpp::TransportError m_connectError = xmpp::TransportError::None;
    quint64 m_generation = 0; ///< bumped per connection, so stale queued events are dropped
    int m_tlsStarts = 0;
    bool m_open = false;
    bool m_encrypted = false;
};

} // namespace chorus::test
