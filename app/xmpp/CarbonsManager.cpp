#include "xmpp/CarbonsManager.h"

#include "xmpp/Client.h"
#include "xmpp/Logging.h"
#include "xmpp/MessageBuilder.h"
#include "xmpp/Namespaces.h"

using namespace Qt::StringLiterals;

namespace chorus::xmpp {

CarbonsManager::CarbonsManager(QObject *parent) : QObject(parent)
{
}

Task<Done, IqError> CarbonsManager::setEnabled(bool enable)
{
    Promise<Done, IqError> promise;
    if (!client()) {
        promise.finish(IqError {IqError::Code::NotConnected, {}, {}, {}, {}});
        return promise.task();
    }
    client()
        ->sendIq(buildCarbonsRequest(enable))
        .then(this, [this, promise, enable](const Expected<Element, IqError> &result) mutable {
            if (result.ok()) {
                m_enabled = enable;
                promise.finish(Done {});
            } else {
                promise.finish(result.error());
            }
        });
    return promise.task();
}

bool CarbonsManager::handleStanza(const Element &stanza)
{
    if (!stanza.is(u"message", ns::Client))
        return false;
    const Element received = stanza.child(u"received", ns::Carbons);
    const Element sent = stanza.child(u"sent", ns::Carbons);
    if (received.isNull() && sent.isNull())
        return false;
    const Jid own = client() ? client()->boundJid().bare() : Jid();
    const Jid from = Jid::fromString(stanza.attribute(u"from"));
    auto drop = [this, &stanza](const char *why) {
        ++m_dropped;
        qCWarning(lcXmpp, "dropped a carbon from %s: %s", qPrintable(stanza.attribute(u"from")),
                  why);
        return true; // claimed: nobody else may take it for a message
    };
    if (!own.isValid() || from != own)
        return drop("not from our own account");
    if (!received.isNull() && !sent.isNull())
        return drop("both sent and received");
    const Element wrapper = received.isNull() ? sent : received;
    const Element inner = wrapper.child(u"forwarded", ns::Forward).child(u"message", ns::Client);
    if (inner.isNull())
        return drop("no forwarded message");
    const Jid innerFrom = Jid::fromString(inner.attribute(u"from"));
    const Jid innerTo = Jid::fromString(inner.attribute(u"to"));
    if (!sent.isNull() && innerFrom.bare() != own)
        return drop("a sent copy of a message that is not ours");
    if (!received.isNull() && innerTo.bare() != own)
        return drop("a received copy of a message not addressed to us");

    MessageContext context;
    context.ownJid = client()->boundJid();
    auto parsed = ParsedMessage::fromStanza(inner, context);
    if (!parsed)
        return drop("unreadable");
    parsed->carbon = sent.isNull() ? ParsedMessage::Carbon::Received : ParsedMessage::Carbon::Sent;
    // A delay inside <forwarded/> dates the copy when the inner message has none.
    if (!parsed->stamp.isValid()) {
        MessageContext none;
        const Element forwarded = wrapper.child(u"forwarded", ns::Forward);
        Element shell(u"message"_s, ns::Client);
        for (const Element &delay : forwarded.children(u"delay", ns::Delay))
            shell.appendChild(delay);
        if (auto dated = ParsedMessage::fromStanza(shell, none))
            parsed->stamp = dated->stamp;
    }
    Q_EMIT carbonReceived(*parsed);
    return true;
}

void CarbonsManager::onSessionStarted(bool resumed)
{
    if (resumed || !m_autoEnable)
        return; // a resumed session keeps its carbons state
    m_enabled = false;
    setEnabled(true).then(this, [this](const Expected<Done, IqError> &result) {
        if (!result.ok()) {
            qCWarning(lcXmpp, "could not enable carbons: %s", qPrintable(result.error().condition));
            Q_EMIT enableFailed(result.error());
        }
    });
}

void CarbonsManager::onDisconnected()
{
}

QStringList CarbonsManager::discoFeatures() const
{
    return {ns::Carbons};
}

} // namespace chorus::xmpp
