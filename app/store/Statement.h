#pragma once

#include "store/Database.h"
#include "store/StoreError.h"

#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <optional>

namespace chorus::store {

/// A prepared statement kept for reuse (repositories hold them as members): prepared on
/// first use, values bound by position, failures returned as StoreError.
class Statement
{
public:
    Statement(Database &db, QString sql) : m_db(&db), m_sql(std::move(sql)) {}

    /// Binds `values` to ?1, ?2... and executes.
    template <typename... Values>
    std::optional<StoreError> exec(const Values &...values)
    {
        if (auto error = prepare())
            return error;
        [[maybe_unused]] int index = 0;
        (m_query.bindValue(index++, toVariant(values)), ...);
        return run();
    }

    /// Binds a list built at run time (queries with optional filters).
    std::optional<StoreError> execValues(const QVariantList &values)
    {
        if (auto error = prepare())
            return error;
        for (qsizetype i = 0; i < values.size(); ++i)
            m_query.bindValue(int(i), values.at(i));
        return run();
    }

    bool next() { return m_query.next(); }
    QVariant value(int column) const { return m_query.value(column); }
    bool isNull(int column) const { return m_query.isNull(column); }
    int rowsAffected() const { return m_query.numRowsAffected(); }
    qint64 lastInsertId() const { return m_query.lastInsertId().toLongLong(); }
    /// Releases the read cursor so the statement holds no snapshot.
    void finish() { m_query.finish(); }

private:
    template <typename T>
    static QVariant toVariant(const T &value) { return QVariant::fromValue(value); }
    static QVariant toVariant(const QVariant &value) { return value; }
    // Qt binds a null QString as NULL; text columns get '' unless nullable() says NULL.
    static QVariant toVariant(const QString &value)
    {
        return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
    }
    static QVariant toVariant(const char *value) = delete; // use u"..."_s

    std::optional<StoreError> prepare();
    std::optional<StoreError> run();

    Database *m_db;
    QString m_sql;
    QSqlQuery m_query;
    bool m_prepared = false;
};

/// Text or NULL: empty strings are stored as NULL in optional columns.
inline QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

/// A write transaction (BEGIN IMMEDIATE), or a savepoint when one is already open.
/// Rolls back on destruction unless committed.
class Transaction
{
public:
    enum class Durability {
        Normal, ///< survives an application crash; power loss may undo the latest commits
        Full,   ///< fsyncs at commit: for what the operator typed and the server cannot resend
    };

    explicit Transaction(Database &db, Durability durability = Durability::Normal);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    std::optional<StoreError> begin();
    std::optional<StoreError> commit();
    void rollback();

private:
    Database &m_db;
    Durability m_durability;
    int m_depth = -1; ///< nesting depth this transaction opened at; -1 when not active
};

} // namespace chorus::store
