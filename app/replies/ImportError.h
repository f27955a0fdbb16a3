#pragma once

// Why a library file was refused, and where: importers either return a whole library
// or one of these, never part of a file.

#include "replies/Library.h"

#include "core/Expected.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <utility>

namespace chorus::replies {

/// A refused import: what is wrong and where (1-based line and column; 0 when unknown).
struct ImportError
{
    enum class Code {
        NotUtf8, ///< the bytes are not UTF-8
        Empty, ///< nothing to import
        Syntax, ///< not well-formed JSON / CSV (e.g. an unterminated quote)
        WrongFormat, ///< well-formed, but not a Chorus reply library
        UnsupportedVersion, ///< a newer (or unknown) schema version
        MissingField, ///< a required field or column is absent
        UnknownField, ///< a field or column the schema does not have (often a typo)
        WrongType, ///< e.g. a number where text is expected
        InvalidValue, ///< right type, impossible value (bad id, bad date, bad brace...)
        FieldCount, ///< CSV: a row with more or fewer fields than the header
        DuplicateId, ///< two templates (or variables) with one id (name)
    };
    Code code = Code::Syntax;
    int line = 0;
    int column = 0;
    QString field; ///< JSON path ("templates[3].variants.en.body") or CSV column name
    QString message; ///< human, translated

    /// "line 12, column 7, templates[3].shortcut: <message>"
    QString toString() const;
};

/// A shortcut used by several templates of an imported file, with their lines.
struct DuplicateShortcut
{
    QString shortcut;
    QStringList templateIds;
    QList<int> lines;
};

/// A successfully imported library and what the operator should look at.
struct ImportedLibrary
{
    TemplateLibrary library;
    QList<DuplicateShortcut> duplicateShortcuts;
};

using ImportResult = Expected<ImportedLibrary, ImportError>;

/// Decodes UTF-8 (dropping a BOM); refuses invalid bytes with their line and column.
Expected<QString, ImportError> decodeUtf8(const QByteArray &bytes);

/// 1-based line and column of character `offset` in `text`.
std::pair<int, int> lineColumn(const QString &text, qsizetype offset);

/// Lists the library's shortcut clashes with the line of each template (`lineOf`).
QList<DuplicateShortcut> duplicateShortcuts(const TemplateLibrary &library,
                                            const std::function<int(const QString &)> &lineOf);

} // namespace chorus::replies
