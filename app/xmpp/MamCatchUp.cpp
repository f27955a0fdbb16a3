// MamManager: catch-up runs. One run per archive: forward pages from the last stored
// id until complete, with the fallbacks described in MamManager.h.
#include "xmpp/Client.h"
#include "xmpp/Logging.h"
#include "xmpp/MamManager.h"
#include "xmpp/MamManager_p.h"

using namespace Qt::StringLiterals;

namespace chorus::xmpp {

void MamManager::catchUp(const QList<CatchUpRequest> &requests)
{
    for (const CatchUpRequest &request : requests) {
        CatchUpRequest r = request;
        r.archive = request.archive.isValid() ? request.archive.bare() : Jid();
        if (r.upToDate) {
            // The caller knows nothing is missing: no query, and no slot taken.
            CatchUpResult skipped;
            skipped.archive = r.archive;
            skipped.lastId = r.afterId;
            Q_EMIT catchUpFinished(skipped);
            continue;
        }
        const auto queued
            = std::find_if(m_queue.begin(), m_queue.end(),
                           [&](const CatchUpRequest &q) { return q.archive == r.archive; });
        if (queued != m_queue.end())
            *queued = r;
        else
            m_queue.append(r);
    }
    pump();
}

void MamManager::prioritize(const Jid &archive)
{
    const Jid key = archive.isValid() ? archive.bare() : Jid();
    for (qsizetype i = 0; i < m_queue.size(); ++i) {
        if (m_queue.at(i).archive == key) {
            m_queue.move(i, 0);
            break;
        }
    }
}

void MamManager::cancelCatchUp(const Jid &archive)
{
    const Jid key = archive.isValid() ? archive.bare() : Jid();
    m_queue.removeIf([&](const CatchUpRequest &r) { return r.archive == key; });
    if (const auto job = m_jobs.value(key))
        job->cancelled = true;
}

void MamManager::onSessionStarted(bool)
{
    // Queries of a lost session fail on their own (SessionLost); queued runs start now.
    pump();
}

void MamManager::pump()
{
    if (!client() || !client()->isConnected())
        return;
    for (qsizetype i = 0; i < m_queue.size() && m_jobs.size() < m_maxConcurrent;) {
        if (m_jobs.contains(m_queue.at(i).archive)) {
            ++i; // one run per archive at a time; this one waits for the current run
            continue;
        }
        startJob(m_queue.takeAt(i));
    }
}

void MamManager::startJob(const CatchUpRequest &request)
{
    auto job = std::make_shared<Job>();
    job->request = request;
    job->result.archive = request.archive;
    job->result.queried = true;
    job->result.lastId = request.afterId;
    job->recent.setOwnJid(ownBareJid());
    job->cursor = request.afterId;
    m_jobs.insert(request.archive, job);
    runStep(job, request.afterId.isEmpty() ? Step::Newest : Step::Forward);
}

void MamManager::runStep(const std::shared_ptr<Job> &job, Step step)
{
    MamQuery q;
    q.archive = job->request.archive;
    q.max = m_pageSize;
    switch (step) {
    case Step::Forward:
        q.after = job->cursor;
        break;
    case Step::Window:
        // Our clock and the archive's may disagree: start a little early (the store
        // drops what it already has by stanza-id).
        q.start = job->request.afterTime.addMSecs(-m_clockToleranceMs);
        break;
    case Step::Newest:
    case Step::Tail:
        q.before = QString();
        break;
    }
    query(q).then(
        this, [this, job, step](const Expected<MamPage, MamError> &r) { onPage(job, step, r); });
}

void MamManager::onPage(const std::shared_ptr<Job> &job, Step step,
                        const Expected<MamPage, MamError> &r)
{
    const Jid archive = job->request.archive;
    if (!r.ok()) {
        const MamError error = r.error();
        const bool firstForward = step == Step::Forward && job->forwardPages == 0
            && job->cursor == job->request.afterId;
        if (firstForward
            && (error.code == MamError::Code::ItemNotFound
                || error.code == MamError::Code::BadRequest)) {
            // The archive forgot our resume point (expired or reset).
            qCInfo(lcXmpp, "archive %s does not know id %s (%s): falling back",
                   qPrintable(archive.toString()), qPrintable(job->request.afterId),
                   qPrintable(error.condition));
            fallBack(job);
            return;
        }
        job->result.error = error;
        if (job->result.messageCount > 0 || step == Step::Tail) {
            HistoryGap gap;
            gap.archive = archive;
            gap.reason = HistoryGap::Reason::Failed;
            gap.afterId = job->cursor;
            job->result.gaps.append(gap);
        }
        finishJob(job);
        return;
    }

    const MamPage &page = r.value();
    ++job->result.pages;
    if (step == Step::Forward && job->forwardPages == 0 && job->cursor == job->request.afterId
        && job->request.afterTime.isValid()) {
        // Some archives (ejabberd 23.01) ignore an 'after' id they do not know instead of
        // refusing it, and answer from their beginning: anything clearly older than our
        // last message gives that away.
        const QDateTime limit = job->request.afterTime.addMSecs(-m_clockToleranceMs);
        const bool fromTheStart = std::any_of(
            page.messages.cbegin(), page.messages.cend(),
            [&](const ParsedMessage &m) { return m.stamp.isValid() && m.stamp < limit; });
        if (fromTheStart) {
            qCInfo(lcXmpp, "archive %s ignored id %s: falling back", qPrintable(archive.toString()),
                   qPrintable(job->request.afterId));
            fallBack(job);
            return;
        }
    }
    const bool overlapped = deliver(job, page);
    if (job->cancelled) {
        finishJob(job);
        return;
    }
    switch (step) {
    case Step::Newest:
        finishJob(job); // we had nothing, or fell back without a time: the newest page is enough
        return;
    case Step::Tail:
        if (!overlapped && !page.messages.isEmpty()) {
            HistoryGap gap;
            gap.archive = archive;
            gap.reason = HistoryGap::Reason::PageLimit;
            gap.afterId = job->cursor;
            gap.beforeId = page.messages.first().stanzaId;
            gap.beforeTime = page.messages.first().stamp;
            job->result.gaps.append(gap);
        }
        finishJob(job);
        return;
    case Step::Forward:
    case Step::Window:
        break;
    }
    ++job->forwardPages;
    // Stop on complete, and on anything that would loop: an empty page, no cursor, or a
    // cursor that does not move.
    if (page.complete || page.messages.isEmpty() || page.last.isEmpty()
        || page.last == job->cursor) {
        finishJob(job);
        return;
    }
    job->cursor = page.last;
    if (job->forwardPages >= m_maxPages) {
        // More is missing than a catch-up may fetch: take the newest page; if it does
        // not overlap what we got, the stretch in between is reported as a gap.
        runStep(job, Step::Tail);
        return;
    }
    runStep(job, Step::Forward);
}

// The archive does not know our resume point: take what it has from the time of our
// last message (or else the newest page), and report that something may be missing.
void MamManager::fallBack(const std::shared_ptr<Job> &job)
{
    HistoryGap gap;
    gap.archive = job->request.archive;
    gap.reason = HistoryGap::Reason::ResumePointUnknown;
    gap.afterId = job->request.afterId;
    gap.afterTime = job->request.afterTime;
    job->result.gaps.append(gap);
    job->gapOpen = true;
    runStep(job, job->request.afterTime.isValid() ? Step::Window : Step::Newest);
}

// Delivers the page's messages not yet seen in this run; true when some were seen.
bool MamManager::deliver(const std::shared_ptr<Job> &job, const MamPage &page)
{
    QList<ParsedMessage> fresh;
    bool overlapped = false;
    for (const ParsedMessage &message : page.messages) {
        if (message.stanzaId.isEmpty() || job->seen.contains(message.stanzaId)
            || message.stanzaId == job->request.afterId) {
            overlapped = true;
            continue;
        }
        job->seen.insert(message.stanzaId);
        ParsedMessage m = message;
        if (m.isCorrection()) {
            const CorrectionVerdict verdict
                = job->recent.check(m, job->request.roomAssignsOccupantIds);
            if (verdict == CorrectionVerdict::OtherSender
                || verdict == CorrectionVerdict::OtherConversation) {
                // Shown as what it is: a message of its own sender, not an edit.
                m.ignored.append(u"correction of another sender's message"_s);
                m.replaceId.clear();
            }
        }
        job->recent.remember(m);
        fresh.append(m);
    }
    if (job->gapOpen && !fresh.isEmpty()) {
        job->result.gaps.last().beforeId = fresh.first().stanzaId;
        job->result.gaps.last().beforeTime = fresh.first().stamp;
        job->gapOpen = false;
    }
    if (!fresh.isEmpty()) {
        job->result.messageCount += int(fresh.size());
        job->result.lastId = fresh.last().stanzaId;
        Q_EMIT catchUpPage(job->request.archive, fresh);
    }
    return overlapped;
}

void MamManager::finishJob(const std::shared_ptr<Job> &job)
{
    if (m_jobs.value(job->request.archive) == job)
        m_jobs.remove(job->request.archive);
    Q_EMIT catchUpFinished(job->result);
    pump();
}

} // namespace chorus::xmpp
