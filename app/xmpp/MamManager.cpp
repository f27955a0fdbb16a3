// MamManager: archive queries and the routing of their results. The catch-up runs
// are in MamCatchUp.cpp.
#include "xmpp/MamManager.h"

#include "xmpp/Client.h"
#include "xmpp/Logging.h"
#include "xmpp/MamManager_p.h"
#include "xmpp/Namespaces.h"
#include "xmpp/XmppDateTime.h"

using namespace Qt::StringLiterals;

namespace chorus::xmpp {

MamManager::MamManager(QObject *parent) : QObject(parent)
{
}

MamManager::~MamManager()
{
    // Nobody will answer these any more; finish them so no one waits forever.
    const auto queries = std::exchange(m_queries, {});
    for (const auto &q : queries)
        q->promise.finish(MamError {MamError::Code::NotConnected, {}, u"manager destroyed"_s});
}

void MamManager::setMaxConcurrentQueries(int count)
{
    m_maxConcurrent = qMax(1, count);
    pump();
}

Jid MamManager::ownBareJid() const
{
    return client() ? client()->boundJid().bare() : Jid();
}

Task<MamPage, MamError> MamManager::query(const MamQuery &q)
{
    if (!client())
        return readyTask<MamPage, MamError>(MamError {MamError::Code::NotConnected, {}, {}});
    auto pending = std::make_shared<PendingQuery>();
    pending->archive = q.archive.isValid() ? q.archive.bare() : Jid();
    const QString queryId = client()->generateId();
    Element iq(u"iq"_s, ns::Client);
    iq.setAttribute(u"type"_s, u"set"_s);
    if (pending->archive.isValid())
        iq.setAttribute(u"to"_s, pending->archive.toString());
    iq.appendChild(q.toQuery(queryId));
    m_queries.insert(queryId, pending);
    const Task<MamPage, MamError> task = pending->promise.task();
    client()
        ->sendIq(iq, m_timeoutMs)
        .then(this, [this, queryId, pending](const Expected<Element, IqError> &reply) {
            // Whatever happened, results for this id are no longer accepted.
            if (m_queries.value(queryId) == pending)
                m_queries.remove(queryId);
            if (!reply.ok()) {
                pending->promise.finish(MamError::fromIqError(reply.error()));
                return;
            }
            const Element fin = reply.value().child(u"fin", ns::Mam);
            if (fin.isNull()) {
                pending->promise.finish(MamError {
                    MamError::Code::Remote, {}, u"the archive answered without <fin/>"_s});
                return;
            }
            MamPage page;
            page.archive = pending->archive;
            page.messages = pending->results;
            page.dropped = pending->dropped;
            page.complete
                = fin.attribute(u"complete") == u"true" || fin.attribute(u"complete") == u"1";
            const Element set = fin.child(u"set", ns::Rsm);
            page.first = set.childText(u"first", ns::Rsm);
            page.last = set.childText(u"last", ns::Rsm);
            bool ok = false;
            const int count = set.childText(u"count", ns::Rsm).toInt(&ok);
            page.count = ok ? count : -1;
            // An archive that omits <first/>/<last/> still gave us the ids.
            if (page.first.isEmpty() && !page.messages.isEmpty())
                page.first = page.messages.first().stanzaId;
            if (page.last.isEmpty() && !page.messages.isEmpty())
                page.last = page.messages.last().stanzaId;
            pending->promise.finish(page);
        });
    return task;
}

Task<MamPage, MamError> MamManager::fetchBefore(const Jid &archive, const QString &beforeId,
                                                int max)
{
    MamQuery q;
    q.archive = archive;
    q.before = beforeId;
    q.max = max < 1 ? m_pageSize : max;
    return query(q);
}

bool MamManager::handleStanza(const Element &stanza)
{
    if (!stanza.is(u"message", ns::Client))
        return false;
    const Element result = stanza.child(u"result", ns::Mam);
    if (result.isNull())
        return false;
    if (!acceptResult(stanza, result)) {
        ++m_dropped;
        qCWarning(lcXmpp, "dropped an archive result from %s for query %s",
                  qPrintable(stanza.attribute(u"from")), qPrintable(result.attribute(u"queryid")));
    }
    return true; // claimed either way: a forged result must not pass for a live message
}

bool MamManager::acceptResult(const Element &stanza, const Element &result)
{
    const auto it = m_queries.constFind(result.attribute(u"queryid"));
    if (it == m_queries.cend())
        return false; // not a query of ours, or one already finished
    PendingQuery &pending = **it;
    const QString fromText = stanza.attribute(u"from");
    const Jid from = Jid::fromString(fromText);
    const Jid own = ownBareJid();
    if (pending.archive.isValid()) {
        if (from != pending.archive)
            return false;
    } else if (!fromText.isEmpty() && from != own) {
        return false;
    }
    const QString archiveId = result.attribute(u"id");
    const Element forwarded = result.child(u"forwarded", ns::Forward);
    const Element inner = forwarded.child(u"message", ns::Client);
    if (archiveId.isEmpty() || inner.isNull()) {
        ++pending.dropped;
        return true;
    }
    MessageContext context;
    context.ownJid = client()->boundJid();
    context.archive = pending.archive.isValid() ? pending.archive : own;
    context.archiveId = archiveId;
    context.archiveStamp
        = parseXmppDateTime(forwarded.child(u"delay", ns::Delay).attribute(u"stamp"));
    auto parsed = ParsedMessage::fromStanza(inner, context);
    // A room's archive holds what its occupants and the room itself said, nothing else.
    if (!parsed || (pending.archive.isValid() && parsed->from.bare() != pending.archive)) {
        ++pending.dropped;
        return true;
    }
    pending.results.append(*parsed);
    return true;
}

} // namespace chorus::xmpp
