#include "workspace/TimelineModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using chorus::chat::Message;
using chorus::workspace::TimelineModel;

namespace {

const QString kGroup = u"bali@conference.example.org"_s;
const QDateTime kStart = QDateTime(QDate(2026, 3, 28), QTime(20, 0), QTimeZone::utc());

Message msg(const QString &stanzaId, const QString &nick, const QString &body, int minute,
            const QString &occupant = {})
{
    Message m;
    m.groupId = kGroup;
    m.stanzaId = stanzaId;
    m.archiveId = kGroup;
    m.id = u"id-"_s + stanzaId;
    m.senderNick = nick;
    m.senderOccupantId = occupant.isEmpty() ? u"occ-"_s + nick : occupant;
    m.body = body;
    m.timestamp = kStart.addSecs(minute * 60);
    return m;
}

} // namespace

class tst_TimelineModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ordersByTimeWhateverTheArrival();
    void duplicatesFromLiveAndArchiveAreOneRow();
    void ownEchoLearnsItsStanzaId();
    void correctionFromTheAuthorUpdatesTheBody();
    void correctionFromAnotherOccupantIsIgnored();
    void correctionBeforeItsTarget();
    void retractionHidesTheBody();
    void replyShowsWhatItAnswers();
    void mentionsAndDays();
    void otherGroupsAreIgnored();
};

void tst_TimelineModel::ordersByTimeWhateverTheArrival()
{
    TimelineModel model(kGroup);
    QAbstractItemModelTester tester(&model);
    QCOMPARE(model.addMessages({msg(u"s3"_s, u"ann"_s, u"third"_s, 3),
                                msg(u"s1"_s, u"bob"_s, u"first"_s, 1)}),
             2);
    QCOMPARE(model.addMessages({msg(u"s2"_s, u"cy"_s, u"second"_s, 2),
                                msg(u"s4"_s, u"ann"_s, u"fourth"_s, 4)}),
             2);
    QStringList bodies;
    for (int r = 0; r < model.rowCount(); ++r)
        bodies << model.index(r).data(TimelineModel::BodyRole).toString();
    QCOMPARE(bodies, (QStringList{u"first"_s, u"second"_s, u"third"_s, u"fourth"_s}));
    QCOMPARE(model.oldestStanzaId(), u"s1"_s);
    QCOMPARE(model.rowOf(u"s3"_s), 2);
    QCOMPARE(model.rowOf(u"id-s4"_s), 3);
}

void tst_TimelineModel::duplicatesFromLiveAndArchiveAreOneRow()
{
    TimelineModel model(kGroup);
    const Message live = msg(u"s1"_s, u"ann"_s, u"hello"_s, 1);
    QCOMPARE(model.addMessages({live}), 1);
    QCOMPARE(model.addMessages({live, msg(u"s2"_s, u"bob"_s, u"hi"_s, 2)}), 1);
    QCOMPARE(model.addMessages({live}), 0);
    QCOMPARE(model.rowCount(), 2);
}

void tst_TimelineModel::ownEchoLearnsItsStanzaId()
{
    TimelineModel model(kGroup);
    Message mine = msg({}, u"coach"_s, u"Class at 7"_s, 1, u"occ-me"_s);
    mine.outgoing = true;
    mine.originId = u"origin-1"_s;
    QCOMPARE(model.addMessages({mine}), 1);
    QVERIFY(model.index(0).data(TimelineModel::StanzaIdRole).toString().isEmpty());

    Message echo = mine;
    echo.stanzaId = u"s-echo"_s;
    echo.outgoing = true;
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QCOMPARE(model.addMessages({echo}), 0);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.index(0).data(TimelineModel::StanzaIdRole).toString(), u"s-echo"_s);
    QCOMPARE(model.rowOf(u"s-echo"_s), 0);
}

void tst_TimelineModel::correctionFromTheAuthorUpdatesTheBody()
{
    TimelineModel model(kGroup);
    model.addMessages({msg(u"s1"_s, u"ann"_s, u"see you at 7"_s, 1)});
    Message fix = msg(u"s2"_s, u"ann"_s, u"see you at 8"_s, 2);
    fix.replacesId = u"id-s1"_s;
    QCOMPARE(model.addMessages({fix}), 0);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0).data(TimelineModel::BodyRole).toString(), u"see you at 8"_s);
    QCOMPARE(model.index(0).data(TimelineModel::OriginalBodyRole).toString(), u"see you at 7"_s);
    QVERIFY(model.index(0).data(TimelineModel::EditedRole).toBool());
}

void tst_TimelineModel::correctionFromAnotherOccupantIsIgnored()
{
    TimelineModel model(kGroup);
    model.addMessages({msg(u"s1"_s, u"ann"_s, u"pay to guide"_s, 1)});
    // Same nick, different occupant-id: someone took the nick after ann left.
    Message spoof = msg(u"s2"_s, u"ann"_s, u"pay to my account"_s, 2, u"occ-mallory"_s);
    spoof.replacesId = u"id-s1"_s;
    model.addMessages({spoof});
    QCOMPARE(model.index(0).data(TimelineModel::BodyRole).toString(), u"pay to guide"_s);
    QVERIFY(!model.index(0).data(TimelineModel::EditedRole).toBool());
}

void tst_TimelineModel::correctionBeforeItsTarget()
{
    TimelineModel model(kGroup);
    Message fix = msg(u"s2"_s, u"ann"_s, u"fixed"_s, 2);
    fix.replacesId = u"id-s1"_s;
    model.addMessages({fix});
    QCOMPARE(model.rowCount(), 0);
    model.addMessages({msg(u"s1"_s, u"ann"_s, u"tpyo"_s, 1)});
    QCOMPARE(model.index(0).data(TimelineModel::BodyRole).toString(), u"fixed"_s);
}

void tst_TimelineModel::retractionHidesTheBody()
{
    TimelineModel model(kGroup);
    model.addMessages({msg(u"s1"_s, u"spam"_s, u"buy cheap stuff"_s, 1)});
    Message retract = msg(u"s9"_s, u"coach"_s, {}, 2);
    retract.retractsId = u"s1"_s;
    retract.retractionReason = u"spam"_s;
    model.addMessages({retract});
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(model.index(0).data(TimelineModel::RetractedRole).toBool());
    QVERIFY(model.index(0).data(TimelineModel::BodyRole).toString().isEmpty());
    QCOMPARE(model.index(0).data(TimelineModel::RetractionReasonRole).toString(), u"spam"_s);
}

void tst_TimelineModel::replyShowsWhatItAnswers()
{
    TimelineModel model(kGroup);
    Message answer = msg(u"s2"_s, u"coach"_s, u"Type G, 230 V"_s, 2);
    answer.replyToId = u"s1"_s;
    answer.replyToNick = u"ann"_s;
    model.addMessages({msg(u"s1"_s, u"ann"_s, u"Which plug do I need in Bali?"_s, 1), answer});
    QCOMPARE(model.index(1).data(TimelineModel::ReplyToNickRole).toString(), u"ann"_s);
    QCOMPARE(model.index(1).data(TimelineModel::ReplyPreviewRole).toString(),
             u"Which plug do I need in Bali?"_s);
}

void tst_TimelineModel::mentionsAndDays()
{
    TimelineModel model(kGroup);
    model.setOwnNick(u"Coach"_s);
    // 20:01 and 23:59 UTC on the 28th: one day in UTC, two days in Moscow (UTC+3).
    model.addMessages({msg(u"s1"_s, u"ann"_s, u"@coach are we on?"_s, 1),
                       msg(u"s2"_s, u"bob"_s, u"coaching is fun"_s, 239)});
    QVERIFY(model.index(0).data(TimelineModel::MentionsMeRole).toBool());
    QVERIFY(!model.index(1).data(TimelineModel::MentionsMeRole).toBool());
    QVERIFY(model.index(0).data(TimelineModel::NewDayRole).toBool());
    QVERIFY(!model.index(1).data(TimelineModel::NewDayRole).toBool());
    model.setGroupTimeZone(QTimeZone("Europe/Moscow"));
    QVERIFY(model.index(1).data(TimelineModel::NewDayRole).toBool());
}

void tst_TimelineModel::otherGroupsAreIgnored()
{
    TimelineModel model(kGroup);
    Message other = msg(u"s1"_s, u"ann"_s, u"wrong room"_s, 1);
    other.groupId = u"tokyo@conference.example.org"_s;
    QCOMPARE(model.addMessages({other}), 0);
}

QTEST_GUILESS_MAIN(tst_TimelineModel)
#include "tst_timelinemodel.moc"
