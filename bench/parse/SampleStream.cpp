#include "SampleStream.h"

#include <QList>
#include <QRandomGenerator>

#include <array>

namespace chorus::bench {
namespace {

const std::array<const char *, 10> Nicks {"Maria", "Jun",    "Olu",    "Ana Lucia", "Wei",
                                          "Priya", "Tomasz", "Fatima", "Kenji",     "Lea"};
const std::array<const char *, 9> Bodies {
    "ok",
    "Thanks! See you tomorrow.",
    "Can I still join the 18:30 class? I missed the sign-up yesterday.",
    "1. Maria\n2. Jun\n3. Olu\n4. Wei",
    "Please bring your own mat and a bottle of water; the studio is on the second floor, "
    "the entrance is next to the bakery. We start on time!",
    "\xe6\x88\x91\xe6\x83\xb3\xe6\x8a\xa5\xe5\x90\x8d\xe6\x98\x8e\xe5\xa4\xa9\xe7\x9a\x84"
    "\xe8\xaf\xbe\xef\xbc\x8c\xe8\xb0\xa2\xe8\xb0\xa2\xef\xbc\x81",
    "Is the airport transfer included in the package price or is it extra?",
    "I'd like 2 boxes of the green tea, delivery on Friday please. Address as before.",
    "Here is the photo from today's session &amp; the schedule for next week: "
    "https://upload.example.org/abc123/schedule.png",
};

QByteArray num(qint64 n)
{
    return QByteArray::number(n);
}

QByteArray uuid(QRandomGenerator &rng)
{
    return QByteArray::number(rng.generate64(), 16).rightJustified(16, '0') + '-'
        + QByteArray::number(rng.generate(), 16).rightJustified(8, '0');
}

QByteArray roomJid(int room)
{
    return "class-" + num(room) + "@conference.example.org";
}

QByteArray presence(QRandomGenerator &rng, int room, int occupant)
{
    const QByteArray nick = QByteArray(Nicks[occupant % Nicks.size()]) + ' ' + num(occupant);
    QByteArray p = "<presence from='" + roomJid(room) + '/' + nick
        + "' to='coach@example.org/chorus-7f3a' id='" + uuid(rng) + "'>";
    if (occupant % 5 == 1)
        p += "<show>away</show><status>On the road</status>";
    p += "<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='https://conversations.im' "
         "ver='"
        + QByteArray(occupant % 3 ? "JUd3CHSG4zqgW6fEy6d5UnpLv6Y=" : "q07IKJEyjvHSyhy//CH0CxmKi8w=")
        + "'/>";
    if (occupant % 2)
        p += "<x xmlns='vcard-temp:x:update'><photo>" + QByteArray::number(rng.generate64(), 16)
            + "a1b2c3d4e5f6a7b8c9d0</photo></x>";
    p += "<occupant-id xmlns='urn:xmpp:occupant-id:0' id='" + uuid(rng).toBase64()
        + "'/>"
          "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='"
        + QByteArray(occupant == 0 ? "owner" : "member") + "' role='"
        + QByteArray(occupant == 0 ? "moderator" : "participant") + "' jid='member" + num(occupant)
        + "@example.org/phone-" + num(occupant % 7) + "'/></x></presence>";
    return p;
}

QByteArray groupchat(QRandomGenerator &rng, int room, int sender, int seq, bool delayed,
                     const char *xmlns = nullptr)
{
    const QByteArray nick = QByteArray(Nicks[sender % Nicks.size()]) + ' ' + num(sender);
    QByteArray m = "<message";
    if (xmlns)
        m += " xmlns='" + QByteArray(xmlns) + '\'';
    m += " from='" + roomJid(room) + '/' + nick + "' type='groupchat' id='" + uuid(rng)
        + "' xml:lang='en'";
    if (!xmlns)
        m += " to='coach@example.org/chorus-7f3a'";
    m += "><body>" + QByteArray(Bodies[(seq * 7 + sender) % Bodies.size()]) + "</body>";
    if (seq % 11 == 3)
        m += "<reply xmlns='urn:xmpp:reply:0' to='" + roomJid(room) + "/Jun 1' id='" + uuid(rng)
            + "'/>";
    if (seq % 17 == 5)
        m += "<replace xmlns='urn:xmpp:message-correct:0' id='" + uuid(rng) + "'/>";
    m += "<origin-id xmlns='urn:xmpp:sid:0' id='" + uuid(rng)
        + "'/>"
          "<occupant-id xmlns='urn:xmpp:occupant-id:0' id='"
        + uuid(rng).toBase64() + "'/>";
    if (!xmlns)
        m += "<stanza-id xmlns='urn:xmpp:sid:0' id='" + uuid(rng) + "' by='" + roomJid(room)
            + "'/>";
    if (delayed)
        m += "<delay xmlns='urn:xmpp:delay' from='" + roomJid(room) + "' stamp='2026-11-2"
            + num(seq % 10) + "T0" + num(seq % 10) + ":4" + num(seq % 6) + ":26.000Z'/>";
    m += "</message>";
    return m;
}

QByteArray mamResult(QRandomGenerator &rng, int room, int sender, int seq)
{
    return "<message to='coach@example.org/chorus-7f3a' from='" + roomJid(room)
        + "'><result xmlns='urn:xmpp:mam:2' queryid='mam-" + num(room) + "' id='" + uuid(rng)
        + "'><forwarded xmlns='urn:xmpp:forward:0'><delay xmlns='urn:xmpp:delay' "
          "stamp='2026-11-24T1"
        + num(seq % 10) + ":0" + num(seq % 6) + ":00Z'/>"
        + groupchat(rng, room, sender, seq, false, "jabber:client")
        + "</forwarded></result></message>";
}

QByteArray mamFin(QRandomGenerator &rng, int room, int count)
{
    return "<iq type='result' id='mam-" + num(room) + "' from='" + roomJid(room)
        + "' to='coach@example.org/chorus-7f3a'><fin xmlns='urn:xmpp:mam:2' complete='false'>"
          "<set xmlns='http://jabber.org/protocol/rsm'><first index='0'>"
        + uuid(rng) + "</first><last>" + uuid(rng) + "</last><count>" + num(count * 20)
        + "</count></set></fin></iq>";
}

} // namespace

SampleStream makeSampleStream(int rooms, int occupantsPerRoom, int messagesPerRoom)
{
    QRandomGenerator rng(20261125);
    SampleStream s;
    s.header = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
               "xmlns:stream='http://etherx.jabber.org/streams' id='a8d1f0c2-77e1' "
               "from='example.org' to='coach@example.org' version='1.0' xml:lang='en'>";
    for (int room = 0; room < rooms; ++room) {
        for (int o = 0; o < occupantsPerRoom; ++o) {
            const QByteArray p = presence(rng, room, o);
            s.presences += p;
            ++s.presenceCount;
            s.mixed += p;
            ++s.mixedStanzaCount;
        }
        // Catch-up through MAM: one page per room, then the live traffic.
        for (int m = 0; m < messagesPerRoom; ++m) {
            s.mixed += mamResult(rng, room, (m * 3) % occupantsPerRoom, m);
            ++s.mixedStanzaCount;
        }
        s.mixed += mamFin(rng, room, messagesPerRoom);
        ++s.mixedStanzaCount;
        for (int m = 0; m < messagesPerRoom; ++m) {
            s.mixed += groupchat(rng, room, (m * 5) % occupantsPerRoom, m, m % 4 == 0);
            ++s.mixedStanzaCount;
        }
    }
    return s;
}

} // namespace chorus::bench
