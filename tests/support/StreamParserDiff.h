#pragma once

#include "xmpp/Element.h"
#include "xmpp/StreamError.h"
#include "xmpp/StreamParser.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace chorus::test {

/// What a stream parser made of some input.
struct ParseOutcome
{
    bool sawHeader = false;
    xmpp::StreamHeader header;
    QList<xmpp::Element> elements;
    bool ended = false; ///< </stream:stream> arrived
    bool failed = false;
    xmpp::StreamErrorCondition condition = xmpp::StreamErrorCondition::UndefinedCondition;
    int failureKind = 0; ///< detail::FailureKind of the restricted-XML reader
};

/// Where the new parser was allowed to differ from the reference (see diffStreamParsers).
enum class Tolerance {
    None,
    StrictRule, ///< the reference accepts XML that is not well-formed (strict mode refuses)
    EarlyDetection, ///< input ends inside a construct one parser already refuses
    ReferenceStalls, ///< bad UTF-8 in small chunks: the reference waits forever, we fail
    ForbiddenCharacter, ///< the reference accepts a code point XML forbids in a name
    ReferenceDecodesAhead, ///< the reference fails at a bad byte before earlier elements
};

struct DiffResult
{
    QString problem; ///< empty when the parsers agree
    Tolerance tolerance = Tolerance::None; ///< what made them agree, when something did
    ParseOutcome strict; ///< xmpp::StreamParser fed in the given chunks
};

/// Feeds `chunks` (joined, they are the input) to xmpp::StreamParser and to the former
/// QXmlStreamReader-based parser (ReferenceStreamParser), each both in these chunks and
/// all at once, and checks that they agree:
/// - the new parser gives exactly the same outcome (elements, error condition) in
///   chunks as at once;
/// - its reference-quirks mode (detail::ReaderOptions) gives the same elements as the
///   reference, or both fail; strict mode differs from quirks mode only by failing on
///   a rule the reference does not check;
/// - where one fails and the other has not failed, the input ends inside the construct
///   in question and both delivered the same elements (the parsers notice some errors
///   at different bytes of a construct), or the failure is a code point XML forbids
///   that the reference lets through in attribute names;
/// - where both fail, the reference may have delivered fewer elements only when the
///   input holds bad bytes (it decodes everything it was given before parsing).
DiffResult diffStreamParsers(const QList<QByteArray> &chunks,
                             xmpp::StreamParser::Limits limits = {});

/// Splits `input` into chunks of the given sizes (repeated as needed).
QList<QByteArray> splitInput(const QByteArray &input, const QList<qsizetype> &sizes);

/// Describes an outcome, for failure messages.
QString describe(const ParseOutcome &outcome);

} // namespace chorus::test
