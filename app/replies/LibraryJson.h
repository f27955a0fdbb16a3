#pragma once

// The JSON form of a reply library (schema in LIBRARY_FORMAT.md): the complete,
// versioned exchange and backup format. Import is all or nothing.

#include "replies/ImportError.h"
#include "replies/Library.h"

#include <QByteArray>

namespace chorus::replies {

/// The schema version this build writes and the newest it reads.
inline constexpr int kLibraryJsonVersion = 1;

/// Parses a library file; refuses it whole with the line, field and reason.
ImportResult importLibraryJson(const QByteArray &bytes);

/// Writes `library` (UTF-8, indented, stable order). Importing the result gives back
/// an equal library, and exporting that gives the same bytes.
QByteArray exportLibraryJson(const TemplateLibrary &library);

} // namespace chorus::replies
