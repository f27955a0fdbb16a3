#include "ui/ThumbnailCache.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QImageReader>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QThreadPool>

using namespace Qt::StringLiterals;

namespace chorus::ui {

ThumbnailCache::ThumbnailCache(QObject *parent)
    : ThumbnailCache(new QNetworkAccessManager, parent)
{
    m_network->setParent(this);
}

ThumbnailCache::ThumbnailCache(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_network(network)
{
    m_images.setMaxCost(64 * 1024); // 64 MiB of pixels
}

bool ThumbnailCache::isImage(const QUrl &url, const QString &mimeType)
{
    // SVG and other vector formats are left out: rendering a stranger's SVG is a larger
    // attack surface than a preview is worth.
    static const QStringList raster{u"png"_s, u"jpg"_s, u"jpeg"_s, u"gif"_s, u"webp"_s,
                                    u"bmp"_s};
    if (!mimeType.isEmpty() && mimeType != u"application/octet-stream"_s)
        return mimeType.startsWith(u"image/"_s) && !mimeType.contains(u"svg"_s);
    const QString path = url.path();
    const qsizetype dot = path.lastIndexOf(u'.');
    return dot >= 0 && raster.contains(path.mid(dot + 1).toLower());
}

QSize ThumbnailCache::fitted(const QSize &size)
{
    if (!size.isValid() || size.isEmpty())
        return {};
    if (size.width() <= kMaxSize.width() && size.height() <= kMaxSize.height())
        return size;
    return size.scaled(kMaxSize, Qt::KeepAspectRatio).expandedTo(QSize(1, 1));
}

ThumbnailCache::State ThumbnailCache::state(const QUrl &url) const
{
    const State s = m_states.value(url, State::Unknown);
    // Evicted from memory: it will load again when asked.
    return s == State::Ready && !m_images.contains(url) ? State::Unknown : s;
}

QImage ThumbnailCache::cached(const QUrl &url) const
{
    const QImage *image = m_images.object(url);
    return image ? *image : QImage();
}

QImage ThumbnailCache::thumbnail(const QUrl &url)
{
    if (const QImage *image = m_images.object(url))
        return *image;
    const State s = m_states.value(url, State::Unknown);
    if (s != State::Loading && s != State::Failed)
        fetch(url);
    return {};
}

void ThumbnailCache::fetch(const QUrl &url)
{
    if (url.scheme() != u"https"_s && url.scheme() != u"http"_s) {
        m_states.insert(url, State::Failed);
        m_failures.insert(url, tr("Only web addresses can be previewed."));
        return;
    }
    m_states.insert(url, State::Loading);
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(3);
    request.setTransferTimeout(30000);
    QNetworkReply *reply = m_network->get(request);
    // Stop early when the server announces (or sends) more than a preview is worth.
    const auto tooLarge = [reply](qint64 bytes) {
        if (bytes > kMaxBytes) {
            reply->setProperty("chorusTooLarge", true);
            reply->abort();
        }
    };
    connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, tooLarge] {
        tooLarge(reply->header(QNetworkRequest::ContentLengthHeader).toLongLong());
    });
    connect(reply, &QNetworkReply::downloadProgress, reply,
            [tooLarge](qint64 received, qint64) { tooLarge(received); });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { finished(reply); });
}

void ThumbnailCache::finished(QNetworkReply *reply)
{
    reply->deleteLater();
    const QUrl url = reply->request().url();
    if (reply->property("chorusTooLarge").toBool()) {
        decoded(url, {}, tr("The image is larger than %1 MB.").arg(kMaxBytes / (1024 * 1024)));
        return;
    }
    if (reply->error() != QNetworkReply::NoError) {
        decoded(url, {}, reply->errorString());
        return;
    }
    const QString type = reply->header(QNetworkRequest::ContentTypeHeader).toString();
    if (!type.isEmpty() && !type.startsWith(u"image/"_s)
        && !type.startsWith(u"application/octet-stream"_s)) {
        decoded(url, {}, tr("The link is not an image (%1).").arg(type));
        return;
    }
    // Decoding a large photo can take longer than a frame: do it on the thread pool.
    QPointer<ThumbnailCache> self(this);
    const QByteArray bytes = reply->readAll();
    QThreadPool::globalInstance()->start([self, url, bytes] {
        QBuffer buffer;
        buffer.setData(bytes);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer);
        reader.setAutoTransform(true);
        QString error;
        QImage image;
        const QSize size = fitted(reader.size());
        if (reader.format() == "svg" || reader.format() == "svgz") {
            error = tr("Vector images are not previewed.");
        } else {
            if (size.isValid())
                reader.setScaledSize(size);
            image = reader.read();
            if (image.isNull())
                error = reader.errorString();
            else if (!size.isValid())
                image = image.scaled(kMaxSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        }
        QMetaObject::invokeMethod(
            QCoreApplication::instance(), [self, url, image, error] {
                if (self)
                    self->decoded(url, image, error);
            },
            Qt::QueuedConnection);
    });
}

void ThumbnailCache::decoded(const QUrl &url, const QImage &image, const QString &error)
{
    if (image.isNull()) {
        m_states.insert(url, State::Failed);
        m_failures.insert(url, error.isEmpty() ? tr("The image could not be read.") : error);
    } else {
        m_states.insert(url, State::Ready);
        m_failures.remove(url);
        m_images.insert(url, new QImage(image), qMax<qsizetype>(1, image.sizeInBytes() / 1024));
    }
    Q_EMIT changed(url);
}

} // namespace chorus::ui
