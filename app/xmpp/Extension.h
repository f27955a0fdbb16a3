#pragma once

#include "xmpp/Element.h"

#include <QStringList>

namespace chorus::xmpp {

class Client;

/// A protocol manager on top of the session (MUC, MAM, bookmarks, disco, ...).
///
/// Register with Client::addExtension(). Inbound stanzas are offered to the
/// extensions in registration order; the first whose handleStanza() returns true
/// claims it and later ones do not see it. IQ results and errors answering
/// Client::sendIq() never reach extensions: they finish the request's Task.
/// Unclaimed IQ get/set requests are answered with service-unavailable.
class Extension
{
public:
    virtual ~Extension();

    /// An inbound message, presence or iq (get/set). Return true to claim it.
    virtual bool handleStanza(const Element &stanza) = 0;

    /// A session is ready. `resumed` is true when XEP-0198 resumption continued the
    /// previous one (rooms joined, subscriptions and server-side state intact); when
    /// false, everything server-side started afresh: rejoin rooms, catch up via MAM.
    virtual void onSessionStarted(bool resumed);

    /// The connection dropped or was closed. A resumption may follow (then
    /// onSessionStarted(true)), or a fresh session, or nothing (Client::disconnected).
    virtual void onDisconnected();

    /// XEP-0030 features this extension implements, for the disco manager to announce.
    virtual QStringList discoFeatures() const;

protected:
    /// The client this extension is registered with (null when not registered).
    Client *client() const { return m_client; }

private:
    friend class Client;
    Client *m_client = nullptr;
};

} // namespace chorus::xmpp
