#include "replies/Library.h"

#include "replies/Placeholders.h"
#include "replies/Renderer.h"

using namespace Qt::StringLiterals;

namespace chorus::replies {

QString VariableSpec::description(const QString &language) const
{
    // Reuse the template fallback rules through a throwaway template.
    Template probe;
    for (auto it = descriptions.cbegin(); it != descriptions.cend(); ++it)
        probe.variants.insert(it.key(), Variant {{}, *it, {}});
    const Variant *v = probe.variant(language);
    return v ? v->body : QString();
}

const Template *TemplateLibrary::find(const QString &id) const
{
    for (const Template &t : m_templates) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
}

QList<const Template *> TemplateLibrary::withShortcut(const QString &shortcut) const
{
    QList<const Template *> found;
    for (const Template &t : m_templates) {
        if (!t.shortcut.isEmpty() && t.shortcut.compare(shortcut, Qt::CaseInsensitive) == 0)
            found.append(&t);
    }
    return found;
}

bool TemplateLibrary::insert(Template t)
{
    for (Template &existing : m_templates) {
        if (existing.id == t.id) {
            existing = std::move(t);
            return false;
        }
    }
    m_templates.append(std::move(t));
    return true;
}

bool TemplateLibrary::remove(const QString &id)
{
    return m_templates.removeIf([&](const Template &t) { return t.id == id; }) > 0;
}

bool TemplateLibrary::recordUse(const QString &id, const QDateTime &when)
{
    for (Template &t : m_templates) {
        if (t.id == id) {
            t.recordUse(when);
            return true;
        }
    }
    return false;
}

void TemplateLibrary::declare(VariableSpec spec)
{
    for (VariableSpec &existing : m_variables) {
        if (existing.name == spec.name) {
            existing = std::move(spec);
            return;
        }
    }
    m_variables.append(std::move(spec));
}

QSet<QString> TemplateLibrary::variableNames() const
{
    QSet<QString> names;
    for (const VariableSpec &v : m_variables)
        names.insert(v.name);
    return names;
}

QStringList TemplateLibrary::undeclaredVariables() const
{
    const QSet<QString> declared = variableNames();
    const QStringList builtins = TemplateRenderer::builtins();
    QStringList out;
    for (const Template &t : m_templates) {
        for (const Variant &v : t.variants) {
            for (const QString &name : parsePlaceholders(v.body).variables()) {
                if (!declared.contains(name) && !builtins.contains(name) && !out.contains(name))
                    out.append(name);
            }
        }
    }
    return out;
}

bool scopesCanMeet(const Scope &a, const Scope &b)
{
    // Tags are open-ended (any group may carry any tag), so only two lists of named
    // groups can be proven apart.
    if (a.kind != Scope::Kind::Groups || b.kind != Scope::Kind::Groups)
        return true;
    for (const QString &g : a.groupIds) {
        if (b.groupIds.contains(g, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QList<ShortcutClash> TemplateLibrary::shortcutClashes() const
{
    // Templates sharing a shortcut form clusters of scopes that can meet (directly or
    // through another template of the cluster); each cluster of two or more clashes.
    QList<ShortcutClash> clashes;
    QList<bool> done(m_templates.size(), false);
    for (qsizetype i = 0; i < m_templates.size(); ++i) {
        if (done.at(i) || m_templates.at(i).shortcut.isEmpty())
            continue;
        const QString key = m_templates.at(i).shortcut.toCaseFolded();
        QList<qsizetype> cluster {i};
        done[i] = true;
        for (qsizetype k = 0; k < cluster.size(); ++k) {
            const Scope &scope = m_templates.at(cluster.at(k)).scope;
            for (qsizetype j = i + 1; j < m_templates.size(); ++j) {
                const Template &other = m_templates.at(j);
                if (!done.at(j) && other.shortcut.toCaseFolded() == key
                    && scopesCanMeet(scope, other.scope)) {
                    done[j] = true;
                    cluster.append(j);
                }
            }
        }
        if (cluster.size() < 2)
            continue;
        std::sort(cluster.begin(), cluster.end());
        ShortcutClash clash {m_templates.at(i).shortcut, {}};
        for (qsizetype at : cluster)
            clash.templateIds.append(m_templates.at(at).id);
        clashes.append(clash);
    }
    return clashes;
}

TemplateLibrary TemplateLibrary::inCategory(const QString &category) const
{
    TemplateLibrary out;
    out.m_variables = m_variables;
    for (const Template &t : m_templates) {
        if (t.category == category || t.category.startsWith(category + u'/'))
            out.m_templates.append(t);
    }
    return out;
}

MergePlan TemplateLibrary::planMerge(const TemplateLibrary &incoming) const
{
    MergePlan plan;
    for (const Template &t : incoming.templates()) {
        const Template *existing = find(t.id);
        if (!existing)
            plan.added.append(t.id);
        else if (*existing == t)
            plan.unchanged.append(t.id);
        else
            plan.updated.append(t.id);
    }
    const QSet<QString> names = variableNames();
    for (const VariableSpec &v : incoming.variables()) {
        if (!names.contains(v.name))
            plan.variablesAdded.append(v.name);
    }
    TemplateLibrary merged = *this;
    merged.merge(incoming);
    const QList<ShortcutClash> before = shortcutClashes();
    for (const ShortcutClash &clash : merged.shortcutClashes()) {
        if (!before.contains(clash))
            plan.newClashes.append(clash);
    }
    return plan;
}

void TemplateLibrary::merge(const TemplateLibrary &incoming)
{
    for (Template t : incoming.templates()) {
        if (const Template *existing = find(t.id)) {
            t.usageCount = std::max(t.usageCount, existing->usageCount);
            if (existing->lastUsed.isValid()
                && (!t.lastUsed.isValid() || existing->lastUsed > t.lastUsed))
                t.lastUsed = existing->lastUsed;
        }
        insert(std::move(t));
    }
    for (const VariableSpec &v : incoming.variables())
        declare(v);
}

} // namespace chorus::replies
