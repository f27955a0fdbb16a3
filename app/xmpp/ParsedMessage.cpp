#include "xmpp/ParsedMessage.h"

#include "xmpp/Namespaces.h"
#include "xmpp/XmppDateTime.h"

#include <QStringView>

#include <vector>

using namespace Qt::StringLiterals;

namespace chorus::xmpp {
namespace {

ParsedMessage::Type typeOf(QStringView type)
{
    if (type == u"groupchat")
        return ParsedMessage::Type::GroupChat;
    if (type == u"chat")
        return ParsedMessage::Type::Chat;
    if (type == u"headline")
        return ParsedMessage::Type::Headline;
    if (type == u"error")
        return ParsedMessage::Type::Error;
    return ParsedMessage::Type::Normal;
}

// The body without xml:lang (or the first one): one text per message is enough here.
QString bodyOf(const Element &message)
{
    const QList<Element> bodies = message.children(u"body", ns::Client);
    for (const Element &body : bodies) {
        if (body.attribute(u"lang", ns::Xml).isEmpty())
            return body.text();
    }
    return bodies.isEmpty() ? QString() : bodies.first().text();
}

// XEP-0428: removes the ranges of the body marked as fallback for the features we
// understand. A malformed range removes nothing (the whole body stays).
QString stripFallback(const Element &message, const QString &body, const QStringList &features)
{
    std::vector<bool> drop;
    bool any = false;
    const qsizetype length = codePointCount(body);
    for (const Element &fallback : message.children(u"fallback", ns::Fallback)) {
        if (!features.contains(fallback.attribute(u"for")))
            continue;
        const QList<Element> ranges = fallback.children(u"body", ns::Fallback);
        if (ranges.isEmpty()) {
            // No range: the whole body is fallback.
            drop.assign(size_t(length), true);
            any = true;
            continue;
        }
        for (const Element &range : ranges) {
            bool okStart = false;
            bool okEnd = false;
            const qsizetype start = range.attribute(u"start").toLongLong(&okStart);
            const qsizetype end = range.attribute(u"end").toLongLong(&okEnd);
            if (!okStart || !okEnd || start < 0 || end < start || end > length)
                return body;
            if (drop.empty())
                drop.assign(size_t(length), false);
            for (qsizetype i = start; i < end; ++i)
                drop[size_t(i)] = true;
            any = true;
        }
    }
    if (!any)
        return body;
    QString result;
    qsizetype point = 0;
    for (qsizetype i = 0; i < body.size(); ++point) {
        const qsizetype width
            = body.at(i).isHighSurrogate() && i + 1 < body.size() && body.at(i + 1).isLowSurrogate()
            ? 2
            : 1;
        if (size_t(point) >= drop.size() || !drop[size_t(point)])
            result += QStringView(body).mid(i, width);
        i += width;
    }
    return result;
}

void parseDelay(const Element &message, ParsedMessage &m)
{
    for (const Element &delay : message.children(u"delay", ns::Delay)) {
        const QDateTime stamp = parseXmppDateTime(delay.attribute(u"stamp"));
        if (stamp.isValid()) {
            m.stamp = stamp;
            m.delayFrom = Jid::fromString(delay.attribute(u"from"));
            return;
        }
    }
    const Element legacy = message.child(u"x", ns::LegacyDelay);
    if (!legacy.isNull()) {
        m.stamp = parseLegacyStamp(legacy.attribute(u"stamp"));
        m.delayFrom = Jid::fromString(legacy.attribute(u"from"));
    }
}

// XEP-0359: only the stanza-id given by the entity we trust for this message.
void parseStanzaId(const Element &message, const MessageContext &context, ParsedMessage &m)
{
    Jid expected;
    if (context.archive.isValid())
        expected = context.archive.bare();
    else if (m.type == ParsedMessage::Type::GroupChat)
        expected = m.from.bare();
    else
        expected = context.ownJid.bare();
    for (const Element &sid : message.children(u"stanza-id", ns::StanzaId)) {
        const Jid by = Jid::fromString(sid.attribute(u"by"));
        const QString id = sid.attribute(u"id");
        if (by.isValid() && by == expected && !id.isEmpty() && m.stanzaId.isEmpty()) {
            m.stanzaId = id;
            m.stanzaIdBy = by;
        } else if (!(by == expected && id == m.stanzaId)) {
            m.ignored.append(u"stanza-id by "_s + sid.attribute(u"by"));
        }
    }
    // The archive's own id for the result is authoritative.
    if (context.archive.isValid() && !context.archiveId.isEmpty()) {
        m.stanzaId = context.archiveId;
        m.stanzaIdBy = context.archive.bare();
    }
    const Element origin = message.child(u"origin-id", ns::StanzaId);
    m.originId = origin.attribute(u"id");
}

// XEP-0425: a moderation notice is trusted only from the room itself (bare room JID,
// not an occupant); in an archive only from the archive queried.
void parseModeration(const Element &message, const MessageContext &context, ParsedMessage &m)
{
    Moderation mod;
    bool tombstone = false;
    // v0.3: <retract id xmlns=retract:1><moderated by xmlns=moderate:1/><reason/></retract>
    const Element retract = message.child(u"retract", ns::MessageRetract1);
    const Element retracted1 = message.child(u"retracted", ns::MessageRetract1);
    const Element fasten = message.child(u"apply-to", ns::Fasten);
    const Element moderated0 = message.child(u"moderated", ns::MessageModerate0);
    if (!retract.isNull() && retract.hasChild(u"moderated", ns::MessageModerate1)) {
        const Element moderated = retract.child(u"moderated", ns::MessageModerate1);
        mod.version = 3;
        mod.stanzaId = retract.attribute(u"id");
        mod.reason = retract.childText(u"reason", ns::MessageRetract1);
        mod.moderator = Jid::fromString(moderated.attribute(u"by"));
        mod.moderatorOccupantId = moderated.child(u"occupant-id", ns::OccupantId).attribute(u"id");
    } else if (!fasten.isNull() && fasten.hasChild(u"moderated", ns::MessageModerate0)) {
        // v0.2: <apply-to id xmlns=fasten:0><moderated by xmlns=moderate:0>
        //          <retract xmlns=retract:0/><reason/></moderated></apply-to>
        const Element moderated = fasten.child(u"moderated", ns::MessageModerate0);
        if (!moderated.hasChild(u"retract", ns::MessageRetract0))
            return;
        mod.version = 2;
        mod.stanzaId = fasten.attribute(u"id");
        mod.reason = moderated.childText(u"reason", ns::MessageModerate0);
        mod.moderator = Jid::fromString(moderated.attribute(u"by"));
        mod.moderatorOccupantId = moderated.child(u"occupant-id", ns::OccupantId).attribute(u"id");
    } else if (!retracted1.isNull() && retracted1.hasChild(u"moderated", ns::MessageModerate1)) {
        // v0.3 tombstone in an archive.
        const Element moderated = retracted1.child(u"moderated", ns::MessageModerate1);
        mod.version = 3;
        mod.reason = retracted1.childText(u"reason", ns::MessageRetract1);
        mod.moderator = Jid::fromString(moderated.attribute(u"by"));
        tombstone = true;
    } else if (!moderated0.isNull() && moderated0.hasChild(u"retracted", ns::MessageRetract0)) {
        // v0.2 tombstone in an archive.
        mod.version = 2;
        mod.reason = moderated0.childText(u"reason", ns::MessageModerate0);
        mod.moderator = Jid::fromString(moderated0.attribute(u"by"));
        tombstone = true;
    } else {
        return;
    }
    if (tombstone) {
        // The archive rewrote one of its own messages: trust it only from a room archive.
        if (!context.archive.isValid() || m.from.bare() != context.archive.bare()
            || m.type != ParsedMessage::Type::GroupChat) {
            m.ignored.append(u"moderation tombstone outside its room archive"_s);
            return;
        }
        mod.tombstone = true;
        mod.stanzaId = m.stanzaId;
    } else {
        const bool fromRoom = m.type == ParsedMessage::Type::GroupChat && m.from.isValid()
            && m.from.isBare() && (!context.archive.isValid() || m.from == context.archive.bare());
        if (!fromRoom || mod.stanzaId.isEmpty()) {
            m.ignored.append(u"moderation from "_s + m.from.toString());
            return;
        }
    }
    m.moderation = mod;
}

void parseLinks(const Element &message, ParsedMessage &m)
{
    for (const Element &oob : message.children(u"x", ns::Oob)) {
        const QUrl url(oob.childText(u"url", ns::Oob).trimmed(), QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || (scheme != u"https" && scheme != u"http") || url.host().isEmpty()) {
            m.ignored.append(u"oob url "_s + oob.childText(u"url", ns::Oob));
            continue;
        }
        m.links.append({url, oob.childText(u"desc", ns::Oob)});
    }
}

} // namespace

Jid ParsedMessage::room() const
{
    if (type == Type::GroupChat || mucUser)
        return from.bare();
    return {};
}

bool ParsedMessage::hasContent() const
{
    return !rawBody.isEmpty() || !links.isEmpty() || moderation.has_value() || hasSubject;
}

std::optional<ParsedMessage> ParsedMessage::fromStanza(const Element &stanza,
                                                       const MessageContext &context)
{
    if (!stanza.is(u"message", ns::Client))
        return std::nullopt;
    ParsedMessage m;
    m.stanza = stanza;
    m.type = typeOf(stanza.attribute(u"type"));
    m.from = Jid::fromString(stanza.attribute(u"from"));
    m.to = Jid::fromString(stanza.attribute(u"to"));
    m.id = stanza.attribute(u"id");
    m.archive = context.archive.isValid() ? context.archive.bare() : Jid();
    m.mucUser = stanza.hasChild(u"x", ns::MucUser);
    m.rawBody = bodyOf(stanza);
    const Element subject = stanza.child(u"subject", ns::Client);
    m.hasSubject = !subject.isNull();
    m.subject = subject.text();
    m.thread = stanza.childText(u"thread", ns::Client);
    if (m.type == Type::Error) {
        const Element error = stanza.child(u"error", ns::Client);
        for (const Element &child : error.children()) {
            if (child.ns() == ns::Stanzas && child.name() != u"text") {
                m.errorCondition = child.name();
                break;
            }
        }
    }

    parseStanzaId(stanza, context, m);
    parseDelay(stanza, m);
    if (context.archiveStamp.isValid())
        m.stamp = context.archiveStamp;

    // XEP-0421: only an occupant's message carries a room-assigned occupant-id.
    if ((m.type == Type::GroupChat || m.mucUser) && m.from.isFull())
        m.occupantId = stanza.child(u"occupant-id", ns::OccupantId).attribute(u"id");

    const Element replace = stanza.child(u"replace", ns::MessageCorrect);
    if (!replace.isNull()) {
        const QString target = replace.attribute(u"id");
        if (!target.isEmpty() && (target == m.id || target == m.originId)) {
            m.correctionRefused = true;
            m.ignored.append(u"correction of itself"_s);
        } else if (!target.isEmpty()) {
            m.replaceId = target;
        }
    }

    QStringList fallbackFor;
    const Element reply = stanza.child(u"reply", ns::Reply);
    if (!reply.isNull() && !reply.attribute(u"id").isEmpty()) {
        m.reply = ReplyReference {Jid::fromString(reply.attribute(u"to")), reply.attribute(u"id")};
        fallbackFor.append(ns::Reply);
    }

    parseModeration(stanza, context, m);
    if (m.moderation)
        fallbackFor << ns::MessageRetract1 << ns::MessageRetract0 << ns::MessageModerate0
                    << ns::MessageModerate1;
    m.body = stripFallback(stanza, m.rawBody, fallbackFor);
    parseLinks(stanza, m);
    return m;
}

qsizetype utf16Index(QStringView text, qsizetype codePoints)
{
    qsizetype i = 0;
    for (qsizetype n = 0; n < codePoints; ++n) {
        if (i >= text.size())
            return -1;
        i += (text.at(i).isHighSurrogate() && i + 1 < text.size()
              && text.at(i + 1).isLowSurrogate())
            ? 2
            : 1;
    }
    return i;
}

qsizetype codePointCount(QStringView text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++count)
        i += (text.at(i).isHighSurrogate() && i + 1 < text.size()
              && text.at(i + 1).isLowSurrogate())
            ? 2
            : 1;
    return count;
}

} // namespace chorus::xmpp
