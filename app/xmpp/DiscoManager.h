#pragma once

#include "core/Expected.h"
#include "xmpp/DiscoInfo.h"
#include "xmpp/Error.h"
#include "xmpp/Extension.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <optional>
#include <utility>

namespace chorus::xmpp {

/// Why a disco request failed.
struct DiscoError
{
    enum class Code { NotConnected, Timeout, NotFound, NotSupported, Remote };
    Code code = Code::Remote;
    QString condition;
    QString text;

    static DiscoError fromIqError(const IqError &error);
};

/// The services of our own server that Chorus uses, found once at login.
struct ServerServices
{
    Jid muc; ///< the group chat service (conference/text)
    QList<Jid> mucServices; ///< all of them, when there are several
    Jid upload; ///< XEP-0363 HTTP upload service (invalid: none)
    qint64 uploadMaxSize = -1; ///< its max-file-size, -1 when it does not say
    DiscoInfo server; ///< the server's own disco#info
    DiscoInfo account; ///< our account's (bare JID) disco#info: PEP, MAM, bookmarks
};

/// XEP-0030 service discovery and XEP-0115 entity capabilities.
///
/// Answers disco#info queries about us with the features of every registered
/// extension (discoFeatures()) and publishes the matching caps hash (capsElement(),
/// for the presences we send). Caches what others answer: info per JID/node for the
/// session, and caps by their verified 'ver' for good, so a client version seen once
/// is never asked about again (capsCache() can be persisted). Concurrent requests for
/// the same thing share one query. Presences are only looked at for their caps, never
/// claimed: register it before the managers that take presences.
class DiscoManager : public QObject, public Extension
{
    Q_OBJECT
public:
    explicit DiscoManager(QObject *parent = nullptr);

    void setIdentity(const DiscoIdentity &identity) { m_identity = identity; }
    void setCapsNode(const QString &node) { m_capsNode = node; }
    QString capsNode() const { return m_capsNode; }

    /// Our identity and the features of all registered extensions.
    DiscoInfo ownInfo() const;
    QString ownCapsVer() const { return ownInfo().capsVer(); }
    /// <c xmlns='http://jabber.org/protocol/caps'/> to put in our presences.
    Element capsElement() const;

    /// disco#info of `jid` (and `node`), from the session cache when asked before.
    Task<DiscoInfo, DiscoError> info(const Jid &jid, const QString &node = {});
    /// disco#items of `jid` (and `node`), cached for the session.
    Task<QList<DiscoItem>, DiscoError> items(const Jid &jid, const QString &node = {});
    /// Forgets what was cached about `jid` (e.g. a room whose configuration changed).
    void invalidate(const Jid &jid);

    /// The capabilities `entity` announced in its last presence, through the caps
    /// cache: only a 'ver' never seen before costs a query. NotFound when the entity
    /// announced no caps.
    Task<DiscoInfo, DiscoError> capsInfo(const Jid &entity);
    std::optional<DiscoInfo> cachedCapsInfo(const Jid &entity) const;
    /// Verified caps by 'ver' (persist them across runs with setCapsCache()).
    QHash<QString, DiscoInfo> capsCache() const { return m_capsCache; }
    void setCapsCache(const QHash<QString, DiscoInfo> &cache) { m_capsCache = cache; }
    /// Queries sent so far (diagnostics and tests).
    int queriesSent() const { return m_queriesSent; }

    /// Finds the group chat and upload services of our server (items of the domain,
    /// then info of each) and our account's features. Once per session is enough.
    Task<ServerServices, DiscoError> discoverServices();
    std::optional<ServerServices> services() const { return m_services; }

    bool handleStanza(const Element &stanza) override;
    void onSessionStarted(bool resumed) override;
    QStringList discoFeatures() const override;

private:
    struct CapsAnnouncement
    {
        QString node;
        QString ver;
        QString hash;
    };
    void answerInfo(const Element &request);
    void answerItems(const Element &request);
    void sendError(const Element &request, const QString &type, const QString &condition);
    Element iqFor(const Jid &jid, const QString &ns, const QString &node) const;

    DiscoIdentity m_identity {
        QStringLiteral("client"), QStringLiteral("pc"), QStringLiteral("Chorus"), {}};
    QString m_capsNode = QStringLiteral("https://chorus.im");
    QHash<QString, DiscoInfo> m_infoCache; ///< "jid\nnode" -> info (this session)
    QHash<QString, QList<DiscoItem>> m_itemsCache;
    QHash<QString, QList<Promise<DiscoInfo, DiscoError>>> m_infoWaiting;
    QHash<QString, QList<Promise<QList<DiscoItem>, DiscoError>>> m_itemsWaiting;
    /// By hash and ver: who asked, the first of them being the one queried.
    QHash<QString, QList<std::pair<Jid, Promise<DiscoInfo, DiscoError>>>> m_capsWaiting;
    QHash<Jid, CapsAnnouncement> m_announced; ///< full JID -> caps in its last presence
    QHash<QString, DiscoInfo> m_capsCache; ///< verified ver -> info
    std::optional<ServerServices> m_services;
    int m_queriesSent = 0;
};

} // namespace chorus::xmpp
