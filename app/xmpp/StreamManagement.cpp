#include "xmpp/StreamManagement.h"

#include "xmpp/Namespaces.h"

using namespace Qt::StringLiterals;

namespace chorus::xmpp {

void StreamManagement::enable(const QString &resumeId)
{
    m_enabled = true;
    m_resumeId = resumeId;
    m_handled = 0;
    m_acked = 0;
    m_queue.clear();
}

void StreamManagement::reset()
{
    m_enabled = false;
    m_resumeId.clear();
    m_handled = 0;
    m_acked = 0;
    m_queue.clear();
}

qsizetype StreamManagement::writtenCount() const
{
    qsizetype n = 0;
    for (const Item &i : m_queue) {
        if (!i.written)
            break;
        ++n;
    }
    return n;
}

void StreamManagement::stanzaSent(const Element &stanza)
{
    if (m_enabled)
        m_queue.append(Item {stanza, true});
}

void StreamManagement::stanzaQueued(const Element &stanza)
{
    if (m_enabled)
        m_queue.append(Item {stanza, false});
}

bool StreamManagement::acknowledge(quint32 h)
{
    const quint32 newlyAcked = h - m_acked; // modulo 2^32
    if (newlyAcked > quint32(writtenCount()))
        return false;
    m_queue.remove(0, qsizetype(newlyAcked));
    m_acked = h;
    return true;
}

QList<Element> StreamManagement::pending() const
{
    QList<Element> out;
    out.reserve(m_queue.size());
    for (const Item &i : m_queue)
        out.append(i.stanza);
    return out;
}

QList<Element> StreamManagement::resume(quint32 h, bool *ok)
{
    *ok = acknowledge(h);
    QList<Element> out;
    out.reserve(m_queue.size());
    for (Item &i : m_queue) {
        i.written = true;
        out.append(i.stanza);
    }
    return out;
}

StreamManagement::Leftovers StreamManagement::takeLeftovers(std::optional<quint32> serverHandled)
{
    Leftovers out;
    const bool known = serverHandled && acknowledge(*serverHandled);
    for (const Item &i : m_queue) {
        if (!i.written || known)
            out.surelyLost.append(i.stanza);
        else
            out.unknown.append(i.stanza);
    }
    reset();
    return out;
}

Element StreamManagement::ackElement() const
{
    return Element(u"a"_s, ns::StreamManagement).setAttribute(u"h"_s, QString::number(m_handled));
}

Element StreamManagement::requestElement()
{
    return Element(u"r"_s, ns::StreamManagement);
}

} // namespace chorus::xmpp
