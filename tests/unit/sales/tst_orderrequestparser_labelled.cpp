// The parser against the labelled group-chat messages (tests/data/sales/requests.jsonl):
// prints the accuracy figures and fails below the bar. The holdout file, written after
// the parser, is printed but not gated: it shows how much the parser overfits.
#include "LabelledSet.h"

#include <QTest>

using namespace Qt::StringLiterals;
using chorus::sales::test::LabelledSet;
using chorus::sales::test::Scores;

class tst_OrderRequestParserLabelled : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void labelledSet();
    void holdout();

private:
    static QString dataDir() { return qEnvironmentVariable("CHORUS_TEST_DATA") + u"/sales"_s; }
    static void print(const QString &prefix, const Scores &scores);
};

void tst_OrderRequestParserLabelled::print(const QString &prefix, const Scores &scores)
{
    for (const QString &mistake : scores.mistakes)
        qInfo().noquote() << prefix + u"miss "_s + mistake;
    const auto line = [&](const char *name, double value) {
        // Exactly "name: 0.NN" on stdout, for CI to pick up.
        printf("%s%s: %.2f\n", qPrintable(prefix), name, value);
    };
    line("item_accuracy", scores.itemAccuracy());
    line("quantity_accuracy", scores.quantityAccuracy());
    line("date_accuracy", scores.dateAccuracy());
    line("false_positive_rate", scores.falsePositiveRate());
    printf(
        "%s(requests %d, non-requests %d, recall %.2f, date accuracy on the %d with a date %.2f)\n",
        qPrintable(prefix.isEmpty() ? prefix : prefix.chopped(1) + u": "_s), scores.requests,
        scores.nonRequests, scores.recall(), scores.withDate,
        scores.withDate ? double(scores.withDateRight) / scores.withDate : 0.0);
    fflush(stdout);
}

void tst_OrderRequestParserLabelled::labelledSet()
{
    QString error;
    const auto set = LabelledSet::load(dataDir(), u"requests.jsonl"_s, &error);
    QVERIFY2(set, qPrintable(error));
    QVERIFY2(set->size() >= 100, "the labelled set must have at least 100 messages");
    const Scores scores = set->evaluate();
    QVERIFY(scores.requests > 0 && scores.nonRequests > 0);
    print(QString(), scores);
    QVERIFY2(scores.itemAccuracy() >= 0.90, "item accuracy below 0.90");
    QVERIFY2(scores.quantityAccuracy() >= 0.90, "quantity accuracy below 0.90");
    QVERIFY2(scores.dateAccuracy() >= 0.90, "date accuracy below 0.90");
    QVERIFY2(scores.falsePositiveRate() <= 0.10, "false-positive rate above 0.10");
}

void tst_OrderRequestParserLabelled::holdout()
{
    QString error;
    const auto set = LabelledSet::load(dataDir(), u"holdout.jsonl"_s, &error);
    if (!set)
        QSKIP(qPrintable(u"no holdout set: "_s + error));
    print(u"holdout_"_s, set->evaluate());
}

QTEST_GUILESS_MAIN(tst_OrderRequestParserLabelled)
#include "tst_orderrequestparser_labelled.moc"
