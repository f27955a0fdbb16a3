#pragma once

#include "core/Expected.h"
#include "xmpp/Element.h"
#include "xmpp/Error.h"
#include "xmpp/Jid.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <map>

namespace chorus::xmpp {

/// Pending IQ requests: id -> continuation, with a timeout each.
///
/// A reply is accepted only from the entity that was asked (RFC 6120 section 8.1.2
/// and 10.3.3): a request without 'to', or to our own bare JID, is answered by our
/// server on behalf of the account, so the reply may come without 'from' or from our
/// bare (or full) JID; a request to our server's domain may be answered from that
/// domain or without 'from'; anything else must come from exactly the JID asked.
/// A reply from anyone else is ignored, and the request eventually times out.
class IqTracker : public QObject
{
    Q_OBJECT
public:
    explicit IqTracker(QObject *parent = nullptr);
    ~IqTracker() override;

    /// Registers a request with id `id` sent to `to` (empty: our own account).
    Task<Element, IqError> track(const QString &id, const QString &to, int timeoutMs);
    /// Offers an inbound iq of type result or error; true when it answered a pending
    /// request from the right entity (the request is then finished).
    bool handleReply(const Element &iq, const Jid &ownJid);
    /// Finishes every pending request with `code`.
    void failAll(IqError::Code code);
    int pendingCount() const { return int(m_pending.size()); }
    bool isPending(const QString &id) const { return m_pending.contains(id); }

private:
    struct Pending
    {
        Promise<Element, IqError> promise;
        QString to;
        qint64 deadlineMs = 0; ///< on the QDeadlineTimer clock; the key in m_deadlines
    };
    static bool acceptableSender(const QString &to, const QString &from, const Jid &ownJid);
    void expire();
    void rearm();

    QHash<QString, Pending> m_pending;
    std::multimap<qint64, QString> m_deadlines; ///< deadline (ms) -> id, for the one timer
    QTimer m_timer;
};

} // namespace chorus::xmpp
