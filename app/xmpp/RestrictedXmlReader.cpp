#include "xmpp/RestrictedXmlReader_p.h"

#include <algorithm>
#include <cstring>
#include <limits>

using namespace Qt::StringLiterals;

// How the reader works: feed() appends to one byte buffer and checks the new bytes for
// valid UTF-8 and XML characters right away (the first bad byte becomes a barrier that
// parsing never crosses). next() then takes one token at a time from the buffer: it
// finds where the token ends (resuming, not restarting, when a token arrives in
// pieces, so a byte-by-byte peer costs linear time), checks it completely, and builds
// elements from it. A token is never read beyond the current unit's size window (the
// prolog and stream tag, or one stanza), which bounds what is buffered.

namespace chorus::xmpp::detail {

QString NamePool::intern(const char *data, qsizetype size)
{
    if (size == 0)
        return QString();
    if (size > 128)
        return utf8ToString(data, size);
    // A cheap hash (length and a few bytes): a collision only costs a conversion.
    const auto *p = reinterpret_cast<const uchar *>(data);
    const size_t hash = size_t(size) * 131 + p[0] * 31 + p[size / 2] * 7 + p[size * 3 / 4] * 3
        + p[size - 1] + p[size - 2 >= 0 ? size - 2 : 0] * 17;
    Slot &slot = m_slots[hash % Slots];
    if (slot.bytes.size() == size && std::memcmp(slot.bytes.constData(), data, size) == 0)
        return slot.string;
    slot.bytes = QByteArray(data, size);
    slot.string = utf8ToString(data, size);
    return slot.string;
}

RestrictedXmlReader::RestrictedXmlReader(Limits limits, ReaderOptions options)
    : m_limits(limits), m_options(options)
{
}

void RestrictedXmlReader::reset()
{
    m_phase = Phase::DocumentStart;
    m_buffer.clear();
    m_base = m_pos = m_bytesFed;
    m_validator.reset();
    m_invalidAt = -1;
    m_scan = -1;
    m_tagState = 0;
    m_windowStart = m_bytesFed;
    m_depth = 0;
    m_closeStreamNext = false;
    m_stack.clear();
    m_open.clear();
    m_qnames.clear();
    m_declarations.clear();
    m_header = StreamHeader();
    m_error = StreamError();
    m_failureKind = FailureKind::None;
    m_failed = false;
    m_done = Element();
}

void RestrictedXmlReader::feed(const QByteArray &data)
{
    if (m_failed || data.isEmpty())
        return;
    const qint64 offset = m_bytesFed;
    m_bytesFed += data.size();
    if (m_invalidAt >= 0)
        return; // nothing after a bad byte can ever be parsed
    qsizetype keep = data.size();
    const qint64 bad = m_validator.check(data.constData(), data.size(), offset);
    if (bad >= 0) {
        // The bad sequence may have begun in an earlier chunk.
        m_invalidAt = bad;
        keep = qsizetype(std::max<qint64>(0, bad - offset));
    }
    if (m_pos == bufferEnd() && keep == data.size()) {
        m_buffer = data; // nothing pending: share the caller's bytes
        m_base = offset;
        return;
    }
    if (m_pos > m_base) {
        m_buffer.remove(0, m_pos - m_base);
        m_base = m_pos;
    }
    if (keep > 0)
        m_buffer.append(data.constData(), keep);
}

qint64 RestrictedXmlReader::scanEnd() const
{
    // Only bytes of complete, checked UTF-8 sequences are ever looked at, so that where
    // the chunks end cannot change what a token is found to be.
    qint64 end = m_validator.checkedEnd(bufferEnd());
    if (m_invalidAt >= 0)
        end = std::min(end, m_invalidAt);
    if (m_windowStart >= 0)
        end = std::min(end, m_windowStart + m_limits.maxStanzaBytes);
    return end;
}

RestrictedXmlReader::Status RestrictedXmlReader::next()
{
    if (m_failed)
        return Status::Error;
    for (;;) {
        Step step;
        switch (m_phase) {
        case Phase::DocumentStart:
            step = documentStart();
            break;
        case Phase::Prolog:
            step = prolog();
            break;
        case Phase::Stream:
            step = m_depth == 1 ? betweenStanzas() : insideStanza();
            break;
        case Phase::Ended:
            step = afterStreamEnd();
            break;
        }
        if (step)
            return *step;
    }
}

RestrictedXmlReader::Status RestrictedXmlReader::fail(StreamErrorCondition condition,
                                                      const QString &text, FailureKind kind)
{
    m_failed = true;
    m_failureKind = kind;
    m_error = StreamError {condition, text};
    m_stack.clear();
    m_buffer.clear();
    return Status::Error;
}

RestrictedXmlReader::Status RestrictedXmlReader::failNotWellFormed(const QString &what)
{
    return fail(StreamErrorCondition::NotWellFormed, what);
}

void RestrictedXmlReader::consume(qint64 to)
{
    m_pos = to;
    m_scan = -1;
    m_tagState = 0;
}

// The token at m_pos does not end before scanEnd(): wait for more bytes, unless what
// stops it is a bad byte or the size window.
RestrictedXmlReader::Step RestrictedXmlReader::starved()
{
    const qint64 windowEnd = m_windowStart >= 0 ? m_windowStart + m_limits.maxStanzaBytes
                                                : std::numeric_limits<qint64>::max();
    if (m_invalidAt >= 0 && m_invalidAt <= windowEnd) {
        return fail(StreamErrorCondition::NotWellFormed,
                    u"the stream is not UTF-8 or has a character XML does not allow"_s,
                    FailureKind::InvalidBytes);
    }
    if (bufferEnd() > windowEnd) {
        return fail(StreamErrorCondition::PolicyViolation,
                    (m_depth == 0 ? u"the stream header is larger than %1 bytes"_s
                                  : u"a stanza is larger than %1 bytes"_s)
                        .arg(m_limits.maxStanzaBytes));
    }
    return Status::NeedMoreData;
}

// 1 when the bytes at `pos` are `literal`, 0 when they are not, -1 when the bytes
// before `end` match but are too few to tell.
int RestrictedXmlReader::match(qint64 pos, qint64 end, const char *literal) const
{
    const qsizetype size = qsizetype(std::strlen(literal));
    const qsizetype available = qsizetype(std::min<qint64>(size, end - pos));
    if (std::memcmp(at(pos), literal, available) != 0)
        return 0;
    return available == size ? 1 : -1;
}

RestrictedXmlReader::Step RestrictedXmlReader::documentStart()
{
    const qint64 end = scanEnd();
    if (m_pos == m_windowStart) {
        // A UTF-8 byte order mark is skipped, as QXmlStreamReader does.
        const int bom = match(m_pos, end, "\xEF\xBB\xBF");
        if (bom < 0)
            return starved();
        if (bom > 0)
            m_pos += 3;
    }
    const int declaration = match(m_pos, end, "<?xml");
    if (declaration < 0)
        return starved();
    if (declaration == 0 || (m_pos + 5 < end && !isXmlSpace(*at(m_pos + 5)))) {
        m_phase = Phase::Prolog; // no declaration (a "<?xml-..." is a processing instruction)
        return std::nullopt;
    }
    if (m_pos + 5 >= end)
        return starved();
    qint64 q = std::max(m_scan, m_pos + 6);
    for (; q + 1 < end; ++q) {
        const char c = *at(q);
        if (c == '?' && *at(q + 1) == '>')
            return xmlDeclaration(q + 2);
        if (c == '<')
            return failNotWellFormed(u"malformed XML declaration"_s);
    }
    m_scan = q;
    return starved();
}

RestrictedXmlReader::Step RestrictedXmlReader::prolog()
{
    const qint64 end = scanEnd();
    while (m_pos < end && isXmlSpace(*at(m_pos)))
        ++m_pos;
    if (m_pos == end)
        return starved();
    if (*at(m_pos) != '<')
        return failNotWellFormed(u"text before the stream header"_s);
    return markup();
}

RestrictedXmlReader::Step RestrictedXmlReader::betweenStanzas()
{
    if (m_closeStreamNext) { // <stream:stream/>
        m_closeStreamNext = false;
        return closeElement();
    }
    // White space (keepalives) is dropped as it comes; it never counts towards a stanza.
    const qint64 end = scanEnd();
    while (m_pos < end && isXmlSpace(*at(m_pos)))
        ++m_pos;
    if (m_pos == end)
        return starved();
    if (*at(m_pos) != '<')
        return fail(StreamErrorCondition::BadFormat, u"text outside of a stanza"_s);
    m_windowStart = m_pos;
    return markup();
}

RestrictedXmlReader::Step RestrictedXmlReader::insideStanza()
{
    const qint64 end = scanEnd();
    if (m_pos == end)
        return starved();
    return *at(m_pos) == '<' ? markup() : text();
}

RestrictedXmlReader::Step RestrictedXmlReader::afterStreamEnd()
{
    const qint64 end = scanEnd();
    while (m_pos < end && isXmlSpace(*at(m_pos)))
        ++m_pos;
    if (m_pos == end)
        return starved();
    return failNotWellFormed(u"data after the end of the stream"_s);
}

// At a '<': what follows decides the kind of token.
RestrictedXmlReader::Step RestrictedXmlReader::markup()
{
    const qint64 end = scanEnd();
    if (m_pos + 1 >= end)
        return starved();
    const char c = *at(m_pos + 1);
    if (c == '/')
        return endTag();
    if (c == '?') {
        return fail(StreamErrorCondition::RestrictedXml,
                    u"processing instructions are not allowed"_s);
    }
    if (c != '!')
        return startTag();
    if (m_pos + 2 >= end)
        return starved();
    if (*at(m_pos + 2) == '-') {
        const int comment = match(m_pos, end, "<!--");
        if (comment < 0)
            return starved();
        if (comment == 0)
            return failNotWellFormed(u"malformed comment"_s);
        return fail(StreamErrorCondition::RestrictedXml, u"comments are not allowed"_s);
    }
    if (*at(m_pos + 2) != '[') {
        return fail(StreamErrorCondition::RestrictedXml,
                    u"document type declarations are not allowed"_s);
    }
    const int section = match(m_pos, end, "<![CDATA[");
    if (section < 0)
        return starved();
    if (section == 0)
        return failNotWellFormed(u"malformed CDATA section"_s);
    if (m_depth == 1)
        return fail(StreamErrorCondition::BadFormat, u"text outside of a stanza"_s);
    if (m_depth == 0)
        return failNotWellFormed(u"a CDATA section before the stream header"_s);
    return cdata();
}

RestrictedXmlReader::Step RestrictedXmlReader::cdata()
{
    const qint64 end = scanEnd();
    const qint64 contentStart = m_pos + 9;
    qint64 q = std::max(m_scan, contentStart);
    while (q + 2 < end) {
        const void *bracket = std::memchr(at(q), ']', size_t(end - 2 - q));
        if (!bracket) {
            q = end - 2;
            break;
        }
        q += static_cast<const char *>(bracket) - at(q);
        if (*at(q + 1) == ']' && *at(q + 2) == '>') {
            const char *content = at(contentStart);
            const qsizetype size = qsizetype(q - contentStart);
            QString value;
            if (std::memchr(content, '\r', size_t(size))) {
                // Line ends are normalised in CDATA sections too (XML 1.0 section 2.11).
                m_scratch.clear();
                for (qsizetype i = 0; i < size; ++i) {
                    if (content[i] != '\r') {
                        m_scratch += content[i];
                    } else {
                        m_scratch += '\n';
                        if (i + 1 < size && content[i + 1] == '\n')
                            ++i;
                    }
                }
                value = utf8ToString(m_scratch.data(), qsizetype(m_scratch.size()));
            } else {
                value = utf8ToString(content, size);
            }
            addText(value, false);
            consume(q + 3);
            return std::nullopt;
        }
        ++q;
    }
    m_scan = std::max(contentStart, q);
    return starved();
}

RestrictedXmlReader::Step RestrictedXmlReader::endTag()
{
    const qint64 end = scanEnd();
    qint64 q = std::max(m_scan, m_pos + 2);
    for (; q < end; ++q) {
        const char c = *at(q);
        if (c == '>')
            break;
        if (c == '<')
            return failNotWellFormed(u"malformed end tag"_s);
    }
    if (q >= end) {
        m_scan = q;
        return starved();
    }
    if (m_depth == 0)
        return failNotWellFormed(u"an end tag before the stream header"_s);
    qint64 nameEnd = m_pos + 2;
    while (nameEnd < q && !isXmlSpace(*at(nameEnd)))
        ++nameEnd;
    for (qint64 k = nameEnd; k < q; ++k) {
        if (!isXmlSpace(*at(k)))
            return failNotWellFormed(u"malformed end tag"_s);
    }
    const size_t start = m_open.size() >= 2 ? m_open[m_open.size() - 2].qnameEnd : 0;
    const size_t size = m_open.back().qnameEnd - start;
    if (size_t(nameEnd - m_pos - 2) != size
        || std::memcmp(at(m_pos + 2), m_qnames.data() + start, size) != 0) {
        return failNotWellFormed(u"an end tag does not match the open element"_s);
    }
    consume(q + 1);
    return closeElement();
}

RestrictedXmlReader::Step RestrictedXmlReader::closeElement()
{
    m_declarations.resize(m_open.back().declarationsBefore);
    m_open.pop_back();
    m_qnames.resize(m_open.empty() ? 0 : m_open.back().qnameEnd);
    if (m_depth == 1) {
        m_depth = 0;
        m_phase = Phase::Ended;
        m_windowStart = -1;
        return Status::StreamEnd;
    }
    --m_depth;
    Element element = std::move(m_stack.back());
    m_stack.pop_back();
    if (m_stack.empty()) {
        m_done = std::move(element);
        m_windowStart = -1;
        return Status::Element;
    }
    m_stack.back().data()->children.append(std::move(element));
    return std::nullopt;
}

} // namespace chorus::xmpp::detail
