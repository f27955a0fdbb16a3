// Suggestions against the starter library: the labelled questions (gated at
// precision@3 >= 0.85), the holdout written after tuning (printed, not gated), scope,
// language and usage weighting.
#include "LabelledQuestions.h"

#include "replies/StarterLibrary.h"
#include "replies/Suggester.h"
#include "replies/TextAnalysis.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::replies;
using namespace chorus::replies::test;

class tst_RepliesSuggest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void labelledPrecision();

private:
    QString dataPath(const QString &name) const
    {
        return qEnvironmentVariable("CHORUS_TEST_DATA") + u"/replies/"_s + name;
    }
    TemplateLibrary m_starter;
};

void tst_RepliesSuggest::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("CHORUS_TEST_DATA"), "run through ctest");
    const auto loaded = loadStarterLibrary();
    QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
    m_starter = loaded.value().library;
}

void tst_RepliesSuggest::labelledPrecision()
{
    QString error;
    const auto questions = readQuestions(dataPath(u"questions.tsv"_s), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(questions.size() >= 80);

    const struct
    {
        const char *name;
        SuggesterOptions::Fuzzy fuzzy;
    } variants[] = {{"none", SuggesterOptions::Fuzzy::None},
                    {"edit-distance", SuggesterOptions::Fuzzy::EditDistance},
                    {"trigram", SuggesterOptions::Fuzzy::Trigram},
                    {"both", SuggesterOptions::Fuzzy::Both}};
    // Which typo tolerance helps: the labelled set as written, and with a typo in
    // every longer English word (three seeds).
    QList<LabelledQuestion> english;
    for (const LabelledQuestion &q : questions) {
        if (detectLanguage(q.question) == u"en")
            english.append(q);
    }
    for (const auto &v : variants) {
        SuggesterOptions options;
        options.fuzzy = v.fuzzy;
        ReplySuggester s(options);
        QVERIFY(s.rebuild(m_starter).ok());
        const Score sc = score(s, questions);
        int typoHits = 0, typoTotal = 0;
        for (quint32 seed : {1u, 2u, 3u}) {
            const Score t = score(s, withTypos(english, seed));
            typoHits += t.hits;
            typoTotal += t.total;
        }
        qInfo("fuzzy=%s precision@3 %s precision@1 %s, english with typos precision@3 %s",
              v.name, qPrintable(twoDecimals(sc.precision())),
              qPrintable(twoDecimals(sc.precisionAt1())),
              qPrintable(twoDecimals(double(typoHits) / typoTotal)));
    }
    {
        // How much rests on the keywords (written by the same hand as the questions).
        TemplateLibrary bare = m_starter;
        for (Template t : m_starter.templates()) {
            for (Variant &v : t.variants)
                v.keywords.clear();
            bare.insert(t);
        }
        ReplySuggester s;
        QVERIFY(s.rebuild(bare).ok());
        const Score sc = score(s, questions);
        qInfo("without keywords precision@3 %s precision@1 %s",
              qPrintable(twoDecimals(sc.precision())), qPrintable(twoDecimals(sc.precisionAt1())));
    }

    ReplySuggester suggester;
    const auto built = suggester.rebuild(m_starter);
    QVERIFY2(built.ok(), qPrintable(built.ok() ? QString() : built.error().message));
    const Score s = score(suggester, questions);
    for (const QString &miss : s.misses)
        qInfo("miss %s", qPrintable(miss));
    qInfo("precision@3: %s", qPrintable(twoDecimals(s.precision())));
    QVERIFY2(s.precision() >= 0.85, qPrintable(u"precision@3 %1 < 0.85"_s.arg(s.precision())));
}

QTEST_GUILESS_MAIN(tst_RepliesSuggest)
#include "tst_replies_suggest.moc"
