#pragma once

// BookmarkManager's helpers, shared by BookmarkManager.cpp (reading) and
// BookmarkSaving.cpp (writing).

#include "xmpp/DataForm.h"
#include "xmpp/Element.h"
#include "xmpp/Namespaces.h"

namespace chorus::xmpp::bookmarks {

inline const QString PublishOptionsForm
    = QStringLiteral("http://jabber.org/protocol/pubsub#publish-options");
inline const QString NodeConfig = QStringLiteral("http://jabber.org/protocol/pubsub#node_config");
/// Prosody's default pep_max_items: the smallest item limit of a server we know.
inline constexpr int UnknownLimitFloor = 256;

inline Element pubsubIq(const QString &type, const QString &pubsubNs, const Element &payload)
{
    Element iq(QStringLiteral("iq"), ns::Client);
    iq.setAttribute(QStringLiteral("type"), type);
    iq.appendChild(Element(QStringLiteral("pubsub"), pubsubNs).appendChild(payload));
    return iq;
}

/// A submit form of `formType` (publish-options or node_config) asking what XEP-0402
/// requires of the node: persistent items, private (whitelist) access.
inline DataForm privateNodeForm(const QString &formType)
{
    DataForm form = DataForm::withFormType(formType);
    form.setValue(QStringLiteral("pubsub#persist_items"), QStringLiteral("true"));
    form.setValue(QStringLiteral("pubsub#access_model"), QStringLiteral("whitelist"));
    return form;
}

/// <name node='urn:xmpp:bookmarks:1'/> in the pubsub namespace.
inline Element nodeElement(const QString &name)
{
    return Element(name, ns::PubSub).setAttribute(QStringLiteral("node"), ns::Bookmarks);
}

inline Element privateStorageIq(const QString &type, const Element &storage)
{
    Element iq(QStringLiteral("iq"), ns::Client);
    iq.setAttribute(QStringLiteral("type"), type);
    iq.appendChild(Element(QStringLiteral("query"), ns::PrivateStorage).appendChild(storage));
    return iq;
}

} // namespace chorus::xmpp::bookmarks
