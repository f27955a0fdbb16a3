#pragma once

#include <QDateTime>
#include <QString>

namespace chorus::xmpp {

/// Parses an XEP-0082 DateTime ("2024-05-01T10:00:00Z", with optional fraction and a
/// "Z" or "+hh:mm" offset) into UTC; an invalid QDateTime when it is not one.
QDateTime parseXmppDateTime(QStringView text);
/// Parses the obsolete XEP-0091 stamp ("20240501T10:00:00", always UTC).
QDateTime parseLegacyStamp(QStringView text);
/// Formats as an XEP-0082 DateTime in UTC, with milliseconds when there are any.
QString formatXmppDateTime(const QDateTime &time);

} // namespace chorus::xmpp
