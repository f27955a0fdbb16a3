#pragma once

#include "chat/ChatService.h"
#include "workspace/CredentialStore.h"

#include <QObject>

class QSettings;

namespace chorus::workspace {

/// Signs one account in and keeps it signed in: remembers the (non-secret) account
/// settings in QSettings and the password in the system keychain, restores both at the
/// next start, and records certificates the operator chose to trust.
class AccountController : public QObject
{
    Q_OBJECT
public:
    AccountController(chat::ChatService *chat, CredentialStore *credentials, QSettings *settings,
                      QObject *parent = nullptr);

    /// The account remembered from an earlier sign-in, if any.
    bool hasSavedAccount() const;
    chat::AccountSettings savedSettings() const;

    /// Stores the password in the keychain and the settings in QSettings, then connects.
    /// Fails early (signInFailed) when the keychain refuses: a password is never kept
    /// anywhere else.
    /// With `keychainRequired` false (a password given in a file, for the demo or a
    /// headless agent) a keychain that refuses is reported with keychainUnavailable() and
    /// the account connects anyway: the file stays the password's only copy.
    void signIn(const chat::AccountSettings &settings, const QString &password,
                bool keychainRequired = true);
    /// Connects without remembering anything: no settings, no keychain entry (a
    /// throwaway account such as the local demo's, gone at the next start).
    void signInTemporarily(const chat::AccountSettings &settings, const QString &password);
    /// Reads the saved account and its password and connects; signInFailed if either is
    /// missing.
    void restore();
    /// Adds a certificate fingerprint to the account's pins (trust on first use); when
    /// `remember` is false it is trusted for this session only.
    void trustCertificate(const QByteArray &sha256, bool remember);
    void signOut(bool forgetPassword);

    static bool isLoopbackHost(const QString &host);

Q_SIGNALS:
    void signInFailed(const QString &message);
    void keychainUnavailable(const QString &message);

private:
    void save(const chat::AccountSettings &settings);
    void connectWith(const QString &password);

    chat::ChatService *m_chat;
    CredentialStore *m_credentials;
    QSettings *m_settings;
    chat::AccountSettings m_current;
    QString m_password; ///< kept in memory only, for reconnects after trusting a certificate
};

} // namespace chorus::workspace
