#pragma once

#include "core/Expected.h"

#include <QObject>
#include <QString>

namespace QKeychain {
class Job;
}

namespace chorus::workspace {

/// Why the system keychain could not do what was asked.
struct CredentialError
{
    enum class Code {
        NotFound,     ///< nothing stored for this account
        NoKeychain,   ///< no Secret Service / keychain is running
        AccessDenied, ///< the keychain is locked or the user refused
        Failed,       ///< anything else; see message
    };
    Code code = Code::Failed;
    QString message;
};

/// Passwords and tokens live only in the system keychain (Secret Service through
/// QtKeychain), keyed by account JID. Never in SQLite, QSettings or logs.
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    /// `service` separates Chorus's entries from other programs' (tests use their own).
    explicit CredentialStore(QString service = QStringLiteral("Chorus"),
                             QObject *parent = nullptr);

    Task<QString, CredentialError> readPassword(const QString &accountJid);
    Task<Done, CredentialError> writePassword(const QString &accountJid, const QString &password);
    Task<Done, CredentialError> removePassword(const QString &accountJid);

private:
    template <typename T, typename OnSuccess>
    Task<T, CredentialError> run(QKeychain::Job *job, OnSuccess onSuccess, bool missingIsOk = false);

    QString m_service;
};

} // namespace chorus::workspace
