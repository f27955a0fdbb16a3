// How long the suggestion index takes to rebuild (starter library, and libraries of a
// few hundred templates made from it) and to answer a question. Prints one JSON object
// on the last line.
#include "replies/StarterLibrary.h"
#include "replies/Suggester.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace chorus::replies;

namespace {

// A library of `size` templates: the starter's, copied under new ids.
TemplateLibrary scaled(const TemplateLibrary &starter, int size)
{
    TemplateLibrary out;
    for (int i = 0; out.size() < size; ++i) {
        Template t = starter.templates().at(i % starter.size());
        t.id += u'-' + QString::number(i);
        t.shortcut += QString::number(i);
        out.insert(t);
    }
    return out;
}

// Median of `runs` timings of fn, in milliseconds.
template <typename Fn> double medianMs(int runs, Fn fn)
{
    QList<double> times;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer timer;
        timer.start();
        fn();
        times.append(timer.nsecsElapsed() / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const auto loaded = loadStarterLibrary();
    if (!loaded) {
        std::fprintf(stderr, "%s\n", qPrintable(loaded.error().toString()));
        return 1;
    }
    const TemplateLibrary starter = loaded.value().library;
    const QStringList questions
        = {u"do i need an adapter for my charger"_s, u"明天几点来酒店接我们？"_s,
           u"wher can i get a sim crad"_s, u"cancelation polcy?"_s, u"老师 homework 发了吗"_s};
    GroupContext group;
    group.groupId = u"bench@conference.example.org"_s;
    group.tags = {u"travel"_s};

    QJsonObject result {{u"bench"_s, u"replies_index"_s}};
    const struct
    {
        const char *name;
        SuggesterOptions::Fuzzy fuzzy;
    } modes[] = {{"edit_distance", SuggesterOptions::Fuzzy::EditDistance},
                 {"both", SuggesterOptions::Fuzzy::Both}};
    for (const auto &mode : modes) {
        for (int size : {int(starter.size()), 200, 500}) {
            const TemplateLibrary library
                = size == starter.size() ? starter : scaled(starter, size);
            ReplySuggester suggester(SuggesterOptions {mode.fuzzy});
            const double build = medianMs(15, [&] { suggester.rebuild(library); });
            const double query = medianMs(15,
                                          [&] {
                                              for (const QString &q : questions)
                                                  suggester.suggest(q, group);
                                          })
                / questions.size();
            const QString key = QString::fromLatin1(mode.name) + u'_' + QString::number(size);
            result.insert(key + u"_rebuild_ms"_s, std::round(build * 100) / 100);
            result.insert(key + u"_query_ms"_s, std::round(query * 100) / 100);
            std::printf("%s: %d templates, rebuild %.2f ms, query %.3f ms\n", mode.name, size,
                        build, query);
        }
    }
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
