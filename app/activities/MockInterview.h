#pragma once

// One mock-interview session in a group: members sign up (or are added), the session is
// paired, each pair gets its private prompts (a reminder before the slot, the questions
// for the interviewer, a notice for the interviewee), and rubric scores are recorded
// afterwards.

#include "activities/InterviewPairing.h"
#include "activities/InterviewTypes.h"
#include "activities/QuestionBank.h"
#include "core/Expected.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <chrono>

namespace chorus::activities {

struct MockInterviewConfig
{
    QString title;
    PairingMode mode = PairingMode::Rotation;
    InterviewParticipant teacher; ///< TeacherWithEach: who interviews
    QList<InterviewSlot> timeSlots;
    QByteArray timeZone; ///< the group's zone: times in prompts use it
    int questionsPerInterview = 3;
    std::chrono::minutes reminderBefore {10};
    QList<RubricCriterion> rubric;
};

/// A member's average scores over the interviews they were given.
struct ScoreSummary
{
    chat::PersonKey person;
    QString nick;
    int interviews = 0;
    QMap<QString, double> average; ///< criterion key -> mean score
    double overall = 0; ///< mean of all scores given
};

class MockInterview
{
public:
    explicit MockInterview(MockInterviewConfig config);

    const MockInterviewConfig &config() const { return m_config; }

    /// Adds a member (a sign-up, or the operator adding them); false if already in.
    bool addParticipant(const InterviewParticipant &participant);
    bool removeParticipant(const chat::PersonKey &person);
    const QList<InterviewParticipant> &participants() const { return m_participants; }

    /// Pairs the participants for this session, given earlier sessions' @p history.
    Expected<PairingPlan, InterviewError> pair(const PairingHistory &history);
    const PairingPlan &plan() const { return m_plan; }

    /// Private messages for the paired session, in time order. @p askedBefore maps a
    /// person key to questions they were already asked, so they get new ones first.
    QList<ScheduledPrompt> prompts(const QuestionBank &bank,
                                   const QHash<QString, QSet<QString>> &askedBefore = {}) const;

    /// Records scores for a planned interview; all criteria, each within its range.
    Expected<Done, InterviewError> recordScore(const RubricScore &score);
    const QList<RubricScore> &scores() const { return m_scores; }
    QList<ScoreSummary> summary() const;

private:
    const InterviewParticipant *participant(const chat::PersonKey &person) const;

    MockInterviewConfig m_config;
    QList<InterviewParticipant> m_participants;
    PairingPlan m_plan;
    QList<RubricScore> m_scores;
};

} // namespace chorus::activities
