#pragma once

#include "chat/Types.h"

#include <QAbstractListModel>
#include <QHash>
#include <QTimeZone>

#include <memory>
#include <vector>

namespace chorus::workspace {

/// One group's messages in time order, for a virtualised view. Corrections and
/// retractions are applied to the message they reference instead of adding rows;
/// replies carry a preview of the message they answer.
class TimelineModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        MessageIdRole = Qt::UserRole + 1, ///< the key other messages reference (see keyOf)
        StanzaIdRole,
        SenderNickRole,
        SenderKeyRole,     ///< PersonKey value: who this is across groups
        BodyRole,          ///< current text: corrected, or empty when retracted
        OriginalBodyRole,  ///< text before any correction
        TimestampRole,     ///< QDateTime, UTC
        OutgoingRole,
        PrivateRole,       ///< a private message through the room
        RecipientNickRole,
        EditedRole,
        RetractedRole,
        RetractionReasonRole,
        ReplyToNickRole,
        ReplyPreviewRole,  ///< start of the quoted message, when we have it
        AttachmentsRole,   ///< QVariantList of QUrl
        AttachmentTypesRole, ///< QStringList: each attachment's MIME type, "" when unknown
        MentionsMeRole,    ///< the operator's nick is mentioned
        NewDayRole,        ///< first message of a day in the group's time zone
    };
    Q_ENUM(Role)

    explicit TimelineModel(QString groupId, QObject *parent = nullptr);
    ~TimelineModel() override;

    QString groupId() const { return m_groupId; }

    /// The group's zone decides where days begin; the operator's nick decides mentions.
    void setGroupTimeZone(const QTimeZone &zone);
    QTimeZone groupTimeZone() const { return m_zone; }
    void setOwnNick(const QString &nick);

    /// Adds messages (live or from the archive, in any order); duplicates are ignored,
    /// corrections and retractions update their target. Returns how many rows were added.
    int addMessages(const QList<chat::Message> &messages);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Row of the message with this id, stanza-id or origin-id, or -1.
    int rowOf(const QString &anyId) const;
    const chat::Message &messageAt(int row) const;
    /// Oldest stanza-id we hold: where paging back into the archive continues.
    QString oldestStanzaId() const;

    static QString keyOf(const chat::Message &message);

private:
    struct Entry;
    void indexIds(Entry *entry);
    void applyCorrection(const chat::Message &correction);
    void applyRetraction(const chat::Message &retraction);
    /// True when we already hold `message`; learns its stanza-id if it is our echo.
    bool absorbDuplicate(const chat::Message &message);
    Entry *find(const QString &anyId) const;
    int rowOfEntry(const Entry *entry) const;
    bool mentionsMe(const QString &body) const;
    void notifyRow(const Entry *entry);

    QString m_groupId;
    QTimeZone m_zone = QTimeZone::utc();
    QString m_ownNick;
    std::vector<std::unique_ptr<Entry>> m_entries; ///< sorted by (timestamp, sequence)
    QHash<QString, Entry *> m_byId;                ///< id, stanza-id and origin-id
    QHash<QString, chat::Message> m_orphanEdits;   ///< corrections/retractions seen first
    quint64 m_sequence = 0;
};

} // namespace chorus::workspace
