#include "xmpp/Error.h"

#include "xmpp/Namespaces.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace chorus::xmpp {

QString CertificateInfo::formatDigest(const QByteArray &digest)
{
    return QString::fromLatin1(digest.toHex(':').toUpper());
}

bool Error::isFatal() const
{
    switch (code) {
    case Code::InvalidSettings:
    case Code::TlsCertificateUntrusted:
    case Code::TlsPinMismatch:
    case Code::TlsNotOffered:
    case Code::PlaintextNotAllowed:
    case Code::NoSupportedMechanism:
    case Code::NotAuthorized:
    case Code::AccountDisabled:
    case Code::CredentialsExpired:
    case Code::EncryptionRequired:
    case Code::MechanismTooWeak:
    case Code::ServerNotVerified:
    case Code::ResourceConflict:
    case Code::PolicyViolation:
        return true;
    default:
        return false;
    }
}

QString Error::describe(Code code)
{
    const char *text = nullptr;
    switch (code) {
    case Code::None:
        return {};
    case Code::InvalidSettings:
        text = QT_TRANSLATE_NOOP("chorus::xmpp::Error",
                                 "The account's address or connection settings are not valid.");
        break;
    case Code::HostNotFound:
        text = QT_TRANSLATE_NOOP(
            "chorus::xmpp::Error",
            "The chat server could not be found. Check the address and your network.");
        break;
    case Code::ConnectionRefused:
        text = QT_TRANSLATE_NOOP("chorus::xmpp::Error", "The chat server refused the connection.");
        break;
    case Code::ConnectionTimeout:
        text = QT_TRANSLATE_NOOP("chorus::xmpp::Error", "The chat server did not answer in time.");
        break;
    case Code::ConnectionLost:
        text = QT_TRANSLATE_NOOP("chorus::xmpp::Error",
                                 "The connection to the chat server was lost.");
        break;
    case Code::PingTimeout:
        text = QT_TRANSLATE_NOOP("chorus::xmpp::Error", "The chat server stopped responding.");
        break;
    case Code::TlsHandshakeFailed:
        text = QT_TRANSLATE_NOOP("chorus::xmpp::Error",
                                 "A secure connection to the chat server could not be set up.");
        break;
    case Code::TlsCertificateUntrusted:
        text = QT_TRANSLATE_NOOP("chorus::xmpp::Error",
                                 "The server's certificate is not trusted. Compare its fingerprint "
                                 "with the one your administrator gave you before trusting it.");
        break;
    case Code::TlsPinMismatch:
        text = QT_TRANSLATE_NOOP(
            "chorus::xmpp::Error",
            "The server's certificate has changed since you trusted it. This can mean someone is "
            "intercepting the connection; the connection was refused.");
        break;
    case Code::TlsNotOffered:
        text = QT_TRANSLATE_NOOP(
            "chorus::xmpp::Error",
            "The server did not offer an encrypted connection, so Chorus refused to continue.");
        break;
    case Code::TlsFailed:
        text = QT_TRANSLATE_NOOP("chorus::xmpp::Error", "The server could not start encryption.");
        break;
    case Code::PlaintextNotAllowed:
        text = QT_TRANSLATE_NOOP(
            "chorus::xmpp::Error",
            "Signing in would send the password unencrypted, so Chorus refused.");
        break;
    case Code::NoSupportedMechanism:
        text = QT_TRANSLATE_NOOP("chorus::xmpp::Error",
                                 "The server offers no sign-in method that Chorus supports.");
        break;
    case Code::NotAuthorized:
        text = QT_TRANSLATE_NOOP("chorus::xmpp::Error", "Wrong address or password.");
        break;
    case Code::AccountDisabled:
        text = QT_TRANSLATE_NOOP("chorus::xmpp::Error",
                                 "This account has been disabled on the server.");
        break;
    case Code::CredentialsExpired:
        text = QT_TRANSLATE_NOOP("chorus::xmpp::Error",
                                 "The password has expired; change it with your provider.");
        break;
    case Code::EncryptionRequired:
        text = QT_TRANSLATE_NOOP("chorus::xmpp::Error",
                                 "The server requires an encrypted connection for signing in.");
        break;
    case Code::MechanismTooWeak:
        text = QT_TRANSLATE_NOOP("chorus::xmpp::Error",
                                 "The server considers the sign-in method too weak.");
        break;
    case Code::AuthenticationFailed:
        text = QT_TRANSLATE_NOOP("chorus::xmpp::Error", "Signing in failed.");
        break;
    case Code::ServerNotVerified:
        text = QT_TRANSLATE_NOOP(
            "chorus::xmpp::Error",
            "The server could not prove that it knows your password; the connection was refused.");
        break;
    case Code::BindFailed:
        text = QT_TRANSLATE_NOOP("chorus::xmpp::Error",
                                 "The server did not start a session for this device.");
        break;
    case Code::ResourceConflict:
        text = QT_TRANSLATE_NOOP(
            "chorus::xmpp::Error",
            "Another device signed in with the same session name and replaced this one.");
        break;
    case Code::PolicyViolation:
        text = QT_TRANSLATE_NOOP(
            "chorus::xmpp::Error",
            "The server closed the connection because a server policy was violated.");
        break;
    case Code::SystemShutdown:
        text = QT_TRANSLATE_NOOP("chorus::xmpp::Error", "The server is shutting down.");
        break;
    case Code::StreamError:
        text = QT_TRANSLATE_NOOP("chorus::xmpp::Error",
                                 "The server closed the connection with an error.");
        break;
    case Code::ProtocolViolation:
        text = QT_TRANSLATE_NOOP(
            "chorus::xmpp::Error",
            "The server sent data that breaks the protocol; the connection was closed.");
        break;
    }
    return QCoreApplication::translate("chorus::xmpp::Error", text);
}

Error Error::make(Code code, const QString &detail)
{
    Error e;
    e.code = code;
    e.message = describe(code);
    e.detail = detail;
    return e;
}

Error Error::fromStreamError(const StreamError &streamError)
{
    Code code = Code::StreamError;
    switch (streamError.condition) {
    case StreamErrorCondition::Conflict:
        code = Code::ResourceConflict;
        break;
    case StreamErrorCondition::PolicyViolation:
        code = Code::PolicyViolation;
        break;
    case StreamErrorCondition::SystemShutdown:
        code = Code::SystemShutdown;
        break;
    case StreamErrorCondition::ConnectionTimeout:
        code = Code::ConnectionTimeout;
        break;
    default:
        break;
    }
    Error e = make(code,
                   conditionName(streamError.condition)
                       + (streamError.text.isEmpty() ? QString() : u": "_s + streamError.text));
    e.streamCondition = streamError.condition;
    return e;
}

IqError IqError::fromStanza(const Element &errorIq)
{
    IqError e;
    e.code = Code::StanzaError;
    e.stanza = errorIq;
    const Element error = errorIq.child(u"error", errorIq.ns());
    e.type = error.attribute(u"type");
    for (const Element &c : error.children()) {
        if (c.ns() != ns::Stanzas)
            continue;
        if (c.name() == u"text")
            e.text = c.text();
        else if (e.condition.isEmpty())
            e.condition = c.name();
    }
    if (e.condition.isEmpty())
        e.condition = u"undefined-condition"_s;
    return e;
}

} // namespace chorus::xmpp
