#pragma once

#include "xmpp/Element.h"
#include "xmpp/StreamError.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace chorus::xmpp {

/// The attributes of a received <stream:stream> header (RFC 6120 section 4.7).
struct StreamHeader
{
    QString from;
    QString to;
    QString id;
    QString version;
    QString lang;
    QString defaultNs; ///< the stream's default namespace (jabber:client for clients)
};

/// Incremental parser for one direction of an XMPP stream.
///
/// Bytes go in with feed() in whatever chunks the network delivers; next() then hands
/// out the stream header and each complete top-level element (a child of
/// <stream:stream>) as an Element. The parser enforces RFC 6120's restricted XML
/// (section 11.1): a DOCTYPE, a processing instruction other than the XML
/// declaration, a comment or an entity reference other than the five predefined ones
/// is a `restricted-xml` stream error. Input must be well-formed, namespace-correct
/// UTF-8 XML (`not-well-formed` otherwise); a stanza larger than Limits::maxStanzaBytes
/// or nested deeper than Limits::maxDepth is a `policy-violation`, reported as soon as
/// the bytes received show it. After an error the parser stays failed.
///
/// Built on our own tokenizer (detail::RestrictedXmlReader), not QXmlStreamReader;
/// the results do not depend on how the input is split into chunks.
class StreamParser
{
public:
    struct Limits
    {
        qsizetype maxStanzaBytes = 256 * 1024; ///< per top-level element
        int maxDepth = 64; ///< element levels below <stream:stream>
    };

    enum class Status {
        NeedMoreData, ///< feed() more bytes
        Header, ///< header() holds the stream header
        Element, ///< takeElement() returns the element
        StreamEnd, ///< </stream:stream> arrived
        Error, ///< error() says why; the stream must be closed
    };

    StreamParser();
    explicit StreamParser(Limits limits);
    StreamParser(const StreamParser &) = delete;
    StreamParser &operator=(const StreamParser &) = delete;
    ~StreamParser();

    /// Appends received bytes; nothing is parsed until next() is called.
    void feed(const QByteArray &data);
    /// Parses as far as the next event.
    Status next();

    const StreamHeader &header() const;
    /// The element of the last Status::Element (moved out).
    Element takeElement();
    const StreamError &error() const;
    bool hasFailed() const;

    /// Starts over for a new stream (after STARTTLS or SASL success). Bytes already
    /// fed and not yet parsed are dropped: the peer sends nothing until the restart.
    void reset();

    /// Bytes fed since construction (for statistics and tests).
    qint64 bytesFed() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace chorus::xmpp
