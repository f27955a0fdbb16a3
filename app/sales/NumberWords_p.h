#pragma once

// Private to OrderRequestParser: numbers as guests write them ("2", "two", "两", "十二").

#include "sales/TextUnits_p.h"

#include <optional>

namespace chorus::sales::parsing {

/// A number found at a unit: its value and the last unit it took.
struct NumberAt
{
    int value = 0;
    qsizetype last = 0;
    bool word = false; ///< spelled out ("two", "两") rather than digits
};

/// "one".."twenty", "thirty".."ninety" (not "a": that is an article first).
std::optional<int> englishNumber(QStringView word);
/// 一 二 两 俩 三 仨 ... 十 百 for one character.
std::optional<int> chineseDigit(QStringView han);
/// Digits, an English number word or a run of Chinese numerals starting at unit i.
/// Values above 9999 are refused (quantities and hours are small; long runs are ids).
std::optional<NumberAt> numberAt(const TextUnits &units, qsizetype i);

} // namespace chorus::sales::parsing
