// MessageRepository::ingest(): one transaction per batch, statements prepared once,
// deduplication by (archive, stanza-id) and origin-id, corrections and retractions applied
// to their target whichever arrives first.

#include "store/MessageIngest_p.h"

#include "store/GroupRepository.h"
#include "store/MemberRepository.h"
#include "store/PersonRepository.h"
#include "store/TextIndex.h"

using namespace Qt::StringLiterals;

namespace chorus::store {
namespace {

enum Action { Plain = 0, Correction = 1, Retraction = 2 };

int actionOf(const chat::Message &m)
{
    return m.isRetraction() ? Retraction : m.isCorrection() ? Correction : Plain;
}

qint64 msOf(const chat::Message &m)
{
    return m.timestamp.isValid() ? m.timestamp.toMSecsSinceEpoch()
                                 : QDateTime::currentMSecsSinceEpoch();
}

} // namespace

bool MessageRepository::Ingest::Sender::sameAs(const Sender &other) const
{
    // A correction counts only from whoever wrote the message: occupant-id where the room
    // gives one (XEP-0421), else the real JID, else the nick.
    if (outgoing || other.outgoing)
        return outgoing == other.outgoing;
    if (!occupantId.isEmpty() && !other.occupantId.isEmpty())
        return occupantId == other.occupantId;
    if (!realJid.isEmpty() && !other.realJid.isEmpty())
        return realJid.compare(other.realJid, Qt::CaseInsensitive) == 0;
    return nick == other.nick;
}

MessageRepository::Ingest::Sender MessageRepository::Ingest::senderOf(const chat::Message &m)
{
    return {m.senderOccupantId, m.senderRealJid, m.senderNick, m.outgoing};
}

MessageRepository::Ingest::Sender MessageRepository::Ingest::senderAt(const NativeStatement &q,
                                                                      int column)
{
    return {q.text(column), q.text(column + 1), q.text(column + 2), q.int64(column + 3) != 0};
}

MessageRepository::Ingest::Ingest(Database &db, GroupRepository &groups, PersonRepository &people,
                                  MemberRepository &members)
    : m_db(db), m_groups(groups), m_people(people), m_members(members),
      m_byStanza(db,
                 u"SELECT id FROM messages WHERE group_id = ? AND archive = ? "
                 "AND stanza_id = ?"_s),
      m_byOrigin(db,
                 u"SELECT id, stanza_id, archive, sender_occupant_id, sender_real_jid, "
                 "sender_nick, outgoing FROM messages WHERE group_id = ? AND origin_id = ? "
                 "AND (stanza_id IS NULL OR outgoing = 1)"_s),
      m_confirm(db, u"UPDATE OR IGNORE messages SET archive = ?, stanza_id = ? WHERE id = ?"_s),
      // The id is allocated in the statement: the next free one in the millisecond's range.
      // A stanza-id seen before (unique index) inserts nothing.
      m_insert(db, uR"(INSERT INTO messages(id, group_id, kind, action, outgoing, archive,
                stanza_id, origin_id, xml_id, sender_person, sender_nick, sender_occupant_id,
                sender_real_jid, recipient_nick, body, timestamp, replaces_id, reply_to_id,
                reply_to_nick, retracts_id, retraction_reason, target_id, attachment_count,
                search_words, search_tails)
            VALUES ((SELECT coalesce(max(id) + 1, ?1) FROM messages WHERE id BETWEEN ?1 AND ?2),
                ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
                ?21, ?22, ?23, ?24, ?25, ?26)
            ON CONFLICT DO NOTHING)"_s),
      m_attach(db, uR"(INSERT INTO message_attachments(message_id, position, url, mime_type,
                size, file_name, width, height) VALUES (?, ?, ?, ?, ?, ?, ?, ?))"_s),
      m_pending(db,
                u"SELECT id, group_id, action, replaces_id, retracts_id, sender_occupant_id, "
                "sender_real_jid, sender_nick, outgoing, body, retraction_reason, timestamp "
                "FROM messages WHERE action <> 0 AND target_id IS NULL"_s),
      m_correctionTarget(db,
                         u"SELECT id, sender_occupant_id, sender_real_jid, sender_nick, "
                         "outgoing FROM messages WHERE group_id = ?1 "
                         "AND timestamp BETWEEN ?2 AND ?3 AND action = 0 "
                         "AND (xml_id = ?4 OR origin_id = ?4) "
                         "ORDER BY timestamp DESC, id DESC"_s),
      m_retractionTarget(db,
                         u"SELECT id FROM messages WHERE group_id = ? AND archive = '' "
                         "AND stanza_id = ? AND action = 0"_s),
      // The newest correction (in time order) wins, whatever order they arrive in.
      m_applyCorrection(db, uR"(UPDATE messages SET original_body = coalesce(original_body, body),
                body = ?1, search_words = ?2, search_tails = ?3, corrected_by = ?4
            WHERE id = ?5 AND retracted = 0 AND (corrected_by IS NULL OR coalesce(
                (SELECT (c.timestamp, c.id) < (?6, ?4) FROM messages c
                 WHERE c.id = messages.corrected_by), 1)))"_s),
      m_applyRetraction(db, uR"(UPDATE messages SET retracted = 1, retraction_reason = ?,
                body = '', original_body = NULL, search_words = NULL, search_tails = NULL,
                attachment_count = 0
            WHERE id = ? AND retracted = 0)"_s),
      m_dropAttachments(db, u"DELETE FROM message_attachments WHERE message_id = ?"_s),
      m_resolve(db, u"UPDATE messages SET target_id = ? WHERE id = ?"_s),
      // The batch's new rows enter the index in one statement (see CoreSchema.cpp).
      m_index(db,
              u"INSERT INTO message_search(rowid, search_words, search_tails, "
              "search_facets) SELECT id, search_words, search_tails, search_facets "
              "FROM messages "
              "WHERE id IN (SELECT value FROM json_each(?)) AND search_words IS NOT NULL"_s)
{
}

Expected<QList<IngestResult>, StoreError>
MessageRepository::Ingest::run(const QList<QList<chat::Message>> &batches)
{
    QList<IngestResult> results(batches.size());
    qsizetype total = 0;
    for (qsizetype b = 0; b < batches.size(); ++b) {
        results[b].ids.fill(0, batches.at(b).size());
        total += batches.at(b).size();
    }
    if (total == 0)
        return results;

    Transaction transaction(m_db);
    if (auto error = transaction.begin())
        return *error;
    m_groupIds.clear();
    m_personIds.clear();
    m_activity.clear();
    m_toIndex.clear();
    m_toApply.clear();
    if (auto error = prepareBatch(batches))
        return *error;
    for (qsizetype b = 0; b < batches.size(); ++b) {
        const QList<chat::Message> &batch = batches.at(b);
        IngestResult &result = results[b];
        for (qsizetype i = 0; i < batch.size(); ++i) {
            const chat::Message &m = batch.at(i);
            if (m.groupId.isEmpty()) {
                ++result.rejected;
                continue;
            }
            const auto id = ingestOne(m, result, int(b));
            if (!id)
                return id.error();
            result.ids[i] = id.value();
        }
    }
    // Index the new rows, then apply corrections and retractions in time order: their
    // updates go through the index triggers, which must find those rows indexed.
    if (auto error = indexNewRows())
        return *error;
    std::sort(m_toApply.begin(), m_toApply.end(), [](const ToApply &a, const ToApply &b) {
        return a.ms < b.ms || (a.ms == b.ms && a.id < b.id);
    });
    for (const ToApply &a : std::as_const(m_toApply)) {
        if (auto error = apply(a, results[a.batch]))
            return *error;
    }
    for (auto it = m_activity.cbegin(); it != m_activity.cend(); ++it) {
        const Activity &a = it.value();
        if (auto error = m_members.recordActivity(it.key().first, it.key().second, a.nick,
                                                  a.occupantId, a.realJid, a.lastMs, a.count))
            return *error;
    }
    if (auto error = transaction.commit())
        return *error;
    return results;
}

std::optional<StoreError>
MessageRepository::Ingest::prepareBatch(const QList<QList<chat::Message>> &batches)
{
    if (m_pendingGeneration != m_db.rollbackGeneration()) {
        if (auto error = loadPending())
            return error;
    }
    // Groups and senders once per batch, not once per message.
    struct Seen
    {
        chat::PersonKey key;
        QString name;
        qint64 first = 0, last = 0;
    };
    QHash<QString, Seen> senders;
    for (const QList<chat::Message> &batch : batches) {
        for (const chat::Message &m : batch) {
            if (m.groupId.isEmpty())
                continue;
            if (!m_groupIds.contains(m.groupId)) {
                const auto id = m_groups.ensure(m.groupId);
                if (!id)
                    return id.error();
                m_groupIds.insert(m.groupId, id.value());
            }
            const chat::PersonKey key = m.sender();
            if (!key.isValid())
                continue;
            const qint64 ms = msOf(m);
            auto it = senders.find(key.value);
            if (it == senders.end()) {
                senders.insert(key.value, {key, m.senderNick, ms, ms});
            } else {
                it->first = std::min(it->first, ms);
                if (ms >= it->last) {
                    it->last = ms;
                    it->name = m.senderNick;
                }
            }
        }
    }
    for (auto it = senders.cbegin(); it != senders.cend(); ++it) {
        const auto id = m_people.sighted(it->key, it->name, it->first, it->last);
        if (!id)
            return id.error();
        m_personIds.insert(it.key(), id.value());
    }
    return std::nullopt;
}

std::optional<StoreError> MessageRepository::Ingest::loadPending()
{
    m_pendingByGroup.clear();
    if (auto error = m_pending.start())
        return error;
    std::optional<StoreError> error;
    while (m_pending.next(&error)) {
        Pending p;
        p.id = m_pending.int64(0);
        p.action = int(m_pending.int64(2));
        p.target = m_pending.text(p.action == Correction ? 3 : 4);
        p.sender = senderAt(m_pending, 5);
        p.body = m_pending.text(9);
        p.reason = m_pending.text(10);
        p.ms = m_pending.int64(11);
        m_pendingByGroup[m_pending.int64(1)].append(p);
    }
    if (error)
        return error;
    m_pendingGeneration = m_db.rollbackGeneration();
    return std::nullopt;
}

Expected<std::optional<qint64>, StoreError>
MessageRepository::Ingest::byStanza(qint64 groupId, const QString &archive, const QString &stanzaId)
{
    if (auto error = m_byStanza.start())
        return *error;
    m_byStanza.bind(1, groupId);
    m_byStanza.bind(2, archive);
    m_byStanza.bind(3, stanzaId);
    std::optional<StoreError> error;
    std::optional<qint64> id;
    if (m_byStanza.next(&error))
        id = m_byStanza.int64(0);
    m_byStanza.reset();
    if (error)
        return *error;
    return id;
}

Expected<std::optional<qint64>, StoreError>
MessageRepository::Ingest::byOrigin(const chat::Message &m, qint64 groupId, const QString &archive)
{
    // Same origin-id from the same sender: our own message coming back (echo or archive),
    // or a message first seen without a stanza-id. Two different stanza-ids mean two
    // messages (a resend), so they never match.
    if (auto error = m_byOrigin.start())
        return *error;
    m_byOrigin.bind(1, groupId);
    m_byOrigin.bind(2, m.originId);
    const Sender sender = senderOf(m);
    std::optional<qint64> match;
    bool confirm = false;
    std::optional<StoreError> error;
    while (m_byOrigin.next(&error)) {
        const bool rowHasStanza = !m_byOrigin.isNull(1);
        if (rowHasStanza && !m.stanzaId.isEmpty()
            && (m_byOrigin.text(1) != m.stanzaId || m_byOrigin.text(2) != archive))
            continue;
        if (!senderAt(m_byOrigin, 3).sameAs(sender))
            continue;
        match = m_byOrigin.int64(0);
        confirm = !rowHasStanza && !m.stanzaId.isEmpty();
        break;
    }
    m_byOrigin.reset();
    if (error)
        return *error;
    if (match && confirm) {
        if (auto failure = m_confirm.start())
            return *failure;
        m_confirm.bind(1, archive);
        m_confirm.bind(2, m.stanzaId);
        m_confirm.bind(3, *match);
        if (auto failure = m_confirm.run())
            return *failure;
        // The stanza-id is already on another row (it came without the origin-id, or
        // from another sender): that row is the message.
        if (m_confirm.changes() == 0)
            return byStanza(groupId, archive, m.stanzaId);
    }
    return match;
}

Expected<qint64, StoreError> MessageRepository::Ingest::ingestOne(const chat::Message &m,
                                                                  IngestResult &result, int batch)
{
    const qint64 groupId = m_groupIds.value(m.groupId);
    // '' stands for the room's own archive (see the schema).
    const QString archive
        = m.archiveId.isEmpty() || m.archiveId == m.groupId ? QString() : m.archiveId;
    if (!m.originId.isEmpty()) {
        const auto known = byOrigin(m, groupId, archive);
        if (!known)
            return known.error();
        if (known.value()) {
            ++result.duplicates;
            return *known.value();
        }
    }

    const qint64 ms = msOf(m);
    const int action = actionOf(m);
    const auto person = m_personIds.constFind(m.sender().value);
    // The id: the day in the high bits, arrival within the day below (see
    // StoredMessage). 2^40 messages in one day would spill into the next: not a real case.
    const qint64 base = MessageRepository::bucketFloor(ms);

    // An action whose target is already stored is applied now; otherwise it waits.
    std::optional<qint64> target;
    if (action != Plain) {
        const auto found = action == Correction ? correctionTarget(m, groupId, ms)
                                                : retractionTarget(m, groupId);
        if (!found)
            return found.error();
        target = found.value();
    }
    if (auto error = m_insert.start())
        return *error;
    NativeStatement &q = m_insert;
    q.bind(1, base);
    q.bind(2, MessageRepository::nextBucketFloor(ms) - 1);
    q.bind(3, groupId);
    q.bind(4, int(m.kind == chat::MessageKind::Private));
    q.bind(5, action);
    q.bind(6, m.outgoing);
    if (m.stanzaId.isEmpty())
        q.bindNull(7);
    else
        q.bind(7, archive);
    q.bindNullable(8, m.stanzaId);
    q.bindNullable(9, m.originId);
    q.bindNullable(10, m.id);
    if (person != m_personIds.constEnd())
        q.bind(11, *person);
    q.bind(12, m.senderNick);
    q.bindNullable(13, m.senderOccupantId);
    q.bindNullable(14, m.senderRealJid);
    q.bindNullable(15, m.recipientNick);
    q.bind(16, m.body);
    q.bind(17, ms);
    q.bindNullable(18, m.replacesId);
    q.bindNullable(19, m.replyToId);
    q.bindNullable(20, m.replyToNick);
    q.bindNullable(21, m.retractsId);
    q.bindNullable(22, m.retractionReason);
    if (target)
        q.bind(23, *target);
    q.bind(24, int(m.attachments.size()));
    if (action == Plain && !m.body.isEmpty()) {
        const text::SearchText search = text::searchText(m.body);
        q.bind(25, search.words);
        q.bindNullable(26, search.tails);
    }
    if (auto error = q.run())
        return *error;
    if (q.changes() == 0) {
        // The unique (group, archive, stanza-id) index said: seen before.
        const auto known = byStanza(groupId, archive, m.stanzaId);
        if (!known)
            return known.error();
        if (!known.value())
            return StoreError::make(StoreError::Code::Internal, m_db.path(),
                                    u"insert ignored without a duplicate"_s);
        ++result.duplicates;
        return *known.value();
    }
    const qint64 id = q.lastInsertId();
    ++result.inserted;
    if (auto error = insertAttachments(id, m))
        return *error;

    if (action == Plain) {
        if (!m.body.isEmpty())
            m_toIndex.append(id);
        if (auto error = resolvePending(m, id, groupId, archive, batch))
            return *error;
        if (m.kind == chat::MessageKind::GroupChat && person != m_personIds.constEnd()) {
            Activity &a = m_activity[{groupId, *person}];
            a.count += 1;
            if (ms >= a.lastMs) {
                a.lastMs = ms;
                a.nick = m.senderNick;
                a.occupantId = m.senderOccupantId;
                a.realJid = m.senderRealJid;
            }
        }
    } else if (target) {
        m_toApply.append({id, ms, action, m.body, m.retractionReason, *target, batch});
    } else {
        m_pendingByGroup[groupId].append({id, ms, action,
                                          action == Correction ? m.replacesId : m.retractsId,
                                          senderOf(m), m.body, m.retractionReason});
    }
    return id;
}

std::optional<StoreError> MessageRepository::Ingest::insertAttachments(qint64 id,
                                                                       const chat::Message &m)
{
    for (qsizetype i = 0; i < m.attachments.size(); ++i) {
        const chat::Attachment &a = m.attachments.at(i);
        if (auto error = m_attach.start())
            return error;
        m_attach.bind(1, id);
        m_attach.bind(2, int(i));
        m_attach.bind(3, a.url.toString());
        m_attach.bindNullable(4, a.mimeType);
        if (a.size >= 0)
            m_attach.bind(5, a.size);
        m_attach.bindNullable(6, a.fileName);
        if (a.dimensions.isValid()) {
            m_attach.bind(7, a.dimensions.width());
            m_attach.bind(8, a.dimensions.height());
        }
        if (auto error = m_attach.run())
            return error;
    }
    return std::nullopt;
}

Expected<std::optional<qint64>, StoreError>
MessageRepository::Ingest::correctionTarget(const chat::Message &m, qint64 groupId, qint64 ms)
{
    // Corrections are for recent messages (XEP-0308): look back 30 days from the
    // correction on the group's timeline (a day ahead for clock skew) instead of keeping
    // an index of every message's id.
    constexpr qint64 day = qint64(24 * 3600 * 1000);
    if (auto error = m_correctionTarget.start())
        return *error;
    m_correctionTarget.bind(1, groupId);
    m_correctionTarget.bind(2, ms - 30 * day);
    m_correctionTarget.bind(3, ms + day);
    m_correctionTarget.bind(4, m.replacesId);
    const Sender sender = senderOf(m);
    std::optional<qint64> target;
    std::optional<StoreError> error;
    while (m_correctionTarget.next(&error)) {
        if (senderAt(m_correctionTarget, 1).sameAs(sender)) {
            target = m_correctionTarget.int64(0);
            break;
        }
    }
    m_correctionTarget.reset();
    if (error)
        return *error;
    return target;
}

Expected<std::optional<qint64>, StoreError>
MessageRepository::Ingest::retractionTarget(const chat::Message &m, qint64 groupId)
{
    // XEP-0425: the room moderates the message it archived under this stanza-id.
    if (auto error = m_retractionTarget.start())
        return *error;
    m_retractionTarget.bind(1, groupId);
    m_retractionTarget.bind(2, m.retractsId);
    std::optional<qint64> target;
    std::optional<StoreError> error;
    if (m_retractionTarget.next(&error))
        target = m_retractionTarget.int64(0);
    m_retractionTarget.reset();
    if (error)
        return *error;
    return target;
}

std::optional<StoreError> MessageRepository::Ingest::apply(const ToApply &a, IngestResult &result)
{
    const QString &body = a.body;
    if (a.action == Correction) {
        if (auto error = m_applyCorrection.start())
            return error;
        const text::SearchText search = text::searchText(body);
        m_applyCorrection.bind(1, body);
        if (!body.isEmpty()) {
            m_applyCorrection.bind(2, search.words);
            m_applyCorrection.bindNullable(3, search.tails);
        }
        m_applyCorrection.bind(4, a.id);
        m_applyCorrection.bind(5, a.target);
        m_applyCorrection.bind(6, a.ms);
        if (auto error = m_applyCorrection.run())
            return error;
        if (m_applyCorrection.changes() > 0)
            ++result.corrections;
        return std::nullopt;
    }
    if (auto error = m_applyRetraction.start())
        return error;
    m_applyRetraction.bindNullable(1, a.reason);
    m_applyRetraction.bind(2, a.target);
    if (auto error = m_applyRetraction.run())
        return error;
    if (m_applyRetraction.changes() == 0)
        return std::nullopt;
    ++result.retractions;
    if (auto error = m_dropAttachments.start())
        return error;
    m_dropAttachments.bind(1, a.target);
    return m_dropAttachments.run();
}

std::optional<StoreError> MessageRepository::Ingest::indexNewRows()
{
    if (m_toIndex.isEmpty())
        return std::nullopt;
    QByteArray ids = "[";
    for (qsizetype i = 0; i < m_toIndex.size(); ++i) {
        if (i > 0)
            ids += ',';
        ids += QByteArray::number(m_toIndex.at(i));
    }
    ids += ']';
    if (auto error = m_index.start())
        return error;
    m_index.bind(1, QString::fromLatin1(ids));
    return m_index.run();
}

std::optional<StoreError> MessageRepository::Ingest::resolvePending(const chat::Message &m,
                                                                    qint64 id, qint64 groupId,
                                                                    const QString &archive,
                                                                    int batch)
{
    auto it = m_pendingByGroup.find(groupId);
    if (it == m_pendingByGroup.end() || it->isEmpty())
        return std::nullopt;
    const Sender sender = senderOf(m);
    const bool fromRoomArchive = !m.stanzaId.isEmpty() && archive.isEmpty();
    QList<Pending> &pending = *it;
    for (qsizetype i = 0; i < pending.size();) {
        const Pending &p = pending.at(i);
        const bool hits = p.action == Correction
            ? (!p.target.isEmpty() && (p.target == m.id || p.target == m.originId)
               && p.sender.sameAs(sender))
            : (fromRoomArchive && p.target == m.stanzaId);
        if (!hits) {
            ++i;
            continue;
        }
        if (auto error = m_resolve.start())
            return error;
        m_resolve.bind(1, id);
        m_resolve.bind(2, p.id);
        if (auto error = m_resolve.run())
            return error;
        m_toApply.append({p.id, p.ms, p.action, p.body, p.reason, id, batch});
        pending.removeAt(i);
    }
    return std::nullopt;
}

} // namespace chorus::store
