#include "sales/CatalogRepository.h"

#include "store/JsonColumn.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSet>

using namespace Qt::StringLiterals;

namespace chorus::sales {
namespace {

using store::StoreError;
using store::Transaction;

// lupdate gives calls of tr() in this class's members the context below.
QString tr(const char *text)
{
    return QCoreApplication::translate("chorus::sales::CatalogRepository", text);
}

const QString kColumns = u"id, item_key, name, synonyms_en, synonyms_zh, description, "
                         "price_minor, currency, priced_per, availability, availability_values"_s;

QString availabilityName(Availability::Scope scope)
{
    switch (scope) {
    case Availability::Scope::AllGroups: return u"all"_s;
    case Availability::Scope::GroupsWithTag: return u"tags"_s;
    case Availability::Scope::NamedGroups: return u"groups"_s;
    }
    return u"all"_s;
}

Availability::Scope availabilityFromName(const QString &name)
{
    if (name == u"tags")
        return Availability::Scope::GroupsWithTag;
    if (name == u"groups")
        return Availability::Scope::NamedGroups;
    return Availability::Scope::AllGroups;
}

} // namespace

QString CatalogImportError::summary() const
{
    return kind == Kind::File ? file.summary() : store.message;
}

CatalogRepository::CatalogRepository(store::Database &db)
    : m_db(db),
      m_all(db, u"SELECT "_s + kColumns + u" FROM sales_catalog_items ORDER BY position, id"_s),
      m_find(db, u"SELECT "_s + kColumns + u" FROM sales_catalog_items WHERE item_key = ?"_s),
      m_options(db, u"SELECT option_key, kind, required, label FROM sales_catalog_options "
                    "WHERE item_id = ? ORDER BY position"_s),
      m_upsert(db, uR"(INSERT INTO sales_catalog_items(item_key, position, name, synonyms_en,
                synonyms_zh, description, price_minor, currency, priced_per, availability,
                availability_values, updated_at)
            VALUES (?, (SELECT coalesce(max(position), -1) + 1 FROM sales_catalog_items),
                    ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(item_key) DO UPDATE SET name = excluded.name,
                synonyms_en = excluded.synonyms_en, synonyms_zh = excluded.synonyms_zh,
                description = excluded.description, price_minor = excluded.price_minor,
                currency = excluded.currency, priced_per = excluded.priced_per,
                availability = excluded.availability,
                availability_values = excluded.availability_values,
                updated_at = excluded.updated_at
            RETURNING id)"_s),
      m_clearOptions(db, u"DELETE FROM sales_catalog_options WHERE item_id = ?"_s),
      m_addOption(db, u"INSERT INTO sales_catalog_options(item_id, position, option_key, kind, "
                      "required, label) VALUES (?, ?, ?, ?, ?, ?)"_s),
      m_remove(db, u"DELETE FROM sales_catalog_items WHERE item_key = ?"_s),
      m_keys(db, u"SELECT item_key FROM sales_catalog_items"_s)
{
}

Expected<QList<CatalogItem>, StoreError> CatalogRepository::read(store::Statement &query)
{
    QList<CatalogItem> items;
    QList<qint64> rowIds;
    while (query.next()) {
        CatalogItem item;
        rowIds.append(query.value(0).toLongLong());
        item.id = query.value(1).toString();
        item.name = query.value(2).toString();
        item.synonymsEn = store::json::toList(query.value(3).toString());
        item.synonymsZh = store::json::toList(query.value(4).toString());
        item.description = query.value(5).toString();
        item.price = Money(query.value(6).toLongLong(), query.value(7).toString());
        item.basis = priceBasisFromString(query.value(8).toString()).value_or(PriceBasis::PerItem);
        item.availability.scope = availabilityFromName(query.value(9).toString());
        item.availability.values = store::json::toList(query.value(10).toString());
        items.append(item);
    }
    query.finish();
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (auto error = m_options.exec(rowIds.at(i)))
            return *error;
        while (m_options.next()) {
            CatalogOption option;
            option.key = m_options.value(0).toString();
            option.kind = CatalogOption::kindFromName(m_options.value(1).toString())
                              .value_or(CatalogOption::Kind::Text);
            option.required = m_options.value(2).toBool();
            option.label = m_options.value(3).toString();
            items[i].options.append(option);
        }
        m_options.finish();
    }
    return items;
}

Expected<QList<CatalogItem>, StoreError> CatalogRepository::all()
{
    if (auto error = m_all.exec())
        return *error;
    return read(m_all);
}

Expected<std::optional<CatalogItem>, StoreError> CatalogRepository::find(const QString &id)
{
    if (auto error = m_find.exec(id))
        return *error;
    const auto items = read(m_find);
    if (!items)
        return items.error();
    if (items.value().isEmpty())
        return std::optional<CatalogItem>();
    return std::optional<CatalogItem>(items.value().first());
}

Expected<Done, StoreError> CatalogRepository::saveOne(const CatalogItem &item, qint64 now)
{
    const QStringList problems = item.problems();
    if (!problems.isEmpty())
        return StoreError{StoreError::Code::InvalidArgument,
                          tr("The catalog item \"%1\" was not saved: %2")
                              .arg(item.id, problems.join(u"; "_s)),
                          u"catalog item %1 invalid"_s.arg(item.id)};
    if (auto error = m_upsert.exec(item.id, item.name, store::json::fromList(item.synonymsEn),
                                   store::json::fromList(item.synonymsZh), item.description,
                                   item.price.minorUnits(), item.price.currency(),
                                   priceBasisName(item.basis),
                                   availabilityName(item.availability.scope),
                                   store::json::fromList(item.availability.values), now))
        return *error;
    if (!m_upsert.next())
        return StoreError::make(StoreError::Code::Internal, m_db.path(), u"upsert gave no id"_s);
    const qint64 rowId = m_upsert.value(0).toLongLong();
    m_upsert.finish();
    if (auto error = m_clearOptions.exec(rowId))
        return *error;
    for (qsizetype i = 0; i < item.options.size(); ++i) {
        const CatalogOption &option = item.options.at(i);
        if (auto error = m_addOption.exec(rowId, int(i), option.key,
                                          CatalogOption::kindName(option.kind),
                                          option.required ? 1 : 0, option.label))
            return *error;
    }
    return Done{};
}

Expected<Done, StoreError> CatalogRepository::save(const CatalogItem &item)
{
    return saveAll({item}, CatalogImportMode::Merge);
}

Expected<Done, StoreError> CatalogRepository::saveAll(const QList<CatalogItem> &items,
                                                      CatalogImportMode mode)
{
    Transaction transaction(m_db, Transaction::Durability::Full);
    if (auto error = transaction.begin())
        return *error;
    if (mode == CatalogImportMode::Replace) {
        QSet<QString> keep;
        for (const CatalogItem &item : items)
            keep.insert(item.id);
        if (auto error = m_keys.exec())
            return *error;
        QStringList drop;
        while (m_keys.next()) {
            const QString key = m_keys.value(0).toString();
            if (!keep.contains(key))
                drop.append(key);
        }
        m_keys.finish();
        for (const QString &key : std::as_const(drop)) {
            if (auto error = m_remove.exec(key))
                return *error;
        }
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const CatalogItem &item : items) {
        const auto saved = saveOne(item, now);
        if (!saved)
            return saved;
    }
    if (auto error = transaction.commit())
        return *error;
    return Done{};
}

Expected<Done, StoreError> CatalogRepository::remove(const QString &id)
{
    Transaction transaction(m_db, Transaction::Durability::Full);
    if (auto error = transaction.begin())
        return *error;
    if (auto error = m_remove.exec(id))
        return *error;
    if (m_remove.rowsAffected() == 0)
        return StoreError::make(StoreError::Code::NotFound, m_db.path(),
                                u"no catalog item %1"_s.arg(id));
    if (auto error = transaction.commit())
        return *error;
    return Done{};
}

Expected<int, CatalogImportError> CatalogRepository::importCsv(const QByteArray &csv,
                                                               CatalogImportMode mode)
{
    const auto items = CatalogCsv::read(csv);
    if (!items)
        return CatalogImportError{CatalogImportError::Kind::File, items.error(), {}};
    const auto saved = saveAll(items.value(), mode);
    if (!saved)
        return CatalogImportError{CatalogImportError::Kind::Store, {}, saved.error()};
    return int(items.value().size());
}

Expected<QByteArray, CatalogImportError> CatalogRepository::exportCsv()
{
    const auto items = all();
    if (!items)
        return CatalogImportError{CatalogImportError::Kind::Store, {}, items.error()};
    const auto csv = CatalogCsv::write(items.value());
    if (!csv)
        return CatalogImportError{CatalogImportError::Kind::File, csv.error(), {}};
    return csv.value();
}

} // namespace chorus::sales
