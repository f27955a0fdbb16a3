#include "activities/CatchUp.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::activities;

namespace {

QDateTime utc(int y, int m, int d, int h, int min = 0, int s = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min, s), Qt::UTC);
}

Recurrence make(const QString &rule, QDate date, QTime time, const QByteArray &zone)
{
    return Recurrence::create({rule, date, time, zone}).value();
}

CatchUpRule rule(CatchUpPolicy policy)
{
    CatchUpRule r;
    r.policy = policy;
    r.grace = std::chrono::minutes(2);
    r.lateWindow = std::chrono::hours(2);
    return r;
}

QList<QDateTime> instants(const QList<Firing> &firings)
{
    QList<QDateTime> out;
    for (const Firing &f : firings)
        out.append(f.at);
    return out;
}

} // namespace

class tst_CatchUp : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void onTimeFiringIsDueWhateverThePolicy_data();
    void onTimeFiringIsDueWhateverThePolicy();
    void afterSleepFireOnceLate();
    void afterSleepSkip();
    void afterSleepAsk();
    void lateBeyondWindowIsSkipped();
    void onTimeFiringSupersedesLateOne();
    void firingsBeforeEnablingNeverCount();
    void clockGoingBackDecidesNothing();
    void ticksWithClockJumpsDecideEveryFiringExactlyOnce_data();
    void ticksWithClockJumpsDecideEveryFiringExactlyOnce();
};

void tst_CatchUp::onTimeFiringIsDueWhateverThePolicy_data()
{
    QTest::addColumn<int>("policy");
    QTest::newRow("skip") << int(CatchUpPolicy::Skip);
    QTest::newRow("fire once late") << int(CatchUpPolicy::FireOnceLate);
    QTest::newRow("ask") << int(CatchUpPolicy::AskOperator);
}

void tst_CatchUp::onTimeFiringIsDueWhateverThePolicy()
{
    QFETCH(int, policy);
    const Recurrence r = make(u"FREQ=DAILY"_s, QDate(2025, 3, 1), QTime(19, 0), "Europe/Berlin");
    const CatchUpDecision d
        = decideCatchUp(r, rule(CatchUpPolicy(policy)),
                        {utc(2025, 3, 1, 0), utc(2025, 3, 3, 18), utc(2025, 3, 4, 18, 0, 30)});
    QCOMPARE(instants(d.due), QList<QDateTime> {utc(2025, 3, 4, 18)});
    QVERIFY(d.skipped.isEmpty());
    QVERIFY(d.ask.isEmpty());
    QCOMPARE(d.coveredUntil, utc(2025, 3, 4, 18));
}

void tst_CatchUp::afterSleepFireOnceLate()
{
    // The laptop slept from Saturday evening until Tuesday 20:30; the post is daily at 19:00.
    const Recurrence r = make(u"FREQ=DAILY"_s, QDate(2025, 3, 1), QTime(19, 0), "Europe/Berlin");
    const CatchUpDecision d
        = decideCatchUp(r, rule(CatchUpPolicy::FireOnceLate),
                        {utc(2025, 3, 1, 0), utc(2025, 3, 1, 18), utc(2025, 3, 4, 19, 30)});
    QCOMPARE(instants(d.due), QList<QDateTime> {utc(2025, 3, 4, 18)}); // 90 min late, once
    QCOMPARE(instants(d.skipped), (QList<QDateTime> {utc(2025, 3, 2, 18), utc(2025, 3, 3, 18)}));
    QVERIFY(d.ask.isEmpty());
    QCOMPARE(d.coveredUntil, utc(2025, 3, 4, 18));

    // Recording that and looking again a minute later finds nothing new.
    const CatchUpDecision again
        = decideCatchUp(r, rule(CatchUpPolicy::FireOnceLate),
                        {utc(2025, 3, 1, 0), d.coveredUntil, utc(2025, 3, 4, 19, 31)});
    QVERIFY(again.due.isEmpty());
    QVERIFY(again.skipped.isEmpty());
    QVERIFY(again.ask.isEmpty());
}

void tst_CatchUp::afterSleepSkip()
{
    const Recurrence r = make(u"FREQ=DAILY"_s, QDate(2025, 3, 1), QTime(19, 0), "Europe/Berlin");
    const CatchUpDecision d
        = decideCatchUp(r, rule(CatchUpPolicy::Skip),
                        {utc(2025, 3, 1, 0), utc(2025, 3, 1, 18), utc(2025, 3, 4, 19, 30)});
    QVERIFY(d.due.isEmpty());
    QCOMPARE(d.skipped.size(), 3);
    QCOMPARE(d.coveredUntil, utc(2025, 3, 4, 18));
}

void tst_CatchUp::afterSleepAsk()
{
    const Recurrence r = make(u"FREQ=DAILY"_s, QDate(2025, 3, 1), QTime(19, 0), "Europe/Berlin");
    const CatchUpDecision d
        = decideCatchUp(r, rule(CatchUpPolicy::AskOperator),
                        {utc(2025, 3, 1, 0), utc(2025, 3, 1, 18), utc(2025, 3, 4, 19, 30)});
    QVERIFY(d.due.isEmpty());
    QVERIFY(d.skipped.isEmpty());
    QCOMPARE(instants(d.ask),
             (QList<QDateTime> {utc(2025, 3, 2, 18), utc(2025, 3, 3, 18), utc(2025, 3, 4, 18)}));
}

void tst_CatchUp::lateBeyondWindowIsSkipped()
{
    const Recurrence r = make(u"FREQ=DAILY"_s, QDate(2025, 3, 1), QTime(19, 0), "Europe/Berlin");
    const CatchUpDecision d
        = decideCatchUp(r, rule(CatchUpPolicy::FireOnceLate),
                        {utc(2025, 3, 1, 0), utc(2025, 3, 3, 18), utc(2025, 3, 4, 23, 0)});
    QVERIFY(d.due.isEmpty()); // five hours late is too late for an evening post
    QCOMPARE(instants(d.skipped), QList<QDateTime> {utc(2025, 3, 4, 18)});
}

void tst_CatchUp::onTimeFiringSupersedesLateOne()
{
    const Recurrence r = make(u"FREQ=HOURLY"_s, QDate(2025, 3, 1), QTime(9, 0), "Asia/Makassar");
    // Hourly at :00 local; the clock jumps from 10:00 to 13:00:30 local (05:00:30Z).
    const CatchUpDecision d
        = decideCatchUp(r, rule(CatchUpPolicy::FireOnceLate),
                        {utc(2025, 3, 1, 0), utc(2025, 3, 1, 2), utc(2025, 3, 1, 5, 0, 30)});
    QCOMPARE(instants(d.due), QList<QDateTime> {utc(2025, 3, 1, 5)});
    QCOMPARE(instants(d.skipped), (QList<QDateTime> {utc(2025, 3, 1, 3), utc(2025, 3, 1, 4)}));
}

void tst_CatchUp::firingsBeforeEnablingNeverCount()
{
    const Recurrence r = make(u"FREQ=DAILY"_s, QDate(2025, 3, 1), QTime(19, 0), "Europe/Berlin");
    const CatchUpDecision d
        = decideCatchUp(r, rule(CatchUpPolicy::AskOperator),
                        {utc(2025, 3, 4, 18, 30), QDateTime(), utc(2025, 3, 5, 9)});
    QVERIFY(d.due.isEmpty());
    QVERIFY(d.ask.isEmpty()); // enabled after Tuesday's firing: nothing was missed
    QVERIFY(d.skipped.isEmpty());
}

void tst_CatchUp::clockGoingBackDecidesNothing()
{
    const Recurrence r = make(u"FREQ=HOURLY"_s, QDate(2025, 3, 1), QTime(9, 0), "Asia/Makassar");
    const CatchUpDecision d
        = decideCatchUp(r, rule(CatchUpPolicy::FireOnceLate),
                        {utc(2025, 3, 1, 0), utc(2025, 3, 1, 6), utc(2025, 3, 1, 3, 0, 10)});
    QVERIFY(d.clockWentBack);
    QVERIFY(d.due.isEmpty());
    QCOMPARE(d.coveredUntil, utc(2025, 3, 1, 6)); // keep the recorded mark; never refire 4:00-6:00
}

void tst_CatchUp::ticksWithClockJumpsDecideEveryFiringExactlyOnce_data()
{
    QTest::addColumn<int>("policy");
    QTest::newRow("skip") << int(CatchUpPolicy::Skip);
    QTest::newRow("fire once late") << int(CatchUpPolicy::FireOnceLate);
    QTest::newRow("ask") << int(CatchUpPolicy::AskOperator);
}

void tst_CatchUp::ticksWithClockJumpsDecideEveryFiringExactlyOnce()
{
    // A scheduler that ticks every 5 minutes, with a 7-hour sleep, a jump back and a jump
    // forward across the Berlin DST change: every firing is decided exactly once.
    QFETCH(int, policy);
    const Recurrence r
        = make(u"FREQ=HOURLY;BYMINUTE=0,30"_s, QDate(2025, 3, 29), QTime(0, 0), "Europe/Berlin");
    const CatchUpRule catchUp = rule(CatchUpPolicy(policy));
    const QDateTime enabled = utc(2025, 3, 29, 0);
    QList<QDateTime> ticks;
    for (QDateTime t = utc(2025, 3, 29, 0); t < utc(2025, 3, 29, 6); t = t.addSecs(300))
        ticks.append(t);
    for (QDateTime t = utc(2025, 3, 29, 13, 7); t < utc(2025, 3, 29, 18); t = t.addSecs(300))
        ticks.append(t); // slept 06:00-13:07
    ticks.append(utc(2025, 3, 29, 12)); // the clock goes back for a moment
    for (QDateTime t = utc(2025, 3, 30, 2, 3); t < utc(2025, 3, 30, 6); t = t.addSecs(300))
        ticks.append(t); // jumped forward eight hours, across the DST change

    QDateTime last;
    QList<QDateTime> decided;
    int due = 0;
    for (const QDateTime &now : ticks) {
        const CatchUpDecision d = decideCatchUp(r, catchUp, {enabled, last, now});
        for (const QList<Firing> *list : {&d.due, &d.skipped, &d.ask}) {
            for (const Firing &f : *list) {
                QVERIFY2(!decided.contains(f.at), qPrintable(f.at.toString(Qt::ISODate)));
                QVERIFY(f.at <= now);
                decided.append(f.at);
            }
        }
        due += int(d.due.size());
        last = d.coveredUntil;
    }
    // Everything up to the last tick was decided, nothing more, nothing twice.
    const QList<Firing> expected = r.firingsBetween(enabled, ticks.back().addSecs(1));
    std::sort(decided.begin(), decided.end());
    QCOMPARE(decided, instants(expected));
    QVERIFY(due > 0 || CatchUpPolicy(policy) != CatchUpPolicy::FireOnceLate);
}

QTEST_GUILESS_MAIN(tst_CatchUp)
#include "tst_catchup.moc"
