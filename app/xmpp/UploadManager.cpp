#include "xmpp/UploadManager.h"

#include "xmpp/Client.h"
#include "xmpp/DiscoManager.h"
#include "xmpp/Logging.h"
#include "xmpp/Namespaces.h"
#include "xmpp/XmppDateTime.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QLocale>
#include <QMimeDatabase>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

namespace chorus::xmpp {
namespace {

UploadError slotError(const IqError &error)
{
    UploadError e;
    e.detail = error.text.isEmpty() ? error.condition : error.text;
    switch (error.code) {
    case IqError::Code::NotConnected:
    case IqError::Code::SessionLost:
        e.code = UploadError::Code::NotConnected;
        return e;
    case IqError::Code::Timeout:
        e.code = UploadError::Code::Timeout;
        return e;
    case IqError::Code::StanzaError:
        break;
    }
    const Element err = error.stanza.child(u"error", ns::Client);
    const Element tooLarge = err.child(u"file-too-large", ns::HttpUpload);
    const Element retry = err.child(u"retry", ns::HttpUpload);
    if (!tooLarge.isNull()) {
        e.code = UploadError::Code::TooLarge;
        bool ok = false;
        const qint64 max = tooLarge.childText(u"max-file-size", ns::HttpUpload).toLongLong(&ok);
        e.maxSize = ok ? max : -1;
    } else if (error.condition == u"resource-constraint" || !retry.isNull()) {
        e.code = UploadError::Code::QuotaExceeded;
        e.retryAfter = parseXmppDateTime(retry.attribute(u"stamp"));
    } else if (error.condition == u"not-allowed" || error.condition == u"forbidden"
               || error.condition == u"not-authorized") {
        e.code = UploadError::Code::NotAllowed;
    } else if (error.condition == u"service-unavailable"
               || error.condition == u"feature-not-implemented"
               || error.condition == u"item-not-found") {
        e.code = UploadError::Code::NotAvailable;
    } else {
        e.code = UploadError::Code::Remote;
    }
    return e;
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

QString UploadError::describe() const
{
    const char *context = "chorus::xmpp::UploadError";
    switch (code) {
    case Code::NotAvailable:
        return QCoreApplication::translate(context, "The server does not offer file uploads.");
    case Code::TooLarge:
        if (maxSize > 0)
            return QCoreApplication::translate(
                       context, "The file is too large: the server accepts up to %1.")
                .arg(QLocale().formattedDataSize(maxSize));
        return QCoreApplication::translate(context, "The file is too large for the server.");
    case Code::QuotaExceeded:
        return QCoreApplication::translate(
            context, "The server's upload quota is used up. Try again later.");
    case Code::NotAllowed:
        return QCoreApplication::translate(context, "This account may not upload files.");
    case Code::FileUnreadable:
        return QCoreApplication::translate(context, "The file could not be read.");
    case Code::InsecureUrl:
        return QCoreApplication::translate(
            context, "The server offered an unencrypted upload address; the file was not sent.");
    case Code::HttpFailed:
        return QCoreApplication::translate(context, "The upload failed (%1).").arg(detail);
    case Code::Timeout:
        return QCoreApplication::translate(context, "The upload timed out.");
    case Code::NotConnected:
        return QCoreApplication::translate(context, "Not connected to the chat server.");
    case Code::Remote:
        break;
    }
    return QCoreApplication::translate(context, "The server refused the upload (%1).").arg(detail);
}

UploadManager::UploadManager(Client *client, DiscoManager *disco, QNetworkAccessManager *nam,
                             QObject *parent)
    : QObject(parent), m_client(client), m_disco(disco),
      m_nam(nam ? nam : new QNetworkAccessManager(this))
{
}

void UploadManager::setService(const Jid &service, qint64 maxFileSize)
{
    m_service = service;
    m_maxSize = maxFileSize;
}

Task<Jid, UploadError> UploadManager::ensureService()
{
    if (m_service.isValid())
        return readyTask<Jid, UploadError>(m_service);
    if (!m_disco)
        return readyTask<Jid, UploadError>(UploadError {UploadError::Code::NotAvailable});
    Promise<Jid, UploadError> promise;
    m_disco->discoverServices().then(
        this, [this, promise](const Expected<ServerServices, DiscoError> &r) mutable {
            if (!r.ok()) {
                UploadError e {r.error().code == DiscoError::Code::NotConnected
                                   ? UploadError::Code::NotConnected
                                   : UploadError::Code::NotAvailable};
                e.detail = r.error().condition;
                promise.finish(e);
                return;
            }
            if (!r.value().upload.isValid()) {
                promise.finish(UploadError {UploadError::Code::NotAvailable});
                return;
            }
            setService(r.value().upload, r.value().uploadMaxSize);
            promise.finish(m_service);
        });
    return promise.task();
}

bool UploadManager::acceptableUrl(const QUrl &url) const
{
    if (!url.isValid() || url.host().isEmpty())
        return false;
    const QString scheme = url.scheme().toLower();
    if (scheme == u"https")
        return true;
    return scheme == u"http" && (m_allowPlainHttp || isLoopbackHost(url.host()));
}

Task<UploadSlot, UploadError> UploadManager::requestSlot(const QString &fileName, qint64 size,
                                                         const QString &contentType)
{
    Promise<UploadSlot, UploadError> promise;
    if (!m_client) {
        promise.finish(UploadError {UploadError::Code::NotConnected});
        return promise.task();
    }
    ensureService().then(
        this,
        [this, promise, fileName, size, contentType](const Expected<Jid, UploadError> &s) mutable {
            if (!s.ok()) {
                promise.finish(s.error());
                return;
            }
            if (m_maxSize >= 0 && size > m_maxSize) {
                UploadError e {UploadError::Code::TooLarge};
                e.maxSize = m_maxSize;
                promise.finish(e);
                return;
            }
            Element request(u"request"_s, ns::HttpUpload);
            request.setAttribute(u"filename"_s, fileName)
                .setAttribute(u"size"_s, QString::number(size));
            if (!contentType.isEmpty())
                request.setAttribute(u"content-type"_s, contentType);
            Element iq(u"iq"_s, ns::Client);
            iq.setAttribute(u"type"_s, u"get"_s)
                .setAttribute(u"to"_s, s.value().toString())
                .appendChild(request);
            m_client->sendIq(iq).then(
                this, [this, promise](const Expected<Element, IqError> &r) mutable {
                    if (!r.ok()) {
                        promise.finish(slotError(r.error()));
                        return;
                    }
                    const Element slot = r.value().child(u"slot", ns::HttpUpload);
                    const Element putElement = slot.child(u"put", ns::HttpUpload);
                    UploadSlot result;
                    result.putUrl = QUrl(putElement.attribute(u"url"), QUrl::StrictMode);
                    result.getUrl = QUrl(slot.child(u"get", ns::HttpUpload).attribute(u"url"),
                                         QUrl::StrictMode);
                    if (!acceptableUrl(result.putUrl) || !acceptableUrl(result.getUrl)) {
                        UploadError e {UploadError::Code::InsecureUrl};
                        e.detail = putElement.attribute(u"url");
                        promise.finish(e);
                        return;
                    }
                    for (const Element &header : putElement.children(u"header", ns::HttpUpload)) {
                        const QString name = header.attribute(u"name");
                        // XEP-0363: only these; anything else (or a line break) is dropped.
                        if (name.compare(u"Authorization"_s, Qt::CaseInsensitive) != 0
                            && name.compare(u"Cookie"_s, Qt::CaseInsensitive) != 0
                            && name.compare(u"Expires"_s, Qt::CaseInsensitive) != 0)
                            continue;
                        QString value = header.text();
                        value.remove(u'\r').remove(u'\n');
                        result.headers.append({name.toLatin1(), value.toUtf8()});
                    }
                    promise.finish(result);
                });
        });
    return promise.task();
}

Task<QUrl, UploadError> UploadManager::uploadFile(const QString &path, const QString &contentType)
{
    auto *file = new QFile(path, this);
    if (!file->open(QIODevice::ReadOnly)) {
        UploadError e {UploadError::Code::FileUnreadable};
        e.detail = file->errorString();
        delete file;
        return readyTask<QUrl, UploadError>(e);
    }
    QString type = contentType;
    if (type.isEmpty())
        type = QMimeDatabase().mimeTypeForFile(path).name();
    return upload(file, file->size(), QFileInfo(path).fileName(), type);
}

Task<QUrl, UploadError> UploadManager::uploadData(const QByteArray &data, const QString &fileName,
                                                  const QString &contentType)
{
    auto *buffer = new QBuffer(this);
    buffer->setData(data);
    buffer->open(QIODevice::ReadOnly);
    return upload(buffer, data.size(), fileName,
                  contentType.isEmpty() ? u"application/octet-stream"_s : contentType);
}

Task<QUrl, UploadError> UploadManager::upload(QIODevice *body, qint64 size, const QString &fileName,
                                              const QString &contentType)
{
    Promise<QUrl, UploadError> promise;
    requestSlot(fileName, size, contentType)
        .then(this,
              [this, body, size, fileName, contentType,
               promise](const Expected<UploadSlot, UploadError> &r) mutable {
                  if (!r.ok()) {
                      body->deleteLater();
                      promise.finish(r.error());
                      return;
                  }
                  put(r.value(), body, size, fileName, contentType, promise);
              });
    return promise.task();
}

void UploadManager::put(const UploadSlot &slot, QIODevice *body, qint64 size,
                        const QString &fileName, const QString &contentType,
                        Promise<QUrl, UploadError> promise)
{
    QNetworkRequest request(slot.putUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    request.setHeader(QNetworkRequest::ContentLengthHeader, size);
    for (const auto &[name, value] : slot.headers)
        request.setRawHeader(name, value);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_transferTimeoutMs);
    QNetworkReply *reply = m_nam->put(request, body);
    body->setParent(reply); // lives as long as the transfer
    connect(
        reply, &QNetworkReply::uploadProgress, this,
        [this, fileName](qint64 sent, qint64 total) { Q_EMIT progress(fileName, sent, total); });
    const QUrl getUrl = slot.getUrl;
    connect(reply, &QNetworkReply::finished, this, [reply, getUrl, promise]() mutable {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() == QNetworkReply::NoError && status >= 200 && status < 300) {
            promise.finish(getUrl);
            return;
        }
        UploadError e {UploadError::Code::HttpFailed};
        e.httpStatus = status;
        e.detail = status > 0 ? u"HTTP %1"_s.arg(status) : reply->errorString();
        if (status == 413)
            e.code = UploadError::Code::TooLarge;
        else if (reply->error() == QNetworkReply::OperationCanceledError
                 || reply->error() == QNetworkReply::TimeoutError)
            e.code = UploadError::Code::Timeout;
        qCWarning(lcXmpp, "upload PUT failed: %s", qPrintable(e.detail));
        promise.finish(e);
    });
}

} // namespace chorus::xmpp
