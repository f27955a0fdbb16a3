#include "xmpp/TlsTrust.h"

#include <QCryptographicHash>
#include <QSslKey>

namespace chorus::xmpp {

QByteArray certificateSha256(const QSslCertificate &certificate)
{
    return QCryptographicHash::hash(certificate.toDer(), QCryptographicHash::Sha256);
}

QByteArray publicKeySha256(const QSslCertificate &certificate)
{
    // QSslKey::toDer() of a public key is its SubjectPublicKeyInfo.
    return QCryptographicHash::hash(certificate.publicKey().toDer(), QCryptographicHash::Sha256);
}

QByteArray parseSha256Digest(QStringView text)
{
    QByteArray hex;
    hex.reserve(64);
    for (QChar c : text) {
        if (c == u':' || c.isSpace())
            continue;
        const char16_t u = c.unicode();
        if (!((u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F')))
            return {};
        hex += char(c.unicode());
    }
    const QByteArray digest = QByteArray::fromHex(hex);
    return digest.size() == 32 ? digest : QByteArray();
}

TlsCheck checkServerCertificate(const QList<QSslCertificate> &chain, const QList<QSslError> &errors,
                                const QList<QByteArray> &pins)
{
    TlsCheck check;
    check.info.chain = chain;
    for (const QSslError &e : errors)
        check.info.problems << e.errorString();
    if (chain.isEmpty()) {
        check.verdict = TlsVerdict::Untrusted;
        return check;
    }
    check.info.certificateSha256 = certificateSha256(chain.first());
    check.info.publicKeySha256 = publicKeySha256(chain.first());
    if (!pins.isEmpty()) {
        const bool match = pins.contains(check.info.certificateSha256)
            || pins.contains(check.info.publicKeySha256);
        check.verdict = match ? TlsVerdict::Trusted : TlsVerdict::PinMismatch;
        return check;
    }
    check.verdict = errors.isEmpty() ? TlsVerdict::Trusted : TlsVerdict::Untrusted;
    return check;
}

} // namespace chorus::xmpp
