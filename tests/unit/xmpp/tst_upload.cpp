// UploadManager: the XEP-0363 slot request against a scripted XMPP server, its typed
// errors (too large with the limit, quota with retry time, not available, not allowed),
// slots refused for plain-http URLs on non-local hosts, only the allowed PUT headers
// sent, and the PUT itself against a small local HTTP listener (bytes, headers, a 413).
#include "ScriptedClient.h"

#include "xmpp/Namespaces.h"
#include "xmpp/UploadManager.h"

#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::xmpp;
using chorus::test::ScriptedClient;

namespace {

// Accepts one HTTP request at a time and answers with `status`.
class HttpSink : public QObject
{
public:
    explicit HttpSink(int status) : m_status(status)
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *socket = m_server.nextPendingConnection();
            auto *buffer = new QByteArray;
            connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
                *buffer += socket->readAll();
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                const QList<QByteArray> lines = buffer->left(end).split('\n');
                qint64 length = 0;
                QHash<QByteArray, QByteArray> headers;
                for (qsizetype i = 1; i < lines.size(); ++i) {
                    const QByteArray line = lines[i].trimmed();
                    const qsizetype colon = line.indexOf(':');
                    headers.insert(line.left(colon).toLower(), line.mid(colon + 1).trimmed());
                }
                length = headers.value("content-length").toLongLong();
                if (buffer->size() - end - 4 < length)
                    return;
                requestLine = lines.first().trimmed();
                this->headers = headers;
                body = buffer->mid(end + 4, length);
                ++requests;
                socket->write("HTTP/1.1 " + QByteArray::number(m_status)
                              + " X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                socket->disconnectFromHost();
                delete buffer;
            });
        });
    }
    QString url(const QString &path) const
    {
        return u"http://127.0.0.1:%1%2"_s.arg(m_server.serverPort()).arg(path);
    }

    QByteArray requestLine;
    QHash<QByteArray, QByteArray> headers;
    QByteArray body;
    int requests = 0;

private:
    QTcpServer m_server;
    int m_status;
};

} // namespace

class tst_Upload : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void slotRequestAndPut();
    void uploadFileGuessesType();
    void tooLargeLocallyWithoutAsking();
    void tooLargeFromService();
    void quotaExceeded();
    void notAvailableWithoutService();
    void notAllowed();
    void plainHttpToRemoteHostRefused();
    void putRejectedWith413();

private:
    Element nextIq();
    void answerSlot(const Element &iq, const QString &put, const QString &get,
                    const QByteArray &headers = {});
    std::unique_ptr<ScriptedClient> m_c;
    std::unique_ptr<UploadManager> m_upload;
};

void tst_Upload::init()
{
    auto s = ScriptedClient::defaultSettings();
    s.plaintextOnLoopback = true;
    m_c = std::make_unique<ScriptedClient>(s);
    QVERIFY2(m_c->login(), qPrintable(m_c->server.failure()));
    m_upload = std::make_unique<UploadManager>(m_c->client.get());
    m_upload->setService(Jid::fromString(u"upload.localhost"), 1000);
}

void tst_Upload::cleanup()
{
    m_upload.reset();
    m_c.reset();
}

Element tst_Upload::nextIq()
{
    const auto e = m_c->server.nextStanza();
    return e && e->name() == u"iq" ? *e : Element();
}

void tst_Upload::answerSlot(const Element &iq, const QString &put, const QString &get,
                            const QByteArray &headers)
{
    m_c->server.send("<iq type='result' from='upload.localhost' id='" + iq.attribute(u"id").toUtf8()
                     + "'><slot xmlns='urn:xmpp:http:upload:0'><put url='"
                     + put.toHtmlEscaped().toUtf8() + "'>" + headers + "</put><get url='"
                     + get.toHtmlEscaped().toUtf8() + "'/></slot></iq>");
}

void tst_Upload::slotRequestAndPut()
{
    HttpSink http(201);
    QSignalSpy progress(m_upload.get(), &UploadManager::progress);
    const QByteArray data = "photo bytes \x01\x02\x03";
    auto task = m_upload->uploadData(data, u"beach day.jpg"_s, u"image/jpeg"_s);
    const Element iq = nextIq();
    QCOMPARE(iq.attribute(u"to"), u"upload.localhost"_s);
    QCOMPARE(iq.attribute(u"type"), u"get"_s);
    const Element request = iq.child(u"request", ns::HttpUpload);
    QCOMPARE(request.attribute(u"filename"), u"beach day.jpg"_s);
    QCOMPARE(request.attribute(u"size"), QString::number(data.size()));
    QCOMPARE(request.attribute(u"content-type"), u"image/jpeg"_s);
    answerSlot(iq, http.url(u"/put/abc"_s), u"https://files.example/get/abc/beach%20day.jpg"_s,
               "<header name='Authorization'>Basic dG9rZW4=</header>"
               "<header name='Cookie'>s=1</header>"
               "<header name='X-Evil'>1</header>"
               "<header name='Expires'>Tue, 01 Jan 2030 00:00:00 GMT\r\nX-Injected: 1</header>");
    QTRY_VERIFY_WITH_TIMEOUT(task.isFinished(), 10000);
    QVERIFY2(task.result().ok(),
             task.result().ok() ? "" : qPrintable(task.result().error().describe()));
    QCOMPARE(task.result().value(), QUrl(u"https://files.example/get/abc/beach%20day.jpg"_s));
    QCOMPARE(http.requestLine, QByteArray("PUT /put/abc HTTP/1.1"));
    QCOMPARE(http.body, data);
    QCOMPARE(http.headers.value("content-type"), QByteArray("image/jpeg"));
    QCOMPARE(http.headers.value("authorization"), QByteArray("Basic dG9rZW4="));
    QCOMPARE(http.headers.value("cookie"), QByteArray("s=1"));
    QVERIFY(!http.headers.contains("x-evil"));
    QVERIFY(!http.headers.contains("x-injected"));
    QVERIFY(!progress.isEmpty());
}

void tst_Upload::uploadFileGuessesType()
{
    HttpSink http(200);
    QTemporaryFile file(QDir::tempPath() + u"/chorus-XXXXXX.png"_s);
    QVERIFY(file.open());
    file.write(QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
                                      "+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="));
    file.close();
    auto task = m_upload->uploadFile(file.fileName());
    const Element iq = nextIq();
    QCOMPARE(iq.child(u"request", ns::HttpUpload).attribute(u"content-type"), u"image/png"_s);
    answerSlot(iq, http.url(u"/p"_s), u"https://files.example/g.png"_s);
    QTRY_VERIFY_WITH_TIMEOUT(task.isFinished(), 10000);
    QVERIFY(task.result().ok());
    QCOMPARE(http.body.size(), QFileInfo(file.fileName()).size());

    auto missing = m_upload->uploadFile(u"/nonexistent/file.png"_s);
    QVERIFY(missing.isFinished());
    QCOMPARE(missing.result().error().code, UploadError::Code::FileUnreadable);
}

void tst_Upload::tooLargeLocallyWithoutAsking()
{
    auto task = m_upload->uploadData(QByteArray(2000, 'x'), u"big.bin"_s, {});
    QTRY_VERIFY(task.isFinished());
    QCOMPARE(task.result().error().code, UploadError::Code::TooLarge);
    QCOMPARE(task.result().error().maxSize, qint64(1000));
    QVERIFY(m_c->server.staysSilent(100) || !m_c->server.takeRaw().contains("http:upload"));
    QVERIFY(!task.result().error().describe().isEmpty());
}

void tst_Upload::tooLargeFromService()
{
    m_upload->setService(Jid::fromString(u"upload.localhost"), -1); // limit not announced
    auto task = m_upload->uploadData("abc", u"a.txt"_s, u"text/plain"_s);
    const Element iq = nextIq();
    m_c->server.send(
        "<iq type='error' from='upload.localhost' id='" + iq.attribute(u"id").toUtf8()
        + "'><error type='modify'><not-acceptable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
          "<file-too-large "
          "xmlns='urn:xmpp:http:upload:0'><max-file-size>2</max-file-size></file-too-large>"
          "</error></iq>");
    QTRY_VERIFY(task.isFinished());
    QCOMPARE(task.result().error().code, UploadError::Code::TooLarge);
    QCOMPARE(task.result().error().maxSize, qint64(2));
}

void tst_Upload::quotaExceeded()
{
    auto task = m_upload->requestSlot(u"a.txt"_s, 3, u"text/plain"_s);
    const Element iq = nextIq();
    m_c->server.send(
        "<iq type='error' from='upload.localhost' id='" + iq.attribute(u"id").toUtf8()
        + "'><error type='wait'><resource-constraint xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
          "<retry xmlns='urn:xmpp:http:upload:0' stamp='2030-01-01T00:00:00Z'/></error></iq>");
    QTRY_VERIFY(task.isFinished());
    QCOMPARE(task.result().error().code, UploadError::Code::QuotaExceeded);
    QCOMPARE(task.result().error().retryAfter, QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC));
}

void tst_Upload::notAvailableWithoutService()
{
    UploadManager orphan(m_c->client.get());
    auto task = orphan.uploadData("abc", u"a.txt"_s, {});
    QTRY_VERIFY(task.isFinished());
    QCOMPARE(task.result().error().code, UploadError::Code::NotAvailable);
}

void tst_Upload::notAllowed()
{
    auto task = m_upload->requestSlot(u"a.txt"_s, 3, u"text/plain"_s);
    const Element iq = nextIq();
    m_c->server.send("<iq type='error' from='upload.localhost' id='" + iq.attribute(u"id").toUtf8()
                     + "'><error type='auth'><forbidden "
                       "xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
    QTRY_VERIFY(task.isFinished());
    QCOMPARE(task.result().error().code, UploadError::Code::NotAllowed);
}

void tst_Upload::plainHttpToRemoteHostRefused()
{
    auto task = m_upload->uploadData("abc", u"a.txt"_s, u"text/plain"_s);
    const Element iq = nextIq();
    answerSlot(iq, u"http://files.example/put"_s, u"http://files.example/get"_s);
    QTRY_VERIFY(task.isFinished());
    QCOMPARE(task.result().error().code, UploadError::Code::InsecureUrl);
}

void tst_Upload::putRejectedWith413()
{
    HttpSink http(413);
    auto task = m_upload->uploadData("abc", u"a.txt"_s, u"text/plain"_s);
    const Element iq = nextIq();
    answerSlot(iq, http.url(u"/put"_s), u"https://files.example/get"_s);
    QTRY_VERIFY_WITH_TIMEOUT(task.isFinished(), 10000);
    QCOMPARE(task.result().error().code, UploadError::Code::TooLarge);
    QCOMPARE(task.result().error().httpStatus, 413);
}

QTEST_GUILESS_MAIN(tst_Upload)
#include "tst_upload.moc"
