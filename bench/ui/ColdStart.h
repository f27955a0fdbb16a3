#pragma once

#include <QString>

namespace chorus::bench {

/// Start-up of the window on a profile that has groups cached, without a server.
struct ColdStart
{
    double firstPaintMs = -1;    ///< objects constructed → first paint of the main window
    double groupsLoadedMs = -1;  ///< → the group list model holds the cached groups
    double groupsPaintedMs = -1; ///< → first paint of the group list showing them
    QString error;
};

/// Fills a profile under `dir` with `groups` cached groups (through the store API, as
/// the application stores them), for `accountJid`.
QString prepareColdProfile(const QString &dir, const QString &accountJid, int groups);

/// Constructs what the application does at start (profile, settings, session, window,
/// app controller), shows the window and opens the account's workspace the way the
/// session does when the account starts connecting, without connecting. Times are
/// from the first constructor to paint events (offscreen QPA delivers them too).
ColdStart measureColdStart(const QString &dir, const QString &accountJid, int groups);

} // namespace chorus::bench
