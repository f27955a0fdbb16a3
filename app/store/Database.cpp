#include "store/Database.h"

#include "store/CoreSchema.h"
#include "store/NativeStatement.h"
#include "store/Statement.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace chorus::store {
namespace {

// PRAGMA application_id: marks the file as Chorus's ("CHRS"), so a foreign SQLite file is
// refused instead of being "migrated" into something else.
constexpr qint64 kApplicationId = 0x43485253;

QString connectionName()
{
    static QAtomicInteger<quint64> counter;
    return u"chorus-store-%1"_s.arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

Database::Database(Options options) : m_options(std::move(options)), m_name(connectionName()) {}

Database::~Database()
{
    close();
}

int Database::latestCoreVersion()
{
    return coreSchema().latestVersion();
}

void Database::addModule(SchemaModule module)
{
    Q_ASSERT_X(!m_open, "Database::addModule", "modules must be added before open()");
    m_modules.append(std::move(module));
}

void Database::remember(NativeStatement *statement)
{
    m_statements.append(statement);
}

void Database::forget(NativeStatement *statement)
{
    m_statements.removeOne(statement);
}

void Database::close()
{
    // Qt closes with sqlite3_close(), which refuses while statements are alive.
    while (!m_statements.isEmpty())
        m_statements.constLast()->finalize();
    m_handle = nullptr;
    if (QSqlDatabase::contains(m_name)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    m_open = false;
    m_transactionDepth = 0;
}

StoreError Database::error(const QSqlError &error, const QString &context) const
{
    return StoreError::fromSql(error, m_handle ? sqlite3_system_errno(m_handle) : 0,
                               m_options.path, context);
}

StoreError Database::nativeError(int resultCode, const QString &context) const
{
    if (!m_handle)
        return StoreError::make(StoreError::Code::Closed, m_options.path, context);
    // The extended code of the last failure on this connection; rc is the fallback.
    const int extended = sqlite3_extended_errcode(m_handle);
    return StoreError::fromSqlite((extended & 0xff) == (resultCode & 0xff) ? extended : resultCode,
                                  sqlite3_system_errno(m_handle),
                                  QString::fromUtf8(sqlite3_errmsg(m_handle)), m_options.path,
                                  context);
}

std::optional<StoreError> Database::execute(const QStringList &statements)
{
    QSqlDatabase db = connection();
    for (const QString &sql : statements) {
        QSqlQuery query(db);
        if (!query.exec(sql))
            return error(query.lastError(), sql.simplified().left(120));
    }
    return std::nullopt;
}

Expected<QVariant, StoreError> Database::scalar(const QString &sql)
{
    QSqlQuery query(connection());
    query.setForwardOnly(true);
    if (!query.exec(sql))
        return error(query.lastError(), sql.simplified().left(120));
    return query.next() ? query.value(0) : QVariant();
}

std::optional<StoreError> Database::setSynchronous(Synchronous level)
{
    return execute({level == Synchronous::Full ? u"PRAGMA synchronous = FULL"_s
                                               : u"PRAGMA synchronous = NORMAL"_s});
}

Expected<Done, StoreError> Database::open()
{
    if (m_open)
        return Done{};
    if (auto error = validateModules())
        return *error;
    if (auto error = openConnection())
        return *error;
    bool fresh = false;
    std::optional<StoreError> error = readVersions(&fresh);
    if (!error)
        error = configure();
    if (!error && !m_options.readOnly)
        error = migrate();
    if (!error && m_options.readOnly && m_coreVersion != latestCoreVersion())
        error = StoreError::make(StoreError::Code::Internal, m_options.path,
                                 u"reader opened a store at core version %1, expected %2"_s.arg(
                                     m_coreVersion)
                                     .arg(latestCoreVersion()));
    if (error) {
        close();
        return *error;
    }
    return Done{};
}

std::optional<StoreError> Database::validateModules() const
{
    QSet<QString> names;
    for (const SchemaModule &module : m_modules) {
        const bool badName = module.name.isEmpty() || module.name == u"core";
        if (badName || names.contains(module.name))
            return StoreError::make(StoreError::Code::InvalidArgument, m_options.path,
                                    u"schema module name '%1' is empty, reserved or used twice"_s
                                        .arg(module.name));
        names.insert(module.name);
        for (qsizetype i = 0; i < module.steps.size(); ++i) {
            if (module.steps.at(i).version != i + 1)
                return StoreError::make(StoreError::Code::InvalidArgument, m_options.path,
                                        u"schema module '%1': step %2 has version %3"_s
                                            .arg(module.name)
                                            .arg(i + 1)
                                            .arg(module.steps.at(i).version));
        }
    }
    return std::nullopt;
}

std::optional<StoreError> Database::openConnection()
{
    const QFileInfo file(m_options.path);
    if (m_options.path.isEmpty() || (m_options.readOnly && !file.exists()))
        return StoreError::make(StoreError::Code::CannotOpen, m_options.path,
                                u"no such database file"_s);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
    if (!db.isValid())
        return StoreError::make(StoreError::Code::Internal, m_options.path,
                                u"the Qt SQLite driver (libqt6sql6-sqlite) is not installed"_s);
    db.setDatabaseName(m_options.path);
    // A reader is an ordinary connection with query_only set (see configure()): opened
    // with SQLITE_OPEN_READONLY it could not recover a WAL left by a crashed writer.
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(m_options.busyTimeoutMs));
    if (!db.open()) {
        StoreError failure = error(db.lastError(), u"open"_s);
        // A folder we may not write to shows up as "cannot open": say what it is.
        const QFileInfo dir(file.absolutePath());
        if (failure.code == StoreError::Code::CannotOpen && dir.isDir() && !dir.isWritable())
            failure = StoreError::make(StoreError::Code::ReadOnly, m_options.path,
                                       failure.detail);
        return failure;
    }
    m_open = true;
    // NativeStatement calls the SQLite C API on the driver's handle: Chorus and the Qt
    // driver must use the same library (Debian's Qt links the system libsqlite3).
    const QVariant handle = db.driver()->handle();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
        m_handle = *static_cast<sqlite3 *const *>(handle.constData());
    const auto source = scalar(u"SELECT sqlite_source_id()"_s);
    if (!source)
        return source.error();
    if (!m_handle || source.value().toString() != QString::fromLatin1(sqlite3_sourceid()))
        return StoreError::make(StoreError::Code::Internal, m_options.path,
                                u"the Qt SQLite driver uses SQLite %1, Chorus was built with %2"_s
                                    .arg(source.value().toString(),
                                         QString::fromLatin1(sqlite3_sourceid())));
    return std::nullopt;
}

std::optional<StoreError> Database::readVersions(bool *fresh)
{
    // Reads only: a file we end up refusing must not have been changed in any way.
    const auto appId = scalar(u"PRAGMA application_id"_s);
    if (!appId)
        return appId.error();
    const auto version = scalar(u"PRAGMA user_version"_s);
    if (!version)
        return version.error();
    const auto tables = scalar(u"SELECT count(*) FROM sqlite_schema"_s);
    if (!tables)
        return tables.error();
    m_coreVersion = version.value().toInt();
    *fresh = tables.value().toInt() == 0;
    const qint64 id = appId.value().toLongLong();
    if ((id != 0 && id != kApplicationId) || (id == 0 && !*fresh))
        return StoreError::make(StoreError::Code::Corrupt, m_options.path,
                                u"not a Chorus database (application_id %1)"_s.arg(id));
    if (m_coreVersion > latestCoreVersion())
        return StoreError::make(StoreError::Code::NewerSchema, m_options.path,
                                u"core schema version %1, this build knows up to %2"_s
                                    .arg(m_coreVersion)
                                    .arg(latestCoreVersion()));
    m_moduleVersions.clear();
    if (m_coreVersion >= 1) {
        QSqlQuery query(connection());
        query.setForwardOnly(true);
        if (!query.exec(u"SELECT name, version FROM schema_modules"_s))
            return error(query.lastError(), u"reading schema_modules"_s);
        while (query.next())
            m_moduleVersions.insert(query.value(0).toString(), query.value(1).toInt());
    }
    for (const SchemaModule &module : std::as_const(m_modules)) {
        const int stored = m_moduleVersions.value(module.name);
        if (stored > module.latestVersion())
            return StoreError::make(StoreError::Code::NewerSchema, m_options.path,
                                    u"module '%1' at version %2, this build knows up to %3"_s
                                        .arg(module.name)
                                        .arg(stored)
                                        .arg(module.latestVersion()));
    }
    return std::nullopt;
}

std::optional<StoreError> Database::configure()
{
    QStringList pragmas{
        u"PRAGMA foreign_keys = ON"_s,
        u"PRAGMA temp_store = MEMORY"_s,
        u"PRAGMA cache_size = -%1"_s.arg(m_options.cacheKiB),
        u"PRAGMA mmap_size = %1"_s.arg(m_options.mmapBytes),
    };
    if (m_options.readOnly) {
        pragmas << u"PRAGMA query_only = ON"_s;
        return execute(pragmas);
    }
    // WAL: readers never block the writer and a crash leaves a consistent file.
    const auto mode = scalar(u"PRAGMA journal_mode = WAL"_s);
    if (!mode)
        return mode.error();
    if (mode.value().toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0)
        return StoreError::make(StoreError::Code::ReadOnly, m_options.path,
                                u"cannot switch to WAL (journal mode stays %1)"_s.arg(
                                    mode.value().toString()));
    pragmas << (m_options.synchronous == Synchronous::Full ? u"PRAGMA synchronous = FULL"_s
                                                           : u"PRAGMA synchronous = NORMAL"_s)
            << u"PRAGMA journal_size_limit = %1"_s.arg(64 << 20);
    return execute(pragmas);
}

std::optional<StoreError> Database::migrate()
{
    const SchemaModule core = coreSchema();
    for (const Migration &step : core.steps) {
        if (step.version <= m_coreVersion)
            continue;
        if (auto error = applyStep(u"core"_s, step))
            return error;
        m_coreVersion = step.version;
    }
    for (const SchemaModule &module : std::as_const(m_modules)) {
        for (const Migration &step : module.steps) {
            if (step.version <= m_moduleVersions.value(module.name))
                continue;
            if (auto error = applyStep(module.name, step))
                return error;
            m_moduleVersions.insert(module.name, step.version);
        }
    }
    return std::nullopt;
}

std::optional<StoreError> Database::applyStep(const QString &module, const Migration &step)
{
    const bool isCore = module == u"core";
    const QString where = u"migration %1 v%2 (%3)"_s.arg(module).arg(step.version).arg(step.summary);
    Transaction transaction(*this);
    if (auto error = transaction.begin())
        return error;
    std::optional<StoreError> error;
    if (isCore && step.version == 1) // a new file: claim it in the same transaction
        error = execute({u"PRAGMA application_id = %1"_s.arg(kApplicationId)});
    if (!error)
        error = execute(step.statements);
    if (!error && step.run)
        error = step.run(*this);
    if (!error) {
        if (isCore) {
            error = execute({u"PRAGMA user_version = %1"_s.arg(step.version)});
        } else {
            QSqlQuery query(connection());
            query.prepare(u"INSERT INTO schema_modules(name, version, updated_at) VALUES (?, ?, ?) "
                          "ON CONFLICT(name) DO UPDATE SET version = excluded.version, "
                          "updated_at = excluded.updated_at"_s);
            query.addBindValue(module);
            query.addBindValue(step.version);
            query.addBindValue(QDateTime::currentMSecsSinceEpoch());
            if (!query.exec())
                error = this->error(query.lastError(), where);
        }
    }
    if (!error)
        error = transaction.commit();
    if (error) {
        transaction.rollback();
        // Environmental failures keep their code (disk full stays disk full); anything
        // else is a broken step.
        using C = StoreError::Code;
        const bool environmental = error->code == C::DiskFull || error->code == C::ReadOnly
            || error->code == C::Locked || error->code == C::IoError || error->code == C::Corrupt;
        if (!environmental)
            return StoreError::make(C::MigrationFailed, m_options.path,
                                    where + u": "_s + error->detail);
        error->detail = where + u": "_s + error->detail;
        return error;
    }
    return std::nullopt;
}

Expected<QStringList, StoreError> Database::integrityCheck()
{
    QSqlQuery query(connection());
    query.setForwardOnly(true);
    if (!query.exec(u"PRAGMA integrity_check"_s))
        return error(query.lastError(), u"integrity_check"_s);
    QStringList problems;
    while (query.next()) {
        const QString line = query.value(0).toString();
        if (line != u"ok")
            problems << line;
    }
    return problems;
}

} // namespace chorus::store
