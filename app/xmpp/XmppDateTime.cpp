#include "xmpp/XmppDateTime.h"

#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace chorus::xmpp {

QDateTime parseXmppDateTime(QStringView text)
{
    static const QRegularExpression re(u"^(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})"
                                       u"(?:\\.(\\d{1,9}))?(Z|[+-]\\d{2}:\\d{2})$"_s);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return {};
    const QDate date(m.capturedView(1).toInt(), m.capturedView(2).toInt(),
                     m.capturedView(3).toInt());
    int ms = 0;
    if (m.hasCaptured(7))
        ms = m.captured(7).leftJustified(3, u'0').left(3).toInt();
    const QTime time(m.capturedView(4).toInt(), m.capturedView(5).toInt(),
                     m.capturedView(6).toInt(), ms);
    if (!date.isValid() || !time.isValid())
        return {};
    const QStringView zone = m.capturedView(8);
    int offset = 0;
    if (zone != u"Z") {
        const int hours = zone.mid(1, 2).toInt();
        const int minutes = zone.mid(4, 2).toInt();
        if (hours > 23 || minutes > 59)
            return {};
        offset = (hours * 3600 + minutes * 60) * (zone.front() == u'-' ? -1 : 1);
    }
    QDateTime result(date, time, QTimeZone(offset));
    return result.toUTC();
}

QDateTime parseLegacyStamp(QStringView text)
{
    QDateTime result = QDateTime::fromString(text.toString(), u"yyyyMMdd'T'HH:mm:ss"_s);
    if (!result.isValid())
        return {};
    result.setTimeZone(QTimeZone::utc());
    return result;
}

QString formatXmppDateTime(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    return utc.time().msec() == 0 ? utc.toString(u"yyyy-MM-dd'T'HH:mm:ss'Z'"_s)
                                  : utc.toString(u"yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"_s);
}

} // namespace chorus::xmpp
