#pragma once

// CPU time and memory of processes, read from getrusage() and /proc (Linux).

#include <QtGlobal>

namespace chorus::bench {

/// User + system CPU seconds this process has used so far.
double ownCpuSeconds();
/// This process's peak resident set size so far, in MiB.
double ownPeakRssMb();
/// User + system CPU seconds used so far by process `pid` and every live process below
/// it (a server may run helpers); -1 when `pid` is gone.
double processTreeCpuSeconds(qint64 pid);
/// CPU seconds the whole machine has spent busy (all cores, not idle or iowait).
double machineBusySeconds();
/// Runs the event loop until the CPU clock of `pid` (and its children) moves less than
/// 20 ms per half second, three times in a row (on a busy machine one quiet sample
/// proves little), or `maxMs` pass: a server done with earlier work.
void waitForCpuIdle(qint64 pid, int maxMs = 300000);

} // namespace chorus::bench
