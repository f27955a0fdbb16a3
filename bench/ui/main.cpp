// bench_ui: is the window responsive with hundreds of busy groups? See README.md.
//
// 1. Cold start: a profile whose store caches --cold-groups groups (filled through the
//    store API in a temporary directory); from constructing the application's objects
//    to the first paint of the main window, and of the group list showing the groups.
//    Offline: nothing connects.
// 2. Append: a TimelineModel holding --rows messages takes --append more, one message
//    per addMessages() call as the workspace hands it live batches; median of --runs.
//    The same through the whole workspace live path is reported too.
// 3. Live (unless --skip-live): a private Prosody filled by tools/crowd; the real
//    MainWindow + workspace::Session signs in and joins --groups groups, then the crowd
//    sends a --burst of messages. A timer-lag probe on the GUI thread measures the
//    longest stall in each phase.
// Details go to stderr; the last stdout line is one JSON object.
#include "AppendBench.h"
#include "BenchOutput.h"
#include "ColdStart.h"
#include "LiveBench.h"
#include "ProcessStats.h"

#include "ui/Resources.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTemporaryDir>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace chorus::bench;

namespace {

QString listOf(const std::vector<double> &values)
{
    QStringList parts;
    for (double v : values)
        parts << QString::number(v, 'f', 2);
    return parts.join(u' ');
}

} // namespace

int main(int argc, char **argv)
{
    // Offscreen unless told otherwise: the bench runs where there is no display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser cli;
    cli.setApplicationDescription(u"GUI responsiveness: cold start, timeline append, and the "
                                  "longest GUI-thread stall while joining many groups and "
                                  "taking a burst of messages."_s);
    cli.addHelpOption();
    cli.addOption({u"groups"_s, u"Groups to join in the live run (default 500)."_s, u"n"_s,
                   u"500"_s});
    cli.addOption({u"burst"_s, u"Messages the crowd sends at once (default 1000)."_s, u"n"_s,
                   u"1000"_s});
    cli.addOption({u"occupants"_s, u"Simulated members in each group (default 4)."_s, u"n"_s,
                   u"4"_s});
    cli.addOption({u"rooms-per-member"_s,
                   u"Groups each simulated member sits in, at most (default 100)."_s, u"n"_s,
                   u"100"_s});
    cli.addOption({u"server"_s, u"prosody (default) or ejabberd."_s, u"kind"_s, u"prosody"_s});
    cli.addOption({u"skip-live"_s, u"Only cold start and append: no server needed."_s});
    cli.addOption({u"cold-groups"_s, u"Cached groups for the cold start (default 1000)."_s,
                   u"n"_s, u"1000"_s});
    cli.addOption({u"rows"_s, u"Rows already in the timeline for append (default 100000)."_s,
                   u"n"_s, u"100000"_s});
    cli.addOption({u"append"_s, u"Messages appended per run (default 1000)."_s, u"n"_s,
                   u"1000"_s});
    cli.addOption({u"runs"_s, u"Append runs; the median is reported (default 7)."_s, u"n"_s,
                   u"7"_s});
    cli.addOption({u"timeout"_s, u"Give up on a live phase after this many seconds (default "
                   "600)."_s,
                   u"s"_s, u"600"_s});
    cli.process(app);
    const int coldGroups = cli.value(u"cold-groups"_s).toInt();
    const int rows = cli.value(u"rows"_s).toInt();
    const int append = cli.value(u"append"_s).toInt();
    const int runs = cli.value(u"runs"_s).toInt();
    LiveSpec live;
    live.kind = cli.value(u"server"_s);
    live.groups = cli.value(u"groups"_s).toInt();
    live.burst = cli.value(u"burst"_s).toInt();
    live.occupants = cli.value(u"occupants"_s).toInt();
    live.roomsPerMember = cli.value(u"rooms-per-member"_s).toInt();
    live.timeoutMs = cli.value(u"timeout"_s).toInt() * 1000;
    if (coldGroups < 1 || rows < 0 || append < 1 || runs < 1 || live.groups < 1
        || live.burst < 0 || live.occupants < 1 || live.roomsPerMember < 1 || live.timeoutMs <= 0)
        return fail(u"--groups, --occupants, --rooms-per-member, --cold-groups, --append, "
                    "--runs and --timeout must be > 0; --rows and --burst ≥ 0"_s);
    chorus::ui::initResources();
    note(u"load average before: %1"_s.arg(loadAverage()));

    // 1. Cold start, first: nothing in this process is warm yet but the QApplication.
    QTemporaryDir coldDir;
    if (!coldDir.isValid())
        return fail(u"no temporary directory"_s);
    const QString account = u"operator@localhost"_s;
    const QString profileDir = coldDir.filePath(u"profile"_s);
    if (const QString error = prepareColdProfile(profileDir, account, coldGroups); !error.isEmpty())
        return fail(error);
    const ColdStart cold = measureColdStart(profileDir, account, coldGroups);
    if (!cold.error.isEmpty())
        return fail(cold.error);
    note(u"cold start, %1 cached groups: first paint %2 ms, groups in the model %3 ms, group "
         "list painted with them %4 ms"_s.arg(coldGroups)
             .arg(cold.firstPaintMs, 0, 'f', 1)
             .arg(cold.groupsLoadedMs, 0, 'f', 1)
             .arg(cold.groupsPaintedMs, 0, 'f', 1));

    // 2. Append.
    const AppendTimes times = measureAppend(rows, append, runs);
    note(u"append %1 to %2 rows, ms per run: model one by one [%3], workspace live path [%4], "
         "model one batch [%5]"_s.arg(append)
             .arg(rows)
             .arg(listOf(times.model), listOf(times.workspace), listOf(times.batch)));

    ResultLine line;
    // 3. Live.
    LiveResult result;
    if (!cli.isSet(u"skip-live"_s)) {
        result = runLive(live);
        if (!result.error.isEmpty())
            return fail(result.error);
        line.add("max_stall_ms", std::max(result.join.maxMs, result.burst.maxMs), 1);
    }
    line.add("cold_start_ms", cold.groupsPaintedMs, 1)
        .add("append_1k_ms", median(times.model), 2);
    if (!cli.isSet(u"skip-live"_s)) {
        line.add("join_stall_ms", result.join.maxMs, 1)
            .add("burst_stall_ms", result.burst.maxMs, 1)
            .add("join_stall_busy_ms", result.join.maxBusyMs, 1)
            .add("burst_stall_busy_ms", result.burst.maxBusyMs, 1)
            .add("join_p99_ms", result.join.p99Ms, 1)
            .add("burst_p99_ms", result.burst.p99Ms, 1)
            .add("join_s", result.joinSeconds, 2)
            .add("burst_s", result.burstSeconds, 2)
            .add("groups", qint64(live.groups))
            .add("occupants", qint64(live.occupants))
            .add("burst", qint64(live.burst))
            .add("server", live.kind);
    }
    line.add("first_paint_ms", cold.firstPaintMs, 1)
        .add("cold_groups", qint64(coldGroups))
        .add("append_workspace_1k_ms", median(times.workspace), 2)
        .add("append_batch_1k_ms", median(times.batch), 2)
        .add("rows", qint64(rows))
        .add("peak_rss_mb", ownPeakRssMb(), 1);
    line.print();
    return 0;
}
