#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <vector>

namespace chorus::bench {

/// Measures how long the GUI thread fails to come back to its event loop: a timer that
/// should fire every few milliseconds records how late each tick is. It also reads the
/// thread's CPU clock, so a late tick can be told apart: the thread was busy (the
/// application's fault) or it was waiting for a core (the machine's).
class StallProbe : public QObject
{
    Q_OBJECT
public:
    struct Stats
    {
        double maxMs = 0;      ///< the latest tick: the longest stall
        double maxBusyMs = 0;  ///< the GUI thread's CPU time within its longest stall
        double p99Ms = 0;      ///< 99th percentile of lateness
        int over50 = 0;        ///< ticks more than 50 ms late
        qint64 ticks = 0;
        double seconds = 0;    ///< how long the probe ran
    };

    explicit StallProbe(int intervalMs = 5, QObject *parent = nullptr);

    void start();
    Stats stop();
    bool isRunning() const { return m_timer.isActive(); }

private:
    void tick();

    int m_intervalMs;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_lastCpuNs = 0;
    std::vector<double> m_lateMs;
    double m_maxMs = 0;
    double m_maxBusyMs = 0;
};

/// This thread's CPU time in nanoseconds.
qint64 threadCpuNs();

} // namespace chorus::bench
