#pragma once

#include <QHash>
#include <QMultiHash>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QStyledItemDelegate>
#include <QUrl>
#include <QTimeZone>

class QTextLayout;

namespace chorus::ui {

class ThumbnailCache;

/// Paints one message of a TimelineModel: day break, author and time (the operator's
/// and the group's), the quoted message it replies to, the text (plain, never markup),
/// attachments, and edited/retracted/private/mention marks. Heights are cached per
/// message and width, so long timelines scroll without re-measuring.
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit MessageDelegate(QObject *parent = nullptr);

    /// Shows the group's local time next to the operator's when the zones differ.
    void setZones(const QTimeZone &operatorZone, const QTimeZone &groupZone,
                  const QString &groupZoneLabel);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// Where shared images come from; without one they show as links.
    void setThumbnails(ThumbnailCache *thumbnails);

    /// Forget cached heights (the text of a row changed, or all rows after a font change).
    void invalidate(const QModelIndex &index);
    void invalidateAll();

    /// Colour for a sender, stable across sessions and readable on the palette's base.
    static QColor nickColor(const QString &senderKey, const QPalette &palette);
    /// A nickname made safe to show: no bidi overrides or invisible characters.
    static QString displayNick(const QString &nick);

private:
    struct Layout;
    Layout layoutFor(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    QString headerTime(const QDateTime &utc) const;
    QString dayLabel(const QDateTime &utc) const;

    void waitFor(const QUrl &url, const QModelIndex &index) const;
    void onThumbnailChanged(const QUrl &url);

    QPointer<ThumbnailCache> m_thumbnails;
    mutable QMultiHash<QUrl, QPersistentModelIndex> m_waiting; ///< rows sized without their image
    QTimeZone m_operatorZone = QTimeZone::systemTimeZone();
    QTimeZone m_groupZone = QTimeZone::systemTimeZone();
    QString m_groupZoneLabel;
    mutable QHash<QString, QSize> m_sizes; ///< message id → size at m_sizeWidth
    mutable int m_sizeWidth = -1;
};

} // namespace chorus::ui
