#include "xmpp/Extension.h"

#include "xmpp/Client.h"

namespace chorus::xmpp {

Extension::~Extension()
{
    if (m_client)
        m_client->removeExtension(this);
}

void Extension::onSessionStarted(bool)
{
}

void Extension::onDisconnected()
{
}

QStringList Extension::discoFeatures() const
{
    return {};
}

} // namespace chorus::xmpp
