#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QSharedData>
#include <QString>

#include <optional>

class QXmlStreamWriter;

namespace chorus::xmpp {

/// One attribute; `ns` is empty for ordinary (unqualified) attributes, and
/// ns::Xml for xml:lang.
struct Attribute
{
    QString name;
    QString value;
    QString ns;
    friend bool operator==(const Attribute &, const Attribute &) = default;
};

class Element;

namespace detail {
struct ElementData : QSharedData
{
    QString name;
    QString ns;
    QString text;
    QList<Attribute> attributes;
    QList<Element> children;
};
} // namespace detail

/// An XML element as a small value: name, namespace, attributes, character data and
/// child elements. Copies are cheap (implicitly shared) and detach on write.
///
/// Character data is kept as one string per element (XMPP does not use mixed
/// content); namespaces are always explicit, never inherited implicitly by lookups.
/// A default-constructed Element is null: lookups on it return null/empty values.
class Element
{
public:
    Element() = default;
    explicit Element(const QString &name, const QString &ns = {});

    bool isNull() const { return !d; }
    QString name() const { return d ? d->name : QString(); }
    QString ns() const { return d ? d->ns : QString(); }
    Element &setName(const QString &name);
    Element &setNs(const QString &ns);
    /// True when this element is `name` in namespace `ns`.
    bool is(QStringView name, QStringView ns) const { return d && d->name == name && d->ns == ns; }

    /// The element's own character data (not its children's).
    QString text() const { return d ? d->text : QString(); }
    Element &setText(const QString &text);

    /// The unqualified attribute `name`, or a null QString when it is absent.
    QString attribute(QStringView name) const;
    /// A namespaced attribute (e.g. ("lang", ns::Xml) for xml:lang).
    QString attribute(QStringView name, QStringView ns) const;
    bool hasAttribute(QStringView name) const;
    const QList<Attribute> &attributes() const;
    /// Sets (or replaces) an attribute; returns *this so builders chain.
    Element &setAttribute(const QString &name, const QString &value, const QString &ns = {});
    Element &removeAttribute(QStringView name, QStringView ns = {});

    /// First child `name` in namespace `ns`, or a null Element.
    Element child(QStringView name, QStringView ns) const;
    bool hasChild(QStringView name, QStringView ns) const { return !child(name, ns).isNull(); }
    /// Text of the first child `name`/`ns` (empty when there is none).
    QString childText(QStringView name, QStringView ns) const { return child(name, ns).text(); }
    /// The first child element whatever its name (null when there is none).
    Element firstChild() const;
    const QList<Element> &children() const;
    /// All children `name` in namespace `ns`.
    QList<Element> children(QStringView name, QStringView ns) const;
    /// All children in namespace `ns`, whatever their name.
    QList<Element> childrenInNamespace(QStringView ns) const;

    Element &appendChild(const Element &child);
    /// Appends `<name xmlns=ns>text</name>`; returns *this.
    Element &appendTextChild(const QString &name, const QString &ns, const QString &text);
    /// Removes every child `name`/`ns`; returns how many went.
    int removeChildren(QStringView name, QStringView ns);

    /// Serialises as UTF-8. The xmlns attribute is omitted when the namespace equals
    /// `inheritedNs` (stanzas on a jabber:client stream are written with ns::Client).
    QByteArray toXml(QStringView inheritedNs = {}) const;
    /// Writes through a QXmlStreamWriter (declares namespaces as it goes).
    void write(QXmlStreamWriter &writer) const;
    /// Parses one element, for tests and fixtures. Elements without an xmlns get
    /// `defaultNs`. Returns nullopt on malformed or restricted XML.
    static std::optional<Element> fromXml(const QByteArray &xml, const QString &defaultNs = {});

    /// Deep comparison; attribute order does not matter, child order does.
    friend bool operator==(const Element &a, const Element &b);
    friend bool operator!=(const Element &a, const Element &b) { return !(a == b); }

    /// Direct access for the stream parser, which builds trees without detaching.
    detail::ElementData *data() { return d.data(); }

private:
    void writeTo(QString &out, QStringView inheritedNs) const;
    QSharedDataPointer<detail::ElementData> d;
};

/// Escapes text for XML character data or an attribute value, dropping characters
/// XML 1.0 forbids (so user input can never break the stream).
QString xmlEscape(QStringView text);

} // namespace chorus::xmpp

Q_DECLARE_METATYPE(chorus::xmpp::Element)
