#include "store/NativeStatement.h"

#include "store/Database.h"

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace chorus::store {

NativeStatement::NativeStatement(Database &db, QString sql) : m_db(&db), m_sql(std::move(sql)) {}

NativeStatement::~NativeStatement()
{
    finalize();
}

void NativeStatement::finalize()
{
    if (!m_stmt)
        return;
    sqlite3_finalize(m_stmt);
    m_stmt = nullptr;
    m_db->forget(this);
}

std::optional<StoreError> NativeStatement::prepare()
{
    if (m_stmt)
        return std::nullopt;
    sqlite3 *handle = m_db->handle();
    if (!handle)
        return StoreError::make(StoreError::Code::Closed, m_db->path());
    const QByteArray sql = m_sql.toUtf8();
    const int rc = sqlite3_prepare_v3(handle, sql.constData(), int(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    if (rc != SQLITE_OK) {
        m_stmt = nullptr;
        return m_db->nativeError(rc, m_sql.simplified().left(120));
    }
    m_db->remember(this);
    return std::nullopt;
}

std::optional<StoreError> NativeStatement::start()
{
    if (auto error = prepare())
        return error;
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_texts.clear();
    return std::nullopt;
}

void NativeStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}

void NativeStatement::bind(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
}

void NativeStatement::bind(int index, const QString &value)
{
    m_texts.push_back(value.toUtf8());
    const QByteArray &utf8 = m_texts.back();
    // The buffer lives in m_texts until the next start(): no copy needed.
    sqlite3_bind_text(m_stmt, index, utf8.isNull() ? "" : utf8.constData(), int(utf8.size()),
                      SQLITE_STATIC);
}

void NativeStatement::bindNullable(int index, const QString &value)
{
    if (value.isEmpty())
        bindNull(index);
    else
        bind(index, value);
}

void NativeStatement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

bool NativeStatement::next(std::optional<StoreError> *error)
{
    *error = std::nullopt;
    if (!m_stmt) {
        *error = StoreError::make(StoreError::Code::Internal, m_db->path(),
                                  u"statement stepped before start()"_s);
        return false;
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        *error = m_db->nativeError(rc, m_sql.simplified().left(120));
    sqlite3_reset(m_stmt); // releases the read snapshot at once
    return false;
}

void NativeStatement::reset()
{
    if (m_stmt)
        sqlite3_reset(m_stmt);
}

std::optional<StoreError> NativeStatement::run()
{
    std::optional<StoreError> error;
    while (next(&error)) {
    }
    return error;
}

qint64 NativeStatement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double NativeStatement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QString NativeStatement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return data ? QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column)) : QString();
}

bool NativeStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

int NativeStatement::changes() const
{
    return sqlite3_changes(m_db->handle());
}

qint64 NativeStatement::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db->handle());
}

} // namespace chorus::store
