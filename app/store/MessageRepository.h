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

/// A message as stored: `message.body` is what to display (the latest correction, empty
/// once retracted).
struct StoredMessage
{
    qint64 id = 0;         ///< row id; its order is (timestamp, arrival): the timeline cursor
    chat::Message message;
    QString originalBody;  ///< the text before the first correction
    bool edited = false;
    bool retracted = false; ///< by a moderator; message.retractionReason says why
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

    /// The stanza-id of the group's newest archived message (time order, not arrival):
    /// where MAM catch-up resumes. Empty when none is stored.
    Expected<QString, StoreError> lastStanzaId(const QString &groupJid);

    /// Up to `limit` messages of the group before (Backward) or after (Forward) the row
    /// `from`; `from` = 0 means from the newest (Backward) or the oldest (Forward).
    Expected<TimelinePage, StoreError> timeline(const QString &groupJid, Direction direction,
                                                qint64 from = 0, int limit = 50);
    Expected<std::optional<StoredMessage>, StoreError> find(qint64 id);
    /// The rows with these ids, in the order given (missing ones are skipped).
    Expected<QList<StoredMessage>, StoreError> byIds(const QList<qint64> &ids);
    /// How many messages (not corrections or retractions) are stored, in one group or all.
    Expected<qint64, StoreError> count(const QString &groupJid = {});

    /// The first row id at or after `time`: turns a date into a timeline cursor.
    static qint64 idAt(const QDateTime &time);

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
