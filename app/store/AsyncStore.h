#pragma once

#include "core/Expected.h"
#include "store/Database.h"
#include "store/MessageSearch.h"
#include "store/StoreSession.h"

#include <QAtomicInt>
#include <QMutex>
#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

namespace chorus::store {

/// The store seen from the GUI thread: every call returns at once with a Task finished
/// later on a worker thread, so the UI never waits on SQLite.
///
/// Two workers, each owning its own connection: the writer (migrations, ingest, every
/// write, in submission order) and a reader (search, timelines) that WAL lets run while
/// the writer commits. A read sees every write whose Task had finished when it was asked.
/// Continuations run on the caller's thread when bound with `.then(context, ...)`.
///
/// Ingest batches submitted one after another while the writer is busy (a catch-up of many
/// rooms) are stored together, up to ~2,000 messages per transaction: fewer commits and
/// full-text index flushes. Each caller still gets its own IngestResult, and no write
/// submitted in between is overtaken.
class AsyncStore : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        Database::Options database;
        QList<SchemaModule> modules;    ///< feature schemas, migrated by the writer at open()
        MessageSearch::Limits search;
        Database::Options readerTuning; ///< path and readOnly are filled in
    };

    explicit AsyncStore(Options options, QObject *parent = nullptr);
    /// Lets queued work finish, then closes both connections.
    ~AsyncStore() override;

    /// Opens (and migrates) the writer, then the reader.
    Task<Done, StoreError> open();

    Task<IngestResult, StoreError> ingest(QList<chat::Message> batch);
    /// Messages per transaction when queued batches are stored together.
    static constexpr int kCoalescedMessages = 2000;
    Task<QString, StoreError> lastStanzaId(QString groupJid);
    Task<SearchPage, StoreError> search(SearchQuery query);
    Task<TimelinePage, StoreError> timeline(QString groupJid, Direction direction,
                                            std::optional<TimelineCursor> from = {},
                                            int limit = 50);
    Task<QList<chat::Group>, StoreError> groups();
    Task<Done, StoreError> saveGroups(QList<chat::Group> groups);
    Task<Done, StoreError> saveMembers(QList<chat::Member> members);
    Task<QList<MemberRecord>, StoreError> members(QString groupJid);

    /// Runs `job` on the writer's connection, after all writes submitted before it.
    template <typename T>
    Task<T, StoreError> write(std::function<Expected<T, StoreError>(StoreSession &)> job)
    {
        closeIngestGroup();
        return post<T>(Role::Writer, std::move(job));
    }
    /// Runs `job` on the reader's connection (it must not write).
    template <typename T>
    Task<T, StoreError> read(std::function<Expected<T, StoreError>(StoreSession &)> job)
    {
        return post<T>(Role::Reader, std::move(job));
    }

private:
    enum class Role { Writer, Reader };
    class Worker;

    template <typename T>
    Task<T, StoreError> post(Role role, std::function<Expected<T, StoreError>(StoreSession &)> job)
    {
        Promise<T, StoreError> promise;
        const QString path = m_options.database.path;
        dispatch(role, [promise, job = std::move(job), path](StoreSession *session) mutable {
            if (!session)
                promise.finish(StoreError::make(StoreError::Code::Closed, path));
            else
                promise.finish(job(*session));
        });
        return promise.task();
    }
    /// Queues `job` on the worker; runs it with nullptr when the store is shutting down.
    void dispatch(Role role, std::function<void(StoreSession *)> job);
    void shutdown(Role role);

    struct PendingIngest
    {
        QList<chat::Message> batch;
        Promise<IngestResult, StoreError> promise;
    };
    /// Stores the oldest group of queued batches (writer thread).
    void drainIngest(StoreSession *session);
    /// A write other than ingest was queued: later batches must not overtake it.
    void closeIngestGroup();

    /// Reads asked for before the reader's connection is open wait for it (a workspace
    /// asks for its groups while the writer is still migrating).
    QMutex m_readerGate;
    bool m_readerOpening = false;
    bool m_readerSettled = false;
    QList<std::function<void(StoreSession *)>> m_heldReads;
    void releaseHeldReads(StoreSession *session);

    QMutex m_ingestMutex;
    QList<QList<PendingIngest>> m_ingestGroups; ///< each stored by one drainIngest()
    bool m_ingestGroupOpen = false;             ///< the last group may take more batches

    Options m_options;
    QThread m_writerThread, m_readerThread;
    Worker *m_writer = nullptr;
    Worker *m_reader = nullptr;
    QAtomicInt m_closing;
};

} // namespace chorus::store
