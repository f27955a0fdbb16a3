#include "xmpp/DiscoManager.h"

#include "xmpp/Client.h"
#include "xmpp/Logging.h"
#include "xmpp/Namespaces.h"

#include <memory>

using namespace Qt::StringLiterals;

namespace chorus::xmpp {
namespace {

QString cacheKey(const Jid &jid, const QString &node)
{
    return jid.toString() + u'\n' + node;
}

} // namespace

DiscoError DiscoError::fromIqError(const IqError &error)
{
    DiscoError e;
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
    if (error.condition == u"item-not-found" || error.condition == u"remote-server-not-found")
        e.code = Code::NotFound;
    else if (error.condition == u"feature-not-implemented"
             || error.condition == u"service-unavailable")
        e.code = Code::NotSupported;
    else
        e.code = Code::Remote;
    return e;
}

DiscoManager::DiscoManager(QObject *parent) : QObject(parent)
{
}

QStringList DiscoManager::discoFeatures() const
{
    return {ns::DiscoInfo, ns::Caps, ns::Ping};
}

DiscoInfo DiscoManager::ownInfo() const
{
    DiscoInfo info;
    info.identities.append(m_identity);
    QStringList features = discoFeatures();
    if (client()) {
        for (const Extension *e : client()->extensions()) {
            if (e != this)
                features += e->discoFeatures();
        }
    }
    features.removeDuplicates();
    features.sort();
    info.features = features;
    return info;
}

Element DiscoManager::capsElement() const
{
    return Element(u"c"_s, ns::Caps)
        .setAttribute(u"hash"_s, u"sha-1"_s)
        .setAttribute(u"node"_s, m_capsNode)
        .setAttribute(u"ver"_s, ownCapsVer());
}

Element DiscoManager::iqFor(const Jid &jid, const QString &queryNs, const QString &node) const
{
    Element query(u"query"_s, queryNs);
    if (!node.isEmpty())
        query.setAttribute(u"node"_s, node);
    Element iq(u"iq"_s, ns::Client);
    iq.setAttribute(u"type"_s, u"get"_s).setAttribute(u"to"_s, jid.toString()).appendChild(query);
    return iq;
}

Task<DiscoInfo, DiscoError> DiscoManager::info(const Jid &jid, const QString &node)
{
    const QString key = cacheKey(jid, node);
    if (const auto cached = m_infoCache.constFind(key); cached != m_infoCache.cend())
        return readyTask<DiscoInfo, DiscoError>(*cached);
    if (!client())
        return readyTask<DiscoInfo, DiscoError>(
            DiscoError {DiscoError::Code::NotConnected, {}, {}});
    Promise<DiscoInfo, DiscoError> promise;
    auto &waiting = m_infoWaiting[key];
    waiting.append(promise);
    if (waiting.size() > 1)
        return promise.task(); // the same question is already on its way
    ++m_queriesSent;
    client()
        ->sendIq(iqFor(jid, ns::DiscoInfo, node))
        .then(this, [this, key](const Expected<Element, IqError> &r) {
            const QList<Promise<DiscoInfo, DiscoError>> promises = m_infoWaiting.take(key);
            Expected<DiscoInfo, DiscoError> result;
            if (!r.ok()) {
                result = DiscoError::fromIqError(r.error());
            } else if (auto parsed
                       = DiscoInfo::fromQuery(r.value().child(u"query", ns::DiscoInfo))) {
                m_infoCache.insert(key, *parsed);
                result = *parsed;
            } else {
                result = DiscoError {DiscoError::Code::Remote, {}, u"no disco#info in the reply"_s};
            }
            for (Promise<DiscoInfo, DiscoError> p : promises)
                p.finish(result);
        });
    return promise.task();
}

Task<QList<DiscoItem>, DiscoError> DiscoManager::items(const Jid &jid, const QString &node)
{
    const QString key = cacheKey(jid, node);
    if (const auto cached = m_itemsCache.constFind(key); cached != m_itemsCache.cend())
        return readyTask<QList<DiscoItem>, DiscoError>(*cached);
    if (!client())
        return readyTask<QList<DiscoItem>, DiscoError>(
            DiscoError {DiscoError::Code::NotConnected, {}, {}});
    Promise<QList<DiscoItem>, DiscoError> promise;
    auto &waiting = m_itemsWaiting[key];
    waiting.append(promise);
    if (waiting.size() > 1)
        return promise.task();
    ++m_queriesSent;
    client()
        ->sendIq(iqFor(jid, ns::DiscoItems, node))
        .then(this, [this, key](const Expected<Element, IqError> &r) {
            const auto promises = m_itemsWaiting.take(key);
            Expected<QList<DiscoItem>, DiscoError> result;
            if (!r.ok()) {
                result = DiscoError::fromIqError(r.error());
            } else {
                QList<DiscoItem> list;
                const Element query = r.value().child(u"query", ns::DiscoItems);
                for (const Element &item : query.children(u"item", ns::DiscoItems)) {
                    const Jid itemJid = Jid::fromString(item.attribute(u"jid"));
                    if (itemJid.isValid())
                        list.append({itemJid, item.attribute(u"node"), item.attribute(u"name")});
                }
                m_itemsCache.insert(key, list);
                result = list;
            }
            for (Promise<QList<DiscoItem>, DiscoError> p : promises)
                p.finish(result);
        });
    return promise.task();
}

void DiscoManager::invalidate(const Jid &jid)
{
    const QString prefix = jid.toString() + u'\n';
    m_infoCache.removeIf([&](const auto &it) { return it.key().startsWith(prefix); });
    m_itemsCache.removeIf([&](const auto &it) { return it.key().startsWith(prefix); });
}

std::optional<DiscoInfo> DiscoManager::cachedCapsInfo(const Jid &entity) const
{
    const auto announced = m_announced.constFind(entity);
    if (announced == m_announced.cend())
        return std::nullopt;
    const auto cached = m_capsCache.constFind(announced->ver);
    if (announced->hash != u"sha-1" || cached == m_capsCache.cend())
        return std::nullopt;
    return *cached;
}

Task<DiscoInfo, DiscoError> DiscoManager::capsInfo(const Jid &entity)
{
    const auto announced = m_announced.constFind(entity);
    if (announced == m_announced.cend())
        return readyTask<DiscoInfo, DiscoError>(
            DiscoError {DiscoError::Code::NotFound, {}, u"no caps announced"_s});
    if (auto cached = cachedCapsInfo(entity))
        return readyTask<DiscoInfo, DiscoError>(*cached);
    const CapsAnnouncement caps = *announced;
    Promise<DiscoInfo, DiscoError> promise;
    // One query per ver, whoever announced it: entities announcing a ver already being
    // asked about wait for that answer.
    const QString waitKey = caps.hash + u':' + caps.ver;
    auto &waiting = m_capsWaiting[waitKey];
    waiting.append({entity, promise});
    if (waiting.size() > 1)
        return promise.task();
    info(entity, caps.node + u'#' + caps.ver)
        .then(this, [this, caps, waitKey](const Expected<DiscoInfo, DiscoError> &r) {
            const bool verified = r.ok() && caps.hash == u"sha-1" && r.value().isValidForCaps()
                && r.value().capsVer() == caps.ver;
            if (verified)
                m_capsCache.insert(caps.ver, r.value());
            else if (r.ok())
                qCInfo(lcXmpp, "caps ver %s did not verify; not cached by ver",
                       qPrintable(caps.ver));
            auto waiters = m_capsWaiting.take(waitKey);
            for (qsizetype i = 0; i < waiters.size(); ++i) {
                Promise<DiscoInfo, DiscoError> p = waiters[i].second;
                if (verified || i == 0) {
                    p.finish(r);
                    continue;
                }
                // An answer that did not verify speaks only for the entity that gave it.
                info(waiters[i].first, caps.node + u'#' + caps.ver)
                    .then(this, [p](const Expected<DiscoInfo, DiscoError> &own) mutable {
                        p.finish(own);
                    });
            }
        });
    return promise.task();
}

Task<ServerServices, DiscoError> DiscoManager::discoverServices()
{
    Promise<ServerServices, DiscoError> promise;
    if (!client()) {
        promise.finish(DiscoError {DiscoError::Code::NotConnected, {}, {}});
        return promise.task();
    }
    struct State
    {
        ServerServices services;
        int pending = 0;
        std::optional<DiscoError> error;
    };
    auto state = std::make_shared<State>();
    const Jid domain = Jid::fromString(client()->boundJid().domain());
    const Jid account = client()->boundJid().bare();
    auto done = [this, state, promise]() mutable {
        if (--state->pending > 0)
            return;
        if (state->error) {
            promise.finish(*state->error);
            return;
        }
        m_services = state->services;
        promise.finish(state->services);
    };
    state->pending = 3;
    info(domain).then(this, [state, done](const Expected<DiscoInfo, DiscoError> &r) mutable {
        if (r.ok())
            state->services.server = r.value();
        else
            state->error = r.error();
        done();
    });
    info(account).then(this, [state, done](const Expected<DiscoInfo, DiscoError> &r) mutable {
        if (r.ok())
            state->services.account = r.value(); // a server may not answer for accounts: fine
        done();
    });
    items(domain).then(
        this, [this, state, done](const Expected<QList<DiscoItem>, DiscoError> &r) mutable {
            if (!r.ok()) {
                done();
                return;
            }
            for (const DiscoItem &item : r.value()) {
                if (!item.node.isEmpty())
                    continue;
                ++state->pending;
                info(item.jid).then(
                    this,
                    [state, done,
                     jid = item.jid](const Expected<DiscoInfo, DiscoError> &i) mutable {
                        if (i.ok()) {
                            const DiscoInfo &d = i.value();
                            if (d.hasIdentity(u"conference", u"text")
                                && d.hasFeature(u"http://jabber.org/protocol/muc")) {
                                state->services.mucServices.append(jid);
                                if (!state->services.muc.isValid())
                                    state->services.muc = jid;
                            }
                            if (d.hasFeature(ns::HttpUpload) && !state->services.upload.isValid()) {
                                state->services.upload = jid;
                                bool ok = false;
                                const qint64 max
                                    = d.formValue(ns::HttpUpload, u"max-file-size").toLongLong(&ok);
                                state->services.uploadMaxSize = ok ? max : -1;
                            }
                        }
                        done();
                    });
            }
            done();
        });
    return promise.task();
}

bool DiscoManager::handleStanza(const Element &stanza)
{
    if (stanza.is(u"presence", ns::Client)) {
        const Element c = stanza.child(u"c", ns::Caps);
        const Jid from = Jid::fromString(stanza.attribute(u"from"));
        if (from.isValid()) {
            if (!c.isNull() && !c.attribute(u"ver").isEmpty() && !c.attribute(u"node").isEmpty())
                m_announced.insert(
                    from, {c.attribute(u"node"), c.attribute(u"ver"), c.attribute(u"hash")});
            else if (stanza.attribute(u"type") == u"unavailable")
                m_announced.remove(from);
        }
        return false; // only looked at
    }
    if (!stanza.is(u"iq", ns::Client) || stanza.attribute(u"type") != u"get")
        return false;
    if (stanza.hasChild(u"query", ns::DiscoInfo)) {
        answerInfo(stanza);
        return true;
    }
    if (stanza.hasChild(u"query", ns::DiscoItems)) {
        answerItems(stanza);
        return true;
    }
    return false;
}

void DiscoManager::answerInfo(const Element &request)
{
    const QString node = request.child(u"query", ns::DiscoInfo).attribute(u"node");
    const DiscoInfo own = ownInfo();
    if (!node.isEmpty() && node != m_capsNode + u'#' + own.capsVer()) {
        sendError(request, u"cancel"_s, u"item-not-found"_s);
        return;
    }
    Element reply(u"iq"_s, ns::Client);
    reply.setAttribute(u"type"_s, u"result"_s).setAttribute(u"id"_s, request.attribute(u"id"));
    if (!request.attribute(u"from").isEmpty())
        reply.setAttribute(u"to"_s, request.attribute(u"from"));
    reply.appendChild(own.toQuery(node));
    client()->send(reply);
}

void DiscoManager::answerItems(const Element &request)
{
    Element reply(u"iq"_s, ns::Client);
    reply.setAttribute(u"type"_s, u"result"_s).setAttribute(u"id"_s, request.attribute(u"id"));
    if (!request.attribute(u"from").isEmpty())
        reply.setAttribute(u"to"_s, request.attribute(u"from"));
    Element query(u"query"_s, ns::DiscoItems);
    const QString node = request.child(u"query", ns::DiscoItems).attribute(u"node");
    if (!node.isEmpty())
        query.setAttribute(u"node"_s, node);
    reply.appendChild(query);
    client()->send(reply);
}

void DiscoManager::sendError(const Element &request, const QString &type, const QString &condition)
{
    Element reply(u"iq"_s, ns::Client);
    reply.setAttribute(u"type"_s, u"error"_s).setAttribute(u"id"_s, request.attribute(u"id"));
    if (!request.attribute(u"from").isEmpty())
        reply.setAttribute(u"to"_s, request.attribute(u"from"));
    reply.appendChild(Element(u"error"_s, ns::Client)
                          .setAttribute(u"type"_s, type)
                          .appendChild(Element(condition, ns::Stanzas)));
    client()->send(reply);
}

void DiscoManager::onSessionStarted(bool resumed)
{
    if (resumed)
        return;
    // A fresh session: presences start over and services may have changed; verified
    // caps stay valid for good (a ver names one exact feature set).
    m_infoCache.clear();
    m_itemsCache.clear();
    m_announced.clear();
    m_services.reset();
}

} // namespace chorus::xmpp
