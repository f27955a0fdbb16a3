#include "StreamParserDiff.h"

#include "ReferenceStreamParser.h"

#include "xmpp/RestrictedXmlReader_p.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace chorus::test {
namespace {

using xmpp::detail::FailureKind;
using Status = xmpp::StreamParser::Status;

template <typename Parser> ParseOutcome run(Parser &parser, const QList<QByteArray> &chunks)
{
    ParseOutcome out;
    for (const QByteArray &chunk : chunks) {
        parser.feed(chunk);
        for (bool more = true; more;) {
            switch (parser.next()) {
            case Status::Header:
                out.sawHeader = true;
                out.header = parser.header();
                break;
            case Status::Element:
                out.elements.append(parser.takeElement());
                break;
            case Status::StreamEnd:
                out.ended = true;
                return out;
            case Status::Error:
                out.failed = true;
                out.condition = parser.error().condition;
                return out;
            case Status::NeedMoreData:
                more = false;
                break;
            }
        }
    }
    return out;
}

ParseOutcome runReader(const QList<QByteArray> &chunks, xmpp::StreamParser::Limits limits,
                       bool quirks)
{
    xmpp::detail::RestrictedXmlReader reader(limits, xmpp::detail::ReaderOptions {quirks});
    ParseOutcome out = run(reader, chunks);
    out.failureKind = int(reader.failureKind());
    return out;
}

bool sameHeader(const xmpp::StreamHeader &a, const xmpp::StreamHeader &b)
{
    return a.from == b.from && a.to == b.to && a.id == b.id && a.version == b.version
        && a.lang == b.lang && a.defaultNs == b.defaultNs;
}

bool sameOutcome(const ParseOutcome &a, const ParseOutcome &b)
{
    return a.sawHeader == b.sawHeader && sameHeader(a.header, b.header) && a.elements == b.elements
        && a.ended == b.ended && a.failed == b.failed && a.condition == b.condition
        && a.failureKind == b.failureKind;
}

bool isPrefix(const QList<xmpp::Element> &shorter, const QList<xmpp::Element> &longer)
{
    return shorter.size() <= longer.size()
        && std::equal(shorter.begin(), shorter.end(), longer.begin());
}

QString firstDifference(const QList<xmpp::Element> &a, const QList<xmpp::Element> &b)
{
    for (qsizetype i = 0; i < qMin(a.size(), b.size()); ++i) {
        if (a[i] != b[i]) {
            return u"element %1:\n  %2\n  %3"_s.arg(i).arg(QString::fromUtf8(a[i].toXml()),
                                                           QString::fromUtf8(b[i].toXml()));
        }
    }
    return u"%1 against %2 elements"_s.arg(a.size()).arg(b.size());
}

// A C0 control or U+FFFE/U+FFFF: QXmlStreamReader lets these through in attribute names.
bool hasCodePointXmlForbids(const QByteArray &input)
{
    for (qsizetype i = 0; i < input.size(); ++i) {
        const uchar c = uchar(input[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            return true;
        if (c == 0xEF && i + 2 < input.size() && uchar(input[i + 1]) == 0xBF
            && (uchar(input[i + 2]) == 0xBE || uchar(input[i + 2]) == 0xBF)) {
            return true;
        }
    }
    return false;
}

// Does the new parser's outcome agree with the reference's? Sets `tolerance` when it
// does only thanks to a documented difference.
QString matchReference(const ParseOutcome &ref, const ParseOutcome &neu, const QByteArray &input,
                       Tolerance &tolerance)
{
    tolerance = Tolerance::None;
    if (ref.sawHeader && neu.sawHeader && !sameHeader(ref.header, neu.header))
        return u"the stream headers differ"_s;
    if (ref.failed && neu.failed) {
        if (ref.elements == neu.elements)
            return {};
        if (neu.failureKind == int(FailureKind::InvalidBytes) && hasCodePointXmlForbids(input)
            && isPrefix(neu.elements, ref.elements)) {
            tolerance = Tolerance::ForbiddenCharacter;
            return {};
        }
        return u"both failed, after different elements"_s;
    }
    if (!ref.failed && !neu.failed) {
        if (ref.sawHeader != neu.sawHeader)
            return u"only one saw the stream header"_s;
        if (ref.elements != neu.elements)
            return u"the elements differ: "_s + firstDifference(ref.elements, neu.elements);
        if (ref.ended != neu.ended)
            return u"only one saw the stream end"_s;
        return {};
    }
    const ParseOutcome &failing = ref.failed ? ref : neu;
    const ParseOutcome &waiting = ref.failed ? neu : ref;
    if (!ref.failed && neu.failureKind == int(FailureKind::InvalidBytes)
        && hasCodePointXmlForbids(input) && isPrefix(neu.elements, ref.elements)) {
        tolerance = Tolerance::ForbiddenCharacter;
        return {};
    }
    if (!waiting.ended && failing.elements == waiting.elements) {
        // QXmlStreamReader sometimes misses malformed UTF-8 that arrives in pieces and
        // then waits for ever ("premature end of document").
        tolerance = !ref.failed && neu.failureKind == int(FailureKind::InvalidBytes)
            ? Tolerance::ReferenceStalls
            : Tolerance::EarlyDetection;
        return {};
    }
    return ref.failed ? u"only the reference failed"_s : u"only the new parser failed"_s;
}

// QXmlStreamReader decodes all it was given before parsing it, so a bad byte late in
// the input can make it fail before elements that come earlier. Then both parsers must
// agree on the input cut at the first bad byte, and the new parser must have given the
// same elements from there as from the whole input (and stopped: failed or ended).
bool decodesAhead(const QByteArray &input, const ParseOutcome &neu,
                  xmpp::StreamParser::Limits limits)
{
    xmpp::detail::Utf8Validator validator;
    const qint64 bad = validator.check(input.constData(), input.size(), 0);
    if (bad < 0)
        return false;
    const QList<QByteArray> cut {input.left(bad)};
    ReferenceStreamParser reference(limits);
    const ParseOutcome refCut = run(reference, cut);
    const ParseOutcome newCut = runReader(cut, limits, true);
    Tolerance ignored;
    return newCut.elements == neu.elements && (neu.failed || neu.ended)
        && matchReference(refCut, newCut, cut.first(), ignored).isEmpty();
}

} // namespace

QList<QByteArray> splitInput(const QByteArray &input, const QList<qsizetype> &sizes)
{
    QList<QByteArray> chunks;
    qsizetype i = 0;
    for (qsizetype off = 0; off < input.size(); ++i) {
        const qsizetype size
            = qMax<qsizetype>(1, sizes.isEmpty() ? input.size() : sizes[i % sizes.size()]);
        chunks.append(input.mid(off, size));
        off += size;
    }
    return chunks;
}

QString describe(const ParseOutcome &o)
{
    QString out
        = u"header: %1, %2 elements, %3"_s.arg(o.sawHeader ? u"yes"_s : u"no"_s)
              .arg(o.elements.size())
              .arg(o.failed ? u"failed (%1, kind %2)"_s.arg(xmpp::conditionName(o.condition))
                                  .arg(o.failureKind)
                       : o.ended ? u"ended"_s
                                 : u"waiting"_s);
    for (const xmpp::Element &e : o.elements)
        out += u"\n  "_s + QString::fromUtf8(e.toXml().left(300));
    return out;
}

DiffResult diffStreamParsers(const QList<QByteArray> &chunks, xmpp::StreamParser::Limits limits)
{
    DiffResult result;
    const QByteArray input = chunks.join();
    const QList<QByteArray> whole {input};

    // The public parser in chunks, the engine at once: the same outcome, exactly.
    xmpp::StreamParser parser(limits);
    result.strict = run(parser, chunks);
    ParseOutcome strictWhole = runReader(whole, limits, false);
    {
        ParseOutcome strictChunked = runReader(chunks, limits, false);
        result.strict.failureKind = strictChunked.failureKind;
        if (!sameOutcome(strictChunked, result.strict))
            return {u"StreamParser and its engine differ"_s, Tolerance::None, result.strict};
    }
    if (!sameOutcome(result.strict, strictWhole)) {
        result.problem
            = u"chunked:\n"_s + describe(result.strict) + u"\nat once:\n"_s + describe(strictWhole);
        return result;
    }
    const ParseOutcome quirks = runReader(chunks, limits, true);
    if (!sameOutcome(quirks, runReader(whole, limits, true))) {
        result.problem = u"quirks mode: chunked and at once differ"_s;
        return result;
    }
    const ParseOutcome &strict = result.strict;
    const bool sameAsQuirks = strict.failed == quirks.failed && strict.elements == quirks.elements
        && strict.ended == quirks.ended;
    if (!sameAsQuirks) {
        if (!(strict.failed && strict.failureKind == int(FailureKind::StrictRule)
              && isPrefix(strict.elements, quirks.elements))) {
            result.problem
                = u"strict:\n"_s + describe(strict) + u"\nquirks:\n"_s + describe(quirks);
            return result;
        }
        result.tolerance = Tolerance::StrictRule;
    }

    ReferenceStreamParser refChunkedParser(limits);
    const ParseOutcome refChunked = run(refChunkedParser, chunks);
    Tolerance tolerance = Tolerance::None;
    QString problem = matchReference(refChunked, quirks, input, tolerance);
    if (!problem.isEmpty()) {
        // QXmlStreamReader's outcome can depend on the chunks ("]]>" in text is
        // refused at once but not always in pieces): agreeing with either will do.
        ReferenceStreamParser refWholeParser(limits);
        const ParseOutcome refWhole = run(refWholeParser, whole);
        if (!matchReference(refWhole, quirks, input, tolerance).isEmpty()
            && !decodesAhead(input, quirks, limits)) {
            result.problem = problem + u"\nreference:\n"_s + describe(refChunked)
                + u"\nnew (quirks mode):\n"_s + describe(quirks);
            return result;
        }
        if (tolerance == Tolerance::None)
            tolerance = Tolerance::ReferenceDecodesAhead;
    }
    if (result.tolerance == Tolerance::None)
        result.tolerance = tolerance;
    return result;
}

} // namespace chorus::test
