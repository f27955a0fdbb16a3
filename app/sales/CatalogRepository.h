#pragma once

// The workspace's catalog as the account store keeps it. Owns sales_catalog_items and
// sales_catalog_options (see SalesSchema.cpp); build it on the store's threads, e.g.
// `session.repository<sales::CatalogRepository>()` inside AsyncStore::write/read.

#include "sales/CatalogCsv.h"
#include "sales/CatalogItem.h"

#include "core/Expected.h"
#include "store/Statement.h"
#include "store/StoreError.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace chorus::sales {

/// What an import does with items already in the catalog.
enum class CatalogImportMode {
    Merge, ///< items of the file are added or replace those with their id; others stay
    Replace, ///< the file becomes the catalog: items not in it are removed
};

/// Why a catalog import or export failed: the file (every problem with its line) or the
/// store. Either way nothing was stored.
struct CatalogImportError
{
    enum class Kind { File, Store };
    Kind kind = Kind::File;
    CatalogCsvError file; ///< Kind::File
    store::StoreError store; ///< Kind::Store
    /// For a dialog: the file's problems as "line N: ..." lines, or the store's message.
    QString summary() const;
};

/// Catalog items in the operator's order.
class CatalogRepository
{
public:
    explicit CatalogRepository(store::Database &db);

    Expected<QList<CatalogItem>, store::StoreError> all();
    Expected<std::optional<CatalogItem>, store::StoreError> find(const QString &id);
    /// Adds the item (at the end) or replaces the one with its id in place; refuses an
    /// item with problems (CatalogItem::problems()). Durable commit.
    Expected<Done, store::StoreError> save(const CatalogItem &item);
    /// Saves many items in one transaction, all or nothing.
    Expected<Done, store::StoreError> saveAll(const QList<CatalogItem> &items,
                                              CatalogImportMode mode = CatalogImportMode::Merge);
    /// Removes the item; NotFound when there is none. Orders keep their copy of it.
    Expected<Done, store::StoreError> remove(const QString &id);

    /// Reads a catalog CSV (CatalogCsv) and stores it in one transaction: a bad row
    /// refuses the whole file and nothing is stored. Returns how many items the file had.
    Expected<int, CatalogImportError> importCsv(const QByteArray &csv,
                                                CatalogImportMode mode = CatalogImportMode::Merge);
    /// The stored catalog as CSV.
    Expected<QByteArray, CatalogImportError> exportCsv();

private:
    Expected<Done, store::StoreError> saveOne(const CatalogItem &item, qint64 now);
    Expected<QList<CatalogItem>, store::StoreError> read(store::Statement &query);

    store::Database &m_db;
    store::Statement m_all, m_find, m_options, m_upsert, m_clearOptions, m_addOption, m_remove,
        m_keys;
};

} // namespace chorus::sales
