#pragma once

// Turns a template into the text that goes to one group, addressed to one person.
// Built-in variables come from the group and an injected clock; the rest are the
// group's own facts ({meeting_point}, {plug_type}...). Nothing is sendable while a
// variable lacks a value, so a raw "{x}" never reaches a chat.

#include "replies/Placeholders.h"
#include "replies/Template.h"

#include "chat/Types.h"

#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace chorus::replies {

/// What the replies engine needs to know about the group a reply is for.
struct GroupContext
{
    QString groupId; ///< bare JID of the room
    QString name; ///< shown as {group}
    QStringList tags; ///< for scopes
    QString timeZone; ///< IANA id, for {local_time}, {date}, {weekday}
    QString language; ///< the group's usual language ("en", "zh_CN"); may be empty
    QHash<QString, QString> variables; ///< the group's own facts, by variable name

    /// The context of a chat group, with its variables and usual language.
    static GroupContext of(const chat::Group &group, QHash<QString, QString> variables = {},
                           QString language = {});
};

/// Everything one rendering depends on; the clock is passed in, never read.
struct RenderInput
{
    GroupContext group;
    QString nick; ///< the person addressed (who asked), for {nick}
    QString operatorName; ///< who sends the reply, for {operator}
    QDateTime now; ///< the current instant (any time spec)
};

/// A rendered template and everything that stops it from being sent.
struct RenderResult
{
    QString templateId;
    QString language; ///< the variant actually used
    QString preview; ///< for display: unresolved variables are kept as "{name}"
    QString attachment; ///< the template's image, if any
    QStringList missing; ///< known variables with no value for this group
    QStringList unknown; ///< names that are neither built-in nor declared anywhere
    QList<SyntaxError> errors; ///< malformed braces in the body

    /// True when there is text and nothing is missing, unknown or malformed.
    bool isSendable() const
    {
        return missing.isEmpty() && unknown.isEmpty() && errors.isEmpty()
            && !preview.trimmed().isEmpty();
    }
    /// The text to send, or nothing while anything is unresolved.
    std::optional<QString> sendableText() const
    {
        return isSendable() ? std::optional<QString>(preview) : std::nullopt;
    }
};

/// Renders templates for groups. Knows which variable names exist at all (declared in
/// the library), so that a typo ("{meting_point}") is told apart from a fact a group
/// has not filled in yet.
class TemplateRenderer
{
public:
    explicit TemplateRenderer(QSet<QString> declaredVariables = {});

    /// Renders `t` in `language` (with fallback) for `input`.
    RenderResult render(const Template &t, const QString &language, const RenderInput &input) const;
    /// Renders arbitrary text as if it were a template body in `language`.
    RenderResult renderText(const QString &body, const QString &language,
                            const RenderInput &input) const;

    /// The built-in variable names.
    static QStringList builtins();

private:
    std::optional<QString> builtin(const QString &name, const QLocale &locale,
                                   const RenderInput &input) const;

    QSet<QString> m_declared;
};

/// The locale used to format dates and times for a variant language.
QLocale localeFor(const QString &language);

} // namespace chorus::replies
