#pragma once

// Value types of a mock-interview session: slots, who interviews whom, questions,
// prompts to send privately, and the rubric scores recorded afterwards.

#include "activities/Language.h"
#include "chat/Types.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <chrono>
#include <utility>

namespace chorus::activities {

/// A time slot of a session.
struct InterviewSlot
{
    QDateTime start; ///< UTC
    std::chrono::minutes length {15};
    friend bool operator==(const InterviewSlot &, const InterviewSlot &) = default;
};

/// A member taking part, with the slot they signed up for (-1: any).
struct InterviewParticipant
{
    chat::PersonKey person;
    QString nick;
    int preferredSlot = -1;
    Language language = Language::English; ///< of the private prompts they get
    friend bool operator==(const InterviewParticipant &, const InterviewParticipant &) = default;
};

enum class PairingMode {
    TeacherWithEach, ///< the teacher interviews each student, one slot each
    Rotation, ///< students interview each other: each interviews and is interviewed
};

/// One interview: in slot `slot`, `interviewer` interviews `interviewee`.
struct InterviewPair
{
    int slot = 0;
    chat::PersonKey interviewer;
    chat::PersonKey interviewee;
    friend bool operator==(const InterviewPair &, const InterviewPair &) = default;
};

/// Who interviewed whom in earlier sessions of the group (directed counts).
class PairingHistory
{
public:
    void add(const InterviewPair &pair);
    void addSession(const QList<InterviewPair> &pairs);
    int count(const chat::PersonKey &interviewer, const chat::PersonKey &interviewee) const;
    int interviews(const chat::PersonKey &person) const; ///< times as interviewer
    int interviewed(const chat::PersonKey &person) const; ///< times as interviewee

private:
    QMap<std::pair<QString, QString>, int> m_pairs;
    QMap<QString, int> m_asInterviewer;
    QMap<QString, int> m_asInterviewee;
};

/// A question of a group's bank.
struct InterviewQuestion
{
    QString text;
    QString topic;
    int level = 0; ///< 1..5, 0 when not given
    friend bool operator==(const InterviewQuestion &, const InterviewQuestion &) = default;
};

/// A private message to send at a given time.
struct ScheduledPrompt
{
    enum class Kind { Reminder, InterviewerBrief, IntervieweeNotice };
    Kind kind = Kind::Reminder;
    QDateTime at; ///< UTC
    chat::PersonKey to;
    int slot = 0;
    QString text;
    QStringList questions; ///< InterviewerBrief: the questions to ask
};

/// What a rubric scores, e.g. fluency 0..5.
struct RubricCriterion
{
    QString key;
    QString label;
    int maxScore = 5;
    friend bool operator==(const RubricCriterion &, const RubricCriterion &) = default;
};

/// Scores given after one interview.
struct RubricScore
{
    int slot = 0;
    chat::PersonKey interviewer;
    chat::PersonKey interviewee;
    QMap<QString, int> scores; ///< criterion key -> score
    QString comment;
    QDateTime recordedAt;
    friend bool operator==(const RubricScore &, const RubricScore &) = default;
};

/// A typed failure of an interview operation.
struct InterviewError
{
    enum class Code {
        NotEnoughParticipants,
        NotEnoughSlots,
        NoTeacher,
        UnknownSlot,
        UnknownPair,
        UnknownCriterion,
        MissingCriterion,
        ScoreOutOfRange,
        NotAParticipant,
    };
    Code code = Code::NotEnoughParticipants;
    QString message; ///< for the operator, translated
};

} // namespace chorus::activities
