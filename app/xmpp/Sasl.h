#pragma once

#include "xmpp/Error.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace chorus::xmpp {

/// SASL mechanisms the client speaks, weakest last.
enum class SaslMechanism { ScramSha512, ScramSha256, ScramSha1, Plain };

QString mechanismName(SaslMechanism mechanism);

/// The strongest mechanism in `offered` that we support. PLAIN is only considered
/// when `plainAllowed` (the channel is encrypted, or plaintext loopback is allowed).
/// Channel-binding (-PLUS) variants are not used.
std::optional<SaslMechanism> chooseSaslMechanism(const QStringList &offered, bool plainAllowed);

/// The client's side of one SASL exchange (RFC 6120 section 6), free of I/O: the
/// negotiator feeds it the server's challenges and sends back what it returns.
class SaslClient
{
public:
    /// `username` is the account's node part. `clientNonce` is for tests only
    /// (RFC test vectors); normally a random one is made.
    static std::unique_ptr<SaslClient> create(SaslMechanism mechanism, const QString &username,
                                              const QString &password,
                                              const QByteArray &clientNonce = {});
    virtual ~SaslClient();

    virtual SaslMechanism mechanism() const = 0;
    /// The data sent with <auth/>.
    virtual QByteArray initialResponse() = 0;
    /// The response to a <challenge/>; nullopt when the challenge is malformed or
    /// wrong (see errorCode() and errorDetail()).
    virtual std::optional<QByteArray> respond(const QByteArray &challenge) = 0;
    /// Checks the additional data of <success/>; false when the server did not prove
    /// itself (SCRAM: missing or wrong server signature).
    virtual bool finish(const QByteArray &additionalData) = 0;

    Error::Code errorCode() const { return m_errorCode; }
    QString errorDetail() const { return m_errorDetail; }

protected:
    bool fail(Error::Code code, const QString &detail)
    {
        m_errorCode = code;
        m_errorDetail = detail;
        return false;
    }

private:
    Error::Code m_errorCode = Error::Code::None;
    QString m_errorDetail;
};

/// SCRAM (RFC 5802; SHA-256 per RFC 7677; SHA-512 likewise), without channel binding.
class ScramClient final : public SaslClient
{
public:
    /// Iteration counts above this are refused: a hostile server could otherwise make
    /// the client spin for minutes.
    static constexpr int MaxIterations = 1'000'000;

    ScramClient(SaslMechanism mechanism, const QString &username, const QString &password,
                const QByteArray &clientNonce);

    SaslMechanism mechanism() const override { return m_mechanism; }
    QByteArray initialResponse() override;
    std::optional<QByteArray> respond(const QByteArray &challenge) override;
    bool finish(const QByteArray &additionalData) override;

    bool serverVerified() const { return m_state == State::Verified; }

private:
    enum class State { Start, SentFirst, SentFinal, Verified, Failed };
    std::optional<QByteArray> clientFinal(const QByteArray &serverFirst);
    bool verifyServerFinal(const QByteArray &serverFinal);

    SaslMechanism m_mechanism;
    QCryptographicHash::Algorithm m_algorithm;
    QByteArray m_username; ///< saslname-escaped, UTF-8
    QByteArray m_password; ///< normalised, UTF-8
    QByteArray m_clientNonce;
    QByteArray m_clientFirstBare;
    QByteArray m_expectedServerSignature;
    State m_state = State::Start;
};

/// PLAIN (RFC 4616): the password itself, so only over TLS or to loopback.
class PlainClient final : public SaslClient
{
public:
    PlainClient(const QString &username, const QString &password);
    SaslMechanism mechanism() const override { return SaslMechanism::Plain; }
    QByteArray initialResponse() override;
    std::optional<QByteArray> respond(const QByteArray &challenge) override;
    bool finish(const QByteArray &) override { return true; }

private:
    QByteArray m_username;
    QByteArray m_password;
};

/// The Error::Code for a SASL <failure/> condition ("not-authorized", ...).
Error::Code saslFailureCode(QStringView condition);

} // namespace chorus::xmpp
