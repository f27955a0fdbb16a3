#pragma once

// Loads the labelled order-request messages (tests/data/sales/*.jsonl), runs the parser
// over them and computes the accuracy figures the tests print and gate on.

#include "sales/CatalogItem.h"
#include "sales/OrderRequest.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace chorus::sales::test {

/// One labelled message.
struct LabelledEntry
{
    QString id;
    QString groupKey;
    QString zone;
    QDateTime timestamp;
    QString text;
    bool request = false;
    QMap<QString, int> items; ///< catalog id -> quantity
    QString when; ///< "" (none), "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM", group-local
    int line = 0;
};

/// The figures, each over a stated set of entries (see LabelledSet.cpp).
struct Scores
{
    int requests = 0, nonRequests = 0;
    int itemsRight = 0, quantitiesRight = 0, datesRight = 0, flagged = 0, falsePositives = 0;
    int withDate = 0, withDateRight = 0;
    double itemAccuracy() const { return requests ? double(itemsRight) / requests : 0; }
    double quantityAccuracy() const { return requests ? double(quantitiesRight) / requests : 0; }
    double dateAccuracy() const { return requests ? double(datesRight) / requests : 0; }
    double falsePositiveRate() const
    {
        return nonRequests ? double(falsePositives) / nonRequests : 0;
    }
    double recall() const { return requests ? double(flagged) / requests : 0; }
    QStringList mistakes; ///< one line per wrong entry, for the log
};

/// Reads groups.json, the catalog and a .jsonl file; nullopt with *error on bad data.
class LabelledSet
{
public:
    static std::optional<LabelledSet> load(const QString &dataDir, const QString &file,
                                           QString *error);
    Scores evaluate() const;
    qsizetype size() const { return m_entries.size(); }

private:
    struct GroupInfo
    {
        chat::Group group;
        QString locale;
    };
    QList<LabelledEntry> m_entries;
    QMap<QString, GroupInfo> m_groups;
    QList<CatalogItem> m_catalog;
};

} // namespace chorus::sales::test
