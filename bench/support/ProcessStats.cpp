#include "ProcessStats.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QList>
#include <QTest>

#include <sys/resource.h>
#include <unistd.h>

namespace chorus::bench {
namespace {

struct StatLine
{
    qint64 ppid = 0;
    qint64 ticks = 0; ///< utime + stime
};

// /proc/<pid>/stat: "pid (comm) state ppid ... utime stime ..."; comm may hold spaces
// and parentheses, so the fields are counted from the last ')'.
bool readStat(qint64 pid, StatLine *out)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = f.readAll();
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return false;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    // After the comm: [0] state, [1] ppid, ... [11] utime, [12] stime (fields 14, 15).
    if (fields.size() < 13)
        return false;
    out->ppid = fields[1].toLongLong();
    out->ticks = fields[11].toLongLong() + fields[12].toLongLong();
    return true;
}

double seconds(const timeval &tv)
{
    return double(tv.tv_sec) + double(tv.tv_usec) / 1e6;
}

} // namespace

double ownCpuSeconds()
{
    rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    return seconds(ru.ru_utime) + seconds(ru.ru_stime);
}

double ownPeakRssMb()
{
    rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    return double(ru.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
}

double processTreeCpuSeconds(qint64 pid)
{
    StatLine root;
    if (!readStat(pid, &root))
        return -1;
    QHash<qint64, QList<qint64>> children;
    QHash<qint64, qint64> ticks;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &name : entries) {
        bool ok = false;
        const qint64 p = name.toLongLong(&ok);
        StatLine s;
        if (!ok || p == pid || !readStat(p, &s))
            continue;
        children[s.ppid].append(p);
        ticks.insert(p, s.ticks);
    }
    qint64 total = root.ticks;
    QList<qint64> todo = children.value(pid);
    while (!todo.isEmpty()) {
        const qint64 p = todo.takeLast();
        total += ticks.value(p);
        todo += children.value(p);
    }
    return double(total) / double(sysconf(_SC_CLK_TCK));
}

double machineBusySeconds()
{
    // First line of /proc/stat: "cpu user nice system idle iowait irq softirq steal ...".
    QFile f(QStringLiteral("/proc/stat"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = f.readLine().simplified().split(' ');
    if (fields.size() < 9)
        return -1;
    qint64 busy = 0;
    for (int i : {1, 2, 3, 6, 7, 8})
        busy += fields[i].toLongLong();
    return double(busy) / double(sysconf(_SC_CLK_TCK));
}

void waitForCpuIdle(qint64 pid, int maxMs)
{
    double last = processTreeCpuSeconds(pid);
    int quiet = 0;
    for (int waited = 0; waited < maxMs && quiet < 3; waited += 500) {
        QTest::qWait(500);
        const double now = processTreeCpuSeconds(pid);
        quiet = now - last < 0.02 ? quiet + 1 : 0;
        last = now;
    }
}

} // namespace chorus::bench
