#pragma once

// Mapping between app/xmpp's protocol types and the backend-neutral chat types.
// Internal to XmppChatService (features never see xmpp types).

#include "chat/ChatService.h"
#include "xmpp/Bookmark.h"
#include "xmpp/BookmarkManager.h"
#include "xmpp/Error.h"
#include "xmpp/MamTypes.h"
#include "xmpp/MucRoomConfig.h"
#include "xmpp/MucTypes.h"
#include "xmpp/ParsedMessage.h"
#include "xmpp/UploadManager.h"

#include <optional>

namespace chorus::chat::convert {

ChatError fromError(const xmpp::Error &error);
ChatError fromMucError(const xmpp::MucError &error);
ChatError fromMamError(const xmpp::MamError &error);
ChatError fromBookmarkError(const xmpp::BookmarkError &error);
ChatError fromUploadError(const xmpp::UploadError &error);
ChatError fromIqError(const xmpp::IqError &error);
ChatError notConnected();
/// Now, in whole seconds (UTC): the time of a live message without a delay stamp.
QDateTime arrivalTime();
ChatError invalid(const QString &message);

Role toRole(xmpp::MucRole role);
xmpp::MucRole fromRole(Role role);
Affiliation toAffiliation(xmpp::MucAffiliation affiliation);
xmpp::MucAffiliation fromAffiliation(Affiliation affiliation);
Presence toPresence(const QString &show);

Member toMember(const QString &groupId, const xmpp::MucOccupant &occupant);
Group toGroup(const xmpp::Bookmark &bookmark);
/// `group` as a bookmark, keeping what other clients stored in `existing`.
xmpp::Bookmark toBookmark(const Group &group, const std::optional<xmpp::Bookmark> &existing);

GroupConfig toGroupConfig(const xmpp::MucRoomConfig &config);
xmpp::MucRoomConfig fromGroupConfig(const GroupConfig &config);

/// What the conversion of a room message needs to know about the room.
struct RoomView
{
    QString groupId;
    QString ownNick;
    QString ownOccupantId;   ///< empty where the room assigns none
    bool trustOccupantIds = false;
    QString ownBareJid;
};

/// A room message (live or archived, group or private) as a chat::Message; nullopt for
/// stanzas with nothing to show (chat states, subject-only changes, errors).
std::optional<Message> toMessage(const xmpp::ParsedMessage &parsed, const RoomView &room);

} // namespace chorus::chat::convert
