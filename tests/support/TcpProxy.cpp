#include "TcpProxy.h"

#include <QTcpSocket>

#include <sys/socket.h>

namespace chorus::test {

TcpProxy::TcpProxy(const QString &targetHost, quint16 targetPort, QObject *parent)
    : QObject(parent), m_targetHost(targetHost), m_targetPort(targetPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TcpProxy::onNewConnection);
}

TcpProxy::~TcpProxy()
{
    for (Pair *p : QList<Pair *>(m_pairs))
        close(p, true);
}

bool TcpProxy::start()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void TcpProxy::onNewConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        if (m_refusing) {
            client->abort();
            client->deleteLater();
            continue;
        }
        ++m_accepted;
        auto *pair = new Pair;
        pair->client = client;
        pair->server = new QTcpSocket(this);
        client->setParent(this);
        m_pairs.append(pair);
        // Client bytes wait until the server side is connected.
        connect(pair->server, &QTcpSocket::connected, this, [this, pair] { pump(pair); });
        connect(client, &QTcpSocket::readyRead, this, [this, pair] { pump(pair); });
        connect(pair->server, &QTcpSocket::readyRead, this, [this, pair] { pump(pair); });
        const auto onClosed = [this, pair] {
            if (m_pairs.contains(pair)) {
                pump(pair);
                close(pair, false);
            }
        };
        connect(client, &QTcpSocket::disconnected, this, onClosed);
        connect(pair->server, &QTcpSocket::disconnected, this, onClosed);
        connect(pair->server, &QTcpSocket::errorOccurred, this, onClosed);
        pair->server->connectToHost(m_targetHost, m_targetPort);
        Q_EMIT connectionAccepted();
    }
}

void TcpProxy::pump(Pair *pair)
{
    if (pair->stalled)
        return;
    pair->heldForServer += pair->client->readAll();
    if (pair->server->state() == QAbstractSocket::ConnectedState
        && !pair->heldForServer.isEmpty()) {
        m_toServer += pair->heldForServer.size();
        pair->server->write(std::exchange(pair->heldForServer, {}));
    }
    const QByteArray toClient = pair->server->readAll();
    if (!toClient.isEmpty()) {
        m_toClient += toClient.size();
        pair->client->write(toClient);
    }
}

void TcpProxy::close(Pair *pair, bool reset)
{
    m_pairs.removeAll(pair);
    for (QTcpSocket *s : {pair->client, pair->server}) {
        s->disconnect(this);
        if (reset) {
            // Linger 0: close() sends a TCP reset and drops unsent bytes, which is
            // what a broken network path looks like to both ends.
            if (s->socketDescriptor() != -1) {
                const linger noLinger {1, 0};
                ::setsockopt(int(s->socketDescriptor()), SOL_SOCKET, SO_LINGER, &noLinger,
                             sizeof noLinger);
            }
            s->abort();
        } else {
            s->disconnectFromHost();
        }
        s->deleteLater();
    }
    delete pair;
}

void TcpProxy::cutAll()
{
    for (Pair *p : QList<Pair *>(m_pairs))
        close(p, true);
}

void TcpProxy::setStalled(bool stalled)
{
    for (Pair *p : QList<Pair *>(m_pairs)) {
        p->stalled = stalled;
        if (!stalled)
            pump(p);
    }
}

} // namespace chorus::test
