#include "store/Statement.h"

#include <QSqlError>

using namespace Qt::StringLiterals;

namespace chorus::store {

std::optional<StoreError> Statement::prepare()
{
    if (m_prepared)
        return std::nullopt;
    if (!m_db->isOpen())
        return StoreError::make(StoreError::Code::Closed, m_db->path());
    m_query = QSqlQuery(m_db->connection());
    m_query.setForwardOnly(true);
    if (!m_query.prepare(m_sql))
        return m_db->error(m_query.lastError(), m_sql.simplified().left(120));
    m_prepared = true;
    return std::nullopt;
}

std::optional<StoreError> Statement::run()
{
    if (!m_query.exec())
        return m_db->error(m_query.lastError(), m_sql.simplified().left(120));
    return std::nullopt;
}

Transaction::Transaction(Database &db, Durability durability)
    : m_db(db), m_durability(durability)
{
}

Transaction::~Transaction()
{
    rollback();
}

std::optional<StoreError> Transaction::begin()
{
    if (m_depth >= 0)
        return std::nullopt;
    const int depth = m_db.transactionDepth();
    if (depth == 0 && m_durability == Durability::Full) {
        if (auto error = m_db.setSynchronous(Database::Synchronous::Full))
            return error;
    }
    const QString sql = depth == 0 ? u"BEGIN IMMEDIATE"_s : u"SAVEPOINT chorus_%1"_s.arg(depth);
    if (auto error = m_db.execute({sql}))
        return error;
    m_depth = depth;
    m_db.setTransactionDepth(depth + 1);
    return std::nullopt;
}

std::optional<StoreError> Transaction::commit()
{
    if (m_depth < 0)
        return StoreError::make(StoreError::Code::Internal, m_db.path(),
                                u"commit without begin"_s);
    const QString sql = m_depth == 0 ? u"COMMIT"_s : u"RELEASE chorus_%1"_s.arg(m_depth);
    if (auto error = m_db.execute({sql})) {
        rollback();
        return error;
    }
    m_db.setTransactionDepth(m_depth);
    if (m_depth == 0 && m_durability == Durability::Full)
        m_db.setSynchronous(m_db.options().synchronous);
    m_depth = -1;
    return std::nullopt;
}

void Transaction::rollback()
{
    if (m_depth < 0)
        return;
    m_db.noteRollback();
    if (m_depth == 0) {
        m_db.execute({u"ROLLBACK"_s});
        if (m_durability == Durability::Full)
            m_db.setSynchronous(m_db.options().synchronous);
    } else {
        m_db.execute({u"ROLLBACK TO chorus_%1"_s.arg(m_depth), u"RELEASE chorus_%1"_s.arg(m_depth)});
    }
    m_db.setTransactionDepth(m_depth);
    m_depth = -1;
}

} // namespace chorus::store
