#pragma once

// XML namespaces of the protocols the session layer speaks (RFC 6120/6121 and XEPs).
// Managers built on the session add their own next to their code.

#include <QString>

namespace chorus::xmpp::ns {

inline const QString Client = QStringLiteral("jabber:client");
inline const QString Stream = QStringLiteral("http://etherx.jabber.org/streams");
inline const QString StreamErrors = QStringLiteral("urn:ietf:params:xml:ns:xmpp-streams");
inline const QString Stanzas = QStringLiteral("urn:ietf:params:xml:ns:xmpp-stanzas");
inline const QString Tls = QStringLiteral("urn:ietf:params:xml:ns:xmpp-tls");
inline const QString Sasl = QStringLiteral("urn:ietf:params:xml:ns:xmpp-sasl");
inline const QString Bind = QStringLiteral("urn:ietf:params:xml:ns:xmpp-bind");
inline const QString Session = QStringLiteral("urn:ietf:params:xml:ns:xmpp-session");
inline const QString Xml = QStringLiteral("http://www.w3.org/XML/1998/namespace");
inline const QString StreamManagement = QStringLiteral("urn:xmpp:sm:3"); ///< XEP-0198
inline const QString Ping = QStringLiteral("urn:xmpp:ping"); ///< XEP-0199
inline const QString Csi = QStringLiteral("urn:xmpp:csi:0"); ///< XEP-0352

// Archive, bookmarks and message features (MAM, bookmarks, carbons, disco, upload).
inline const QString Bookmarks = QStringLiteral("urn:xmpp:bookmarks:1"); ///< XEP-0402
inline const QString BookmarksLegacy = QStringLiteral("storage:bookmarks"); ///< XEP-0048
inline const QString Caps = QStringLiteral("http://jabber.org/protocol/caps"); ///< XEP-0115
inline const QString Carbons = QStringLiteral("urn:xmpp:carbons:2"); ///< XEP-0280
inline const QString ChorusGroup = QStringLiteral("urn:chorus:group:0"); ///< our bookmark extension
inline const QString DataForms = QStringLiteral("jabber:x:data"); ///< XEP-0004
inline const QString DataFormsValidate
    = QStringLiteral("http://jabber.org/protocol/xdata-validate"); ///< XEP-0122
inline const QString Delay = QStringLiteral("urn:xmpp:delay"); ///< XEP-0203
inline const QString DiscoInfo = QStringLiteral("http://jabber.org/protocol/disco#info"); ///< XEP-0030
inline const QString DiscoItems = QStringLiteral("http://jabber.org/protocol/disco#items"); ///< XEP-0030
inline const QString Fallback = QStringLiteral("urn:xmpp:fallback:0"); ///< XEP-0428
inline const QString Fasten = QStringLiteral("urn:xmpp:fasten:0"); ///< XEP-0422 (XEP-0425 v0.2)
inline const QString Forward = QStringLiteral("urn:xmpp:forward:0"); ///< XEP-0297
inline const QString Hints = QStringLiteral("urn:xmpp:hints"); ///< XEP-0334
inline const QString HttpUpload = QStringLiteral("urn:xmpp:http:upload:0"); ///< XEP-0363
inline const QString LegacyDelay = QStringLiteral("jabber:x:delay"); ///< XEP-0091 (obsolete)
inline const QString Mam = QStringLiteral("urn:xmpp:mam:2"); ///< XEP-0313
inline const QString MessageCorrect = QStringLiteral("urn:xmpp:message-correct:0"); ///< XEP-0308
inline const QString MessageModerate0 = QStringLiteral("urn:xmpp:message-moderate:0"); ///< XEP-0425 v0.2
inline const QString MessageModerate1 = QStringLiteral("urn:xmpp:message-moderate:1"); ///< XEP-0425 v0.3
inline const QString MessageRetract0 = QStringLiteral("urn:xmpp:message-retract:0"); ///< XEP-0424 v0.3
inline const QString MessageRetract1 = QStringLiteral("urn:xmpp:message-retract:1"); ///< XEP-0424 v0.4
inline const QString Muc = QStringLiteral("http://jabber.org/protocol/muc"); ///< XEP-0045
inline const QString MucAdmin = QStringLiteral("http://jabber.org/protocol/muc#admin");
inline const QString MucOwner = QStringLiteral("http://jabber.org/protocol/muc#owner");
inline const QString MucRoomConfig = QStringLiteral("http://jabber.org/protocol/muc#roomconfig");
inline const QString MucSelfPingOptimization
    = QStringLiteral("http://jabber.org/protocol/muc#self-ping-optimization"); ///< XEP-0410
inline const QString DirectInvite = QStringLiteral("jabber:x:conference"); ///< XEP-0249
inline const QString MucUser = QStringLiteral("http://jabber.org/protocol/muc#user"); ///< XEP-0045
inline const QString OccupantId = QStringLiteral("urn:xmpp:occupant-id:0"); ///< XEP-0421
inline const QString Oob = QStringLiteral("jabber:x:oob"); ///< XEP-0066
inline const QString PrivateStorage = QStringLiteral("jabber:iq:private"); ///< XEP-0049
inline const QString PubSub = QStringLiteral("http://jabber.org/protocol/pubsub"); ///< XEP-0060
inline const QString PubSubErrors = QStringLiteral("http://jabber.org/protocol/pubsub#errors");
inline const QString PubSubEvent = QStringLiteral("http://jabber.org/protocol/pubsub#event");
inline const QString PubSubOwner = QStringLiteral("http://jabber.org/protocol/pubsub#owner");
inline const QString Reply = QStringLiteral("urn:xmpp:reply:0"); ///< XEP-0461
inline const QString Rsm = QStringLiteral("http://jabber.org/protocol/rsm"); ///< XEP-0059
inline const QString StanzaId = QStringLiteral("urn:xmpp:sid:0"); ///< XEP-0359

} // namespace chorus::xmpp::ns
