#pragma once

// What the composer's "/" popup shows: the templates a group may use whose shortcut
// or title starts with what was typed, each rendered for that group, with the
// language variants to cycle through.

#include "replies/Library.h"
#include "replies/Renderer.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace chorus::replies {

/// One entry of the popup.
struct Completion
{
    QString templateId;
    QString shortcut;
    QString title; ///< in the shown language
    QString language; ///< the variant shown
    QStringList languages; ///< all variants, in cycling order
    RenderResult rendered; ///< the body for this group and addressee
};

/// Filters and renders templates for the composer. Reads the library and renderer it
/// is given, which must outlive it.
class ComposerCompletions
{
public:
    ComposerCompletions(const TemplateLibrary &library, const TemplateRenderer &renderer);

    /// Templates allowed in `input.group` matching `typed` ("/pl", "pl", "/" for all),
    /// best first: exact shortcut, shortcut prefix, title prefix, title word prefix;
    /// then by use. `language` empty means the group's usual language (else English).
    QList<Completion> complete(const QString &typed, const RenderInput &input,
                               const QString &language = {}, int limit = 8) const;

    /// The same completion in its next language variant (wrapping around).
    Completion cycleLanguage(const Completion &current, const RenderInput &input) const;

    /// The completion for one template in `language` (fallback applies).
    Completion completion(const Template &t, const RenderInput &input,
                          const QString &language) const;

private:
    const TemplateLibrary &m_library;
    const TemplateRenderer &m_renderer;
};

} // namespace chorus::replies
