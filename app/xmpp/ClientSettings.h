#pragma once

#include "xmpp/Jid.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace chorus::xmpp {

/// When and how fast to reconnect after a connection dropped: exponential back-off
/// with jitter, capped at maxDelayMs. Attempts continue until a fatal error
/// (see Error::isFatal()) or disconnectFromServer().
struct ReconnectPolicy
{
    bool enabled = true;
    int initialDelayMs = 1000;
    int maxDelayMs = 5 * 60 * 1000;
    double multiplier = 2.0;
    double jitter = 0.25; ///< each delay is scaled by a random factor in [1-jitter, 1+jitter]

    /// The delay before attempt `attempt` (0-based), jitter from `random01` in [0, 1).
    int delayMs(int attempt, double random01) const;
};

/// How an account connects. Defaults are the safe ones: TLS required, verified by
/// the system trust store unless a certificate or key is pinned.
struct ClientSettings
{
    Jid jid; ///< the account (bare); a resource here is the one requested
    QString password;
    QString resource; ///< requested resource; empty: "chorus-" plus a random suffix

    QString host; ///< connect here instead of looking up SRV records
    quint16 port = 0; ///< with `host`: 0 means 5222 (or 5223 with directTls)
    bool directTls = false; ///< with `host`: TLS from the first byte (XEP-0368)

    /// Skip TLS when the server is on this machine (a development server). Only takes
    /// effect for a loopback peer address; everywhere else TLS stays required. Also
    /// allows SASL PLAIN on that loopback connection.
    bool plaintextOnLoopback = false;
    /// SHA-256 digests of the server's certificate or public key. When set, only a
    /// matching certificate is accepted (trust on first use), on every connection.
    QList<QByteArray> pinnedSha256;

    bool streamManagement = true; ///< XEP-0198 with resumption
    int connectTimeoutMs = 15000; ///< TCP + TLS set-up per server address
    int negotiationTimeoutMs = 30000; ///< from the stream header to a bound session
    int iqTimeoutMs = 30000; ///< default for sendIq()
    int pingIntervalMs = 60000; ///< silence before a XEP-0199 ping; 0: never ping
    int pingTimeoutMs = 20000; ///< no answer (and no data) this long: connection dead
    int ackRequestDelayMs = 1000; ///< XEP-0198: ask for an ack this long after sending
    ReconnectPolicy reconnect;
};

} // namespace chorus::xmpp
