// Replays a recorded-style server stream from memory through xmpp::StreamParser on one
// core (the calling thread) and prints throughput. Last line:
//   {"mb_per_s": ..., "stanzas_per_s": ..., "presence_stanzas_per_s": ..., ...}
// Targets: >= 100 MB/s and >= 50k presence stanzas/s.
//
// Rates are per second of this thread's CPU time (best of several runs), so that other
// processes on a shared machine do not distort them; wall-clock rates are printed too.
// For reference, on the same bytes: "reference_mb_per_s" is the QXmlStreamReader-based
// parser Chorus had before its own tokenizer (tests/support/ReferenceStreamParser), and
// "reader_only_mb_per_s" QXmlStreamReader alone (tokens, no element trees), which was
// that parser's ceiling. Compare figures from one run: this machine's speed varies.
#include "ReferenceStreamParser.h"
#include "SampleStream.h"

#include "xmpp/StreamParser.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QXmlStreamReader>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>

using chorus::xmpp::StreamParser;

namespace {

constexpr qsizetype Chunk = 16 * 1024; // what one socket read typically delivers

double threadCpuSeconds()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

struct Run
{
    double cpu = 1e9;
    double wall = 1e9;
    int elements = 0;
};

// Best CPU and best wall time over `rounds` runs of `body`.
Run best(int rounds, const std::function<int()> &body)
{
    Run fastest;
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer wall;
        wall.start();
        const double cpu0 = threadCpuSeconds();
        const int elements = body();
        fastest.cpu = std::min(fastest.cpu, threadCpuSeconds() - cpu0);
        fastest.wall = std::min(fastest.wall, wall.nsecsElapsed() / 1e9);
        fastest.elements = elements;
    }
    return fastest;
}

template<typename Parser = StreamParser>
int parseStream(const QByteArray &header, const QByteArray &body)
{
    Parser parser;
    int elements = 0;
    parser.feed(header);
    for (qsizetype off = 0; off < body.size(); off += Chunk) {
        parser.feed(body.mid(off, Chunk));
        for (;;) {
            const auto status = parser.next();
            if (status == StreamParser::Status::Element) {
                parser.takeElement();
                ++elements;
            } else if (status == StreamParser::Status::Error) {
                std::fprintf(stderr, "parse error: %s\n", qPrintable(parser.error().text));
                std::exit(1);
            } else if (status != StreamParser::Status::Header) {
                break;
            }
        }
    }
    return elements;
}

int readerOnly(const QByteArray &header, const QByteArray &body)
{
    QXmlStreamReader reader;
    reader.addData(QString()); // UTF-8 only, as the parser does
    reader.addData(header);
    int depth = 0, elements = 0;
    for (qsizetype off = 0; off < body.size(); off += Chunk) {
        reader.addData(body.mid(off, Chunk));
        while (!reader.atEnd()) {
            const auto token = reader.readNext();
            if (token == QXmlStreamReader::StartElement) {
                ++depth;
                (void)reader.attributes();
            } else if (token == QXmlStreamReader::EndElement) {
                if (--depth == 1)
                    ++elements;
            }
        }
    }
    return elements;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // 40 rooms x 60 occupants, 60 archived and 60 live messages per room (4 MB).
    const auto sample = chorus::bench::makeSampleStream(40, 60, 60);
    constexpr int Rounds = 9;
    const Run mixed = best(Rounds, [&] { return parseStream(sample.header, sample.mixed); });
    const Run presences
        = best(Rounds, [&] { return parseStream(sample.header, sample.presences); });
    const Run reader = best(Rounds, [&] { return readerOnly(sample.header, sample.mixed); });
    const Run reference = best(Rounds, [&] {
        return parseStream<chorus::test::ReferenceStreamParser>(sample.header, sample.mixed);
    });
    if (mixed.elements != sample.mixedStanzaCount || presences.elements != sample.presenceCount
        || reader.elements != sample.mixedStanzaCount
        || reference.elements != sample.mixedStanzaCount) {
        std::fprintf(stderr, "parsed %d/%d, %d/%d, %d and %d stanzas\n", mixed.elements,
                     sample.mixedStanzaCount, presences.elements, sample.presenceCount,
                     reader.elements, reference.elements);
        return 1;
    }
    const double mb = sample.mixed.size() / 1e6;
    std::printf("mixed stream: %.2f MB, %d stanzas: %.1f MB/s CPU, %.1f MB/s wall\n", mb,
                mixed.elements, mb / mixed.cpu, mb / mixed.wall);
    std::printf("presences only: %.2f MB, %d stanzas: %.0f/s CPU, %.0f/s wall\n",
                sample.presences.size() / 1e6, presences.elements,
                presences.elements / presences.cpu, presences.elements / presences.wall);
    std::printf("former QXmlStreamReader-based parser on the mixed stream: %.1f MB/s CPU\n",
                mb / reference.cpu);
    std::printf("QXmlStreamReader alone on the mixed stream: %.1f MB/s CPU\n", mb / reader.cpu);
    std::printf("{\"mb_per_s\": %.1f, \"stanzas_per_s\": %.0f, \"presence_stanzas_per_s\": %.0f, "
                "\"wall_mb_per_s\": %.1f, \"reference_mb_per_s\": %.1f, "
                "\"reader_only_mb_per_s\": %.1f}\n",
                mb / mixed.cpu, mixed.elements / mixed.cpu, presences.elements / presences.cpu,
                mb / mixed.wall, mb / reference.cpu, mb / reader.cpu);
    return 0;
}
