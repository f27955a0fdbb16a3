#include "workspace/AccountController.h"

#include <QHostAddress>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace chorus::workspace {
namespace {

constexpr auto kJid = "account/jid";
constexpr auto kHost = "account/host";
constexpr auto kPort = "account/port";
constexpr auto kPlaintext = "account/allowPlaintextLoopback";
constexpr auto kPins = "account/pinnedCertificates";

} // namespace

AccountController::AccountController(chat::ChatService *chat, CredentialStore *credentials,
                                     QSettings *settings, QObject *parent)
    : QObject(parent), m_chat(chat), m_credentials(credentials), m_settings(settings)
{
}

bool AccountController::isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool AccountController::hasSavedAccount() const
{
    return !m_settings->value(kJid).toString().isEmpty();
}

chat::AccountSettings AccountController::savedSettings() const
{
    chat::AccountSettings s;
    s.jid = m_settings->value(kJid).toString();
    s.host = m_settings->value(kHost).toString();
    s.port = quint16(m_settings->value(kPort, 0).toUInt());
    s.allowPlaintextLoopback = m_settings->value(kPlaintext, false).toBool();
    for (const QString &hex : m_settings->value(kPins).toStringList())
        s.pinnedCertificateSha256 << QByteArray::fromHex(hex.toLatin1());
    return s;
}

void AccountController::save(const chat::AccountSettings &s)
{
    m_settings->setValue(kJid, s.jid);
    m_settings->setValue(kHost, s.host);
    m_settings->setValue(kPort, s.port);
    m_settings->setValue(kPlaintext, s.allowPlaintextLoopback);
    QStringList pins;
    for (const QByteArray &pin : s.pinnedCertificateSha256)
        pins << QString::fromLatin1(pin.toHex());
    m_settings->setValue(kPins, pins);
    m_settings->sync();
}

void AccountController::signIn(const chat::AccountSettings &settings, const QString &password,
                               bool keychainRequired)
{
    m_current = settings;
    // The allowance is for a server on this machine only, whatever the user typed.
    if (m_current.allowPlaintextLoopback && !isLoopbackHost(m_current.host))
        m_current.allowPlaintextLoopback = false;
    m_credentials->writePassword(m_current.jid, password)
        .then(this, [this, password, keychainRequired](const Expected<Done, CredentialError> &written) {
            if (!written.ok() && !keychainRequired) {
                Q_EMIT keychainUnavailable(tr("The password could not be saved in the system "
                                              "keychain (%1); it is used from the password "
                                              "file this time only.")
                                               .arg(written.error().message));
                save(m_current);
                connectWith(password);
                return;
            }
            if (!written.ok()) {
                Q_EMIT signInFailed(tr("The password could not be saved in the system keychain "
                                       "(%1). Start a keychain service such as GNOME Keyring "
                                       "and try again.")
                                        .arg(written.error().message));
                return;
            }
            save(m_current);
            connectWith(password);
        });
}

void AccountController::signInTemporarily(const chat::AccountSettings &settings,
                                          const QString &password)
{
    m_current = settings;
    if (m_current.allowPlaintextLoopback && !isLoopbackHost(m_current.host))
        m_current.allowPlaintextLoopback = false;
    connectWith(password);
}

void AccountController::restore()
{
    if (!hasSavedAccount()) {
        Q_EMIT signInFailed(tr("No account is saved yet."));
        return;
    }
    m_current = savedSettings();
    m_credentials->readPassword(m_current.jid)
        .then(this, [this](const Expected<QString, CredentialError> &read) {
            if (!read.ok()) {
                Q_EMIT signInFailed(
                    read.error().code == CredentialError::Code::NotFound
                        ? tr("The keychain has no password for %1. Sign in again.").arg(m_current.jid)
                        : tr("The keychain could not be read (%1).").arg(read.error().message));
                return;
            }
            connectWith(read.value());
        });
}

void AccountController::connectWith(const QString &password)
{
    m_password = password;
    m_chat->connectAccount(m_current, password);
}

void AccountController::trustCertificate(const QByteArray &sha256, bool remember)
{
    if (sha256.isEmpty() || m_current.jid.isEmpty())
        return;
    if (!m_current.pinnedCertificateSha256.contains(sha256))
        m_current.pinnedCertificateSha256 << sha256;
    if (remember)
        save(m_current);
    connectWith(m_password);
}

void AccountController::signOut(bool forgetPassword)
{
    m_chat->disconnectAccount();
    m_password.clear();
    if (forgetPassword && !m_current.jid.isEmpty())
        m_credentials->removePassword(m_current.jid);
}

} // namespace chorus::workspace
