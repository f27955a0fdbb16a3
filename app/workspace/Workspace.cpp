#include "workspace/Workspace.h"

#include "workspace/AttentionInbox.h"
#include "workspace/GroupListModel.h"
#include "workspace/MemberListModel.h"
#include "workspace/TimelineModel.h"
#include "store/AsyncStore.h"

#include <QFileInfo>
#include <QMimeDatabase>
#include <QLoggingCategory>
#include <QTimeZone>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcWorkspace, "chorus.workspace")

namespace chorus::workspace {
namespace {

constexpr int kHistoryPage = 50;

} // namespace

Workspace::Workspace(chat::ChatService *chat, store::AsyncStore *store, QObject *parent)
    : QObject(parent), m_chat(chat), m_store(store), m_groups(std::make_unique<GroupListModel>()),
      m_attention(std::make_unique<AttentionInbox>())
{
    connect(m_chat, &chat::ChatService::connectionStateChanged, this,
            &Workspace::onConnectionState);
    connect(m_chat, &chat::ChatService::groupsChanged, this, &Workspace::onGroupsChanged);
    connect(m_chat, &chat::ChatService::serviceWarning, this, &Workspace::serviceWarning);
    connect(m_chat, &chat::ChatService::messagesReceived, this, &Workspace::onMessages);
    connect(m_chat, &chat::ChatService::membersChanged, this, &Workspace::onMembersChanged);
    connect(m_chat, &chat::ChatService::memberLeft, this, &Workspace::onMemberLeft);
    connect(m_chat, &chat::ChatService::groupJoined, this, [this](const QString &id) {
        m_groups->setJoinState(id, GroupListModel::JoinState::Joined);
    });
    connect(m_chat, &chat::ChatService::groupJoinFailed, this,
            [this](const QString &id, const chat::ChatError &error) {
                m_groups->setJoinState(id, GroupListModel::JoinState::Failed, error.message);
                Q_EMIT groupProblem(id, error.message);
            });
    connect(m_chat, &chat::ChatService::groupLeft, this,
            [this](const QString &id, const QString &reason) {
                m_groups->setJoinState(id, GroupListModel::JoinState::Left, reason);
                Q_EMIT groupProblem(id, reason);
            });
    connect(m_attention.get(), &AttentionInbox::waitingChanged, m_groups.get(),
            &GroupListModel::setAttention);
}

Workspace::~Workspace()
{
    qDeleteAll(m_timelines);
    qDeleteAll(m_members);
}

void Workspace::start()
{
    if (!m_store)
        return;
    m_store->groups().then(this, [this](const Expected<QList<chat::Group>, store::StoreError> &r) {
        if (!r.ok()) {
            storeWarning(r.error());
            return;
        }
        for (const chat::Group &g : r.value())
            m_cached.insert(g.id, g);
        // The server's list wins once it arrives; until then the stored one is shown.
        if (m_groups->rowCount() == 0 && !r.value().isEmpty()) {
            m_groups->setGroups(r.value());
            for (const chat::Group &g : r.value())
                m_attention->setOwnNick(g.id, ownNick(g.id));
        }
    });
}

Task<store::SearchPage, store::StoreError> Workspace::search(const store::SearchQuery &query)
{
    if (!m_store)
        return readyTask<store::SearchPage, store::StoreError>(store::SearchPage {});
    return m_store->search(query);
}

void Workspace::storeWarning(const store::StoreError &error)
{
    qCWarning(lcWorkspace) << "store:" << error.message << error.detail;
    // Once per run: a failing disk would otherwise flood the operator.
    if (!m_storeWarned) {
        m_storeWarned = true;
        Q_EMIT serviceWarning(tr("Chorus could not save to its local store: %1").arg(error.message));
    }
}

void Workspace::storeGroups(const QList<chat::Group> &groups)
{
    if (!m_store || groups.isEmpty())
        return;
    for (const chat::Group &g : groups)
        m_cached.insert(g.id, g);
    m_store->saveGroups(groups).then(this, [this](const Expected<Done, store::StoreError> &r) {
        if (!r.ok())
            storeWarning(r.error());
    });
}

void Workspace::joinFromResumePoints(const QList<chat::Group> &groups)
{
    if (!m_store) {
        m_chat->joinGroups(groups);
        return;
    }
    QStringList ids;
    for (const chat::Group &g : groups)
        ids << g.id;
    m_store
        ->read<QHash<QString, QString>>([ids](store::StoreSession &s)
                                            -> Expected<QHash<QString, QString>, store::StoreError> {
            QHash<QString, QString> points;
            for (const QString &id : ids) {
                auto last = s.messages().lastStanzaId(id);
                if (!last.ok())
                    return last.error();
                if (!last.value().isEmpty())
                    points.insert(id, last.value());
            }
            return points;
        })
        .then(this, [this, groups](const Expected<QHash<QString, QString>, store::StoreError> &r) {
            if (!r.ok())
                storeWarning(r.error()); // join anyway: the newest page of each archive comes
            else
                for (auto it = r.value().cbegin(); it != r.value().cend(); ++it)
                    m_chat->setResumePoint(it.key(), it.value());
            m_chat->joinGroups(groups);
        });
}

QString Workspace::accountJid() const
{
    return m_chat->accountJid();
}

QString Workspace::ownNick(const QString &groupId) const
{
    const chat::Group g = m_groups->group(groupId);
    return g.nick.isEmpty() ? accountJid().section(u'@', 0, 0) : g.nick;
}

TimelineModel *Workspace::timeline(const QString &groupId)
{
    if (TimelineModel *t = m_timelines.value(groupId))
        return t;
    auto *t = new TimelineModel(groupId);
    const chat::Group g = m_groups->group(groupId);
    if (!g.timeZone.isEmpty())
        t->setGroupTimeZone(QTimeZone(g.timeZone.toUtf8()));
    t->setOwnNick(ownNick(groupId));
    m_timelines.insert(groupId, t);
    if (m_store) {
        m_store->timeline(groupId, store::Direction::Backward, std::nullopt, kHistoryPage)
            .then(this, [this, groupId](const Expected<store::TimelinePage, store::StoreError> &r) {
                if (!r.ok()) {
                    storeWarning(r.error());
                    return;
                }
                QList<chat::Message> messages;
                for (const store::StoredMessage &m : r.value().messages)
                    messages << m.message;
                if (TimelineModel *tl = m_timelines.value(groupId))
                    tl->addMessages(messages);
            });
    }
    return t;
}

MemberListModel *Workspace::members(const QString &groupId)
{
    if (MemberListModel *m = m_members.value(groupId))
        return m;
    auto *m = new MemberListModel(groupId);
    m->setMembers(m_chat->members(groupId));
    m_members.insert(groupId, m);
    return m;
}

void Workspace::setReading(const QStringList &groupIds, bool windowActive)
{
    m_reading = QSet<QString>(groupIds.cbegin(), groupIds.cend());
    m_windowActive = windowActive;
    if (windowActive) {
        for (const QString &id : groupIds)
            m_groups->markRead(id);
    }
}

bool Workspace::isBeingRead(const QString &groupId) const
{
    return m_windowActive && m_reading.contains(groupId);
}

Task<chat::Message, chat::ChatError> Workspace::send(const QString &groupId, const QString &text,
                                                     const QString &replyToId,
                                                     const QString &replyToNick)
{
    auto task = m_chat->sendMessage(groupId, text, replyToId, replyToNick);
    return task.then(this, [this](const Expected<chat::Message, chat::ChatError> &result) {
        if (result.ok())
            onMessages({result.value()}, chat::MessageSource::Live);
        return result;
    });
}

Task<chat::Message, chat::ChatError> Workspace::sendFile(const QString &groupId,
                                                        const QString &path)
{
    const QFileInfo info(path);
    chat::Attachment attachment;
    attachment.fileName = info.fileName();
    attachment.size = info.size();
    attachment.mimeType = QMimeDatabase().mimeTypeForFile(info).name();
    Promise<chat::Message, chat::ChatError> promise;
    m_chat->upload(path).then(this, [this, promise, groupId, attachment](
                                        const Expected<QUrl, chat::ChatError> &uploaded) mutable {
        if (!uploaded) {
            promise.finish(uploaded.error());
            return;
        }
        attachment.url = uploaded.value();
        m_chat->sendAttachment(groupId, attachment)
            .then(this, [this, promise](const Expected<chat::Message, chat::ChatError> &sent) mutable {
                if (sent.ok())
                    onMessages({sent.value()}, chat::MessageSource::Live);
                promise.finish(sent);
            });
    });
    return promise.task();
}

void Workspace::loadOlder(const QString &groupId)
{
    if (m_loadingOlder.value(groupId))
        return;
    TimelineModel *t = timeline(groupId);
    if (!m_store || t->rowCount() == 0) {
        loadOlderFromArchive(groupId);
        return;
    }
    // What the store has first (instant, offline too); the archive when it runs out.
    m_loadingOlder.insert(groupId, true);
    const QDateTime oldest = t->messageAt(0).timestamp;
    const store::TimelineCursor before {oldest.toMSecsSinceEpoch() + 1, 0};
    m_store->timeline(groupId, store::Direction::Backward, before, kHistoryPage)
        .then(this, [this, groupId](const Expected<store::TimelinePage, store::StoreError> &r) {
            m_loadingOlder.insert(groupId, false);
            int added = 0;
            if (r.ok()) {
                QList<chat::Message> messages;
                for (const store::StoredMessage &m : r.value().messages)
                    messages << m.message;
                added = timeline(groupId)->addMessages(messages);
            } else {
                storeWarning(r.error());
            }
            if (added == 0)
                loadOlderFromArchive(groupId);
        });
}

Task<Done, store::StoreError> Workspace::loadAround(const QString &groupId, const QDateTime &at)
{
    if (!m_store)
        return readyTask<Done, store::StoreError>(Done {});
    const store::TimelineCursor cursor {at.toMSecsSinceEpoch() + 1, 0};
    auto older = m_store->timeline(groupId, store::Direction::Backward, cursor, kHistoryPage / 2);
    auto newer = m_store->timeline(groupId, store::Direction::Forward,
                                   store::TimelineCursor {at.toMSecsSinceEpoch(), 0}, kHistoryPage / 2);
    Promise<Done, store::StoreError> promise;
    older.then(this, [this, groupId, newer, promise](const Expected<store::TimelinePage, store::StoreError> &before) mutable {
        newer.then(this, [this, groupId, before, promise](const Expected<store::TimelinePage, store::StoreError> &after) mutable {
            if (!before.ok() || !after.ok()) {
                promise.finish(before.ok() ? after.error() : before.error());
                return;
            }
            QList<chat::Message> messages;
            for (const auto *page : {&before.value(), &after.value()})
                for (const store::StoredMessage &m : page->messages)
                    messages << m.message;
            timeline(groupId)->addMessages(messages);
            promise.finish(Done {});
        });
    });
    return promise.task();
}

void Workspace::loadOlderFromArchive(const QString &groupId)
{
    if (m_loadingOlder.value(groupId))
        return;
    TimelineModel *t = timeline(groupId);
    m_loadingOlder.insert(groupId, true);
    m_chat->fetchHistory(groupId, t->oldestStanzaId(), kHistoryPage)
        .then(this, [this, groupId](const Expected<chat::HistoryPage, chat::ChatError> &page) {
            m_loadingOlder.insert(groupId, false);
            if (!page.ok()) {
                qCWarning(lcWorkspace) << "history of" << groupId << page.error().message;
                Q_EMIT groupProblem(groupId, page.error().message);
                return;
            }
            timeline(groupId)->addMessages(page.value().messages);
            if (m_store && !page.value().messages.isEmpty())
                m_store->ingest(page.value().messages)
                    .then(this, [this](const Expected<store::IngestResult, store::StoreError> &r) {
                        if (!r.ok())
                            storeWarning(r.error());
                    });
        });
}

chat::Group Workspace::newGroupDefaults(const QString &name, const QString &localpart)
{
    chat::Group g;
    g.id = localpart;
    g.name = name;
    g.autojoin = true;
    g.timeZone = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    g.config.name = name;
    g.config.membersOnly = false; // open invite until the threshold
    g.config.maxUsers = g.policy.hardCap;
    g.config.historyLength = 0;   // newcomers don't see old history
    g.config.archived = true;
    g.config.persistent = true;
    g.config.isPublic = false;
    g.config.realJidsToModerators = true;
    return g;
}

Task<chat::Group, chat::ChatError> Workspace::createGroup(const chat::Group &group)
{
    return m_chat->createGroup(group).then(
        this, [this](const Expected<chat::Group, chat::ChatError> &created) {
            if (created.ok()) {
                storeGroups({created.value()});
                m_groups->upsertGroup(created.value());
                m_attention->setOwnNick(created.value().id, ownNick(created.value().id));
                // Creating a room joins it: nothing more to join.
                m_groups->setJoinState(created.value().id, GroupListModel::JoinState::Joined);
            }
            return created;
        });
}

Task<Done, chat::ChatError> Workspace::addGroup(const chat::Group &group)
{
    return m_chat->saveGroup(group).then(
        this, [this, group](const Expected<Done, chat::ChatError> &saved) {
            if (saved.ok()) {
                storeGroups({group});
                m_groups->upsertGroup(group);
                m_attention->setOwnNick(group.id, ownNick(group.id));
                m_groups->setJoinState(group.id, GroupListModel::JoinState::Joining);
                m_chat->joinGroups({group});
            }
            return saved;
        });
}

Task<Done, chat::ChatError> Workspace::updateGroup(const chat::Group &group)
{
    return m_chat->saveGroup(group).then(
        this, [this, group](const Expected<Done, chat::ChatError> &saved) {
            if (saved.ok()) {
                storeGroups({group});
                m_groups->upsertGroup(group);
                if (TimelineModel *t = m_timelines.value(group.id); t && !group.timeZone.isEmpty())
                    t->setGroupTimeZone(QTimeZone(group.timeZone.toUtf8()));
            }
            return saved;
        });
}

Task<Done, chat::ChatError> Workspace::leaveGroup(const QString &groupId)
{
    return m_chat->leaveGroup(groupId).then(
        this, [this, groupId](const Expected<Done, chat::ChatError> &) {
            // Leaving a room we were already out of is fine: remove the bookmark anyway.
            return m_chat->removeGroup(groupId);
        }).unwrap().then(this, [this, groupId](const Expected<Done, chat::ChatError> &removed) {
            if (removed.ok()) {
                m_groups->removeGroup(groupId);
                m_cached.remove(groupId);
                if (m_store)
                    m_store->write<Done>([groupId](store::StoreSession &s) {
                        return s.groups().remove(groupId);
                    });
            }
            return removed;
        });
}

void Workspace::onGroupsChanged(const QList<chat::Group> &fromServer)
{
    // Bookmarks carry name, nick, tags and time zone; the room's settings and the join
    // policy are Chorus's own, kept in the store.
    QList<chat::Group> groups = fromServer;
    for (chat::Group &g : groups) {
        const auto cached = m_cached.constFind(g.id);
        if (cached != m_cached.cend()) {
            g.config = cached->config;
            g.policy = cached->policy;
            if (g.subject.isEmpty())
                g.subject = cached->subject;
        }
    }
    storeGroups(groups);
    m_groups->setGroups(groups);
    for (const chat::Group &g : groups) {
        m_attention->setOwnNick(g.id, ownNick(g.id));
        if (g.autojoin)
            m_groups->setJoinState(g.id, GroupListModel::JoinState::Joining);
    }
}

void Workspace::onMessages(const QList<chat::Message> &messages, chat::MessageSource source)
{
    QHash<QString, QList<chat::Message>> byGroup;
    for (const chat::Message &m : messages)
        byGroup[m.groupId] << m;
    for (auto it = byGroup.cbegin(); it != byGroup.cend(); ++it) {
        const int added = timeline(it.key())->addMessages(it.value());
        if (added == 0)
            continue;
        const QString own = ownNick(it.key());
        for (const chat::Message &m : it.value()) {
            if (m.isCorrection() || m.isRetraction())
                continue;
            m_groups->recordMessage(m, !isBeingRead(it.key()),
                                    AttentionDetector::mentions(m.body, own));
        }
    }
    Q_UNUSED(source);
    m_attention->offer(messages);
    if (m_store) {
        m_store->ingest(messages).then(this, [this](const Expected<store::IngestResult, store::StoreError> &r) {
            if (!r.ok())
                storeWarning(r.error());
        });
    }
}

void Workspace::onMembersChanged(const QString &groupId, const QList<chat::Member> &changed)
{
    members(groupId)->update(changed);
    if (m_store)
        m_store->saveMembers(changed);
    Q_EMIT membersChanged(groupId);
}

void Workspace::onMemberLeft(const QString &groupId, const chat::Member &member, const QString &)
{
    members(groupId)->remove(member.nick);
    if (m_store) {
        chat::Member gone = member;
        gone.presence = chat::Presence::Offline;
        m_store->saveMembers({gone});
    }
    Q_EMIT membersChanged(groupId);
}

void Workspace::onConnectionState(chat::ConnectionState state, const chat::ChatError &error,
                                  int retry)
{
    m_state = state;
    m_lastError = error;
    // Joins happen once per sign-in; after a drop the chat service rejoins on its own.
    if (state == chat::ConnectionState::Connected && !m_joined) {
        m_joined = true;
        m_chat->fetchGroups().then(this, [this](const Expected<QList<chat::Group>, chat::ChatError> &r) {
            if (!r.ok()) {
                Q_EMIT serviceWarning(r.error().message);
                return;
            }
            onGroupsChanged(r.value());
            QList<chat::Group> autojoin;
            for (const chat::Group &g : m_groups->groups()) {
                if (g.autojoin)
                    autojoin << g;
            }
            joinFromResumePoints(autojoin);
        });
    }
    Q_EMIT connectionStateChanged(state, error, retry);
}

} // namespace chorus::workspace
