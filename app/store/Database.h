#pragma once

#include "core/Expected.h"
#include "store/Schema.h"
#include "store/StoreError.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class QSqlError;
class QSqlQuery;
struct sqlite3;

namespace chorus::store {

class NativeStatement;

/// One SQLite connection to an account's store, with its schema brought up to date.
///
/// Thread-affine like QSqlDatabase: create, open and use it on one thread. The writer owns
/// one (it migrates); readers open their own with `Options::readOnly`. Feature modules
/// register their SchemaModule before open().
class Database
{
public:
    /// How hard a commit tries to survive power loss (see CoreSchema.cpp for the choice).
    enum class Synchronous { Normal, Full };

    struct Options
    {
        QString path;              ///< the file; from workspace::Profile::databasePath()
        bool readOnly = false;     ///< query-only connection: never migrates, never writes
        int busyTimeoutMs = 5000;  ///< how long to wait for a lock held by another connection
        Synchronous synchronous = Synchronous::Normal;
        int cacheKiB = 16 * 1024;  ///< page cache of this connection
        qint64 mmapBytes = 0;      ///< memory-mapped reads (readers benefit; 0 = off)
    };

    explicit Database(Options options);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// Adds a feature's tables; only before open(). Modules migrate in registration order,
    /// after the core.
    void addModule(SchemaModule module);

    /// Opens the file (creating it if needed), refuses a newer or foreign schema without
    /// touching it, sets WAL and the connection pragmas, and applies missing migrations.
    Expected<Done, StoreError> open();
    void close();
    bool isOpen() const { return m_open; }

    const Options &options() const { return m_options; }
    QString path() const { return m_options.path; }
    QSqlDatabase connection() const { return QSqlDatabase::database(m_name, false); }

    /// The core schema version of the open file, and the newest this build knows.
    int coreVersion() const { return m_coreVersion; }
    static int latestCoreVersion();
    /// A module's stored version (0 when it has no tables yet).
    int moduleVersion(const QString &name) const { return m_moduleVersions.value(name); }

    /// Runs `PRAGMA integrity_check`; returns the problems found (empty when sound).
    Expected<QStringList, StoreError> integrityCheck();

    // --- helpers for repositories -------------------------------------------------
    StoreError error(const QSqlError &error, const QString &context = {}) const;
    /// A failure of a call on handle() (its result code).
    StoreError nativeError(int resultCode, const QString &context = {}) const;
    /// The connection's own SQLite handle (see NativeStatement); null when closed.
    sqlite3 *handle() const { return m_handle; }
    /// NativeStatement registers itself so that close() can finalize it.
    void remember(NativeStatement *statement);
    void forget(NativeStatement *statement);
    /// Runs statements that return no rows, in order; stops at the first failure.
    std::optional<StoreError> execute(const QStringList &statements);
    /// The first column of the first row (invalid QVariant when there is no row).
    Expected<QVariant, StoreError> scalar(const QString &sql);

    /// Transaction nesting depth; Transaction uses it to pick BEGIN or SAVEPOINT.
    int transactionDepth() const { return m_transactionDepth; }
    void setTransactionDepth(int depth) { m_transactionDepth = depth; }

    /// Counts rollbacks: caches of row ids compare it to know they may be stale.
    quint64 rollbackGeneration() const { return m_rollbacks; }
    void noteRollback() { ++m_rollbacks; }

    /// Sets `PRAGMA synchronous` for the following commits (outside transactions).
    std::optional<StoreError> setSynchronous(Synchronous level);

private:
    std::optional<StoreError> openConnection();
    std::optional<StoreError> readVersions(bool *fresh);
    std::optional<StoreError> configure();
    std::optional<StoreError> migrate();
    std::optional<StoreError> applyStep(const QString &module, const Migration &step);
    std::optional<StoreError> validateModules() const;

    Options m_options;
    QString m_name; ///< QSqlDatabase connection name, unique per instance
    sqlite3 *m_handle = nullptr;
    QList<NativeStatement *> m_statements;
    QList<SchemaModule> m_modules;
    QHash<QString, int> m_moduleVersions;
    int m_coreVersion = 0;
    int m_transactionDepth = 0;
    quint64 m_rollbacks = 0;
    bool m_open = false;
};

} // namespace chorus::store
