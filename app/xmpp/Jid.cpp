#include "xmpp/Jid.h"

#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace chorus::xmpp {
namespace {

constexpr qsizetype MaxPartBytes = 1023; // RFC 7622 section 3.1

bool withinByteLimit(const QString &part)
{
    // Three UTF-8 bytes per UTF-16 unit at most: only long parts need converting.
    return part.size() * 3 <= MaxPartBytes || part.toUtf8().size() <= MaxPartBytes;
}

bool isControlOrSpace(QChar c)
{
    return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format
        || c.isSpace() || c.category() == QChar::Other_NotAssigned
        || c.category() == QChar::Other_PrivateUse;
}

std::optional<QString> prepareNode(QStringView raw)
{
    if (raw.isEmpty())
        return QString();
    QString node = raw.toString().normalized(QString::NormalizationForm_C).toLower();
    for (QChar c : node) {
        // Characters RFC 7622 section 3.3.1 excludes from the localpart.
        switch (c.unicode()) {
        case u'"':
        case u'&':
        case u'\'':
        case u'/':
        case u':':
        case u'<':
        case u'>':
        case u'@':
            return std::nullopt;
        default:
            if (isControlOrSpace(c) && !c.isSurrogate())
                return std::nullopt;
        }
    }
    if (!withinByteLimit(node))
        return std::nullopt;
    return node;
}

std::optional<QString> prepareDomain(QStringView raw)
{
    if (raw.endsWith(u'.'))
        raw.chop(1);
    if (raw.isEmpty())
        return std::nullopt;
    if (raw.startsWith(u'[')) {
        // An IPv6 literal (RFC 7622 section 3.2).
        if (!raw.endsWith(u']'))
            return std::nullopt;
        QHostAddress address;
        if (!address.setAddress(raw.mid(1, raw.size() - 2).toString())
            || address.protocol() != QAbstractSocket::IPv6Protocol)
            return std::nullopt;
        return raw.toString().toLower();
    }
    QString domain = raw.toString().normalized(QString::NormalizationForm_C).toLower();
    if (!withinByteLimit(domain))
        return std::nullopt;
    qsizetype labelLength = 0;
    for (QChar c : domain) {
        if (c == u'.') {
            if (labelLength == 0)
                return std::nullopt; // empty label
            labelLength = 0;
            continue;
        }
        ++labelLength;
        if (c.unicode() < 0x80) {
            if (!(c.isLetterOrNumber() || c == u'-' || c == u'_'))
                return std::nullopt;
        } else if (isControlOrSpace(c) && !c.isSurrogate()) {
            return std::nullopt;
        } else if (c.isPunct() || c.isSymbol()) {
            return std::nullopt;
        }
        if (labelLength > 63)
            return std::nullopt;
    }
    return domain;
}

std::optional<QString> prepareResource(QStringView raw)
{
    if (raw.isEmpty())
        return QString();
    QString resource = raw.toString().normalized(QString::NormalizationForm_C);
    for (QChar c : resource) {
        if ((c.category() == QChar::Other_Control || c.category() == QChar::Other_NotAssigned)
            && !c.isSurrogate())
            return std::nullopt;
    }
    if (!withinByteLimit(resource))
        return std::nullopt;
    return resource;
}

} // namespace

std::optional<Jid> Jid::parse(QStringView text)
{
    QStringView rest = text;
    QStringView resource;
    const qsizetype slash = rest.indexOf(u'/');
    if (slash >= 0) {
        resource = rest.mid(slash + 1);
        rest = rest.left(slash);
        if (resource.isEmpty())
            return std::nullopt;
    }
    QStringView node;
    const qsizetype at = rest.lastIndexOf(u'@');
    if (at >= 0) {
        node = rest.left(at);
        rest = rest.mid(at + 1);
        if (node.isEmpty())
            return std::nullopt;
    }
    return fromParts(node, rest, resource);
}

std::optional<Jid> Jid::fromParts(QStringView node, QStringView domain, QStringView resource)
{
    const auto n = prepareNode(node);
    const auto d = prepareDomain(domain);
    const auto r = prepareResource(resource);
    if (!n || !d || !r)
        return std::nullopt;
    if ((!node.isEmpty() && n->isEmpty()) || (!resource.isEmpty() && r->isEmpty()))
        return std::nullopt;
    Jid jid;
    jid.m_node = *n;
    jid.m_domain = *d;
    jid.m_resource = *r;
    return jid;
}

Jid Jid::bare() const
{
    Jid jid = *this;
    jid.m_resource.clear();
    return jid;
}

Jid Jid::withResource(QStringView resource) const
{
    if (!isValid() || resource.isEmpty())
        return Jid();
    const auto r = prepareResource(resource);
    if (!r)
        return Jid();
    Jid jid = *this;
    jid.m_resource = *r;
    return jid;
}

QString Jid::bareString() const
{
    if (m_node.isEmpty())
        return m_domain;
    return m_node + u'@' + m_domain;
}

QString Jid::toString() const
{
    if (m_resource.isEmpty())
        return bareString();
    return bareString() + u'/' + m_resource;
}

} // namespace chorus::xmpp
