#include "ScriptedTransport.h"

#include <QTimer>

namespace chorus::test {

ScriptedTransport::ScriptedTransport(QObject *parent) : xmpp::Transport(parent)
{
}

void ScriptedTransport::inject(const QByteArray &data)
{
    if (m_open)
        Q_EMIT dataReceived(data);
}

void ScriptedTransport::drop(xmpp::TransportError error)
{
    if (!m_open)
        return;
    m_open = false;
    m_encrypted = false;
    ++m_generation;
    Q_EMIT closed(error, QStringLiteral("dropped by the test"));
}

void ScriptedTransport::setCertificate(const QList<QSslCertificate> &chain,
                                       const QList<QSslError> &errors)
{
    m_chain = chain;
    m_errors = errors;
}

void ScriptedTransport::connectToHost(const QString &host, quint16 port, bool directTls,
                                      const QString &tlsPeerName)
{
    m_connects.append(ConnectRequest {host, port, directTls, tlsPeerName});
    m_written.clear(); // a new connection: what the old one carried is gone
    m_open = true;
    m_encrypted = false;
    const quint64 generation = ++m_generation;
    const xmpp::TransportError failure = m_connectError;
    QTimer::singleShot(0, this, [this, generation, directTls, failure] {
        if (generation != m_generation)
            return;
        if (failure != xmpp::TransportError::None) {
            m_open = false;
            Q_EMIT closed(failure, QStringLiteral("scripted connection failure"));
            return;
        }
        Q_EMIT connected();
        if (directTls && generation == m_generation) {
            m_encrypted = true;
            Q_EMIT encrypted();
        }
    });
}

void ScriptedTransport::startTls(const QString &)
{
    ++m_tlsStarts;
    const quint64 generation = m_generation;
    QTimer::singleShot(0, this, [this, generation] {
        if (generation != m_generation || !m_open)
            return;
        m_encrypted = true;
        Q_EMIT encrypted();
    });
}

void ScriptedTransport::write(const QByteArray &data)
{
    if (!m_open)
        return;
    m_written += data;
    Q_EMIT bytesWritten();
}

void ScriptedTransport::disconnectFromHost()
{
    if (!m_open)
        return;
    const quint64 generation = m_generation;
    QTimer::singleShot(0, this, [this, generation] {
        if (generation != m_generation || !m_open)
            return;
        m_open = false;
        m_encrypted = false;
        Q_EMIT closed(xmpp::TransportError::None, {});
    });
}

void ScriptedTransport::abort()
{
    m_open = false;
    m_encrypted = false;
    ++m_generation;
}

} // namespace chorus::test
