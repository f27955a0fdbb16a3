#pragma once

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTcpServer>

class QTcpSocket;

namespace chorus::test {

/// A loopback TCP proxy for fault tests: clients connect to port(), every connection
/// is forwarded to the target (a real server). The test can cut every connection at
/// once (as a network drop would) or stall them (bytes are held, nothing is closed:
/// a dead link). New connections keep working unless refused.
class TcpProxy : public QObject
{
    Q_OBJECT
public:
    TcpProxy(const QString &targetHost, quint16 targetPort, QObject *parent = nullptr);
    ~TcpProxy() override;

    /// Listens on 127.0.0.1 on a free port; false when it cannot.
    bool start();
    quint16 port() const { return m_server.serverPort(); }
    QString host() const { return QStringLiteral("127.0.0.1"); }

    /// Resets every open connection (both sides see the TCP connection break).
    void cutAll();
    /// Holds all bytes of the open connections in both directions (true), or
    /// delivers what was held and carries on (false). New connections are not stalled.
    void setStalled(bool stalled);
    /// Refuse (close at once) new connections while true.
    void setRefusing(bool refusing) { m_refusing = refusing; }

    int connectionCount() const { return int(m_pairs.size()); }
    int acceptedTotal() const { return m_accepted; }
    qint64 bytesToServer() const { return m_toServer; }
    qint64 bytesToClient() const { return m_toClient; }

Q_SIGNALS:
    void connectionAccepted();

private:
    struct Pair
    {
        QTcpSocket *client = nullptr;
        QTcpSocket *server = nullptr;
        bool stalled = false;
        QByteArray heldForServer; ///< client bytes not yet delivered to the server
    };
    void onNewConnection();
    void pump(Pair *pair);
    void close(Pair *pair, bool reset);

    QTcpServer m_server;
    QString m_targetHost;
    quint16 m_targetPort;
    QList<Pair *> m_pairs;
    int m_accepted = 0;
    qint64 m_toServer = 0;
    qint64 m_toClient = 0;
    bool m_refusing = false;
};

} // namespace chorus::test
