#pragma once

// What the word-chain referee posts in the group, in English or Chinese.

#include "activities/WordChainReferee.h"

namespace chorus::activities {

QString wordChainStartText(WordList::Kind kind, Language language, int round,
                           const QString &firstWord, std::chrono::seconds turnTimeout);
QString wordChainMoveText(WordList::Kind kind, Language language, const MoveResult &result,
                          const QString &nick);
QString wordChainEndText(WordList::Kind kind, Language language, const RoundSummary &summary,
                         const QString &lastWord, int winnerBonus);

} // namespace chorus::activities
