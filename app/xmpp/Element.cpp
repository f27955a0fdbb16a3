#include "xmpp/Element.h"

#include "xmpp/Namespaces.h"
#include "xmpp/StreamParser.h"

#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace chorus::xmpp {
namespace {

const QList<Attribute> &noAttributes()
{
    static const QList<Attribute> empty;
    return empty;
}

const QList<Element> &noChildren()
{
    static const QList<Element> empty;
    return empty;
}

bool isXmlChar(char32_t c)
{
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

// Escapes for both attribute values (double-quoted) and character data. Whitespace
// other than space is written as a character reference so that attribute-value
// normalisation on the other side gives back exactly what was sent.
void appendEscaped(QString &out, QStringView text)
{
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text[i];
        const char16_t u = c.unicode();
        if (u >= 0x20 && u < 0x7F) {
            switch (u) {
            case u'&':
                out += u"&amp;";
                break;
            case u'<':
                out += u"&lt;";
                break;
            case u'>':
                out += u"&gt;";
                break;
            case u'"':
                out += u"&quot;";
                break;
            default:
                out += c;
            }
            continue;
        }
        if (c.isHighSurrogate()) {
            if (i + 1 < n && text[i + 1].isLowSurrogate()) {
                out += c;
                out += text[++i];
            }
            continue; // a lone surrogate cannot be encoded: drop it
        }
        if (c.isLowSurrogate())
            continue;
        switch (u) {
        case 0x9:
            out += u"&#x9;";
            break;
        case 0xA:
            out += u"&#xA;";
            break;
        case 0xD:
            out += u"&#xD;";
            break;
        default:
            if (isXmlChar(u))
                out += c;
        }
    }
}

bool sameAttributes(const QList<Attribute> &a, const QList<Attribute> &b)
{
    if (a.size() != b.size())
        return false;
    for (const Attribute &x : a) {
        if (!b.contains(x))
            return false;
    }
    return true;
}

} // namespace

QString xmlEscape(QStringView text)
{
    QString out;
    out.reserve(text.size() + 8);
    appendEscaped(out, text);
    return out;
}

Element::Element(const QString &name, const QString &ns) : d(new detail::ElementData)
{
    d->name = name;
    d->ns = ns;
}

Element &Element::setName(const QString &name)
{
    if (!d)
        d = new detail::ElementData;
    d->name = name;
    return *this;
}

Element &Element::setNs(const QString &ns)
{
    if (!d)
        d = new detail::ElementData;
    d->ns = ns;
    return *this;
}

Element &Element::setText(const QString &text)
{
    if (!d)
        d = new detail::ElementData;
    d->text = text;
    return *this;
}

QString Element::attribute(QStringView name) const
{
    if (d) {
        for (const Attribute &a : d->attributes) {
            if (a.name == name && a.ns.isEmpty())
                return a.value;
        }
    }
    return {};
}

QString Element::attribute(QStringView name, QStringView ns) const
{
    if (d) {
        for (const Attribute &a : d->attributes) {
            if (a.name == name && a.ns == ns)
                return a.value;
        }
    }
    return {};
}

bool Element::hasAttribute(QStringView name) const
{
    if (d) {
        for (const Attribute &a : d->attributes) {
            if (a.name == name && a.ns.isEmpty())
                return true;
        }
    }
    return false;
}

const QList<Attribute> &Element::attributes() const
{
    return d ? d->attributes : noAttributes();
}

Element &Element::setAttribute(const QString &name, const QString &value, const QString &ns)
{
    if (!d)
        d = new detail::ElementData;
    for (Attribute &a : d->attributes) {
        if (a.name == name && a.ns == ns) {
            a.value = value;
            return *this;
        }
    }
    d->attributes.append(Attribute {name, value, ns});
    return *this;
}

Element &Element::removeAttribute(QStringView name, QStringView ns)
{
    if (d) {
        d->attributes.removeIf([&](const Attribute &a) { return a.name == name && a.ns == ns; });
    }
    return *this;
}

Element Element::child(QStringView name, QStringView ns) const
{
    if (d) {
        for (const Element &c : d->children) {
            if (c.d->name == name && c.d->ns == ns)
                return c;
        }
    }
    return {};
}

Element Element::firstChild() const
{
    return d && !d->children.isEmpty() ? d->children.first() : Element();
}

const QList<Element> &Element::children() const
{
    return d ? d->children : noChildren();
}

QList<Element> Element::children(QStringView name, QStringView ns) const
{
    QList<Element> out;
    if (d) {
        for (const Element &c : d->children) {
            if (c.d->name == name && c.d->ns == ns)
                out.append(c);
        }
    }
    return out;
}

QList<Element> Element::childrenInNamespace(QStringView ns) const
{
    QList<Element> out;
    if (d) {
        for (const Element &c : d->children) {
            if (c.d->ns == ns)
                out.append(c);
        }
    }
    return out;
}

Element &Element::appendChild(const Element &child)
{
    if (child.isNull())
        return *this;
    if (!d)
        d = new detail::ElementData;
    d->children.append(child);
    return *this;
}

Element &Element::appendTextChild(const QString &name, const QString &ns, const QString &text)
{
    return appendChild(Element(name, ns).setText(text));
}

int Element::removeChildren(QStringView name, QStringView ns)
{
    if (!d)
        return 0;
    return int(
        d->children.removeIf([&](const Element &c) { return c.d->name == name && c.d->ns == ns; }));
}

void Element::writeTo(QString &out, QStringView inheritedNs) const
{
    out += u'<';
    out += d->name;
    if (d->ns != inheritedNs) {
        out += u" xmlns=\"";
        appendEscaped(out, d->ns);
        out += u'"';
    }
    int prefixes = 0;
    for (const Attribute &a : d->attributes) {
        out += u' ';
        if (a.ns == ns::Xml) {
            out += u"xml:";
        } else if (!a.ns.isEmpty()) {
            // A private prefix per namespaced attribute; rare in XMPP, so no sharing.
            const QString prefix = u"a%1"_s.arg(prefixes++);
            out += u"xmlns:"_s + prefix + u"=\""_s;
            appendEscaped(out, a.ns);
            out += u"\" "_s + prefix + u':';
        }
        out += a.name;
        out += u"=\"";
        appendEscaped(out, a.value);
        out += u'"';
    }
    if (d->text.isEmpty() && d->children.isEmpty()) {
        out += u"/>";
        return;
    }
    out += u'>';
    appendEscaped(out, d->text);
    for (const Element &c : d->children)
        c.writeTo(out, d->ns);
    out += u"</";
    out += d->name;
    out += u'>';
}

QByteArray Element::toXml(QStringView inheritedNs) const
{
    if (!d)
        return {};
    QString out;
    out.reserve(256);
    writeTo(out, inheritedNs);
    return out.toUtf8();
}

void Element::write(QXmlStreamWriter &writer) const
{
    if (!d)
        return;
    writer.writeStartElement(d->ns, d->name);
    for (const Attribute &a : d->attributes) {
        if (a.ns.isEmpty())
            writer.writeAttribute(a.name, a.value);
        else
            writer.writeAttribute(a.ns, a.name, a.value);
    }
    if (!d->text.isEmpty())
        writer.writeCharacters(d->text);
    for (const Element &c : d->children)
        c.write(writer);
    writer.writeEndElement();
}

std::optional<Element> Element::fromXml(const QByteArray &xml, const QString &defaultNs)
{
    StreamParser parser;
    parser.feed("<stream:stream xmlns:stream='http://etherx.jabber.org/streams' xmlns=\""
                + xmlEscape(defaultNs).toUtf8() + "\">");
    parser.feed(xml);
    parser.feed("</stream:stream>");
    std::optional<Element> result;
    for (;;) {
        switch (parser.next()) {
        case StreamParser::Status::Header:
            continue;
        case StreamParser::Status::Element:
            if (result)
                return std::nullopt; // more than one top-level element
            result = parser.takeElement();
            continue;
        case StreamParser::Status::StreamEnd:
            return result;
        case StreamParser::Status::NeedMoreData:
        case StreamParser::Status::Error:
            return std::nullopt;
        }
    }
}

bool operator==(const Element &a, const Element &b)
{
    if (a.d == b.d)
        return true;
    if (!a.d || !b.d)
        return false;
    return a.d->name == b.d->name && a.d->ns == b.d->ns && a.d->text == b.d->text
        && sameAttributes(a.d->attributes, b.d->attributes) && a.d->children == b.d->children;
}

} // namespace chorus::xmpp
