#include "activities/MockInterview.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::activities;
using chorus::chat::PersonKey;

namespace {

QDateTime utc(int h, int min = 0)
{
    return QDateTime(QDate(2025, 4, 7), QTime(h, min), Qt::UTC);
}

PersonKey person(const QString &nick)
{
    return PersonKey::of(u"ielts@rooms.example"_s, {}, {}, nick);
}

QList<InterviewParticipant> students(int n)
{
    QList<InterviewParticipant> out;
    for (int i = 0; i < n; ++i) {
        const QString nick = u"s%1"_s.arg(i);
        out.append({person(nick), nick, -1, Language::English});
    }
    return out;
}

QList<InterviewSlot> slotsFrom(int count, int startHour = 10)
{
    QList<InterviewSlot> out;
    for (int i = 0; i < count; ++i)
        out.append({utc(startHour).addSecs(i * 20 * 60), std::chrono::minutes(15)});
    return out;
}

// Checks one rotation session: everyone interviews once and is interviewed once, nobody
// twice in a slot, nobody with themselves.
void checkRotationSession(const QList<InterviewPair> &pairs,
                          const QList<InterviewParticipant> &people)
{
    QCOMPARE(pairs.size(), people.size());
    for (const InterviewParticipant &p : people) {
        QCOMPARE(std::count_if(pairs.cbegin(), pairs.cend(),
                               [&](const InterviewPair &x) { return x.interviewer == p.person; }),
                 1);
        QCOMPARE(std::count_if(pairs.cbegin(), pairs.cend(),
                               [&](const InterviewPair &x) { return x.interviewee == p.person; }),
                 1);
    }
    for (const InterviewPair &a : pairs) {
        QVERIFY(!(a.interviewer == a.interviewee));
        for (const InterviewPair &b : pairs) {
            if (&a == &b || a.slot != b.slot)
                continue;
            QVERIFY2(!(a.interviewer == b.interviewer || a.interviewer == b.interviewee
                       || a.interviewee == b.interviewer || a.interviewee == b.interviewee),
                     "someone is in two interviews at once");
        }
    }
}

} // namespace

class tst_MockInterview : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rotationIsFairAcrossSessions_data();
    void rotationIsFairAcrossSessions();
    void rotationAvoidsRepeatsInBiggerGroups();
    void rotationNeedsEnoughSlotsAndPeople();
    void teacherModeHonoursSignUps();
    void questionBankCsvImport();
    void questionBankCsvIsAllOrNothing();
    void promptsRemindAndBrief();
    void promptsAvoidRepeatedQuestions();
    void rubricScores();
};

void tst_MockInterview::rotationIsFairAcrossSessions_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("sessions");
    QTest::newRow("5 students, 4 sessions") << 5 << 4;
    QTest::newRow("6 students, 4 sessions") << 6 << 4;
    QTest::newRow("7 students, 6 sessions") << 7 << 6;
}

void tst_MockInterview::rotationIsFairAcrossSessions()
{
    QFETCH(int, count);
    QFETCH(int, sessions);
    const QList<InterviewParticipant> people = students(count);
    PairingHistory history;
    for (int s = 0; s < sessions; ++s) {
        const auto plan = planRotation(people, slotsPerRotation(count), history);
        QVERIFY(plan);
        checkRotationSession(plan.value().pairs, people);
        history.addSession(plan.value().pairs);
    }
    // Everyone interviewed and was interviewed equally often...
    for (const InterviewParticipant &p : people) {
        QCOMPARE(history.interviews(p.person), sessions);
        QCOMPARE(history.interviewed(p.person), sessions);
    }
    // ...and no one met the same partner in the same role twice while others were unmet:
    // directed pair counts stay within 1 of each other.
    int low = std::numeric_limits<int>::max();
    int high = 0;
    for (const InterviewParticipant &a : people) {
        for (const InterviewParticipant &b : people) {
            if (a.person == b.person)
                continue;
            low = std::min(low, history.count(a.person, b.person));
            high = std::max(high, history.count(a.person, b.person));
        }
    }
    QVERIFY2(high - low <= 1, qPrintable(u"pair counts %1..%2"_s.arg(low).arg(high)));
    QCOMPARE(high, 1); // n-1 sessions or fewer: nobody repeats
}

void tst_MockInterview::rotationAvoidsRepeatsInBiggerGroups()
{
    const QList<InterviewParticipant> people = students(12);
    PairingHistory history;
    for (int s = 0; s < 8; ++s) {
        const auto plan = planRotation(people, 2, history);
        QVERIFY(plan);
        checkRotationSession(plan.value().pairs, people);
        for (const InterviewPair &pair : plan.value().pairs)
            QCOMPARE(history.count(pair.interviewer, pair.interviewee), 0);
        history.addSession(plan.value().pairs);
    }
    // Twice as many slots: two rounds in one session, still no repeat.
    const auto doubled = planRotation(people, 4, history);
    QVERIFY(doubled);
    QCOMPARE(doubled.value().pairs.size(), 24);
    QCOMPARE(doubled.value().slotsUsed, 4);
    for (const InterviewPair &pair : doubled.value().pairs)
        QVERIFY(history.count(pair.interviewer, pair.interviewee) <= 1);
    // Same input, same plan.
    QCOMPARE(planRotation(people, 4, history).value().pairs, doubled.value().pairs);
}

void tst_MockInterview::rotationNeedsEnoughSlotsAndPeople()
{
    const auto tooFewSlots = planRotation(students(5), 2, {});
    QVERIFY(!tooFewSlots);
    QCOMPARE(tooFewSlots.error().code, InterviewError::Code::NotEnoughSlots);
    QCOMPARE(planRotation(students(1), 3, {}).error().code,
             InterviewError::Code::NotEnoughParticipants);
    const auto two = planRotation(students(2), 2, {});
    QVERIFY(two);
    QCOMPARE(two.value().pairs.size(), 2);
    QVERIFY(two.value().pairs[0].slot != two.value().pairs[1].slot);
}

void tst_MockInterview::teacherModeHonoursSignUps()
{
    const PersonKey teacher = person(u"teacher"_s);
    QList<InterviewParticipant> people = students(4);
    people[0].preferredSlot = 2;
    people[1].preferredSlot = 2; // taken: moves to the earliest free slot
    people[3].preferredSlot = 0;
    people.append({teacher, u"teacher"_s, -1, Language::English}); // never paired with self
    const auto plan = planTeacherPairs(teacher, people, 3);
    QVERIFY(plan);
    QCOMPARE(plan.value().pairs.size(), 3);
    QCOMPARE(plan.value().pairs[0], (InterviewPair {0, teacher, person(u"s3"_s)}));
    QCOMPARE(plan.value().pairs[1], (InterviewPair {1, teacher, person(u"s1"_s)}));
    QCOMPARE(plan.value().pairs[2], (InterviewPair {2, teacher, person(u"s0"_s)}));
    QCOMPARE(plan.value().unplaced, QList<PersonKey> {person(u"s2"_s)});
    QCOMPARE(planTeacherPairs({}, people, 3).error().code, InterviewError::Code::NoTeacher);
}

void tst_MockInterview::questionBankCsvImport()
{
    QuestionBank bank({{u"Describe your hometown."_s, u"part 1"_s, 1}});
    const QByteArray csv = "\xEF\xBB\xBFquestion,topic,level\r\n"
                           "\"Talk about a book, any book.\",part 2,3\r\n"
                           "\"What does \"\"home\"\" mean\nto you?\",part 3,\r\n"
                           "\r\n"
                           "Describe your hometown.,part 1,1\r\n"; // already there: left alone
    const auto added = bank.importCsv(csv);
    QVERIFY2(added, qPrintable(added ? QString() : added.error().front().reason));
    QCOMPARE(added.value(), 2);
    QCOMPARE(bank.questions().size(), 3);
    QCOMPARE(bank.questions()[1].text, u"Talk about a book, any book."_s);
    QCOMPARE(bank.questions()[1].level, 3);
    QCOMPARE(bank.questions()[2].text, u"What does \"home\" mean\nto you?"_s);

    QuestionBank zh;
    QCOMPARE(zh.importCsv("问题,难度\n你最喜欢的季节是什么？,2\n").value(), 1);
    QCOMPARE(zh.questions().front().level, 2);
}

void tst_MockInterview::questionBankCsvIsAllOrNothing()
{
    QuestionBank bank({{u"Existing question"_s, {}, 0}});
    const QByteArray csv = "question,level\n"
                           "Good one,2\n"
                           ",3\n"
                           "Another good one,\n"
                           "Level too high,9\n"
                           "Good one,1\n";
    const auto result = bank.importCsv(csv);
    QVERIFY(!result);
    const QList<CsvIssue> issues = result.error();
    QCOMPARE(issues.size(), 3);
    QCOMPARE(issues[0].line, 3);
    QVERIFY(issues[0].reason.contains(u"empty"_s));
    QCOMPARE(issues[1].line, 5);
    QVERIFY(issues[1].reason.contains(u"\"9\""_s));
    QCOMPARE(issues[2].line, 6);
    QVERIFY(issues[2].reason.contains(u"line 2"_s));
    QCOMPARE(bank.questions().size(), 1); // nothing imported

    const auto badHeader = bank.importCsv("prompt,topic\nx,y\n");
    QVERIFY(!badHeader);
    QCOMPARE(badHeader.error().front().line, 1);
    QVERIFY(badHeader.error().front().reason.contains(u"prompt"_s));
    const auto unclosed = bank.importCsv("question\n\"never closed\n");
    QVERIFY(!unclosed);
    QCOMPARE(unclosed.error().front().line, 2);
    QVERIFY(!bank.importCsv("question\nbad \xff bytes\n"));
    QCOMPARE(bank.questions().size(), 1);
}

void tst_MockInterview::promptsRemindAndBrief()
{
    MockInterviewConfig config;
    config.title = u"IELTS speaking"_s;
    config.mode = PairingMode::TeacherWithEach;
    config.teacher = {person(u"teacher"_s), u"Ms Wang"_s, -1, Language::Chinese};
    config.timeSlots = slotsFrom(2);
    config.timeZone = "Asia/Shanghai";
    config.questionsPerInterview = 2;
    config.reminderBefore = std::chrono::minutes(10);
    MockInterview session(config);
    QVERIFY(session.addParticipant({person(u"amy"_s), u"Amy"_s, 1, Language::English}));
    QVERIFY(!session.addParticipant({person(u"amy"_s), u"Amy"_s, 1, Language::English}));
    QVERIFY(session.pair({}));
    const QuestionBank bank({{u"Q1"_s, {}, 0}, {u"Q2"_s, {}, 0}, {u"Q3"_s, {}, 0}});
    const QList<ScheduledPrompt> prompts = session.prompts(bank);
    QCOMPARE(prompts.size(), 4);
    const QDateTime start = utc(10, 20); // slot 1
    QCOMPARE(prompts[0].kind, ScheduledPrompt::Kind::Reminder);
    QCOMPARE(prompts[0].at, start.addSecs(-600));
    QCOMPARE(prompts[0].to, person(u"teacher"_s));
    QCOMPARE(prompts[0].text,
             u"提醒：模拟面试“IELTS speaking”将于18:20开始（10分钟后）。你将面试Amy。"_s);
    QCOMPARE(prompts[1].to, person(u"amy"_s));
    QCOMPARE(
        prompts[1].text,
        u"Reminder: mock interview “IELTS speaking” at 18:20 (in 10 min). Ms Wang interviews you."_s);
    QCOMPARE(prompts[2].kind, ScheduledPrompt::Kind::InterviewerBrief);
    QCOMPARE(prompts[2].at, start);
    QCOMPARE(prompts[2].questions, (QStringList {u"Q1"_s, u"Q2"_s}));
    QCOMPARE(prompts[2].text,
             u"你和Amy的模拟面试现在开始（15分钟），由你提问。问题：\n1. Q1\n2. Q2"_s);
    QCOMPARE(prompts[3].kind, ScheduledPrompt::Kind::IntervieweeNotice);
    QCOMPARE(prompts[3].to, person(u"amy"_s));
}

void tst_MockInterview::promptsAvoidRepeatedQuestions()
{
    MockInterviewConfig config;
    config.mode = PairingMode::Rotation;
    config.timeSlots = slotsFrom(2);
    config.questionsPerInterview = 2;
    MockInterview session(config);
    for (const InterviewParticipant &p : students(4))
        session.addParticipant(p);
    QVERIFY(session.pair({}));
    const QuestionBank bank(
        {{u"Q1"_s, {}, 0}, {u"Q2"_s, {}, 0}, {u"Q3"_s, {}, 0}, {u"Q4"_s, {}, 0}, {u"Q5"_s, {}, 0}});
    QHash<QString, QSet<QString>> asked;
    asked[person(u"s0"_s).value] = {u"Q1"_s, u"Q2"_s, u"Q3"_s};
    for (const ScheduledPrompt &p : session.prompts(bank, asked)) {
        if (p.kind != ScheduledPrompt::Kind::InterviewerBrief)
            continue;
        QCOMPARE(p.questions.size(), 2);
        const auto pair = std::find_if(
            session.plan().pairs.cbegin(), session.plan().pairs.cend(),
            [&](const InterviewPair &x) { return x.interviewer == p.to && x.slot == p.slot; });
        QVERIFY(pair != session.plan().pairs.cend());
        if (pair->interviewee == person(u"s0"_s))
            QCOMPARE(p.questions, (QStringList {u"Q4"_s, u"Q5"_s})); // the ones s0 has not had
    }
}

void tst_MockInterview::rubricScores()
{
    MockInterviewConfig config;
    config.mode = PairingMode::Rotation;
    config.timeSlots = slotsFrom(2);
    config.rubric = {{u"fluency"_s, u"Fluency"_s, 5}, {u"grammar"_s, u"Grammar"_s, 5}};
    MockInterview session(config);
    for (const InterviewParticipant &p : students(2))
        session.addParticipant(p);
    QVERIFY(session.pair({}));
    const InterviewPair first = session.plan().pairs.front();
    RubricScore score {first.slot,        first.interviewer,
                       first.interviewee, {{u"fluency"_s, 4}, {u"grammar"_s, 3}},
                       u"good pace"_s,    utc(11)};
    QVERIFY(session.recordScore(score));

    RubricScore tooHigh = score;
    tooHigh.scores[u"grammar"_s] = 6;
    QCOMPARE(session.recordScore(tooHigh).error().code, InterviewError::Code::ScoreOutOfRange);
    RubricScore missing = score;
    missing.scores.remove(u"grammar"_s);
    QCOMPARE(session.recordScore(missing).error().code, InterviewError::Code::MissingCriterion);
    RubricScore unknown = score;
    unknown.scores[u"charm"_s] = 5;
    QCOMPARE(session.recordScore(unknown).error().code, InterviewError::Code::UnknownCriterion);
    RubricScore wrongPair = score; // roles swapped in the same slot: not what was planned
    std::swap(wrongPair.interviewer, wrongPair.interviewee);
    QCOMPARE(session.recordScore(wrongPair).error().code, InterviewError::Code::UnknownPair);
    RubricScore noSlot = score;
    noSlot.slot = 7;
    QCOMPARE(session.recordScore(noSlot).error().code, InterviewError::Code::UnknownSlot);

    // A correction replaces the first record.
    score.scores[u"grammar"_s] = 5;
    QVERIFY(session.recordScore(score));
    QCOMPARE(session.scores().size(), 1);
    const QList<ScoreSummary> summary = session.summary();
    QCOMPARE(summary.size(), 1);
    QCOMPARE(summary.front().person, first.interviewee);
    QCOMPARE(summary.front().average.value(u"grammar"_s), 5.0);
    QCOMPARE(summary.front().overall, 4.5);
}

QTEST_GUILESS_MAIN(tst_MockInterview)
#include "tst_mockinterview.moc"
