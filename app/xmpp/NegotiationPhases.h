#pragma once

// The phases of stream negotiation, in the order they run. Private to the
// negotiator: each sees the elements while it is active and hands over to the next.

#include "xmpp/Negotiator.h"

namespace chorus::xmpp {

/// STARTTLS (RFC 6120 section 5): required unless the account allows plaintext on a
/// loopback connection; a missing offer is refused, never silently downgraded.
class TlsPhase final : public NegotiationPhase
{
public:
    using NegotiationPhase::NegotiationPhase;
    Negotiator::Result handle(const Element &element) override;
    Negotiator::Result tlsEstablished() override;

private:
    enum class Step { AwaitFeatures, AwaitProceed, AwaitHandshake };
    Step m_step = Step::AwaitFeatures;
};

/// SASL (RFC 6120 section 6): strongest mechanism first; PLAIN only when secure.
class SaslPhase final : public NegotiationPhase
{
public:
    using NegotiationPhase::NegotiationPhase;
    Negotiator::Result start(const Element &features);
    Negotiator::Result handle(const Element &element) override;

private:
    std::unique_ptr<SaslClient> m_sasl;
};

/// After authentication: XEP-0198 resumption, or resource binding (RFC 6120
/// section 7), the legacy session request when the server insists (RFC 3921), and
/// enabling stream management with resumption.
class SessionPhase final : public NegotiationPhase
{
public:
    using NegotiationPhase::NegotiationPhase;
    Negotiator::Result handle(const Element &element) override;

private:
    enum class Step { AwaitFeatures, AwaitResumed, AwaitBind, AwaitSession, AwaitEnabled };
    Negotiator::Result bind(const QString &resource);
    Negotiator::Result afterBind();
    Negotiator::Result enableStreamManagement();
    Negotiator::Result bindResult(const Element &iq);

    Step m_step = Step::AwaitFeatures;
    Element m_features;
    QString m_iqId;
    bool m_retriedBind = false;
};

} // namespace chorus::xmpp
