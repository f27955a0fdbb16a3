#pragma once

#include <QLoggingCategory>

namespace chorus::xmpp {

/// Connection lifecycle and protocol decisions ("chorus.xmpp").
Q_DECLARE_LOGGING_CATEGORY(lcXmpp)
/// Every byte in and out ("chorus.xmpp.stream"; off by default; may show passwords
/// of PLAIN logins, so only for debugging against test servers).
Q_DECLARE_LOGGING_CATEGORY(lcXmppStream)

} // namespace chorus::xmpp
