#pragma once

#include "core/Expected.h"
#include "xmpp/ClientSettings.h"
#include "xmpp/Element.h"
#include "xmpp/Error.h"
#include "xmpp/Jid.h"
#include "xmpp/Negotiator.h"
#include "xmpp/ServerLocator.h"
#include "xmpp/StreamManagement.h"
#include "xmpp/StreamParser.h"
#include "xmpp/Transport.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>

namespace chorus::xmpp {

class Extension;
class IqTracker;

/// One XMPP account's connection: the entry point of the session layer.
///
/// connectToServer() finds the server (SRV or the configured host), sets up TLS,
/// authenticates, binds a resource and enables stream management; then stanzas flow
/// through send() and sendIq(), and inbound ones go to the registered Extensions.
/// After a drop it reconnects with back-off and resumes the session when the server
/// allows (XEP-0198), resending exactly what the server had not acknowledged. It
/// pings a silent server (XEP-0199) to notice dead connections, and tells the server
/// when the user is not looking (XEP-0352).
///
/// Everything it writes goes through a Transport; tests pass a scripted one.
class Client : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Disconnected, ///< idle; see disconnected() for why
        Connecting, ///< first connection attempt under way
        Connected, ///< session established: stanzas flow
        Reconnecting, ///< waiting to retry, or retrying, after a drop
    };
    Q_ENUM(State)

    /// A client over real sockets.
    explicit Client(QObject *parent = nullptr);
    /// A client over `transport` (tests pass a scripted one).
    explicit Client(std::unique_ptr<Transport> transport, QObject *parent = nullptr);
    ~Client() override;

    void setSettings(const ClientSettings &settings);
    const ClientSettings &settings() const { return m_settings; }

    /// Starts connecting (no-op unless Disconnected). Progress comes as signals.
    void connectToServer();
    /// Closes the stream cleanly and stops reconnecting. The XEP-0198 session ends.
    void disconnectFromServer();
    /// While waiting to reconnect after a drop: tries at once instead of waiting out the
    /// back-off delay (the user pressed "reconnect now"). No-op in any other state.
    void reconnectNow();

    State state() const { return m_state; }
    bool isConnected() const { return m_state == State::Connected; }
    /// The full JID the server bound (valid once connected).
    Jid boundJid() const { return m_boundJid; }
    /// The server's stream features after authentication (e.g. to look for CSI).
    Element streamFeatures() const { return m_session.features; }
    /// What the last negotiation produced (mechanism, TLS, stream management).
    const SessionInfo &sessionInfo() const { return m_session; }
    bool isStreamManagementEnabled() const { return m_sm.isEnabled(); }
    bool isEncrypted() const;
    /// The last error that ended or interrupted the connection.
    Error lastError() const { return m_lastError; }

    /// Sends a message, presence or iq as is. While connected it is written at once;
    /// while a resumable session is interrupted it is queued and goes out after
    /// resumption. Returns false when it cannot be sent (no session).
    bool send(const Element &stanza);
    /// Sends an iq get/set (an id is added if missing) and returns its reply. The
    /// Task fails with IqError: Timeout (no reply from the entity asked within
    /// `timeoutMs`, default settings().iqTimeoutMs), StanzaError, NotConnected, or
    /// SessionLost (the connection dropped and the session was not resumed).
    Task<Element, IqError> sendIq(const Element &iq, int timeoutMs = -1);
    /// A fresh, unguessable stanza id.
    QString generateId() const;

    /// Registers a manager; inbound stanzas are offered in registration order. The
    /// client does not own it; an Extension unregisters itself when destroyed.
    void addExtension(Extension *extension);
    void removeExtension(Extension *extension);
    QList<Extension *> extensions() const { return m_extensions; }

    /// XEP-0352: whether the user is looking at the client. When inactive, the
    /// server may hold back unimportant traffic. Sent whenever the server offers CSI.
    void setActive(bool active);
    bool isActive() const { return m_active; }

Q_SIGNALS:
    void stateChanged(chorus::xmpp::Client::State state);
    /// A session is ready (after extensions got onSessionStarted()).
    void sessionStarted(bool resumed);
    /// The connection dropped (or an attempt failed); the next attempt is in `delayMs`.
    void reconnecting(int delayMs, const chorus::xmpp::Error &reason);
    /// The client stopped: on request (error.code None) or for a fatal error.
    void disconnected(const chorus::xmpp::Error &error);
    /// An inbound message or presence that no extension claimed.
    void stanzaUnhandled(const chorus::xmpp::Element &stanza);
    /// Messages sent in a session that ended without resumption, which the server may
    /// or may not have received (it did not say): resending them might duplicate them.
    /// (Also emitted with everything unacknowledged on disconnectFromServer().)
    void stanzasUnconfirmed(const QList<chorus::xmpp::Element> &stanzas);

private:
    class Io;
    enum class Phase { Idle, Locating, Connecting, Negotiating, Established, Closing };

    // Connection lifecycle (Client.cpp).
    void setState(State state);
    void startAttempt();
    void tryAddress(int index);
    void onLocated(const QList<ServerAddress> &addresses);
    void onTransportConnected();
    void onTransportEncrypted();
    void onTransportData(const QByteArray &data);
    void onTransportClosed(TransportError error, const QString &detail);
    void openStream();
    void writeElement(const Element &element);
    void failStream(StreamErrorCondition condition, const QString &text, const Error &error);
    void connectionLost(const Error &error);
    void finishDisconnect(const Error &error);
    void scheduleReconnect(const Error &reason);
    bool handleHeader(const StreamHeader &header);
    void handleNegotiationResult(Negotiator::Result result);

    // Established session (ClientSession.cpp).
    void sessionEstablished();
    void handleSessionElement(const Element &element);
    void routeStanza(const Element &stanza);
    void answerIq(const Element &request, const Element &reply);
    void scheduleAckRequest();
    void requestAck();
    void sendPing();
    void sendCsiState();
    void resendAfterFreshSession(const StreamManagement::Leftovers &leftovers);

    ClientSettings m_settings;
    std::unique_ptr<Transport> m_transport;
    std::unique_ptr<Io> m_io;
    std::unique_ptr<Negotiator> m_negotiator;
    std::unique_ptr<IqTracker> m_iq;
    StreamParser m_parser;
    ServerLocator m_locator;
    StreamManagement m_sm;
    QList<Extension *> m_extensions;

    State m_state = State::Disconnected;
    Phase m_phase = Phase::Idle;
    QList<ServerAddress> m_addresses;
    int m_addressIndex = 0;
    quint64 m_connection = 0; ///< bumped per connection; stale callbacks compare it
    bool m_directTls = false; ///< the current address uses direct TLS
    bool m_tlsUpgrade = false; ///< a STARTTLS handshake is under way
    bool m_sessionEverStarted = false; ///< extensions heard onSessionStarted
    bool m_userDisconnect = false;
    int m_reconnectAttempt = 0;
    Jid m_boundJid;
    SessionInfo m_session;
    Error m_lastError;
    Error m_attemptError; ///< the most telling error of the current attempt

    bool m_active = true;
    bool m_ackRequested = false;
    qint64 m_bytesReceived = 0;
    qint64 m_bytesAtPing = -1; ///< bytes received when the outstanding ping went out

    QTimer m_reconnectTimer;
    QTimer m_negotiationTimer;
    QTimer m_pingTimer;
    QTimer m_ackTimer;
    QTimer m_closeTimer;
};

} // namespace chorus::xmpp
