#include "xmpp/Bookmark.h"

#include "xmpp/Namespaces.h"

using namespace Qt::StringLiterals;

namespace chorus::xmpp {
namespace {

bool isTrue(QStringView value)
{
    return value == u"true" || value == u"1";
}

// Reads our <group xmlns='urn:chorus:group:0'> (tags, time zone).
void readGroup(const Element &group, Bookmark &b)
{
    for (const Element &tag : group.children(u"tag", ns::ChorusGroup)) {
        const QString text = tag.text().trimmed();
        if (!text.isEmpty() && !b.tags.contains(text))
            b.tags.append(text);
    }
    b.timeZone = group.childText(u"tz", ns::ChorusGroup).trimmed();
}

Element groupElement(const Bookmark &b)
{
    Element group(u"group"_s, ns::ChorusGroup);
    for (const QString &tag : b.tags)
        group.appendTextChild(u"tag"_s, ns::ChorusGroup, tag);
    if (!b.timeZone.isEmpty())
        group.appendTextChild(u"tz"_s, ns::ChorusGroup, b.timeZone);
    return group;
}

bool hasChorusData(const Bookmark &b)
{
    return !b.tags.isEmpty() || !b.timeZone.isEmpty();
}

} // namespace

std::optional<Bookmark> Bookmark::fromItem(const Element &item)
{
    const Element conference = item.child(u"conference", ns::Bookmarks);
    if (conference.isNull())
        return std::nullopt;
    Bookmark b;
    b.jid = Jid::fromString(item.attribute(u"id"));
    if (!b.isValid())
        return std::nullopt;
    b.name = conference.attribute(u"name");
    b.autojoin = isTrue(conference.attribute(u"autojoin"));
    for (const Element &child : conference.children()) {
        if (child.is(u"nick", ns::Bookmarks)) {
            b.nick = child.text();
        } else if (child.is(u"extensions", ns::Bookmarks)) {
            for (const Element &ext : child.children()) {
                if (ext.is(u"group", ns::ChorusGroup))
                    readGroup(ext, b);
                else
                    b.otherExtensions.append(ext);
            }
        } else {
            b.unknownChildren.append(child);
        }
    }
    return b;
}

Element Bookmark::toConference() const
{
    Element conference(u"conference"_s, ns::Bookmarks);
    if (!name.isEmpty())
        conference.setAttribute(u"name"_s, name);
    conference.setAttribute(u"autojoin"_s, autojoin ? u"true"_s : u"false"_s);
    if (!nick.isEmpty())
        conference.appendTextChild(u"nick"_s, ns::Bookmarks, nick);
    for (const Element &child : unknownChildren)
        conference.appendChild(child);
    if (hasChorusData(*this) || !otherExtensions.isEmpty()) {
        Element extensions(u"extensions"_s, ns::Bookmarks);
        for (const Element &ext : otherExtensions)
            extensions.appendChild(ext);
        if (hasChorusData(*this))
            extensions.appendChild(groupElement(*this));
        conference.appendChild(extensions);
    }
    return conference;
}

std::optional<Bookmark> Bookmark::fromLegacy(const Element &conference)
{
    if (!conference.is(u"conference", ns::BookmarksLegacy))
        return std::nullopt;
    Bookmark b;
    b.jid = Jid::fromString(conference.attribute(u"jid"));
    if (!b.isValid())
        return std::nullopt;
    b.name = conference.attribute(u"name");
    b.autojoin = isTrue(conference.attribute(u"autojoin"));
    for (const Element &child : conference.children()) {
        if (child.is(u"nick", ns::BookmarksLegacy))
            b.nick = child.text();
        else if (child.is(u"group", ns::ChorusGroup))
            readGroup(child, b);
        else if (child.is(u"password", ns::BookmarksLegacy)) // kept in the XEP-0402 form
            b.unknownChildren.append(Element(u"password"_s, ns::Bookmarks).setText(child.text()));
        else
            b.unknownChildren.append(child);
    }
    return b;
}

Element Bookmark::toLegacy() const
{
    Element conference(u"conference"_s, ns::BookmarksLegacy);
    conference.setAttribute(u"jid"_s, jid.toString());
    if (!name.isEmpty())
        conference.setAttribute(u"name"_s, name);
    conference.setAttribute(u"autojoin"_s, autojoin ? u"true"_s : u"false"_s);
    if (!nick.isEmpty())
        conference.appendTextChild(u"nick"_s, ns::BookmarksLegacy, nick);
    for (const Element &child : unknownChildren) {
        // A <password/> read from XEP-0402 is in the new namespace: write it back in the old.
        if (child.is(u"password", ns::Bookmarks))
            conference.appendTextChild(u"password"_s, ns::BookmarksLegacy, child.text());
        else if (child.ns() != ns::Bookmarks)
            conference.appendChild(child);
    }
    if (hasChorusData(*this))
        conference.appendChild(groupElement(*this));
    return conference;
}

} // namespace chorus::xmpp
