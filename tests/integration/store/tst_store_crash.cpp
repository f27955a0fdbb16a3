// Crash safety: a writer process (store_helper) is killed with SIGKILL at random points,
// 100 times, over one growing store. After each kill the file passes integrity_check,
// every batch is wholly present or wholly absent (its messages, the corrections and
// retractions it applied, and a feature module's row written in the same transaction),
// and every batch the writer saw committed is there.

#include "../../unit/store/StoreTestSupport.h"

#include <QProcess>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;
using namespace chorus;
using namespace chorus::store;
using namespace chorus::store::test;

class tst_StoreCrash : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void killedWriterLeavesWholeBatches();
};

void tst_StoreCrash::killedWriterLeavesWholeBatches()
{
    const quint32 seed = qEnvironmentVariableIsSet("CHORUS_CRASH_SEED")
        ? quint32(qEnvironmentVariableIntValue("CHORUS_CRASH_SEED"))
        : QRandomGenerator::global()->generate();
    qInfo("seed %u (set CHORUS_CRASH_SEED to repeat)", seed);
    QRandomGenerator random(seed);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"crash.sqlite"_s);
    QSet<int> committed;
    int killedMidWrite = 0;

    for (int run = 0; run < 100; ++run) {
        QProcess writer;
        writer.setProgram(QStringLiteral(STORE_HELPER));
        writer.setArguments({u"write"_s, path, QString::number(run * 1000)});
        writer.setProcessChannelMode(QProcess::SeparateChannels);
        writer.start();
        QVERIFY2(writer.waitForStarted(5000), qPrintable(writer.errorString()));
        // Kill at a random moment: every fourth run anywhere from start-up (open,
        // migration) on, the others once it is writing (mid-batch, mid-commit,
        // mid-checkpoint).
        QByteArray early;
        if (run % 4 != 0) {
            while (!early.contains("committed") && writer.waitForReadyRead(5000))
                early += writer.readAllStandardOutput();
        }
        QThread::msleep(random.bounded(0, 60));
        writer.kill(); // SIGKILL
        QVERIFY(writer.waitForFinished(5000));
        const QList<QByteArray> lines = (early + writer.readAllStandardOutput()).split('\n');
        const QByteArray errors = writer.readAllStandardError();
        QVERIFY2(errors.isEmpty() || !errors.contains("error"), errors.constData());
        for (const QByteArray &line : lines) {
            QVERIFY2(!line.startsWith("error"), line.constData());
            if (line.startsWith("committed "))
                committed.insert(line.mid(10).toInt());
        }
        if (writer.exitStatus() == QProcess::CrashExit && lines.size() > 1)
            ++killedMidWrite;

        if (!QFile::exists(path))
            continue; // killed before the file was created
        Database db({path});
        const auto opened = db.open();
        QVERIFY2(opened.ok(), opened ? "" : qPrintable(opened.error().toString()));
        const auto problems = db.integrityCheck();
        STORE_VERIFY(problems);
        QVERIFY2(problems.value().isEmpty(), qPrintable(problems.value().join(u'\n')));

        // Whole batches only.
        QHash<int, int> rowsPerBatch;
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(u"SELECT stanza_id FROM messages"_s));
        while (q.next()) {
            const QString id = q.value(0).toString(); // b<k>-<i>
            rowsPerBatch[id.mid(1, id.indexOf(u'-') - 1).toInt()] += 1;
        }
        QHash<int, int> recorded;
        if (db.moduleVersion(u"crashtest"_s) > 0) {
            QVERIFY(q.exec(u"SELECT k, messages FROM crashtest_batches"_s));
            while (q.next())
                recorded.insert(q.value(0).toInt(), q.value(1).toInt());
        }
        for (auto it = rowsPerBatch.cbegin(); it != rowsPerBatch.cend(); ++it) {
            QVERIFY2(it.value() == 20, qPrintable(u"batch %1 has %2 of 20 messages"_s.arg(it.key()).arg(it.value())));
            QVERIFY2(recorded.value(it.key()) == 20, qPrintable(u"batch %1 not recorded"_s.arg(it.key())));
        }
        QCOMPARE(recorded.size(), rowsPerBatch.size());
        for (const int k : std::as_const(committed))
            QVERIFY2(rowsPerBatch.contains(k), qPrintable(u"committed batch %1 is missing"_s.arg(k)));
        // Corrections and retractions came with their batch.
        QVERIFY(q.exec(u"SELECT count(*) FROM messages WHERE action = 0 AND stanza_id LIKE '%-0' "
                       "AND body NOT LIKE 'corrected %'"_s));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        q.finish();
        if (run % 25 == 24)
            STORE_VERIFY_SEARCH_INDEX(db);
    }
    qInfo("%d batches committed; %d kills landed after the first commit of their run",
          int(committed.size()), killedMidWrite);
    QVERIFY(killedMidWrite >= 50); // the kills were not all before writing started
}

QTEST_GUILESS_MAIN(tst_StoreCrash)
#include "tst_store_crash.moc"
