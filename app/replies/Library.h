#pragma once

// The operator's collection of templates and the group variables they use. A value:
// importers build one whole or not at all, merges are planned before they are applied.

#include "replies/Template.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

namespace chorus::replies {

/// A group-defined variable the library's templates use ({plug_type}, {next_class}),
/// described so that the operator knows what to fill in for each group.
struct VariableSpec
{
    QString name;
    QMap<QString, QString> descriptions; ///< by language, like template variants
    QString example;

    /// The description in `language`, with the same fallback as templates.
    QString description(const QString &language) const;
    friend bool operator==(const VariableSpec &, const VariableSpec &) = default;
};

/// Templates that share a shortcut in scopes that can meet in one group, so typing the
/// shortcut would be ambiguous there.
struct ShortcutClash
{
    QString shortcut;
    QStringList templateIds;
    friend bool operator==(const ShortcutClash &, const ShortcutClash &) = default;
};

/// What merging another library into this one would do.
struct MergePlan
{
    QStringList added; ///< ids new to this library
    QStringList updated; ///< ids whose content would change
    QStringList unchanged; ///< ids already identical
    QStringList variablesAdded;
    QList<ShortcutClash> newClashes; ///< clashes the merge would create
};

/// An ordered set of templates (unique ids) plus the variables they may use.
class TemplateLibrary
{
public:
    const QList<Template> &templates() const { return m_templates; }
    const QList<VariableSpec> &variables() const { return m_variables; }
    qsizetype size() const { return m_templates.size(); }
    bool isEmpty() const { return m_templates.isEmpty(); }

    const Template *find(const QString &id) const;
    /// Templates whose shortcut is `shortcut` (case-insensitive), in library order.
    QList<const Template *> withShortcut(const QString &shortcut) const;

    /// Adds `t`, or replaces the template with its id in place; true when it was new.
    bool insert(Template t);
    bool remove(const QString &id);
    /// Counts one use of template `id` at `when`; false when there is no such template.
    bool recordUse(const QString &id, const QDateTime &when);

    /// Declares (or replaces, by name) a group variable.
    void declare(VariableSpec spec);
    /// Names of the declared variables.
    QSet<QString> variableNames() const;
    /// Variables used in the templates' bodies that are neither declared nor built in.
    QStringList undeclaredVariables() const;

    /// Shortcuts that would be ambiguous in some group.
    QList<ShortcutClash> shortcutClashes() const;
    /// Templates whose category is `category` or starts with "<category>/".
    TemplateLibrary inCategory(const QString &category) const;

    /// What merge(incoming) would do, without doing it.
    MergePlan planMerge(const TemplateLibrary &incoming) const;
    /// Adds new templates and variables and replaces existing ones by id. Usage
    /// statistics are never lost: the higher count and the later last use are kept.
    void merge(const TemplateLibrary &incoming);

    friend bool operator==(const TemplateLibrary &, const TemplateLibrary &) = default;

private:
    QList<Template> m_templates;
    QList<VariableSpec> m_variables;
};

/// True when two scopes can both allow one group (so equal shortcuts would clash).
bool scopesCanMeet(const Scope &a, const Scope &b);

} // namespace chorus::replies
