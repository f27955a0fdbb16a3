#include "sales/TextUnits_p.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace chorus::sales::parsing {

namespace {

bool isHanLike(char32_t c)
{
    const QChar::Script script = QChar::script(c);
    return script == QChar::Script_Han || script == QChar::Script_Hiragana
        || script == QChar::Script_Katakana || script == QChar::Script_Hangul;
}

// One code point, normalised the way both text and catalog phrases are.
QString normalise(char32_t c)
{
    if (c < 0x80)
        return QString(QChar(c >= 'A' && c <= 'Z' ? c + 32 : c));
    switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x02BC:
    case 0xFF07:
        return u"'"_s;
    case 0x201C:
    case 0x201D:
        return u"\""_s;
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0xFF0D:
        return u"-"_s;
    default:
        break;
    }
    return QString::fromUcs4(&c, 1).normalized(QString::NormalizationForm_KC).toLower();
}

bool endsSentence(QStringView text, qsizetype i)
{
    const QChar c = text.at(i);
    if (c == u'\n' || c == u'\r' || c == u'。' || c == u'！' || c == u'？')
        return true;
    if (c == u'!' || c == u'?')
        return true;
    // "3.30pm" and "a.m." stay in one sentence: a full stop ends one only before a space.
    if (c == u'.' || c == u'．')
        return i + 1 >= text.size() || text.at(i + 1).isSpace();
    return false;
}

} // namespace

QString TextUnits::stem(const QString &word)
{
    QString w = word;
    if (w.endsWith(u"'s"_s))
        w.chop(2);
    else if (w.endsWith(u'\''))
        w.chop(1);
    if (w.size() > 4 && w.endsWith(u"ies"_s))
        return w.left(w.size() - 3) + u'y';
    if (w.size() > 4
        && (w.endsWith(u"sses"_s) || w.endsWith(u"ches"_s) || w.endsWith(u"shes"_s)
            || w.endsWith(u"xes"_s)))
        return w.left(w.size() - 2);
    if (w.size() > 2 && w.endsWith(u's') && !w.endsWith(u"ss"_s) && !w.endsWith(u"us"_s)
        && !w.endsWith(u"is"_s))
        return w.left(w.size() - 1);
    return w;
}

TextUnits::TextUnits(QStringView text, qsizetype maxLength)
{
    const QStringView view = text.left(std::min(text.size(), maxLength));
    int sentence = 0;
    bool space = true;
    Unit current;
    bool open = false;

    const auto close = [&] {
        if (!open)
            return;
        if (current.kind == Unit::Kind::Word)
            current.stem = stem(current.text);
        else
            current.stem = current.text;
        m_units.append(current);
        open = false;
        space = false;
    };

    qsizetype i = 0;
    while (i < view.size()) {
        const qsizetype at = i;
        char32_t c = view.at(i).unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < view.size() && view.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(view.at(i), view.at(i + 1));
            i += 2;
        } else {
            i += 1;
        }
        const QString norm = normalise(c);
        const QChar first = norm.isEmpty() ? QChar() : norm.front();

        if (norm.isEmpty() || first.isSpace() || first == u'-' || QChar::isSpace(c)) {
            close();
            space = true;
            if (endsSentence(view, at))
                ++sentence;
            continue;
        }
        if (isHanLike(c)) {
            close();
            current = Unit {Unit::Kind::Han, norm, {}, at, i, space, false, sentence};
            open = true;
            close();
            continue;
        }
        const QChar::Category category = first.category();
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_Enclosing
            || category == QChar::Mark_SpacingCombining || category == QChar::Other_Format) {
            // Combining marks belong to the word they follow; variation selectors and
            // joiners inside emoji belong to nothing.
            if (open && current.kind == Unit::Kind::Word) {
                current.text += norm;
                current.end = i;
            }
            continue;
        }
        const bool digit = first.isDigit();
        const bool letter = first.isLetter();
        const bool apostrophe = first == u'\'' && open && current.kind == Unit::Kind::Word;
        if (digit || letter || apostrophe) {
            const Unit::Kind kind = digit ? Unit::Kind::Number : Unit::Kind::Word;
            if (open && current.kind == kind) {
                current.text += digit ? QString::number(QChar(first).digitValue()) : norm;
                current.end = i;
                continue;
            }
            close();
            current = Unit {kind,  digit ? QString::number(QChar(first).digitValue()) : norm,
                            {},    at,
                            i,     space,
                            false, sentence};
            current.capitalised = letter && QChar::isUpper(c);
            open = true;
            continue;
        }
        // Punctuation, symbols, emoji: one unit each.
        close();
        const bool ends = endsSentence(view, at);
        m_units.append(Unit {Unit::Kind::Punct, norm, norm, at, i, space, false, sentence});
        space = false;
        if (ends)
            ++sentence;
    }
    close();
}

QList<Unit> TextUnits::cut(QStringView text)
{
    return TextUnits(text).m_units;
}

bool TextUnits::is(qsizetype i, QStringView text) const
{
    return i >= 0 && i < m_units.size() && m_units.at(i).kind != Unit::Kind::Punct
        && m_units.at(i).text == text;
}

bool TextUnits::isSequence(qsizetype i, QStringView words) const
{
    qsizetype k = i;
    for (const auto word : words.tokenize(u' ', Qt::SkipEmptyParts)) {
        if (k < 0 || k >= m_units.size() || m_units.at(k).text != word)
            return false;
        ++k;
    }
    return true;
}

bool TextUnits::isAny(qsizetype i, std::initializer_list<QStringView> options) const
{
    if (i < 0 || i >= m_units.size())
        return false;
    const QString &text = m_units.at(i).text;
    return std::any_of(options.begin(), options.end(),
                       [&](QStringView option) { return text == option; });
}

bool TextUnits::isNumber(qsizetype i) const
{
    return i >= 0 && i < m_units.size() && m_units.at(i).kind == Unit::Kind::Number;
}

bool TextUnits::isHan(qsizetype i) const
{
    return i >= 0 && i < m_units.size() && m_units.at(i).kind == Unit::Kind::Han;
}

void TextUnits::claim(qsizetype first, qsizetype last)
{
    for (qsizetype i = std::max<qsizetype>(first, 0); i <= last && i < m_units.size(); ++i)
        m_units[i].used = true;
}

bool TextUnits::anyUsed(qsizetype first, qsizetype last) const
{
    for (qsizetype i = std::max<qsizetype>(first, 0); i <= last && i < m_units.size(); ++i) {
        if (m_units.at(i).used)
            return true;
    }
    return false;
}

} // namespace chorus::sales::parsing
