#include "xmpp/StreamParser.h"

#include "xmpp/RestrictedXmlReader_p.h"

namespace chorus::xmpp {

struct StreamParser::Private
{
    explicit Private(Limits limits) : reader(limits) { }
    detail::RestrictedXmlReader reader;
};

StreamParser::StreamParser() : StreamParser(Limits())
{
}

StreamParser::StreamParser(Limits limits) : d(std::make_unique<Private>(limits))
{
}

StreamParser::~StreamParser() = default;

void StreamParser::feed(const QByteArray &data)
{
    d->reader.feed(data);
}

StreamParser::Status StreamParser::next()
{
    return d->reader.next();
}

const StreamHeader &StreamParser::header() const
{
    return d->reader.header();
}

Element StreamParser::takeElement()
{
    return d->reader.takeElement();
}

const StreamError &StreamParser::error() const
{
    return d->reader.error();
}

bool StreamParser::hasFailed() const
{
    return d->reader.hasFailed();
}

void StreamParser::reset()
{
    d->reader.reset();
}

qint64 StreamParser::bytesFed() const
{
    return d->reader.bytesFed();
}

} // namespace chorus::xmpp
