#include "chat/Types.h"

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace chorus::chat {
namespace {

// The protocol's own words double as stable storage names.
constexpr std::array kRoles{std::pair{Role::None, "none"}, std::pair{Role::Visitor, "visitor"},
                            std::pair{Role::Participant, "participant"},
                            std::pair{Role::Moderator, "moderator"}};
constexpr std::array kAffiliations{
    std::pair{Affiliation::None, "none"}, std::pair{Affiliation::Outcast, "outcast"},
    std::pair{Affiliation::Member, "member"}, std::pair{Affiliation::Admin, "admin"},
    std::pair{Affiliation::Owner, "owner"}};
constexpr std::array kPresences{
    std::pair{Presence::Offline, "offline"}, std::pair{Presence::Online, "online"},
    std::pair{Presence::Chat, "chat"}, std::pair{Presence::Away, "away"},
    std::pair{Presence::ExtendedAway, "xa"}, std::pair{Presence::DoNotDisturb, "dnd"}};

template <typename Table, typename E>
QString nameOf(const Table &table, E value)
{
    for (const auto &[v, name] : table) {
        if (v == value)
            return QString::fromLatin1(name);
    }
    return QString::fromLatin1(table.front().second);
}

template <typename Table>
auto valueOf(const Table &table, const QString &text)
{
    for (const auto &[v, name] : table) {
        if (text == QLatin1StringView(name))
            return v;
    }
    return table.front().first;
}

} // namespace

QString toString(Role role) { return nameOf(kRoles, role); }
QString toString(Affiliation affiliation) { return nameOf(kAffiliations, affiliation); }
QString toString(Presence presence) { return nameOf(kPresences, presence); }
Role roleFromString(const QString &text) { return valueOf(kRoles, text); }
Affiliation affiliationFromString(const QString &text) { return valueOf(kAffiliations, text); }
Presence presenceFromString(const QString &text) { return valueOf(kPresences, text); }

PersonKey PersonKey::of(const QString &groupId, const QString &realJid, const QString &occupantId,
                        const QString &nick)
{
    if (!realJid.isEmpty())
        return {Basis::RealJid, u"jid:"_s + realJid.toLower()};
    if (!occupantId.isEmpty())
        return {Basis::OccupantId, u"occ:"_s + groupId + u'/' + occupantId};
    if (!nick.isEmpty())
        return {Basis::Nick, u"nick:"_s + groupId + u'/' + nick};
    return {};
}

} // namespace chorus::chat
