#include "replies/Composer.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace chorus::replies {

namespace {

// Lower is better; -1 when the template does not match at all.
int matchRank(const Template &t, const QString &needle)
{
    if (needle.isEmpty())
        return 4;
    const QString shortcut = t.shortcut.mid(1);
    if (!shortcut.isEmpty() && shortcut.compare(needle, Qt::CaseInsensitive) == 0)
        return 0;
    if (shortcut.startsWith(needle, Qt::CaseInsensitive))
        return 1;
    int best = -1;
    for (const Variant &v : t.variants) {
        if (v.title.startsWith(needle, Qt::CaseInsensitive))
            return 2;
        const QStringList words = v.title.split(u' ', Qt::SkipEmptyParts);
        if (std::any_of(words.cbegin(), words.cend(), [&](const QString &w) {
                return w.startsWith(needle, Qt::CaseInsensitive);
            }))
            best = 3;
        // Chinese titles have no spaces: any substring is a "word" start.
        else if (best < 0 && needle.front().script() == QChar::Script_Han
                 && v.title.contains(needle))
            best = 3;
    }
    return best;
}

} // namespace

ComposerCompletions::ComposerCompletions(const TemplateLibrary &library,
                                         const TemplateRenderer &renderer)
    : m_library(library), m_renderer(renderer)
{
}

Completion ComposerCompletions::completion(const Template &t, const RenderInput &input,
                                           const QString &language) const
{
    Completion c;
    c.templateId = t.id;
    c.shortcut = t.shortcut;
    c.language = t.resolveLanguage(language);
    c.languages = t.languages();
    c.title = t.variants.value(c.language).title;
    c.rendered = m_renderer.render(t, c.language, input);
    return c;
}

QList<Completion> ComposerCompletions::complete(const QString &typed, const RenderInput &input,
                                                const QString &language, int limit) const
{
    QString needle = typed.trimmed();
    if (needle.startsWith(u'/'))
        needle.remove(0, 1);
    QString wanted = language;
    if (wanted.isEmpty())
        wanted = input.group.language.isEmpty() ? u"en"_s : input.group.language;

    struct Candidate
    {
        const Template *t;
        int rank;
    };
    QList<Candidate> candidates;
    for (const Template &t : m_library.templates()) {
        if (!t.scope.allows(input.group.groupId, input.group.tags))
            continue;
        const int rank = matchRank(t, needle);
        if (rank >= 0)
            candidates.append({&t, rank});
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate &a, const Candidate &b) {
                         if (a.rank != b.rank)
                             return a.rank < b.rank;
                         if (a.t->usageCount != b.t->usageCount)
                             return a.t->usageCount > b.t->usageCount;
                         if (a.t->lastUsed != b.t->lastUsed)
                             return a.t->lastUsed > b.t->lastUsed;
                         return a.t->shortcut < b.t->shortcut;
                     });
    QList<Completion> out;
    for (const Candidate &c : candidates) {
        if (out.size() >= limit)
            break;
        out.append(completion(*c.t, input, wanted));
    }
    return out;
}

Completion ComposerCompletions::cycleLanguage(const Completion &current,
                                              const RenderInput &input) const
{
    const Template *t = m_library.find(current.templateId);
    if (!t)
        return current;
    return completion(*t, input, t->nextLanguage(current.language));
}

} // namespace chorus::replies
