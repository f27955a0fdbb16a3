#include "xmpp/Negotiator.h"

#include "xmpp/Namespaces.h"
#include "xmpp/NegotiationPhases.h"

using namespace Qt::StringLiterals;

namespace chorus::xmpp {

Negotiator::Negotiator(NegotiationIo &io, const ClientSettings &settings, bool loopbackPeer,
                       bool encrypted, std::optional<ResumeRequest> resume)
    : m_io(io), m_settings(settings),
      m_loopbackPlaintext(settings.plaintextOnLoopback && loopbackPeer), m_resume(std::move(resume))
{
    m_info.encrypted = encrypted;
    m_phase = std::make_unique<TlsPhase>(*this);
}

Negotiator::~Negotiator() = default;

Negotiator::Result Negotiator::handleElement(const Element &element)
{
    m_retired.reset();
    if (!m_phase)
        return Result::Failed;
    return m_phase->handle(element);
}

Negotiator::Result Negotiator::tlsEstablished()
{
    m_retired.reset();
    if (!m_phase)
        return Result::Failed;
    m_info.encrypted = true;
    return m_phase->tlsEstablished();
}

Negotiator::Result Negotiator::fail(Error::Code code, const QString &detail)
{
    return fail(Error::make(code, detail));
}

Negotiator::Result Negotiator::fail(const Error &error)
{
    m_error = error;
    m_retired = std::move(m_phase);
    return Result::Failed;
}

void Negotiator::enter(std::unique_ptr<NegotiationPhase> phase)
{
    m_retired = std::move(m_phase);
    m_phase = std::move(phase);
}

Negotiator::Result NegotiationPhase::tlsEstablished()
{
    return m_n.fail(Error::Code::ProtocolViolation, u"unexpected TLS handshake"_s);
}

} // namespace chorus::xmpp
