#pragma once

// Who interviews whom. Teacher mode gives each student one slot with the teacher.
// Rotation arranges the students in a cycle (each interviews the next one), so in one
// session every student interviews exactly once and is interviewed exactly once, nobody
// meets themselves, and the cycle is chosen to repeat as few earlier pairs as possible.
// A cycle's interviews run in parallel across 2 slots (even count) or 3 (odd count).

#include "activities/InterviewTypes.h"
#include "core/Expected.h"

#include <QList>

namespace chorus::activities {

struct PairingPlan
{
    QList<InterviewPair> pairs; ///< ordered by slot, then interviewer
    QList<chat::PersonKey> unplaced; ///< teacher mode: students with no slot left
    int slotsUsed = 0;
};

/// Slots one rotation cycle needs for @p students (2 when even, 3 when odd).
int slotsPerRotation(int students);

/// Teacher mode: @p teacher interviews each student in one slot of @p slotCount;
/// preferred slots first, in sign-up order, the rest fill the earliest free slots.
Expected<PairingPlan, InterviewError> planTeacherPairs(const chat::PersonKey &teacher,
                                                       const QList<InterviewParticipant> &students,
                                                       int slotCount);

/// Rotation: as many full cycles as @p slotCount holds (at least one), each chosen to
/// minimise repeats of pairs in @p history and in the cycles before it.
Expected<PairingPlan, InterviewError> planRotation(const QList<InterviewParticipant> &students,
                                                   int slotCount, const PairingHistory &history);

} // namespace chorus::activities
