// BookmarkManager: storage detection, reading and reconciling the list, live events.
// Writing is in BookmarkSaving.cpp.
#include "xmpp/BookmarkManager.h"
#include "xmpp/BookmarkManager_p.h"

#include "xmpp/Client.h"
#include "xmpp/Logging.h"
#include "xmpp/Namespaces.h"

#include <QCoreApplication>

#include <memory>

using namespace Qt::StringLiterals;

namespace chorus::xmpp {

using namespace bookmarks;

namespace {

QList<Bookmark> parseItems(const Element &items)
{
    QList<Bookmark> result;
    for (const Element &item : items.children(u"item", ns::PubSub)) {
        if (auto b = Bookmark::fromItem(item))
            result.append(*b);
        else
            qCWarning(lcXmpp, "ignored an unreadable bookmark item %s",
                      qPrintable(item.attribute(u"id")));
    }
    return result;
}

QList<Bookmark> parseLegacy(const Element &storage)
{
    QList<Bookmark> result;
    for (const Element &conference : storage.children(u"conference", ns::BookmarksLegacy)) {
        if (auto b = Bookmark::fromLegacy(conference))
            result.append(*b);
    }
    return result;
}

bool containsJid(const QList<Bookmark> &list, const Jid &jid)
{
    return std::any_of(list.cbegin(), list.cend(), [&](const Bookmark &b) { return b.jid == jid; });
}

// pubsub#max_items from a node configuration form. "max" means the service's own
// limit, which Prosody states as the field's XEP-0122 range (pep_max_items); -1 when
// the form does not tell.
int maxItemsOf(const Element &configReply)
{
    const Element configure
        = configReply.child(u"pubsub", ns::PubSubOwner).child(u"configure", ns::PubSubOwner);
    const std::optional<DataForm> form = DataForm::findIn(configure, NodeConfig);
    const DataForm::Field *field = form ? form->field(u"pubsub#max_items"_s) : nullptr;
    if (!field)
        return -1;
    QString value = field->value().trimmed();
    if (value == u"max")
        value = field->rangeMax;
    bool ok = false;
    const int limit = value.toInt(&ok);
    return ok && limit > 0 ? limit : -1;
}

} // namespace

BookmarkError BookmarkError::fromIqError(const IqError &error)
{
    BookmarkError e;
    e.condition = error.condition;
    e.text = error.text;
    switch (error.code) {
    case IqError::Code::NotConnected:
    case IqError::Code::SessionLost:
        e.code = Code::NotConnected;
        return e;
    case IqError::Code::Timeout:
        e.code = Code::Timeout;
        return e;
    case IqError::Code::StanzaError:
        break;
    }
    if (error.condition == u"feature-not-implemented" || error.condition == u"service-unavailable")
        e.code = Code::NotSupported;
    else if (error.condition == u"forbidden" || error.condition == u"not-authorized"
             || error.condition == u"not-allowed")
        e.code = Code::Forbidden;
    else if (error.condition == u"bad-request" || error.condition == u"jid-malformed")
        e.code = Code::Invalid;
    else
        e.code = Code::Remote;
    return e;
}

QString BookmarkWarning::describe() const
{
    const char *context = "chorus::xmpp::BookmarkWarning";
    switch (kind) {
    case Kind::Truncated:
        return QCoreApplication::translate(
                   context,
                   "The server keeps only %1 groups in your list and dropped "
                   "%n of them. They stay in Chorus on this computer; other "
                   "devices will not see them.",
                   nullptr, int(notKept.size()))
            .arg(serverLimit);
    case Kind::PossiblyTruncated:
        return QCoreApplication::translate(
            context,
            "%n of your groups are missing from the list on the server. "
            "They were removed on another device, or the server dropped "
            "them because of its limit. Chorus keeps them for now.",
            nullptr, int(notKept.size()));
    case Kind::AtLimit:
        return QCoreApplication::translate(context,
                                           "Your group list has reached the server's limit of %1. "
                                           "Groups added now may push older ones off the server.")
            .arg(serverLimit);
    case Kind::LegacyStorage:
        return QCoreApplication::translate(
            context,
            "The server does not support the current bookmark format; "
            "your group list is stored the old way.");
    case Kind::Migrated:
        return QCoreApplication::translate(context,
                                           "%n groups from the old bookmark storage were copied to "
                                           "your group list.",
                                           nullptr, int(migrated.size()));
    }
    return {};
}

BookmarkManager::BookmarkManager(QObject *parent) : QObject(parent)
{
}

void BookmarkManager::setAccountFeatures(const QStringList &features)
{
    m_accountFeatures = features;
    m_haveAccountFeatures = true;
}

QStringList BookmarkManager::discoFeatures() const
{
    return {ns::Bookmarks + u"+notify"_s};
}

Task<BookmarkManager::Storage, BookmarkError> BookmarkManager::ensureStorage()
{
    if (m_storage != Storage::Unknown)
        return readyTask<Storage, BookmarkError>(m_storage);
    auto decide = [this](const QStringList &features) {
        // XEP-0402 needs PEP with publish-options (to keep the node private).
        m_storage = features.contains(PublishOptionsForm) ? Storage::Pep : Storage::Legacy;
        if (m_storage == Storage::Legacy && !m_legacyWarned) {
            m_legacyWarned = true;
            BookmarkWarning w;
            w.kind = BookmarkWarning::Kind::LegacyStorage;
            Q_EMIT warning(w);
        }
        return m_storage;
    };
    if (m_haveAccountFeatures)
        return readyTask<Storage, BookmarkError>(decide(m_accountFeatures));
    if (!client())
        return readyTask<Storage, BookmarkError>(
            BookmarkError {BookmarkError::Code::NotConnected, {}, {}});
    Promise<Storage, BookmarkError> promise;
    Element iq(u"iq"_s, ns::Client);
    iq.setAttribute(u"type"_s, u"get"_s)
        .setAttribute(u"to"_s, client()->boundJid().bare().toString())
        .appendChild(Element(u"query"_s, ns::DiscoInfo));
    client()->sendIq(iq).then(this, [promise, decide](const Expected<Element, IqError> &r) mutable {
        if (!r.ok()) {
            promise.finish(BookmarkError::fromIqError(r.error()));
            return;
        }
        QStringList features;
        for (const Element &f :
             r.value().child(u"query", ns::DiscoInfo).children(u"feature", ns::DiscoInfo))
            features.append(f.attribute(u"var"));
        promise.finish(decide(features));
    });
    return promise.task();
}

Task<BookmarkSnapshot, BookmarkError> BookmarkManager::fetch()
{
    Promise<BookmarkSnapshot, BookmarkError> promise;
    if (!client()) {
        promise.finish(BookmarkError {BookmarkError::Code::NotConnected, {}, {}});
        return promise.task();
    }
    ensureStorage().then(this, [this, promise](const Expected<Storage, BookmarkError> &s) mutable {
        if (!s.ok())
            promise.finish(s.error());
        else if (s.value() == Storage::Legacy)
            fetchLegacy(promise);
        else
            fetchPep(promise);
    });
    return promise.task();
}

void BookmarkManager::fetchPep(Promise<BookmarkSnapshot, BookmarkError> promise)
{
    // Items and node configuration in parallel: the limit tells truncation from removal.
    auto limit = std::make_shared<std::optional<int>>();
    auto items = std::make_shared<std::optional<Expected<QList<Bookmark>, BookmarkError>>>();
    auto proceed = [this, promise, limit, items]() mutable {
        if (!limit->has_value() || !items->has_value())
            return;
        const auto &r = **items;
        if (!r.ok()) {
            promise.finish(r.error());
            return;
        }
        m_serverLimit = **limit;
        migrateThenReconcile(r.value(), **limit, promise);
    };
    client()
        ->sendIq(pubsubIq(u"get"_s, ns::PubSub, nodeElement(u"items"_s)))
        .then(this, [items, proceed](const Expected<Element, IqError> &r) mutable {
            if (r.ok())
                *items = Expected<QList<Bookmark>, BookmarkError>(
                    parseItems(r.value().child(u"pubsub", ns::PubSub).child(u"items", ns::PubSub)));
            else if (r.error().condition == u"item-not-found")
                *items = Expected<QList<Bookmark>, BookmarkError>(QList<Bookmark>()); // no node yet
            else
                *items = Expected<QList<Bookmark>, BookmarkError>(
                    BookmarkError::fromIqError(r.error()));
            proceed();
        });
    Element configure(u"configure"_s, ns::PubSubOwner);
    configure.setAttribute(u"node"_s, ns::Bookmarks);
    client()
        ->sendIq(pubsubIq(u"get"_s, ns::PubSubOwner, configure))
        .then(this, [limit, proceed](const Expected<Element, IqError> &r) mutable {
            *limit = r.ok() ? maxItemsOf(r.value()) : -1;
            proceed();
        });
}

void BookmarkManager::migrateThenReconcile(const QList<Bookmark> &server, int limit,
                                           Promise<BookmarkSnapshot, BookmarkError> promise)
{
    if (m_migrationDone) {
        promise.finish(reconcile(server, limit));
        return;
    }
    // Once: copy groups only old clients stored (XEP-0048) into XEP-0402.
    client()
        ->sendIq(privateStorageIq(u"get"_s, Element(u"storage"_s, ns::BookmarksLegacy)))
        .then(this, [this, server, limit, promise](const Expected<Element, IqError> &r) mutable {
            m_migrationDone = true;
            QList<Bookmark> merged = server;
            QList<Jid> migrated;
            if (r.ok()) {
                const QList<Bookmark> legacy
                    = parseLegacy(r.value()
                                      .child(u"query", ns::PrivateStorage)
                                      .child(u"storage", ns::BookmarksLegacy));
                for (const Bookmark &b : legacy) {
                    if (containsJid(merged, b.jid))
                        continue;
                    merged.append(b);
                    migrated.append(b.jid);
                    publish(b, PublishOptions::Full); // failures show up at the next fetch: the
                                                      // group stays listed
                }
            }
            if (!migrated.isEmpty()) {
                BookmarkWarning w;
                w.kind = BookmarkWarning::Kind::Migrated;
                w.migrated = migrated;
                Q_EMIT warning(w);
            }
            promise.finish(reconcile(merged, limit));
        });
}

void BookmarkManager::fetchLegacy(Promise<BookmarkSnapshot, BookmarkError> promise)
{
    client()
        ->sendIq(privateStorageIq(u"get"_s, Element(u"storage"_s, ns::BookmarksLegacy)))
        .then(this, [this, promise](const Expected<Element, IqError> &r) mutable {
            if (!r.ok()) {
                promise.finish(BookmarkError::fromIqError(r.error()));
                return;
            }
            m_migrationDone = true; // nothing to migrate to
            promise.finish(reconcile(parseLegacy(r.value()
                                                     .child(u"query", ns::PrivateStorage)
                                                     .child(u"storage", ns::BookmarksLegacy)),
                                     -1));
        });
}

BookmarkSnapshot BookmarkManager::reconcile(const QList<Bookmark> &server, int limit)
{
    BookmarkSnapshot snapshot;
    snapshot.serverCount = int(server.size());
    snapshot.serverLimit = limit;
    QList<Bookmark> missing;
    for (const Bookmark &b : std::as_const(m_bookmarks)) {
        if (!containsJid(server, b.jid) && !m_retractedElsewhere.contains(b.jid))
            missing.append(b);
    }
    m_retractedElsewhere.clear();
    QList<Bookmark> result = server;
    BookmarkWarning w;
    w.serverCount = snapshot.serverCount;
    w.serverLimit = limit;
    bool warn = false;
    // Eviction only happens on a full node. When the server does not state its limit
    // (ejabberd shows "max"), no server we know keeps fewer than Prosody's default.
    const bool limitKnown = limit > 0;
    const bool full = snapshot.serverCount >= (limitKnown ? limit : UnknownLimitFloor);
    if (!missing.isEmpty()) {
        if (!full) {
            // Under its limit the server evicts nothing: these were removed elsewhere.
            for (const Bookmark &b : std::as_const(missing))
                snapshot.removedElsewhere.append(b.jid);
        } else {
            // Truncated (or maybe: limit unknown). Never lose a group: keep our copy.
            for (const Bookmark &b : std::as_const(missing)) {
                snapshot.notKeptByServer.append(b.jid);
                result.append(b);
            }
            w.kind = limitKnown ? BookmarkWarning::Kind::Truncated
                                : BookmarkWarning::Kind::PossiblyTruncated;
            w.notKept = snapshot.notKeptByServer;
            warn = true;
        }
    } else if (limitKnown && full) {
        w.kind = BookmarkWarning::Kind::AtLimit;
        warn = true;
    }
    m_bookmarks = result;
    snapshot.bookmarks = result;
    if (warn) {
        qCWarning(lcXmpp, "bookmarks: the server holds %d (limit %d); %d of ours not kept",
                  snapshot.serverCount, limit, int(w.notKept.size()));
        Q_EMIT warning(w);
    }
    return snapshot;
}

bool BookmarkManager::handleStanza(const Element &stanza)
{
    if (!stanza.is(u"message", ns::Client))
        return false;
    const Element items = stanza.child(u"event", ns::PubSubEvent).child(u"items", ns::PubSubEvent);
    if (items.isNull() || items.attribute(u"node") != ns::Bookmarks)
        return false;
    const QString fromText = stanza.attribute(u"from");
    const Jid own = client() ? client()->boundJid().bare() : Jid();
    if (!own.isValid() || (!fromText.isEmpty() && Jid::fromString(fromText) != own)) {
        qCWarning(lcXmpp, "ignored a bookmarks event from %s", qPrintable(fromText));
        return true; // claimed and dropped: only our own account speaks for our list
    }
    bool changed = false;
    for (const Element &child : items.children()) {
        if (child.is(u"item", ns::PubSubEvent)) {
            // Items in an event carry the pubsub#event namespace: read them as such.
            Element item(u"item"_s, ns::PubSub);
            item.setAttribute(u"id"_s, child.attribute(u"id"));
            for (const Element &payload : child.children())
                item.appendChild(payload);
            if (auto b = Bookmark::fromItem(item)) {
                // Our own publications come back too; only real changes are reported.
                changed = upsert(*b) || changed;
                m_retractedElsewhere.remove(b->jid);
            }
        } else if (child.is(u"retract", ns::PubSubEvent)) {
            const Jid jid = Jid::fromString(child.attribute(u"id"));
            if (m_bookmarks.removeIf([&](const Bookmark &b) { return b.jid == jid; }) > 0)
                changed = true;
            m_retractedElsewhere.insert(jid);
        }
    }
    if (changed)
        Q_EMIT bookmarksChanged(m_bookmarks);
    return true;
}

} // namespace chorus::xmpp
