#include "ui/MessageDelegate.h"

#include "ui/ThumbnailCache.h"
#include "workspace/TimelineModel.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QFileInfo>
#include <QLocale>
#include <QPainter>
#include <QTextLayout>
#include <QUrl>

using namespace Qt::StringLiterals;
using chorus::workspace::TimelineModel;

namespace chorus::ui {
namespace {

constexpr int kMargin = 10;     // left/right padding of a message
constexpr int kGap = 3;         // between lines of a message
constexpr int kQuoteBar = 3;    // width of the reply quote's bar
constexpr int kDayBreak = 30;   // height of a day separator
constexpr int kImagePlaceholder = 96; // height kept for an image still loading

// Lay out plain text into lines no wider than `width`; returns the height used.
qreal layoutText(QTextLayout &layout, qreal width)
{
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    qreal height = 0;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, height));
        height += line.height();
    }
    layout.endLayout();
    return height;
}

// Hours and minutes in the locale's own order and clock (no seconds in chat).
QString shortTime(const QLocale &locale, const QTime &time)
{
    QString format = locale.timeFormat(QLocale::ShortFormat);
    format.remove(u":ss"_s).remove(u".ss"_s);
    return locale.toString(time, format);
}

QFont scaled(QFont font, qreal factor, bool bold = false, bool italic = false)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    font.setItalic(italic);
    return font;
}

} // namespace

struct MessageDelegate::Layout
{
    bool dayBreak = false;
    QString day;
    QString nick, time, marks;
    QString quote;
    QString body;
    QStringList attachments;
    QList<QUrl> images;        ///< shown as thumbnails
    QList<QSize> imageSizes;   ///< their boxes: the thumbnail's size or a placeholder
    qreal quoteHeight = 0, bodyHeight = 0;
    int height = 0;
};

MessageDelegate::MessageDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

void MessageDelegate::setThumbnails(ThumbnailCache *thumbnails)
{
    if (m_thumbnails)
        m_thumbnails->disconnect(this);
    m_thumbnails = thumbnails;
    if (m_thumbnails)
        connect(m_thumbnails, &ThumbnailCache::changed, this, &MessageDelegate::onThumbnailChanged);
    m_waiting.clear();
    invalidateAll();
}

void MessageDelegate::waitFor(const QUrl &url, const QModelIndex &index) const
{
    // Once per row: paint runs many times while an image loads.
    const QPersistentModelIndex row(index);
    if (!m_waiting.contains(url, row))
        m_waiting.insert(url, row);
}

void MessageDelegate::onThumbnailChanged(const QUrl &url)
{
    // The row was measured with a placeholder: measure it again with the image.
    const QList<QPersistentModelIndex> rows = m_waiting.values(url);
    m_waiting.remove(url);
    for (const QPersistentModelIndex &row : rows) {
        if (!row.isValid())
            continue;
        m_sizes.remove(row.data(TimelineModel::MessageIdRole).toString());
        Q_EMIT sizeHintChanged(row);
    }
}

void MessageDelegate::setZones(const QTimeZone &operatorZone, const QTimeZone &groupZone,
                               const QString &groupZoneLabel)
{
    m_operatorZone = operatorZone.isValid() ? operatorZone : QTimeZone::systemTimeZone();
    m_groupZone = groupZone.isValid() ? groupZone : m_operatorZone;
    m_groupZoneLabel = groupZoneLabel;
    invalidateAll();
}

QString MessageDelegate::displayNick(const QString &nick)
{
    // Bidi controls and invisible characters let one member pass for another; drop them
    // (the sender's colour and the person card disambiguate what remains).
    QString out;
    out.reserve(nick.size());
    for (const QChar c : nick) {
        const auto cat = c.category();
        const char16_t u = c.unicode();
        const bool bidi = (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069)
                          || u == 0x200E || u == 0x200F || u == 0x061C;
        if (bidi || cat == QChar::Other_Format || cat == QChar::Other_Control)
            continue;
        out += c;
    }
    out = out.simplified();
    return out.isEmpty() ? tr("(no name)") : out;
}

QColor MessageDelegate::nickColor(const QString &senderKey, const QPalette &palette)
{
    const QByteArray h = QCryptographicHash::hash(senderKey.toUtf8(), QCryptographicHash::Sha1);
    const int hue = (quint8(h.at(0)) << 8 | quint8(h.at(1))) % 360;
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    return QColor::fromHsl(hue, 150, dark ? 170 : 90);
}

QString MessageDelegate::headerTime(const QDateTime &utc) const
{
    const QLocale locale;
    const QDateTime mine = utc.toTimeZone(m_operatorZone);
    QString text = shortTime(locale, mine.time());
    if (m_groupZone != m_operatorZone
        && m_groupZone.offsetFromUtc(utc) != m_operatorZone.offsetFromUtc(utc)) {
        const QDateTime theirs = utc.toTimeZone(m_groupZone);
        text += u"  ·  "_s
                + tr("%1 in %2").arg(shortTime(locale, theirs.time()), m_groupZoneLabel);
    }
    return text;
}

QString MessageDelegate::dayLabel(const QDateTime &utc) const
{
    const QDate day = utc.toTimeZone(m_groupZone).date();
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(m_groupZone).date();
    if (day == today)
        return tr("Today");
    if (day == today.addDays(-1))
        return tr("Yesterday");
    return QLocale().toString(day, QLocale::LongFormat);
}

MessageDelegate::Layout MessageDelegate::layoutFor(const QStyleOptionViewItem &option,
                                                   const QModelIndex &index) const
{
    Layout l;
    const QDateTime time = index.data(TimelineModel::TimestampRole).toDateTime();
    l.dayBreak = index.data(TimelineModel::NewDayRole).toBool();
    if (l.dayBreak)
        l.day = dayLabel(time);
    l.nick = displayNick(index.data(TimelineModel::SenderNickRole).toString());
    l.time = headerTime(time);
    QStringList marks;
    if (index.data(TimelineModel::PrivateRole).toBool()) {
        const QString to = index.data(TimelineModel::RecipientNickRole).toString();
        marks << (to.isEmpty() ? tr("privately to you") : tr("privately to %1").arg(displayNick(to)));
    }
    if (index.data(TimelineModel::EditedRole).toBool())
        marks << tr("edited");
    l.marks = marks.join(u"  ·  "_s);

    const QString replyTo = index.data(TimelineModel::ReplyToNickRole).toString();
    if (!replyTo.isEmpty()) {
        const QString preview = index.data(TimelineModel::ReplyPreviewRole).toString();
        l.quote = preview.isEmpty() ? tr("In reply to %1").arg(displayNick(replyTo))
                                    : displayNick(replyTo) + u": "_s + preview.simplified();
    }
    if (index.data(TimelineModel::RetractedRole).toBool()) {
        const QString reason = index.data(TimelineModel::RetractionReasonRole).toString();
        l.body = reason.isEmpty() ? tr("This message was removed by a moderator.")
                                  : tr("This message was removed by a moderator: %1").arg(reason);
    } else {
        l.body = index.data(TimelineModel::BodyRole).toString();
    }
    const QStringList mimeTypes = index.data(TimelineModel::AttachmentTypesRole).toStringList();
    const QVariantList urls = index.data(TimelineModel::AttachmentsRole).toList();
    for (qsizetype i = 0; i < urls.size(); ++i) {
        const QUrl url = urls.at(i).toUrl();
        // A message that is only the link to its file shows the file, not the link.
        if (l.body.trimmed() == url.toString(QUrl::FullyEncoded) || l.body.trimmed() == url.toString())
            l.body.clear();
        const bool image = m_thumbnails && ThumbnailCache::isImage(url, mimeTypes.value(i));
        if (image && m_thumbnails->state(url) != ThumbnailCache::State::Failed) {
            const QImage thumb = m_thumbnails->cached(url);
            if (thumb.isNull())
                waitFor(url, index);
            l.images << url;
            l.imageSizes << (thumb.isNull() ? QSize(kImagePlaceholder * 4 / 3, kImagePlaceholder)
                                            : thumb.size());
            continue;
        }
        QString line = u"📎 "_s + QFileInfo(url.path()).fileName();
        if (image)
            line += u"  ·  "_s + tr("preview unavailable: %1").arg(m_thumbnails->failure(url));
        l.attachments << line;
    }

    const int width = option.rect.width() - 2 * kMargin;
    const QFontMetrics small(scaled(option.font, 0.9));
    int h = kGap;
    if (l.dayBreak)
        h += kDayBreak;
    h += small.height() + kGap; // header
    if (!l.quote.isEmpty()) {
        QTextLayout quote(l.quote, scaled(option.font, 0.9, false, true));
        l.quoteHeight = layoutText(quote, width - kQuoteBar - 6);
        h += int(std::ceil(l.quoteHeight)) + kGap;
    }
    if (!l.body.isEmpty()) {
        QTextLayout body(l.body, option.font);
        l.bodyHeight = layoutText(body, width);
        h += int(std::ceil(l.bodyHeight));
    }
    for (QSize &box : l.imageSizes) {
        if (box.width() > width) // a narrow split pane: shrink to fit
            box = box.scaled(qMax(1, width), box.height(), Qt::KeepAspectRatio);
        h += kGap + box.height();
    }
    h += int(l.attachments.size()) * (small.height() + kGap);
    l.height = h + kGap * 2;
    return l;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (option.rect.width() != m_sizeWidth) {
        m_sizes.clear();
        m_sizeWidth = option.rect.width();
    }
    const QString key = index.data(TimelineModel::MessageIdRole).toString();
    if (const auto it = m_sizes.constFind(key); it != m_sizes.cend() && !key.isEmpty())
        return *it;
    const QSize size(option.rect.width(), layoutFor(option, index).height);
    if (!key.isEmpty())
        m_sizes.insert(key, size);
    return size;
}

void MessageDelegate::invalidate(const QModelIndex &index)
{
    m_sizes.remove(index.data(TimelineModel::MessageIdRole).toString());
}

void MessageDelegate::invalidateAll()
{
    m_sizes.clear();
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    const Layout l = layoutFor(option, index);
    const QPalette &pal = option.palette;
    QRect r = option.rect;
    painter->save();
    painter->setClipRect(r);

    if (l.dayBreak) {
        const QRect day(r.left(), r.top() + kGap, r.width(), kDayBreak - kGap);
        const QFont f = scaled(option.font, 0.85, true);
        painter->setFont(f);
        const int textWidth = QFontMetrics(f).horizontalAdvance(l.day) + 24;
        painter->setPen(pal.color(QPalette::Mid));
        const int y = day.center().y();
        painter->drawLine(day.left() + kMargin, y, day.center().x() - textWidth / 2, y);
        painter->drawLine(day.center().x() + textWidth / 2, y, day.right() - kMargin, y);
        painter->setPen(pal.color(QPalette::PlaceholderText));
        painter->drawText(day, Qt::AlignCenter, l.day);
        r.setTop(r.top() + kDayBreak);
    }

    // Background: selection, a mention of the operator, a private message, their own.
    QColor background;
    if (option.state & QStyle::State_Selected)
        background = pal.color(QPalette::Highlight).lighter(pal.color(QPalette::Base).lightness() < 128 ? 60 : 170);
    else if (index.data(TimelineModel::MentionsMeRole).toBool())
        background = QColor(255, 200, 0, 45);
    else if (index.data(TimelineModel::PrivateRole).toBool())
        background = QColor(120, 90, 220, 30);
    else if (index.data(TimelineModel::OutgoingRole).toBool())
        background = QColor(40, 140, 220, 22);
    if (background.isValid())
        painter->fillRect(r.adjusted(4, 1, -4, -1), background);

    const int left = r.left() + kMargin;
    const int width = r.width() - 2 * kMargin;
    int y = r.top() + kGap;

    const QFont small = scaled(option.font, 0.9);
    const QFont bold = scaled(option.font, 1.0, true);
    const QFontMetrics smallMetrics(small);
    painter->setFont(bold);
    painter->setPen(nickColor(index.data(TimelineModel::SenderKeyRole).toString(), pal));
    const QString nick = QFontMetrics(bold).elidedText(l.nick, Qt::ElideRight, width / 2);
    painter->drawText(QPoint(left, y + smallMetrics.ascent()), nick);
    int x = left + QFontMetrics(bold).horizontalAdvance(nick) + 8;
    painter->setFont(small);
    painter->setPen(pal.color(QPalette::PlaceholderText));
    QString meta = l.time;
    if (!l.marks.isEmpty())
        meta += u"  ·  "_s + l.marks;
    painter->drawText(QPoint(x, y + smallMetrics.ascent()),
                      smallMetrics.elidedText(meta, Qt::ElideRight, left + width - x));
    y += smallMetrics.height() + kGap;

    if (!l.quote.isEmpty()) {
        painter->fillRect(QRect(left, y, kQuoteBar, int(l.quoteHeight)), pal.color(QPalette::Mid));
        QTextLayout quote(l.quote, scaled(option.font, 0.9, false, true));
        layoutText(quote, width - kQuoteBar - 6);
        painter->setPen(pal.color(QPalette::PlaceholderText));
        quote.draw(painter, QPointF(left + kQuoteBar + 6, y));
        y += int(std::ceil(l.quoteHeight)) + kGap;
    }

    const bool retracted = index.data(TimelineModel::RetractedRole).toBool();
    QTextLayout body(l.body, retracted ? scaled(option.font, 1.0, false, true) : option.font);
    layoutText(body, width);
    painter->setPen(retracted ? pal.color(QPalette::PlaceholderText) : pal.color(QPalette::Text));
    body.draw(painter, QPointF(left, y));
    y += int(std::ceil(l.bodyHeight));

    for (qsizetype i = 0; i < l.images.size(); ++i) {
        y += kGap;
        const QRect box(left, y, l.imageSizes.at(i).width(), l.imageSizes.at(i).height());
        const QImage thumb = m_thumbnails ? m_thumbnails->thumbnail(l.images.at(i)) : QImage();
        if (thumb.isNull()) {
            waitFor(l.images.at(i), index);
            painter->fillRect(box, pal.color(QPalette::AlternateBase));
            painter->setPen(pal.color(QPalette::Mid));
            painter->drawRect(box.adjusted(0, 0, -1, -1));
            painter->setFont(small);
            painter->setPen(pal.color(QPalette::PlaceholderText));
            painter->drawText(box.adjusted(6, 6, -6, -6), Qt::AlignCenter | Qt::TextWordWrap,
                              tr("Loading image…"));
        } else {
            painter->setRenderHint(QPainter::SmoothPixmapTransform);
            painter->drawImage(box, thumb);
        }
        y += box.height();
    }

    painter->setFont(small);
    painter->setPen(pal.color(QPalette::Link));
    for (const QString &a : l.attachments) {
        y += kGap;
        painter->drawText(QPoint(left, y + smallMetrics.ascent()), a);
        y += smallMetrics.height();
    }
    painter->restore();
}

} // namespace chorus::ui
