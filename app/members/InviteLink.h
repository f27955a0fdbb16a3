#pragma once

#include <QImage>
#include <QString>
#include <QUrl>

namespace chorus::members {

/// The invitation to a group as people share it: an `xmpp:` URI (RFC 5122, XEP-0147
/// "join" action) and its QR code.
class InviteLink
{
public:
    /// `xmpp:bali@conference.example.org?join`, percent-encoded where RFC 5122 requires.
    static QString uriFor(const QString &groupId);
    /// The group id an invite URI points at, or empty when it is not a join link.
    static QString groupFromUri(const QString &uri);

    /// A QR code of `text` (libqrencode, error correction M), `scale` pixels per module,
    /// with the 4-module quiet zone scanners need. Null image if the text cannot be encoded.
    static QImage qrCode(const QString &text, int scale = 8);
};

} // namespace chorus::members
