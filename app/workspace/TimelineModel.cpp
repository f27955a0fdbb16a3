#include "workspace/TimelineModel.h"

#include <QLoggingCategory>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcTimeline, "chorus.timeline")

namespace chorus::workspace {

struct TimelineModel::Entry
{
    chat::Message message;
    QString body; ///< current text after corrections
    bool edited = false;
    bool retracted = false;
    QString retractionReason;
    quint64 sequence = 0; ///< arrival order, breaks timestamp ties

    bool before(const QDateTime &time, quint64 seq) const
    {
        return message.timestamp < time || (message.timestamp == time && sequence < seq);
    }
};

namespace {

constexpr int kPreviewLength = 80;

bool sameSender(const chat::Message &a, const chat::Message &b)
{
    // A correction must come from the occupant who wrote the original (XEP-0308,
    // CVE-2021-41055 class): compare the stable occupant-id when both carry one.
    if (!a.senderOccupantId.isEmpty() && !b.senderOccupantId.isEmpty())
        return a.senderOccupantId == b.senderOccupantId;
    if (!a.senderRealJid.isEmpty() && !b.senderRealJid.isEmpty())
        return a.senderRealJid.compare(b.senderRealJid, Qt::CaseInsensitive) == 0;
    return a.outgoing == b.outgoing && a.senderNick == b.senderNick;
}

} // namespace

TimelineModel::TimelineModel(QString groupId, QObject *parent)
    : QAbstractListModel(parent), m_groupId(std::move(groupId))
{
}

TimelineModel::~TimelineModel() = default;

void TimelineModel::setGroupTimeZone(const QTimeZone &zone)
{
    if (!zone.isValid() || zone == m_zone)
        return;
    m_zone = zone;
    if (!m_entries.empty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {NewDayRole});
}

void TimelineModel::setOwnNick(const QString &nick)
{
    if (nick == m_ownNick)
        return;
    m_ownNick = nick;
    if (!m_entries.empty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {MentionsMeRole});
}

QString TimelineModel::keyOf(const chat::Message &message)
{
    if (!message.stanzaId.isEmpty())
        return message.stanzaId;
    if (!message.originId.isEmpty())
        return message.originId;
    return message.id;
}

int TimelineModel::addMessages(const QList<chat::Message> &messages)
{
    std::vector<std::unique_ptr<Entry>> fresh;
    for (const chat::Message &m : messages) {
        if (m.groupId != m_groupId)
            continue;
        if (m.isRetraction()) {
            applyRetraction(m);
            continue;
        }
        if (m.isCorrection()) {
            applyCorrection(m);
            continue;
        }
        if (absorbDuplicate(m))
            continue;
        auto entry = std::make_unique<Entry>();
        entry->message = m;
        entry->body = m.body;
        entry->sequence = ++m_sequence;
        indexIds(entry.get());
        fresh.push_back(std::move(entry));
    }
    if (fresh.empty())
        return 0;

    std::stable_sort(fresh.begin(), fresh.end(), [](const auto &a, const auto &b) {
        return a->before(b->message.timestamp, b->sequence);
    });
    const int added = int(fresh.size());
    const bool appendsAll = m_entries.empty()
                            || !fresh.front()->before(m_entries.back()->message.timestamp,
                                                      m_entries.back()->sequence);
    if (appendsAll) {
        // The common case (live traffic, catch-up after the newest we hold): one insert.
        const int first = rowCount();
        beginInsertRows({}, first, first + added - 1);
        for (auto &e : fresh)
            m_entries.push_back(std::move(e));
        endInsertRows();
    } else {
        for (auto &e : fresh) {
            const auto pos = std::lower_bound(
                m_entries.begin(), m_entries.end(), e.get(),
                [](const auto &have, const Entry *want) {
                    return have->before(want->message.timestamp, want->sequence);
                });
            const int row = int(pos - m_entries.begin());
            beginInsertRows({}, row, row);
            m_entries.insert(pos, std::move(e));
            endInsertRows();
        }
    }

    // Edits that arrived before the message they edit (archive pages come newest first).
    if (!m_orphanEdits.isEmpty()) {
        const auto pending = m_orphanEdits;
        m_orphanEdits.clear();
        for (const chat::Message &edit : pending) {
            if (edit.isRetraction())
                applyRetraction(edit);
            else
                applyCorrection(edit);
        }
    }
    return added;
}

void TimelineModel::indexIds(Entry *entry)
{
    const chat::Message &m = entry->message;
    for (const QString &id : {m.stanzaId, m.originId, m.id}) {
        if (!id.isEmpty())
            m_byId.insert(id, entry);
    }
}

bool TimelineModel::absorbDuplicate(const chat::Message &message)
{
    if (!message.stanzaId.isEmpty() && m_byId.contains(message.stanzaId))
        return true;
    // Our own message comes back from the room with the origin-id we gave it and a
    // stanza-id we did not know yet: learn the stanza-id, keep one row.
    if (!message.originId.isEmpty()) {
        if (Entry *e = m_byId.value(message.originId); e && sameSender(e->message, message)) {
            if (e->message.stanzaId.isEmpty() && !message.stanzaId.isEmpty()) {
                e->message.stanzaId = message.stanzaId;
                e->message.archiveId = message.archiveId;
                e->message.timestamp = e->message.timestamp.isValid() ? e->message.timestamp
                                                                      : message.timestamp;
                m_byId.insert(message.stanzaId, e);
                notifyRow(e);
            }
            return true;
        }
    }
    return false;
}

TimelineModel::Entry *TimelineModel::find(const QString &anyId) const
{
    return anyId.isEmpty() ? nullptr : m_byId.value(anyId);
}

void TimelineModel::applyCorrection(const chat::Message &correction)
{
    Entry *target = find(correction.replacesId);
    if (!target) {
        m_orphanEdits.insert(correction.replacesId, correction);
        return;
    }
    if (!sameSender(target->message, correction) || target->retracted) {
        qCWarning(lcTimeline) << "ignored a correction of" << correction.replacesId
                              << "from another sender in" << m_groupId;
        return;
    }
    target->body = correction.body;
    target->edited = true;
    notifyRow(target);
}

void TimelineModel::applyRetraction(const chat::Message &retraction)
{
    Entry *target = find(retraction.retractsId);
    if (!target) {
        m_orphanEdits.insert(retraction.retractsId, retraction);
        return;
    }
    target->retracted = true;
    target->retractionReason = retraction.retractionReason;
    target->body.clear();
    notifyRow(target);
}

int TimelineModel::rowOfEntry(const Entry *entry) const
{
    const auto pos = std::lower_bound(m_entries.begin(), m_entries.end(), entry,
                                      [](const auto &have, const Entry *want) {
                                          return have->before(want->message.timestamp,
                                                              want->sequence);
                                      });
    return (pos != m_entries.end() && pos->get() == entry) ? int(pos - m_entries.begin()) : -1;
}

void TimelineModel::notifyRow(const Entry *entry)
{
    const int row = rowOfEntry(entry);
    if (row >= 0)
        Q_EMIT dataChanged(index(row), index(row));
}

int TimelineModel::rowOf(const QString &anyId) const
{
    const Entry *e = find(anyId);
    return e ? rowOfEntry(e) : -1;
}

const chat::Message &TimelineModel::messageAt(int row) const
{
    return m_entries.at(size_t(row))->message;
}

QString TimelineModel::oldestStanzaId() const
{
    for (const auto &e : m_entries) {
        if (!e->message.stanzaId.isEmpty())
            return e->message.stanzaId;
    }
    return {};
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

bool TimelineModel::mentionsMe(const QString &body) const
{
    if (m_ownNick.isEmpty())
        return false;
    qsizetype from = 0;
    while ((from = body.indexOf(m_ownNick, from, Qt::CaseInsensitive)) >= 0) {
        const qsizetype end = from + m_ownNick.size();
        const bool startOk = from == 0 || !body.at(from - 1).isLetterOrNumber();
        const bool endOk = end >= body.size() || !body.at(end).isLetterOrNumber();
        if (startOk && endOk)
            return true;
        from = end;
    }
    return false;
}

QVariant TimelineModel::data(const QModelIndex &idx, int role) const
{
    if (!idx.isValid() || idx.row() >= rowCount())
        return {};
    const Entry &e = *m_entries[size_t(idx.row())];
    const chat::Message &m = e.message;
    switch (role) {
    case Qt::DisplayRole:
    case BodyRole:
        return e.body;
    case MessageIdRole:
        return keyOf(m);
    case StanzaIdRole:
        return m.stanzaId;
    case SenderNickRole:
        return m.senderNick;
    case SenderKeyRole:
        return m.sender().value;
    case OriginalBodyRole:
        return m.body;
    case TimestampRole:
        return m.timestamp;
    case OutgoingRole:
        return m.outgoing;
    case PrivateRole:
        return m.kind == chat::MessageKind::Private;
    case RecipientNickRole:
        return m.recipientNick;
    case EditedRole:
        return e.edited;
    case RetractedRole:
        return e.retracted;
    case RetractionReasonRole:
        return e.retractionReason;
    case ReplyToNickRole:
        return m.replyToNick;
    case ReplyPreviewRole: {
        const Entry *quoted = find(m.replyToId);
        if (!quoted)
            return QString();
        return quoted->retracted ? QString() : quoted->body.left(kPreviewLength);
    }
    case AttachmentsRole: {
        QVariantList urls;
        for (const chat::Attachment &a : m.attachments)
            urls << a.url;
        return urls;
    }
    case AttachmentTypesRole: {
        QStringList types;
        for (const chat::Attachment &a : m.attachments)
            types << a.mimeType;
        return types;
    }
    case MentionsMeRole:
        return !m.outgoing && mentionsMe(e.body);
    case NewDayRole: {
        if (idx.row() == 0)
            return true;
        const QDateTime previous = m_entries[size_t(idx.row() - 1)]->message.timestamp;
        return previous.toTimeZone(m_zone).date() != m.timestamp.toTimeZone(m_zone).date();
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> TimelineModel::roleNames() const
{
    return {{MessageIdRole, "messageId"},   {BodyRole, "body"},
            {SenderNickRole, "senderNick"}, {TimestampRole, "timestamp"},
            {OutgoingRole, "outgoing"},     {EditedRole, "edited"},
            {RetractedRole, "retracted"},   {ReplyToNickRole, "replyToNick"},
            {PrivateRole, "private"},       {MentionsMeRole, "mentionsMe"}};
}

} // namespace chorus::workspace
