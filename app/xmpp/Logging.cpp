#include "xmpp/Logging.h"

namespace chorus::xmpp {

Q_LOGGING_CATEGORY(lcXmpp, "chorus.xmpp", QtInfoMsg)
Q_LOGGING_CATEGORY(lcXmppStream, "chorus.xmpp.stream", QtWarningMsg)

} // namespace chorus::xmpp
