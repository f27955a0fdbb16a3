#pragma once

// Helpers shared by the store's tests: a store in a temporary directory, a message
// builder, frozen SQL fixtures, file fingerprints.

#include "store/Database.h"
#include "store/StoreSession.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace chorus::store::test {

using namespace Qt::StringLiterals;

/// 2024-03-01 10:00:00 UTC plus `seconds`.
inline QDateTime at(qint64 seconds)
{
    return QDateTime(QDate(2024, 3, 1), QTime(10, 0), Qt::UTC).addSecs(seconds);
}

/// Builds a chat::Message: Msg(u"room@muc"_s, u"hello"_s).stanza(u"s1"_s).from(u"alice"_s)
struct Msg
{
    chat::Message m;
    Msg(const QString &group, const QString &body, qint64 second = 0)
    {
        m.groupId = group;
        m.body = body;
        m.timestamp = at(second);
        m.senderNick = u"alice"_s;
        m.senderOccupantId = u"occ-alice"_s;
    }
    Msg &stanza(const QString &id, const QString &archive = {})
    {
        m.stanzaId = id;
        m.archiveId = archive.isEmpty() ? m.groupId : archive;
        return *this;
    }
    Msg &origin(const QString &id)
    {
        m.originId = id;
        m.id = id;
        return *this;
    }
    Msg &from(const QString &nick, const QString &occupantId = {}, const QString &realJid = {})
    {
        m.senderNick = nick;
        m.senderOccupantId = occupantId;
        m.senderRealJid = realJid;
        return *this;
    }
    Msg &mine()
    {
        m.outgoing = true;
        m.senderNick = u"operator"_s;
        m.senderOccupantId.clear();
        return *this;
    }
    Msg &replaces(const QString &id)
    {
        m.replacesId = id;
        return *this;
    }
    Msg &retracts(const QString &stanzaId, const QString &reason = {})
    {
        m.retractsId = stanzaId;
        m.retractionReason = reason;
        return *this;
    }
    Msg &attach(const QString &url, const QString &mime = {}, qint64 size = -1)
    {
        m.attachments.append({QUrl(url), mime, size, QUrl(url).fileName(), {}});
        return *this;
    }
    operator chat::Message() const { return m; }
};

/// A Database and its repositories on a file in a temporary directory.
struct TempStore
{
    QTemporaryDir dir;
    QString path = dir.filePath(u"store.sqlite"_s);
    std::unique_ptr<Database> db;
    std::unique_ptr<StoreSession> session;

    Expected<Done, StoreError> open(const QList<SchemaModule> &modules = {},
                                    MessageSearch::Limits limits = {})
    {
        close();
        db = std::make_unique<Database>(Database::Options{path});
        for (const SchemaModule &module : modules)
            db->addModule(module);
        auto opened = db->open();
        if (opened)
            session = std::make_unique<StoreSession>(*db, limits);
        return opened;
    }
    void close()
    {
        session.reset();
        db.reset();
    }
    ~TempStore() { close(); }
    StoreSession &s() { return *session; }
    /// One value from the store, for checks that have no API.
    QVariant sql(const QString &query)
    {
        const auto value = db->scalar(query);
        return value ? value.value() : QVariant(u"<error: %1>"_s.arg(value.error().detail));
    }
};

/// The search index holds exactly what the messages table says: FTS5's own check, then
/// every (term, row, column, position) compared with an index built afresh from the rows
/// (SQLite 3.40's integrity-check does not compare an external-content index with its
/// content).
inline std::optional<StoreError> searchIndexCheck(Database &db)
{
    if (auto error = db.execute(
            {u"INSERT INTO message_search(message_search) VALUES ('integrity-check')"_s,
             u"DROP TABLE IF EXISTS temp.search_check"_s,
             u"CREATE VIRTUAL TABLE temp.search_check USING fts5(search_words, search_tails, "
             "search_facets, tokenize='unicode61 remove_diacritics 2')"_s,
             u"INSERT INTO temp.search_check(rowid, search_words, search_tails, search_facets) "
             "SELECT id, search_words, search_tails, search_facets FROM messages "
             "WHERE search_words IS NOT NULL"_s,
             u"CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab_store USING "
             "fts5vocab(main, message_search, instance)"_s,
             u"CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab_check USING "
             "fts5vocab(temp, search_check, instance)"_s}))
        return error;
    const auto differences = db.scalar(
        u"SELECT (SELECT count(*) FROM (SELECT * FROM temp.vocab_store EXCEPT "
        "SELECT * FROM temp.vocab_check)) + (SELECT count(*) FROM (SELECT * FROM "
        "temp.vocab_check EXCEPT SELECT * FROM temp.vocab_store))"_s);
    if (!differences)
        return differences.error();
    if (differences.value().toInt() != 0)
        return StoreError::make(StoreError::Code::Corrupt, db.path(),
                                u"search index differs from messages in %1 entries"_s.arg(
                                    differences.value().toInt()));
    return std::nullopt;
}

#define STORE_VERIFY_SEARCH_INDEX(db)                                                             \
    do {                                                                                          \
        const auto problem_ = chorus::store::test::searchIndexCheck(db);                          \
        QVERIFY2(!problem_, problem_ ? qPrintable(problem_->toString()) : "");                    \
    } while (false)

/// Splits a fixture script: a statement ends with ';' at the end of a line.
inline QStringList splitSql(const QString &script)
{
    QStringList statements;
    QString current;
    for (const QString &line : script.split(u'\n')) {
        const QString trimmed = line.trimmed();
        if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith(u"--")))
            continue;
        current += line + u'\n';
        if (trimmed.endsWith(u';')) {
            statements << current.trimmed().chopped(1);
            current.clear();
        }
    }
    return statements;
}

/// Writes the fixture `name` (tests/data/store/<name>) into a new file at `path` with a
/// plain connection, the way an older Chorus left it.
inline bool loadFixture(const QString &path, const QString &name, QString *error)
{
    QFile file(qEnvironmentVariable("CHORUS_TEST_DATA") + u"/store/"_s + name);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read fixture %1 (run through ctest)"_s.arg(file.fileName());
        return false;
    }
    const QStringList statements = splitSql(QString::fromUtf8(file.readAll()));
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"fixture"_s);
        db.setDatabaseName(path);
        ok = db.open();
        for (const QString &statement : statements) {
            if (!ok)
                break;
            QSqlQuery query(db);
            ok = query.exec(statement);
            if (!ok)
                *error = statement.left(80) + u": "_s + query.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"fixture"_s);
    return ok;
}

/// SHA-256 of a file's bytes: "the store did not touch it".
inline QByteArray fingerprint(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace chorus::store::test

namespace chorus::store {
/// QCOMPARE prints codes by name.
inline char *toString(StoreError::Code code)
{
    return qstrdup(qPrintable(codeName(code)));
}
} // namespace chorus::store

#define STORE_VERIFY(expr)                                                                        \
    do {                                                                                          \
        const auto &result_ = (expr);                                                             \
        QVERIFY2(result_.ok(), result_.ok() ? "" : qPrintable(result_.error().toString()));     \
    } while (false)
