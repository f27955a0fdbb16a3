#pragma once

#include "xmpp/Transport.h"

#include <QPointer>
#include <QTimer>

class QSslSocket;

namespace chorus::xmpp {

/// The real Transport: a QSslSocket, with a time limit on TCP and TLS set-up.
class SocketTransport : public Transport
{
    Q_OBJECT
public:
    explicit SocketTransport(QObject *parent = nullptr);
    ~SocketTransport() override;

    /// Time allowed for the TCP connection plus a TLS handshake.
    void setConnectTimeout(int ms) { m_connectTimeoutMs = ms; }

    void connectToHost(const QString &host, quint16 port, bool directTls,
                       const QString &tlsPeerName) override;
    void startTls(const QString &tlsPeerName) override;
    void write(const QByteArray &data) override;
    void disconnectFromHost() override;
    void abort() override;

    bool isEncrypted() const override;
    QHostAddress peerAddress() const override;
    QList<QSslCertificate> peerCertificateChain() const override;
    QList<QSslError> tlsErrors() const override;

private:
    void onConnected();
    void onReadyRead();
    void onSocketError();
    void onDisconnected();
    void finish(TransportError error, const QString &detail);
    void dropSocket();

    QSslSocket *m_socket = nullptr;
    QTimer m_setupTimer;
    QList<QSslError> m_tlsErrors;
    int m_connectTimeoutMs = 15000;
    bool m_directTls = false;
    bool m_open = false; ///< between connectToHost() and closed()/abort()
    bool m_closing = false; ///< disconnectFromHost() was called
    QString m_peerName;
};

} // namespace chorus::xmpp
