#include "AppendBench.h"

#include "chat/XmppChatService.h"
#include "workspace/GroupListModel.h"
#include "workspace/TimelineModel.h"
#include "workspace/Workspace.h"

#include <QElapsedTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace chorus::bench {
namespace {

const QString kGroup = u"busy@conference.localhost"_s;

// Live group messages from a few dozen members, a second apart.
class MessageMaker
{
public:
    chat::Message next()
    {
        static const QStringList bodies {
            u"Is there class on Friday?"_s, u"+1 count me in"_s, u"See you all at 7"_s,
            u"我也报名，谢谢老师"_s, u"Can I bring a friend next time?"_s,
            u"Thanks! That was a great session, my legs are still shaking"_s};
        const qint64 n = m_next++;
        chat::Message m;
        m.groupId = kGroup;
        m.stanzaId = u"sid-%1"_s.arg(n);
        m.archiveId = kGroup;
        m.id = u"id-%1"_s.arg(n);
        m.originId = u"origin-%1"_s.arg(n);
        const int sender = int(n % 37);
        m.senderNick = u"member%1"_s.arg(sender);
        m.senderOccupantId = u"occ-%1"_s.arg(sender);
        m.body = bodies.at(n % bodies.size());
        m.timestamp = m_start.addSecs(n);
        return m;
    }
    QList<chat::Message> take(int count)
    {
        QList<chat::Message> list;
        list.reserve(count);
        for (int i = 0; i < count; ++i)
            list << next();
        return list;
    }

private:
    qint64 m_next = 0;
    QDateTime m_start = QDateTime(QDate(2026, 1, 5), QTime(8, 0), Qt::UTC);
};

void fill(workspace::TimelineModel *timeline, MessageMaker &maker, int rows)
{
    for (int done = 0; done < rows; done += 10000)
        timeline->addMessages(maker.take(std::min(10000, rows - done)));
}

double msSince(const QElapsedTimer &clock)
{
    return double(clock.nsecsElapsed()) / 1e6;
}

} // namespace

double median(std::vector<double> values)
{
    if (values.empty())
        return -1;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

AppendTimes measureAppend(int rows, int count, int runs)
{
    AppendTimes times;
    {
        // The live path. No account: nothing is sent, the signal is what a connected
        // service emits.
        chat::XmppChatService service;
        workspace::Workspace ws(&service);
        chat::Group group;
        group.id = kGroup;
        group.name = u"Busy group"_s;
        ws.groups()->setGroups({group});
        MessageMaker maker;
        fill(ws.timeline(kGroup), maker, rows);
        for (int run = 0; run < runs; ++run) {
            const QList<chat::Message> batch = maker.take(count);
            QElapsedTimer clock;
            clock.start();
            for (const chat::Message &m : batch)
                Q_EMIT service.messagesReceived({m}, chat::MessageSource::Live);
            times.workspace.push_back(msSince(clock));
        }
    }
    {
        workspace::TimelineModel timeline(kGroup);
        MessageMaker maker;
        fill(&timeline, maker, rows);
        for (int run = 0; run < runs; ++run) {
            const QList<chat::Message> batch = maker.take(count);
            QElapsedTimer clock;
            clock.start();
            for (const chat::Message &m : batch)
                timeline.addMessages({m});
            times.model.push_back(msSince(clock));
        }
        for (int run = 0; run < runs; ++run) {
            const QList<chat::Message> batch = maker.take(count);
            QElapsedTimer clock;
            clock.start();
            timeline.addMessages(batch);
            times.batch.push_back(msSince(clock));
        }
    }
    return times;
}

} // namespace chorus::bench
