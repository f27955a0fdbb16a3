// libFuzzer target: xmpp::StreamParser against the former QXmlStreamReader-based parser
// (tests/support/ReferenceStreamParser) on arbitrary bytes. diffStreamParsers() runs
// both, in chunks and at once (and the new one in strict and reference-quirks mode),
// and reports any difference beyond the documented ones. (The round trip through
// Element::toXml is fuzz_streamparser's: it does not hold for white-space-only text
// next to child elements, which both parsers drop, and the seeds here have such text.)
// The first input byte picks the chunk size; the rest is the stream.
#include "StreamParserDiff.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const qsizetype chunk = 1 + data[0] % 97;
    const QByteArray input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    // Limits the reference checks exactly (its size check is approximate); the size
    // limit is fuzzed by fuzz_streamparser.
    chorus::xmpp::StreamParser::Limits limits;
    limits.maxStanzaBytes = 1 << 20;
    limits.maxDepth = 16;
    const chorus::test::DiffResult diff
        = chorus::test::diffStreamParsers(chorus::test::splitInput(input, {chunk}), limits);
    if (!diff.problem.isEmpty()) {
        std::fprintf(stderr, "parsers differ: %s\n", qPrintable(diff.problem));
        __builtin_trap();
    }
    return 0;
}
