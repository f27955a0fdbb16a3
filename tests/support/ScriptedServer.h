#pragma once

#include "ScriptedTransport.h"

#include "xmpp/Element.h"
#include "xmpp/StreamParser.h"

#include <QCryptographicHash>
#include <QStringList>

#include <functional>
#include <optional>

namespace chorus::test {

/// The server's side of a SCRAM exchange (RFC 5802), to script logins against the
/// real client code, or to tamper with them (a wrong server signature).
class ScramServer
{
public:
    ScramServer(QCryptographicHash::Algorithm algorithm, const QString &password,
                const QByteArray &salt = QByteArrayLiteral("chorus-salt-1234"),
                int iterations = 4096);

    /// server-first-message for the client's client-first-message.
    QByteArray serverFirst(const QByteArray &clientFirst);
    /// Checks the proof in client-final-message.
    bool verifyClientFinal(const QByteArray &clientFinal);
    /// server-final-message ("v=...") proving we know the password.
    QByteArray serverFinal() const { return "v=" + m_serverSignature.toBase64(); }

private:
    QCryptographicHash::Algorithm m_algorithm;
    QByteArray m_saltedPassword;
    QByteArray m_salt;
    int m_iterations;
    QByteArray m_clientFirstBare;
    QByteArray m_serverFirst;
    QByteArray m_serverSignature;
};

/// Plays the server against a Client over a ScriptedTransport: reads what the client
/// wrote (raw bytes, or parsed elements), and writes the server's side. Waiting
/// functions spin the event loop up to a timeout; on failure they return false or
/// nullopt and failure() says what went wrong.
class ScriptedServer
{
public:
    explicit ScriptedServer(ScriptedTransport *transport);
    ScriptedTransport *transport() const { return m_transport; }
    QString failure() const { return m_failure; }

    // --- What the client wrote ---
    /// Waits for connection attempt number `count` (1-based).
    bool waitForConnect(int count = 1, int timeoutMs = 5000);
    /// Starts reading a new client stream and waits for its header.
    std::optional<xmpp::StreamHeader> waitForHeader(int timeoutMs = 5000);
    /// The next top-level element the client wrote.
    std::optional<xmpp::Element> nextElement(int timeoutMs = 5000);
    /// The next element, skipping XEP-0198 <r/> and <a/> (answering nothing).
    std::optional<xmpp::Element> nextStanza(int timeoutMs = 5000);
    /// The client's next bytes must be exactly `bytes`.
    bool expectRaw(const QByteArray &bytes, int timeoutMs = 5000);
    /// True when the client writes nothing more within `ms`.
    bool staysSilent(int ms = 200);
    /// Everything written and not read yet.
    QByteArray takeRaw();

    // --- What the server says ---
    void sendHeader(const QString &id = QStringLiteral("stream-1"));
    void send(const QByteArray &xml);
    void send(const xmpp::Element &element);

    /// How acceptLogin() plays the server.
    struct Login
    {
        QString domain = QStringLiteral("localhost");
        QString password = QStringLiteral("secret");
        bool offerStartTls = false;
        QStringList mechanisms {QStringLiteral("SCRAM-SHA-1"), QStringLiteral("PLAIN")};
        bool streamManagement = true;
        bool csi = true;
        QString smId = QStringLiteral("sm-1"); ///< empty: stream management without resumption
        QString resource; ///< what to bind; empty: what the client asked for
        /// Sent right after the bind result, before <enabled/> (stanzas a server may
        /// route as soon as the resource is bound).
        QByteArray beforeEnabled;
    };
    /// Plays a whole successful login: header, features, optional STARTTLS, SASL
    /// (SCRAM or PLAIN, verifying the client's credentials), bind, SM enable.
    bool acceptLogin(const Login &login);
    /// The first half of acceptLogin(): up to the <stream:features/> after SASL,
    /// where the client either resumes (XEP-0198) or binds.
    bool acceptAuthentication(const Login &login);
    /// The second half: answers the bind request and <enable/>.
    bool acceptBind(const Login &login);
    /// The JID bound by the last acceptLogin().
    QString boundJid() const { return m_boundJid; }

    static QByteArray featuresXml(const QStringList &mechanisms, bool startTls,
                                  bool startTlsRequired);
    static QByteArray sessionFeaturesXml(bool streamManagement, bool csi);

private:
    bool waitFor(const std::function<bool()> &condition, int timeoutMs);
    void pull();
    bool fail(const QString &why);
    bool authenticate(const Login &login);

    ScriptedTransport *m_transport;
    xmpp::StreamParser m_parser;
    QByteArray m_raw; ///< written by the client, not yet parsed
    QString m_failure;
    QString m_boundJid;
};

} // namespace chorus::test
