// Client: the established session — stanza routing, IQs, XEP-0198 acks and
// resumption, XEP-0199 pings, XEP-0352 client state.
#include "xmpp/Client.h"

#include "xmpp/Extension.h"
#include "xmpp/IqTracker.h"
#include "xmpp/Logging.h"
#include "xmpp/Namespaces.h"

#include <QRandomGenerator>

#include <utility>

using namespace Qt::StringLiterals;

namespace chorus::xmpp {
namespace {

bool isStanza(const Element &e)
{
    if (e.ns() != ns::Client)
        return false;
    const QString name = e.name();
    return name == u"message" || name == u"presence" || name == u"iq";
}

Element stanzaError(const QString &type, const QString &condition)
{
    return Element(u"error"_s, ns::Client)
        .setAttribute(u"type"_s, type)
        .appendChild(Element(condition, ns::Stanzas));
}

} // namespace

QString Client::generateId() const
{
    QRandomGenerator *rng = QRandomGenerator::system(); // ids must not be guessable
    return QString::number(rng->generate64(), 36) + QString::number(rng->generate(), 36);
}

void Client::sessionEstablished()
{
    m_session = m_negotiator->info();
    m_negotiator.reset();
    m_phase = Phase::Established;
    const bool resumed = m_session.resumed;
    StreamManagement::Leftovers leftovers;
    if (resumed) {
        bool ok = false;
        const QList<Element> resend = m_sm.resume(m_session.serverHandled, &ok);
        if (!ok) {
            failStream(StreamErrorCondition::UndefinedCondition,
                       u"h exceeds the number of stanzas sent"_s,
                       Error::make(Error::Code::ProtocolViolation,
                                   u"the server acknowledged stanzas we never sent"_s));
            return;
        }
        for (const Element &stanza : resend)
            writeElement(stanza);
    } else {
        m_boundJid = m_session.boundJid;
        leftovers = m_sm.takeLeftovers(m_session.failedHandled);
        m_iq->failAll(IqError::Code::SessionLost); // nobody will answer the old session's requests
        if (m_session.smEnabled)
            m_sm.enable(m_session.smId);
    }
    m_reconnectAttempt = 0;
    m_lastError = Error();
    setState(State::Connected);
    if (!m_active || resumed)
        sendCsiState();
    if (m_settings.pingIntervalMs > 0)
        m_pingTimer.start(m_settings.pingIntervalMs);

    const quint64 connection = m_connection;
    m_sessionEverStarted = true;
    for (Extension *e : QList<Extension *>(m_extensions)) {
        if (m_extensions.contains(e))
            e->onSessionStarted(resumed);
        if (connection != m_connection)
            return;
    }
    if (!resumed)
        resendAfterFreshSession(leftovers);
    if (connection != m_connection)
        return;
    // What arrived between binding and the end of negotiation, in order; not counted
    // for stream management (the server counts from <enabled/> too).
    const QList<Element> early = std::exchange(m_session.earlyStanzas, {});
    for (const Element &stanza : early) {
        routeStanza(stanza);
        if (connection != m_connection)
            return;
    }
    Q_EMIT sessionStarted(resumed);
    if (m_sm.pendingCount() > 0)
        requestAck();
}

void Client::resendAfterFreshSession(const StreamManagement::Leftovers &leftovers)
{
    // Messages known not to have reached the server go out again; presences are the
    // extensions' business (they rejoin in onSessionStarted), and IQs already failed
    // with SessionLost. Messages whose fate is unknown are reported, not resent.
    QList<Element> unconfirmed;
    for (const Element &stanza : leftovers.surelyLost) {
        if (stanza.name() == u"message")
            send(stanza);
    }
    for (const Element &stanza : leftovers.unknown) {
        if (stanza.name() == u"message")
            unconfirmed.append(stanza);
    }
    if (!unconfirmed.isEmpty())
        Q_EMIT stanzasUnconfirmed(unconfirmed);
}

bool Client::send(const Element &stanza)
{
    Element s = stanza;
    if (s.ns().isEmpty())
        s.setNs(ns::Client);
    if (!isStanza(s)) {
        qCWarning(lcXmpp, "send() takes message, presence or iq stanzas, not <%s/>",
                  qPrintable(s.name()));
        return false;
    }
    if (m_phase == Phase::Established) {
        writeElement(s);
        if (m_sm.isEnabled()) {
            m_sm.stanzaSent(s);
            scheduleAckRequest();
        }
        return true;
    }
    // An interrupted session that may be resumed: keep it for after resumption.
    if (m_sm.isResumable() && m_state != State::Disconnected && m_phase != Phase::Closing) {
        m_sm.stanzaQueued(s);
        return true;
    }
    return false;
}

Task<Element, IqError> Client::sendIq(const Element &iq, int timeoutMs)
{
    Element request = iq;
    if (request.ns().isEmpty())
        request.setNs(ns::Client);
    const QString type = request.attribute(u"type");
    if (!request.is(u"iq", ns::Client) || (type != u"get" && type != u"set")) {
        return readyTask<Element, IqError>(IqError {IqError::Code::StanzaError,
                                                    u"bad-request"_s,
                                                    u"modify"_s,
                                                    u"sendIq() takes an iq of type get or set"_s,
                                                    {}});
    }
    const bool sendable = m_phase == Phase::Established
        || (m_sm.isResumable() && m_state != State::Disconnected && m_phase != Phase::Closing);
    if (!sendable)
        return readyTask<Element, IqError>(IqError {IqError::Code::NotConnected, {}, {}, {}, {}});
    if (request.attribute(u"id").isEmpty())
        request.setAttribute(u"id"_s, generateId());
    auto task = m_iq->track(request.attribute(u"id"), request.attribute(u"to"),
                            timeoutMs < 0 ? m_settings.iqTimeoutMs : timeoutMs);
    send(request);
    return task;
}

void Client::handleSessionElement(const Element &element)
{
    if (element.ns() == ns::StreamManagement) {
        if (element.name() == u"r") {
            // Answered at once, whatever else is queued: h counts every stanza before it.
            writeElement(m_sm.ackElement());
        } else if (element.name() == u"a") {
            bool ok = false;
            const quint32 h = element.attribute(u"h").toUInt(&ok);
            if (!ok || !m_sm.acknowledge(h)) {
                failStream(StreamErrorCondition::UndefinedCondition,
                           u"h exceeds the number of stanzas sent"_s,
                           Error::make(Error::Code::ProtocolViolation,
                                       u"the server acknowledged stanzas we never sent"_s));
                return;
            }
            m_ackRequested = false;
            if (m_sm.pendingCount() > 0)
                scheduleAckRequest();
        }
        return;
    }
    if (!isStanza(element))
        return; // an unknown nonza: nothing to do with it
    if (m_sm.isEnabled())
        m_sm.stanzaHandled();
    routeStanza(element);
}

void Client::routeStanza(const Element &stanza)
{
    const QString name = stanza.name();
    const QString type = stanza.attribute(u"type");
    if (name == u"iq") {
        if (type == u"result" || type == u"error") {
            // Replies finish requests; an unsolicited one (or one from the wrong
            // entity) is dropped, never answered (RFC 6120 8.2.3).
            m_iq->handleReply(stanza, m_boundJid);
            return;
        }
        if (type != u"get" && type != u"set")
            return;
        if (type == u"get" && stanza.hasChild(u"ping", ns::Ping)) {
            answerIq(stanza, Element(u"iq"_s, ns::Client).setAttribute(u"type"_s, u"result"_s));
            return;
        }
    }
    const quint64 connection = m_connection;
    for (Extension *e : QList<Extension *>(m_extensions)) {
        if (!m_extensions.contains(e))
            continue;
        if (e->handleStanza(stanza))
            return;
        if (connection != m_connection)
            return;
    }
    if (name == u"iq") {
        answerIq(stanza,
                 Element(u"iq"_s, ns::Client)
                     .setAttribute(u"type"_s, u"error"_s)
                     .appendChild(stanzaError(u"cancel"_s, u"service-unavailable"_s)));
        return;
    }
    Q_EMIT stanzaUnhandled(stanza);
}

void Client::answerIq(const Element &request, const Element &reply)
{
    Element r = reply;
    r.setAttribute(u"id"_s, request.attribute(u"id"));
    const QString from = request.attribute(u"from");
    if (!from.isEmpty())
        r.setAttribute(u"to"_s, from);
    send(r);
}

void Client::scheduleAckRequest()
{
    if (!m_ackRequested && !m_ackTimer.isActive())
        m_ackTimer.start(m_settings.ackRequestDelayMs);
}

void Client::requestAck()
{
    if (m_phase != Phase::Established || !m_sm.isEnabled() || m_ackRequested)
        return;
    writeElement(StreamManagement::requestElement());
    m_ackRequested = true;
}

void Client::sendPing()
{
    if (m_phase != Phase::Established)
        return;
    m_bytesAtPing = m_bytesReceived;
    const quint64 connection = m_connection;
    Element ping(u"iq"_s, ns::Client);
    ping.setAttribute(u"type"_s, u"get"_s)
        .setAttribute(u"to"_s, m_settings.jid.domain())
        .appendChild(Element(u"ping"_s, ns::Ping));
    sendIq(ping, m_settings.pingTimeoutMs)
        .then(this, [this, connection](const Expected<Element, IqError> &result) {
            if (connection != m_connection)
                return;
            const bool silent = m_bytesReceived == m_bytesAtPing;
            m_bytesAtPing = -1;
            // Any answer, even an error, proves the connection alive; so does any data.
            if (!result.ok() && result.error().code == IqError::Code::Timeout && silent) {
                m_transport->abort();
                connectionLost(Error::make(
                    Error::Code::PingTimeout,
                    u"no answer to a ping within %1 ms"_s.arg(m_settings.pingTimeoutMs)));
                return;
            }
            if (m_phase == Phase::Established && m_settings.pingIntervalMs > 0)
                m_pingTimer.start(m_settings.pingIntervalMs);
        });
}

void Client::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    if (m_phase == Phase::Established)
        sendCsiState();
}

void Client::sendCsiState()
{
    if (!m_session.features.hasChild(u"csi", ns::Csi))
        return;
    writeElement(Element(m_active ? u"active"_s : u"inactive"_s, ns::Csi));
}

void Client::addExtension(Extension *extension)
{
    if (!extension || m_extensions.contains(extension))
        return;
    if (extension->m_client && extension->m_client != this)
        extension->m_client->removeExtension(extension);
    extension->m_client = this;
    m_extensions.append(extension);
}

void Client::removeExtension(Extension *extension)
{
    if (m_extensions.removeAll(extension) > 0)
        extension->m_client = nullptr;
}

} // namespace chorus::xmpp
