#pragma once

#include "chat/Types.h"
#include "core/Expected.h"
#include "store/Statement.h"
#include "store/StoreError.h"

#include <memory>
#include <optional>

namespace chorus::store {

class GroupRepository;
class MemberRepository;
class PersonRepository;

/// A place in a group's timeline, which is ordered by (timestamp, id).
struct TimelineCursor
{
    qint64 timestampMs = 0; ///< ms since the epoch, UTC
    qint64 id = 0;
    /// Forward from here: messages at or after `time`; backward: messages before it.
    static TimelineCursor at(const QDateTime &time) { return {time.toMSecsSinceEpoch(), 0}; }
    friend bool operator==(const TimelineCursor &, const TimelineCursor &) = default;
};

/// A message as stored: `message.body` is what to display (the latest correction, empty
/// once retracted).
///
/// Row ids are (UTC day << 40) + arrival: ordered by the day of the timestamp, then by
/// arrival. A catch-up's rows land together at the end of their day instead of scattered
/// across the B-tree, as MAM pages of many rooms interleave in time (measured on the
/// bench's catch-up: 0.72 WAL pages written per message, against 1.74 with hour buckets
/// and about 5 with ids in exact time order), while search can still walk the newest
/// days first and bound a date range by id. Exact time order is (timestamp, id).
struct StoredMessage
{
    qint64 id = 0;
    chat::Message message;
    QString originalBody;  ///< the text before the first correction
    bool edited = false;
    bool retracted = false; ///< by a moderator; message.retractionReason says why
    TimelineCursor cursor() const { return {message.timestamp.toMSecsSinceEpoch(), id}; }
    friend bool operator==(const StoredMessage &, const StoredMessage &) = default;
};

/// What one ingest batch changed.
struct IngestResult
{
    int inserted = 0;    ///< new rows (messages, corrections, retractions)
    int duplicates = 0;  ///< already stored: same (archive, stanza-id) or confirmed origin-id
    int corrections = 0; ///< corrections applied to a stored message
    int retractions = 0; ///< retractions applied to a stored message
    int rejected = 0;    ///< unusable input (no group JID)
    QList<qint64> ids;   ///< the row of each input message, in input order (0 if rejected)
};

enum class Direction { Backward, Forward };

/// A slice of a group's timeline, oldest first.
struct TimelinePage
{
    QList<StoredMessage> messages;
    bool more = false; ///< further messages exist in the direction asked for
};

/// Messages of all groups: batched ingest with deduplication, corrections, retractions,
/// attachments; timeline paging; the MAM resume point. Owns messages and
/// message_attachments.
class MessageRepository
{
public:
    MessageRepository(Database &db, GroupRepository &groups, PersonRepository &people,
                      MemberRepository &members);
    ~MessageRepository();

    /// Stores a batch in one transaction (all or nothing). Live, archive (MAM) and own
    /// outgoing messages may come in any order and any number of times: a message is
    /// stored once, recognised by (archive, stanza-id), or by origin-id while it has no
    /// stanza-id yet.
    Expected<IngestResult, StoreError> ingest(const QList<chat::Message> &batch);
    /// Several batches in one transaction, each with its own result: what AsyncStore does
    /// with batches queued while the writer was busy (fewer commits, fewer FTS flushes).
    Expected<QList<IngestResult>, StoreError> ingest(const QList<QList<chat::Message>> &batches);

    /// The stanza-id of the group's newest archived message (time order, not arrival):
    /// where MAM catch-up resumes. Empty when none is stored.
    Expected<QString, StoreError> lastStanzaId(const QString &groupJid);

    /// Up to `limit` messages of the group before (Backward) or after (Forward) `from`;
    /// without `from`, the newest (Backward) or the oldest (Forward).
    Expected<TimelinePage, StoreError> timeline(const QString &groupJid, Direction direction,
                                                std::optional<TimelineCursor> from = {},
                                                int limit = 50);
    Expected<std::optional<StoredMessage>, StoreError> find(qint64 id);
    /// The rows with these ids, in the order given (missing ones are skipped).
    Expected<QList<StoredMessage>, StoreError> byIds(const QList<qint64> &ids);
    /// How many messages (not corrections or retractions) are stored, in one group or all.
    Expected<qint64, StoreError> count(const QString &groupJid = {});

    /// Row ids of messages stamped in [from, to) lie in [bucketFloor(from),
    /// nextBucketFloor(to - 1 ms)): how search bounds a date range before checking
    /// timestamps.
    static qint64 bucketFloor(qint64 ms);
    static qint64 nextBucketFloor(qint64 ms);
    static constexpr int kArrivalBits = 40;
    static constexpr qint64 kBucketMs = 24 * 3600 * 1000;

private:
    class Ingest;
    Expected<QList<StoredMessage>, StoreError> read(Statement &query);
    std::optional<StoreError> loadAttachments(QList<StoredMessage> &messages);

    Database &m_db;
    GroupRepository &m_groups;
    std::unique_ptr<Ingest> m_ingest;
    Statement m_last, m_before, m_after, m_find, m_attachments, m_countAll, m_countGroup;
};

} // namespace chorus::store
