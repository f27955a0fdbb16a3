#include "members/InviteLink.h"

#include <QPainter>
#include <QUrlQuery>

#include <qrencode.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace chorus::members {
namespace {

constexpr int kQuietZone = 4;

// RFC 5122 section 2.7.2: a JID in an IRI/URI keeps unreserved characters and a few
// sub-delims; everything else is percent-encoded (as UTF-8).
QString encodeNode(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text, "!$&'()*+,;=@"));
}

} // namespace

QString InviteLink::uriFor(const QString &groupId)
{
    return u"xmpp:"_s + encodeNode(groupId) + u"?join"_s;
}

QString InviteLink::groupFromUri(const QString &uri)
{
    if (!uri.startsWith(u"xmpp:"_s, Qt::CaseInsensitive))
        return {};
    QString rest = uri.mid(5);
    if (rest.startsWith(u"//"_s))
        return {}; // an authority component: not the form we hand out
    const qsizetype q = rest.indexOf(u'?');
    const QString query = q < 0 ? QString() : rest.mid(q + 1);
    const QString path = q < 0 ? rest : rest.left(q);
    if (query.section(u';', 0, 0) != u"join")
        return {};
    const QString jid = QUrl::fromPercentEncoding(path.toUtf8());
    const qsizetype at = jid.indexOf(u'@');
    if (at <= 0 || at == jid.size() - 1 || jid.contains(u'/') || jid.contains(u' '))
        return {};
    return jid;
}

QImage InviteLink::qrCode(const QString &text, int scale)
{
    const QByteArray data = text.toUtf8();
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString8bit(data.constData(), 0, QR_ECLEVEL_M), &QRcode_free);
    if (!code)
        return {};
    const int modules = code->width;
    const int size = (modules + 2 * kQuietZone) * scale;
    QImage image(size, size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    for (int y = 0; y < modules; ++y) {
        for (int x = 0; x < modules; ++x) {
            // Bit 0 of each byte is the module colour (1 = dark).
            if (code->data[y * modules + x] & 1)
                painter.fillRect((x + kQuietZone) * scale, (y + kQuietZone) * scale, scale, scale,
                                 Qt::black);
        }
    }
    return image;
}

} // namespace chorus::members
