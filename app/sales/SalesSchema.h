#pragma once

// The sales feature's tables in the account store (a store::SchemaModule): the catalog,
// orders with their lines and per-currency totals, and each order's append-only history.

#include "store/Schema.h"

namespace chorus::sales {

/// The "sales" schema module; register it with store::Database::addModule() (or
/// store::AsyncStore::Options::modules) before the store opens.
store::SchemaModule salesSchema();

} // namespace chorus::sales
