// Our server's services on real Prosody and ejabberd: disco finds the group chat and
// upload services at login; our caps hash is one the server and other clients can
// verify (one query per ver); XEP-0363 upload round trip (PUT, then GET the same
// bytes), the size limit from the service's form, and the service's own refusal.
#include "LiveAccount.h"

#include "xmpp/CarbonsManager.h"
#include "xmpp/DiscoManager.h"
#include "xmpp/Namespaces.h"
#include "xmpp/UploadManager.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::xmpp;
using chorus::test::LiveAccount;
using chorus::test::TestServer;

namespace {

template <typename T, typename E>
chorus::Expected<T, E> await(chorus::Task<T, E> task, int timeoutMs = 30000)
{
    LiveAccount::waitFor([&] { return task.isFinished(); }, timeoutMs);
    if (!task.isFinished())
        qFatal("request did not finish");
    return task.result();
}

} // namespace

class tst_XmppServices : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void discoFindsServices();
    void capsVerifiedAcrossClients();
    void uploadRoundTrip();
    void uploadTooLarge();

private:
    QString account() { return m_accounts.takeFirst(); }
    std::optional<TestServer> m_server;
    QStringList m_accounts;
};

void tst_XmppServices::initTestCase()
{
    QString error;
    m_server = TestServer::fromEnvironment(&error);
    QVERIFY2(m_server, qPrintable(error));
    m_accounts = chorus::test::makeAccounts(*m_server, u"svc"_s, 6, &error);
    QVERIFY2(!m_accounts.isEmpty(), qPrintable(error));
}

void tst_XmppServices::discoFindsServices()
{
    LiveAccount me(*m_server, account());
    DiscoManager disco;
    me.client().addExtension(&disco);
    QVERIFY(me.connect());
    const auto found = await(disco.discoverServices());
    QVERIFY(found.ok());
    const ServerServices s = found.value();
    QCOMPARE(s.muc, Jid::fromString(m_server->mucDomain()));
    QCOMPARE(s.upload.domain(), u"upload."_s + m_server->domain());
    QVERIFY(s.uploadMaxSize > 0);
    QVERIFY(s.server.hasIdentity(u"server", u"im"));
    qInfo("%s: muc %s, upload %s (max %lld bytes); account features: %s",
          qPrintable(m_server->kind()), qPrintable(s.muc.toString()),
          qPrintable(s.upload.toString()), s.uploadMaxSize,
          qPrintable(s.account.features.filter(u"bookmarks"_s).join(u", "_s)));
    // At login only: asking again costs nothing.
    const int queries = disco.queriesSent();
    QVERIFY(await(disco.discoverServices()).ok());
    QCOMPARE(disco.queriesSent(), queries);
}

void tst_XmppServices::capsVerifiedAcrossClients()
{
    const QString user = account();
    LiveAccount desk(*m_server, user, u"desk"_s);
    LiveAccount phone(*m_server, user, u"phone"_s);
    DiscoManager deskDisco, phoneDisco;
    CarbonsManager phoneCarbons; // a feature of the phone's, announced through caps
    desk.client().addExtension(&deskDisco);
    phone.client().addExtension(&phoneDisco);
    phone.client().addExtension(&phoneCarbons);
    QVERIFY(desk.connect());
    QVERIFY(phone.connect());
    desk.sendPresence(deskDisco.capsElement());
    phone.sendPresence(phoneDisco.capsElement());
    // The phone's presence reaches the desk (own resources see each other).
    QVERIFY(LiveAccount::waitFor([&] {
        for (const Element &p : desk.recorder().presences)
            if (Jid::fromString(p.attribute(u"from")) == phone.jid() && p.hasChild(u"c", ns::Caps))
                return true;
        return false;
    }));
    const auto info = await(deskDisco.capsInfo(phone.jid()));
    QVERIFY2(info.ok(), qPrintable(info.ok() ? QString() : info.error().condition));
    QVERIFY(info.value().hasFeature(ns::Carbons));
    // Verified, so cached by ver: asking again, or about another entity with the same
    // ver, sends nothing.
    QVERIFY(deskDisco.capsCache().contains(phoneDisco.ownCapsVer()));
    const int queries = deskDisco.queriesSent();
    QVERIFY(await(deskDisco.capsInfo(phone.jid())).ok());
    QCOMPARE(deskDisco.queriesSent(), queries);
}

void tst_XmppServices::uploadRoundTrip()
{
    LiveAccount me(*m_server, account());
    DiscoManager disco;
    me.client().addExtension(&disco);
    QVERIFY(me.connect());
    QNetworkAccessManager nam;
    UploadManager upload(&me.client(), &disco, &nam);
    QByteArray data(200 * 1024, Qt::Uninitialized);
    for (char &c : data)
        c = char(QRandomGenerator::global()->bounded(256));
    QSignalSpy progress(&upload, &UploadManager::progress);
    const auto url = await(
        upload.uploadData(data, u"r\u00e9sum\u00e9 2026.bin"_s, u"application/octet-stream"_s));
    QVERIFY2(url.ok(),
             qPrintable(url.ok() ? QString() : url.error().describe() + u' ' + url.error().detail));
    qInfo("%s: uploaded to %s", qPrintable(m_server->kind()), qPrintable(url.value().toString()));
    QVERIFY(!progress.isEmpty());

    QNetworkReply *reply = nam.get(QNetworkRequest(url.value()));
    QVERIFY(LiveAccount::waitFor([&] { return reply->isFinished(); }));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    const QByteArray back = reply->readAll();
    reply->deleteLater();
    QCOMPARE(back.size(), data.size());
    QVERIFY(back == data);
}

void tst_XmppServices::uploadTooLarge()
{
    LiveAccount me(*m_server, account());
    DiscoManager disco;
    me.client().addExtension(&disco);
    QVERIFY(me.connect());
    UploadManager upload(&me.client(), &disco);
    const auto services = await(disco.discoverServices());
    QVERIFY(services.ok());
    const qint64 limit = services.value().uploadMaxSize;
    QVERIFY(limit > 0);
    // Refused before asking: the limit from the service's form.
    const auto local
        = await(upload.requestSlot(u"big.bin"_s, limit + 1, u"application/octet-stream"_s));
    QVERIFY(!local.ok());
    QCOMPARE(local.error().code, UploadError::Code::TooLarge);
    QCOMPARE(local.error().maxSize, limit);
    // And by the service itself when we do not know its limit.
    upload.setService(services.value().upload, -1);
    const auto remote
        = await(upload.requestSlot(u"big.bin"_s, limit + 1, u"application/octet-stream"_s));
    QVERIFY(!remote.ok());
    qInfo("%s: service refused an oversized slot: code %d, max %lld", qPrintable(m_server->kind()),
          int(remote.error().code), remote.error().maxSize);
    QCOMPARE(remote.error().code, UploadError::Code::TooLarge);
}

QTEST_GUILESS_MAIN(tst_XmppServices)
#include "tst_xmppservices.moc"
