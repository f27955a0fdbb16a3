#include "xmpp/ServerLocator.h"

#include <QDnsLookup>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace chorus::xmpp {

QList<ServerAddress> orderServerAddresses(const QList<SrvRecord> &directTls,
                                          const QList<SrvRecord> &startTls, const QString &domain)
{
    struct Ranked
    {
        SrvRecord record;
        bool directTls;
    };
    QList<Ranked> all;
    const auto add = [&all](const QList<SrvRecord> &records, bool tls) {
        // RFC 2782: a single record with target "." means "not available here".
        if (records.size() == 1 && (records[0].target == u"." || records[0].target.isEmpty()))
            return;
        for (const SrvRecord &r : records) {
            if (!r.target.isEmpty() && r.target != u"." && r.port != 0)
                all.append(Ranked {r, tls});
        }
    };
    add(directTls, true);
    add(startTls, false);
    std::stable_sort(all.begin(), all.end(), [](const Ranked &a, const Ranked &b) {
        if (a.record.priority != b.record.priority)
            return a.record.priority < b.record.priority;
        if (a.record.weight != b.record.weight)
            return a.record.weight > b.record.weight;
        return a.directTls && !b.directTls;
    });
    QList<ServerAddress> out;
    for (const Ranked &r : all) {
        QString host = r.record.target;
        if (host.endsWith(u'.'))
            host.chop(1);
        const ServerAddress address {host, r.record.port, r.directTls};
        if (!out.contains(address))
            out.append(address);
    }
    if (out.isEmpty() && directTls.isEmpty() && startTls.isEmpty())
        out.append(ServerAddress {domain, 5222, false});
    return out;
}

ServerLocator::ServerLocator(QObject *parent) : QObject(parent)
{
}

ServerLocator::~ServerLocator() = default;

void ServerLocator::lookup(const QString &domain)
{
    abort();
    m_domain = domain;
    m_directTls = std::make_unique<QDnsLookup>(QDnsLookup::SRV, u"_xmpps-client._tcp."_s + domain);
    m_startTls = std::make_unique<QDnsLookup>(QDnsLookup::SRV, u"_xmpp-client._tcp."_s + domain);
    m_outstanding = 2;
    for (QDnsLookup *l : {m_directTls.get(), m_startTls.get()}) {
        connect(l, &QDnsLookup::finished, this, &ServerLocator::onLookupFinished);
        l->lookup();
    }
}

void ServerLocator::abort()
{
    m_outstanding = 0;
    for (auto *l : {&m_directTls, &m_startTls}) {
        if (*l) {
            (*l)->disconnect(this);
            (*l)->abort();
            l->release()->deleteLater();
        }
    }
}

void ServerLocator::onLookupFinished()
{
    if (--m_outstanding > 0)
        return;
    const auto records = [](const QDnsLookup &l) {
        QList<SrvRecord> out;
        if (l.error() != QDnsLookup::NoError)
            return out;
        for (const QDnsServiceRecord &r : l.serviceRecords())
            out.append(SrvRecord {r.target(), r.port(), r.priority(), r.weight()});
        return out;
    };
    const QList<ServerAddress> addresses
        = orderServerAddresses(records(*m_directTls), records(*m_startTls), m_domain);
    abort();
    Q_EMIT finished(addresses);
}

} // namespace chorus::xmpp
