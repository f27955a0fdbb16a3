#include "workspace/Session.h"

#include "activities/ActivitiesSchema.h"
#include "chat/XmppChatService.h"
#include "replies/RepliesSchema.h"
#include "sales/SalesSchema.h"
#include "store/AsyncStore.h"
#include "workspace/AccountController.h"
#include "workspace/CommandLine.h"
#include "workspace/CredentialStore.h"
#include "workspace/Profile.h"
#include "workspace/Workspace.h"

#include <QFile>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSession, "chorus.session")

namespace chorus::workspace {

Session::Session(const Profile &profile, QSettings *settings, QObject *parent)
    : QObject(parent), m_profile(profile), m_chat(std::make_unique<chat::XmppChatService>()),
      m_credentials(std::make_unique<CredentialStore>()),
      m_account(std::make_unique<AccountController>(m_chat.get(), m_credentials.get(), settings))
{
    // The workspace must exist before the session does, so it sees "connected" and
    // joins the account's groups from the store's resume points.
    connect(m_chat.get(), &chat::ChatService::connectionStateChanged, this,
            [this](chat::ConnectionState state) {
                if (state == chat::ConnectionState::Connecting && !m_chat->accountJid().isEmpty())
                    open(m_chat->accountJid());
            });
    connect(m_account.get(), &AccountController::keychainUnavailable, this, &Session::warning);
}

Session::~Session()
{
    // The workspace goes before the store it writes to, both before the chat service.
    m_workspace.reset();
    m_store.reset();
}

Workspace *Session::open(const QString &accountJid)
{
    const QString jid = accountJid.toLower();
    if (m_workspace && m_openJid == jid)
        return m_workspace.get();
    m_workspace.reset();
    m_store.reset();
    m_openJid = jid;

    store::AsyncStore::Options options;
    options.database.path = m_profile.databasePath(jid);
    // Every feature's tables, migrated at open (in this order: later ones may refer to
    // earlier ones).
    options.modules = {replies::repliesSchema(), sales::salesSchema(), activities::activitiesSchema()};
    m_store = std::make_unique<store::AsyncStore>(options);
    m_store->open().then(this, [this](const Expected<Done, store::StoreError> &opened) {
        if (!opened.ok()) {
            qCWarning(lcSession) << "store:" << opened.error().message << opened.error().detail;
            Q_EMIT warning(tr("The local store could not be opened: %1 Messages are shown "
                              "but not kept.")
                               .arg(opened.error().message));
        }
    });
    m_workspace = std::make_unique<Workspace>(m_chat.get(), m_store.get());
    m_workspace->start();
    Q_EMIT workspaceOpened(m_workspace.get());
    return m_workspace.get();
}

bool Session::signInFromOptions(const Options &options, bool *used, QString *error)
{
    *used = !options.account.isEmpty();
    if (!*used)
        return true;
    const QString password = CommandLine::readPasswordFile(options.passwordFile, error);
    if (password.isEmpty())
        return false;
    chat::AccountSettings settings;
    settings.jid = options.account;
    settings.host = options.serverHost;
    settings.port = options.serverPort;
    settings.allowPlaintextLoopback = options.allowPlaintextLoopback;
    // A password given in a file may stay there if no keychain is running.
    m_account->signIn(settings, password, /*keychainRequired=*/false);
    return true;
}

void Session::signInToDemo(const QString &jid, const QString &password, const QString &host,
                           quint16 port)
{
    chat::AccountSettings settings;
    settings.jid = jid;
    settings.host = host;
    settings.port = port;
    settings.allowPlaintextLoopback = true;
    // The previous demo's history points at stanza-ids the new server never issued.
    const QString key = jid.toLower();
    if (m_openJid == key) {
        m_chat->disconnectAccount();
        m_workspace.reset();
        m_store.reset();
        m_openJid.clear();
    }
    const QString database = m_profile.databasePath(key);
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s})
        QFile::remove(database + suffix);
    m_account->signInTemporarily(settings, password);
}

} // namespace chorus::workspace
