#pragma once

// The engine behind xmpp::StreamParser: an incremental tokenizer for RFC 6120's
// restricted XML that builds Element trees straight from the UTF-8 bytes.

#include "xmpp/Element.h"
#include "xmpp/StreamError.h"
#include "xmpp/StreamParser.h"
#include "xmpp/XmlChars_p.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace chorus::xmpp::detail {

/// Options for tests. The reader is stricter than QXmlStreamReader in a few places
/// where QXmlStreamReader accepts XML that is not well-formed; `referenceQuirks`
/// accepts those too, so that a differential test can require identical results.
struct ReaderOptions
{
    /// Attribute names lexed as QXmlStreamReader does (any character but its
    /// delimiters, instead of XML names), repeated namespace declarations on one
    /// element (the last wins) and repeated XML declaration pseudo-attributes.
    bool referenceQuirks = false;
};

/// Why the reader failed, when a differential test needs to know more than the
/// stream error condition.
enum class FailureKind {
    None,
    Other,
    StrictRule, ///< a rule that ReaderOptions::referenceQuirks relaxes
    InvalidBytes, ///< malformed UTF-8 or a code point XML forbids
};

/// Shares one QString per distinct short name or namespace (they repeat in every
/// stanza). Direct-mapped: a collision replaces the slot, so a peer inventing names
/// cannot make it grow.
class NamePool
{
public:
    QString intern(const char *data, qsizetype size);

private:
    struct Slot
    {
        QByteArray bytes;
        QString string;
    };
    static constexpr size_t Slots = 512;
    std::array<Slot, Slots> m_slots;
};

/// See StreamParser for the contract; this class adds the test options.
class RestrictedXmlReader
{
public:
    using Status = StreamParser::Status;
    using Limits = StreamParser::Limits;

    explicit RestrictedXmlReader(Limits limits, ReaderOptions options = {});

    void feed(const QByteArray &data);
    Status next();
    const StreamHeader &header() const { return m_header; }
    Element takeElement() { return std::exchange(m_done, Element()); }
    const StreamError &error() const { return m_error; }
    bool hasFailed() const { return m_failed; }
    FailureKind failureKind() const { return m_failureKind; }
    void reset();
    qint64 bytesFed() const { return m_bytesFed; }

private:
    using Step = std::optional<Status>; // nullopt: one token done, keep going

    enum class Phase {
        DocumentStart, ///< byte order mark and XML declaration allowed
        Prolog, ///< white space until the <stream:stream> tag
        Stream, ///< inside the stream
        Ended, ///< after </stream:stream>
    };

    // A name as found in a tag: [prefix ':'] local, as stream offsets.
    struct QName
    {
        qint64 prefixStart = 0;
        qint64 prefixSize = 0;
        qint64 localStart = 0;
        qint64 localSize = 0;
    };
    struct RawAttribute
    {
        QName name;
        qint64 valueStart = 0;
        qint64 valueSize = 0;
        bool declaration = false; ///< xmlns or xmlns:prefix
    };
    struct NamespaceDeclaration
    {
        QByteArray prefix; ///< empty for the default namespace
        QString uri;
    };
    struct OpenElement
    {
        size_t qnameEnd; ///< end of its qualified name in m_qnames
        size_t declarationsBefore; ///< m_declarations.size() before its own
    };

    // RestrictedXmlReader.cpp: the token loop.
    Step documentStart();
    Step prolog();
    Step betweenStanzas();
    Step insideStanza();
    Step afterStreamEnd();
    Step markup();
    Step cdata();
    Step endTag();
    Step closeElement();
    Step starved();
    Status fail(StreamErrorCondition condition, const QString &text,
                FailureKind kind = FailureKind::Other);
    Status failNotWellFormed(const QString &what);
    void consume(qint64 to);
    int match(qint64 pos, qint64 end, const char *literal) const;

    // RestrictedXmlTags.cpp: start tags, namespaces, the XML declaration.
    Step startTag();
    Step processStartTag(qint64 gt, bool selfClosing);
    Step openStream(const QString &name, const QString &ns, size_t declarationsBefore, qint64 gt,
                    bool selfClosing);
    Step attributeValue(const RawAttribute &raw, QString &out, bool intern = false);
    bool resolvePrefix(qint64 pos, qint64 size, QString &uri) const;
    bool hasDuplicateAttribute() const;
    bool equals(qint64 pos, qint64 size, const char *literal) const;
    Step xmlDeclaration(qint64 end);

    // RestrictedXmlText.cpp: character data and references.
    Step text();
    void addText(const QString &text, bool whitespace);
    Step decodeCharacters(const char *p, qsizetype size, bool attribute, QString &out);
    Step parseReference(const char *&p, const char *end, std::string &out);

    const char *at(qint64 offset) const { return m_buffer.constData() + (offset - m_base); }
    qint64 bufferEnd() const { return m_base + m_buffer.size(); }
    qint64 scanEnd() const;

    Limits m_limits;
    ReaderOptions m_options;
    Phase m_phase = Phase::DocumentStart;

    // Input: m_buffer holds the stream from offset m_base; m_pos is the next byte to
    // parse. Offsets count bytes since construction, so they survive compaction.
    QByteArray m_buffer;
    qint64 m_base = 0;
    qint64 m_pos = 0;
    qint64 m_bytesFed = 0;
    Utf8Validator m_validator;
    qint64 m_invalidAt = -1; ///< where the first bad byte sequence begins, once fed

    // The token being scanned: where to resume, and the tag scanner's state.
    qint64 m_scan = -1;
    int m_tagState = 0;
    char m_quote = 0;

    // What the current top-level unit (prolog + stream tag, or one stanza) may span.
    qint64 m_windowStart = 0;

    int m_depth = 0; ///< 0 before the header, 1 inside the stream, 2+ inside a stanza
    bool m_closeStreamNext = false; ///< the stream tag was <stream:stream/>
    QName m_name; ///< the element name of the tag being lexed
    std::vector<Element> m_stack;
    std::vector<OpenElement> m_open;
    std::string m_qnames; ///< qualified names of the open elements, back to back
    std::vector<NamespaceDeclaration> m_declarations;
    std::vector<RawAttribute> m_rawAttributes;
    std::vector<Attribute> m_attributes;
    std::string m_scratch;
    NamePool m_pool;

    StreamHeader m_header;
    StreamError m_error;
    FailureKind m_failureKind = FailureKind::None;
    bool m_failed = false;
    Element m_done;
};

} // namespace chorus::xmpp::detail
