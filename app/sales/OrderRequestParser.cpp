#include "sales/OrderRequestParser.h"

#include "sales/IntentCues_p.h"
#include "sales/ItemMatcher_p.h"
#include "sales/QuantityFinder_p.h"
#include "sales/TextUnits_p.h"
#include "sales/WhenFinder_p.h"

#include <QHash>
#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace chorus::sales {

using namespace parsing;

namespace {

TextSpan spanOf(const TextUnits &units, qsizetype first, qsizetype last)
{
    if (first < 0 || last < first || last >= units.size())
        return {};
    return TextSpan {units.spanStart(first), units.spanEnd(last) - units.spanStart(first)};
}

bool isFiller(const Unit &unit)
{
    static const QSet<QString> fillers {
        u"the"_s,  u"a"_s,   u"an"_s,   u"for"_s,    u"on"_s,    u"at"_s,  u"to"_s,    u"of"_s,
        u"in"_s,   u"me"_s,  u"us"_s,   u"i"_s,      u"we"_s,    u"can"_s, u"could"_s, u"you"_s,
        u"u"_s,    u"hi"_s,  u"hey"_s,  u"thanks"_s, u"thank"_s, u"thx"_s, u"and"_s,   u"ok"_s,
        u"okay"_s, u"is"_s,  u"it"_s,   u"my"_s,     u"our"_s,   u"get"_s, u"have"_s,  u"do"_s,
        u"some"_s, u"too"_s, u"also"_s, u"的"_s,     u"了"_s,    u"吗"_s,  u"吧"_s,    u"啊"_s,
        u"呢"_s,   u"我"_s,  u"们"_s,   u"你"_s,     u"谢"_s,    u"一"_s,  u"下"_s,    u"好"_s,
        u"在"_s,   u"和"_s,  u"是"_s,   u"都"_s,     u"再"_s,    u"个"_s,  u"就"_s,    u"能"_s,
        u"可"_s,   u"以"_s,  u"请"_s,   u"老"_s,     u"师"_s,    u"教"_s,  u"练"_s,    u"so"_s,
        u"with"_s, u"are"_s, u"be"_s,   u"just"_s};
    return unit.kind == Unit::Kind::Punct || fillers.contains(unit.text);
}

QDateTime atLocal(QDate date, QTime time, const QTimeZone &zone)
{
    const QDateTime local(date, time, zone);
    if (local.isValid())
        return local;
    // The wall time falls in a daylight-saving gap (01:30 in London on the spring-forward
    // night does not exist): read it with the offset in force before the gap, which moves
    // it forward by the gap's length (02:30 BST), as clocks do.
    const QDateTime asUtc(date, time, QTimeZone::utc());
    const int offsetBefore = zone.offsetFromUtc(asUtc.addSecs(-12 * 3600));
    return QDateTime(date, time, QTimeZone(offsetBefore)).toTimeZone(zone);
}

} // namespace

CatalogIndex::CatalogIndex(const QList<CatalogItem> &items)
    : m_items(items), m_matcher(std::make_unique<const ItemMatcher>(items))
{
}

CatalogIndex::~CatalogIndex() = default;

OrderRequest OrderRequestParser::parse(const RequestContext &context) const
{
    return parse(context, CatalogIndex(context.items));
}

OrderRequest OrderRequestParser::parse(const RequestContext &context,
                                       const CatalogIndex &catalog) const
{
    const QList<CatalogItem> &items = catalog.items();
    OrderRequest request;
    request.messageId = context.messageId;
    request.sender = context.sender;

    TextUnits units(context.text);
    const QList<ItemMention> mentions = catalog.m_matcher->find(units);

    const QTimeZone zone = context.groupZone.isValid() ? context.groupZone : QTimeZone::utc();
    const QDateTime now
        = (context.timestamp.isValid() ? context.timestamp
                                       : QDateTime::fromSecsSinceEpoch(0, QTimeZone::utc()))
              .toTimeZone(zone);
    const WhenFinder whenFinder(now.date(), now.time(), context.operatorLocale);
    const WhenHits when = whenFinder.find(units);
    const Quantities quantities = QuantityFinder().find(units, mentions);
    const QList<CueHit> cues = findCues(units);

    // One line per item, in order of first mention; the first explicit count wins.
    QHash<int, int> lineOfItem;
    for (int m = 0; m < mentions.size(); ++m) {
        const ItemMention &mention = mentions.at(m);
        const CatalogItem &item = items.at(mention.item);
        int line = lineOfItem.value(mention.item, -1);
        if (line < 0) {
            line = int(request.items.size());
            lineOfItem.insert(mention.item, line);
            RequestedItem requested;
            requested.itemId = item.id;
            requested.itemSpan = spanOf(units, mention.first, mention.last);
            requested.matchQuality = mention.quality;
            request.items.append(requested);
        }
        RequestedItem &requested = request.items[line];
        requested.matchQuality = std::max(requested.matchQuality, mention.quality);
        const auto count = quantities.perMention.constFind(m);
        if (count != quantities.perMention.cend()
            && requested.quantitySource != RequestedItem::QuantitySource::Explicit) {
            requested.quantity = count->value;
            requested.quantitySource = RequestedItem::QuantitySource::Explicit;
            requested.quantitySpan = spanOf(units, count->first, count->last);
        }
    }
    request.partySize = quantities.party;
    if (quantities.party > 0)
        request.partySpan = spanOf(units, quantities.partyFirst, quantities.partyLast);
    for (RequestedItem &requested : request.items) {
        const int index
            = int(std::find_if(items.cbegin(), items.cend(),
                               [&](const CatalogItem &item) { return item.id == requested.itemId; })
                  - items.cbegin());
        if (requested.quantitySource == RequestedItem::QuantitySource::Default
            && items.at(index).basis == PriceBasis::PerPerson && quantities.party > 0) {
            requested.quantity = quantities.party;
            requested.quantitySource = RequestedItem::QuantitySource::PartySize;
            requested.quantitySpan = request.partySpan;
        }
    }

    // When.
    if (when.date || when.time) {
        RequestedTime requested;
        if (when.date) {
            requested.dateSpan = spanOf(units, when.date->first, when.date->last);
            if (when.time)
                requested.at
                    = atLocal(when.date->date, QTime(when.time->hour, when.time->minute), zone);
            else
                requested.at = when.date->date.startOfDay(zone);
            requested.dateOnly = !when.time.has_value();
        } else {
            // A time alone: the next time the clock shows it.
            const QTime time(when.time->hour, when.time->minute);
            const QDate day = time > now.time() ? now.date() : now.date().addDays(1);
            requested.at = atLocal(day, time, zone);
        }
        if (when.time)
            requested.timeSpan = spanOf(units, when.time->first, when.time->last);
        request.when = requested;
    }

    // Score: intent anywhere, doubts only where an item is named, details anywhere.
    QSet<int> itemSentences;
    for (const ItemMention &mention : mentions)
        itemSentences.insert(units.at(mention.first).sentence);
    int intent = 0;
    QHash<RequestCue::Kind, int> doubts;
    for (const CueHit &cue : cues) {
        request.cues.append({cue.kind, spanOf(units, cue.first, cue.last), cue.weight});
        if (cue.weight > 0) {
            intent = std::max(intent, cue.weight);
        } else if (itemSentences.contains(units.at(cue.first).sentence)) {
            doubts[cue.kind] = std::min(doubts.value(cue.kind, 0), cue.weight);
        }
    }
    for (const DateHit &date : when.dates) {
        if (date.past && itemSentences.contains(units.at(date.first).sentence)) {
            request.cues.append({RequestCue::Kind::Past, spanOf(units, date.first, date.last), -3});
            doubts[RequestCue::Kind::Past] = std::min(doubts.value(RequestCue::Kind::Past, 0), -3);
        }
    }
    int details = 0;
    const auto detail = [&](TextSpan span, int weight) {
        details += weight;
        request.cues.append({RequestCue::Kind::Detail, span, weight});
    };
    for (const RequestedItem &item : std::as_const(request.items)) {
        if (item.quantitySource == RequestedItem::QuantitySource::Explicit) {
            detail(item.quantitySpan, 2);
            break;
        }
    }
    if (request.partySize > 0)
        detail(request.partySpan, 1);
    if (request.when && when.date)
        detail(request.when->dateSpan, 1);
    if (request.when && when.time)
        detail(request.when->timeSpan, 1);
    int score = intent + details;
    for (const int weight : std::as_const(doubts))
        score += weight;
    request.score = score;
    request.isRequest = !request.items.isEmpty() && score >= threshold();

    double quality = 0;
    for (const RequestedItem &item : std::as_const(request.items))
        quality += item.matchQuality;
    quality = request.items.isEmpty() ? 0 : quality / double(request.items.size());
    request.confidence = quality / (1.0 + std::exp(-1.2 * (score - threshold() + 0.5)));

    // Notes: runs of units nobody claimed that say more than fillers.
    QList<bool> cueUnit(units.size(), false);
    for (const CueHit &cue : cues) {
        for (qsizetype i = cue.first; i <= cue.last; ++i)
            cueUnit[i] = true;
    }
    // Dates and times that were not chosen ("flight is at 11:50") stay in the notes.
    QList<bool> released(units.size(), false);
    const auto release = [&](qsizetype first, qsizetype last) {
        for (qsizetype i = first; i <= last; ++i)
            released[i] = true;
    };
    for (const DateHit &date : when.dates) {
        if (!when.date || date.first != when.date->first)
            release(date.first, date.last);
    }
    for (const TimeHit &time : when.times) {
        if (!when.time || time.first != when.time->first)
            release(time.first, time.last);
    }
    QStringList notes;
    qsizetype runFirst = -1;
    bool meaningful = false;
    const auto closeRun = [&](qsizetype last) {
        if (runFirst >= 0 && meaningful) {
            // Trim punctuation at both ends of the run.
            qsizetype a = runFirst, b = last;
            // Trim fillers and punctuation at both ends ("so pickup from hotel at" ->
            // "pickup from hotel"), but keep a closing bracket.
            while (a <= b && isFiller(units.at(a)))
                ++a;
            while (b >= a && isFiller(units.at(b))
                   && !QStringList {u")"_s, u"）"_s}.contains(units.at(b).text))
                --b;
            // A lone Chinese character left between claimed words ("还", "人") says nothing.
            const bool loneHan = a == b && units.at(a).kind == Unit::Kind::Han;
            if (a <= b && !loneHan) {
                const TextSpan span = spanOf(units, a, b);
                request.noteSpans.append(span);
                notes.append(context.text.mid(span.start, span.length));
            }
        }
        runFirst = -1;
        meaningful = false;
    };
    for (qsizetype i = 0; i < units.size(); ++i) {
        const Unit &unit = units.at(i);
        const bool free = (!unit.used || released[i]) && !cueUnit[i];
        if (!free || (runFirst >= 0 && unit.sentence != units.at(runFirst).sentence)) {
            closeRun(i - 1);
            if (!free)
                continue;
        }
        if (runFirst < 0)
            runFirst = i;
        meaningful = meaningful || !isFiller(unit);
    }
    closeRun(units.size() - 1);
    request.notes = notes.join(u" / "_s);
    return request;
}

int OrderRequest::quantityOf(const QString &itemId) const
{
    for (const RequestedItem &item : items) {
        if (item.itemId == itemId)
            return item.quantity;
    }
    return 0;
}

RequestContext RequestContext::of(const chat::Message &message, const chat::Group &group,
                                  const QList<CatalogItem> &catalog, const QLocale &operatorLocale)
{
    RequestContext context;
    context.text = message.body;
    context.messageId = message.stanzaId.isEmpty() ? message.id : message.stanzaId;
    context.sender = message.sender().value;
    context.timestamp = message.timestamp;
    context.groupZone = QTimeZone(group.timeZone.toUtf8());
    context.items = availableIn(catalog, group);
    context.operatorLocale = operatorLocale;
    return context;
}

} // namespace chorus::sales
