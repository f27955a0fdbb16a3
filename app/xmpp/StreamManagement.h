#pragma once

#include "xmpp/Element.h"

#include <QList>
#include <QString>

#include <optional>

namespace chorus::xmpp {

/// XEP-0198 bookkeeping for one session, free of I/O: counts the stanzas we
/// handled, keeps every stanza we sent until the server acknowledges it, and knows
/// what to resend after a resumption. Counters wrap at 2^32 as the XEP says.
class StreamManagement
{
public:
    /// Starts counting for a new session; `resumeId` is empty when not resumable.
    void enable(const QString &resumeId);
    /// Forgets the session (clean close, or a fresh session replaced it).
    void reset();
    /// The session can no longer be resumed (the server closed the stream), but what
    /// is pending stays for takeLeftovers().
    void forgetResumption() { m_resumeId.clear(); }

    bool isEnabled() const { return m_enabled; }
    bool isResumable() const { return m_enabled && !m_resumeId.isEmpty(); }
    QString resumeId() const { return m_resumeId; }

    // Inbound: every stanza the server sent us, once handled.
    void stanzaHandled() { ++m_handled; }
    quint32 handled() const { return m_handled; }

    // Outbound.
    /// A stanza was written on the stream.
    void stanzaSent(const Element &stanza);
    /// A stanza was accepted while the connection is down; it goes out after resumption.
    void stanzaQueued(const Element &stanza);
    /// The server acknowledged `h` stanzas in total. False when `h` is impossible
    /// (more than we sent): the queue is left as it is.
    bool acknowledge(quint32 h);
    /// Stanzas written but not yet acknowledged, then those queued while down.
    QList<Element> pending() const;
    int pendingCount() const { return int(m_queue.size()); }
    /// After <resumed h='...'/>: acknowledges `h` and returns every stanza to send
    /// again, in order, now counted as written.
    QList<Element> resume(quint32 h, bool *ok);

    /// What is left when a session ends for good: stanzas known not to have reached
    /// the server (`surelyLost`: never written, or beyond `serverHandled` when the
    /// server told us its count) and those whose fate is unknown.
    struct Leftovers
    {
        QList<Element> surelyLost;
        QList<Element> unknown;
    };
    Leftovers takeLeftovers(std::optional<quint32> serverHandled);

    Element ackElement() const; ///< <a h='handled'/>
    static Element requestElement(); ///< <r/>

private:
    struct Item
    {
        Element stanza;
        bool written = false;
    };
    qsizetype writtenCount() const;

    bool m_enabled = false;
    QString m_resumeId;
    quint32 m_handled = 0; ///< inbound stanzas handled
    quint32 m_acked = 0; ///< outbound stanzas the server acknowledged
    QList<Item> m_queue; ///< written items first, then queued ones
};

} // namespace chorus::xmpp
