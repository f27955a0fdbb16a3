#pragma once

#include <QHashFunctions>
#include <QMetaType>
#include <QString>

#include <optional>

namespace chorus::xmpp {

/// An XMPP address, `[node@]domain[/resource]` (RFC 7622), in canonical form.
///
/// Parsing splits at the first '/' and then at the last '@' before it, NFC-normalises
/// every part, lowercases node and domain (resources are case-sensitive), strips a
/// trailing dot from the domain and enforces the 1023-byte limit per part. Input
/// that cannot be an address (empty domain, empty node before '@', empty resource
/// after '/', forbidden characters, spaces, control characters) is rejected.
class Jid
{
public:
    Jid() = default;

    /// Parses `text`; nullopt when it is not a valid address.
    static std::optional<Jid> parse(QStringView text);
    /// Parses `text`; an invalid (empty) Jid when it is not a valid address.
    static Jid fromString(QStringView text) { return parse(text).value_or(Jid()); }
    /// Builds from parts, validating each; nullopt when one is invalid.
    static std::optional<Jid> fromParts(QStringView node, QStringView domain,
                                        QStringView resource = {});

    bool isValid() const { return !m_domain.isEmpty(); }
    bool isBare() const { return m_resource.isEmpty(); }
    bool isFull() const { return !m_resource.isEmpty(); }
    /// True for a server or service address (no node, no resource).
    bool isDomain() const { return isValid() && m_node.isEmpty() && m_resource.isEmpty(); }

    QString node() const { return m_node; }
    QString domain() const { return m_domain; }
    QString resource() const { return m_resource; }

    /// The address without its resource.
    Jid bare() const;
    /// The same bare address with `resource` (an invalid Jid if it is not allowed).
    Jid withResource(QStringView resource) const;

    QString toString() const;
    QString bareString() const;

    friend bool operator==(const Jid &, const Jid &) = default;

private:
    QString m_node;
    QString m_domain;
    QString m_resource;
};

inline size_t qHash(const Jid &jid, size_t seed = 0)
{
    return qHashMulti(seed, jid.node(), jid.domain(), jid.resource());
}

} // namespace chorus::xmpp

Q_DECLARE_METATYPE(chorus::xmpp::Jid)
