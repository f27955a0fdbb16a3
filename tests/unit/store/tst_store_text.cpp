// The text rules search depends on: what the index sees for a body, how a query becomes
// FTS5 terms, and how snippets are cut and highlighted.

#include "store/TextIndex.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::store::text;

class tst_StoreText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void searchText_data();
    void searchText();
    void queryTerms_data();
    void queryTerms();
    void snippetShortBody();
    void snippetMergesOverlaps();
    void snippetNeverSplitsSurrogates();
    void snippetWithoutMatch();
};

void tst_StoreText::searchText_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("words");
    QTest::addColumn<QString>("tails");
    QTest::newRow("latin unchanged") << u"Hello, world!"_s << u"Hello, world!"_s << QString();
    QTest::newRow("run of four") << u"报名参加"_s << u" 报名 名参 参加 "_s << u"加"_s;
    QTest::newRow("run of one") << u"A级"_s << u"A 级 "_s << QString();
    QTest::newRow("two runs") << u"明天ok后天"_s << u" 明天 ok 后天 "_s << u"天 天"_s;
    QTest::newRow("kana and hangul") << u"ありがとう 감사"_s << u" あり りが がと とう   감사 "_s
                                     << u"う 사"_s;
    QTest::newRow("supplementary ideograph") << u"𠀀𠀁x"_s << u" 𠀀𠀁 x"_s << u"𠀁"_s;
    QTest::newRow("empty") << QString() << QString() << QString();
}

void tst_StoreText::searchText()
{
    QFETCH(QString, body);
    QFETCH(QString, words);
    QFETCH(QString, tails);
    const SearchText t = chorus::store::text::searchText(body);
    QCOMPARE(t.words, words);
    QCOMPARE(t.tails, tails);
}

void tst_StoreText::queryTerms_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("matches"); // "" for a term the index does not answer
    QTest::newRow("word") << u"refund"_s << QStringList{u"\"refund\" *"_s};
    QTest::newRow("three letters exact") << u"the"_s << QStringList{u"\"the\""_s};
    QTest::newRow("two letters exact") << u"ok"_s << QStringList{u"\"ok\""_s};
    QTest::newRow("one letter scans") << u"x"_s << QStringList{QString()};
    QTest::newRow("punctuation scans") << u"?!"_s << QStringList{QString()};
    QTest::newRow("cjk pair") << u"报名"_s << QStringList{u"\"报名\""_s};
    QTest::newRow("cjk one") << u"钱"_s << QStringList{u"\"钱\" *"_s};
    QTest::newRow("cjk four") << u"报名参加"_s << QStringList{u"\"报名 名参 参加\""_s};
    QTest::newRow("latin then cjk letter") << u"A级"_s << QStringList{u"\"A 级\" *"_s};
    QTest::newRow("phrase") << u"\"own mat\" water"_s
                            << QStringList{u"\"own mat\""_s, u"\"water\" *"_s};
    QTest::newRow("phrase a a") << u"\"a a\""_s << QStringList{u"\"a a\""_s};
    QTest::newRow("quotes escaped") << u"a\"b"_s << QStringList{QString(), QString()};
    QTest::newRow("fts syntax is literal") << u"NEAR(x)"_s << QStringList{u"\"NEAR(x)\""_s};
}

void tst_StoreText::queryTerms()
{
    QFETCH(QString, query);
    QFETCH(QStringList, matches);
    QStringList actual;
    for (const Term &t : parseQuery(query))
        actual << (t.indexed ? t.match : QString());
    QCOMPARE(actual, matches);
}

void tst_StoreText::snippetShortBody()
{
    const Snippet s = makeSnippet(u"Refund the refund"_s, {u"refund"_s});
    QCOMPARE(s.text, u"Refund the refund"_s);
    QCOMPARE(s.highlights, (QList<Highlight>{{0, 6}, {11, 6}}));
}

void tst_StoreText::snippetMergesOverlaps()
{
    const Snippet s = makeSnippet(u"明天报名"_s, {u"明天报"_s, u"报名"_s});
    QCOMPARE(s.highlights, (QList<Highlight>{{0, 4}}));
}

void tst_StoreText::snippetNeverSplitsSurrogates()
{
    QString body;
    for (int i = 0; i < 100; ++i)
        body += u"😀"_s;
    body += u" target "_s;
    for (int i = 0; i < 100; ++i)
        body += u"😀"_s;
    for (int max : {41, 50, 63}) {
        const Snippet s = makeSnippet(body, {u"target"_s}, max);
        for (qsizetype i = 0; i < s.text.size(); ++i) {
            if (s.text.at(i).isHighSurrogate())
                QVERIFY(i + 1 < s.text.size() && s.text.at(i + 1).isLowSurrogate());
            if (s.text.at(i).isLowSurrogate())
                QVERIFY(i > 0 && s.text.at(i - 1).isHighSurrogate());
        }
        QCOMPARE(s.highlights.size(), 1);
        QCOMPARE(s.text.mid(s.highlights.at(0).start, s.highlights.at(0).length), u"target"_s);
    }
}

void tst_StoreText::snippetWithoutMatch()
{
    QString body(300, u'a');
    const Snippet s = makeSnippet(body, {u"zzz"_s}, 100);
    QVERIFY(s.highlights.isEmpty());
    QVERIFY(s.text.endsWith(u"…"_s));
    QVERIFY(s.text.size() <= 101);
}

QTEST_GUILESS_MAIN(tst_StoreText)
#include "tst_store_text.moc"
