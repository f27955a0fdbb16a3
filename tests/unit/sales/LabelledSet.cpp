#include "LabelledSet.h"

#include "sales/CatalogCsv.h"
#include "sales/OrderRequestParser.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace chorus::sales::test {

namespace {

std::optional<QByteArray> readAll(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read "_s + path + u": "_s + file.errorString();
        return std::nullopt;
    }
    return file.readAll();
}

QString describe(const OrderRequest &r)
{
    QStringList items;
    for (const RequestedItem &item : r.items)
        items << u"%1x%2"_s.arg(item.itemId).arg(item.quantity);
    QString when = u"-"_s;
    if (r.when)
        when = r.when->dateOnly ? r.when->at.date().toString(Qt::ISODate)
                                : r.when->at.toString(u"yyyy-MM-ddTHH:mm"_s);
    return u"request=%1 score=%2 items=[%3] when=%4 party=%5 notes=\"%6\""_s.arg(r.isRequest)
        .arg(r.score)
        .arg(items.join(u", "_s), when)
        .arg(r.partySize)
        .arg(r.notes);
}

} // namespace

std::optional<LabelledSet> LabelledSet::load(const QString &dataDir, const QString &file,
                                             QString *error)
{
    LabelledSet set;
    const auto groups = readAll(dataDir + u"/groups.json"_s, error);
    const auto catalog = readAll(dataDir + u"/catalog.csv"_s, error);
    const auto lines = readAll(dataDir + u'/' + file, error);
    if (!groups || !catalog || !lines)
        return std::nullopt;
    const auto items = CatalogCsv::read(*catalog);
    if (!items) {
        *error = u"catalog.csv: "_s + items.error().summary();
        return std::nullopt;
    }
    set.m_catalog = items.value();
    for (const QJsonValue &value : QJsonDocument::fromJson(*groups)[u"groups"_s].toArray()) {
        const QJsonObject o = value.toObject();
        GroupInfo info;
        info.group.id = o[u"id"_s].toString();
        info.group.timeZone = o[u"tz"_s].toString();
        for (const QJsonValue &tag : o[u"tags"_s].toArray())
            info.group.tags << tag.toString();
        info.locale = o[u"locale"_s].toString();
        set.m_groups.insert(o[u"key"_s].toString(), info);
    }
    int lineNumber = 0;
    QSet<QString> ids;
    for (const QByteArray &line : lines->split('\n')) {
        ++lineNumber;
        if (line.trimmed().isEmpty() || line.startsWith('#'))
            continue;
        QJsonParseError parseError;
        const QJsonObject o = QJsonDocument::fromJson(line, &parseError).object();
        if (parseError.error != QJsonParseError::NoError) {
            *error = u"%1 line %2: %3"_s.arg(file).arg(lineNumber).arg(parseError.errorString());
            return std::nullopt;
        }
        LabelledEntry entry;
        entry.line = lineNumber;
        entry.id = o[u"id"_s].toString();
        entry.groupKey = o[u"group"_s].toString();
        entry.zone = o[u"tz"_s].toString();
        entry.timestamp = QDateTime::fromString(o[u"ts"_s].toString(), Qt::ISODate);
        entry.text = o[u"text"_s].toString();
        entry.request = o[u"request"_s].toBool();
        const QJsonObject expected = o[u"items"_s].toObject();
        for (auto it = expected.begin(); it != expected.end(); ++it)
            entry.items.insert(it.key(), it.value().toInt());
        entry.when = o[u"when"_s].toString();
        const auto group = set.m_groups.constFind(entry.groupKey);
        if (entry.id.isEmpty() || ids.contains(entry.id) || group == set.m_groups.cend()
            || group->group.timeZone != entry.zone || !entry.timestamp.isValid()
            || entry.request != !entry.items.isEmpty()) {
            *error = u"%1 line %2: bad or inconsistent entry %3"_s.arg(file)
                         .arg(lineNumber)
                         .arg(entry.id);
            return std::nullopt;
        }
        ids.insert(entry.id);
        set.m_entries.append(entry);
    }
    return set;
}

// The metrics, over exactly these entries:
// - item_accuracy: entries labelled request; right when the parser calls it a request
//   and names exactly the labelled set of items (no more, no fewer).
// - quantity_accuracy: entries labelled request; right when it is called a request and
//   every item has exactly the labelled quantity (so it implies the items are right).
// - date_accuracy: entries labelled request; right when it is called a request and the
//   date/time equals the label: none for none, the same day and dateOnly for a date,
//   the same local day, hour and minute (and not dateOnly) for a date and time.
// - false_positive_rate: entries labelled not a request that the parser calls a request.
// A request the parser misses therefore counts against all three accuracies.
Scores LabelledSet::evaluate() const
{
    Scores scores;
    const OrderRequestParser parser;
    for (const LabelledEntry &entry : m_entries) {
        const GroupInfo &info = m_groups.value(entry.groupKey);
        RequestContext context;
        context.text = entry.text;
        context.messageId = entry.id;
        context.timestamp = entry.timestamp;
        context.groupZone = QTimeZone(entry.zone.toUtf8());
        context.items = availableIn(m_catalog, info.group);
        context.operatorLocale = QLocale(info.locale);
        const OrderRequest result = parser.parse(context);

        if (!entry.request) {
            ++scores.nonRequests;
            if (result.isRequest) {
                ++scores.falsePositives;
                scores.mistakes << u"%1 false positive: %2 -> %3"_s.arg(entry.id, entry.text,
                                                                        describe(result));
            }
            continue;
        }
        ++scores.requests;
        if (result.isRequest)
            ++scores.flagged;
        QMap<QString, int> got;
        for (const RequestedItem &item : result.items)
            got.insert(item.itemId, item.quantity);
        const bool itemsRight = result.isRequest && got.keys() == entry.items.keys();
        const bool quantitiesRight = result.isRequest && got == entry.items;
        bool dateRight = false;
        if (result.isRequest) {
            if (entry.when.isEmpty()) {
                dateRight = !result.when;
            } else if (result.when && result.when->at.timeZone() == context.groupZone) {
                const QDateTime local = result.when->at;
                if (entry.when.size() == 10)
                    dateRight = result.when->dateOnly
                        && local.date() == QDate::fromString(entry.when, Qt::ISODate);
                else
                    dateRight = !result.when->dateOnly
                        && local.toString(u"yyyy-MM-ddTHH:mm"_s) == entry.when;
            }
        }
        scores.itemsRight += itemsRight;
        scores.quantitiesRight += quantitiesRight;
        scores.datesRight += dateRight;
        if (!entry.when.isEmpty()) {
            ++scores.withDate;
            scores.withDateRight += dateRight;
        }
        if (!itemsRight || !quantitiesRight || !dateRight) {
            QStringList expectedItems;
            for (auto it = entry.items.cbegin(); it != entry.items.cend(); ++it)
                expectedItems << u"%1x%2"_s.arg(it.key()).arg(it.value());
            scores.mistakes << u"%1 %2%3%4: %5 -> %6 (expected [%7] when=%8)"_s.arg(
                entry.id, itemsRight ? u""_s : u"[items]"_s, quantitiesRight ? u""_s : u"[qty]"_s,
                dateRight ? u""_s : u"[date]"_s, entry.text, describe(result),
                expectedItems.join(u", "_s), entry.when.isEmpty() ? u"-"_s : entry.when);
        }
    }
    return scores;
}

} // namespace chorus::sales::test
