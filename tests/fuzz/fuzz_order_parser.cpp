// libFuzzer entry point for OrderRequestParser. Input: one byte choosing the group's
// zone and the operator's locale, four bytes of timestamp (seconds after 2026-01-01 UTC),
// then the message as UTF-8. The parser must never crash, hang or hand back spans
// outside the text, quantities out of range or invalid dates.
#include "sales/OrderRequestParser.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

using namespace Qt::StringLiterals;
using namespace chorus::sales;

namespace {

CatalogItem item(const char *id, const char *name, QStringList en, QStringList zh, qint64 minor,
                 const char *currency, PriceBasis basis)
{
    CatalogItem result;
    result.id = QString::fromLatin1(id);
    result.name = QString::fromUtf8(name);
    result.synonymsEn = std::move(en);
    result.synonymsZh = std::move(zh);
    result.price = Money(minor, QString::fromLatin1(currency));
    result.basis = basis;
    return result;
}

// A catalog with the shapes that matter: multi-word and one-word synonyms, Chinese,
// digits inside names, a phrasal verb, per-person and per-item pricing.
const QList<CatalogItem> &catalog()
{
    static const QList<CatalogItem> items {
        item("pickup", "Airport pick-up", {u"airport pickup"_s, u"pick up"_s, u"pickup"_s},
             {u"接机"_s}, 350000, "IDR", PriceBasis::PerItem),
        item("spa", "Balinese spa (90 min)", {u"spa"_s, u"massage"_s, u"spa session"_s},
             {u"按摩"_s, u"做spa"_s}, 450000, "IDR", PriceBasis::PerPerson),
        item("pack", "10-class pack", {u"class pack"_s, u"10 class pack"_s, u"ten class pack"_s},
             {u"10次卡"_s, u"次卡"_s}, 88000, "CNY", PriceBasis::PerItem),
        item("pt", "Personal training", {u"pt"_s, u"1-on-1"_s, u"personal training"_s},
             {u"私教"_s, u"一对一"_s}, 40000, "CNY", PriceBasis::PerItem),
        item("mock", "Mock interview", {u"mock interview"_s, u"mock"_s}, {u"模拟面试"_s}, 3000,
             "USD", PriceBasis::PerItem),
        item("tea", "Tea ceremony", {u"tea ceremony"_s}, {u"茶道"_s, u"茶道体验"_s}, 3800, "JPY",
             PriceBasis::PerPerson),
    };
    return items;
}

struct Setting
{
    const char *zone;
    const char *locale;
};
constexpr Setting kSettings[] = {{"Asia/Makassar", "en_US"},   {"Asia/Shanghai", "zh_CN"},
                                 {"Europe/London", "en_GB"},   {"America/New_York", "en_US"},
                                 {"Pacific/Chatham", "zh_CN"}, {"Australia/Lord_Howe", "en_GB"},
                                 {"Not/AZone", "C"},           {"UTC", "ja_JP"}};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 5 || size > 8192)
        return 0;
    const Setting &setting = kSettings[data[0] % (sizeof(kSettings) / sizeof(kSettings[0]))];
    const quint32 seconds = quint32(data[1]) << 24 | quint32(data[2]) << 16 | quint32(data[3]) << 8
        | quint32(data[4]);

    RequestContext context;
    context.text = QString::fromUtf8(reinterpret_cast<const char *>(data + 5), qsizetype(size - 5));
    context.timestamp
        = QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc()).addSecs(seconds);
    context.groupZone = QTimeZone(QByteArray(setting.zone));
    context.operatorLocale = QLocale(QString::fromLatin1(setting.locale));
    // Every other input also prepares the catalog on the fly, so both paths are fuzzed.
    static const CatalogIndex index(catalog());
    OrderRequest request;
    if (data[0] & 0x80) {
        context.items = catalog();
        request = OrderRequestParser().parse(context);
    } else {
        request = OrderRequestParser().parse(context, index);
    }

    const qsizetype length = context.text.size();
    const auto inside = [&](const TextSpan &span) {
        return span.start >= 0 && span.length >= 0 && span.end() <= length;
    };
    bool ok = request.confidence >= 0 && request.confidence <= 1;
    ok = ok && (!request.isRequest || !request.items.isEmpty());
    for (const RequestedItem &line : request.items) {
        ok = ok && line.quantity >= 1 && line.quantity <= 99 && inside(line.itemSpan)
            && inside(line.quantitySpan) && !line.itemSpan.isEmpty();
    }
    ok = ok && inside(request.partySpan) && request.partySize >= 0;
    if (request.when)
        ok = ok && request.when->at.isValid() && inside(request.when->dateSpan)
            && inside(request.when->timeSpan);
    for (const TextSpan &span : request.noteSpans)
        ok = ok && inside(span);
    for (const RequestCue &cue : request.cues)
        ok = ok && inside(cue.span);
    if (!ok)
        __builtin_trap();
    return 0;
}
