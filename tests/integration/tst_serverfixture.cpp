// The CTest fixture really starts a server: a raw TCP client reads the XMPP stream
// header and the stream features (RFC 6120 section 4) from it.
#include "TestServer.h"

#include <QTcpSocket>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using chorus::test::TestServer;

class tst_ServerFixture : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void streamHeaderAndFeatures();
};

void tst_ServerFixture::streamHeaderAndFeatures()
{
    QString error;
    const auto server = TestServer::fromEnvironment(&error);
    QVERIFY2(server, qPrintable(error));
    QCOMPARE(server->kind(), qEnvironmentVariable("CHORUS_TEST_SERVER"));
    QVERIFY(server->host() == u"127.0.0.1");

    QTcpSocket socket;
    socket.connectToHost(server->host(), server->port());
    QVERIFY2(socket.waitForConnected(5000), qPrintable(socket.errorString()));
    socket.write("<?xml version='1.0'?><stream:stream to='" + server->domain().toUtf8()
                 + "' version='1.0' xmlns='jabber:client' "
                   "xmlns:stream='http://etherx.jabber.org/streams'>");

    QXmlStreamReader reader;
    QString streamFrom, streamVersion;
    QStringList features, mechanisms;
    bool featuresDone = false;
    int depth = 0;
    QString current;
    QElapsedTimer timer;
    timer.start();
    while (!featuresDone && timer.elapsed() < 10000) {
        if (!socket.waitForReadyRead(500))
            continue;
        reader.addData(socket.readAll());
        while (!reader.atEnd()) {
            const auto token = reader.readNext();
            if (token == QXmlStreamReader::StartElement) {
                ++depth;
                if (depth == 1) {
                    QCOMPARE(reader.name(), u"stream");
                    QCOMPARE(reader.namespaceUri(), u"http://etherx.jabber.org/streams");
                    streamFrom = reader.attributes().value(u"from"_s).toString();
                    streamVersion = reader.attributes().value(u"version"_s).toString();
                } else if (depth == 3) {
                    features << reader.name().toString();
                }
                current = reader.name().toString();
            } else if (token == QXmlStreamReader::Characters && current == u"mechanism") {
                if (!reader.isWhitespace())
                    mechanisms << reader.text().toString();
            } else if (token == QXmlStreamReader::EndElement) {
                if (depth == 2 && reader.name() == u"features")
                    featuresDone = true;
                --depth;
                current.clear();
            }
        }
        if (reader.hasError() && reader.error() != QXmlStreamReader::PrematureEndOfDocumentError)
            QFAIL(qPrintable(reader.errorString()));
    }
    QVERIFY2(featuresDone, "no <stream:features/> within 10 s");
    QCOMPARE(streamFrom, server->domain());
    QCOMPARE(streamVersion, u"1.0"_s);
    // The fixture configures a certificate, so STARTTLS must be on offer.
    QVERIFY2(features.contains(u"starttls"_s), qPrintable(features.join(u',')));
    QVERIFY2(features.contains(u"mechanisms"_s), qPrintable(features.join(u',')));
    QVERIFY2(mechanisms.contains(u"SCRAM-SHA-1"_s), qPrintable(mechanisms.join(u',')));
}

QTEST_GUILESS_MAIN(tst_ServerFixture)
#include "tst_serverfixture.moc"
