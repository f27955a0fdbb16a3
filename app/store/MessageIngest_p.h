#pragma once

// Private to MessageRepository: the statements and per-batch state of ingest().

#include "store/MessageRepository.h"
#include "store/NativeStatement.h"

#include <QHash>
#include <QPair>

namespace chorus::store {

class MessageRepository::Ingest
{
public:
    Ingest(Database &db, GroupRepository &groups, PersonRepository &people,
           MemberRepository &members);
    Expected<QList<IngestResult>, StoreError> run(const QList<QList<chat::Message>> &batches);

private:
    struct Sender
    {
        QString occupantId, realJid, nick;
        bool outgoing = false;
        bool sameAs(const Sender &other) const;
    };
    /// A correction or retraction stored before its target.
    struct Pending
    {
        qint64 id = 0;
        qint64 ms = 0; ///< its timestamp
        int action = 0;
        QString target; ///< replaces-id or retracted stanza-id
        Sender sender;
        QString body;
        QString reason;
    };
    /// A correction or retraction to apply once the batch's new rows are indexed.
    struct ToApply
    {
        qint64 id = 0; ///< the action's row
        qint64 ms = 0; ///< its timestamp: actions apply in (timestamp, id) order
        int action = 0;
        QString body;
        QString reason;
        qint64 target = 0;
        int batch = 0; ///< whose result counts it
    };
    /// Messages one sender added to one group in this batch.
    struct Activity
    {
        int count = 0;
        qint64 lastMs = 0;
        QString nick, occupantId, realJid;
    };

    static Sender senderOf(const chat::Message &m);
    static Sender senderAt(const NativeStatement &query, int column);

    std::optional<StoreError> prepareBatch(const QList<QList<chat::Message>> &batches);
    std::optional<StoreError> loadPending();
    Expected<qint64, StoreError> ingestOne(const chat::Message &m, IngestResult &result,
                                           int batch);
    Expected<std::optional<qint64>, StoreError> byStanza(qint64 groupId, const QString &archive,
                                                         const QString &stanzaId);
    Expected<std::optional<qint64>, StoreError> byOrigin(const chat::Message &m, qint64 groupId,
                                                         const QString &archive);
    Expected<std::optional<qint64>, StoreError> correctionTarget(const chat::Message &m,
                                                                 qint64 groupId, qint64 ms);
    Expected<std::optional<qint64>, StoreError> retractionTarget(const chat::Message &m,
                                                                 qint64 groupId);
    std::optional<StoreError> apply(const ToApply &action, IngestResult &result);
    std::optional<StoreError> resolvePending(const chat::Message &m, qint64 id, qint64 groupId,
                                             const QString &archive, int batch);
    std::optional<StoreError> indexNewRows();
    std::optional<StoreError> insertAttachments(qint64 id, const chat::Message &m);

    Database &m_db;
    GroupRepository &m_groups;
    PersonRepository &m_people;
    MemberRepository &m_members;
    NativeStatement m_byStanza, m_byOrigin, m_confirm, m_insert, m_attach, m_pending,
        m_correctionTarget, m_retractionTarget, m_applyCorrection, m_applyRetraction,
        m_dropAttachments, m_resolve, m_index;

    /// Actions still waiting for their target, per group: loaded once, then kept in step
    /// with what ingest stores (reloaded after a rollback).
    QHash<qint64, QList<Pending>> m_pendingByGroup;
    quint64 m_pendingGeneration = ~quint64(0);
    // Per batch:
    QHash<QString, qint64> m_groupIds;
    QHash<QString, qint64> m_personIds;
    QHash<QPair<qint64, qint64>, Activity> m_activity;
    QList<qint64> m_toIndex;
    QList<ToApply> m_toApply;
};

} // namespace chorus::store
