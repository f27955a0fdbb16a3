#pragma once

#include "xmpp/Element.h"
#include "xmpp/StreamError.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

#include <optional>

namespace chorus::xmpp {

/// What the server's TLS certificate looked like when it was not accepted, so the UI
/// can show it and offer to trust it (trust on first use: store one of the digests
/// in ClientSettings::pinnedSha256).
struct CertificateInfo
{
    QList<QSslCertificate> chain; ///< leaf first
    QStringList problems; ///< why the system trust store refused it
    QByteArray certificateSha256; ///< SHA-256 of the leaf certificate (DER)
    QByteArray publicKeySha256; ///< SHA-256 of the leaf's SubjectPublicKeyInfo (DER)

    bool isEmpty() const { return chain.isEmpty(); }
    /// "AB:CD:..." form of a digest, as certificate viewers show it.
    static QString formatDigest(const QByteArray &digest);
};

/// Why a connection or session failed. `code` is what to act on; `message` is a
/// translated sentence for the user; `detail` carries the server's or the system's
/// own words (untranslated) for logs and "details" views.
struct Error
{
    enum class Code {
        None, ///< no error (e.g. disconnected on request)
        InvalidSettings, ///< the account's JID or settings cannot be used
        HostNotFound, ///< DNS found no server for the domain
        ConnectionRefused,
        ConnectionTimeout,
        ConnectionLost, ///< the TCP connection broke
        PingTimeout, ///< the server stopped answering (XEP-0199)
        TlsHandshakeFailed,
        TlsCertificateUntrusted, ///< see `certificate`; the user may pin it
        TlsPinMismatch, ///< the pinned certificate/key changed: refused, loudly
        TlsNotOffered, ///< TLS is required but the server did not offer STARTTLS
        TlsFailed, ///< the server refused STARTTLS (<failure/>)
        PlaintextNotAllowed, ///< only PLAIN was possible and the channel is not secure
        NoSupportedMechanism, ///< no SASL mechanism both sides support
        NotAuthorized, ///< wrong user name or password
        AccountDisabled,
        CredentialsExpired,
        EncryptionRequired, ///< the server wants TLS before this mechanism
        MechanismTooWeak,
        AuthenticationFailed, ///< any other SASL failure (see saslCondition)
        ServerNotVerified, ///< SCRAM: the server could not prove it knows the password
        BindFailed,
        ResourceConflict, ///< another session took our resource (stream conflict)
        PolicyViolation, ///< the server closed the stream for a policy reason
        SystemShutdown, ///< the server is shutting down
        StreamError, ///< another stream error (see streamCondition)
        ProtocolViolation, ///< the server sent something that breaks the protocol
    };

    Code code = Code::None;
    QString message;
    QString detail;
    std::optional<StreamErrorCondition> streamCondition; ///< when a stream error caused it
    QString saslCondition; ///< when SASL failed (e.g. "not-authorized")
    CertificateInfo certificate; ///< for the Tls* certificate codes

    bool isError() const { return code != Code::None; }
    /// True when trying again later cannot help without the user changing something
    /// (password, trust decision, settings); the client then stops reconnecting.
    bool isFatal() const;

    /// An error with the standard message for `code`.
    static Error make(Code code, const QString &detail = {});
    /// The translated sentence for `code`.
    static QString describe(Code code);
    /// An error for a stream error the server sent.
    static Error fromStreamError(const StreamError &streamError);
};

/// Why an IQ request did not get a result.
struct IqError
{
    enum class Code {
        Timeout, ///< no answer from the entity asked within the timeout
        NotConnected, ///< there was no session to send it on
        SessionLost, ///< the connection dropped and the session could not be resumed
        StanzaError, ///< the entity answered type='error' (see condition, type, text)
    };

    Code code = Code::Timeout;
    QString condition; ///< RFC 6120 8.3.3 defined condition, e.g. "item-not-found"
    QString type; ///< "cancel", "continue", "modify", "auth" or "wait"
    QString text; ///< the <text/> the entity gave, if any
    Element stanza; ///< the error reply itself (StanzaError only)

    static IqError fromStanza(const Element &errorIq);
};

} // namespace chorus::xmpp

Q_DECLARE_METATYPE(chorus::xmpp::Error)
Q_DECLARE_METATYPE(chorus::xmpp::IqError)
