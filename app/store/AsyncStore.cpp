#include "store/AsyncStore.h"

#include <QMetaObject>

using namespace Qt::StringLiterals;

namespace chorus::store {

/// Lives on its thread; creates, uses and closes its connection there (QSqlDatabase is
/// thread-affine).
class AsyncStore::Worker : public QObject
{
public:
    using QObject::QObject;

    Expected<Done, StoreError> open(const Database::Options &options,
                                    const QList<SchemaModule> &modules,
                                    MessageSearch::Limits limits)
    {
        if (m_session)
            return Done{};
        auto db = std::make_unique<Database>(options);
        for (const SchemaModule &module : modules)
            db->addModule(module);
        const auto opened = db->open();
        if (!opened)
            return opened;
        m_db = std::move(db);
        m_session = std::make_unique<StoreSession>(*m_db, limits);
        return Done{};
    }

    void close()
    {
        m_session.reset();
        m_db.reset();
    }

    StoreSession *session() const { return m_session.get(); }

private:
    std::unique_ptr<Database> m_db;
    std::unique_ptr<StoreSession> m_session;
};

AsyncStore::AsyncStore(Options options, QObject *parent)
    : QObject(parent), m_options(std::move(options))
{
    m_writer = new Worker;
    m_reader = new Worker;
    m_writer->moveToThread(&m_writerThread);
    m_reader->moveToThread(&m_readerThread);
    connect(&m_writerThread, &QThread::finished, m_writer, &QObject::deleteLater);
    connect(&m_readerThread, &QThread::finished, m_reader, &QObject::deleteLater);
    m_writerThread.setObjectName(u"chorus-store-writer"_s);
    m_readerThread.setObjectName(u"chorus-store-reader"_s);
    m_writerThread.start();
    m_readerThread.start();
}

AsyncStore::~AsyncStore()
{
    m_closing.storeRelease(1);
    // The reader first: the writer's close may checkpoint and remove the WAL.
    shutdown(Role::Reader);
    shutdown(Role::Writer);
}

void AsyncStore::shutdown(Role role)
{
    Worker *worker = role == Role::Writer ? m_writer : m_reader;
    QThread &thread = role == Role::Writer ? m_writerThread : m_readerThread;
    // Queued after every job already submitted, so those still run.
    QMetaObject::invokeMethod(
        worker,
        [worker] {
            worker->close();
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    thread.wait();
}

void AsyncStore::dispatch(Role role, std::function<void(StoreSession *)> job)
{
    if (m_closing.loadAcquire()) {
        job(nullptr);
        return;
    }
    if (role == Role::Reader) {
        QMutexLocker lock(&m_readerGate);
        if (m_readerOpening && !m_readerSettled) {
            m_heldReads.append(std::move(job));
            return;
        }
    }
    Worker *worker = role == Role::Writer ? m_writer : m_reader;
    QMetaObject::invokeMethod(
        worker, [worker, job = std::move(job)] { job(worker->session()); },
        Qt::QueuedConnection);
}

void AsyncStore::releaseHeldReads(StoreSession *session)
{
    QList<std::function<void(StoreSession *)>> held;
    {
        QMutexLocker lock(&m_readerGate);
        m_readerSettled = true;
        held = std::exchange(m_heldReads, {});
    }
    for (const auto &job : held)
        job(session);
}

Task<Done, StoreError> AsyncStore::open()
{
    {
        QMutexLocker lock(&m_readerGate);
        m_readerOpening = true;
        m_readerSettled = false;
    }
    Promise<Done, StoreError> promise;
    Database::Options readerOptions = m_options.readerTuning;
    readerOptions.path = m_options.database.path;
    readerOptions.readOnly = true;
    Worker *writer = m_writer;
    Worker *reader = m_reader;
    const Options options = m_options;
    QMetaObject::invokeMethod(
        writer,
        [this, writer, reader, options, readerOptions, promise]() mutable {
            const auto opened = writer->open(options.database, options.modules, options.search);
            if (!opened || m_closing.loadAcquire()) {
                promise.finish(opened ? Expected<Done, StoreError>(StoreError::make(
                                   StoreError::Code::Closed, options.database.path))
                                      : opened);
                releaseHeldReads(nullptr); // they fail with Closed: there is nothing to read
                return;
            }
            // The schema is current now; the reader may open.
            QMetaObject::invokeMethod(
                reader,
                [this, reader, readerOptions, options, promise]() mutable {
                    const auto readerOpened = reader->open(readerOptions, {}, options.search);
                    // Held reads run here, on the reader's thread, before any read
                    // dispatched after this point.
                    releaseHeldReads(readerOpened ? reader->session() : nullptr);
                    promise.finish(readerOpened);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
    return promise.task();
}

Task<IngestResult, StoreError> AsyncStore::ingest(QList<chat::Message> batch)
{
    PendingIngest request{std::move(batch), {}};
    const auto task = request.promise.task();
    if (m_closing.loadAcquire()) {
        request.promise.finish(StoreError::make(StoreError::Code::Closed, m_options.database.path));
        return task;
    }
    bool schedule = false;
    {
        QMutexLocker lock(&m_ingestMutex);
        if (m_ingestGroupOpen) {
            m_ingestGroups.last().append(std::move(request));
        } else {
            m_ingestGroups.append({std::move(request)});
            m_ingestGroupOpen = true;
            schedule = true;
        }
    }
    if (schedule)
        dispatch(Role::Writer, [this](StoreSession *session) { drainIngest(session); });
    return task;
}

void AsyncStore::closeIngestGroup()
{
    QMutexLocker lock(&m_ingestMutex);
    m_ingestGroupOpen = false;
}

void AsyncStore::drainIngest(StoreSession *session)
{
    QList<PendingIngest> group;
    {
        QMutexLocker lock(&m_ingestMutex);
        if (m_ingestGroups.isEmpty())
            return;
        group = m_ingestGroups.takeFirst();
        if (m_ingestGroups.isEmpty())
            m_ingestGroupOpen = false; // being stored now: later batches start a new group
    }
    qsizetype at = 0;
    while (at < group.size()) {
        // Up to kCoalescedMessages per transaction, at least one batch.
        QList<QList<chat::Message>> batches;
        qsizetype messages = 0;
        const qsizetype first = at;
        do {
            messages += group.at(at).batch.size();
            batches.append(group.at(at).batch);
            ++at;
        } while (at < group.size() && messages + group.at(at).batch.size() <= kCoalescedMessages);
        if (!session) {
            for (qsizetype i = first; i < at; ++i)
                group[i].promise.finish(
                    StoreError::make(StoreError::Code::Closed, m_options.database.path));
            continue;
        }
        const auto results = session->messages().ingest(batches);
        for (qsizetype i = first; i < at; ++i) {
            if (results)
                group[i].promise.finish(results.value().at(i - first));
            else
                group[i].promise.finish(results.error());
        }
    }
}

Task<QString, StoreError> AsyncStore::lastStanzaId(QString groupJid)
{
    // On the writer: it must reflect every ingest submitted before.
    return write<QString>([groupJid = std::move(groupJid)](StoreSession &s) {
        return s.messages().lastStanzaId(groupJid);
    });
}

Task<SearchPage, StoreError> AsyncStore::search(SearchQuery query)
{
    return read<SearchPage>(
        [query = std::move(query)](StoreSession &s) { return s.search().search(query); });
}

Task<TimelinePage, StoreError> AsyncStore::timeline(QString groupJid, Direction direction,
                                                    std::optional<TimelineCursor> from, int limit)
{
    return read<TimelinePage>([=](StoreSession &s) {
        return s.messages().timeline(groupJid, direction, from, limit);
    });
}

Task<QList<chat::Group>, StoreError> AsyncStore::groups()
{
    return read<QList<chat::Group>>([](StoreSession &s) { return s.groups().all(); });
}

Task<Done, StoreError> AsyncStore::saveGroups(QList<chat::Group> groups)
{
    return write<Done>(
        [groups = std::move(groups)](StoreSession &s) { return s.groups().saveAll(groups); });
}

Task<Done, StoreError> AsyncStore::saveMembers(QList<chat::Member> members)
{
    return write<Done>(
        [members = std::move(members)](StoreSession &s) { return s.members().saveAll(members); });
}

Task<QList<MemberRecord>, StoreError> AsyncStore::members(QString groupJid)
{
    return read<QList<MemberRecord>>(
        [groupJid = std::move(groupJid)](StoreSession &s) { return s.members().ofGroup(groupJid); });
}

} // namespace chorus::store
