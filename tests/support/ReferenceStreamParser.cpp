#include "ReferenceStreamParser.h"

#include "xmpp/Namespaces.h"

#include <QXmlStreamEntityResolver>
#include <QXmlStreamReader>

#include <algorithm>
#include <array>
#include <vector>

using namespace Qt::StringLiterals;

// This is the QXmlStreamReader-based parser as it was when the hand-written tokenizer
// replaced it; keep it unchanged so that it stays a fixed reference.

namespace chorus::test {
using namespace chorus::xmpp;
namespace {

// QXmlStreamReader asks this for entities it does not know; any such reference
// makes the stream fail with restricted-xml (predefined and character references
// never get here).
class UndeclaredEntityTrap : public QXmlStreamEntityResolver
{
public:
    QString resolveUndeclaredEntity(const QString &) override
    {
        hit = true;
        return {};
    }
    bool hit = false;
};

// Element names, namespaces and attribute names repeat in every stanza; sharing one
// QString per distinct value saves an allocation each time. A small direct-mapped
// table keyed by a cheap hash (length and three characters): a hit costs one
// comparison, a collision just replaces the slot, so a peer inventing names cannot
// make it grow.
class StringPool
{
public:
    QString intern(QStringView s)
    {
        const qsizetype n = s.size();
        if (n == 0)
            return QString();
        if (n > 64)
            return s.toString();
        const char16_t *p = s.utf16();
        const size_t slot = (size_t(n) * 31 + p[0] * 7 + p[n / 2] * 3 + p[n - 1]) % Slots;
        QString &cached = m_slots[slot];
        if (cached.size() == n && QStringView(cached) == s)
            return cached;
        cached = s.toString();
        return cached;
    }

private:
    static constexpr size_t Slots = 509; // prime: spreads the simple hash
    std::array<QString, Slots> m_slots;
};

} // namespace

struct ReferenceStreamParser::Private
{
    explicit Private(Limits l) : limits(l) { start(); }

    void start()
    {
        reader.clear();
        reader.setEntityResolver(&trap);
        // Locks the decoder to UTF-8: an encoding declaration or a UTF-16 byte order
        // mark can then no longer switch it, and malformed UTF-8 is an error.
        reader.addData(QString());
        trap.hit = false;
        header = StreamHeader();
        depth = 0;
        stack.clear();
        anchorBytes = bytesFed;
        stanzaStartChars = 0;
        lastTokenEnd = 0;
    }

    Status fail(StreamErrorCondition condition, const QString &text)
    {
        failed = true;
        error = StreamError {condition, text};
        return Status::Error;
    }

    Status parse();
    Status startElement();
    Status endElement();
    Status characters();
    bool overLimit(bool allInputParsed) const;

    Limits limits;
    QXmlStreamReader reader;
    UndeclaredEntityTrap trap;
    StringPool pool;
    StreamHeader header;
    StreamError error;
    bool failed = false;
    int depth = 0; ///< 0 before the header, 1 inside the stream, 2+ inside a stanza
    std::vector<Element> stack;
    Element done;
    qint64 bytesFed = 0;
    qint64 anchorBytes = 0; ///< bytesFed when the last top-level boundary was seen
    qint64 stanzaStartChars = 0; ///< reader offset where the open stanza began
    qint64 lastTokenEnd = 0;
};

bool ReferenceStreamParser::Private::overLimit(bool allInputParsed) const
{
    // Two lower bounds of the open stanza's size in bytes: the characters parsed since
    // it began (a UTF-16 unit never comes from less than one byte), and, once the
    // reader has taken in everything fed, the bytes received after the read in which
    // it began (all of them belong to it then; before that, bytes of later stanzas
    // in the same read would be counted too).
    qint64 size = depth >= 2 ? reader.characterOffset() - stanzaStartChars : 0;
    if (allInputParsed)
        size = std::max(size, bytesFed - anchorBytes);
    return size > limits.maxStanzaBytes;
}

ReferenceStreamParser::Status ReferenceStreamParser::Private::startElement()
{
    if (depth == 0) {
        if (reader.name() != u"stream" || reader.namespaceUri() != ns::Stream) {
            return fail(reader.name() == u"stream" ? StreamErrorCondition::InvalidNamespace
                                                   : StreamErrorCondition::BadFormat,
                        u"the stream does not start with <stream:stream>"_s);
        }
        const QXmlStreamAttributes attrs = reader.attributes();
        header.from = attrs.value(QLatin1StringView("from")).toString();
        header.to = attrs.value(QLatin1StringView("to")).toString();
        header.id = attrs.value(QLatin1StringView("id")).toString();
        header.version = attrs.value(QLatin1StringView("version")).toString();
        header.lang = attrs.value(ns::Xml, u"lang"_s).toString();
        for (const QXmlStreamNamespaceDeclaration &decl : reader.namespaceDeclarations()) {
            if (decl.prefix().isEmpty())
                header.defaultNs = decl.namespaceUri().toString();
        }
        depth = 1;
        anchorBytes = bytesFed;
        return Status::Header;
    }
    if (depth == 1)
        stanzaStartChars = lastTokenEnd;
    ++depth;
    if (depth - 1 > limits.maxDepth) {
        return fail(StreamErrorCondition::PolicyViolation,
                    u"elements nested deeper than %1 levels"_s.arg(limits.maxDepth));
    }
    Element element(pool.intern(reader.name()), pool.intern(reader.namespaceUri()));
    detail::ElementData *data = element.data();
    const QXmlStreamAttributes attrs = reader.attributes();
    if (!attrs.isEmpty()) {
        data->attributes.reserve(attrs.size());
        for (const QXmlStreamAttribute &a : attrs) {
            data->attributes.append(
                Attribute {pool.intern(a.name()), a.value().toString(),
                           a.namespaceUri().isEmpty() ? QString() : pool.intern(a.namespaceUri())});
        }
    }
    if (!stack.empty()) {
        // Whitespace that only indented the parent's children is not its text.
        detail::ElementData *parent = stack.back().data();
        if (!parent->text.isEmpty() && QStringView(parent->text).trimmed().isEmpty())
            parent->text.clear();
    } else {
        anchorBytes = bytesFed;
    }
    stack.push_back(std::move(element));
    return Status::NeedMoreData; // keep going
}

ReferenceStreamParser::Status ReferenceStreamParser::Private::endElement()
{
    if (depth == 1) {
        depth = 0;
        return Status::StreamEnd;
    }
    if (overLimit(false)) {
        return fail(StreamErrorCondition::PolicyViolation,
                    u"a stanza is larger than %1 bytes"_s.arg(limits.maxStanzaBytes));
    }
    --depth;
    Element element = std::move(stack.back());
    stack.pop_back();
    if (stack.empty()) {
        done = std::move(element);
        anchorBytes = bytesFed;
        return Status::Element;
    }
    stack.back().data()->children.append(std::move(element));
    return Status::NeedMoreData;
}

ReferenceStreamParser::Status ReferenceStreamParser::Private::characters()
{
    if (depth <= 1) {
        // Between stanzas only whitespace (keepalives) is allowed.
        if (!reader.isWhitespace())
            return fail(StreamErrorCondition::BadFormat, u"text outside of a stanza"_s);
        anchorBytes = bytesFed;
        return Status::NeedMoreData;
    }
    detail::ElementData *current = stack.back().data();
    if (reader.isWhitespace() && !current->children.isEmpty())
        return Status::NeedMoreData;
    current->text += reader.text();
    if (overLimit(false)) {
        return fail(StreamErrorCondition::PolicyViolation,
                    u"a stanza is larger than %1 bytes"_s.arg(limits.maxStanzaBytes));
    }
    return Status::NeedMoreData;
}

ReferenceStreamParser::Status ReferenceStreamParser::Private::parse()
{
    if (failed)
        return Status::Error;
    for (;;) {
        const QXmlStreamReader::TokenType token = reader.readNext();
        if (trap.hit) {
            return fail(StreamErrorCondition::RestrictedXml,
                        u"entity references other than the predefined ones are not allowed"_s);
        }
        Status status = Status::NeedMoreData;
        switch (token) {
        case QXmlStreamReader::StartDocument:
            break;
        case QXmlStreamReader::StartElement:
            status = startElement();
            break;
        case QXmlStreamReader::EndElement:
            status = endElement();
            break;
        case QXmlStreamReader::Characters:
            status = characters();
            break;
        case QXmlStreamReader::Comment:
            return fail(StreamErrorCondition::RestrictedXml, u"comments are not allowed"_s);
        case QXmlStreamReader::ProcessingInstruction:
            return fail(StreamErrorCondition::RestrictedXml,
                        u"processing instructions are not allowed"_s);
        case QXmlStreamReader::DTD:
        case QXmlStreamReader::EntityReference:
            return fail(StreamErrorCondition::RestrictedXml,
                        u"document type declarations are not allowed"_s);
        case QXmlStreamReader::EndDocument:
            return Status::StreamEnd;
        case QXmlStreamReader::NoToken:
        case QXmlStreamReader::Invalid:
            if (reader.error() == QXmlStreamReader::PrematureEndOfDocumentError) {
                if (overLimit(true)) {
                    return fail(StreamErrorCondition::PolicyViolation,
                                u"a stanza is larger than %1 bytes"_s.arg(limits.maxStanzaBytes));
                }
                return Status::NeedMoreData;
            }
            return fail(StreamErrorCondition::NotWellFormed, reader.errorString());
        }
        lastTokenEnd = reader.characterOffset();
        if (status != Status::NeedMoreData)
            return status;
    }
}

ReferenceStreamParser::ReferenceStreamParser() : ReferenceStreamParser(Limits())
{
}

ReferenceStreamParser::ReferenceStreamParser(Limits limits) : d(std::make_unique<Private>(limits))
{
}

ReferenceStreamParser::~ReferenceStreamParser() = default;

void ReferenceStreamParser::feed(const QByteArray &data)
{
    if (d->failed || data.isEmpty())
        return;
    d->bytesFed += data.size();
    d->reader.addData(data);
}

ReferenceStreamParser::Status ReferenceStreamParser::next()
{
    return d->parse();
}

const StreamHeader &ReferenceStreamParser::header() const
{
    return d->header;
}

Element ReferenceStreamParser::takeElement()
{
    return std::exchange(d->done, Element());
}

const StreamError &ReferenceStreamParser::error() const
{
    return d->error;
}

bool ReferenceStreamParser::hasFailed() const
{
    return d->failed;
}

void ReferenceStreamParser::reset()
{
    d->failed = false;
    d->error = StreamError();
    d->done = Element();
    d->start();
}

} // namespace chorus::test
