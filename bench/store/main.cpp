// bench_store --messages N [--groups G] [--pages P] [--queries Q] [--dir DIR] [--reuse]
//
// Measures the local store on a synthetic history (see Corpus.h): ingest rate into WAL +
// both FTS5 indexes, ranked search latency (p50/p95 over realistic queries, run on a
// reader connection as the app does), and open-to-first-query time for the profile
// (open + migrate check, group list, newest page of a timeline) through AsyncStore.
// Prints details, then one JSON object on the last line.

#include "Corpus.h"

#include "store/AsyncStore.h"
#include "store/Database.h"
#include "store/StoreSession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <deque>

using namespace Qt::StringLiterals;
using namespace chorus;

namespace {

[[noreturn]] void fail(const QString &what, const store::StoreError &error)
{
    std::fprintf(stderr, "%s: %s\n", qPrintable(what), qPrintable(error.toString()));
    std::exit(1);
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t at = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values[at];
}

QString methodName(store::SearchPage::Method m)
{
    switch (m) {
    case store::SearchPage::Method::Index: return u"index"_s;
    case store::SearchPage::Method::RecentScan: return u"scan"_s;
    }
    return {};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption messagesOpt(u"messages"_s, u"Messages to ingest."_s, u"N"_s, u"100000"_s);
    const QCommandLineOption groupsOpt(u"groups"_s, u"Groups in the profile."_s, u"G"_s, u"1000"_s);
    const QCommandLineOption batchOpt(u"pages"_s, u"Queue depth, in units of 50 MAM pages."_s,
                                      u"P"_s, u"1"_s);
    const QCommandLineOption queriesOpt(u"queries"_s, u"Timed searches."_s, u"Q"_s, u"400"_s);
    const QCommandLineOption dirOpt(u"dir"_s, u"Keep the database in DIR."_s, u"DIR"_s);
    const QCommandLineOption reuseOpt(u"reuse"_s, u"Search the database already in --dir."_s);
    parser.addOptions({messagesOpt, groupsOpt, batchOpt, queriesOpt, dirOpt, reuseOpt});
    parser.process(app);
    const qint64 total = parser.value(messagesOpt).toLongLong();
    const int groups = parser.value(groupsOpt).toInt();
    const int pagesPerBatch = std::max(1, parser.value(batchOpt).toInt());
    const int queries = parser.value(queriesOpt).toInt();

    QTemporaryDir temp;
    const QString dir = parser.isSet(dirOpt) ? parser.value(dirOpt) : temp.path();
    const QString path = dir + u"/bench.sqlite"_s;
    const bool reuse = parser.isSet(reuseOpt) && QFile::exists(path);
    if (!reuse) {
        for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
            QFile::remove(path + suffix);
    }

    bench::Corpus corpus(groups);
    double ingestSeconds = 0;
    double writerCpu = 0;
    if (reuse) {
        // Replay the corpus so that queries drawn from message bodies match the file.
        for (qint64 i = 0; i < total; ++i)
            corpus.message(i);
    } else {
        {
            store::Database db({path});
            if (const auto opened = db.open(); !opened)
                fail(u"open"_s, opened.error());
            store::StoreSession session(db);
            QList<chat::Group> list;
            for (int g = 0; g < groups; ++g) {
                chat::Group group;
                group.id = corpus.groupJid(g);
                group.name = u"Group %1"_s.arg(g);
                group.nick = u"operator"_s;
                group.tags = {u"cohort-%1"_s.arg(g % 12)};
                group.timeZone = u"Asia/Shanghai"_s;
                list << group;
            }
            if (const auto saved = session.groups().saveAll(list); !saved)
                fail(u"groups"_s, saved.error());
        }
        // Catch-up as the app does it: every MAM page (up to 100 messages of one room, from
        // a window of the history bucketed by room) is one AsyncStore::ingest() call; the
        // writer stores queued pages together. At most `inFlight` pages are queued.
        store::AsyncStore::Options options;
        options.database.path = path;
        store::AsyncStore async(options);
        if (const auto opened = async.open().result(); !opened)
            fail(u"async open"_s, opened.error());
        const auto threadCpu = [&async] {
            return async.write<double>([](store::StoreSession &) -> Expected<double, store::StoreError> {
                timespec ts{};
                clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
                return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
            }).result().value();
        };
        const double cpuStart = threadCpu();
        QElapsedTimer timer;
        timer.start();
        std::deque<Task<store::IngestResult, store::StoreError>> inFlight;
        const qsizetype maxInFlight = 50 * pagesPerBatch;
        qint64 generated = 0, done = 0;
        qint64 nextReport = total / 10;
        const auto settle = [&](qsizetype keep) {
            while (qsizetype(inFlight.size()) > keep) {
                const auto result = inFlight.front().result();
                inFlight.pop_front();
                if (!result)
                    fail(u"ingest"_s, result.error());
                done += result.value().ids.size();
                if (done >= nextReport) {
                    std::printf("ingested %lld messages, %.0f msgs/s so far\n", done,
                                double(done) * 1e9 / double(timer.nsecsElapsed()));
                    std::fflush(stdout);
                    nextReport += total / 10;
                }
            }
        };
        while (generated < total) {
            QHash<QString, QList<chat::Message>> byRoom;
            const qint64 window = std::min<qint64>(20000, total - generated);
            for (qint64 i = 0; i < window; ++i) {
                chat::Message m = corpus.message(generated + i);
                byRoom[m.groupId].append(std::move(m));
            }
            generated += window;
            for (auto &room : byRoom) {
                for (qsizetype at = 0; at < room.size(); at += 100) {
                    inFlight.push_back(async.ingest(room.mid(at, 100)));
                    settle(maxInFlight);
                }
            }
        }
        settle(0);
        ingestSeconds = double(timer.nsecsElapsed()) / 1e9;
        writerCpu = threadCpu() - cpuStart;
    }
    const double ingestRate = total > 0 && ingestSeconds > 0 ? double(total) / ingestSeconds : 0;
    if (!reuse)
        std::printf("ingest: %.1f s wall, writer thread %.1f s CPU (%.0f msgs per CPU second)\n",
                    ingestSeconds, writerCpu, double(total) / writerCpu);
    std::printf("database %.1f MB (+ WAL %.1f MB)\n", double(QFileInfo(path).size()) / 1e6,
                double(QFileInfo(path + u"-wal"_s).size()) / 1e6);

    // Open to first query, the way the window starts: AsyncStore, group list, a timeline.
    double openMs = 0;
    {
        QElapsedTimer timer;
        timer.start();
        store::AsyncStore::Options options;
        options.database.path = path;
        store::AsyncStore async(options);
        const auto opened = async.open().result();
        if (!opened)
            fail(u"async open"_s, opened.error());
        const auto list = async.groups().result();
        if (!list)
            fail(u"groups"_s, list.error());
        const auto page =
            async.timeline(list.value().value(0).id, store::Direction::Backward, {}, 50).result();
        if (!page)
            fail(u"timeline"_s, page.error());
        openMs = double(timer.nsecsElapsed()) / 1e6;
        std::printf("open to first query: %.1f ms (%lld groups, %lld messages in first page)\n",
                    openMs, qlonglong(list.value().size()), qlonglong(page.value().messages.size()));
    }

    // Ranked search on a reader connection.
    std::vector<double> latencies;
    {
        store::Database::Options options{path};
        options.readOnly = true;
        store::Database db(options);
        if (const auto opened = db.open(); !opened)
            fail(u"reader open"_s, opened.error());
        store::StoreSession session(db);
        struct Timed
        {
            double ms;
            QString text;
            QString method;
            int ranked;
        };
        std::vector<Timed> all;
        QElapsedTimer timer;
        for (int i = 0; i < queries + 10; ++i) {
            store::SearchQuery q;
            q.text = corpus.query();
            if (i % 10 == 3)
                q.groupJids = {corpus.groupJid(int(i % 7))};
            timer.start();
            const auto page = session.search().search(q);
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            if (!page)
                fail(u"search"_s, page.error());
            if (i < 10)
                continue; // warm-up
            latencies.push_back(ms);
            all.push_back({ms, q.text, methodName(page.value().method), page.value().ranked});
        }
        std::sort(all.begin(), all.end(), [](const Timed &a, const Timed &b) { return a.ms > b.ms; });
        for (size_t i = 0; i < std::min<size_t>(8, all.size()); ++i)
            std::printf("slow query %-24s %7.2f ms  %s, %d ranked\n", qPrintable(all[i].text),
                        all[i].ms, qPrintable(all[i].method), all[i].ranked);
    }

    QJsonObject json{{u"messages"_s, total},
                     {u"ingest_msgs_per_s"_s, qRound64(ingestRate)},
                     {u"search_p50_ms"_s, qRound(percentile(latencies, 0.5) * 100) / 100.0},
                     {u"search_p95_ms"_s, qRound(percentile(latencies, 0.95) * 100) / 100.0},
                     {u"open_ms"_s, qRound(openMs * 10) / 10.0}};
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    return 0;
}
