#pragma once

#include "xmpp/Element.h"
#include "xmpp/StreamError.h"
#include "xmpp/StreamParser.h"

#include <QByteArray>

#include <memory>

namespace chorus::test {

/// The stream parser Chorus used before its own restricted-XML tokenizer: the same API
/// as xmpp::StreamParser, built on QXmlStreamReader. Kept only as the reference the
/// differential test and fuzzer compare xmpp::StreamParser against.
class ReferenceStreamParser
{
public:
    using Status = xmpp::StreamParser::Status;
    using Limits = xmpp::StreamParser::Limits;

    ReferenceStreamParser();
    explicit ReferenceStreamParser(Limits limits);
    ReferenceStreamParser(const ReferenceStreamParser &) = delete;
    ReferenceStreamParser &operator=(const ReferenceStreamParser &) = delete;
    ~ReferenceStreamParser();

    void feed(const QByteArray &data);
    Status next();
    const xmpp::StreamHeader &header() const;
    xmpp::Element takeElement();
    const xmpp::StreamError &error() const;
    bool hasFailed() const;
    void reset();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace chorus::test
