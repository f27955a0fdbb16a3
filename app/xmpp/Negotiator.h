#pragma once

#include "xmpp/ClientSettings.h"
#include "xmpp/Element.h"
#include "xmpp/Error.h"
#include "xmpp/Jid.h"
#include "xmpp/Sasl.h"

#include <memory>
#include <optional>

namespace chorus::xmpp {

/// What the negotiator needs from the connection; implemented by the Client.
class NegotiationIo
{
public:
    virtual ~NegotiationIo() = default;
    virtual void sendElement(const Element &element) = 0;
    /// Resets the parser and sends a new stream header (after TLS or SASL).
    virtual void restartStream() = 0;
    /// Starts the TLS handshake; the client calls Negotiator::tlsEstablished() once
    /// the server's certificate has been accepted.
    virtual void startTls() = 0;
};

/// A XEP-0198 session to resume: its id and the count of stanzas we handled.
struct ResumeRequest
{
    QString id;
    quint32 handled = 0;
};

/// What negotiation produced.
struct SessionInfo
{
    Jid boundJid;
    bool encrypted = false;
    std::optional<SaslMechanism> mechanism;
    Element features; ///< the last <stream:features/> (after authentication)

    bool resumed = false; ///< the previous session continues (XEP-0198)
    quint32 serverHandled = 0; ///< resumed: how many of our stanzas the server handled
    bool resumeFailed = false; ///< a resumption was attempted and refused
    std::optional<quint32> failedHandled; ///< the h the server gave with <failed/>, if any

    bool smEnabled = false; ///< stream management is on for the new session
    QString smId; ///< resumption id (empty: not resumable)
    int smMaxSeconds = 0; ///< how long the server keeps it (0: unknown)

    /// Stanzas the server sent once the resource was bound but before negotiation
    /// finished (RFC 6120 7.1: the stream is usable after binding); delivered when the
    /// session starts, outside the stream-management count (XEP-0198 counts from <enabled/>).
    QList<Element> earlyStanzas;
};

class NegotiationPhase;

/// Drives stream negotiation after the TCP (or direct TLS) connection is up, one
/// phase at a time (RFC 6120 sections 5-7, XEP-0198 section 5): STARTTLS, SASL,
/// then resumption of a previous session or resource binding, legacy session
/// establishment if the server insists, and enabling stream management.
///
/// The Client feeds it every top-level element until it returns Done or Failed.
class Negotiator
{
public:
    enum class Result { Continue, Done, Failed };

    Negotiator(NegotiationIo &io, const ClientSettings &settings, bool loopbackPeer, bool encrypted,
               std::optional<ResumeRequest> resume);
    ~Negotiator();

    Result handleElement(const Element &element);
    /// The TLS handshake after <proceed/> completed and the certificate was accepted.
    Result tlsEstablished();

    const Error &error() const { return m_error; }
    const SessionInfo &info() const { return m_info; }

    // Used by the phases.
    NegotiationIo &io() { return m_io; }
    const ClientSettings &settings() const { return m_settings; }
    SessionInfo &mutableInfo() { return m_info; }
    bool loopbackPlaintext() const { return m_loopbackPlaintext; }
    const std::optional<ResumeRequest> &resumeRequest() const { return m_resume; }
    Result fail(Error::Code code, const QString &detail);
    Result fail(const Error &error);
    /// Makes `phase` the active one. The calling phase stays alive until the next
    /// element, so it may still return a result after handing over.
    void enter(std::unique_ptr<NegotiationPhase> phase);

private:
    NegotiationIo &m_io;
    ClientSettings m_settings;
    bool m_loopbackPlaintext;
    std::optional<ResumeRequest> m_resume;
    std::unique_ptr<NegotiationPhase> m_phase;
    std::unique_ptr<NegotiationPhase> m_retired; ///< the phase that just handed over
    SessionInfo m_info;
    Error m_error;
};

/// One step of the negotiation; it sees every element while it is active.
class NegotiationPhase
{
public:
    explicit NegotiationPhase(Negotiator &negotiator) : m_n(negotiator) { }
    virtual ~NegotiationPhase() = default;
    virtual Negotiator::Result handle(const Element &element) = 0;
    virtual Negotiator::Result tlsEstablished();

protected:
    Negotiator &m_n;
};

} // namespace chorus::xmpp
