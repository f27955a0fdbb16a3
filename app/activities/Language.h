#pragma once

// The language of text that Chorus posts into a group or sends to a member. It follows
// the group or the member, not the operator's UI language (that one goes through tr()),
// so member-facing text carries its English and Chinese wording side by side.

#include <QLocale>
#include <QString>
#include <QStringView>

namespace chorus::activities {

/// Language of member-facing text.
enum class Language { English, Chinese };

/// The language a member wrote in: Chinese when the text holds a Han character, English
/// when it holds a Latin letter and no Han character, otherwise @p fallback.
Language languageOf(QStringView text, Language fallback);

/// The locale used to format dates and numbers in member-facing text.
QLocale localeFor(Language language);

/// Picks the wording for @p language.
inline QString pick(Language language, const QString &english, const QString &chinese)
{
    return language == Language::Chinese ? chinese : english;
}

/// True for a CJK unified ideograph (BMP and extension A; idioms use nothing else).
bool isHan(QChar c);

/// Lower-cases and folds full-width ASCII (Ａ１＋) to half-width, so keyword and field
/// matching treats what phone keyboards produce the same way.
QString foldForMatching(QStringView text);

} // namespace chorus::activities
