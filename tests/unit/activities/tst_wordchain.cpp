#include "activities/WordChainReferee.h"

#include <QFile>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::activities;
using chorus::chat::PersonKey;
using Verdict = MoveResult::Verdict;

namespace {


QDateTime at(int seconds)
{
    return QDateTime(QDate(2025, 5, 1), QTime(20, 0), Qt::UTC).addSecs(seconds);
}

PersonKey person(const QString &nick)
{
    return PersonKey::of(u"games@rooms.example"_s, {}, {}, nick);
}

QString idiomsPath()
{
    return qEnvironmentVariable("CHORUS_IDIOMS");
}

} // namespace

class tst_WordChain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void englishDictionaryFromWamerican();
    void idiomListIsWellFormed();
    void idiomLoaderRejectsBadLines();
    void englishRound();
    void wrongLetterUnknownAndRepeated();
    void lateMoveEndsTheRound();
    void tickEndsTheRoundAtTheDeadline();
    void oneMoveInARow();
    void chatterIsNotAMove();
    void idiomChain();
    void idiomDeadEndEndsRound();
    void startNeedsAWordThatCanBeAnswered();
    void leaderboardAcrossRounds();
    void announcementsInBothLanguages();

private:
    std::shared_ptr<const WordList> m_english;
    std::shared_ptr<const WordList> m_idioms;
};

void tst_WordChain::initTestCase()
{
    auto english = WordList::loadEnglish(QString::fromLatin1(WordList::kWamericanPath));
    QVERIFY2(english, qPrintable(english ? QString() : english.error().message));
    m_english = std::make_shared<const WordList>(english.value());
    QVERIFY2(!idiomsPath().isEmpty(), "CHORUS_IDIOMS is set by CTest");
    auto idioms = WordList::loadIdioms(idiomsPath());
    QVERIFY2(idioms, qPrintable(idioms ? QString() : idioms.error().message));
    m_idioms = std::make_shared<const WordList>(idioms.value());
}

void tst_WordChain::englishDictionaryFromWamerican()
{
    QCOMPARE(m_english->kind(), WordList::Kind::English);
    QVERIFY(m_english->size() > 50000);
    QVERIFY(m_english->contains(u"apple"_s));
    QVERIFY(!m_english->contains(u"boston"_s)); // only "Boston": a proper noun
    QVERIFY(!m_english->contains(u"apple's"_s)); // possessive
    QVERIFY(!m_english->contains(u"a"_s)); // shorter than two letters
    QVERIFY(!WordList::loadEnglish(u"/nonexistent/words"_s));
}

void tst_WordChain::idiomListIsWellFormed()
{
    QFile file(idiomsPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QSet<QString> seen;
    int lineNo = 0;
    for (const QByteArray &raw : file.readAll().split('\n')) {
        ++lineNo;
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        QVERIFY2(line.size() == 4, qPrintable(u"line %1: %2"_s.arg(lineNo).arg(line)));
        QVERIFY2(!seen.contains(line), qPrintable(u"line %1 repeats %2"_s.arg(lineNo).arg(line)));
        seen.insert(line);
    }
    QVERIFY2(seen.size() >= 1000, qPrintable(QString::number(seen.size())));
    QCOMPARE(m_idioms->size(), seen.size());
}

void tst_WordChain::idiomLoaderRejectsBadLines()
{
    auto bad = WordList::idiomsFromText("# ok\n一心一意\nabcd\n");
    QVERIFY(!bad);
    QCOMPARE(bad.error().code, WordListError::Code::BadLine);
    QCOMPARE(bad.error().line, 3);
    QVERIFY(!WordList::idiomsFromText("换汤不换药\n"));
    QVERIFY(!WordList::idiomsFromText("# only comments\n"));
}

void tst_WordChain::englishRound()
{
    WordChainReferee referee(m_english, {});
    auto start = referee.startRound(u"Apple"_s, at(0));
    QVERIFY(start);
    QCOMPARE(referee.currentWord(), u"apple"_s);
    QCOMPARE(referee.expectedStart(), u"e"_s);

    const MoveResult egg = referee.play(person(u"bob"_s), u"bob"_s, u"egg!"_s, at(10));
    QCOMPARE(egg.verdict, Verdict::Accepted);
    QCOMPARE(egg.word, u"egg"_s);
    QCOMPARE(egg.points, 1);
    QCOMPARE(egg.reply, u"✓ bob: “egg” (+1). Next: “g”."_s);
    QCOMPARE(referee.play(person(u"amy"_s), u"amy"_s, u"Goat"_s, at(20)).verdict,
             Verdict::Accepted);
    QCOMPARE(referee.turnDeadline(), at(80));
    QCOMPARE(referee.leaderboard().row(person(u"bob"_s))->points, 1);
    QCOMPARE(referee.leaderboard().row(person(u"amy"_s))->moves, 1);
}

void tst_WordChain::wrongLetterUnknownAndRepeated()
{
    WordChainReferee referee(m_english, {});
    QVERIFY(referee.startRound(u"tent"_s, at(0)));
    const MoveResult wrong = referee.play(person(u"a"_s), u"a"_s, u"apple"_s, at(5));
    QCOMPARE(wrong.verdict, Verdict::WrongStart);
    QCOMPARE(wrong.expectedStart, u"t"_s);
    QCOMPARE(wrong.reply, u"@a “apple” must start with “t”."_s);
    const MoveResult unknown = referee.play(person(u"a"_s), u"a"_s, u"tzzqx"_s, at(6));
    QCOMPARE(unknown.verdict, Verdict::NotInDictionary);
    QCOMPARE(unknown.reply, u"@a “tzzqx” is not in the dictionary."_s);
    const MoveResult again = referee.play(person(u"a"_s), u"a"_s, u"tent"_s, at(7));
    QCOMPARE(again.verdict, Verdict::Repeated);
    QCOMPARE(referee.currentWord(), u"tent"_s);
    QVERIFY(!referee.leaderboard().row(person(u"a"_s))); // no points for any of that
}

void tst_WordChain::lateMoveEndsTheRound()
{
    WordChainRules rules;
    rules.turnTimeout = std::chrono::seconds(30);
    WordChainReferee referee(m_english, rules);
    QVERIFY(referee.startRound(u"apple"_s, at(0)));
    QCOMPARE(referee.play(person(u"bob"_s), u"bob"_s, u"egg"_s, at(29)).verdict, Verdict::Accepted);
    const MoveResult late = referee.play(person(u"amy"_s), u"amy"_s, u"goat"_s, at(29 + 30));
    QCOMPARE(late.verdict, Verdict::TooLate);
    QVERIFY(late.roundEnded);
    QCOMPARE(late.roundEnded->reason, RoundSummary::Reason::TimedOut);
    QCOMPARE(late.roundEnded->winner->nick, u"bob"_s);
    QCOMPARE(late.roundEnded->endedAt, at(59));
    QVERIFY(!referee.roundRunning());
    QCOMPARE(referee.leaderboard().row(person(u"bob"_s))->points, 1 + 3);
    QVERIFY(!referee.leaderboard().row(person(u"amy"_s)));
    QCOMPARE(referee.play(person(u"amy"_s), u"amy"_s, u"goat"_s, at(70)).verdict, Verdict::NoRound);
}

void tst_WordChain::tickEndsTheRoundAtTheDeadline()
{
    WordChainReferee referee(m_english, {});
    QVERIFY(referee.startRound(u"apple"_s, at(0)));
    QVERIFY(!referee.tick(at(59)));
    const auto summary = referee.tick(at(60));
    QVERIFY(summary);
    QVERIFY(!summary->winner); // nobody answered
    QVERIFY(summary->announcement.contains(u"nobody answered “apple”"_s));
    QVERIFY(!referee.tick(at(120)));
}

void tst_WordChain::oneMoveInARow()
{
    WordChainRules rules;
    rules.oneMoveInARow = true;
    WordChainReferee referee(m_english, rules);
    QVERIFY(referee.startRound(u"apple"_s, at(0)));
    QCOMPARE(referee.play(person(u"bob"_s), u"bob"_s, u"egg"_s, at(1)).verdict, Verdict::Accepted);
    QCOMPARE(referee.play(person(u"bob"_s), u"bob"_s, u"goat"_s, at(2)).verdict,
             Verdict::TwoInARow);
    QCOMPARE(referee.play(person(u"amy"_s), u"amy"_s, u"goat"_s, at(3)).verdict, Verdict::Accepted);
    QCOMPARE(referee.play(person(u"bob"_s), u"bob"_s, u"tent"_s, at(4)).verdict, Verdict::Accepted);
}

void tst_WordChain::chatterIsNotAMove()
{
    WordChainReferee referee(m_english, {});
    QCOMPARE(referee.play(person(u"a"_s), u"a"_s, u"apple"_s, at(0)).verdict, Verdict::NoRound);
    QVERIFY(referee.startRound(u"apple"_s, at(0)));
    for (const QString &text : {u"hello there"_s, u"e-mail"_s, u"42"_s, u"好的"_s, u""_s}) {
        const MoveResult r = referee.play(person(u"a"_s), u"a"_s, text, at(1));
        QCOMPARE(r.verdict, Verdict::NotAMove);
        QVERIFY(r.reply.isEmpty());
    }
}

void tst_WordChain::idiomChain()
{
    WordChainRules rules;
    rules.language = Language::Chinese;
    WordChainReferee referee(m_idioms, rules);
    QVERIFY(referee.startRound(u"人山人海"_s, at(0)));
    QCOMPARE(referee.expectedStart(), u"海"_s);
    const MoveResult ok = referee.play(person(u"张三"_s), u"张三"_s, u"海阔天空。"_s, at(5));
    QCOMPARE(ok.verdict, Verdict::Accepted);
    QCOMPARE(ok.reply, u"✓ 张三：“海阔天空”（+1分），请接“空”。"_s);
    const MoveResult wrong = referee.play(person(u"李四"_s), u"李四"_s, u"一帆风顺"_s, at(6));
    QCOMPARE(wrong.verdict, Verdict::WrongStart);
    QCOMPARE(wrong.reply, u"@李四 “一帆风顺”要以“空”开头。"_s);
    const MoveResult notIdiom = referee.play(person(u"李四"_s), u"李四"_s, u"空调坏了"_s, at(7));
    QCOMPARE(notIdiom.verdict, Verdict::NotInDictionary);
    QCOMPARE(notIdiom.reply, u"@李四 “空调坏了”不在成语词库里。"_s);
    QCOMPARE(referee.play(person(u"李四"_s), u"李四"_s, u"空前绝后"_s, at(8)).verdict,
             Verdict::Accepted);
    QCOMPARE(referee.play(person(u"王五"_s), u"王五"_s, u"后来居上"_s, at(9)).verdict,
             Verdict::Accepted);
    QCOMPARE(referee.expectedStart(), u"上"_s);

    // 精益求精 starts where it ends: playing it twice is a repeat.
    WordChainReferee loop(m_idioms, rules);
    QVERIFY(loop.startRound(u"精益求精"_s, at(0)));
    QCOMPARE(loop.play(person(u"a"_s), u"a"_s, u"精益求精"_s, at(1)).verdict, Verdict::Repeated);
}

void tst_WordChain::idiomDeadEndEndsRound()
{
    // Nothing in the list starts with 私: 大公无私 wins the round at once.
    QVERIFY(m_idioms->startingWith(u"私"_s).isEmpty());
    WordChainReferee referee(m_idioms, {});
    QVERIFY(referee.startRound(u"一心一意"_s, at(0)));
    QCOMPARE(referee.play(person(u"a"_s), u"a"_s, u"意气风发"_s, at(1)).verdict, Verdict::Accepted);
    QCOMPARE(referee.play(person(u"b"_s), u"b"_s, u"发扬光大"_s, at(2)).verdict, Verdict::Accepted);
    const MoveResult last = referee.play(person(u"a"_s), u"a"_s, u"大公无私"_s, at(3));
    QCOMPARE(last.verdict, Verdict::Accepted);
    QVERIFY(last.roundEnded);
    QCOMPARE(last.roundEnded->reason, RoundSummary::Reason::DeadEnd);
    QCOMPARE(last.roundEnded->winner->nick, u"a"_s);
    QCOMPARE(last.roundEnded->moves.size(), 3);
    QVERIFY(!referee.roundRunning());
}

void tst_WordChain::startNeedsAWordThatCanBeAnswered()
{
    WordChainReferee referee(m_idioms, {});
    auto deadEnd = referee.startRound(u"大公无私"_s, at(0));
    QVERIFY(!deadEnd);
    QCOMPARE(deadEnd.error().code, StartError::Code::DeadEnd);
    QCOMPARE(referee.startRound(u"不是成语"_s, at(0)).error().code,
             StartError::Code::NotInDictionary);
    const QString suggested = referee.suggestStart(12345);
    QVERIFY(m_idioms->contains(suggested));
    QCOMPARE(referee.suggestStart(12345), suggested);
    QVERIFY(referee.startRound(suggested, at(0)));
    QCOMPARE(referee.startRound(suggested, at(1)).error().code, StartError::Code::RoundRunning);
}

void tst_WordChain::leaderboardAcrossRounds()
{
    WordChainReferee referee(m_english, {});
    QVERIFY(referee.startRound(u"apple"_s, at(0)));
    referee.play(person(u"bob"_s), u"bob"_s, u"egg"_s, at(1));
    referee.play(person(u"amy"_s), u"amy"_s, u"goat"_s, at(2));
    referee.tick(at(100)); // amy wins round 1: 1 + 3
    QVERIFY(referee.startRound(u"tent"_s, at(200)));
    referee.play(person(u"bob"_s), u"bob"_s, u"tiger"_s, at(201));
    referee.play(person(u"bob"_s), u"bob"_s, u"rabbit"_s, at(202));
    const auto stopped = referee.stop(at(203)); // stopped: no winner bonus
    QVERIFY(stopped);
    QVERIFY(!stopped->winner);
    QCOMPARE(referee.round(), 2);
    const QList<LeaderboardRow> ranking = referee.leaderboard().ranking();
    QCOMPARE(ranking.size(), 2);
    QCOMPARE(ranking[0].nick, u"amy"_s);
    QCOMPARE(ranking[0].points, 4);
    QCOMPARE(ranking[0].wins, 1);
    QCOMPARE(ranking[1].nick, u"bob"_s);
    QCOMPARE(ranking[1].points, 3);
    QCOMPARE(referee.leaderboard().render(Language::English),
             u"Leaderboard:\n1. amy — 4 pts, rounds won: 1\n2. bob — 3 pts, rounds won: 0"_s);
    QCOMPARE(referee.leaderboard().render(Language::Chinese),
             u"排行榜：\n1. amy — 4分（胜1局）\n2. bob — 3分（胜0局）"_s);
}

void tst_WordChain::announcementsInBothLanguages()
{
    WordChainRules en;
    en.turnTimeout = std::chrono::seconds(45);
    WordChainReferee english(m_english, en);
    QCOMPARE(english.startRound(u"apple"_s, at(0)).value(),
             u"Word chain — round 1! First word: “apple”. The next word starts with “e”. "
             u"45 s per turn; no repeats."_s);
    english.play(person(u"bob"_s), u"bob"_s, u"egg"_s, at(1));
    QCOMPARE(
        english.tick(at(100))->announcement,
        u"Round 1 over: time's up after “egg”. Winner: bob (+3 bonus). Moves this round: 1."_s);

    WordChainRules zh;
    zh.language = Language::Chinese;
    WordChainReferee idioms(m_idioms, zh);
    QCOMPARE(
        idioms.startRound(u"人山人海"_s, at(0)).value(),
        u"成语接龙第1轮开始！第一个成语：“人山人海”，请接以“海”开头的成语。每轮限时60秒，不能重复。"_s);
    idioms.play(person(u"张三"_s), u"张三"_s, u"海阔天空"_s, at(1));
    QCOMPARE(idioms.tick(at(100))->announcement,
             u"第1轮结束：“海阔天空”之后无人接上。获胜者：张三（奖励3分）。本轮共1步。"_s);
}

QTEST_GUILESS_MAIN(tst_WordChain)
#include "tst_wordchain.moc"
