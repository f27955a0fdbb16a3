#include "StallProbe.h"

#include <algorithm>
#include <ctime>

namespace chorus::bench {

qint64 threadCpuNs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

StallProbe::StallProbe(int intervalMs, QObject *parent) : QObject(parent), m_intervalMs(intervalMs)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &StallProbe::tick);
}

void StallProbe::start()
{
    m_lateMs.clear();
    m_maxMs = 0;
    m_maxBusyMs = 0;
    m_clock.start();
    m_lastNs = 0;
    m_lastCpuNs = threadCpuNs();
    m_timer.start();
}

void StallProbe::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const qint64 cpu = threadCpuNs();
    const double late = std::max(0.0, double(now - m_lastNs) / 1e6 - m_intervalMs);
    m_lateMs.push_back(late);
    if (late > m_maxMs) {
        m_maxMs = late;
        m_maxBusyMs = double(cpu - m_lastCpuNs) / 1e6;
    }
    m_lastNs = now;
    m_lastCpuNs = cpu;
}

StallProbe::Stats StallProbe::stop()
{
    m_timer.stop();
    Stats s;
    s.seconds = double(m_clock.nsecsElapsed()) / 1e9;
    s.ticks = qint64(m_lateMs.size());
    s.maxMs = m_maxMs;
    s.maxBusyMs = m_maxBusyMs;
    s.over50 = int(std::count_if(m_lateMs.begin(), m_lateMs.end(), [](double v) { return v > 50; }));
    if (!m_lateMs.empty()) {
        std::vector<double> sorted = m_lateMs;
        const size_t at = std::min(sorted.size() - 1, size_t(double(sorted.size()) * 0.99));
        std::nth_element(sorted.begin(), sorted.begin() + qsizetype(at), sorted.end());
        s.p99Ms = sorted[at];
    }
    return s;
}

} // namespace chorus::bench
