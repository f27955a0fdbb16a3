#pragma once

#include "store/Schema.h"

namespace chorus::store {

/// The store's own tables and their forward migrations; `PRAGMA user_version` is the
/// version of this schema. The SQL, with what each column means, is in CoreSchema.cpp.
SchemaModule coreSchema();

} // namespace chorus::store
