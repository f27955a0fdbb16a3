#pragma once

// The activities feature's tables in the account store (a store::SchemaModule): activity
// definitions and their target groups, the firing log, and sign-up chain runs.

#include "store/Schema.h"

namespace chorus::activities {

/// The "activities" schema module; register it with store::Database::addModule() (or
/// store::AsyncStore::Options::modules) before the store opens.
store::SchemaModule activitiesSchema();

} // namespace chorus::activities
