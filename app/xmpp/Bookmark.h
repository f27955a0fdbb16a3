#pragma once

#include "xmpp/Element.h"
#include "xmpp/Jid.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace chorus::xmpp {

/// One group in the operator's list: an XEP-0402 conference bookmark (or an XEP-0048
/// one on servers without XEP-0402). Chorus's own data (tags, time zone) travels in
/// <extensions/> as <group xmlns='urn:chorus:group:0'>; whatever other clients put
/// there, and elements we do not know (such as a password), are kept and written back.
struct Bookmark
{
    Jid jid; ///< the room (bare)
    QString name;
    QString nick;
    bool autojoin = false;
    QStringList tags;
    QString timeZone; ///< IANA id
    QList<Element> otherExtensions; ///< other clients' <extensions/> children
    QList<Element> unknownChildren; ///< other children of <conference/> (e.g. <password/>)

    bool isValid() const { return jid.isValid() && jid.isBare() && !jid.node().isEmpty(); }

    /// From an XEP-0402 pubsub <item id='room'><conference/></item>.
    static std::optional<Bookmark> fromItem(const Element &item);
    /// The <conference xmlns='urn:xmpp:bookmarks:1'/> payload (the item id is the JID).
    Element toConference() const;
    /// From an XEP-0048 <conference jid=.../> inside <storage xmlns='storage:bookmarks'>.
    static std::optional<Bookmark> fromLegacy(const Element &conference);
    Element toLegacy() const;

    friend bool operator==(const Bookmark &, const Bookmark &) = default;
};

} // namespace chorus::xmpp

Q_DECLARE_METATYPE(chorus::xmpp::Bookmark)
