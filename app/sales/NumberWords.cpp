#include "sales/NumberWords_p.h"

#include <array>

using namespace Qt::StringLiterals;

namespace chorus::sales::parsing {

std::optional<int> englishNumber(QStringView word)
{
    static constexpr std::array<const char16_t *, 21> small {
        u"zero",     u"one",     u"two",     u"three",     u"four",     u"five",     u"six",
        u"seven",    u"eight",   u"nine",    u"ten",       u"eleven",   u"twelve",   u"thirteen",
        u"fourteen", u"fifteen", u"sixteen", u"seventeen", u"eighteen", u"nineteen", u"twenty"};
    for (int n = 0; n < int(small.size()); ++n) {
        if (word == QStringView(small[n]))
            return n;
    }
    static constexpr std::array<const char16_t *, 7> tens {
        u"thirty", u"forty", u"fifty", u"sixty", u"seventy", u"eighty", u"ninety"};
    for (int n = 0; n < int(tens.size()); ++n) {
        if (word == QStringView(tens[n]))
            return (n + 3) * 10;
    }
    if (word == u"dozen")
        return 12;
    return std::nullopt;
}

std::optional<int> chineseDigit(QStringView han)
{
    if (han.size() != 1)
        return std::nullopt;
    switch (han.front().unicode()) {
    case u'零':
    case u'〇':
        return 0;
    case u'一':
    case u'壹':
        return 1;
    case u'二':
    case u'两':
    case u'俩':
    case u'貳':
    case u'贰':
        return 2;
    case u'三':
    case u'仨':
    case u'叁':
        return 3;
    case u'四':
        return 4;
    case u'五':
        return 5;
    case u'六':
        return 6;
    case u'七':
        return 7;
    case u'八':
        return 8;
    case u'九':
        return 9;
    case u'十':
        return 10;
    case u'百':
        return 100;
    default:
        return std::nullopt;
    }
}

std::optional<NumberAt> numberAt(const TextUnits &units, qsizetype i)
{
    if (i < 0 || i >= units.size())
        return std::nullopt;
    const Unit &unit = units.at(i);
    if (unit.kind == Unit::Kind::Number) {
        if (unit.text.size() > 4)
            return std::nullopt;
        return NumberAt {unit.text.toInt(), i, false};
    }
    if (unit.kind == Unit::Kind::Word) {
        if (const auto n = englishNumber(unit.text))
            return NumberAt {*n, i, true};
        return std::nullopt;
    }
    if (unit.kind != Unit::Kind::Han || !chineseDigit(unit.text))
        return std::nullopt;
    // 三, 十二, 二十, 二十五, 一百二十: value = sum of (digit x unit) parts.
    int total = 0, pending = -1;
    qsizetype k = i;
    for (; k < units.size() && units.at(k).kind == Unit::Kind::Han && k - i < 6; ++k) {
        if (k > i && units.at(k).spaceBefore)
            break;
        const auto d = chineseDigit(units.at(k).text);
        if (!d)
            break;
        if (*d == 10 || *d == 100) {
            total += (pending < 0 ? 1 : pending) * *d;
            pending = -1;
        } else {
            if (pending >= 0)
                break; // "一二" is not a number (and 两 twice is not either)
            pending = *d;
        }
        // 俩 and 仨 stand alone ("我们俩").
        if (units.at(k).text == u"俩"_s || units.at(k).text == u"仨"_s) {
            ++k;
            break;
        }
    }
    if (pending >= 0)
        total += pending;
    return NumberAt {total, k - 1, true};
}

} // namespace chorus::sales::parsing
