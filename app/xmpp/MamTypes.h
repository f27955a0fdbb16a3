#pragma once

// Value types of XEP-0313 archive queries with XEP-0059 paging.

#include "xmpp/Element.h"
#include "xmpp/Error.h"
#include "xmpp/Jid.h"
#include "xmpp/ParsedMessage.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace chorus::xmpp {

/// One page to fetch from an archive.
struct MamQuery
{
    Jid archive; ///< the room; invalid: our own archive (query without 'to')
    QString after; ///< RSM <after/>: forward from this archive id
    /// RSM <before/>: backward from this archive id; an empty string asks for the
    /// newest page; nullopt: no <before/>.
    std::optional<QString> before;
    QDateTime start; ///< form field 'start'
    QDateTime end; ///< form field 'end'
    Jid with; ///< form field 'with' (own archive only)
    int max = 50; ///< RSM <max/>

    /// The <query/> element with `queryId`.
    Element toQuery(const QString &queryId) const;
};

/// One page of results, in archive order (oldest first).
struct MamPage
{
    Jid archive;
    QList<ParsedMessage> messages;
    bool complete = false; ///< <fin complete='true'>: no more in the paging direction
    QString first; ///< RSM <first/> (archive id of the first result)
    QString last; ///< RSM <last/>
    int count = -1; ///< RSM <count/> when the archive gave one
    int dropped = 0; ///< results ignored as untrusted or unreadable
};

/// Why an archive query failed.
struct MamError
{
    enum class Code {
        NotConnected,
        Timeout,
        SessionLost, ///< the session ended before the archive answered
        ItemNotFound, ///< the archive does not know the after/before id
        BadRequest, ///< the archive refused the query as malformed
        NotSupported, ///< no archive there (feature-not-implemented, service-unavailable)
        Forbidden, ///< not allowed to read it (e.g. not a member)
        Remote, ///< any other error from the archive
    };
    Code code = Code::Remote;
    QString condition; ///< the stanza error condition, when there was one
    QString text;

    static MamError fromIqError(const IqError &error);
};

/// A stretch of history the catch-up could not fetch. Ids and times are bounds
/// outside the gap: afterId is the last message we have before it, beforeId the first
/// we have after it (empty: up to the present).
struct HistoryGap
{
    enum class Reason {
        PageLimit, ///< more was missing than the catch-up may fetch; the newest page was taken
        ResumePointUnknown, ///< the archive no longer knows our last id (expired, reset)
        Failed, ///< the archive failed part-way (see the result's error)
    };
    Jid archive;
    Reason reason = Reason::PageLimit;
    QString afterId;
    QString beforeId;
    QDateTime afterTime;
    QDateTime beforeTime;
};

/// Catch-up of one archive after (re)joining: from where to resume.
struct CatchUpRequest
{
    Jid archive; ///< the room; invalid: our own archive
    QString afterId; ///< the last archive id we stored; empty: we have nothing yet
    QDateTime afterTime; ///< that message's time: the fallback window when the id is unknown
    bool upToDate = false; ///< the caller knows nothing is missing: no query is made
    bool roomAssignsOccupantIds = false; ///< for checking corrections within the run
};

/// How a catch-up ended.
struct CatchUpResult
{
    Jid archive;
    bool queried = false; ///< false when skipped (upToDate) or cancelled before it started
    int messageCount = 0; ///< delivered, after de-duplication
    int pages = 0;
    QString lastId; ///< the newest archive id delivered (the next resume point)
    QList<HistoryGap> gaps;
    std::optional<MamError> error;
};

} // namespace chorus::xmpp

Q_DECLARE_METATYPE(chorus::xmpp::MamPage)
Q_DECLARE_METATYPE(chorus::xmpp::CatchUpResult)
