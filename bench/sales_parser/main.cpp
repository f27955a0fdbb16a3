// How long OrderRequestParser takes per message, with the demo catalog (22 items) and
// with a catalog twenty times larger. Prints one JSON object on its last line.
#include "sales/CatalogCsv.h"
#include "sales/OrderRequestParser.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace chorus::sales;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Time per message; with `prepared`, the catalog is indexed once (as Workspace should).
double microsecondsPerMessage(const QList<CatalogItem> &catalog, const QList<QJsonObject> &entries,
                              int rounds, bool prepared)
{
    const OrderRequestParser parser;
    const CatalogIndex index(catalog);
    const QTimeZone zone("Asia/Shanghai");
    const QLocale locale(u"en_US"_s);
    QElapsedTimer timer;
    timer.start();
    int requests = 0;
    for (int round = 0; round < rounds; ++round) {
        for (const QJsonObject &entry : entries) {
            RequestContext context;
            context.text = entry[u"text"_s].toString();
            context.timestamp = QDateTime::fromString(entry[u"ts"_s].toString(), Qt::ISODate);
            context.groupZone = zone;
            context.operatorLocale = locale;
            if (prepared) {
                requests += parser.parse(context, index).isRequest;
            } else {
                context.items = catalog;
                requests += parser.parse(context).isRequest;
            }
        }
    }
    const qint64 ns = timer.nsecsElapsed();
    fprintf(stderr, "%d requests flagged\n", requests);
    return double(ns) / 1000.0 / double(rounds * entries.size());
}

} // namespace

int main()
{
    const auto catalog
        = CatalogCsv::read(readFile(QStringLiteral(CHORUS_SALES_DATA "/catalog.csv")));
    if (!catalog) {
        fprintf(stderr, "cannot read the demo catalog\n");
        return 1;
    }
    QList<QJsonObject> entries;
    for (const QByteArray &line :
         readFile(QStringLiteral(CHORUS_SALES_DATA "/requests.jsonl")).split('\n')) {
        if (line.startsWith('{'))
            entries.append(QJsonDocument::fromJson(line).object());
    }
    QList<CatalogItem> large;
    for (int copy = 0; copy < 20; ++copy) {
        for (CatalogItem item : catalog.value()) {
            item.id += u"-%1"_s.arg(copy);
            large.append(item);
        }
    }
    const auto round1 = [](double v) {
        return qRound(v * 10) / 10.0;
    };
    const QJsonObject result {
        {u"bench"_s, u"sales_parser"_s},
        {u"messages"_s, entries.size()},
        {u"catalog_items"_s, catalog.value().size()},
        {u"us_per_message"_s, round1(microsecondsPerMessage(catalog.value(), entries, 20, true))},
        {u"us_per_message_unprepared"_s,
         round1(microsecondsPerMessage(catalog.value(), entries, 20, false))},
        {u"large_catalog_items"_s, large.size()},
        {u"large_us_per_message"_s, round1(microsecondsPerMessage(large, entries, 5, true))}};
    printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
