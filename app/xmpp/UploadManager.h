#pragma once

#include "core/Expected.h"
#include "xmpp/Jid.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <utility>

class QIODevice;
class QNetworkAccessManager;

namespace chorus::xmpp {

class Client;
class DiscoManager;

/// An XEP-0363 upload slot: where to PUT (with which headers) and the URL to share.
struct UploadSlot
{
    QUrl putUrl;
    QList<std::pair<QByteArray, QByteArray>> headers; ///< only Authorization, Cookie, Expires
    QUrl getUrl;
};

/// Why an upload failed.
struct UploadError
{
    enum class Code {
        NotAvailable, ///< the server has no upload service
        TooLarge, ///< over the service's limit (see maxSize)
        QuotaExceeded, ///< the service refused for now (see retryAfter)
        NotAllowed, ///< this account may not upload
        FileUnreadable, ///< the local file could not be read
        InsecureUrl, ///< the service handed out a plain-http URL for a non-local host
        HttpFailed, ///< the PUT failed (see httpStatus, detail)
        Timeout,
        NotConnected,
        Remote, ///< any other error from the service
    };
    Code code = Code::Remote;
    qint64 maxSize = -1;
    QDateTime retryAfter;
    int httpStatus = 0;
    QString detail; ///< the server's or the network's own words

    /// A translated sentence for the user.
    QString describe() const;
};

/// XEP-0363 HTTP file upload: asks the upload service (found by disco) for a slot, PUTs
/// the bytes with QNetworkAccessManager and returns the URL to share.
///
/// Slot URLs must be https; plain http is accepted only for loopback hosts (a local
/// development server) unless setAllowPlainHttp(true). Only the headers XEP-0363
/// allows are sent with the PUT; no redirects are followed.
class UploadManager : public QObject
{
    Q_OBJECT
public:
    /// `disco` finds the service when setService() was not called; `nam` may be
    /// shared with the rest of the application (one is created otherwise).
    explicit UploadManager(Client *client, DiscoManager *disco = nullptr,
                           QNetworkAccessManager *nam = nullptr, QObject *parent = nullptr);

    void setService(const Jid &service, qint64 maxFileSize = -1);
    Jid service() const { return m_service; }
    qint64 maxFileSize() const { return m_maxSize; }
    void setAllowPlainHttp(bool allow) { m_allowPlainHttp = allow; }
    /// Timeout of the PUT when no data moves for this long (default 60 s).
    void setTransferTimeout(int ms) { m_transferTimeoutMs = ms; }

    /// Asks the service for a slot.
    Task<UploadSlot, UploadError> requestSlot(const QString &fileName, qint64 size,
                                              const QString &contentType);
    /// Uploads a local file (content type guessed from its name and contents when
    /// empty) and returns the URL to share.
    Task<QUrl, UploadError> uploadFile(const QString &path, const QString &contentType = {});
    /// Uploads bytes from memory.
    Task<QUrl, UploadError> uploadData(const QByteArray &data, const QString &fileName,
                                       const QString &contentType);

Q_SIGNALS:
    void progress(const QString &fileName, qint64 sent, qint64 total);

private:
    Task<Jid, UploadError> ensureService();
    bool acceptableUrl(const QUrl &url) const;
    void put(const UploadSlot &slot, QIODevice *body, qint64 size, const QString &fileName,
             const QString &contentType, Promise<QUrl, UploadError> promise);
    Task<QUrl, UploadError> upload(QIODevice *body, qint64 size, const QString &fileName,
                                   const QString &contentType);

    Client *m_client;
    QPointer<DiscoManager> m_disco;
    QNetworkAccessManager *m_nam;
    Jid m_service;
    qint64 m_maxSize = -1;
    bool m_allowPlainHttp = false;
    int m_transferTimeoutMs = 60000;
};

} // namespace chorus::xmpp
