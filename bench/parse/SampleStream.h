#pragma once

#include <QByteArray>

namespace chorus::bench {

/// What the sample stream is made of, so throughput can be reported per kind.
struct SampleStream
{
    QByteArray header; ///< the server's <stream:stream> opening
    QByteArray presences; ///< MUC occupant presences only
    QByteArray mixed; ///< presences, live groupchat messages and MAM pages interleaved
    int presenceCount = 0;
    int mixedStanzaCount = 0;
};

/// Builds a deterministic stream shaped like what Prosody and ejabberd send a client
/// joining busy rooms: occupant presences (caps, XEP-0421 occupant-id, muc#user item,
/// vCard avatar hash), groupchat messages (XEP-0359 stanza-id/origin-id, XEP-0203
/// delay, some replies and corrections), and XEP-0313 result pages with their <fin/>.
SampleStream makeSampleStream(int rooms, int occupantsPerRoom, int messagesPerRoom);

} // namespace chorus::bench
