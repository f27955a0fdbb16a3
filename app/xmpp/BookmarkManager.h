#pragma once

#include "core/Expected.h"
#include "xmpp/Bookmark.h"
#include "xmpp/DataForm.h"
#include "xmpp/Error.h"
#include "xmpp/Extension.h"

#include <QList>
#include <QObject>
#include <QSet>

namespace chorus::xmpp {

/// Why a bookmark request failed.
struct BookmarkError
{
    enum class Code {
        NotConnected,
        Timeout,
        NotSupported, ///< the server offers neither XEP-0402 nor XEP-0048 storage
        Forbidden,
        Invalid, ///< not a room JID
        Remote,
    };
    Code code = Code::Remote;
    QString condition;
    QString text;

    static BookmarkError fromIqError(const IqError &error);
};

/// Something about the server's handling of the list the operator should know.
struct BookmarkWarning
{
    enum class Kind {
        Truncated, ///< the server kept fewer than we published: its item limit (notKept)
        PossiblyTruncated, ///< ours missing from a full-looking list (256+), limit unknown
        AtLimit, ///< the list is as long as the server allows: the next group evicts one
        LegacyStorage, ///< no XEP-0402 on the server: XEP-0048 private storage is used
        Migrated, ///< groups from old XEP-0048 storage were copied to XEP-0402 (migrated)
    };
    Kind kind = Kind::Truncated;
    int serverCount = -1; ///< how many the server holds
    int serverLimit = -1; ///< its item limit, when known
    QList<Jid> notKept; ///< our groups the server did not keep (we keep them)
    QList<Jid> migrated;

    /// A translated sentence for the operator.
    QString describe() const;
};

/// The list after a fetch, reconciled with our own copy.
struct BookmarkSnapshot
{
    QList<Bookmark> bookmarks; ///< what to show: the server's list plus notKeptByServer
    QList<Jid> notKeptByServer; ///< ours that the server dropped (kept here, not lost)
    QList<Jid> removedElsewhere; ///< missing on a server under its limit: removed elsewhere
    int serverCount = 0;
    int serverLimit = -1; ///< -1: unknown
};

/// The operator's group list as bookmarks: XEP-0402 in PEP (one item per room, private
/// node via publish-options, live changes from other devices through +notify), or
/// XEP-0048 private storage on servers without XEP-0402 (read once to migrate).
///
/// It keeps its own copy of the list (seed it from the store with setKnownBookmarks())
/// and compares every fetch with it: when the server holds fewer groups than we
/// published because of its item limit (Prosody keeps 256 by default), the missing
/// ones stay in the list and a Truncated warning names them. Only events from our own
/// bare JID are believed.
class BookmarkManager : public QObject, public Extension
{
    Q_OBJECT
public:
    enum class Storage { Unknown, Pep, Legacy };
    Q_ENUM(Storage)

    explicit BookmarkManager(QObject *parent = nullptr);

    /// Forces the storage (Unknown: detect from the account's disco#info).
    void setStorage(Storage storage) { m_storage = storage; }
    Storage storage() const { return m_storage; }
    /// The account's disco#info features when already known (saves a query).
    void setAccountFeatures(const QStringList &features);
    /// Our own copy from a previous run: the reference for truncation detection.
    void setKnownBookmarks(const QList<Bookmark> &bookmarks) { m_bookmarks = bookmarks; }
    QList<Bookmark> bookmarks() const { return m_bookmarks; }
    /// Whether old XEP-0048 bookmarks were already migrated (persist it; default false).
    void setLegacyMigrationDone(bool done) { m_migrationDone = done; }
    bool legacyMigrationDone() const { return m_migrationDone; }

    /// Reads the list from the server and reconciles it with our copy.
    Task<BookmarkSnapshot, BookmarkError> fetch();
    /// Adds or updates (rename, autojoin, nick, tags, time zone) one group.
    Task<Done, BookmarkError> save(const Bookmark &bookmark);
    /// Removes one group.
    Task<Done, BookmarkError> remove(const Jid &room);

    bool handleStanza(const Element &stanza) override;
    QStringList discoFeatures() const override;

Q_SIGNALS:
    /// Another device changed the list (live notification); the whole list follows.
    void bookmarksChanged(const QList<chorus::xmpp::Bookmark> &bookmarks);
    void warning(const chorus::xmpp::BookmarkWarning &warning);

private:
    Task<Storage, BookmarkError> ensureStorage();
    void fetchPep(Promise<BookmarkSnapshot, BookmarkError> promise);
    void fetchLegacy(Promise<BookmarkSnapshot, BookmarkError> promise);
    void migrateThenReconcile(const QList<Bookmark> &server, int limit,
                              Promise<BookmarkSnapshot, BookmarkError> promise);
    BookmarkSnapshot reconcile(const QList<Bookmark> &server, int limit);
    enum class PublishOptions { Full, Minimal, None };
    Task<Done, BookmarkError> publish(const Bookmark &bookmark, PublishOptions options);
    Task<Done, BookmarkError> configureNode(const DataForm &form);
    void tuneNode();
    Task<Done, BookmarkError> writeLegacy();
    bool upsert(const Bookmark &bookmark); ///< true when it changed the list
    void checkLimitAfterSave();

    Storage m_storage = Storage::Unknown;
    QStringList m_accountFeatures;
    bool m_haveAccountFeatures = false;
    bool m_migrationDone = false;
    bool m_legacyWarned = false;
    bool m_minimalOptions = false; ///< the server refused max_items/send_last in publish-options
    bool m_nodeTuned = false;
    int m_serverLimit = -1;
    QList<Bookmark> m_bookmarks;
    QSet<Jid> m_retractedElsewhere; ///< removals other devices announced since the last fetch
};

} // namespace chorus::xmpp

Q_DECLARE_METATYPE(chorus::xmpp::BookmarkWarning)
