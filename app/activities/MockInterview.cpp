#include "activities/MockInterview.h"

#include "activities/InterviewText.h"

#include <QCoreApplication>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace chorus::activities {
MockInterview::MockInterview(MockInterviewConfig config) : m_config(std::move(config))
{
}

bool MockInterview::addParticipant(const InterviewParticipant &participant)
{
    if (!participant.person.isValid() || this->participant(participant.person))
        return false;
    m_participants.append(participant);
    return true;
}

bool MockInterview::removeParticipant(const chat::PersonKey &person)
{
    const auto before = m_participants.size();
    m_participants.removeIf([&](const InterviewParticipant &p) { return p.person == person; });
    return m_participants.size() != before;
}

const InterviewParticipant *MockInterview::participant(const chat::PersonKey &person) const
{
    if (m_config.teacher.person.isValid() && m_config.teacher.person == person)
        return &m_config.teacher;
    for (const InterviewParticipant &p : m_participants) {
        if (p.person == person)
            return &p;
    }
    return nullptr;
}

Expected<PairingPlan, InterviewError> MockInterview::pair(const PairingHistory &history)
{
    auto plan = m_config.mode == PairingMode::TeacherWithEach
        ? planTeacherPairs(m_config.teacher.person, m_participants, int(m_config.timeSlots.size()))
        : planRotation(m_participants, int(m_config.timeSlots.size()), history);
    if (plan)
        m_plan = plan.value();
    return plan;
}

QList<ScheduledPrompt>
MockInterview::prompts(const QuestionBank &bank,
                       const QHash<QString, QSet<QString>> &askedBefore) const
{
    const QTimeZone zone(m_config.timeZone);
    QList<ScheduledPrompt> out;
    QHash<QString, QSet<QString>> asked = askedBefore;
    int pairIndex = 0;
    for (const InterviewPair &pair : m_plan.pairs) {
        if (pair.slot < 0 || pair.slot >= m_config.timeSlots.size())
            continue;
        const InterviewSlot &slot = m_config.timeSlots[pair.slot];
        const InterviewParticipant *interviewer = participant(pair.interviewer);
        const InterviewParticipant *interviewee = participant(pair.interviewee);
        if (!interviewer || !interviewee)
            continue; // removed after pairing: pair again
        const QDateTime reminderAt = slot.start.addSecs(
            -std::chrono::duration_cast<std::chrono::seconds>(m_config.reminderBefore).count());

        out.append({ScheduledPrompt::Kind::Reminder,
                    reminderAt,
                    interviewer->person,
                    pair.slot,
                    interviewReminderText(interviewer->language, m_config.title, slot.start, zone,
                                          m_config.reminderBefore, interviewee->nick, true),
                    {}});
        out.append({ScheduledPrompt::Kind::Reminder,
                    reminderAt,
                    interviewee->person,
                    pair.slot,
                    interviewReminderText(interviewee->language, m_config.title, slot.start, zone,
                                          m_config.reminderBefore, interviewer->nick, false),
                    {}});

        // Questions the interviewee has not had yet; parallel interviews start at
        // different places in the bank.
        QSet<QString> &theirs = asked[interviewee->person.value];
        QStringList questions;
        for (const InterviewQuestion &q :
             bank.pick(m_config.questionsPerInterview, theirs,
                       pairIndex * std::max(1, m_config.questionsPerInterview))) {
            questions.append(q.text);
            theirs.insert(q.text);
        }
        out.append(
            {ScheduledPrompt::Kind::InterviewerBrief, slot.start, interviewer->person, pair.slot,
             interviewerBriefText(interviewer->language, interviewee->nick, slot.length, questions),
             questions});
        out.append({ScheduledPrompt::Kind::IntervieweeNotice,
                    slot.start,
                    interviewee->person,
                    pair.slot,
                    intervieweeNoticeText(interviewee->language, interviewer->nick, slot.length),
                    {}});
        ++pairIndex;
    }
    std::stable_sort(
        out.begin(), out.end(),
        [](const ScheduledPrompt &a, const ScheduledPrompt &b) { return a.at < b.at; });
    return out;
}

Expected<Done, InterviewError> MockInterview::recordScore(const RubricScore &score)
{
    using Code = InterviewError::Code;
    if (score.slot < 0 || score.slot >= m_config.timeSlots.size())
        return InterviewError {
            Code::UnknownSlot,
            QCoreApplication::translate("chorus::activities::MockInterview", "There is no slot %1.")
                .arg(score.slot + 1)};
    const bool planned
        = std::any_of(m_plan.pairs.cbegin(), m_plan.pairs.cend(), [&](const InterviewPair &p) {
              return p.slot == score.slot && p.interviewer == score.interviewer
                  && p.interviewee == score.interviewee;
          });
    if (!planned)
        return InterviewError {
            Code::UnknownPair,
            QCoreApplication::translate("chorus::activities::MockInterview",
                                        "This interview is not in the session's plan.")};
    for (auto it = score.scores.cbegin(); it != score.scores.cend(); ++it) {
        const auto criterion
            = std::find_if(m_config.rubric.cbegin(), m_config.rubric.cend(),
                           [&](const RubricCriterion &c) { return c.key == it.key(); });
        if (criterion == m_config.rubric.cend())
            return InterviewError {Code::UnknownCriterion,
                                   QCoreApplication::translate("chorus::activities::MockInterview",
                                                               "\"%1\" is not part of the rubric.")
                                       .arg(it.key())};
        if (it.value() < 0 || it.value() > criterion->maxScore)
            return InterviewError {
                Code::ScoreOutOfRange,
                QCoreApplication::translate("chorus::activities::MockInterview",
                                            "%1 must be from 0 to %2.")
                    .arg(criterion->label, QString::number(criterion->maxScore))};
    }
    for (const RubricCriterion &c : m_config.rubric) {
        if (!score.scores.contains(c.key))
            return InterviewError {
                Code::MissingCriterion,
                QCoreApplication::translate("chorus::activities::MockInterview", "%1 has no score.")
                    .arg(c.label)};
    }
    // A second record for the same interview replaces the first (a correction).
    m_scores.removeIf([&](const RubricScore &s) {
        return s.slot == score.slot && s.interviewer == score.interviewer
            && s.interviewee == score.interviewee;
    });
    m_scores.append(score);
    return Done {};
}

QList<ScoreSummary> MockInterview::summary() const
{
    QList<ScoreSummary> out;
    for (const RubricScore &score : m_scores) {
        auto it = std::find_if(out.begin(), out.end(), [&](const ScoreSummary &s) {
            return s.person == score.interviewee;
        });
        if (it == out.end()) {
            const InterviewParticipant *p = participant(score.interviewee);
            out.append({score.interviewee, p ? p->nick : QString(), 0, {}, 0});
            it = out.end() - 1;
        }
        it->interviews += 1;
        for (auto s = score.scores.cbegin(); s != score.scores.cend(); ++s)
            it->average[s.key()] += s.value();
    }
    for (ScoreSummary &s : out) {
        double total = 0;
        for (auto a = s.average.begin(); a != s.average.end(); ++a) {
            total += a.value();
            a.value() /= s.interviews;
        }
        const qsizetype given = s.average.size() * s.interviews;
        s.overall = given ? total / double(given) : 0;
    }
    std::sort(out.begin(), out.end(), [](const ScoreSummary &a, const ScoreSummary &b) {
        return a.person.value < b.person.value;
    });
    return out;
}

} // namespace chorus::activities
