#pragma once

#include "core/Expected.h"
#include "xmpp/CorrectionCheck.h"
#include "xmpp/Extension.h"
#include "xmpp/MamTypes.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

#include <memory>

namespace chorus::xmpp {

/// XEP-0313 message archives with XEP-0059 paging: room archives (the room's bare JID)
/// and our own archive (private messages, carbons).
///
/// query() fetches one page. catchUp() brings many archives up to date after a
/// (re)join: forward from the last stored archive id, page after page until the
/// archive says complete; if more is missing than maxCatchUpPages allow, it takes the
/// newest page instead and reports the gap; if the archive no longer knows the id
/// (item-not-found, or it silently ignores the id and answers from its beginning, as
/// ejabberd 23.01 does), it falls back to a time window from the last stored message
/// and reports that too. At most maxConcurrentQueries queries are in flight, in the
/// order given; an archive the caller marks upToDate costs no query at all. Messages
/// are de-duplicated by (archive, stanza-id) within a run, and corrections within a
/// run are checked against their originals.
///
/// Trust (CVE-2019-16237 class): a result is taken only from the archive queried and
/// only for a query id we issued and have not finished; everything else carrying a
/// MAM <result/> is claimed and dropped. Register before the managers that take
/// messages from rooms.
class MamManager : public QObject, public Extension
{
    Q_OBJECT
public:
    explicit MamManager(QObject *parent = nullptr);
    ~MamManager() override;

    void setPageSize(int size) { m_pageSize = qMax(1, size); }
    int pageSize() const { return m_pageSize; }
    void setMaxConcurrentQueries(int count);
    int maxConcurrentQueries() const { return m_maxConcurrent; }
    /// Forward pages a catch-up may fetch before it jumps to the newest page.
    void setMaxCatchUpPages(int pages) { m_maxPages = qMax(1, pages); }
    int maxCatchUpPages() const { return m_maxPages; }
    /// Timeout of each archive query (default: the client's IQ timeout).
    void setQueryTimeout(int ms) { m_timeoutMs = ms; }
    /// How far our clock and the archive's may disagree (default 2 minutes): the time
    /// window fallback starts this much early, and a first page with messages older
    /// than our last one by more than this means the archive ignored our id.
    void setClockTolerance(int ms) { m_clockToleranceMs = qMax(0, ms); }

    /// Fetches one page of `query`.
    Task<MamPage, MamError> query(const MamQuery &query);
    /// The page of older history before archive id `beforeId` (empty: the newest
    /// page), oldest first; `complete` means nothing older remains. max < 1: pageSize.
    Task<MamPage, MamError> fetchBefore(const Jid &archive, const QString &beforeId, int max = -1);

    /// Queues catch-ups, run in the order given. A request for an archive already
    /// queued replaces it; one for an archive being caught up runs after it.
    void catchUp(const QList<CatchUpRequest> &requests);
    /// Moves a queued catch-up to the front (e.g. the group the user opened).
    void prioritize(const Jid &archive);
    /// Drops a queued catch-up (a running one finishes its current page and stops).
    void cancelCatchUp(const Jid &archive);
    int queuedCatchUps() const { return int(m_queue.size()); }
    int runningCatchUps() const { return int(m_jobs.size()); }
    /// Queries in flight right now (catch-up and direct).
    int queriesInFlight() const { return int(m_queries.size()); }
    /// Results dropped as untrusted, late or unreadable (diagnostics and tests).
    int droppedResults() const { return m_dropped; }

    bool handleStanza(const Element &stanza) override;
    void onSessionStarted(bool resumed) override;

Q_SIGNALS:
    /// A page of a catch-up run, oldest first, already de-duplicated.
    void catchUpPage(const chorus::xmpp::Jid &archive,
                     const QList<chorus::xmpp::ParsedMessage> &messages);
    /// A catch-up ended (also when it was skipped or failed).
    void catchUpFinished(const chorus::xmpp::CatchUpResult &result);

private:
    struct PendingQuery;
    struct Job;
    enum class Step { Forward, Window, Newest, Tail };

    bool acceptResult(const Element &stanza, const Element &result);
    void pump();
    void startJob(const CatchUpRequest &request);
    void runStep(const std::shared_ptr<Job> &job, Step step);
    void onPage(const std::shared_ptr<Job> &job, Step step, const Expected<MamPage, MamError> &r);
    bool deliver(const std::shared_ptr<Job> &job, const MamPage &page);
    void finishJob(const std::shared_ptr<Job> &job);
    void fallBack(const std::shared_ptr<Job> &job);
    Jid ownBareJid() const;

    int m_pageSize = 50;
    int m_maxConcurrent = 4;
    int m_maxPages = 20;
    int m_timeoutMs = -1;
    int m_clockToleranceMs = 2 * 60 * 1000;
    int m_dropped = 0;
    QHash<QString, std::shared_ptr<PendingQuery>> m_queries; ///< by query id
    QList<CatchUpRequest> m_queue;
    QHash<Jid, std::shared_ptr<Job>> m_jobs; ///< running, by archive (invalid: ours)
};

} // namespace chorus::xmpp
