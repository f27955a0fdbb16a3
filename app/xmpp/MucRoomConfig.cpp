#include "xmpp/MucRoomConfig.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace chorus::xmpp {

namespace mucfield {
// Prosody 0.12 and ejabberd 23.01 name most fields as XEP-0045 does; archiving and
// member invitations differ, and only Prosody has a history length field.
QStringList name() { return {u"muc#roomconfig_roomname"_s}; }
QStringList description() { return {u"muc#roomconfig_roomdesc"_s}; }
QStringList membersOnly() { return {u"muc#roomconfig_membersonly"_s}; }
QStringList maxUsers() { return {u"muc#roomconfig_maxusers"_s}; }
QStringList whois() { return {u"muc#roomconfig_whois"_s}; }
QStringList persistent() { return {u"muc#roomconfig_persistentroom"_s}; }
QStringList isPublic() { return {u"muc#roomconfig_publicroom"_s}; }
QStringList moderated() { return {u"muc#roomconfig_moderatedroom"_s}; }
QStringList historyLength()
{
    return {u"muc#roomconfig_historylength"_s, u"muc#maxhistoryfetch"_s,
            u"muc#roomconfig_defaulthistorymessages"_s};
}
QStringList archived()
{
    return {u"muc#roomconfig_enablearchiving"_s, u"mam"_s, u"muc#roomconfig_mam"_s};
}
QStringList membersCanInvite()
{
    return {u"muc#roomconfig_allowinvites"_s,
            u"{http://prosody.im/protocol/muc}roomconfig_allowmemberinvites"_s};
}
} // namespace mucfield

namespace {

const DataForm::Field *firstOf(const DataForm &form, const QStringList &vars)
{
    for (const QString &var : vars) {
        if (const DataForm::Field *f = form.field(var))
            return f;
    }
    return nullptr;
}

std::optional<bool> readBool(const DataForm &form, const QStringList &vars)
{
    const DataForm::Field *f = firstOf(form, vars);
    return f ? f->boolValue() : std::nullopt;
}

std::optional<int> readInt(const DataForm &form, const QStringList &vars)
{
    const DataForm::Field *f = firstOf(form, vars);
    if (!f)
        return std::nullopt;
    const QString v = f->value().trimmed();
    if (v == u"none" || v.isEmpty())
        return 0;
    bool ok = false;
    const int n = v.toInt(&ok);
    return ok && n >= 0 ? std::optional<int>(n) : std::nullopt;
}

std::optional<QString> readText(const DataForm &form, const QStringList &vars)
{
    const DataForm::Field *f = firstOf(form, vars);
    return f ? std::optional<QString>(f->values.join(u'\n')) : std::nullopt;
}

// The value to submit for a number where the server may only offer a list: the
// requested one when allowed, else the largest allowed below it (a cap should not
// grow), else the smallest allowed. 0 means "no limit": "none"/"0" or the largest.
QString pickNumber(const DataForm::Field &field, int requested, bool *exact)
{
    *exact = true;
    const QString wanted = QString::number(requested);
    if (field.options.isEmpty() || field.allows(wanted))
        return wanted;
    if (requested == 0 && field.allows(u"none"_s))
        return u"none"_s;
    QList<int> numbers;
    for (const DataForm::Option &o : field.options) {
        bool ok = false;
        const int n = o.value.toInt(&ok);
        if (ok)
            numbers.append(n);
    }
    *exact = false;
    if (numbers.isEmpty())
        return field.value();
    std::sort(numbers.begin(), numbers.end());
    if (requested == 0)
        return QString::number(numbers.last());
    int best = numbers.first();
    for (int n : numbers) {
        if (n <= requested)
            best = n;
    }
    return QString::number(best);
}

class Applier
{
public:
    explicit Applier(const DataForm &server) : m_server(server), m_out{server.toSubmission(), {}, {}}
    {
    }

    void setBool(const char *setting, const QStringList &vars, const std::optional<bool> &v,
                 bool allAliases = false)
    {
        if (!v)
            return;
        bool any = false;
        for (const QString &var : vars) {
            if (!m_server.hasField(var))
                continue;
            m_out.form.setBool(var, *v);
            any = true;
            if (!allAliases)
                break;
        }
        if (!any)
            m_out.unsupported.append(QString::fromLatin1(setting));
    }

    void setText(const char *setting, const QStringList &vars, const std::optional<QString> &v)
    {
        if (!v)
            return;
        if (const DataForm::Field *f = firstOf(m_server, vars))
            m_out.form.setValue(f->var, *v);
        else
            m_out.unsupported.append(QString::fromLatin1(setting));
    }

    void setNumber(const char *setting, const QStringList &vars, const std::optional<int> &v,
                   bool allAliases = false)
    {
        if (!v)
            return;
        bool any = false;
        bool adjusted = false;
        for (const QString &var : vars) {
            const DataForm::Field *f = m_server.field(var);
            if (!f)
                continue;
            bool exact = true;
            m_out.form.setValue(var, pickNumber(*f, std::max(0, *v), &exact));
            adjusted = adjusted || !exact;
            any = true;
            if (!allAliases)
                break;
        }
        if (!any)
            m_out.unsupported.append(QString::fromLatin1(setting));
        else if (adjusted)
            m_out.adjusted.append(QString::fromLatin1(setting));
    }

    void setChoice(const char *setting, const QStringList &vars, const std::optional<QString> &v)
    {
        if (!v)
            return;
        const DataForm::Field *f = firstOf(m_server, vars);
        if (!f || !f->allows(*v)) {
            m_out.unsupported.append(QString::fromLatin1(setting));
            return;
        }
        m_out.form.setValue(f->var, *v);
    }

    MucRoomConfig::Submission take() { return std::move(m_out); }

private:
    const DataForm &m_server;
    MucRoomConfig::Submission m_out;
};

} // namespace

MucRoomConfig MucRoomConfig::fromForm(const DataForm &form)
{
    MucRoomConfig c;
    c.name = readText(form, mucfield::name());
    c.description = readText(form, mucfield::description());
    c.membersOnly = readBool(form, mucfield::membersOnly());
    c.maxUsers = readInt(form, mucfield::maxUsers());
    if (const DataForm::Field *f = firstOf(form, mucfield::whois())) {
        if (f->value() == u"anyone")
            c.realJidsToAnyone = true;
        else if (f->value() == u"moderators")
            c.realJidsToAnyone = false;
    }
    c.persistent = readBool(form, mucfield::persistent());
    c.isPublic = readBool(form, mucfield::isPublic());
    c.moderated = readBool(form, mucfield::moderated());
    c.historyLength = readInt(form, mucfield::historyLength());
    c.archived = readBool(form, mucfield::archived());
    c.membersCanInvite = readBool(form, mucfield::membersCanInvite());
    return c;
}

MucRoomConfig::Submission MucRoomConfig::applyTo(const DataForm &serverForm) const
{
    Applier a(serverForm);
    a.setText("name", mucfield::name(), name);
    a.setText("description", mucfield::description(), description);
    a.setBool("membersOnly", mucfield::membersOnly(), membersOnly);
    a.setNumber("maxUsers", mucfield::maxUsers(), maxUsers);
    if (realJidsToAnyone)
        a.setChoice("realJidsToAnyone", mucfield::whois(),
                    *realJidsToAnyone ? u"anyone"_s : u"moderators"_s);
    a.setBool("persistent", mucfield::persistent(), persistent);
    a.setBool("isPublic", mucfield::isPublic(), isPublic);
    a.setBool("moderated", mucfield::moderated(), moderated);
    // Prosody has both a maximum and a default number of history messages: set both.
    a.setNumber("historyLength", mucfield::historyLength(), historyLength, true);
    a.setBool("archived", mucfield::archived(), archived);
    // Prosody splits "occupants may invite" and "members may invite" (members-only).
    a.setBool("membersCanInvite", mucfield::membersCanInvite(), membersCanInvite, true);
    return a.take();
}

} // namespace chorus::xmpp
