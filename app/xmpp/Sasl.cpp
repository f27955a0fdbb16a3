#include "xmpp/Sasl.h"

#include <QMessageAuthenticationCode>
#include <QPasswordDigestor>
#include <QRandomGenerator>

#include <array>

using namespace Qt::StringLiterals;

namespace chorus::xmpp {
namespace {

struct MechanismName
{
    SaslMechanism mechanism;
    QStringView name;
};

// In order of preference, strongest first.
constexpr std::array<MechanismName, 4> Mechanisms {{
    {SaslMechanism::ScramSha512, u"SCRAM-SHA-512"},
    {SaslMechanism::ScramSha256, u"SCRAM-SHA-256"},
    {SaslMechanism::ScramSha1, u"SCRAM-SHA-1"},
    {SaslMechanism::Plain, u"PLAIN"},
}};

QByteArray saslName(const QString &username)
{
    // RFC 5802 section 5.1: ',' and '=' are escaped in the user name.
    QByteArray name = username.normalized(QString::NormalizationForm_KC).toUtf8();
    name.replace("=", "=3D");
    name.replace(",", "=2C");
    return name;
}

QByteArray preparePassword(const QString &password)
{
    // SASLprep (RFC 4013) maps to NFKC; the prohibited characters it lists cannot be
    // typed into a password field in practice.
    return password.normalized(QString::NormalizationForm_KC).toUtf8();
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

// Splits "a=1,b=2" into (key, value) pairs, keeping the order.
QList<QPair<char, QByteArray>> parseAttributes(const QByteArray &message)
{
    QList<QPair<char, QByteArray>> out;
    for (const QByteArray &part : message.split(',')) {
        if (part.size() < 2 || part[1] != '=')
            return {};
        out.append({part[0], part.mid(2)});
    }
    return out;
}

QByteArray base64Strict(const QByteArray &text, bool *ok)
{
    const auto result
        = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    *ok = result.decodingStatus == QByteArray::Base64DecodingStatus::Ok;
    return result.decoded;
}

} // namespace

QString mechanismName(SaslMechanism mechanism)
{
    for (const auto &m : Mechanisms) {
        if (m.mechanism == mechanism)
            return m.name.toString();
    }
    return {};
}

std::optional<SaslMechanism> chooseSaslMechanism(const QStringList &offered, bool plainAllowed)
{
    for (const auto &m : Mechanisms) {
        if (m.mechanism == SaslMechanism::Plain && !plainAllowed)
            continue;
        if (offered.contains(m.name.toString()))
            return m.mechanism;
    }
    return std::nullopt;
}

Error::Code saslFailureCode(QStringView condition)
{
    if (condition == u"not-authorized")
        return Error::Code::NotAuthorized;
    if (condition == u"account-disabled")
        return Error::Code::AccountDisabled;
    if (condition == u"credentials-expired")
        return Error::Code::CredentialsExpired;
    if (condition == u"encryption-required")
        return Error::Code::EncryptionRequired;
    if (condition == u"mechanism-too-weak")
        return Error::Code::MechanismTooWeak;
    return Error::Code::AuthenticationFailed;
}

SaslClient::~SaslClient() = default;

std::unique_ptr<SaslClient> SaslClient::create(SaslMechanism mechanism, const QString &username,
                                               const QString &password,
                                               const QByteArray &clientNonce)
{
    if (mechanism == SaslMechanism::Plain)
        return std::make_unique<PlainClient>(username, password);
    return std::make_unique<ScramClient>(mechanism, username, password, clientNonce);
}

ScramClient::ScramClient(SaslMechanism mechanism, const QString &username, const QString &password,
                         const QByteArray &clientNonce)
    : m_mechanism(mechanism),
      m_algorithm(mechanism == SaslMechanism::ScramSha512       ? QCryptographicHash::Sha512
                      : mechanism == SaslMechanism::ScramSha256 ? QCryptographicHash::Sha256
                                                                : QCryptographicHash::Sha1),
      m_username(saslName(username)), m_password(preparePassword(password)),
      m_clientNonce(clientNonce)
{
    if (m_clientNonce.isEmpty()) {
        QByteArray random(24, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()),
                                              random.size() / 4);
        m_clientNonce = random.toBase64();
    }
}

QByteArray ScramClient::initialResponse()
{
    m_clientFirstBare = "n=" + m_username + ",r=" + m_clientNonce;
    m_state = State::SentFirst;
    return "n,," + m_clientFirstBare;
}

std::optional<QByteArray> ScramClient::respond(const QByteArray &challenge)
{
    if (m_state == State::SentFirst)
        return clientFinal(challenge);
    if (m_state == State::SentFinal) {
        // Some servers send server-final-message as a challenge and an empty <success/>.
        if (!verifyServerFinal(challenge))
            return std::nullopt;
        return QByteArray();
    }
    m_state = State::Failed;
    fail(Error::Code::ProtocolViolation, u"unexpected SASL challenge"_s);
    return std::nullopt;
}

std::optional<QByteArray> ScramClient::clientFinal(const QByteArray &serverFirst)
{
    m_state = State::Failed;
    const auto attrs = parseAttributes(serverFirst);
    if (attrs.size() < 3 || attrs[0].first != 'r' || attrs[1].first != 's'
        || attrs[2].first != 'i') {
        fail(Error::Code::ProtocolViolation,
             attrs.value(0).first == 'm' ? u"SCRAM extension the client does not support"_s
                                         : u"malformed SCRAM server-first-message"_s);
        return std::nullopt;
    }
    const QByteArray nonce = attrs[0].second;
    if (!nonce.startsWith(m_clientNonce) || nonce.size() <= m_clientNonce.size()) {
        fail(Error::Code::ProtocolViolation, u"the server's SCRAM nonce does not extend ours"_s);
        return std::nullopt;
    }
    bool ok = false;
    const QByteArray salt = base64Strict(attrs[1].second, &ok);
    if (!ok || salt.isEmpty()) {
        fail(Error::Code::ProtocolViolation, u"malformed SCRAM salt"_s);
        return std::nullopt;
    }
    const int iterations = attrs[2].second.toInt(&ok);
    if (!ok || iterations < 1 || iterations > MaxIterations) {
        fail(Error::Code::ProtocolViolation,
             u"unacceptable SCRAM iteration count %1"_s.arg(QString::fromLatin1(attrs[2].second)));
        return std::nullopt;
    }

    const int hashLength = QCryptographicHash::hashLength(m_algorithm);
    const QByteArray saltedPassword = QPasswordDigestor::deriveKeyPbkdf2(
        m_algorithm, m_password, salt, iterations, quint64(hashLength));
    const QByteArray clientKey
        = QMessageAuthenticationCode::hash("Client Key", saltedPassword, m_algorithm);
    const QByteArray storedKey = QCryptographicHash::hash(clientKey, m_algorithm);
    const QByteArray withoutProof = "c=biws,r=" + nonce; // biws = base64("n,,")
    const QByteArray authMessage = m_clientFirstBare + ',' + serverFirst + ',' + withoutProof;
    const QByteArray clientSignature
        = QMessageAuthenticationCode::hash(authMessage, storedKey, m_algorithm);
    QByteArray proof = clientKey;
    for (int i = 0; i < proof.size(); ++i)
        proof[i] = char(proof[i] ^ clientSignature[i]);
    const QByteArray serverKey
        = QMessageAuthenticationCode::hash("Server Key", saltedPassword, m_algorithm);
    m_expectedServerSignature
        = QMessageAuthenticationCode::hash(authMessage, serverKey, m_algorithm);
    m_state = State::SentFinal;
    return withoutProof + ",p=" + proof.toBase64();
}

bool ScramClient::verifyServerFinal(const QByteArray &serverFinal)
{
    m_state = State::Failed;
    const auto attrs = parseAttributes(serverFinal);
    if (attrs.isEmpty())
        return fail(Error::Code::ServerNotVerified, u"malformed SCRAM server-final-message"_s);
    if (attrs[0].first == 'e') {
        return fail(Error::Code::AuthenticationFailed,
                    u"SCRAM error: %1"_s.arg(QString::fromUtf8(attrs[0].second)));
    }
    bool ok = false;
    const QByteArray signature = base64Strict(attrs[0].second, &ok);
    if (attrs[0].first != 'v' || !ok)
        return fail(Error::Code::ServerNotVerified, u"malformed SCRAM server-final-message"_s);
    if (!constantTimeEquals(signature, m_expectedServerSignature))
        return fail(Error::Code::ServerNotVerified, u"wrong SCRAM server signature"_s);
    m_state = State::Verified;
    return true;
}

bool ScramClient::finish(const QByteArray &additionalData)
{
    if (m_state == State::Verified)
        return true; // already checked in a challenge; <success/> may repeat or be empty
    if (m_state != State::SentFinal)
        return fail(Error::Code::ServerNotVerified,
                    u"SASL success before the SCRAM exchange ended"_s);
    if (additionalData.isEmpty())
        return fail(Error::Code::ServerNotVerified,
                    u"SASL success without a SCRAM server signature"_s);
    return verifyServerFinal(additionalData);
}

PlainClient::PlainClient(const QString &username, const QString &password)
    : m_username(username.toUtf8()), m_password(preparePassword(password))
{
}

QByteArray PlainClient::initialResponse()
{
    return '\0' + m_username + '\0' + m_password;
}

std::optional<QByteArray> PlainClient::respond(const QByteArray &)
{
    fail(Error::Code::ProtocolViolation, u"unexpected challenge to SASL PLAIN"_s);
    return std::nullopt;
}

} // namespace chorus::xmpp
