// BookmarkManager: adding, changing and removing groups (XEP-0402 publish with
// publish-options and its fallbacks, or the whole XEP-0048 list).
#include "xmpp/BookmarkManager.h"
#include "xmpp/BookmarkManager_p.h"

#include "xmpp/Client.h"
#include "xmpp/Logging.h"

using namespace Qt::StringLiterals;

namespace chorus::xmpp {

using namespace bookmarks;

Task<Done, BookmarkError> BookmarkManager::save(const Bookmark &bookmark)
{
    if (!bookmark.isValid())
        return readyTask<Done, BookmarkError>(
            BookmarkError {BookmarkError::Code::Invalid, {}, u"not a room address"_s});
    if (!client())
        return readyTask<Done, BookmarkError>(
            BookmarkError {BookmarkError::Code::NotConnected, {}, {}});
    Promise<Done, BookmarkError> promise;
    ensureStorage().then(
        this, [this, bookmark, promise](const Expected<Storage, BookmarkError> &s) mutable {
            if (!s.ok()) {
                promise.finish(s.error());
                return;
            }
            if (s.value() == Storage::Legacy) {
                upsert(bookmark);
                writeLegacy().then(this, [promise](const Expected<Done, BookmarkError> &r) mutable {
                    promise.finish(r);
                });
                return;
            }
            publish(bookmark, PublishOptions::Full)
                .then(this,
                      [this, bookmark, promise](const Expected<Done, BookmarkError> &r) mutable {
                          if (r.ok()) {
                              upsert(bookmark);
                              checkLimitAfterSave();
                          }
                          promise.finish(r);
                      });
        });
    return promise.task();
}

Task<Done, BookmarkError> BookmarkManager::remove(const Jid &room)
{
    if (!client())
        return readyTask<Done, BookmarkError>(
            BookmarkError {BookmarkError::Code::NotConnected, {}, {}});
    const Jid jid = room.bare();
    Promise<Done, BookmarkError> promise;
    ensureStorage().then(
        this, [this, jid, promise](const Expected<Storage, BookmarkError> &s) mutable {
            if (!s.ok()) {
                promise.finish(s.error());
                return;
            }
            m_bookmarks.removeIf([&](const Bookmark &b) { return b.jid == jid; });
            if (s.value() == Storage::Legacy) {
                writeLegacy().then(this, [promise](const Expected<Done, BookmarkError> &r) mutable {
                    promise.finish(r);
                });
                return;
            }
            Element retract = nodeElement(u"retract"_s);
            retract.setAttribute(u"notify"_s, u"true"_s);
            retract.appendChild(
                Element(u"item"_s, ns::PubSub).setAttribute(u"id"_s, jid.toString()));
            client()
                ->sendIq(pubsubIq(u"set"_s, ns::PubSub, retract))
                .then(this, [promise](const Expected<Element, IqError> &r) mutable {
                    if (r.ok() || r.error().condition == u"item-not-found")
                        promise.finish(Done {});
                    else
                        promise.finish(BookmarkError::fromIqError(r.error()));
                });
        });
    return promise.task();
}

Task<Done, BookmarkError> BookmarkManager::publish(const Bookmark &bookmark, PublishOptions options)
{
    Promise<Done, BookmarkError> promise;
    Element publishElement = nodeElement(u"publish"_s);
    publishElement.appendChild(Element(u"item"_s, ns::PubSub)
                                   .setAttribute(u"id"_s, bookmark.jid.toString())
                                   .appendChild(bookmark.toConference()));
    Element pubsub(u"pubsub"_s, ns::PubSub);
    pubsub.appendChild(publishElement);
    if (options == PublishOptions::Full && m_minimalOptions)
        options = PublishOptions::Minimal;
    if (options != PublishOptions::None) {
        // XEP-0402: a private, persistent node. 'max' items and no last-item delivery
        // are wished for; servers that do not know those fields get the two that matter.
        DataForm form = privateNodeForm(PublishOptionsForm);
        if (options == PublishOptions::Full) {
            form.setValue(u"pubsub#max_items"_s, u"max"_s);
            form.setValue(u"pubsub#send_last_published_item"_s, u"never"_s);
        }
        pubsub.appendChild(Element(u"publish-options"_s, ns::PubSub).appendChild(form.toElement()));
    }
    Element iq(u"iq"_s, ns::Client);
    iq.setAttribute(u"type"_s, u"set"_s).appendChild(pubsub);
    client()->sendIq(iq).then(
        this, [this, bookmark, options, promise](const Expected<Element, IqError> &r) mutable {
            if (r.ok()) {
                if (options == PublishOptions::Minimal)
                    tuneNode();
                promise.finish(Done {});
                return;
            }
            const IqError &error = r.error();
            const bool precondition = error.stanza.child(u"error", ns::Client)
                                          .hasChild(u"precondition-not-met", ns::PubSubErrors);
            const bool refusedForm = error.code == IqError::Code::StanzaError && !precondition
                && error.condition != u"forbidden" && error.condition != u"not-authorized"
                && error.condition != u"not-allowed" && error.condition != u"item-not-found";
            auto forward = [promise](const Expected<Done, BookmarkError> &p) mutable {
                promise.finish(p);
            };
            if (options == PublishOptions::Full && refusedForm) {
                // e.g. ejabberd 23.01: "Unknown field 'pubsub#max_items'" (resource-constraint).
                qCInfo(lcXmpp, "bookmarks: publish-options refused (%s: %s); using the minimal set",
                       qPrintable(error.condition), qPrintable(error.text));
                m_minimalOptions = true;
                publish(bookmark, PublishOptions::Minimal).then(this, forward);
                return;
            }
            if (options == PublishOptions::None || !precondition) {
                promise.finish(BookmarkError::fromIqError(error));
                return;
            }
            // The node exists with another configuration (e.g. a smaller max_items set by
            // the admin or another client): make it private and persistent, keep its
            // limit, and publish without options. Truncation is then noticed at fetch.
            qCInfo(lcXmpp, "bookmarks: publish-options not met; reconfiguring the node");
            configureNode(privateNodeForm(NodeConfig))
                .then(this,
                      [this, bookmark, promise,
                       forward](const Expected<Done, BookmarkError> &c) mutable {
                          if (!c.ok()) {
                              promise.finish(c.error());
                              return;
                          }
                          publish(bookmark, PublishOptions::None).then(this, forward);
                      });
        });
    return promise.task();
}

Task<Done, BookmarkError> BookmarkManager::configureNode(const DataForm &form)
{
    Promise<Done, BookmarkError> promise;
    Element configure(u"configure"_s, ns::PubSubOwner);
    configure.setAttribute(u"node"_s, ns::Bookmarks);
    configure.appendChild(form.toElement());
    client()
        ->sendIq(pubsubIq(u"set"_s, ns::PubSubOwner, configure))
        .then(this, [promise](const Expected<Element, IqError> &r) mutable {
            if (r.ok())
                promise.finish(Done {});
            else
                promise.finish(BookmarkError::fromIqError(r.error()));
        });
    return promise.task();
}

Task<Done, BookmarkError> BookmarkManager::writeLegacy()
{
    Promise<Done, BookmarkError> promise;
    Element storage(u"storage"_s, ns::BookmarksLegacy);
    for (const Bookmark &b : std::as_const(m_bookmarks))
        storage.appendChild(b.toLegacy());
    client()
        ->sendIq(privateStorageIq(u"set"_s, storage))
        .then(this, [promise](const Expected<Element, IqError> &r) mutable {
            if (r.ok())
                promise.finish(Done {});
            else
                promise.finish(BookmarkError::fromIqError(r.error()));
        });
    return promise.task();
}

bool BookmarkManager::upsert(const Bookmark &bookmark)
{
    for (Bookmark &b : m_bookmarks) {
        if (b.jid == bookmark.jid) {
            const bool changed = !(b == bookmark);
            b = bookmark;
            return changed;
        }
    }
    m_bookmarks.append(bookmark);
    return true;
}

void BookmarkManager::tuneNode()
{
    // Where publish-options could not say it (ejabberd 23.01 knows only persist_items
    // and access_model there), ask the node for what XEP-0402 wants once: retractions
    // announced to our other devices, no last-item delivery, as many items as allowed.
    if (m_nodeTuned)
        return;
    m_nodeTuned = true;
    DataForm wanted = privateNodeForm(NodeConfig);
    wanted.setValue(u"pubsub#notify_retract"_s, u"true"_s);
    wanted.setValue(u"pubsub#send_last_published_item"_s, u"never"_s);
    DataForm withMax = wanted;
    withMax.setValue(u"pubsub#max_items"_s, u"max"_s);
    configureNode(withMax).then(this, [this, wanted](const Expected<Done, BookmarkError> &r) {
        if (r.ok())
            return;
        qCInfo(lcXmpp, "bookmarks: node refused max_items=max (%s)",
               qPrintable(r.error().condition));
        configureNode(wanted);
    });
}

void BookmarkManager::checkLimitAfterSave()
{
    // Past its limit the server evicted one of ours; a fetch finds out which and warns.
    if (m_serverLimit > 0 && m_bookmarks.size() > m_serverLimit)
        fetch();
}

} // namespace chorus::xmpp
