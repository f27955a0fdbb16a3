#include "xmpp/MucJoinPacer.h"

#include <algorithm>

namespace chorus::xmpp {

namespace {
constexpr int recentRooms = 8;
}

void MucJoinPacer::enqueue(const Jid &room)
{
    if (m_queued.contains(room) || m_inFlight.contains(room))
        return;
    m_queue.append(room);
    m_queued.insert(room);
}

void MucJoinPacer::enqueueFront(const Jid &room)
{
    if (m_inFlight.contains(room))
        return;
    if (m_queued.contains(room))
        m_queue.removeOne(room);
    m_queue.prepend(room);
    m_queued.insert(room);
}

bool MucJoinPacer::remove(const Jid &room)
{
    if (m_queued.remove(room)) {
        m_queue.removeOne(room);
        return true;
    }
    return m_inFlight.remove(room);
}

int MucJoinPacer::window() const
{
    // Sized by the largest recent room, not the average: one big room in a burst of
    // small ones is what overflows a queue.
    int estimate = m_limits.initialOccupantEstimate;
    if (!m_recentOccupants.isEmpty())
        estimate = *std::max_element(m_recentOccupants.begin(), m_recentOccupants.end());
    const int window = m_limits.stanzaBudget / std::max(1, estimate + 2);
    return std::clamp(window, 1, std::max(1, m_limits.maxInFlight));
}

bool MucJoinPacer::canDispatch() const
{
    return !m_halted && !m_queue.isEmpty() && inFlight() < window();
}

Jid MucJoinPacer::dispatch()
{
    if (m_queue.isEmpty())
        return {};
    const Jid room = m_queue.takeFirst();
    m_queued.remove(room);
    m_inFlight.insert(room);
    m_peakInFlight = std::max(m_peakInFlight, inFlight());
    return room;
}

void MucJoinPacer::finished(const Jid &room, int occupants)
{
    if (!m_inFlight.remove(room))
        return;
    if (occupants >= 0) {
        m_recentOccupants.append(occupants);
        if (m_recentOccupants.size() > recentRooms)
            m_recentOccupants.removeFirst();
    }
}

QList<Jid> MucJoinPacer::takeQueued()
{
    m_queued.clear();
    return std::exchange(m_queue, {});
}

QList<Jid> MucJoinPacer::takeInFlight()
{
    const QList<Jid> out = m_inFlight.values();
    m_inFlight.clear();
    return out;
}

} // namespace chorus::xmpp
