#pragma once

#include "StallProbe.h"

#include <QString>

namespace chorus::bench {

/// The window signed in to a private server while it joins many busy groups and while a
/// burst of messages comes in.
struct LiveSpec
{
    QString kind = QStringLiteral("prosody");
    int groups = 500;
    int occupants = 4;
    int roomsPerMember = 100;
    int burst = 1000;
    int openGroups = 2; ///< timelines open side by side during the burst
    int settleMs = 1000; ///< probing goes on this long after the last event of a phase
    int timeoutMs = 600000;
};

struct LiveResult
{
    StallProbe::Stats join;
    StallProbe::Stats burst;
    double joinSeconds = 0;  ///< sign-in → every group joined and caught up
    double burstSeconds = 0; ///< first command to the crowd → the last message shown
    int joined = 0;
    int received = 0;
    double fillSeconds = 0;
    QString error;
};

/// Fills a private server (tools/crowd), bookmarks every room for the operator, then
/// runs the application's objects (Session, MainWindow, AppController, signed in the way
/// `chorus --account ... --password-file ...` does) under a StallProbe.
LiveResult runLive(const LiveSpec &spec);

} // namespace chorus::bench
