// libFuzzer target: xmpp::StreamParser on arbitrary bytes (what a hostile server can
// send). Beyond "no crash, no leak, no undefined behaviour" it checks two properties:
// - feeding the same bytes in small chunks yields the same elements as feeding them
//   at once (one list is a prefix of the other, and equal when neither failed);
// - every element serialises (Element::toXml) to XML that parses back to it.
// The first input byte picks the chunk size; the rest is the stream.
#include "xmpp/Element.h"
#include "xmpp/StreamParser.h"

#include <QByteArray>
#include <QList>

#include <cstddef>
#include <cstdint>

using chorus::xmpp::Element;
using chorus::xmpp::StreamParser;

namespace {

struct Outcome
{
    QList<Element> elements;
    bool failed = false;
};

Outcome parse(const QByteArray &input, qsizetype chunk)
{
    // Small limits, so that the size and depth checks are reached.
    StreamParser::Limits limits;
    limits.maxStanzaBytes = 4096;
    limits.maxDepth = 16;
    StreamParser parser(limits);
    Outcome out;
    for (qsizetype off = 0; off < input.size(); off += chunk) {
        parser.feed(input.mid(off, chunk));
        for (;;) {
            const StreamParser::Status status = parser.next();
            if (status == StreamParser::Status::Element) {
                out.elements.append(parser.takeElement());
            } else if (status == StreamParser::Status::Header) {
                continue;
            } else if (status == StreamParser::Status::Error) {
                out.failed = true;
                return out;
            } else if (status == StreamParser::Status::StreamEnd) {
                return out;
            } else {
                break;
            }
        }
    }
    return out;
}

bool isPrefix(const QList<Element> &shorter, const QList<Element> &longer)
{
    if (shorter.size() > longer.size())
        return false;
    for (qsizetype i = 0; i < shorter.size(); ++i) {
        if (shorter[i] != longer[i])
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const qsizetype chunk = 1 + data[0] % 97;
    const QByteArray input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    const Outcome whole = parse(input, qMax<qsizetype>(1, input.size()));
    const Outcome pieces = parse(input, chunk);
    // QXmlStreamReader decodes all it is given up front, so an error late in the
    // input can stop the whole-input run before elements the chunked run still sees
    // (and size limits are checked per read): only prefixes must agree.
    if (!isPrefix(whole.elements, pieces.elements) && !isPrefix(pieces.elements, whole.elements))
        __builtin_trap();
    if (!whole.failed && !pieces.failed && whole.elements != pieces.elements)
        __builtin_trap();

    for (const Element &element : whole.elements) {
        const auto back = Element::fromXml(element.toXml());
        if (!back || *back != element)
            __builtin_trap();
    }
    return 0;
}
