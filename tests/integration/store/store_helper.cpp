// A child process for the store's failure tests, doing what the app's writer does.
//
//   store_helper write <db> <firstBatch>   ingest batch after batch forever, printing
//                                           "committed <k>" after each commit (to be killed)
//   store_helper probe <db>                open, store one message, print the outcome
//   store_helper fill <db> <maxFileBytes>  with RLIMIT_FSIZE set, ingest until it fails
//   --as-nobody                            drop root to uid/gid 65534 first (so that file
//                                           permissions apply; root ignores them)

#include "store/Database.h"
#include "store/StoreSession.h"

#include <QCoreApplication>

#include <csignal>
#include <cstdio>

#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace chorus;
using namespace chorus::store;

namespace {

constexpr int kPerBatch = 20;

// Each batch also records itself in a feature module's table, in the same transaction,
// so that "all or nothing" spans tables.
SchemaModule crashModule()
{
    return {u"crashtest"_s,
            {{1, u"batches"_s,
              {u"CREATE TABLE crashtest_batches (k INTEGER PRIMARY KEY, messages INTEGER)"_s},
              {}}}};
}

QList<chat::Message> batch(int k)
{
    QList<chat::Message> out;
    const QString room = u"crash%1@conference.example.org"_s.arg(k % 5);
    for (int i = 0; i < kPerBatch; ++i) {
        chat::Message m;
        m.groupId = room;
        m.stanzaId = u"b%1-%2"_s.arg(k).arg(i);
        m.archiveId = room;
        m.originId = u"o%1-%2"_s.arg(k).arg(i);
        m.id = m.originId;
        m.senderNick = u"member%1"_s.arg(i % 7);
        m.senderOccupantId = u"occ-%1"_s.arg(i % 7);
        m.timestamp = QDateTime::fromMSecsSinceEpoch(1704067200000LL + qint64(k) * 60000 + i * 1000,
                                                     Qt::UTC);
        m.body = u"batch %1 message %2 报名参加 refund 明天见 %3"_s.arg(k).arg(i).arg(QString(i * 7, u'x'));
        if (i == kPerBatch - 2) { // its author corrects this batch's first message
            m.replacesId = u"o%1-0"_s.arg(k);
            m.body = u"corrected %1"_s.arg(k);
            m.senderNick = u"member0"_s;
            m.senderOccupantId = u"occ-0"_s;
        }
        if (i == kPerBatch - 1 && k % 3 == 0) // a retraction of its second one
            m.retractsId = u"b%1-1"_s.arg(k);
        out << m;
    }
    return out;
}

void print(const char *line)
{
    std::fputs(line, stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void printError(const StoreError &error)
{
    print(qPrintable(u"error %1 %2 | %3"_s.arg(codeName(error.code), error.message, error.detail)));
}

std::optional<StoreError> writeBatch(Database &db, StoreSession &session, int k)
{
    Transaction transaction(db);
    if (auto error = transaction.begin())
        return error;
    const auto result = session.messages().ingest(batch(k)); // a savepoint inside
    if (!result)
        return result.error();
    if (auto error = db.execute({u"INSERT INTO crashtest_batches VALUES (%1, %2)"_s.arg(k).arg(
            result.value().inserted)}))
        return error;
    return transaction.commit();
}

int write(const QString &path, int first)
{
    Database db({path});
    db.addModule(crashModule());
    if (const auto opened = db.open(); !opened) {
        printError(opened.error());
        return 2;
    }
    // Checkpoints often, so that kills also land in the middle of one.
    db.execute({u"PRAGMA wal_autocheckpoint = 40"_s});
    StoreSession session(db);
    for (int k = first; k < first + 100000; ++k) {
        if (auto error = writeBatch(db, session, k)) {
            printError(*error);
            return 3;
        }
        print(qPrintable(u"committed %1"_s.arg(k)));
    }
    return 0;
}

int probe(const QString &path)
{
    Database db({path});
    if (const auto opened = db.open(); !opened) {
        printError(opened.error());
        return 0;
    }
    print("opened");
    StoreSession session(db);
    chat::Message m = batch(0).first();
    m.stanzaId = u"probe"_s;
    m.originId.clear();
    const auto result = session.messages().ingest({m});
    if (!result)
        printError(result.error());
    else
        print("stored");
    return 0;
}

int fill(const QString &path, qint64 maxFileBytes)
{
    // The shell's `ulimit -f`: writes beyond it fail with EFBIG (SIGXFSZ ignored, as a
    // full disk gives ENOSPC without a signal).
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit limit{rlim_t(maxFileBytes), rlim_t(maxFileBytes)};
    if (setrlimit(RLIMIT_FSIZE, &limit) != 0) {
        print("setrlimit failed");
        return 4;
    }
    Database db({path});
    db.addModule(crashModule());
    if (const auto opened = db.open(); !opened) {
        printError(opened.error());
        return 0;
    }
    StoreSession session(db);
    for (int k = 1000000; k < 1100000; ++k) {
        if (auto error = writeBatch(db, session, k)) {
            printError(*error);
            // Still usable for reading after the failure.
            const auto count = session.messages().count();
            print(count ? qPrintable(u"readable %1"_s.arg(count.value())) : "unreadable");
            return 0;
        }
        print(qPrintable(u"committed %1"_s.arg(k)));
    }
    print("never filled");
    return 5;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    if (args.removeAll(u"--as-nobody"_s) > 0 && geteuid() == 0) {
        if (setgid(65534) != 0 || setuid(65534) != 0) {
            print("cannot drop privileges");
            return 6;
        }
    }
    if (args.size() >= 3 && args.at(0) == u"write")
        return write(args.at(1), args.at(2).toInt());
    if (args.size() >= 2 && args.at(0) == u"probe")
        return probe(args.at(1));
    if (args.size() >= 3 && args.at(0) == u"fill")
        return fill(args.at(1), args.at(2).toLongLong());
    std::fprintf(stderr, "usage: store_helper write|probe|fill ...\n");
    return 1;
}
