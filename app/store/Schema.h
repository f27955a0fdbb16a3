#pragma once

// How the store's schema grows. The core (groups, members, people, messages, search) and
// each feature module (sales, activities, replies...) own a numbered list of forward
// migrations; the Database applies the missing ones at open, each in its own transaction.
// See app/store/README.md for the rules a module follows.

#include "store/StoreError.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace chorus::store {

class Database;

/// One forward step of a schema: run once, in one transaction, never edited after release.
struct Migration
{
    int version = 0;        ///< the version this step produces: 1, 2, 3... with no gaps
    QString summary;        ///< one line for logs: what the step adds or changes
    QStringList statements; ///< SQL statements, run in order
    /// Optional code run after `statements` (data transforms SQL cannot express);
    /// returns an error to roll the step back.
    std::function<std::optional<StoreError>(Database &)> run;
};

/// A feature's own tables: registered with the Database before open(). Its version is kept
/// in the `schema_modules` table, apart from the core's `PRAGMA user_version`.
struct SchemaModule
{
    QString name;           ///< stable and unique: "sales", "activities"...
    QList<Migration> steps; ///< versions 1..n in order
    int latestVersion() const { return steps.isEmpty() ? 0 : steps.constLast().version; }
};

} // namespace chorus::store
