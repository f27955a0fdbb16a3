#pragma once

#include "store/StoreError.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

struct sqlite3_stmt;

namespace chorus::store {

class Database;

/// A statement on the connection's own sqlite3 handle (QSqlDriver::handle()), for the hot
/// paths: ingest and ranked search run it per message or per candidate, where
/// QSqlQuery's per-call cost (QVariant binding, a QSqlRecord per exec) would dominate.
/// Same connection and transaction as the Qt side. Prepared on first use; finalized by the
/// Database when it closes. Parameters are 1-based, as in SQLite.
class NativeStatement
{
public:
    NativeStatement(Database &db, QString sql);
    ~NativeStatement();
    NativeStatement(const NativeStatement &) = delete;
    NativeStatement &operator=(const NativeStatement &) = delete;

    /// Resets and clears the bindings; call before binding a new set.
    std::optional<StoreError> start();
    void bind(int index, qint64 value);
    void bind(int index, int value) { bind(index, qint64(value)); }
    void bind(int index, bool value) { bind(index, qint64(value ? 1 : 0)); }
    void bind(int index, double value);
    /// Text ('' for a null QString: only bindNullable() stores NULL).
    void bind(int index, const QString &value);
    /// NULL for an empty string.
    void bindNullable(int index, const QString &value);
    void bindNull(int index);

    /// Runs to the next row; false when done. Check `error` after a false.
    bool next(std::optional<StoreError> *error);
    /// Runs a statement that returns no rows.
    std::optional<StoreError> run();

    qint64 int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    bool isNull(int column) const;
    int changes() const;
    qint64 lastInsertId() const;

    /// Ends a read early (resets), so the statement holds no snapshot.
    void reset();
    /// Called by Database::close(): the handle is going away.
    void finalize();

private:
    std::optional<StoreError> prepare();

    Database *m_db;
    QString m_sql;
    sqlite3_stmt *m_stmt = nullptr;
    std::vector<QByteArray> m_texts; ///< UTF-8 of bound text, alive until the next start()
};

} // namespace chorus::store
