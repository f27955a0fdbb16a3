#pragma once

#include "xmpp/Error.h"

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslError>

namespace chorus::xmpp {

/// The decision on a server's certificate chain.
enum class TlsVerdict {
    Trusted, ///< the system trusts it, or it matches a pin
    Untrusted, ///< no pin and the system does not trust it
    PinMismatch, ///< pins are set and none matches: the certificate changed
};

struct TlsCheck
{
    TlsVerdict verdict = TlsVerdict::Untrusted;
    CertificateInfo info; ///< chain, problems and digests of what was presented
};

/// Decides on a chain presented by the server. With `pins` (SHA-256 digests of a
/// certificate or of its public key), only a leaf matching one of them is accepted,
/// whatever the system trust store says: a pin replaces CA trust (trust on first
/// use) and a change is refused. Without pins the system's verdict (`errors`) holds.
TlsCheck checkServerCertificate(const QList<QSslCertificate> &chain, const QList<QSslError> &errors,
                                const QList<QByteArray> &pins);

/// SHA-256 of the certificate's DER encoding.
QByteArray certificateSha256(const QSslCertificate &certificate);
/// SHA-256 of the certificate's SubjectPublicKeyInfo (survives re-issuing with the same key).
QByteArray publicKeySha256(const QSslCertificate &certificate);
/// Parses a digest written as hex, with or without ':' separators; empty when invalid.
QByteArray parseSha256Digest(QStringView text);

} // namespace chorus::xmpp
