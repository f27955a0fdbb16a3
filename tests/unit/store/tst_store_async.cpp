// AsyncStore: every call returns at once; results come back on the caller's thread; the
// reader answers while the writer is busy; queued work finishes before shutdown; feature
// repositories run on the store's connections.

#include "StoreTestSupport.h"

#include "store/AsyncStore.h"

#include <QElapsedTimer>

#include <sqlite3.h>
#include <QEventLoop>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace chorus;
using namespace chorus::store;
using namespace chorus::store::test;

namespace {

const QString kRoom = u"yoga@conference.example.org"_s;

QList<chat::Message> manyMessages(int count, int first = 0)
{
    QList<chat::Message> out;
    for (int i = first; i < first + count; ++i)
        out << Msg(kRoom, u"message %1 about 报名 and refunds"_s.arg(i), i).stanza(u"s%1"_s.arg(i));
    return out;
}

template <typename T>
Expected<T, StoreError> wait(const Task<T, StoreError> &task, int timeoutMs = 60000)
{
    QElapsedTimer timer;
    timer.start();
    while (!task.isFinished() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    if (!task.isFinished())
        return StoreError::make(StoreError::Code::Internal, {}, u"timed out"_s);
    return task.result();
}

// A feature's repository: built once per connection by StoreSession::repository<>().
struct CounterRepository
{
    static inline QAtomicInt constructed = 0;
    explicit CounterRepository(Database &db) : db(db) { constructed.ref(); }
    Database &db;
    int calls = 0;
};

} // namespace

class tst_StoreAsync : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void resultsArriveOnTheCallersThread();
    void callsNeverBlockTheCaller();
    void readerAnswersWhileWriterIsBusy();
    void writesAreOrdered();
    void queuedBatchesAreStoredTogetherInOrder();
    void featureRepositoryRunsOnTheStoreThreads();
    void failedOpenGivesTypedErrors();
    void queuedWorkFinishesBeforeShutdown();
};

void tst_StoreAsync::resultsArriveOnTheCallersThread()
{
    QTemporaryDir dir;
    AsyncStore::Options options;
    options.database.path = dir.filePath(u"a.sqlite"_s);
    AsyncStore store(options);
    STORE_VERIFY(wait(store.open()));
    QObject context;
    QThread *seenOn = nullptr;
    int hits = -1;
    bool ingested = false;
    store.ingest(manyMessages(10))
        .then(&context, [&](const Expected<IngestResult, StoreError> &r) {
            ingested = r.ok();
            SearchQuery q;
            q.text = u"报名"_s;
            return store.search(q);
        })
        .unwrap()
        .then(&context, [&](const Expected<SearchPage, StoreError> &page) {
            seenOn = QThread::currentThread();
            hits = page ? int(page.value().hits.size()) : -2;
        });
    QTRY_COMPARE(hits, 10);
    QVERIFY(ingested);
    QCOMPARE(seenOn, QThread::currentThread());
}

void tst_StoreAsync::callsNeverBlockTheCaller()
{
    QTemporaryDir dir;
    AsyncStore::Options options;
    options.database.path = dir.filePath(u"a.sqlite"_s);
    AsyncStore store(options);
    STORE_VERIFY(wait(store.open()));
    const QList<chat::Message> batch = manyMessages(30000);
    QElapsedTimer timer;
    timer.start();
    const auto task = store.ingest(batch);
    const qint64 callMs = timer.elapsed();
    // The event loop keeps turning while SQLite works.
    int ticks = 0;
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, [&] { ++ticks; });
    ticker.start(2);
    int ticksBeforeDone = -1;
    while (!task.isFinished()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        ticksBeforeDone = ticks;
    }
    QVERIFY2(callMs < 100, qPrintable(u"ingest() took %1 ms to return"_s.arg(callMs)));
    QVERIFY2(ticksBeforeDone >= 3, qPrintable(u"only %1 ticks while ingesting"_s.arg(ticksBeforeDone)));
    QCOMPARE(task.result().value().inserted, 30000);
}

void tst_StoreAsync::readerAnswersWhileWriterIsBusy()
{
    QTemporaryDir dir;
    AsyncStore::Options options;
    options.database.path = dir.filePath(u"a.sqlite"_s);
    AsyncStore store(options);
    STORE_VERIFY(wait(store.open()));
    STORE_VERIFY(wait(store.ingest(manyMessages(100))));
    // A long write holds the writer; a search and a timeline still answer meanwhile.
    const auto longWrite = store.write<Done>([](StoreSession &) -> Expected<Done, StoreError> {
        QThread::msleep(1500);
        return Done{};
    });
    SearchQuery q;
    q.text = u"refunds"_s;
    const auto search = store.search(q);
    const auto timeline = store.timeline(kRoom, Direction::Backward, {}, 10);
    const auto found = wait(search);
    STORE_VERIFY(found);
    QCOMPARE(found.value().ranked, 100);
    STORE_VERIFY(wait(timeline));
    QVERIFY(!longWrite.isFinished());
    STORE_VERIFY(wait(longWrite));
}

void tst_StoreAsync::writesAreOrdered()
{
    QTemporaryDir dir;
    AsyncStore::Options options;
    options.database.path = dir.filePath(u"a.sqlite"_s);
    AsyncStore store(options);
    const auto opened = store.open();
    // Submitted without waiting: each sees the ones before it.
    const auto first = store.ingest(manyMessages(5, 0));
    const auto second = store.ingest(manyMessages(5, 5));
    const auto last = store.lastStanzaId(kRoom);
    STORE_VERIFY(wait(opened));
    STORE_VERIFY(wait(first));
    STORE_VERIFY(wait(second));
    const auto id = wait(last);
    STORE_VERIFY(id);
    QCOMPARE(id.value(), u"s9"_s);
    chat::Group g;
    g.id = kRoom;
    g.name = u"Yoga"_s;
    const auto saved = store.saveGroups({g});
    const auto members = store.saveMembers({});
    STORE_VERIFY(wait(saved));
    STORE_VERIFY(wait(members));
    const auto groups = wait(store.groups());
    STORE_VERIFY(groups);
    QCOMPARE(groups.value().at(0).name, u"Yoga"_s);
    const auto list = wait(store.members(kRoom));
    STORE_VERIFY(list);
    QCOMPARE(list.value().size(), 1); // the sender of the ingested messages
}

void tst_StoreAsync::queuedBatchesAreStoredTogetherInOrder()
{
    QTemporaryDir dir;
    AsyncStore::Options options;
    options.database.path = dir.filePath(u"a.sqlite"_s);
    AsyncStore store(options);
    STORE_VERIFY(wait(store.open()));
    // Count the writer's commits, and hold it so that everything below queues up.
    static QAtomicInt commits;
    commits = 0;
    const auto hold = store.write<Done>([](StoreSession &s) -> Expected<Done, StoreError> {
        sqlite3_commit_hook(
            s.database().handle(), [](void *) { commits.ref(); return 0; }, nullptr);
        QThread::msleep(300);
        return Done{};
    });
    QList<Task<IngestResult, StoreError>> tasks;
    for (int b = 0; b < 10; ++b)
        tasks << store.ingest(manyMessages(300, b * 300)); // 3,000: two transactions
    tasks << store.ingest(manyMessages(300, 9 * 300));       // a repeat: all duplicates
    // A write in between sees exactly what was submitted before it.
    const auto between = store.write<qint64>([](StoreSession &s) { return s.messages().count(); });
    tasks << store.ingest(manyMessages(5, 5000));
    STORE_VERIFY(wait(hold));
    QSet<qint64> ids;
    for (int b = 0; b < 10; ++b) {
        const auto r = wait(tasks.at(b));
        STORE_VERIFY(r);
        QCOMPARE(r.value().inserted, 300);
        QCOMPARE(r.value().duplicates, 0);
        for (const qint64 id : r.value().ids)
            ids.insert(id);
    }
    QCOMPARE(ids.size(), 3000);
    const auto repeat = wait(tasks.at(10));
    STORE_VERIFY(repeat);
    QCOMPARE(repeat.value().duplicates, 300);
    QCOMPARE(repeat.value().inserted, 0);
    const auto seen = wait(between);
    STORE_VERIFY(seen);
    QCOMPARE(seen.value(), 3000);
    const auto last = wait(tasks.at(11));
    STORE_VERIFY(last);
    QCOMPARE(last.value().inserted, 5);
    // 12 batches, 3 transactions: 2,000 + 1,300 messages, then the one after the write.
    QCOMPARE(int(commits), 3);
}

void tst_StoreAsync::featureRepositoryRunsOnTheStoreThreads()
{
    QTemporaryDir dir;
    AsyncStore::Options options;
    options.database.path = dir.filePath(u"a.sqlite"_s);
    options.modules = {{u"counter"_s, {{1, u"counts"_s, {u"CREATE TABLE counter_hits (n)"_s}, {}}}}};
    AsyncStore store(options);
    STORE_VERIFY(wait(store.open()));
    CounterRepository::constructed = 0;
    QThread *ranOn = nullptr;
    for (int i = 0; i < 3; ++i) {
        const auto written = wait(store.write<int>([&](StoreSession &s) -> Expected<int, StoreError> {
            ranOn = QThread::currentThread();
            CounterRepository &repo = s.repository<CounterRepository>();
            if (auto error = repo.db.execute({u"INSERT INTO counter_hits VALUES (1)"_s}))
                return *error;
            return ++repo.calls;
        }));
        STORE_VERIFY(written);
        QCOMPARE(written.value(), i + 1);
    }
    QVERIFY(ranOn != QThread::currentThread());
    const auto read = wait(store.read<qint64>([](StoreSession &s) -> Expected<qint64, StoreError> {
        const auto n = s.database().scalar(u"SELECT count(*) FROM counter_hits"_s);
        if (!n)
            return n.error();
        return n.value().toLongLong();
    }));
    STORE_VERIFY(read);
    QCOMPARE(read.value(), 3);
    QCOMPARE(int(CounterRepository::constructed), 1); // writer only; the read used SQL
    // The reader cannot write.
    const auto denied = wait(store.read<Done>([](StoreSession &s) -> Expected<Done, StoreError> {
        if (auto error = s.database().execute({u"INSERT INTO counter_hits VALUES (2)"_s}))
            return *error;
        return Done{};
    }));
    QVERIFY(!denied);
    QCOMPARE(denied.error().code, StoreError::Code::ReadOnly);
}

void tst_StoreAsync::failedOpenGivesTypedErrors()
{
    QTemporaryDir dir;
    AsyncStore::Options options;
    options.database.path = dir.filePath(u"missing/dir/a.sqlite"_s);
    AsyncStore store(options);
    const auto opened = wait(store.open());
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, StoreError::Code::CannotOpen);
    QVERIFY(opened.error().message.contains(u"missing/dir/a.sqlite"_s));
    const auto ingest = wait(store.ingest(manyMessages(1)));
    QVERIFY(!ingest);
    QCOMPARE(ingest.error().code, StoreError::Code::Closed);
    SearchQuery q;
    q.text = u"x"_s;
    QCOMPARE(wait(store.search(q)).error().code, StoreError::Code::Closed);
}

void tst_StoreAsync::queuedWorkFinishesBeforeShutdown()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"a.sqlite"_s);
    Task<IngestResult, StoreError> pending;
    {
        AsyncStore::Options options;
        options.database.path = path;
        AsyncStore store(options);
        store.open();
        pending = store.ingest(manyMessages(2000));
    } // destroyed at once, with the ingest still queued
    QVERIFY(pending.isFinished());
    STORE_VERIFY(pending.result());
    QCOMPARE(pending.result().value().inserted, 2000);
    TempStore check;
    check.path = path;
    STORE_VERIFY(check.open());
    QCOMPARE(check.s().messages().count().value(), 2000);
}

QTEST_GUILESS_MAIN(tst_StoreAsync)
#include "tst_store_async.moc"
