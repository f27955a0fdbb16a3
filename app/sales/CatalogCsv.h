#pragma once

// Catalog import and export as CSV (UTF-8, RFC 4180). The header, in this order when
// written (any order is read; id, name, price and currency are required):
//
//   id,name,synonyms_en,synonyms_zh,description,price,currency,priced_per,options,availability
//
// - synonyms_en / synonyms_zh: "massage|spa session"; a literal | or \ is written \| or \\.
// - price: plain decimal in major units, at most the currency's decimals ("45.00", "350000").
// - currency: ISO 4217 code ("USD", "CNY", "JPY", "IDR").
// - priced_per: "item" (default) or "person" (party size becomes the quantity).
// - options: "key=kind[*][:label]" joined by ";", kind one of datetime, date, party_size,
//   pickup_point, text; "*" marks it required; ; : \ in a label are written \; \: \\.
// - availability: "all" (default), "tags:bali|travel" or "groups:room@conference.example".
//
// Import is all or nothing: any bad row refuses the whole file, with every problem's
// line number and reason.

#include "core/Expected.h"
#include "sales/CatalogItem.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace chorus::sales {

/// One reason a catalog file was refused.
struct CatalogCsvProblem
{
    enum class Code {
        NotUtf8, ///< the bytes are not UTF-8
        Syntax, ///< bad CSV quoting
        Empty, ///< no header
        MissingColumn, ///< a required column is not in the header
        UnknownColumn, ///< a header name we do not know (a typo, usually)
        DuplicateColumn, ///< a header name twice
        FieldCount, ///< a row with more or fewer fields than the header
        MissingValue, ///< id, name, price or currency left empty
        BadPrice, ///< price is not an amount in that currency
        UnknownCurrency, ///< not an ISO 4217 code
        BadPricedPer, ///< neither item nor person
        BadOptions, ///< options column does not follow the syntax
        BadAvailability, ///< availability column does not follow the syntax
        BadList, ///< a synonym list with an empty entry or a dangling backslash
        InvalidItem, ///< a value the item cannot have (id with spaces...)
        DuplicateId, ///< the id was already used on an earlier line
    };
    Code code = Code::Syntax;
    int line = 0; ///< 1-based line in the file; 0 for the file as a whole
    QString reason; ///< for people: what is wrong and what to do
};

/// Why a whole import or export failed (every problem found, in line order).
struct CatalogCsvError
{
    QList<CatalogCsvProblem> problems;
    /// The problems as lines "line 7: ..." for a dialog or a log.
    QString summary() const;
};

/// Reads and writes the catalog CSV format described above.
class CatalogCsv
{
public:
    /// The column names in the order write() uses.
    static QStringList header();
    /// Every item of `data`, or every problem and no item.
    static Expected<QList<CatalogItem>, CatalogCsvError> read(const QByteArray &data);
    /// UTF-8 CSV with CRLF line ends; refuses items with problems (see CatalogItem::problems).
    static Expected<QByteArray, CatalogCsvError> write(const QList<CatalogItem> &items);
};

} // namespace chorus::sales
