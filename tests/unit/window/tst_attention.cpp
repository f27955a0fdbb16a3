#include "workspace/AttentionDetector.h"
#include "workspace/AttentionInbox.h"
#include "workspace/GroupListModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using chorus::chat::Message;
using chorus::workspace::AttentionDetector;
using chorus::workspace::AttentionInbox;
using chorus::workspace::GroupFilterModel;
using chorus::workspace::GroupListModel;

namespace {

const QString kBali = u"bali@conference.example.org"_s;
const QString kTokyo = u"tokyo@conference.example.org"_s;

Message msg(const QString &group, const QString &id, const QString &nick, const QString &body,
            int minute)
{
    Message m;
    m.groupId = group;
    m.stanzaId = id;
    m.senderNick = nick;
    m.body = body;
    m.timestamp = QDateTime(QDate(2026, 5, 1), QTime(9, 0), QTimeZone::utc()).addSecs(minute * 60);
    return m;
}

} // namespace

class tst_Attention : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void questions_data();
    void questions();
    void keywordsAndMentions();
    void inboxQueuesAcrossGroupsOldestFirst();
    void replyClearsTheQuestion();
    void mentioningTheAskerClearsTheirQuestions();
    void markHandled();
    void groupListCountsAndSorts();
};

void tst_Attention::questions_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("question");
    QTest::newRow("question mark") << u"bus at 8?"_s << true;
    QTest::newRow("full-width mark") << u"明天几点集合？"_s << true;
    QTest::newRow("no mark, english opener") << u"where do we meet tomorrow"_s << true;
    QTest::newRow("second sentence asks") << u"Hi all. Any tips for ubud"_s << true;
    QTest::newRow("chinese particle") << u"明天还上课吗"_s << true;
    QTest::newRow("chinese interrogative") << u"请问接机在哪里"_s << true;
    QTest::newRow("statement") << u"Thanks, see you at the pool"_s << false;
    QTest::newRow("chinese statement") << u"谢谢老师，明天见"_s << false;
    QTest::newRow("opener inside a word") << u"Howdy everyone!"_s << false;
    QTest::newRow("empty") << u"   "_s << false;
}

void tst_Attention::questions()
{
    QFETCH(QString, text);
    QFETCH(bool, question);
    QCOMPARE(AttentionDetector::looksLikeQuestion(text), question);
}

void tst_Attention::keywordsAndMentions()
{
    AttentionDetector d;
    auto r = d.classify(msg(kBali, u"1"_s, u"ann"_s, u"my phone was stolen!!"_s, 0), u"Rep"_s);
    QCOMPARE(r.keywords, QStringList{u"stolen"_s});
    QVERIFY(!r.mention);
    r = d.classify(msg(kBali, u"2"_s, u"li"_s, u"护照丢了，紧急"_s, 0), u"Rep"_s);
    QVERIFY(r.keywords.contains(u"紧急"_s));
    QVERIFY(r.keywords.contains(u"丢了"_s));
    r = d.classify(msg(kBali, u"3"_s, u"ann"_s, u"thanks @rep"_s, 0), u"Rep"_s);
    QVERIFY(r.mention);
    // The operator's own messages never need attention.
    r = d.classify(msg(kBali, u"4"_s, u"Rep"_s, u"help is on the way?"_s, 0), u"Rep"_s);
    QVERIFY(!r.any());
    d.setKeywords({u"refund"_s});
    r = d.classify(msg(kBali, u"5"_s, u"ann"_s, u"I want a refund."_s, 0), u"Rep"_s);
    QCOMPARE(r.keywords, QStringList{u"refund"_s});
}

void tst_Attention::inboxQueuesAcrossGroupsOldestFirst()
{
    AttentionInbox inbox;
    QAbstractItemModelTester tester(&inbox);
    inbox.setOwnNick(kBali, u"Rep"_s);
    inbox.setOwnNick(kTokyo, u"Rep"_s);
    QSignalSpy added(&inbox, &AttentionInbox::itemAdded);
    QCOMPARE(inbox.offer({msg(kTokyo, u"t1"_s, u"kenji"_s, u"Is the onsen open late?"_s, 5),
                          msg(kBali, u"b1"_s, u"ann"_s, u"which plug for bali?"_s, 2),
                          msg(kBali, u"b2"_s, u"bob"_s, u"great day, thanks"_s, 3)}),
             2);
    QCOMPARE(added.size(), 2);
    QCOMPARE(inbox.rowCount(), 2);
    QCOMPARE(inbox.index(0).data(AttentionInbox::AskerNickRole).toString(), u"ann"_s);
    QCOMPARE(inbox.index(1).data(AttentionInbox::GroupIdRole).toString(), kTokyo);
    // Seen again from the archive: still one item.
    QCOMPARE(inbox.offer({msg(kBali, u"b1"_s, u"ann"_s, u"which plug for bali?"_s, 2)}), 0);
    QCOMPARE(inbox.waitingIn(kBali), 1);
}

void tst_Attention::replyClearsTheQuestion()
{
    AttentionInbox inbox;
    inbox.setOwnNick(kBali, u"Rep"_s);
    inbox.offer({msg(kBali, u"b1"_s, u"ann"_s, u"which plug for bali?"_s, 2),
                 msg(kBali, u"b2"_s, u"bob"_s, u"what time is pickup?"_s, 3)});
    QSignalSpy waiting(&inbox, &AttentionInbox::waitingChanged);
    Message answer = msg(kBali, u"b3"_s, u"Rep"_s, u"Type C and F"_s, 4);
    answer.outgoing = true;
    answer.replyToId = u"b1"_s;
    inbox.offer({answer});
    QCOMPARE(inbox.rowCount(), 1);
    QCOMPARE(inbox.index(0).data(AttentionInbox::AskerNickRole).toString(), u"bob"_s);
    QCOMPARE(waiting.last().at(1).toInt(), 1);
}

void tst_Attention::mentioningTheAskerClearsTheirQuestions()
{
    AttentionInbox inbox;
    inbox.setOwnNick(kBali, u"Rep"_s);
    inbox.setOwnNick(kTokyo, u"Rep"_s);
    inbox.offer({msg(kBali, u"b1"_s, u"ann"_s, u"which plug?"_s, 1),
                 msg(kTokyo, u"t1"_s, u"ann"_s, u"onsen open?"_s, 2)});
    // An answer in Bali that names ann clears her Bali question only; the operator's
    // message is recognised by nick even when it comes back from the room.
    inbox.offer({msg(kBali, u"b2"_s, u"Rep"_s, u"ann: type C"_s, 3)});
    QCOMPARE(inbox.rowCount(), 1);
    QCOMPARE(inbox.index(0).data(AttentionInbox::GroupIdRole).toString(), kTokyo);
}

void tst_Attention::markHandled()
{
    AttentionInbox inbox;
    inbox.offer({msg(kBali, u"b1"_s, u"ann"_s, u"which plug?"_s, 1),
                 msg(kBali, u"b2"_s, u"bob"_s, u"urgent: lost passport"_s, 2)});
    inbox.markHandled(kBali, u"b2"_s);
    QCOMPARE(inbox.rowCount(), 1);
    inbox.markHandled(0);
    QCOMPARE(inbox.rowCount(), 0);
    inbox.markHandled(5); // out of range: nothing happens
}

void tst_Attention::groupListCountsAndSorts()
{
    GroupListModel groups;
    QAbstractItemModelTester tester(&groups);
    chorus::chat::Group bali{kBali, u"Bali arrivals"_s};
    bali.tags = {u"destination"_s};
    chorus::chat::Group tokyo{kTokyo, u"Tokyo spring"_s};
    tokyo.tags = {u"destination"_s, u"vip"_s};
    chorus::chat::Group yoga{u"yoga@conference.example.org"_s, u"Yoga Monday"_s};
    groups.setGroups({bali, tokyo, yoga});
    QSignalSpy total(&groups, &GroupListModel::totalUnreadChanged);

    groups.recordMessage(msg(kTokyo, u"t1"_s, u"kenji"_s, u"hi"_s, 1), true, false);
    groups.recordMessage(msg(kTokyo, u"t2"_s, u"kenji"_s, u"@rep hi"_s, 2), true, true);
    groups.recordMessage(msg(kBali, u"b1"_s, u"ann"_s, u"hello"_s, 3), false, false);
    QCOMPARE(groups.totalUnread(), 2);
    QCOMPARE(total.last().at(0).toInt(), 2);
    const QModelIndex t = groups.index(groups.rowOf(kTokyo));
    QCOMPARE(t.data(GroupListModel::UnreadRole).toInt(), 2);
    QCOMPARE(t.data(GroupListModel::MentionsRole).toInt(), 1);
    QCOMPARE(t.data(GroupListModel::PreviewRole).toString(), u"kenji: @rep hi"_s);

    GroupFilterModel filter;
    filter.setSourceModel(&groups);
    QCOMPARE(filter.index(0, 0).data().toString(), u"Bali arrivals"_s);
    filter.setSortMode(GroupFilterModel::SortMode::RecentActivity);
    QCOMPARE(filter.index(0, 0).data().toString(), u"Bali arrivals"_s); // minute 3
    groups.setAttention(kTokyo, 2);
    filter.setSortMode(GroupFilterModel::SortMode::Attention);
    QCOMPARE(filter.index(0, 0).data().toString(), u"Tokyo spring"_s);
    filter.setTag(u"vip"_s);
    QCOMPARE(filter.rowCount(), 1);
    filter.setTag({});
    filter.setText(u"yoga"_s);
    QCOMPARE(filter.rowCount(), 1);
    QCOMPARE(groups.allTags(), (QStringList{u"destination"_s, u"vip"_s}));

    groups.markRead(kTokyo);
    QCOMPARE(groups.totalUnread(), 0);
    // Replacing the list keeps the counters of groups that stay.
    groups.recordMessage(msg(kBali, u"b2"_s, u"ann"_s, u"again"_s, 4), true, false);
    groups.setGroups({bali, yoga});
    QCOMPARE(groups.totalUnread(), 1);
    QCOMPARE(groups.rowCount(), 2);
}

QTEST_GUILESS_MAIN(tst_Attention)
#include "tst_attention.moc"
