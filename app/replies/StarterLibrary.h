#pragma once

// The starter library shipped with Chorus: concierge replies for travel reps, fitness
// coaches and language teachers, in English and Chinese, using group variables for
// destination- and class-specific facts.

#include "replies/ImportError.h"

namespace chorus::replies {

/// Resource path of the starter library (JSON, schema in LIBRARY_FORMAT.md).
inline constexpr char16_t kStarterLibraryPath[] = u":/chorus/replies/starter_templates.json";

/// Loads the starter library from the application's resources.
ImportResult loadStarterLibrary();

} // namespace chorus::replies
