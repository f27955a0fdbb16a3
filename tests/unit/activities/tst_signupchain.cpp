#include "activities/SignupChain.h"
#include "activities/SignupText.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::activities;
using chorus::chat::PersonKey;
using Kind = SignupOutcome::Kind;

namespace {

const QString kRoom = u"run@rooms.example"_s;

QDateTime utc(int d, int h, int min = 0)
{
    return QDateTime(QDate(2025, 3, d), QTime(h, min), Qt::UTC);
}

PersonKey person(const QString &nick)
{
    return PersonKey::of(kRoom, {}, {}, nick);
}

SignupMessage msg(const QString &nick, const QString &body, const QDateTime &at = utc(10, 9))
{
    return {person(nick), nick, body, at};
}

SignupConfig plainConfig(int capacity = 0)
{
    SignupConfig c;
    c.title = u"Saturday run"_s;
    c.capacity = capacity;
    c.timeZone = "Europe/Berlin";
    return c;
}

// Name and shirt size, both required: the classic club T-shirt order.
SignupConfig shirtConfig(int capacity = 10)
{
    SignupConfig c = plainConfig(capacity);
    c.title = u"Club shirts 队服接龙"_s;
    c.fields
        = {{u"name"_s, u"name"_s, u"姓名"_s, {}, true, true},
           {u"size"_s, u"shirt size"_s, u"尺码"_s, {u"S"_s, u"M"_s, u"L"_s, u"XL"_s}, true, false}};
    return c;
}

QStringList nicks(const QList<SignupEntry> &entries)
{
    QStringList out;
    for (const SignupEntry &e : entries)
        out.append(e.nick);
    return out;
}

// The list as the chain reposts it, with a line appended: what a member pastes back.
QString pasted(const SignupChain &chain, const QString &extraLine)
{
    QString text = chain.render();
    QStringList lines = text.split(u'\n');
    // Insert before the footer ("Spots left"/"Signed up" and "Reply ..."), as people do.
    lines.insert(lines.size() - 2, extraLine);
    return lines.join(u'\n');
}

} // namespace

class tst_SignupChain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keywordsJoin();
    void notKeywords_data();
    void notKeywords();
    void fieldsAreRead_data();
    void fieldsAreRead();
    void missingFieldsAreNamedInTheMembersLanguage();
    void valueNotAChoice();
    void withdrawPromotesFromWaitlist();
    void capacityWithoutWaitlist();
    void pasteAddsOnlyTheSendersLine();
    void pasteWithEditsToOthersKeepsTheirLines();
    void pasteReformattedStillMatches();
    void pasteDuplicatesAndExtraLines();
    void pasteWithANamesakeIsAnAddition();
    void pasteMissingLinesChangesNothing();
    void pasteEditsOwnLine();
    void pasteNumbersOnlyList();
    void deadlineClosesAndShowsInGroupTime();
    void renderShowsListWaitlistAndPlaces();
    void csvExport();
    void quotedReplyIsNotACommand();
    void stateRestores();
};

void tst_SignupChain::keywordsJoin()
{
    SignupChain chain(plainConfig());
    SignupOutcome a = chain.handle(msg(u"alice"_s, u"+1"_s));
    QCOMPARE(a.kind, Kind::Joined);
    QCOMPARE(a.position, 1);
    QVERIFY(a.listChanged);
    QCOMPARE(a.reply, u"@alice you're #1 on the list."_s);

    QCOMPARE(chain.handle(msg(u"alice"_s, u"+1"_s)).kind, Kind::AlreadyOnList);
    QCOMPARE(chain.handle(msg(u"bob"_s, u"Join"_s)).position, 2);
    const SignupOutcome zh = chain.handle(msg(u"张三"_s, u"接龙"_s));
    QCOMPARE(zh.kind, Kind::Joined);
    QCOMPARE(zh.language, Language::Chinese);
    QCOMPARE(zh.reply, u"@张三 报名成功，第3位。"_s);
    QCOMPARE(chain.handle(msg(u"李四"_s, u"报名！"_s)).position, 4);
    QCOMPARE(chain.handle(msg(u"dora"_s, u"＋１"_s)).position, 5); // full-width from a phone
    QCOMPARE(nicks(chain.state().confirmed),
             (QStringList {u"alice"_s, u"bob"_s, u"张三"_s, u"李四"_s, u"dora"_s}));
}

void tst_SignupChain::notKeywords_data()
{
    QTest::addColumn<QString>("body");
    QTest::newRow("joined") << u"joined the club in 2019"_s;
    QTest::newRow("+10") << u"+10 points for that"_s;
    QTest::newRow("later in the sentence") << u"I will join later"_s;
    QTest::newRow("withdrawn") << u"withdrawn"_s;
    QTest::newRow("-10") << u"-10 degrees tomorrow"_s;
    QTest::newRow("empty") << u""_s;
}

void tst_SignupChain::notKeywords()
{
    QFETCH(QString, body);
    SignupChain chain(plainConfig());
    const SignupOutcome o = chain.handle(msg(u"alice"_s, body));
    QCOMPARE(o.kind, Kind::NotForUs);
    QVERIFY(o.reply.isEmpty());
    QVERIFY(chain.state().confirmed.isEmpty());
}

void tst_SignupChain::fieldsAreRead_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("size");
    QTest::newRow("comma") << u"+1 Alice Smith, M"_s << u"Alice Smith"_s << u"M"_s;
    QTest::newRow("spaces") << u"+1 Alice Smith m"_s << u"Alice Smith"_s << u"M"_s;
    QTest::newRow("CJK with unit") << u"接龙 张三 L码"_s << u"张三"_s << u"L"_s;
    QTest::newRow("CJK punctuation") << u"报名：李四，XL"_s << u"李四"_s << u"XL"_s;
    QTest::newRow("labelled, any order")
        << u"+1 size: xl name: Bob Lee"_s << u"Bob Lee"_s << u"XL"_s;
    QTest::newRow("Chinese labels") << u"+1 尺码：M 姓名：王五"_s << u"王五"_s << u"M"_s;
    QTest::newRow("one per line") << u"+1\nCarol\nS"_s << u"Carol"_s << u"S"_s;
    QTest::newRow("full-width") << u"＋１ Dora，ｍ"_s << u"Dora"_s << u"M"_s;
}

void tst_SignupChain::fieldsAreRead()
{
    QFETCH(QString, body);
    QFETCH(QString, name);
    QFETCH(QString, size);
    SignupChain chain(shirtConfig());
    const SignupOutcome o = chain.handle(msg(u"member"_s, body));
    QCOMPARE(o.kind, Kind::Joined);
    QCOMPARE(chain.state().confirmed.front().values.value(u"name"_s), name);
    QCOMPARE(chain.state().confirmed.front().values.value(u"size"_s), size);
}

void tst_SignupChain::missingFieldsAreNamedInTheMembersLanguage()
{
    SignupChain chain(shirtConfig());
    const SignupOutcome en = chain.handle(msg(u"carol"_s, u"+1 Carol"_s));
    QCOMPARE(en.kind, Kind::FieldsMissing);
    QCOMPARE(en.problems.size(), 1);
    QCOMPARE(en.problems.front().key, u"size"_s);
    QCOMPARE(en.problems.front().kind, FieldProblem::Kind::Missing);
    QVERIFY2(en.reply.contains(u"please add: shirt size (S, M, L, XL)"_s), qPrintable(en.reply));
    QVERIFY(en.reply.contains(u"Example: +1 carol, S"_s));
    QVERIFY(chain.state().confirmed.isEmpty());

    const SignupOutcome zh = chain.handle(msg(u"lisi"_s, u"接龙"_s));
    QCOMPARE(zh.kind, Kind::FieldsMissing);
    QCOMPARE(zh.language, Language::Chinese);
    QCOMPARE(zh.problems.size(), 2);
    QVERIFY2(zh.reply.contains(u"请补充：姓名、尺码（S、M、L、XL）"_s), qPrintable(zh.reply));
    QVERIFY(zh.reply.contains(u"例如：接龙"_s));

    // Fixing it joins.
    QCOMPARE(chain.handle(msg(u"carol"_s, u"+1 Carol, L"_s)).kind, Kind::Joined);
}

void tst_SignupChain::valueNotAChoice()
{
    SignupChain chain(shirtConfig());
    const SignupOutcome o = chain.handle(msg(u"dan"_s, u"+1 name: Dan size: XXL"_s));
    QCOMPARE(o.kind, Kind::FieldsMissing);
    QCOMPARE(o.problems.size(), 1);
    QCOMPARE(o.problems.front().kind, FieldProblem::Kind::NotAChoice);
    QCOMPARE(o.problems.front().value, u"XXL"_s);
    QVERIFY2(o.reply.contains(u"\"XXL\" is not a valid shirt size (choose S, M, L, XL)"_s),
             qPrintable(o.reply));
}

void tst_SignupChain::withdrawPromotesFromWaitlist()
{
    SignupChain chain(plainConfig(2));
    for (const QString &nick : {u"a"_s, u"b"_s, u"c"_s, u"d"_s})
        chain.handle(msg(nick, u"+1"_s));
    QCOMPARE(nicks(chain.state().confirmed), (QStringList {u"a"_s, u"b"_s}));
    QCOMPARE(nicks(chain.state().waitlist), (QStringList {u"c"_s, u"d"_s}));
    bool waitlisted = false;
    QCOMPARE(chain.positionOf(person(u"d"_s), &waitlisted), 2);
    QVERIFY(waitlisted);

    const SignupOutcome out = chain.handle(msg(u"a"_s, u"-1"_s));
    QCOMPARE(out.kind, Kind::Withdrew);
    QVERIFY(out.promoted);
    QCOMPARE(out.promoted->nick, u"c"_s);
    QVERIFY(out.reply.contains(u"@c moves up from the waitlist"_s));
    QCOMPARE(nicks(chain.state().confirmed), (QStringList {u"b"_s, u"c"_s}));
    QCOMPARE(nicks(chain.state().waitlist), QStringList {u"d"_s});

    const SignupOutcome fromWaitlist = chain.handle(msg(u"d"_s, u"退出"_s));
    QCOMPARE(fromWaitlist.kind, Kind::Withdrew);
    QVERIFY(!fromWaitlist.promoted);
    QCOMPARE(fromWaitlist.reply, u"@d 已退出。"_s);
    QVERIFY(chain.state().waitlist.isEmpty());

    QCOMPARE(chain.handle(msg(u"e"_s, u"withdraw"_s)).kind, Kind::NotOnList);
    QCOMPARE(chain.handle(msg(u"b"_s, u"-1 sorry, sick"_s)).kind, Kind::Withdrew);
    QCOMPARE(nicks(chain.state().confirmed), QStringList {u"c"_s});
}

void tst_SignupChain::capacityWithoutWaitlist()
{
    SignupConfig config = plainConfig(1);
    config.waitlistCapacity = 0;
    SignupChain chain(config);
    QCOMPARE(chain.handle(msg(u"a"_s, u"+1"_s)).kind, Kind::Joined);
    QCOMPARE(chain.spotsLeft(), 0);
    const SignupOutcome full = chain.handle(msg(u"b"_s, u"+1"_s));
    QCOMPARE(full.kind, Kind::Full);
    QCOMPARE(full.reply, u"@b sorry, the list is full."_s);
    QCOMPARE(chain.state().confirmed.size(), 1);
    QVERIFY(chain.state().waitlist.isEmpty());
}

void tst_SignupChain::pasteAddsOnlyTheSendersLine()
{
    SignupChain chain(shirtConfig());
    chain.handle(msg(u"alice"_s, u"+1 Alice Smith, M"_s));
    chain.handle(msg(u"bob"_s, u"+1 Bob Lee, L"_s));
    const SignupOutcome o = chain.handle(msg(u"carol"_s, pasted(chain, u"3. Carol King XL"_s)));
    QCOMPARE(o.kind, Kind::Joined);
    QCOMPARE(o.position, 3);
    QVERIFY(o.ignored.isEmpty());
    const SignupEntry &carol = chain.state().confirmed.back();
    QCOMPARE(carol.person, person(u"carol"_s));
    QCOMPARE(carol.values.value(u"name"_s), u"Carol King"_s);
    QCOMPARE(carol.values.value(u"size"_s), u"XL"_s);
    QCOMPARE(chain.state().confirmed.size(), 3);
}

void tst_SignupChain::pasteWithEditsToOthersKeepsTheirLines()
{
    SignupChain chain(shirtConfig());
    chain.handle(msg(u"alice"_s, u"+1 Alice Smith, M"_s));
    chain.handle(msg(u"bob"_s, u"+1 Bob Lee, L"_s));
    QString text = pasted(chain, u"3. Carol King S"_s);
    text.replace(u"2. Bob Lee L"_s, u"2. Bob Lee XL"_s);
    const SignupOutcome o = chain.handle(msg(u"carol"_s, text));
    QCOMPARE(o.kind, Kind::Joined);
    QCOMPARE(o.ignored.size(), 1);
    QCOMPARE(o.ignored.front().reason, IgnoredLine::Reason::EditsAnotherMember);
    QCOMPARE(o.ignored.front().ownerNick, u"bob"_s);
    QCOMPARE(chain.state().confirmed[1].values.value(u"size"_s), u"L"_s); // Bob's own choice
    QVERIFY2(o.reply.contains(u"the change to bob's line"_s), qPrintable(o.reply));
}

void tst_SignupChain::pasteReformattedStillMatches()
{
    SignupChain chain(shirtConfig());
    chain.handle(msg(u"alice"_s, u"+1 Alice Smith, M"_s));
    chain.handle(msg(u"bob"_s, u"+1 Bob Lee, L"_s));
    // Another app renumbered, reordered, used CJK punctuation and full-width letters.
    const QString text = u"队服接龙\n"
                         u"1、Bob Lee，Ｌ\n"
                         u"2）alice smith m\n"
                         u"3．Carol King S"_s;
    const SignupOutcome o = chain.handle(msg(u"carol"_s, text));
    QCOMPARE(o.kind, Kind::Joined);
    QVERIFY(o.ignored.isEmpty());
    QCOMPARE(chain.state().confirmed.size(), 3);
    QCOMPARE(chain.state().confirmed[0].nick, u"alice"_s); // canonical order is kept
}

void tst_SignupChain::pasteDuplicatesAndExtraLines()
{
    SignupChain chain(shirtConfig());
    chain.handle(msg(u"alice"_s, u"+1 Alice Smith, M"_s));
    // Carol adds herself and a friend, and a line got pasted twice.
    QString text = pasted(chain, u"2. Carol King S\n3. Eve Friend M"_s);
    text.replace(u"1. Alice Smith M"_s, u"1. Alice Smith M\n1. Alice Smith M"_s);
    const SignupOutcome o = chain.handle(msg(u"carol"_s, text));
    QCOMPARE(o.kind, Kind::Joined);
    QCOMPARE(chain.state().confirmed.size(), 2);
    QCOMPARE(chain.state().confirmed.back().values.value(u"name"_s), u"Carol King"_s);
    QCOMPARE(o.ignored.size(), 2);
    QCOMPARE(o.ignored[0].reason, IgnoredLine::Reason::Duplicate);
    QCOMPARE(o.ignored[1].reason, IgnoredLine::Reason::AddsSomeoneElse);
    QCOMPARE(o.ignored[1].text, u"Eve Friend M"_s);

    // Already on the list, Carol pastes again with a second line for herself.
    const SignupOutcome again = chain.handle(msg(u"carol"_s, pasted(chain, u"3. Carol K. S"_s)));
    QCOMPARE(again.kind, Kind::NoChange);
    QCOMPARE(again.ignored.size(), 1);
    QCOMPARE(again.ignored.front().reason, IgnoredLine::Reason::AlreadyOnList);
    QCOMPARE(chain.state().confirmed.size(), 2);
}

void tst_SignupChain::pasteWithANamesakeIsAnAddition()
{
    SignupChain chain(shirtConfig());
    chain.handle(msg(u"alice"_s, u"+1 Alice, M"_s));
    // Another Alice adds herself below the first one, whose line is unchanged.
    const SignupOutcome o = chain.handle(msg(u"ab"_s, pasted(chain, u"2. Alice Brown L"_s)));
    QCOMPARE(o.kind, Kind::Joined);
    QVERIFY(o.ignored.isEmpty());
    QCOMPARE(chain.state().confirmed.back().values.value(u"name"_s), u"Alice Brown"_s);
    QCOMPARE(chain.state().confirmed.front().values.value(u"size"_s), u"M"_s);
}

void tst_SignupChain::pasteMissingLinesChangesNothing()
{
    SignupChain chain(plainConfig());
    for (const QString &nick : {u"a1"_s, u"b2"_s, u"c3"_s})
        chain.handle(msg(nick, u"+1"_s));
    // Dan copied the list before c3 joined, then added himself.
    const QString text = u"Saturday run\n1. a1\n2. b2\n3. dan"_s;
    const SignupOutcome o = chain.handle(msg(u"dan"_s, text));
    QCOMPARE(o.kind, Kind::Joined);
    QCOMPARE(o.position, 4);
    QCOMPARE(nicks(chain.state().confirmed), (QStringList {u"a1"_s, u"b2"_s, u"c3"_s, u"dan"_s}));
    QCOMPARE(o.ignored.size(), 1);
    QCOMPARE(o.ignored.front().reason, IgnoredLine::Reason::RemovesAnotherMember);
    QCOMPARE(o.ignored.front().ownerNick, u"c3"_s);
    QVERIFY(o.reply.contains(u"1 line(s) missing from your copy"_s));

    // Removing your own line is not a withdrawal.
    const SignupOutcome own = chain.handle(msg(u"a1"_s, u"Saturday run\n1. b2\n2. c3\n3. dan"_s));
    QCOMPARE(own.kind, Kind::NoChange);
    QCOMPARE(own.ignored.front().reason, IgnoredLine::Reason::RemovesOwnLine);
    QCOMPARE(chain.state().confirmed.size(), 4);
}

void tst_SignupChain::pasteEditsOwnLine()
{
    SignupChain chain(shirtConfig());
    chain.handle(msg(u"alice"_s, u"+1 Alice Smith, M"_s));
    chain.handle(msg(u"bob"_s, u"+1 Bob Lee, L"_s));
    QString text = chain.render();
    text.replace(u"1. Alice Smith M"_s, u"1. Alice Smith XL"_s);
    const SignupOutcome o = chain.handle(msg(u"alice"_s, text));
    QCOMPARE(o.kind, Kind::Updated);
    QVERIFY(o.ignored.isEmpty());
    QCOMPARE(chain.state().confirmed.front().values.value(u"size"_s), u"XL"_s);
    QCOMPARE(chain.state().confirmed.size(), 2);
}

void tst_SignupChain::pasteNumbersOnlyList()
{
    // No fields: lines are nicks; the sender's line may carry the keyword.
    SignupChain chain(plainConfig());
    chain.handle(msg(u"amy"_s, u"+1"_s));
    chain.handle(msg(u"ben"_s, u"+1"_s));
    const SignupOutcome o
        = chain.handle(msg(u"cat"_s, u"1. amy\n2. ben\n3. +1 cat bringing a friend"_s));
    QCOMPARE(o.kind, Kind::Joined);
    QCOMPARE(chain.state().confirmed.back().note, u"bringing a friend"_s);
}

void tst_SignupChain::deadlineClosesAndShowsInGroupTime()
{
    SignupConfig config = plainConfig(5);
    config.deadline = utc(14, 17); // Friday 18:00 in Berlin
    SignupChain chain(config);
    chain.handle(msg(u"a"_s, u"+1"_s, utc(14, 16, 59)));
    QVERIFY2(chain.render().contains(u"Deadline: Fri 14 Mar, 18:00 (Europe/Berlin)"_s),
             qPrintable(chain.render()));
    const QString zh = chain.render(Language::Chinese);
    QVERIFY2(zh.contains(u"截止：3月14日 周五 18:00（Europe/Berlin）"_s), qPrintable(zh));

    QVERIFY(!chain.closeIfDue(utc(14, 16, 59)));
    const SignupOutcome late = chain.handle(msg(u"b"_s, u"+1"_s, utc(14, 17, 0)));
    QCOMPARE(late.kind, Kind::Closed);
    QCOMPARE(late.reply, u"@b the sign-up is closed."_s);
    QVERIFY(chain.isClosed());
    QVERIFY(!chain.closeIfDue(utc(14, 18))); // closes once
    QCOMPARE(chain.handle(msg(u"a"_s, u"-1"_s, utc(14, 18))).kind, Kind::Closed);
    QCOMPARE(chain.state().confirmed.size(), 1);
    QVERIFY(chain.render().contains(u"Sign-up closed."_s));

    SignupChain timed(config);
    QVERIFY(timed.closeIfDue(utc(14, 17)));
}

void tst_SignupChain::renderShowsListWaitlistAndPlaces()
{
    SignupChain chain(shirtConfig(2));
    chain.handle(msg(u"alice"_s, u"+1 Alice Smith, M"_s));
    chain.handle(msg(u"bob"_s, u"+1 Bob Lee, L"_s));
    chain.handle(msg(u"carol"_s, u"+1 Carol King, S"_s));
    QCOMPARE(chain.render(),
             u"Club shirts 队服接龙\n"
             u"1. Alice Smith M\n"
             u"2. Bob Lee L\n"
             u"Waitlist:\n"
             u"1. Carol King S\n"
             u"Spots left: 0 of 2\n"
             u"Reply +1 to join, -1 to withdraw."_s);
    QCOMPARE(chain.render(Language::Chinese),
             u"Club shirts 队服接龙\n"
             u"1. Alice Smith M\n"
             u"2. Bob Lee L\n"
             u"候补：\n"
             u"1. Carol King S\n"
             u"剩余名额：0/2\n"
             u"回复“+1”报名，“-1”退出。"_s);
}

void tst_SignupChain::csvExport()
{
    SignupChain chain(shirtConfig(1));
    chain.handle(msg(u"alice"_s, u"+1 Alice \"Ally\" Smith, M"_s, utc(10, 9, 30)));
    chain.handle(msg(u"mallory"_s, u"+1 name: =HYPERLINK(\"http://x\") size: S"_s, utc(10, 10)));
    const QByteArray csv = chain.toCsv();
    QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
    const QStringList lines = QString::fromUtf8(csv.mid(3)).split(u"\r\n"_s);
    QCOMPARE(lines[0], u"#,Status,Nick,Member,Joined (UTC),name,shirt size,Note"_s);
    QCOMPARE(lines[1],
             u"1,confirmed,alice,nick:run@rooms.example/alice,2025-03-10T09:30:00Z,"
             u"\"Alice \"\"Ally\"\" Smith\",M,"_s);
    // A formula in member text is neutralised for spreadsheets.
    QCOMPARE(lines[2],
             u"1,waitlist,mallory,nick:run@rooms.example/mallory,2025-03-10T10:00:00Z,"
             u"\"'=HYPERLINK(\"\"http://x\"\")\",S,"_s);
    QCOMPARE(lines.size(), 4); // header, two rows, trailing empty
    const QString zh = QString::fromUtf8(chain.toCsv(Language::Chinese));
    QVERIFY(zh.contains(u"状态,昵称,成员,报名时间（UTC）,姓名,尺码,备注"_s));
    QVERIFY(zh.contains(u",候补,mallory"_s));
}

void tst_SignupChain::quotedReplyIsNotACommand()
{
    SignupChain chain(plainConfig());
    QCOMPARE(chain.handle(msg(u"a"_s, u"> +1\nnice, see you there"_s)).kind, Kind::NotForUs);
    QCOMPARE(chain.handle(msg(u"a"_s, u"> Saturday run?\n+1"_s)).kind, Kind::Joined);
}

void tst_SignupChain::stateRestores()
{
    SignupChain chain(plainConfig(1));
    chain.handle(msg(u"a"_s, u"+1"_s));
    chain.handle(msg(u"b"_s, u"+1"_s));
    SignupChain restored(plainConfig(1), chain.state());
    QCOMPARE(restored.state(), chain.state());
    const SignupOutcome o = restored.handle(msg(u"a"_s, u"-1"_s));
    QCOMPARE(o.promoted->nick, u"b"_s);
}

QTEST_GUILESS_MAIN(tst_SignupChain)
#include "tst_signupchain.moc"
