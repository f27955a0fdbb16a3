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

} // namespace chorus::xmpp::ns
