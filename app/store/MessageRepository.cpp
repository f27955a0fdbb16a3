#include "store/MessageRepository.h"

#include "store/GroupRepository.h"
#include "store/MessageIngest_p.h"

#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace chorus::store {
namespace {

const QString kSelect =
    u"SELECT m.id, g.jid, m.kind, m.outgoing, m.archive, m.stanza_id, m.origin_id, m.xml_id, "
    "m.sender_nick, m.sender_occupant_id, m.sender_real_jid, m.recipient_nick, m.body, "
    "m.original_body, m.timestamp, m.replaces_id, m.reply_to_id, m.reply_to_nick, "
    "m.retracts_id, m.retraction_reason, m.corrected_by, m.retracted, m.attachment_count "
    "FROM messages m JOIN groups g ON g.id = m.group_id "_s;

} // namespace

MessageRepository::MessageRepository(Database &db, GroupRepository &groups,
                                     PersonRepository &people, MemberRepository &members)
    : m_db(db),
      m_groups(groups),
      m_ingest(std::make_unique<Ingest>(db, groups, people, members)),
      // The room's own archive is stored as archive '' (see the schema).
      m_last(db, u"SELECT stanza_id FROM messages WHERE group_id = ? AND archive = '' "
                 "AND stanza_id IS NOT NULL ORDER BY timestamp DESC, id DESC LIMIT 1"_s),
      m_before(db, kSelect + u"WHERE m.group_id = ? AND (m.timestamp, m.id) < (?, ?) "
                             "AND m.action = 0 ORDER BY m.timestamp DESC, m.id DESC LIMIT ?"_s),
      m_after(db, kSelect + u"WHERE m.group_id = ? AND (m.timestamp, m.id) > (?, ?) "
                            "AND m.action = 0 ORDER BY m.timestamp ASC, m.id ASC LIMIT ?"_s),
      m_find(db, kSelect + u"WHERE m.id = ?"_s),
      m_attachments(db, u"SELECT url, mime_type, size, file_name, width, height "
                        "FROM message_attachments WHERE message_id = ? ORDER BY position"_s),
      m_countAll(db, u"SELECT count(*) FROM messages WHERE action = 0"_s),
      m_countGroup(db, u"SELECT count(*) FROM messages m JOIN groups g ON g.id = m.group_id "
                       "WHERE g.jid = ? AND m.action = 0"_s)
{
}

MessageRepository::~MessageRepository() = default;

qint64 MessageRepository::bucketFloor(qint64 ms)
{
    return (std::max<qint64>(ms, 0) / kBucketMs) << kArrivalBits;
}

qint64 MessageRepository::nextBucketFloor(qint64 ms)
{
    return ((std::max<qint64>(ms, 0) / kBucketMs) + 1) << kArrivalBits;
}

Expected<IngestResult, StoreError> MessageRepository::ingest(const QList<chat::Message> &batch)
{
    auto results = m_ingest->run({batch});
    if (!results)
        return results.error();
    return results.value().constFirst();
}

Expected<QList<IngestResult>, StoreError>
MessageRepository::ingest(const QList<QList<chat::Message>> &batches)
{
    return m_ingest->run(batches);
}

Expected<QString, StoreError> MessageRepository::lastStanzaId(const QString &groupJid)
{
    const auto group = m_groups.idOf(groupJid);
    if (!group)
        return group.error();
    if (!group.value())
        return QString();
    if (auto error = m_last.exec(*group.value()))
        return *error;
    const QString id = m_last.next() ? m_last.value(0).toString() : QString();
    m_last.finish();
    return id;
}

Expected<QList<StoredMessage>, StoreError> MessageRepository::read(Statement &q)
{
    QList<StoredMessage> rows;
    while (q.next()) {
        StoredMessage s;
        chat::Message &m = s.message;
        s.id = q.value(0).toLongLong();
        m.groupId = q.value(1).toString();
        m.kind = q.value(2).toInt() == 1 ? chat::MessageKind::Private
                                         : chat::MessageKind::GroupChat;
        m.outgoing = q.value(3).toBool();
        m.stanzaId = q.value(5).toString();
        m.archiveId = q.value(4).toString();
        if (m.archiveId.isEmpty() && !m.stanzaId.isEmpty())
            m.archiveId = m.groupId;
        m.originId = q.value(6).toString();
        m.id = q.value(7).toString();
        m.senderNick = q.value(8).toString();
        m.senderOccupantId = q.value(9).toString();
        m.senderRealJid = q.value(10).toString();
        m.recipientNick = q.value(11).toString();
        m.body = q.value(12).toString();
        s.originalBody = q.value(13).toString();
        m.timestamp = QDateTime::fromMSecsSinceEpoch(q.value(14).toLongLong(), Qt::UTC);
        m.replacesId = q.value(15).toString();
        m.replyToId = q.value(16).toString();
        m.replyToNick = q.value(17).toString();
        m.retractsId = q.value(18).toString();
        m.retractionReason = q.value(19).toString();
        s.edited = !q.isNull(20);
        s.retracted = q.value(21).toBool();
        if (q.value(22).toInt() > 0)
            m.attachments.resize(1); // marker: loaded below
        rows.append(std::move(s));
    }
    q.finish();
    if (auto error = loadAttachments(rows))
        return *error;
    return rows;
}

std::optional<StoreError> MessageRepository::loadAttachments(QList<StoredMessage> &rows)
{
    for (StoredMessage &row : rows) {
        if (row.message.attachments.isEmpty())
            continue;
        row.message.attachments.clear();
        if (auto error = m_attachments.exec(row.id))
            return error;
        while (m_attachments.next()) {
            chat::Attachment a;
            a.url = QUrl(m_attachments.value(0).toString());
            a.mimeType = m_attachments.value(1).toString();
            a.size = m_attachments.isNull(2) ? -1 : m_attachments.value(2).toLongLong();
            a.fileName = m_attachments.value(3).toString();
            if (!m_attachments.isNull(4))
                a.dimensions = QSize(m_attachments.value(4).toInt(),
                                     m_attachments.value(5).toInt());
            row.message.attachments.append(a);
        }
        m_attachments.finish();
    }
    return std::nullopt;
}

Expected<TimelinePage, StoreError> MessageRepository::timeline(const QString &groupJid,
                                                               Direction direction,
                                                               std::optional<TimelineCursor> from,
                                                               int limit)
{
    if (limit <= 0)
        return StoreError::make(StoreError::Code::InvalidArgument, m_db.path(),
                                u"timeline page of %1 messages"_s.arg(limit));
    const auto group = m_groups.idOf(groupJid);
    if (!group)
        return group.error();
    if (!group.value())
        return TimelinePage{};
    // One row more than asked tells whether there is more.
    Statement &q = direction == Direction::Backward ? m_before : m_after;
    constexpr qint64 end = std::numeric_limits<qint64>::max();
    const TimelineCursor cursor = from ? *from
        : direction == Direction::Backward ? TimelineCursor{end, end}
                                           : TimelineCursor{std::numeric_limits<qint64>::min(), 0};
    if (auto error = q.exec(*group.value(), cursor.timestampMs, cursor.id, limit + 1))
        return *error;
    auto rows = read(q);
    if (!rows)
        return rows.error();
    TimelinePage page;
    page.messages = std::move(rows.value());
    page.more = page.messages.size() > limit;
    if (page.more)
        page.messages.removeLast();
    if (direction == Direction::Backward)
        std::reverse(page.messages.begin(), page.messages.end());
    return page;
}

Expected<std::optional<StoredMessage>, StoreError> MessageRepository::find(qint64 id)
{
    if (auto error = m_find.exec(id))
        return *error;
    auto rows = read(m_find);
    if (!rows)
        return rows.error();
    if (rows.value().isEmpty())
        return std::optional<StoredMessage>();
    return std::optional<StoredMessage>(rows.value().first());
}

Expected<QList<StoredMessage>, StoreError> MessageRepository::byIds(const QList<qint64> &ids)
{
    QList<StoredMessage> out;
    out.reserve(ids.size());
    for (const qint64 id : ids) {
        const auto row = find(id);
        if (!row)
            return row.error();
        if (row.value())
            out.append(*row.value());
    }
    return out;
}

Expected<qint64, StoreError> MessageRepository::count(const QString &groupJid)
{
    Statement &q = groupJid.isEmpty() ? m_countAll : m_countGroup;
    std::optional<StoreError> error = groupJid.isEmpty() ? q.exec() : q.exec(groupJid);
    if (error)
        return *error;
    const qint64 n = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return n;
}

} // namespace chorus::store
