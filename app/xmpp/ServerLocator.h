#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include <memory>

class QDnsLookup;

namespace chorus::xmpp {

/// A place to try connecting to.
struct ServerAddress
{
    QString host;
    quint16 port = 0;
    bool directTls = false; ///< TLS from the first byte (XEP-0368) instead of STARTTLS
    friend bool operator==(const ServerAddress &, const ServerAddress &) = default;
};

/// One SRV record, as far as ordering is concerned.
struct SrvRecord
{
    QString target;
    quint16 port = 0;
    quint16 priority = 0;
    quint16 weight = 0;
};

/// Orders the addresses to try (RFC 6120 section 3.2, XEP-0368 section 3): records of
/// both services merged by priority (lower first), then weight (higher first), direct
/// TLS before STARTTLS at equal rank. A service whose only record has target "."
/// is explicitly not offered. With no usable record at all, the domain itself on 5222.
QList<ServerAddress> orderServerAddresses(const QList<SrvRecord> &directTls,
                                          const QList<SrvRecord> &startTls, const QString &domain);

/// Looks up `_xmpps-client._tcp` and `_xmpp-client._tcp` for a domain (QDnsLookup)
/// and reports the ordered addresses once both answered.
class ServerLocator : public QObject
{
    Q_OBJECT
public:
    explicit ServerLocator(QObject *parent = nullptr);
    ~ServerLocator() override;

    void lookup(const QString &domain);
    void abort();

Q_SIGNALS:
    void finished(const QList<chorus::xmpp::ServerAddress> &addresses);

private:
    void onLookupFinished();

    QString m_domain;
    std::unique_ptr<QDnsLookup> m_directTls;
    std::unique_ptr<QDnsLookup> m_startTls;
    int m_outstanding = 0;
};

} // namespace chorus::xmpp
