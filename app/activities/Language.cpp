#include "activities/Language.h"

namespace chorus::activities {

bool isHan(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3400 && u <= 0x4DBF);
}

Language languageOf(QStringView text, Language fallback)
{
    bool latin = false;
    for (QChar c : text) {
        if (isHan(c))
            return Language::Chinese;
        if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'))
            latin = true;
    }
    return latin ? Language::English : fallback;
}

QLocale localeFor(Language language)
{
    return language == Language::Chinese ? QLocale(QLocale::Chinese, QLocale::China)
                                         : QLocale(QLocale::English, QLocale::UnitedKingdom);
}

QString foldForMatching(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 0xFF01 && u <= 0xFF5E) // full-width ASCII block
            c = QChar(char16_t(u - 0xFEE0));
        else if (u == 0x3000) // ideographic space
            c = QChar(u' ');
        out.append(c.toLower());
    }
    return out;
}

} // namespace chorus::activities
