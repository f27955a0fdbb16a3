#pragma once

#include <QMetaType>
#include <QString>

class QSqlError;

namespace chorus::store {

/// Why the store could not do what was asked. Every code has a message the operator can
/// act on; `detail` keeps the technical cause (SQLite's words) for logs and bug reports.
struct StoreError
{
    enum class Code {
        NewerSchema,     ///< the file was written by a newer Chorus: refused, left untouched
        Corrupt,         ///< the file is damaged or is not a Chorus database
        ReadOnly,        ///< the file or its folder cannot be written
        DiskFull,        ///< no space left (or the file size limit was reached)
        Locked,          ///< another program kept the database busy past the timeout
        CannotOpen,      ///< the file cannot be created or opened at all
        IoError,         ///< the operating system reported a read or write failure
        MigrationFailed, ///< a schema upgrade step failed and was rolled back
        InvalidArgument, ///< the request itself was malformed
        NotFound,        ///< the thing asked for is not stored
        Closed,          ///< the store is not open (or is shutting down)
        Internal,        ///< an unexpected SQL failure: a bug in Chorus
    };

    Code code = Code::Internal;
    QString message; ///< translated, says what happened and what to do
    QString detail;  ///< untranslated technical cause

    static StoreError make(Code code, const QString &path, const QString &detail = {});
    /// Classifies a failure reported by SQLite: its extended result code and, for I/O
    /// failures, the operating system's errno (sqlite3_system_errno).
    static StoreError fromSqlite(int extendedCode, int systemErrno, const QString &text,
                                 const QString &path, const QString &context = {});
    /// The same for a failure reported through the Qt SQLite driver.
    static StoreError fromSql(const QSqlError &error, int systemErrno, const QString &path,
                              const QString &context = {});

    /// The translated text for `code`, mentioning `path` where it helps.
    static QString describe(Code code, const QString &path);
    QString toString() const; ///< message plus detail, for logs
};

QString codeName(StoreError::Code code); ///< stable English name ("DiskFull"), for logs and tests

} // namespace chorus::store

Q_DECLARE_METATYPE(chorus::store::StoreError)
