#pragma once

#include "xmpp/Jid.h"

#include <QList>
#include <QSet>

namespace chorus::xmpp {

/// Decides which room joins go out when: joins wait in priority order and a bounded
/// number are in flight. The bound adapts to room sizes so that the presences a burst
/// of joins brings back (one per occupant) stay under `stanzaBudget`: servers queue
/// unacknowledged stanzas for stream management (Prosody keeps 500, ejabberd closes the
/// session past 5000), and a join is server-bound anyway, so more in flight only
/// queues more. After a server limit refuses a join, nothing more is dispatched until
/// resume(): every further join would be refused too.
///
/// Pure bookkeeping without I/O or timers, so it is tested on its own.
class MucJoinPacer
{
public:
    struct Limits
    {
        int maxInFlight = 16;
        int stanzaBudget = 300; ///< occupant presences expected in flight at most
        int initialOccupantEstimate = 40; ///< until the first rooms tell us
    };

    MucJoinPacer() = default;
    explicit MucJoinPacer(const Limits &limits) : m_limits(limits) { }
    void setLimits(const Limits &limits) { m_limits = limits; }
    const Limits &limits() const { return m_limits; }

    /// Queues at the back (lowest priority so far), or at the front.
    void enqueue(const Jid &room);
    void enqueueFront(const Jid &room);
    /// Forgets a room whether queued or in flight; true when it was known.
    bool remove(const Jid &room);
    bool isQueued(const Jid &room) const { return m_queued.contains(room); }
    bool isInFlight(const Jid &room) const { return m_inFlight.contains(room); }

    /// True when a join may go out now.
    bool canDispatch() const;
    /// Takes the next room to join (call only when canDispatch()).
    Jid dispatch();
    /// A join in flight ended: joined with `occupants` occupants, or failed (-1).
    void finished(const Jid &room, int occupants);

    /// Stops dispatching (a server limit was reached). Queued rooms stay until taken.
    void halt() { m_halted = true; }
    void resume() { m_halted = false; }
    bool isHalted() const { return m_halted; }
    /// Removes and returns every queued room, in priority order.
    QList<Jid> takeQueued();
    /// Forgets everything in flight (a fresh session: those joins will not complete).
    QList<Jid> takeInFlight();

    int inFlight() const { return int(m_inFlight.size()); }
    int queued() const { return int(m_queue.size()); }
    /// How many joins may be in flight now.
    int window() const;
    int peakInFlight() const { return m_peakInFlight; }

private:
    Limits m_limits;
    QList<Jid> m_queue;
    QSet<Jid> m_queued; ///< index of m_queue
    QSet<Jid> m_inFlight;
    QList<int> m_recentOccupants; ///< the last few joined rooms' sizes
    bool m_halted = false;
    int m_peakInFlight = 0;
};

} // namespace chorus::xmpp
