#include "activities/InterviewPairing.h"

#include <QCoreApplication>

#include <algorithm>
#include <functional>
#include <limits>
#include <numeric>

namespace chorus::activities {
namespace {

// Exhaustive search up to this many students, local search beyond.
constexpr int kExhaustiveLimit = 8;

// The cost of a directed step a -> b: repeating a pair costs most, meeting the same
// person the other way round a little (it is a different role, but the same partner).
qint64 stepCost(const PairingHistory &history, const chat::PersonKey &a, const chat::PersonKey &b)
{
    const qint64 same = history.count(a, b);
    const qint64 reverse = history.count(b, a);
    return same * same * 100 + reverse * 10;
}

qint64 cycleCost(const PairingHistory &history, const QList<chat::PersonKey> &people,
                 const QList<int> &order)
{
    qint64 cost = 0;
    for (qsizetype i = 0; i < order.size(); ++i)
        cost += stepCost(history, people[order[i]], people[order[(i + 1) % order.size()]]);
    return cost;
}

// A Hamiltonian cycle using only steps a -> b with history.count(a, b) <= level, found by
// depth-first search that tries the most constrained person first (Warnsdorff's rule);
// empty when none is found within the search budget.
QList<int> cycleWithin(const PairingHistory &history, const QList<chat::PersonKey> &people,
                       int level)
{
    const int n = int(people.size());
    QList<QList<bool>> allowed(n, QList<bool>(n, false));
    for (int a = 0; a < n; ++a) {
        for (int b = 0; b < n; ++b)
            allowed[a][b] = a != b && history.count(people[a], people[b]) <= level;
    }
    QList<int> path {0};
    QList<bool> used(n, false);
    used[0] = true;
    // Bounded work whatever the group size: the search gives up rather than stall.
    int budget = std::max(2000, 4'000'000 / (n * n));

    std::function<bool()> extend = [&]() -> bool {
        if (--budget < 0)
            return false;
        const int current = path.back();
        if (path.size() == n)
            return allowed[current][0];
        QList<std::pair<qint64, int>> candidates; // (rank, person)
        for (int next = 0; next < n; ++next) {
            if (used[next] || !allowed[current][next])
                continue;
            int onward = 0;
            for (int after = 0; after < n; ++after)
                onward += !used[after] && after != next && allowed[next][after];
            // Fresh pairs first, then the most constrained person, then fewer reverse meetings.
            const qint64 rank = qint64(history.count(people[current], people[next])) * 1'000'000
                + onward * 1000 + history.count(people[next], people[current]);
            candidates.append({rank, next});
        }
        std::sort(candidates.begin(), candidates.end());
        for (const auto &[rank, next] : candidates) {
            Q_UNUSED(rank);
            used[next] = true;
            path.append(next);
            if (extend())
                return true;
            path.removeLast();
            used[next] = false;
        }
        return false;
    };
    return extend() ? path : QList<int>();
}

QList<int> bestCycle(const PairingHistory &history, const QList<chat::PersonKey> &people)
{
    const int n = int(people.size());
    QList<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    if (n <= kExhaustiveLimit) {
        // Person 0 stays first (a cycle has no start); next_permutation order keeps ties
        // deterministic.
        QList<int> best = order;
        qint64 bestCost = cycleCost(history, people, order);
        while (std::next_permutation(order.begin() + 1, order.end())) {
            const qint64 cost = cycleCost(history, people, order);
            if (cost < bestCost) {
                bestCost = cost;
                best = order;
            }
        }
        return best;
    }
    // Larger groups: the fewest repeats first. Find the lowest level at which a cycle
    // exists that repeats no pair more than that many times.
    int floor = std::numeric_limits<int>::max();
    for (int a = 0; a < n; ++a) {
        for (int b = 0; b < n; ++b) {
            if (a != b)
                floor = std::min(floor, history.count(people[a], people[b]));
        }
    }
    for (int level = floor; level <= floor + 2; ++level) {
        const QList<int> cycle = cycleWithin(history, people, level);
        if (!cycle.isEmpty())
            return cycle;
    }
    return order; // every pair has been repeated a lot: any cycle is as fair as another
}

} // namespace

void PairingHistory::add(const InterviewPair &pair)
{
    m_pairs[{pair.interviewer.value, pair.interviewee.value}] += 1;
    m_asInterviewer[pair.interviewer.value] += 1;
    m_asInterviewee[pair.interviewee.value] += 1;
}

void PairingHistory::addSession(const QList<InterviewPair> &pairs)
{
    for (const InterviewPair &pair : pairs)
        add(pair);
}

int PairingHistory::count(const chat::PersonKey &interviewer,
                          const chat::PersonKey &interviewee) const
{
    return m_pairs.value({interviewer.value, interviewee.value});
}

int PairingHistory::interviews(const chat::PersonKey &person) const
{
    return m_asInterviewer.value(person.value);
}

int PairingHistory::interviewed(const chat::PersonKey &person) const
{
    return m_asInterviewee.value(person.value);
}

int slotsPerRotation(int students)
{
    return students % 2 == 0 ? 2 : 3;
}

Expected<PairingPlan, InterviewError> planTeacherPairs(const chat::PersonKey &teacher,
                                                       const QList<InterviewParticipant> &students,
                                                       int slotCount)
{
    if (!teacher.isValid())
        return InterviewError {InterviewError::Code::NoTeacher,
                               QCoreApplication::translate("chorus::activities::MockInterview",
                                                           "Teacher mode needs a teacher.")};
    QList<InterviewParticipant> others;
    for (const InterviewParticipant &s : students) {
        if (s.person != teacher) // nobody interviews themselves
            others.append(s);
    }
    if (others.isEmpty())
        return InterviewError {
            InterviewError::Code::NotEnoughParticipants,
            QCoreApplication::translate("chorus::activities::MockInterview",
                                        "Nobody has signed up for the interviews yet.")};
    if (slotCount <= 0)
        return InterviewError {InterviewError::Code::NotEnoughSlots,
                               QCoreApplication::translate("chorus::activities::MockInterview",
                                                           "The session has no slots.")};

    PairingPlan plan;
    QList<int> slotOf(others.size(), -1);
    QList<bool> taken(slotCount, false);
    for (qsizetype i = 0; i < others.size(); ++i) {
        const int wanted = others[i].preferredSlot;
        if (wanted >= 0 && wanted < slotCount && !taken[wanted]) {
            taken[wanted] = true;
            slotOf[i] = wanted;
        }
    }
    for (qsizetype i = 0; i < others.size(); ++i) {
        if (slotOf[i] >= 0)
            continue;
        const auto free = std::find(taken.begin(), taken.end(), false);
        if (free == taken.end()) {
            plan.unplaced.append(others[i].person);
            continue;
        }
        *free = true;
        slotOf[i] = int(free - taken.begin());
    }
    for (qsizetype i = 0; i < others.size(); ++i) {
        if (slotOf[i] >= 0) {
            plan.pairs.append({slotOf[i], teacher, others[i].person});
            plan.slotsUsed = std::max(plan.slotsUsed, slotOf[i] + 1);
        }
    }
    std::sort(plan.pairs.begin(), plan.pairs.end(),
              [](const InterviewPair &a, const InterviewPair &b) { return a.slot < b.slot; });
    return plan;
}

Expected<PairingPlan, InterviewError> planRotation(const QList<InterviewParticipant> &students,
                                                   int slotCount, const PairingHistory &history)
{
    // Distinct people in a fixed order, so the same input always gives the same plan.
    QList<chat::PersonKey> people;
    for (const InterviewParticipant &s : students) {
        if (s.person.isValid() && !people.contains(s.person))
            people.append(s.person);
    }
    std::sort(people.begin(), people.end(),
              [](const chat::PersonKey &a, const chat::PersonKey &b) { return a.value < b.value; });
    const int n = int(people.size());
    if (n < 2)
        return InterviewError {
            InterviewError::Code::NotEnoughParticipants,
            QCoreApplication::translate("chorus::activities::MockInterview",
                                        "Rotation needs at least two students.")};
    const int perCycle = slotsPerRotation(n);
    if (slotCount < perCycle)
        return InterviewError {
            InterviewError::Code::NotEnoughSlots,
            QCoreApplication::translate("chorus::activities::MockInterview",
                                        "%n student(s) in rotation need %1 slots.", nullptr, n)
                .arg(perCycle)};

    PairingPlan plan;
    PairingHistory seen = history;
    for (int cycle = 0; (cycle + 1) * perCycle <= slotCount; ++cycle) {
        const QList<int> order = bestCycle(seen, people);
        QList<InterviewPair> pairs;
        for (int i = 0; i < n; ++i) {
            // Edge i uses persons i and i+1: alternate slots; with an odd count the
            // closing edge meets both ends of the chain and takes a third slot.
            int slot = i % 2;
            if (n % 2 == 1 && i == n - 1)
                slot = 2;
            if (n == 2)
                slot = i;
            pairs.append({cycle * perCycle + slot, people[order[i]], people[order[(i + 1) % n]]});
        }
        seen.addSession(pairs);
        plan.pairs.append(pairs);
        plan.slotsUsed = (cycle + 1) * perCycle;
    }
    std::stable_sort(plan.pairs.begin(), plan.pairs.end(),
                     [](const InterviewPair &a, const InterviewPair &b) {
                         if (a.slot != b.slot)
                             return a.slot < b.slot;
                         return a.interviewer.value < b.interviewer.value;
                     });
    return plan;
}

} // namespace chorus::activities
