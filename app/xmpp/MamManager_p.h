#pragma once

// MamManager's internal state, shared by MamManager.cpp and MamCatchUp.cpp.

#include "xmpp/MamManager.h"

namespace chorus::xmpp {

struct MamManager::PendingQuery
{
    Jid archive; ///< bare JID of the archive asked; invalid: our own
    QList<ParsedMessage> results;
    int dropped = 0;
    Promise<MamPage, MamError> promise;
};

struct MamManager::Job
{
    CatchUpRequest request;
    CatchUpResult result;
    QSet<QString> seen; ///< archive ids delivered in this run
    RecentMessages recent; ///< originals of this run, to check corrections against
    QString cursor; ///< the archive id to page forward from
    int forwardPages = 0;
    bool cancelled = false;
    /// An open ResumePointUnknown gap waiting for the first id after it.
    bool gapOpen = false;
};

} // namespace chorus::xmpp
