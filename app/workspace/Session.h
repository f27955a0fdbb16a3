#pragma once

#include "chat/ChatService.h"

#include <QObject>

#include <memory>

class QSettings;

namespace chorus::store {
class AsyncStore;
}

namespace chorus::workspace {

class AccountController;
class CredentialStore;
class Profile;
class Workspace;
struct Options;

/// One running Chorus, window or not: the chat service, the account, and, as soon as
/// the account starts connecting, that account's store and workspace. The window and
/// the headless agent both sit on it.
class Session : public QObject
{
    Q_OBJECT
public:
    /// `profile` and `settings` must outlive the session.
    Session(const Profile &profile, QSettings *settings, QObject *parent = nullptr);
    ~Session() override;

    chat::ChatService *chat() const { return m_chat.get(); }
    AccountController *account() const { return m_account.get(); }
    /// Null until an account connects (or open() is called).
    Workspace *workspace() const { return m_workspace.get(); }
    store::AsyncStore *store() const { return m_store.get(); }

    /// Opens the store and workspace of `accountJid` (once; later calls for another
    /// account replace them). Called by itself when an account starts connecting.
    Workspace *open(const QString &accountJid);

    /// Signs in with --account/--password-file when given. Returns false with `error`
    /// set when the password file cannot be used; `used` says whether options named an
    /// account at all (otherwise the caller restores the saved one or asks).
    bool signInFromOptions(const Options &options, bool *used, QString *error);

    /// Signs in to the local demo server's operator as the command line does (plaintext
    /// allowed on loopback only), but remembers nothing: the demo server and its history
    /// are new each time, so the account's local store is started afresh too.
    void signInToDemo(const QString &jid, const QString &password, const QString &host,
                      quint16 port);

Q_SIGNALS:
    void workspaceOpened(chorus::workspace::Workspace *workspace);
    /// Something the operator must know that is not tied to one group.
    void warning(const QString &message);

private:
    const Profile &m_profile;
    std::unique_ptr<chat::ChatService> m_chat;
    std::unique_ptr<CredentialStore> m_credentials;
    std::unique_ptr<AccountController> m_account;
    std::unique_ptr<store::AsyncStore> m_store;
    std::unique_ptr<Workspace> m_workspace;
    QString m_openJid;
};

} // namespace chorus::workspace
