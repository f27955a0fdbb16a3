#include "xmpp/RestrictedXmlReader_p.h"

#include <array>
#include <cstring>

using namespace Qt::StringLiterals;

// Character data: text runs between tags, references, line-end and attribute-value
// normalisation (XML 1.0 sections 2.11, 3.3.3, 4.1 and 4.6).

namespace chorus::xmpp::detail {
namespace {

// Per byte of a text run: is it other than XML white space, and does it need the
// slow path ('&' starts a reference, '\r' ends lines, ']' may start "]]>")?
enum : uchar { NotSpace = 1, Special = 2 };

constexpr std::array<uchar, 256> makeTextClasses()
{
    std::array<uchar, 256> classes {};
    for (int c = 0; c < 256; ++c)
        classes[size_t(c)] = NotSpace;
    classes[' '] = classes['\t'] = classes['\n'] = 0;
    classes['\r'] = Special;
    classes['&'] = NotSpace | Special;
    classes[']'] = NotSpace | Special;
    return classes;
}

constexpr std::array<uchar, 256> TextClasses = makeTextClasses();

int digitValue(char c, bool hex)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (hex && c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (hex && c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

// A text run inside a stanza, up to the next '<'.
RestrictedXmlReader::Step RestrictedXmlReader::text()
{
    const qint64 end = scanEnd();
    const qint64 from = std::max(m_scan, m_pos);
    const void *lt = from < end ? std::memchr(at(from), '<', size_t(end - from)) : nullptr;
    if (!lt) {
        m_scan = end;
        return starved();
    }
    const char *p = at(m_pos);
    const qsizetype size = static_cast<const char *>(lt) - p;
    uchar classes = 0;
    for (qsizetype i = 0; i < size; ++i)
        classes |= TextClasses[uchar(p[i])];
    // QXmlStreamReader reports a run as white space when it has only space characters
    // and no references; such a run after a child element is dropped.
    const bool whitespace = !(classes & NotSpace);
    if (!whitespace || m_stack.back().children().isEmpty()) {
        QString value;
        if (classes & Special) {
            if (Step step = decodeCharacters(p, size, false, value))
                return step;
        } else {
            value = utf8ToString(p, size);
        }
        addText(value, whitespace);
    }
    consume(m_pos + size);
    return std::nullopt;
}

void RestrictedXmlReader::addText(const QString &text, bool whitespace)
{
    detail::ElementData *current = m_stack.back().data();
    if (whitespace && !current->children.isEmpty())
        return;
    if (current->text.isEmpty())
        current->text = text;
    else
        current->text += text;
}

// Replaces references and normalises line ends (and, in attribute values, white space)
// in `size` bytes of character data.
RestrictedXmlReader::Step RestrictedXmlReader::decodeCharacters(const char *p, qsizetype size,
                                                                bool attribute, QString &out)
{
    m_scratch.clear();
    m_scratch.reserve(size_t(size));
    const char *const end = p + size;
    while (p < end) {
        const char c = *p;
        if (c == '&') {
            if (Step step = parseReference(p, end, m_scratch))
                return step;
            continue;
        }
        ++p;
        if (c == '\r') {
            if (p < end && *p == '\n')
                ++p;
            m_scratch += attribute ? ' ' : '\n';
        } else if (attribute && (c == '\n' || c == '\t')) {
            m_scratch += ' ';
        } else if (!attribute && c == ']' && end - p >= 2 && p[0] == ']' && p[1] == '>') {
            return failNotWellFormed(u"']]>' in character data"_s);
        } else {
            m_scratch += c;
        }
    }
    out = utf8ToString(m_scratch.data(), qsizetype(m_scratch.size()));
    return std::nullopt;
}

// The reference at `p` (on its '&'), ending before `end`: a character reference to a
// character XML allows, or one of the five predefined entities. Anything else with a
// name is an entity RFC 6120 forbids; anything without one is malformed.
RestrictedXmlReader::Step RestrictedXmlReader::parseReference(const char *&p, const char *end,
                                                              std::string &out)
{
    const char *q = p + 1;
    if (q < end && *q == '#') {
        const bool hex = ++q < end && *q == 'x';
        if (hex)
            ++q;
        const char *const digits = q;
        char32_t value = 0;
        for (; q < end && *q != ';'; ++q) {
            const int digit = digitValue(*q, hex);
            if (digit < 0)
                return failNotWellFormed(u"malformed character reference"_s);
            value = std::min<char32_t>(value * (hex ? 16 : 10) + char32_t(digit), 0x110000);
        }
        if (q == end || q == digits)
            return failNotWellFormed(u"malformed character reference"_s);
        if (!isXmlChar(value))
            return failNotWellFormed(u"a character reference to a character XML forbids"_s);
        appendUtf8(out, value);
        p = q + 1;
        return std::nullopt;
    }
    const char *const name = q;
    while (q < end && *q != ';' && !isXmlSpace(uchar(*q)) && *q != '&' && *q != '\'' && *q != '"')
        ++q;
    if (q == end || *q != ';' || q == name)
        return failNotWellFormed(u"malformed entity reference"_s);
    const std::string_view entity(name, size_t(q - name));
    char c = 0;
    if (entity == "lt")
        c = '<';
    else if (entity == "gt")
        c = '>';
    else if (entity == "amp")
        c = '&';
    else if (entity == "apos")
        c = '\'';
    else if (entity == "quot")
        c = '"';
    else
        return fail(StreamErrorCondition::RestrictedXml,
                    u"entity references other than the predefined ones are not allowed"_s);
    out += c;
    p = q + 1;
    return std::nullopt;
}

} // namespace chorus::xmpp::detail
