#pragma once

// What an operator sells: catalog items as plain value types (the store and the UI build
// on them). Which groups see an item is part of the item (Availability).

#include "chat/Types.h"
#include "sales/Money.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace chorus::sales {

/// A detail an order for the item asks for ("when", "pick-up point"...).
struct CatalogOption
{
    enum class Kind {
        DateTime, ///< a date and a time ("datetime")
        Date, ///< a day only ("date")
        PartySize, ///< how many people ("party_size")
        PickupPoint, ///< where to collect the guest ("pickup_point")
        Text, ///< anything else, free text ("text")
    };
    QString key; ///< [a-z0-9_]+, unique within the item
    Kind kind = Kind::Text;
    bool required = false;
    QString label; ///< shown to the operator; empty means the key

    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(QStringView name);
    friend bool operator==(const CatalogOption &, const CatalogOption &) = default;
};

/// Which groups offer an item.
struct Availability
{
    enum class Scope {
        AllGroups, ///< every group
        GroupsWithTag, ///< groups carrying any of `values` as a tag
        NamedGroups, ///< groups whose id (room JID) is in `values`
    };
    Scope scope = Scope::AllGroups;
    QStringList values;

    static Availability allGroups() { return {}; }
    static Availability groupsWithTag(const QStringList &tags)
    {
        return {Scope::GroupsWithTag, tags};
    }
    static Availability namedGroups(const QStringList &ids) { return {Scope::NamedGroups, ids}; }

    /// Tags compare case-insensitively; group ids (bare JIDs) too.
    bool includes(const chat::Group &group) const;
    friend bool operator==(const Availability &, const Availability &) = default;
};

/// Whether a quantity counts things (a class pack, a car) or people (a spa place).
enum class PriceBasis {
    PerItem, ///< "table for 4": quantity 1, party of 4
    PerPerson, ///< "spa for two": quantity 2
};

/// One thing the operator sells.
struct CatalogItem
{
    QString id; ///< stable key: no spaces or control characters
    QString name; ///< what the operator calls it
    QStringList synonymsEn; ///< other ways guests say it in English ("massage")
    QStringList synonymsZh; ///< and in Chinese ("按摩")
    QString description;
    Money price; ///< per unit of `basis`; not negative
    PriceBasis basis = PriceBasis::PerItem;
    QList<CatalogOption> options;
    Availability availability;

    /// Problems that make the item unusable (empty id, negative price...), in words.
    QStringList problems() const;
    bool isAvailableIn(const chat::Group &group) const { return availability.includes(group); }
    /// The option of `kind`, if the item has one.
    std::optional<CatalogOption> option(CatalogOption::Kind kind) const;
    friend bool operator==(const CatalogItem &, const CatalogItem &) = default;
};

/// The items of `catalog` that `group` offers, in catalog order.
QList<CatalogItem> availableIn(const QList<CatalogItem> &catalog, const chat::Group &group);

/// "item" or "person", as in the catalog CSV.
QString priceBasisName(PriceBasis basis);
std::optional<PriceBasis> priceBasisFromString(QStringView text);

} // namespace chorus::sales

Q_DECLARE_METATYPE(chorus::sales::CatalogItem)
