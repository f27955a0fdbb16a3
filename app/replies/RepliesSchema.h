#pragma once

// The replies feature's tables in the account store (a store::SchemaModule): the template
// library with usage statistics, and the declared group variables.

#include "store/Schema.h"

namespace chorus::replies {

/// The "replies" schema module; register it with store::Database::addModule() (or
/// store::AsyncStore::Options::modules) before the store opens.
store::SchemaModule repliesSchema();

} // namespace chorus::replies
