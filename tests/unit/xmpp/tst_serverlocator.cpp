// Where to connect: SRV records of _xmpps-client (direct TLS, XEP-0368) and
// _xmpp-client (STARTTLS) merged by priority and weight, "." meaning "not offered",
// the domain on 5222 when there are no records. Plus the Client trying each address.
#include "ScriptedClient.h"

#include "xmpp/ServerLocator.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::xmpp;
using chorus::test::ScriptedClient;

class tst_ServerLocator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noRecordsFallsBackToTheDomain();
    void mergedByPriorityThenWeight();
    void directTlsFirstAtEqualRank();
    void dotMeansNotOffered();
    void duplicatesAndTrailingDots();
    void refusedConnectionIsReported();
    void withoutOverrideTheDomainIsLookedUp();
};

void tst_ServerLocator::noRecordsFallsBackToTheDomain()
{
    QCOMPARE(orderServerAddresses({}, {}, u"example.org"_s),
             (QList<ServerAddress> {{u"example.org"_s, 5222, false}}));
}

void tst_ServerLocator::mergedByPriorityThenWeight()
{
    const QList<SrvRecord> tls {{u"tls-b.example.org"_s, 443, 20, 0},
                                {u"tls-a.example.org"_s, 5223, 5, 0}};
    const QList<SrvRecord> plain {{u"xmpp-2.example.org"_s, 5222, 10, 10},
                                  {u"xmpp-1.example.org"_s, 5222, 10, 60}};
    const QList<ServerAddress> expected {{u"tls-a.example.org"_s, 5223, true},
                                         {u"xmpp-1.example.org"_s, 5222, false},
                                         {u"xmpp-2.example.org"_s, 5222, false},
                                         {u"tls-b.example.org"_s, 443, true}};
    QCOMPARE(orderServerAddresses(tls, plain, u"example.org"_s), expected);
}

void tst_ServerLocator::directTlsFirstAtEqualRank()
{
    const QList<ServerAddress> out
        = orderServerAddresses({{u"chat.example.org"_s, 5223, 0, 5}},
                               {{u"chat.example.org"_s, 5222, 0, 5}}, u"example.org"_s);
    QCOMPARE(out.size(), 2);
    QVERIFY(out[0].directTls);
    QVERIFY(!out[1].directTls);
}

void tst_ServerLocator::dotMeansNotOffered()
{
    // Direct TLS explicitly not offered; STARTTLS is.
    QCOMPARE(orderServerAddresses({{u"."_s, 0, 0, 0}}, {{u"chat.example.org"_s, 5222, 0, 0}},
                                  u"example.org"_s),
             (QList<ServerAddress> {{u"chat.example.org"_s, 5222, false}}));
    // Neither: no fallback to the domain either (the domain said no XMPP here).
    QVERIFY(
        orderServerAddresses({{u"."_s, 0, 0, 0}}, {{u"."_s, 0, 0, 0}}, u"example.org"_s).isEmpty());
}

void tst_ServerLocator::duplicatesAndTrailingDots()
{
    QCOMPARE(orderServerAddresses(
                 {}, {{u"chat.example.org."_s, 5222, 0, 0}, {u"chat.example.org"_s, 5222, 1, 0}},
                 u"example.org"_s),
             (QList<ServerAddress> {{u"chat.example.org"_s, 5222, false}}));
}

void tst_ServerLocator::refusedConnectionIsReported()
{
    // With a host override there is one address; a refused connection is then a
    // plain failure of the attempt (and with reconnection off, final).
    ClientSettings s = ScriptedClient::defaultSettings();
    ScriptedClient c(s);
    c.transport->setConnectError(TransportError::ConnectionRefused);
    c.client->connectToServer();
    QVERIFY(c.waitForDisconnects(1));
    QCOMPARE(c.disconnects.first().code, Error::Code::ConnectionRefused);
    QCOMPARE(c.transport->connectRequests().size(), 1);
}

void tst_ServerLocator::withoutOverrideTheDomainIsLookedUp()
{
    // No SRV records exist for "localhost": the client falls back to the domain on
    // 5222 (through a real QDnsLookup, whatever the resolver answers).
    ClientSettings s = ScriptedClient::defaultSettings();
    s.host.clear();
    s.port = 0;
    ScriptedClient c(s);
    c.client->connectToServer();
    QVERIFY2(c.server.waitForConnect(1, 30000), qPrintable(c.server.failure()));
    const auto request = c.transport->connectRequests().first();
    QCOMPARE(request.host, u"localhost"_s);
    QCOMPARE(request.port, quint16(5222));
    QVERIFY(!request.directTls);
}

QTEST_GUILESS_MAIN(tst_ServerLocator)
#include "tst_serverlocator.moc"
