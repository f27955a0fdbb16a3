// What goes wrong with files: a damaged or foreign file, a newer schema, a read-only
// directory, a full disk, a lock held by another program. Each gives a typed error the
// operator can act on, nothing crashes, and nothing already stored is lost.
//
// Root ignores file permissions, and CI runs as root: the read-only cases run the store
// in a child process (store_helper) that drops to uid 65534 first, so the directory's
// mode really applies. The full disk is the shell's `ulimit -f` (RLIMIT_FSIZE) in a child:
// writes past it fail with EFBIG, as a full disk fails them with ENOSPC.

#include "../../unit/store/StoreTestSupport.h"

#include "store/AsyncStore.h"

#include <QProcess>
#include <QRandomGenerator>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace chorus;
using namespace chorus::store;
using namespace chorus::store::test;

namespace {

const QString kRoom = u"yoga@conference.example.org"_s;

QList<chat::Message> messages(int count, const QString &prefix = u"m"_s)
{
    QList<chat::Message> out;
    for (int i = 0; i < count; ++i)
        out << Msg(kRoom, u"message %1 with some text to fill pages 报名 %2"_s.arg(i).arg(
                              QString(i % 50, u'z')),
                   i)
                   .stanza(prefix + QString::number(i));
    return out;
}

struct HelperRun
{
    QList<QByteArray> lines;
    int exitCode = -1;
    bool crashed = true;
    QByteArray errorLine() const
    {
        for (const QByteArray &line : lines)
            if (line.startsWith("error "))
                return line;
        return {};
    }
};

HelperRun runHelper(const QStringList &args)
{
    QProcess helper;
    helper.start(QStringLiteral(STORE_HELPER), args);
    HelperRun run;
    if (!helper.waitForFinished(60000)) {
        helper.kill();
        helper.waitForFinished();
        return run;
    }
    run.lines = helper.readAllStandardOutput().split('\n');
    run.exitCode = helper.exitCode();
    run.crashed = helper.exitStatus() != QProcess::NormalExit;
    return run;
}

// Makes the store's files and folder readable by the unprivileged child.
void shareReadOnly(const QString &dir)
{
    ::chmod(QFile::encodeName(dir).constData(), 0755);
    for (const QString &name : QDir(dir).entryList(QDir::Files))
        ::chmod(QFile::encodeName(dir + u'/' + name).constData(), 0644);
}

} // namespace

class tst_StoreFailures : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void garbageFileIsRefusedUntouched();
    void damagedPagesGiveCorruptErrorsNotCrashes();
    void newerSchemaReachesTheAsyncCaller();
    void readOnlyFolderNewStore();
    void readOnlyFolderExistingStore();
    void readOnlyFolderWritableFile();
    void fullDisk();
    void lockedByAnotherProgram();
};

void tst_StoreFailures::garbageFileIsRefusedUntouched()
{
    TempStore store;
    QFile file(store.path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray junk(64 * 1024, Qt::Uninitialized);
    QRandomGenerator(7).fillRange(reinterpret_cast<quint32 *>(junk.data()), junk.size() / 4);
    file.write(junk);
    file.close();
    const QByteArray before = fingerprint(store.path);
    const auto opened = store.open();
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, StoreError::Code::Corrupt);
    QVERIFY(opened.error().message.contains(u"damaged"_s));
    QCOMPARE(fingerprint(store.path), before);
}

void tst_StoreFailures::damagedPagesGiveCorruptErrorsNotCrashes()
{
    TempStore store;
    STORE_VERIFY(store.open());
    STORE_VERIFY(store.s().messages().ingest(messages(3000)));
    store.close(); // checkpoints: everything is in the main file now
    QVERIFY(!QFile::exists(store.path + u"-wal"_s) || QFileInfo(store.path + u"-wal"_s).size() == 0);
    {
        // Overwrite a stretch of pages in the middle of the file, as a failing disk would.
        QFile file(store.path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 pages = file.size() / 4096;
        QRandomGenerator random(11);
        for (qint64 page = pages / 3; page < pages / 3 + 8; ++page) {
            QByteArray junk(4096, Qt::Uninitialized);
            random.fillRange(reinterpret_cast<quint32 *>(junk.data()), junk.size() / 4);
            file.seek(page * 4096);
            file.write(junk);
        }
    }
    // Open may succeed (page 1 is intact); whatever touches the damage reports Corrupt.
    const auto opened = store.open();
    if (!opened) {
        QCOMPARE(opened.error().code, StoreError::Code::Corrupt);
        return;
    }
    int corrupt = 0;
    const auto note = [&](const auto &result) {
        if (!result) {
            QCOMPARE(result.error().code, StoreError::Code::Corrupt);
            QVERIFY(result.error().message.contains(u"damaged"_s));
            ++corrupt;
        }
    };
    note(store.s().messages().count());
    note(store.s().messages().timeline(kRoom, Direction::Forward, {}, 5000));
    SearchQuery q;
    q.text = u"报名"_s;
    note(store.s().search().search(q));
    q.text = u"message"_s;
    note(store.s().search().search(q));
    note(store.s().messages().ingest(messages(50, u"new"_s)));
    const auto problems = store.db->integrityCheck();
    if (problems && !problems.value().isEmpty())
        ++corrupt;
    note(problems);
    QVERIFY(corrupt > 0);
}

void tst_StoreFailures::newerSchemaReachesTheAsyncCaller()
{
    TempStore store;
    STORE_VERIFY(store.open());
    STORE_VERIFY(store.s().messages().ingest(messages(10)));
    QVERIFY(store.db->execute({u"PRAGMA user_version = 99"_s}) == std::nullopt);
    store.close();
    const QByteArray before = fingerprint(store.path);
    AsyncStore::Options options;
    options.database.path = store.path;
    {
        AsyncStore async(options);
        auto task = async.open();
        task.waitForFinished();
        QVERIFY(!task.result());
        QCOMPARE(task.result().error().code, StoreError::Code::NewerSchema);
    }
    QCOMPARE(fingerprint(store.path), before);
}

void tst_StoreFailures::readOnlyFolderNewStore()
{
    QTemporaryDir dir;
    ::chmod(QFile::encodeName(dir.path()).constData(), 0555);
    const QString path = dir.filePath(u"new.sqlite"_s);
    const HelperRun run = runHelper({u"--as-nobody"_s, u"probe"_s, path});
    ::chmod(QFile::encodeName(dir.path()).constData(), 0755);
    QVERIFY(!run.crashed);
    QVERIFY2(run.errorLine().startsWith("error ReadOnly "), run.lines.join('\n').constData());
    QVERIFY(run.errorLine().contains("not mounted read-only"));
    QVERIFY(!QFile::exists(path));
}

void tst_StoreFailures::readOnlyFolderExistingStore()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"store.sqlite"_s);
    {
        TempStore store;
        store.path = path;
        STORE_VERIFY(store.open());
        STORE_VERIFY(store.s().messages().ingest(messages(200)));
    }
    shareReadOnly(dir.path()); // folder and files: read, no write (for uid 65534)
    const QByteArray before = fingerprint(path);
    const HelperRun run = runHelper({u"--as-nobody"_s, u"probe"_s, path});
    QVERIFY(!run.crashed);
    QVERIFY2(run.errorLine().startsWith("error ReadOnly "), run.lines.join('\n').constData());
    QCOMPARE(fingerprint(path), before);
    TempStore store; // nothing lost
    store.path = path;
    STORE_VERIFY(store.open());
    QCOMPARE(store.s().messages().count().value(), 200);
}

void tst_StoreFailures::readOnlyFolderWritableFile()
{
    // The file may be written but its folder not: the WAL cannot be created next to it.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"store.sqlite"_s);
    {
        TempStore store;
        store.path = path;
        STORE_VERIFY(store.open());
        STORE_VERIFY(store.s().messages().ingest(messages(20)));
    }
    shareReadOnly(dir.path());
    ::chmod(QFile::encodeName(path).constData(), 0666);
    const HelperRun run = runHelper({u"--as-nobody"_s, u"probe"_s, path});
    QVERIFY(!run.crashed);
    QVERIFY2(run.errorLine().startsWith("error ReadOnly "), run.lines.join('\n').constData());
    TempStore store;
    store.path = path;
    STORE_VERIFY(store.open());
    QCOMPARE(store.s().messages().count().value(), 20);
}

void tst_StoreFailures::fullDisk()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"store.sqlite"_s);
    {
        TempStore store;
        store.path = path;
        STORE_VERIFY(store.open());
        STORE_VERIFY(store.s().messages().ingest(messages(500)));
    }
    const qint64 size = QFileInfo(path).size();
    const HelperRun run = runHelper({u"fill"_s, path, QString::number(size + 400 * 1024)});
    QVERIFY2(!run.crashed && run.exitCode == 0, run.lines.join('\n').constData());
    QVERIFY2(run.errorLine().startsWith("error DiskFull "), run.lines.join('\n').constData());
    QVERIFY(run.errorLine().contains("free some space"));
    QSet<int> committed;
    for (const QByteArray &line : run.lines)
        if (line.startsWith("committed "))
            committed.insert(line.mid(10).toInt());
    // After the failure the child could still read everything it had.
    qint64 readable = -1;
    for (const QByteArray &line : run.lines)
        if (line.startsWith("readable "))
            readable = line.mid(9).toLongLong();
    QVERIFY(!committed.isEmpty()); // it wrote before the limit, then failed cleanly

    // Space again: everything is there, the file is sound, writing resumes.
    TempStore store;
    store.path = path;
    STORE_VERIFY(store.open());
    const auto problems = store.db->integrityCheck();
    STORE_VERIFY(problems);
    QVERIFY2(problems.value().isEmpty(), qPrintable(problems.value().join(u'\n')));
    const auto count = store.s().messages().count(kRoom);
    STORE_VERIFY(count);
    QCOMPARE(count.value(), 500);
    QCOMPARE(store.s().messages().count().value(), readable);
    QSqlQuery q(store.db->connection());
    QVERIFY(q.exec(u"SELECT count(*) FROM messages WHERE stanza_id LIKE 'b%'"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), 20 * int(committed.size()));
    q.finish();
    STORE_VERIFY(store.s().messages().ingest(messages(10, u"after"_s)));
    STORE_VERIFY_SEARCH_INDEX(*store.db);
}

void tst_StoreFailures::lockedByAnotherProgram()
{
    TempStore store;
    STORE_VERIFY(store.open());
    STORE_VERIFY(store.s().messages().ingest(messages(5)));
    store.close();
    // Another program holds the write lock (a second Chorus on the same profile).
    QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"other"_s);
    other.setDatabaseName(store.path);
    QVERIFY(other.open());
    QSqlQuery hold(other);
    QVERIFY(hold.exec(u"BEGIN IMMEDIATE"_s));
    QVERIFY(hold.exec(u"INSERT INTO schema_modules VALUES ('x', 1, 0)"_s));

    store.db = std::make_unique<Database>(Database::Options{store.path, false, 200});
    STORE_VERIFY(store.db->open()); // reading is not blocked (WAL)
    store.session = std::make_unique<StoreSession>(*store.db);
    const auto blocked = store.s().messages().ingest(messages(5, u"later"_s));
    QVERIFY(!blocked);
    QCOMPARE(blocked.error().code, StoreError::Code::Locked);
    QVERIFY(blocked.error().message.contains(u"another program"_s));
    QCOMPARE(store.s().messages().count().value(), 5);

    QVERIFY(hold.exec(u"ROLLBACK"_s));
    hold.finish();
    other.close();
    other = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"other"_s);
    const auto retried = store.s().messages().ingest(messages(5, u"later"_s));
    STORE_VERIFY(retried);
    QCOMPARE(store.s().messages().count().value(), 10);
}

QTEST_GUILESS_MAIN(tst_StoreFailures)
#include "tst_store_failures.moc"
