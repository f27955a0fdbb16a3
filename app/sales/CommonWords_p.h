#pragma once

#include <QStringView>

namespace chorus::sales::parsing {

/// True for an everyday English word (lower case): such words are not typo-corrected.
bool isCommonEnglishWord(QStringView word);

} // namespace chorus::sales::parsing
