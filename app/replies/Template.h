#pragma once

// A canned reply as the operator keeps it: text per language, where it may be used,
// how often it was used. Plain value type; the account database and the UI store and
// edit it, the renderer and the suggester read it.

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace chorus::replies {

/// Language-specific text of a template. Keys of Template::variants are locale names
/// ("en", "zh_CN", "zh", "de"...).
struct Variant
{
    QString title; ///< short label shown in the composer popup
    QString body; ///< text with {variables}; "{{" and "}}" are literal braces
                  ///< (the title is a plain label, never rendered)
    QStringList keywords; ///< extra words the suggester matches (synonyms, slang)
    friend bool operator==(const Variant &, const Variant &) = default;
};

/// Where a template may be offered: everywhere, in groups with one of some tags, or
/// in named groups only.
struct Scope
{
    enum class Kind { AllGroups, Tagged, Groups };
    Kind kind = Kind::AllGroups;
    QStringList tags; ///< Kind::Tagged: any of these (case-insensitive)
    QStringList groupIds; ///< Kind::Groups: bare JIDs of the rooms

    static Scope all() { return {}; }
    static Scope tagged(QStringList tags) { return {Kind::Tagged, std::move(tags), {}}; }
    static Scope groups(QStringList ids) { return {Kind::Groups, {}, std::move(ids)}; }

    /// True when a group with this id and these tags may see the template.
    bool allows(const QString &groupId, const QStringList &groupTags) const;
    friend bool operator==(const Scope &, const Scope &) = default;
};

/// A canned reply.
struct Template
{
    QString id; ///< stable, [a-z0-9._-]+ ("travel.power-plug")
    QString category; ///< free grouping for the library view ("travel", "fitness")
    QString shortcut; ///< typed in the composer, starts with '/' ("/plug"); may be empty
    Scope scope;
    QString attachment; ///< optional image: a local path or an http(s) URL
    QMap<QString, Variant> variants;
    int usageCount = 0;
    QDateTime lastUsed; ///< UTC; invalid when never used

    /// The variant key to use for `language`: exact, then the bare language ("zh"),
    /// then another region of it ("zh_TW" for "zh_CN"), then "en", then the first one.
    /// Empty only when the template has no variants.
    QString resolveLanguage(const QString &language) const;
    /// The variant for `language` after fallback; nullptr when there are none.
    const Variant *variant(const QString &language) const;
    /// Variant keys in cycling order (sorted, stable).
    QStringList languages() const { return variants.keys(); }
    /// The language after `current` in cycling order, wrapping around.
    QString nextLanguage(const QString &current) const;

    /// Counts one use at `when` (UTC is stored).
    void recordUse(const QDateTime &when);

    friend bool operator==(const Template &, const Template &) = default;
};

/// Something wrong with one field of a template (for the editor and the importers).
struct TemplateProblem
{
    QString field; ///< "id", "shortcut", "variants.en.body", "scope.tags"...
    QString message; ///< human, translated
    int position = -1; ///< character offset inside the field's text, when it applies
    friend bool operator==(const TemplateProblem &, const TemplateProblem &) = default;
};

/// Checks ids, shortcuts, scope, variants and the {variable} syntax of every text.
QList<TemplateProblem> validate(const Template &t);

/// True for a valid template id: [a-z0-9][a-z0-9._-]*.
bool isValidTemplateId(const QString &id);
/// True for a valid shortcut: '/' then letters, digits, '_' or '-' (any script).
bool isValidShortcut(const QString &shortcut);
/// Normalises a locale name: "zh-cn" -> "zh_CN", "EN" -> "en"; empty when malformed.
QString normalizeLanguage(const QString &name);

} // namespace chorus::replies

Q_DECLARE_METATYPE(chorus::replies::Template)
