#include "replies/Template.h"

#include "replies/Placeholders.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace chorus::replies {

namespace {

// lupdate and QCoreApplication::translate() agree on this context.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(chorus::replies::Template)
};

QString languagePart(const QString &locale)
{
    return locale.section(u'_', 0, 0);
}

} // namespace

bool Scope::allows(const QString &groupId, const QStringList &groupTags) const
{
    switch (kind) {
    case Kind::AllGroups:
        return true;
    case Kind::Tagged:
        for (const QString &tag : tags) {
            if (groupTags.contains(tag, Qt::CaseInsensitive))
                return true;
        }
        return false;
    case Kind::Groups:
        return groupIds.contains(groupId, Qt::CaseInsensitive);
    }
    return false;
}

QString Template::resolveLanguage(const QString &language) const
{
    if (variants.isEmpty())
        return {};
    const QString wanted = normalizeLanguage(language);
    if (!wanted.isEmpty()) {
        if (variants.contains(wanted))
            return wanted;
        const QString bare = languagePart(wanted);
        if (variants.contains(bare))
            return bare;
        // Another region of the same language reads better than English.
        for (auto it = variants.cbegin(); it != variants.cend(); ++it) {
            if (languagePart(it.key()) == bare)
                return it.key();
        }
    }
    if (variants.contains(u"en"_s))
        return u"en"_s;
    return variants.firstKey();
}

const Variant *Template::variant(const QString &language) const
{
    const QString key = resolveLanguage(language);
    if (key.isEmpty())
        return nullptr;
    return &*variants.constFind(key);
}

QString Template::nextLanguage(const QString &current) const
{
    const QStringList keys = languages();
    if (keys.isEmpty())
        return {};
    const qsizetype at = keys.indexOf(resolveLanguage(current));
    return keys.at((at + 1) % keys.size());
}

void Template::recordUse(const QDateTime &when)
{
    ++usageCount;
    lastUsed = when.toUTC();
}

bool isValidTemplateId(const QString &id)
{
    static const QRegularExpression re(u"^[a-z0-9][a-z0-9._-]*$"_s);
    return re.match(id).hasMatch();
}

bool isValidShortcut(const QString &shortcut)
{
    if (shortcut.size() < 2 || shortcut.front() != u'/')
        return false;
    for (qsizetype i = 1; i < shortcut.size(); ++i) {
        const QChar c = shortcut.at(i);
        if (!c.isLetterOrNumber() && c != u'_' && c != u'-')
            return false;
    }
    return true;
}

QString normalizeLanguage(const QString &name)
{
    // language[_Script][_REGION], '-' accepted for '_' (BCP 47 spelling).
    static const QRegularExpression re(
        u"^([A-Za-z]{2,3})(?:[_-]([A-Za-z]{4}))?(?:[_-]([A-Za-z]{2}|[0-9]{3}))?$"_s);
    const auto m = re.match(name.trimmed());
    if (!m.hasMatch())
        return {};
    QString out = m.captured(1).toLower();
    if (m.hasCaptured(2) && !m.captured(2).isEmpty()) {
        const QString script = m.captured(2);
        out += u'_' + script.left(1).toUpper() + script.mid(1).toLower();
    }
    if (m.hasCaptured(3) && !m.captured(3).isEmpty())
        out += u'_' + m.captured(3).toUpper();
    return out;
}

QList<TemplateProblem> validate(const Template &t)
{
    QList<TemplateProblem> problems;
    if (!isValidTemplateId(t.id))
        problems.append(
            {u"id"_s, Text::tr("id must be lower-case letters, digits, '.', '_' or '-'")});
    if (!t.shortcut.isEmpty() && !isValidShortcut(t.shortcut))
        problems.append(
            {u"shortcut"_s,
             Text::tr("a shortcut starts with '/' followed by letters, digits, '_' or '-'")});
    if (t.scope.kind == Scope::Kind::Tagged && t.scope.tags.isEmpty())
        problems.append({u"scope.tags"_s, Text::tr("a tag scope needs at least one tag")});
    if (t.scope.kind == Scope::Kind::Groups && t.scope.groupIds.isEmpty())
        problems.append({u"scope.groups"_s, Text::tr("a group scope needs at least one group")});
    for (const QString &tag : t.scope.tags) {
        if (tag.trimmed().isEmpty())
            problems.append({u"scope.tags"_s, Text::tr("a tag cannot be empty")});
    }
    for (const QString &group : t.scope.groupIds) {
        if (group.trimmed().isEmpty())
            problems.append({u"scope.groups"_s, Text::tr("a group id cannot be empty")});
    }
    if (!t.attachment.isEmpty()) {
        const QUrl url(t.attachment);
        const bool remote = url.scheme() == u"http" || url.scheme() == u"https";
        const bool local = !t.attachment.contains(u"://"_s);
        if (!(remote && url.isValid() && !url.host().isEmpty()) && !local)
            problems.append(
                {u"attachment"_s, Text::tr("an attachment is a file path or an http(s) URL")});
    }
    if (t.usageCount < 0)
        problems.append({u"usage.count"_s, Text::tr("usage count cannot be negative")});
    if (t.variants.isEmpty())
        problems.append({u"variants"_s, Text::tr("a template needs at least one language")});
    for (auto it = t.variants.cbegin(); it != t.variants.cend(); ++it) {
        const QString prefix = u"variants."_s + it.key() + u'.';
        if (normalizeLanguage(it.key()) != it.key())
            problems.append(
                {u"variants"_s,
                 Text::tr("'%1' is not a language name like en or zh_CN").arg(it.key())});
        if (it->title.trimmed().isEmpty())
            problems.append({prefix + u"title"_s, Text::tr("the title is empty")});
        if (it->body.trimmed().isEmpty())
            problems.append({prefix + u"body"_s, Text::tr("the text is empty")});
        for (const QString &keyword : it->keywords) {
            if (keyword.trimmed().isEmpty())
                problems.append({prefix + u"keywords"_s, Text::tr("a keyword cannot be empty")});
        }
        // Titles are plain labels; only the body is rendered.
        for (const SyntaxError &e : parsePlaceholders(it->body).errors)
            problems.append({prefix + u"body"_s, e.message, e.position});
    }
    return problems;
}

} // namespace chorus::replies
