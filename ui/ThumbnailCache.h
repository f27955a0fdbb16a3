#pragma once

#include <QCache>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QSize>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace chorus::ui {

/// The images that messages share, fetched and scaled down for the timeline. Each URL is
/// fetched at most once at a time; only http(s), only image content under a size limit,
/// decoded off the GUI thread at thumbnail size. Thumbnails stay in a bounded memory cache.
class ThumbnailCache : public QObject
{
    Q_OBJECT
public:
    enum class State { Unknown, Loading, Ready, Failed };

    static constexpr QSize kMaxSize{320, 240};
    static constexpr qint64 kMaxBytes = 20 * 1024 * 1024;

    explicit ThumbnailCache(QObject *parent = nullptr);
    explicit ThumbnailCache(QNetworkAccessManager *network, QObject *parent = nullptr);

    /// The thumbnail when it is ready; otherwise a null image, and it starts loading.
    QImage thumbnail(const QUrl &url);
    /// The thumbnail if it is in memory, without starting a fetch (for measuring rows).
    QImage cached(const QUrl &url) const;
    State state(const QUrl &url) const;
    /// Why the last fetch of `url` failed, in words for the operator.
    QString failure(const QUrl &url) const { return m_failures.value(url); }

    /// Whether a shared file looks like an image we can show (raster formats only).
    static bool isImage(const QUrl &url, const QString &mimeType = {});
    /// `size` scaled to fit kMaxSize, keeping its aspect ratio (never scaled up).
    static QSize fitted(const QSize &size);

Q_SIGNALS:
    /// A thumbnail finished loading (or failed): rows showing `url` should repaint.
    void changed(const QUrl &url);

private:
    void fetch(const QUrl &url);
    void finished(QNetworkReply *reply);
    void decoded(const QUrl &url, const QImage &image, const QString &error);

    QNetworkAccessManager *m_network;
    QCache<QUrl, QImage> m_images; ///< cost: KiB of pixels
    QHash<QUrl, State> m_states;
    QHash<QUrl, QString> m_failures;
};

} // namespace chorus::ui
