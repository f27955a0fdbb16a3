#include "xmpp/Namespaces.h"
#include "xmpp/RestrictedXmlReader_p.h"

#include <algorithm>
#include <array>
#include <cstring>

using namespace Qt::StringLiterals;

// Start tags: a resumable lexer that records the element name and the attributes as
// offsets, then namespace resolution and the element itself; and the XML declaration.

namespace chorus::xmpp::detail {
namespace {

const QString XmlnsNamespace = u"http://www.w3.org/2000/xmlns/"_s;

enum TagState {
    ElementName, ///< in the element's qualified name
    AfterName, ///< after the element name or an attribute value: S, '/' or '>'
    BeforeAttribute, ///< after white space: more, an attribute name, '/' or '>'
    AttributeName,
    BeforeEquals,
    BeforeValue,
    InValue,
    AfterSlash,
};

enum : uchar { AsciiNameStart = 1, AsciiNameChar = 2 };

constexpr std::array<uchar, 256> makeAsciiNameClasses()
{
    std::array<uchar, 256> classes {};
    for (int c = 0; c < 128; ++c) {
        const bool start = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        if (start)
            classes[size_t(c)] = AsciiNameStart | AsciiNameChar;
        else if ((c >= '0' && c <= '9') || c == '-' || c == '.')
            classes[size_t(c)] = AsciiNameChar;
    }
    return classes;
}

constexpr std::array<uchar, 256> AsciiNameClasses = makeAsciiNameClasses();

bool isAsciiNameStart(uchar c)
{
    return AsciiNameClasses[c] & AsciiNameStart;
}

bool isAsciiNameChar(uchar c)
{
    return AsciiNameClasses[c] & AsciiNameChar;
}

// QXmlStreamReader lexes attribute names loosely: any character but its delimiters
// (and, first, its other punctuation and the digits). Only for ReaderOptions::referenceQuirks.
bool isQuirkNameChar(uchar c, bool first)
{
    if (c >= 0x80)
        return true;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || c == '@'
        || c == '\\' || c == '`' || c == '{' || c == '}' || c == '~' || c == 0x7F) {
        return true;
    }
    if (first)
        return c == '^';
    return (c >= '0' && c <= '9') || c == '-' || c == '.';
}

bool isEncodingName(const QByteArray &name)
{
    if (name.isEmpty()
        || !((name[0] >= 'a' && name[0] <= 'z') || (name[0] >= 'A' && name[0] <= 'Z')))
        return false;
    return std::all_of(name.begin() + 1, name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == '.' || c == '_' || c == '-';
    });
}

int utf8Length(uchar lead)
{
    return lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

} // namespace

RestrictedXmlReader::Step RestrictedXmlReader::startTag()
{
    const qint64 end = scanEnd();
    if (m_scan < 0) {
        m_scan = m_pos + 1;
        m_tagState = ElementName;
        m_name = QName();
        m_name.localStart = m_scan;
        m_rawAttributes.clear();
    }
    qint64 q = m_scan;
    while (q < end) {
        const uchar c = uchar(*at(q));
        switch (TagState(m_tagState)) {
        case ElementName:
        case AttributeName: {
            const bool element = m_tagState == ElementName;
            QName &name = element ? m_name : m_rawAttributes.back().name;
            const bool first = q == name.localStart;
            if (c == ':') {
                if (first || name.prefixSize > 0)
                    return failNotWellFormed(u"malformed name in a tag"_s);
                name.prefixStart = name.localStart;
                name.prefixSize = q - name.localStart;
                name.localStart = ++q;
                continue;
            }
            if (isXmlSpace(c) || c == '/' || c == '>' || c == '=') {
                if (first)
                    return failNotWellFormed(u"malformed name in a tag"_s);
                name.localSize = q - name.localStart;
                m_tagState = element ? AfterName : BeforeEquals;
                continue;
            }
            if (!element && m_options.referenceQuirks) {
                if (!isQuirkNameChar(c, first && name.prefixSize == 0))
                    return failNotWellFormed(u"malformed name in a tag"_s);
                ++q;
                continue;
            }
            if (c < 0x80) {
                if (!(first ? isAsciiNameStart(c) : isAsciiNameChar(c))) {
                    return fail(StreamErrorCondition::NotWellFormed, u"invalid XML name"_s,
                                element ? FailureKind::Other : FailureKind::StrictRule);
                }
                // The rest of an ASCII name in one go (names are mostly ASCII).
                ++q;
                while (q < end && isAsciiNameChar(uchar(*at(q))))
                    ++q;
                continue;
            }
            const int length = utf8Length(c);
            if (q + length > end) {
                m_scan = q;
                return starved();
            }
            auto *p = reinterpret_cast<const uchar *>(at(q));
            const char32_t code = decodeUtf8(p);
            if (!(first ? isNameStartChar(code) : isNameChar(code))) {
                return fail(StreamErrorCondition::NotWellFormed, u"invalid XML name"_s,
                            element ? FailureKind::Other : FailureKind::StrictRule);
            }
            q += length;
            continue;
        }
        case AfterName:
        case BeforeAttribute:
            if (isXmlSpace(c)) {
                m_tagState = BeforeAttribute;
            } else if (c == '/') {
                m_tagState = AfterSlash;
            } else if (c == '>') {
                return processStartTag(q, false);
            } else if (m_tagState == BeforeAttribute) {
                m_rawAttributes.push_back(RawAttribute());
                m_rawAttributes.back().name.localStart = q;
                m_tagState = AttributeName;
                continue;
            } else {
                return failNotWellFormed(u"malformed tag"_s);
            }
            ++q;
            continue;
        case BeforeEquals:
            if (c == '=')
                m_tagState = BeforeValue;
            else if (!isXmlSpace(c))
                return failNotWellFormed(u"malformed attribute"_s);
            ++q;
            continue;
        case BeforeValue:
            if (c == '\'' || c == '"') {
                m_quote = char(c);
                m_rawAttributes.back().valueStart = q + 1;
                m_tagState = InValue;
            } else if (!isXmlSpace(c)) {
                return failNotWellFormed(u"an attribute value is not quoted"_s);
            }
            ++q;
            continue;
        case InValue: {
            const char *from = at(q);
            const auto *quote
                = static_cast<const char *>(std::memchr(from, m_quote, size_t(end - q)));
            const char *until = quote ? quote : at(end);
            if (std::memchr(from, '<', size_t(until - from)))
                return failNotWellFormed(u"'<' in an attribute value"_s);
            q += until - from;
            if (!quote)
                break;
            m_rawAttributes.back().valueSize = q - m_rawAttributes.back().valueStart;
            m_tagState = AfterName;
            ++q;
            continue;
        }
        case AfterSlash:
            if (c != '>')
                return failNotWellFormed(u"malformed empty-element tag"_s);
            return processStartTag(q, true);
        }
    }
    m_scan = q;
    return starved();
}

bool RestrictedXmlReader::equals(qint64 pos, qint64 size, const char *literal) const
{
    return size_t(size) == std::strlen(literal) && std::memcmp(at(pos), literal, size_t(size)) == 0;
}

bool RestrictedXmlReader::resolvePrefix(qint64 pos, qint64 size, QString &uri) const
{
    if (size == 3 && equals(pos, size, "xml")) {
        uri = ns::Xml;
        return true;
    }
    for (auto it = m_declarations.rbegin(); it != m_declarations.rend(); ++it) {
        if (it->prefix.size() == size
            && (size == 0 || std::memcmp(it->prefix.constData(), at(pos), size_t(size)) == 0)) {
            uri = it->uri;
            return true;
        }
    }
    uri = QString();
    return size == 0; // no default namespace declared: none
}

// The value of `raw`, normalised; `intern` shares the string (for namespaces).
RestrictedXmlReader::Step RestrictedXmlReader::attributeValue(const RawAttribute &raw, QString &out,
                                                              bool intern)
{
    const char *p = at(raw.valueStart);
    const qsizetype size = qsizetype(raw.valueSize);
    for (qsizetype i = 0; i < size; ++i) {
        const char c = p[i];
        if (c == '&' || c == '\t' || c == '\n' || c == '\r')
            return decodeCharacters(p, size, true, out);
    }
    out = intern ? m_pool.intern(p, size) : utf8ToString(p, size);
    return std::nullopt;
}

// The tag from m_pos to the '>' at `gt` is lexically fine: resolve namespaces, check the
// attributes and open the element (or the stream).
RestrictedXmlReader::Step RestrictedXmlReader::processStartTag(qint64 gt, bool selfClosing)
{
    const size_t declarationsBefore = m_declarations.size();
    // Declarations first: they apply to the element's own name and attributes.
    for (RawAttribute &raw : m_rawAttributes) {
        const QName &n = raw.name;
        const bool prefixed = n.prefixSize > 0 && equals(n.prefixStart, n.prefixSize, "xmlns");
        raw.declaration
            = prefixed || (n.prefixSize == 0 && equals(n.localStart, n.localSize, "xmlns"));
        if (!raw.declaration)
            continue;
        QString uri;
        if (Step step = attributeValue(raw, uri, true))
            return step;
        const QByteArray prefix
            = prefixed ? QByteArray(at(n.localStart), n.localSize) : QByteArray();
        const bool illegal = prefixed ? (prefix == "xmlns" || (prefix == "xml") != (uri == ns::Xml)
                                         || uri == XmlnsNamespace || uri.isEmpty())
                                      : (uri == XmlnsNamespace || uri == ns::Xml);
        if (illegal)
            return failNotWellFormed(u"illegal namespace declaration"_s);
        if (!m_options.referenceQuirks) {
            for (size_t i = declarationsBefore; i < m_declarations.size(); ++i) {
                if (m_declarations[i].prefix == prefix) {
                    return fail(StreamErrorCondition::NotWellFormed,
                                u"a namespace prefix is declared twice on one element"_s,
                                FailureKind::StrictRule);
                }
            }
        }
        m_declarations.push_back(NamespaceDeclaration {prefix, uri});
    }

    QString elementNs;
    if (!resolvePrefix(m_name.prefixStart, m_name.prefixSize, elementNs))
        return failNotWellFormed(u"undeclared namespace prefix"_s);
    m_attributes.clear();
    for (const RawAttribute &raw : m_rawAttributes) {
        if (raw.declaration)
            continue;
        Attribute attribute;
        if (raw.name.prefixSize > 0
            && !resolvePrefix(raw.name.prefixStart, raw.name.prefixSize, attribute.ns)) {
            return failNotWellFormed(u"undeclared namespace prefix"_s);
        }
        attribute.name = m_pool.intern(at(raw.name.localStart), raw.name.localSize);
        if (Step step = attributeValue(raw, attribute.value))
            return step;
        m_attributes.push_back(std::move(attribute));
    }
    if (hasDuplicateAttribute())
        return failNotWellFormed(u"an attribute appears twice"_s);

    const QString name = m_pool.intern(at(m_name.localStart), m_name.localSize);
    const qint64 qnameStart = m_pos + 1;
    m_qnames.append(at(qnameStart), size_t(m_name.localStart + m_name.localSize - qnameStart));
    if (m_depth == 0)
        return openStream(name, elementNs, declarationsBefore, gt, selfClosing);

    if (m_depth > m_limits.maxDepth) {
        return fail(StreamErrorCondition::PolicyViolation,
                    u"elements nested deeper than %1 levels"_s.arg(m_limits.maxDepth));
    }
    ++m_depth;
    Element element(name, elementNs);
    detail::ElementData *data = element.data();
    if (!m_attributes.empty()) {
        data->attributes.reserve(qsizetype(m_attributes.size()));
        for (Attribute &a : m_attributes)
            data->attributes.append(std::move(a));
    }
    if (!m_stack.empty()) {
        // White space that only indented the parent's children is not its text.
        detail::ElementData *parent = m_stack.back().data();
        if (!parent->text.isEmpty() && QStringView(parent->text).trimmed().isEmpty())
            parent->text.clear();
    }
    m_stack.push_back(std::move(element));
    m_open.push_back(OpenElement {m_qnames.size(), declarationsBefore});
    consume(gt + 1);
    if (selfClosing)
        return closeElement();
    return std::nullopt;
}

bool RestrictedXmlReader::hasDuplicateAttribute() const
{
    const size_t n = m_attributes.size();
    if (n <= 16) {
        for (size_t i = 1; i < n; ++i) {
            for (size_t j = 0; j < i; ++j) {
                if (m_attributes[i].name == m_attributes[j].name
                    && m_attributes[i].ns == m_attributes[j].ns) {
                    return true;
                }
            }
        }
        return false;
    }
    // Many attributes (a hostile peer): sort instead of comparing every pair.
    std::vector<const Attribute *> sorted;
    sorted.reserve(n);
    for (const Attribute &a : m_attributes)
        sorted.push_back(&a);
    const auto less = [](const Attribute *a, const Attribute *b) {
        return a->name < b->name || (a->name == b->name && a->ns < b->ns);
    };
    std::sort(sorted.begin(), sorted.end(), less);
    for (size_t i = 1; i < n; ++i) {
        if (sorted[i]->name == sorted[i - 1]->name && sorted[i]->ns == sorted[i - 1]->ns)
            return true;
    }
    return false;
}

RestrictedXmlReader::Step RestrictedXmlReader::openStream(const QString &name, const QString &ns,
                                                          size_t declarationsBefore, qint64 gt,
                                                          bool selfClosing)
{
    if (name != u"stream" || ns != ns::Stream) {
        return fail(name == u"stream" ? StreamErrorCondition::InvalidNamespace
                                      : StreamErrorCondition::BadFormat,
                    u"the stream does not start with <stream:stream>"_s);
    }
    m_header = StreamHeader();
    for (const Attribute &a : m_attributes) {
        if (a.ns.isEmpty()) {
            if (a.name == u"from")
                m_header.from = a.value;
            else if (a.name == u"to")
                m_header.to = a.value;
            else if (a.name == u"id")
                m_header.id = a.value;
            else if (a.name == u"version")
                m_header.version = a.value;
        } else if (a.ns == ns::Xml && a.name == u"lang") {
            m_header.lang = a.value;
        }
    }
    for (size_t i = declarationsBefore; i < m_declarations.size(); ++i) {
        if (m_declarations[i].prefix.isEmpty())
            m_header.defaultNs = m_declarations[i].uri;
    }
    m_depth = 1;
    m_phase = Phase::Stream;
    m_windowStart = -1;
    m_open.push_back(OpenElement {m_qnames.size(), declarationsBefore});
    m_closeStreamNext = selfClosing;
    consume(gt + 1);
    return Status::Header;
}

// "<?xml" S ... "?>" from m_pos to `end`, as QXmlStreamReader reads it: version 1.0
// first, then an encoding name and standalone yes/no, in that order. The encoding is
// ignored: the stream is UTF-8 whatever it says.
RestrictedXmlReader::Step RestrictedXmlReader::xmlDeclaration(qint64 end)
{
    const char *p = at(m_pos + 5);
    const char *const e = at(end - 2);
    const auto space = [&] {
        const char *from = p;
        while (p < e && isXmlSpace(uchar(*p)))
            ++p;
        return p > from;
    };
    QByteArray name, value;
    const auto pseudoAttribute = [&] {
        const char *n = p;
        while (p < e && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
            ++p;
        name = QByteArray(n, p - n);
        space();
        if (p == e || *p != '=')
            return false;
        ++p;
        space();
        if (p == e || (*p != '\'' && *p != '"'))
            return false;
        const char quote = *p++;
        const char *v = p;
        while (p < e && *p != quote)
            ++p;
        if (p == e)
            return false;
        value = QByteArray(v, p - v);
        ++p;
        return true;
    };
    const auto malformed = [this] {
        return failNotWellFormed(u"malformed XML declaration"_s);
    };
    space();
    if (!pseudoAttribute() || name != "version")
        return malformed();
    if (value != "1.0")
        return failNotWellFormed(u"unsupported XML version"_s);
    bool encoding = false;
    bool standalone = false;
    for (;;) {
        const bool spaced = space();
        if (p == e)
            break;
        if (!spaced || !pseudoAttribute())
            return malformed();
        bool &seen = name == "encoding" ? encoding : standalone;
        if (name == "encoding") {
            if (standalone || !isEncodingName(value))
                return malformed();
        } else if (name != "standalone" || (value != "yes" && value != "no")) {
            return malformed();
        }
        if (seen && !m_options.referenceQuirks) {
            return fail(StreamErrorCondition::NotWellFormed,
                        u"repeated pseudo-attribute in the XML declaration"_s,
                        FailureKind::StrictRule);
        }
        seen = true;
    }
    consume(end);
    m_phase = Phase::Prolog;
    return std::nullopt;
}

} // namespace chorus::xmpp::detail
