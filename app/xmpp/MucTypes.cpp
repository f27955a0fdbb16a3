#include "xmpp/MucTypes.h"

#include "xmpp/Namespaces.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace chorus::xmpp {

QString toString(MucRole role)
{
    switch (role) {
    case MucRole::None:
        return u"none"_s;
    case MucRole::Visitor:
        return u"visitor"_s;
    case MucRole::Participant:
        return u"participant"_s;
    case MucRole::Moderator:
        return u"moderator"_s;
    }
    return u"none"_s;
}

QString toString(MucAffiliation affiliation)
{
    switch (affiliation) {
    case MucAffiliation::None:
        return u"none"_s;
    case MucAffiliation::Outcast:
        return u"outcast"_s;
    case MucAffiliation::Member:
        return u"member"_s;
    case MucAffiliation::Admin:
        return u"admin"_s;
    case MucAffiliation::Owner:
        return u"owner"_s;
    }
    return u"none"_s;
}

std::optional<MucRole> mucRoleFromString(QStringView text)
{
    for (MucRole r : {MucRole::None, MucRole::Visitor, MucRole::Participant, MucRole::Moderator}) {
        if (text == toString(r))
            return r;
    }
    return std::nullopt;
}

std::optional<MucAffiliation> mucAffiliationFromString(QStringView text)
{
    for (MucAffiliation a : {MucAffiliation::None, MucAffiliation::Outcast, MucAffiliation::Member,
                             MucAffiliation::Admin, MucAffiliation::Owner}) {
        if (text == toString(a))
            return a;
    }
    return std::nullopt;
}

QString MucError::describe(Code code)
{
    const char *text = "";
    switch (code) {
    case Code::NotConnected:
        text = QT_TRANSLATE_NOOP("chorus::xmpp::MucError", "Not connected to the server.");
        break;
    case Code::Timeout:
        text = QT_TRANSLATE_NOOP("chorus::xmpp::MucError", "The group did not answer in time.");
        break;
    case Code::NotJoined:
        text = QT_TRANSLATE_NOOP("chorus::xmpp::MucError", "You are not in this group.");
        break;
    case Code::RegistrationRequired:
        text = QT_TRANSLATE_NOOP("chorus::xmpp::MucError",
                                 "This group is members-only and you are not a member.");
        break;
    case Code::Banned:
        text = QT_TRANSLATE_NOOP("chorus::xmpp::MucError", "You are banned from this group.");
        break;
    case Code::RoomFull:
        text = QT_TRANSLATE_NOOP("chorus::xmpp::MucError", "The group is full.");
        break;
    case Code::ServerLimit:
        text = QT_TRANSLATE_NOOP("chorus::xmpp::MucError", "A limit of the server refused this.");
        break;
    case Code::PasswordRequired:
        text = QT_TRANSLATE_NOOP("chorus::xmpp::MucError",
                                 "This group needs a password, and it was missing or wrong.");
        break;
    case Code::NickConflict:
        text = QT_TRANSLATE_NOOP("chorus::xmpp::MucError",
                                 "Someone else in the group already uses this nickname.");
        break;
    case Code::NickNotAcceptable:
        text = QT_TRANSLATE_NOOP("chorus::xmpp::MucError",
                                 "The group does not accept this nickname.");
        break;
    case Code::NotAllowed:
        text = QT_TRANSLATE_NOOP("chorus::xmpp::MucError", "The group does not allow this.");
        break;
    case Code::Forbidden:
        text = QT_TRANSLATE_NOOP("chorus::xmpp::MucError",
                                 "You do not have the privileges to do this in the group.");
        break;
    case Code::NotFound:
        text = QT_TRANSLATE_NOOP("chorus::xmpp::MucError", "No such group or member.");
        break;
    case Code::Invalid:
        text = QT_TRANSLATE_NOOP("chorus::xmpp::MucError", "The request was not valid.");
        break;
    case Code::Cancelled:
        text = QT_TRANSLATE_NOOP("chorus::xmpp::MucError", "The request was abandoned.");
        break;
    case Code::Remote:
        text = QT_TRANSLATE_NOOP("chorus::xmpp::MucError", "The server refused the request.");
        break;
    }
    return QCoreApplication::translate("chorus::xmpp::MucError", text);
}

QString MucError::message() const
{
    if (text.isEmpty())
        return describe(code);
    return QCoreApplication::translate("chorus::xmpp::MucError", "%1 (%2)")
        .arg(describe(code), text);
}

namespace {

// ejabberd answers both "room full" and "too many rooms for this user" with
// resource-constraint; only its text tells them apart.
bool mentionsRoomOccupancy(const QString &text)
{
    const QString t = text.toLower();
    return t.contains(u"users in this") || t.contains(u"occupants") || t.contains(u"room is full")
        || t.contains(u"maximum number of users");
}

MucError::Code codeFor(const QString &condition, const QString &text, MucError::Context context)
{
    using Code = MucError::Code;
    using Context = MucError::Context;
    if (condition == u"resource-constraint")
        return context == Context::Join && mentionsRoomOccupancy(text) ? Code::RoomFull
                                                                      : Code::ServerLimit;
    if (condition == u"policy-violation")
        return Code::ServerLimit;
    if (condition == u"registration-required")
        return Code::RegistrationRequired;
    if (condition == u"item-not-found" || condition == u"gone"
        || condition == u"remote-server-not-found" || condition == u"recipient-unavailable")
        return Code::NotFound;
    if (condition == u"not-allowed")
        return Code::NotAllowed;
    if (condition == u"remote-server-timeout")
        return Code::Timeout;
    switch (context) {
    case Context::Join:
        if (condition == u"forbidden")
            return Code::Banned;
        if (condition == u"service-unavailable")
            return Code::RoomFull;
        if (condition == u"not-authorized")
            return Code::PasswordRequired;
        if (condition == u"conflict")
            return Code::NickConflict;
        if (condition == u"not-acceptable" || condition == u"jid-malformed"
            || condition == u"bad-request")
            return Code::NickNotAcceptable;
        break;
    case Context::Message:
        if (condition == u"not-acceptable")
            return Code::NotJoined;
        if (condition == u"forbidden" || condition == u"not-authorized")
            return Code::Forbidden;
        if (condition == u"bad-request" || condition == u"jid-malformed")
            return Code::Invalid;
        break;
    case Context::Request:
        if (condition == u"forbidden" || condition == u"not-authorized")
            return Code::Forbidden;
        if (condition == u"conflict")
            return Code::NickConflict;
        if (condition == u"bad-request" || condition == u"not-acceptable"
            || condition == u"jid-malformed" || condition == u"feature-not-implemented")
            return Code::Invalid;
        break;
    }
    return Code::Remote;
}

} // namespace

MucError MucError::fromStanza(const Element &stanza, Context context)
{
    MucError e;
    const Element error = stanza.child(u"error", stanza.ns());
    for (const Element &c : error.children()) {
        if (c.ns() != ns::Stanzas)
            continue;
        if (c.name() == u"text")
            e.text = c.text().left(1000);
        else if (e.condition.isEmpty())
            e.condition = c.name();
    }
    if (e.condition.isEmpty())
        e.condition = u"undefined-condition"_s;
    e.code = codeFor(e.condition, e.text, context);
    return e;
}

MucError MucError::fromIqError(const IqError &error)
{
    switch (error.code) {
    case IqError::Code::Timeout:
        return make(Code::Timeout);
    case IqError::Code::NotConnected:
        return make(Code::NotConnected);
    case IqError::Code::SessionLost:
        return make(Code::Cancelled);
    case IqError::Code::StanzaError:
        break;
    }
    MucError e;
    e.condition = error.condition;
    e.text = error.text.left(1000);
    e.code = codeFor(e.condition, e.text, Context::Request);
    return e;
}

} // namespace chorus::xmpp
