#include "replies/Renderer.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace chorus::replies {

namespace {

// The locale's long date without the weekday ({weekday} is its own variable):
// "dddd, MMMM d, yyyy" -> "MMMM d, yyyy", "yyyy年M月d日dddd" -> "yyyy年M月d日".
QString dateFormatWithoutWeekday(const QLocale &locale)
{
    QString format = locale.dateFormat(QLocale::LongFormat);
    static const QRegularExpression weekday(u"[\\s,]*dddd[\\s,]*"_s);
    const auto m = weekday.match(format);
    if (!m.hasMatch())
        return format;
    const bool atEdge = m.capturedStart() == 0 || m.capturedEnd() == format.size();
    format.replace(m.capturedStart(), m.capturedLength(), atEdge ? QString() : u" "_s);
    return format.trimmed();
}

} // namespace

GroupContext GroupContext::of(const chat::Group &group, QHash<QString, QString> variables,
                              QString language)
{
    return {group.id,       group.name,          group.tags,
            group.timeZone, std::move(language), std::move(variables)};
}

QLocale localeFor(const QString &language)
{
    return language.isEmpty() ? QLocale(QLocale::English) : QLocale(language);
}

TemplateRenderer::TemplateRenderer(QSet<QString> declaredVariables)
    : m_declared(std::move(declaredVariables))
{
}

QStringList TemplateRenderer::builtins()
{
    return {u"nick"_s, u"group"_s, u"operator"_s, u"local_time"_s, u"date"_s, u"weekday"_s};
}

std::optional<QString> TemplateRenderer::builtin(const QString &name, const QLocale &locale,
                                                 const RenderInput &input) const
{
    const auto nonEmpty = [](const QString &s) -> std::optional<QString> {
        if (s.trimmed().isEmpty())
            return std::nullopt;
        return s;
    };
    if (name == u"nick")
        return nonEmpty(input.nick);
    if (name == u"group")
        return nonEmpty(input.group.name);
    if (name == u"operator")
        return nonEmpty(input.operatorName);

    // Times are the group's: a guest in Bali reads Bali time, wherever the operator is.
    const QTimeZone zone(input.group.timeZone.toUtf8());
    if (input.group.timeZone.isEmpty() || !zone.isValid() || !input.now.isValid())
        return std::nullopt;
    const QDateTime local = input.now.toTimeZone(zone);
    if (name == u"local_time")
        return locale.toString(local.time(), QLocale::ShortFormat);
    if (name == u"date")
        return locale.toString(local.date(), dateFormatWithoutWeekday(locale));
    if (name == u"weekday")
        return locale.dayName(local.date().dayOfWeek(), QLocale::LongFormat);
    return std::nullopt;
}

RenderResult TemplateRenderer::render(const Template &t, const QString &language,
                                      const RenderInput &input) const
{
    const QString key = t.resolveLanguage(language);
    RenderResult result
        = renderText(key.isEmpty() ? QString() : t.variants.value(key).body, key, input);
    result.templateId = t.id;
    result.attachment = t.attachment;
    return result;
}

RenderResult TemplateRenderer::renderText(const QString &body, const QString &language,
                                          const RenderInput &input) const
{
    RenderResult result;
    result.language = language;
    const ParsedText parsed = parsePlaceholders(body);
    result.errors = parsed.errors;
    const QLocale locale = localeFor(language);
    const QStringList builtinNames = builtins();

    for (const Segment &segment : parsed.segments) {
        if (segment.kind == Segment::Kind::Text) {
            result.preview += segment.text;
            continue;
        }
        const QString &name = segment.text;
        std::optional<QString> value;
        bool known = true;
        if (builtinNames.contains(name)) {
            value = builtin(name, locale, input);
        } else if (const auto it = input.group.variables.constFind(name);
                   it != input.group.variables.cend() && !it->trimmed().isEmpty()) {
            value = *it;
        } else {
            known = m_declared.contains(name) || input.group.variables.contains(name);
        }
        if (value) {
            result.preview += *value;
            continue;
        }
        result.preview += u'{' + name + u'}';
        QStringList &list = known ? result.missing : result.unknown;
        if (!list.contains(name))
            list.append(name);
    }
    return result;
}

} // namespace chorus::replies
