#pragma once

// Character-level rules of the restricted-XML reader: UTF-8 validation against the
// characters XML 1.0 allows, name characters, and UTF-8 encoding of references.

#include <QString>

#include <string>

namespace chorus::xmpp::detail {

/// XML 1.0 Char: tab, newline, carriage return and U+0020..U+10FFFF without the
/// surrogates, U+FFFE and U+FFFF.
constexpr bool isXmlChar(char32_t c)
{
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/// XML white space (S): space, tab, newline, carriage return.
constexpr bool isXmlSpace(uchar c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// May `c` begin a name part (XML 1.0 fourth edition Appendix B Letter, or '_')?
/// Matches what QXmlStreamReader accepts in element names; supplementary-plane
/// characters are never name characters there.
bool isNameStartChar(char32_t c);
/// May `c` continue a name part (Letter, Digit, CombiningChar, Extender, '.', '-', '_')?
bool isNameChar(char32_t c);

/// Decodes the UTF-8 sequence at `p` (known to be valid) and advances `p` past it.
inline char32_t decodeUtf8(const uchar *&p)
{
    const uchar b = *p++;
    if (b < 0x80)
        return b;
    if (b < 0xE0)
        return char32_t(b & 0x1F) << 6 | (*p++ & 0x3F);
    if (b < 0xF0) {
        char32_t c = char32_t(b & 0x0F) << 12 | char32_t(*p++ & 0x3F) << 6;
        return c | (*p++ & 0x3F);
    }
    char32_t c = char32_t(b & 0x07) << 18 | char32_t(*p++ & 0x3F) << 12;
    c |= char32_t(*p++ & 0x3F) << 6;
    return c | (*p++ & 0x3F);
}

/// Converts valid UTF-8 to a QString, keeping a leading U+FEFF (QString::fromUtf8
/// would take it for a byte order mark and drop it).
QString utf8ToString(const char *data, qsizetype size);

/// Appends `c` (a valid code point) to `out` as UTF-8.
void appendUtf8(std::string &out, char32_t c);

/// Checks a byte stream, chunk by chunk, for well-formed UTF-8 that encodes only XML
/// characters (no overlong forms, surrogates, C0 controls other than tab/LF/CR,
/// U+FFFE, U+FFFF or values above U+10FFFF). A sequence may straddle chunks.
class Utf8Validator
{
public:
    /// Checks `size` more bytes that start at stream offset `offset`. Returns the
    /// stream offset where the first bad sequence begins, or -1 when all is well so far.
    qint64 check(const char *data, qsizetype size, qint64 offset);
    void reset() { *this = Utf8Validator(); }
    /// Where the checked bytes end: `end`, or the start of a sequence still incomplete.
    qint64 checkedEnd(qint64 end) const { return m_need > 0 ? m_sequenceStart : end; }

private:
    int m_need = 0; ///< continuation bytes still expected
    char32_t m_code = 0;
    char32_t m_min = 0; ///< smallest value the sequence may encode (no overlong forms)
    qint64 m_sequenceStart = 0;
};

} // namespace chorus::xmpp::detail
