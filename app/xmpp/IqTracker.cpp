#include "xmpp/IqTracker.h"

#include "xmpp/Logging.h"

using namespace Qt::StringLiterals;

namespace chorus::xmpp {

IqTracker::IqTracker(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    // A coarse timer may fire a little early; expire() copes, but precise is cheaper
    // than waking up twice.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &IqTracker::expire);
}

IqTracker::~IqTracker()
{
    failAll(IqError::Code::NotConnected);
}

Task<Element, IqError> IqTracker::track(const QString &id, const QString &to, int timeoutMs)
{
    Pending pending;
    pending.to = to;
    pending.deadlineMs = QDeadlineTimer::current().deadline() + qMax(0, timeoutMs);
    const Task<Element, IqError> task = pending.promise.task();
    if (const auto old = m_pending.constFind(id); old != m_pending.cend()) {
        // An id reused while pending: the older request can no longer be told apart.
        Promise<Element, IqError> stale = old->promise;
        m_pending.erase(old);
        stale.finish(IqError {IqError::Code::SessionLost, {}, {}, u"id reused"_s, {}});
    }
    m_deadlines.emplace(pending.deadlineMs, id);
    m_pending.insert(id, std::move(pending));
    rearm();
    return task;
}

bool IqTracker::acceptableSender(const QString &to, const QString &from, const Jid &ownJid)
{
    const Jid fromJid = Jid::fromString(from);
    if (!from.isEmpty() && !fromJid.isValid())
        return false;
    const Jid toJid = Jid::fromString(to);
    if (to.isEmpty() || toJid == ownJid.bare()) {
        // Our own account: the server answers for it.
        return from.isEmpty() || fromJid == ownJid.bare() || fromJid == ownJid;
    }
    if (toJid == Jid::fromString(ownJid.domain()))
        return from.isEmpty() || fromJid == toJid;
    return toJid.isValid() && fromJid == toJid;
}

bool IqTracker::handleReply(const Element &iq, const Jid &ownJid)
{
    const QString type = iq.attribute(u"type");
    if (type != u"result" && type != u"error")
        return false;
    const auto it = m_pending.find(iq.attribute(u"id"));
    if (it == m_pending.end())
        return false;
    if (!acceptableSender(it->to, iq.attribute(u"from"), ownJid)) {
        qCWarning(lcXmpp, "ignored an IQ reply to %s from %s instead of %s",
                  qPrintable(iq.attribute(u"id")), qPrintable(iq.attribute(u"from")),
                  qPrintable(it->to.isEmpty() ? u"our account"_s : it->to));
        return false;
    }
    Promise<Element, IqError> promise = it->promise;
    m_pending.erase(it);
    if (type == u"result")
        promise.finish(iq);
    else
        promise.finish(IqError::fromStanza(iq));
    return true;
}

void IqTracker::failAll(IqError::Code code)
{
    const QHash<QString, Pending> pending = std::exchange(m_pending, {});
    m_deadlines.clear();
    m_timer.stop();
    for (const Pending &p : pending) {
        Promise<Element, IqError> promise = p.promise;
        promise.finish(IqError {code, {}, {}, {}, {}});
    }
}

void IqTracker::expire()
{
    // One clock and one value decide: an entry leaves m_deadlines exactly when its
    // request is finished here (or was answered or replaced before).
    const qint64 now = QDeadlineTimer::current().deadline();
    QList<Promise<Element, IqError>> expired;
    while (!m_deadlines.empty() && m_deadlines.begin()->first <= now) {
        const auto [when, id] = *m_deadlines.begin();
        m_deadlines.erase(m_deadlines.begin());
        const auto it = m_pending.find(id);
        if (it == m_pending.end() || it->deadlineMs != when)
            continue; // answered, or the id was reused with another deadline
        expired.append(it->promise);
        m_pending.erase(it);
    }
    rearm();
    for (Promise<Element, IqError> &p : expired)
        p.finish(IqError {IqError::Code::Timeout, {}, {}, {}, {}});
}

void IqTracker::rearm()
{
    // Drop entries of requests that are no longer pending so the map stays small.
    while (!m_deadlines.empty() && !m_pending.contains(m_deadlines.begin()->second))
        m_deadlines.erase(m_deadlines.begin());
    if (m_deadlines.empty()) {
        m_timer.stop();
        return;
    }
    const qint64 remaining = m_deadlines.begin()->first - QDeadlineTimer::current().deadline();
    m_timer.start(int(qBound(qint64(0), remaining + 1, qint64(24 * 3600 * 1000))));
}

} // namespace chorus::xmpp
