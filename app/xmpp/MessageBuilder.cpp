#include "xmpp/MessageBuilder.h"

#include "xmpp/Namespaces.h"

using namespace Qt::StringLiterals;

namespace chorus::xmpp {
namespace {

QString typeName(ParsedMessage::Type type)
{
    switch (type) {
    case ParsedMessage::Type::GroupChat:
        return u"groupchat"_s;
    case ParsedMessage::Type::Chat:
        return u"chat"_s;
    case ParsedMessage::Type::Headline:
        return u"headline"_s;
    case ParsedMessage::Type::Error:
        return u"error"_s;
    case ParsedMessage::Type::Normal:
        break;
    }
    return u"normal"_s;
}

// "> nick: line one\n> line two\n" as clients without XEP-0461 show quotes.
QString quoteOf(const QString &nick, const QString &text)
{
    QString quote;
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        quote += u"> "_s;
        if (i == 0 && !nick.isEmpty())
            quote += nick + u": "_s;
        quote += lines.at(i) + u'\n';
    }
    return quote;
}

} // namespace

Element buildMessage(const MessageDraft &draft)
{
    Element message(u"message"_s, ns::Client);
    message.setAttribute(u"to"_s, draft.to.toString())
        .setAttribute(u"type"_s, typeName(draft.type));
    if (!draft.id.isEmpty())
        message.setAttribute(u"id"_s, draft.id);

    QString body = draft.body;
    qsizetype quoteLength = 0;
    if (draft.reply && !draft.replyQuote.isEmpty()) {
        const QString quote = quoteOf(draft.replyQuoteNick, draft.replyQuote);
        quoteLength = codePointCount(quote);
        body = quote + body;
    }
    if (!body.isEmpty())
        message.appendTextChild(u"body"_s, ns::Client, body);
    if (!draft.id.isEmpty())
        message.appendChild(Element(u"origin-id"_s, ns::StanzaId).setAttribute(u"id"_s, draft.id));
    if (!draft.replaceId.isEmpty())
        message.appendChild(
            Element(u"replace"_s, ns::MessageCorrect).setAttribute(u"id"_s, draft.replaceId));
    if (draft.reply) {
        Element reply(u"reply"_s, ns::Reply);
        if (draft.reply->to.isValid())
            reply.setAttribute(u"to"_s, draft.reply->to.toString());
        reply.setAttribute(u"id"_s, draft.reply->id);
        message.appendChild(reply);
        if (quoteLength > 0) {
            Element fallback(u"fallback"_s, ns::Fallback);
            fallback.setAttribute(u"for"_s, ns::Reply);
            fallback.appendChild(Element(u"body"_s, ns::Fallback)
                                     .setAttribute(u"start"_s, u"0"_s)
                                     .setAttribute(u"end"_s, QString::number(quoteLength)));
            message.appendChild(fallback);
        }
    }
    for (const OobLink &link : draft.links) {
        Element oob(u"x"_s, ns::Oob);
        oob.appendTextChild(u"url"_s, ns::Oob, link.url.toString(QUrl::FullyEncoded));
        if (!link.description.isEmpty())
            oob.appendTextChild(u"desc"_s, ns::Oob, link.description);
        message.appendChild(oob);
    }
    if (draft.privateThroughRoom)
        message.appendChild(Element(u"x"_s, ns::MucUser));
    return message;
}

std::optional<ModerationVersion> moderationVersion(const QStringList &roomFeatures)
{
    if (roomFeatures.contains(ns::MessageModerate1))
        return ModerationVersion::V03;
    if (roomFeatures.contains(ns::MessageModerate0))
        return ModerationVersion::V02;
    return std::nullopt;
}

Element buildModerationRequest(const Jid &room, const QString &stanzaId, const QString &reason,
                               ModerationVersion version)
{
    Element iq(u"iq"_s, ns::Client);
    iq.setAttribute(u"type"_s, u"set"_s).setAttribute(u"to"_s, room.bare().toString());
    if (version == ModerationVersion::V03) {
        Element moderate(u"moderate"_s, ns::MessageModerate1);
        moderate.setAttribute(u"id"_s, stanzaId);
        moderate.appendChild(Element(u"retract"_s, ns::MessageRetract1));
        if (!reason.isEmpty())
            moderate.appendTextChild(u"reason"_s, ns::MessageModerate1, reason);
        iq.appendChild(moderate);
    } else {
        Element moderate(u"moderate"_s, ns::MessageModerate0);
        moderate.appendChild(Element(u"retract"_s, ns::MessageRetract0));
        if (!reason.isEmpty())
            moderate.appendTextChild(u"reason"_s, ns::MessageModerate0, reason);
        iq.appendChild(Element(u"apply-to"_s, ns::Fasten)
                           .setAttribute(u"id"_s, stanzaId)
                           .appendChild(moderate));
    }
    return iq;
}

Element buildCarbonsRequest(bool enable)
{
    Element iq(u"iq"_s, ns::Client);
    iq.setAttribute(u"type"_s, u"set"_s)
        .appendChild(Element(enable ? u"enable"_s : u"disable"_s, ns::Carbons));
    return iq;
}

} // namespace chorus::xmpp
