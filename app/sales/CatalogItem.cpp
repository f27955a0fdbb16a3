#include "sales/CatalogItem.h"

#include <QCoreApplication>
#include <QSet>

using namespace Qt::StringLiterals;

namespace chorus::sales {

namespace {

bool isOptionKey(const QString &key)
{
    if (key.isEmpty())
        return false;
    for (const QChar c : key) {
        if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_'))
            return false;
    }
    return true;
}

} // namespace

QString CatalogOption::kindName(Kind kind)
{
    switch (kind) {
    case Kind::DateTime:
        return u"datetime"_s;
    case Kind::Date:
        return u"date"_s;
    case Kind::PartySize:
        return u"party_size"_s;
    case Kind::PickupPoint:
        return u"pickup_point"_s;
    case Kind::Text:
        return u"text"_s;
    }
    return u"text"_s;
}

std::optional<CatalogOption::Kind> CatalogOption::kindFromName(QStringView name)
{
    for (Kind kind : {Kind::DateTime, Kind::Date, Kind::PartySize, Kind::PickupPoint, Kind::Text}) {
        if (name == kindName(kind))
            return kind;
    }
    return std::nullopt;
}

bool Availability::includes(const chat::Group &group) const
{
    switch (scope) {
    case Scope::AllGroups:
        return true;
    case Scope::GroupsWithTag:
        for (const QString &tag : values) {
            if (group.tags.contains(tag, Qt::CaseInsensitive))
                return true;
        }
        return false;
    case Scope::NamedGroups:
        return values.contains(group.id, Qt::CaseInsensitive);
    }
    return false;
}

QStringList CatalogItem::problems() const
{
    QStringList result;
    if (id.isEmpty())
        result << QCoreApplication::translate("chorus::sales::CatalogItem", "the id is empty");
    for (const QChar c : id) {
        if (c.isSpace() || c.category() == QChar::Other_Control) {
            result << QCoreApplication::translate(
                          "chorus::sales::CatalogItem",
                          "the id \"%1\" contains spaces or control characters")
                          .arg(id);
            break;
        }
    }
    if (name.trimmed().isEmpty())
        result << QCoreApplication::translate("chorus::sales::CatalogItem", "the name is empty");
    if (!price.isValid())
        result << QCoreApplication::translate("chorus::sales::CatalogItem",
                                              "the price has no known currency");
    else if (price.minorUnits() < 0)
        result << QCoreApplication::translate("chorus::sales::CatalogItem",
                                              "the price is negative");
    for (const QStringList *list : {&synonymsEn, &synonymsZh}) {
        for (const QString &synonym : *list) {
            if (synonym.trimmed().isEmpty()) {
                result << QCoreApplication::translate("chorus::sales::CatalogItem",
                                                      "a synonym is empty");
                break;
            }
        }
    }
    QSet<QString> keys;
    for (const CatalogOption &opt : options) {
        if (!isOptionKey(opt.key))
            result << QCoreApplication::translate(
                          "chorus::sales::CatalogItem",
                          "the option key \"%1\" is not made of a-z, 0-9 and _")
                          .arg(opt.key);
        else if (keys.contains(opt.key))
            result << QCoreApplication::translate("chorus::sales::CatalogItem",
                                                  "the option \"%1\" appears twice")
                          .arg(opt.key);
        keys.insert(opt.key);
    }
    if (availability.scope != Availability::Scope::AllGroups) {
        if (availability.values.isEmpty())
            result << QCoreApplication::translate("chorus::sales::CatalogItem",
                                                  "the availability names no tag or group");
        for (const QString &value : availability.values) {
            if (value.trimmed().isEmpty()) {
                result << QCoreApplication::translate("chorus::sales::CatalogItem",
                                                      "the availability has an empty tag or group");
                break;
            }
        }
    }
    return result;
}

std::optional<CatalogOption> CatalogItem::option(CatalogOption::Kind kind) const
{
    for (const CatalogOption &opt : options) {
        if (opt.kind == kind)
            return opt;
    }
    return std::nullopt;
}

QList<CatalogItem> availableIn(const QList<CatalogItem> &catalog, const chat::Group &group)
{
    QList<CatalogItem> result;
    for (const CatalogItem &item : catalog) {
        if (item.isAvailableIn(group))
            result.append(item);
    }
    return result;
}

QString priceBasisName(PriceBasis basis)
{
    return basis == PriceBasis::PerPerson ? u"person"_s : u"item"_s;
}

std::optional<PriceBasis> priceBasisFromString(QStringView text)
{
    if (text == u"item")
        return PriceBasis::PerItem;
    if (text == u"person")
        return PriceBasis::PerPerson;
    return std::nullopt;
}

} // namespace chorus::sales
