// The core schema of an account's store, one migration per step. A released step is never
// edited: change the schema by appending a step (tests/data/store/ keeps each earlier
// version as a fixture, and tst_store_migrations upgrades every one of them).
//
// NOTHING SECRET LIVES HERE. Passwords, OAuth/upload tokens and any other credential belong
// to the system keychain (workspace::CredentialStore, QtKeychain); this file may be copied,
// backed up or attached to a bug report. UI state (splitters, open groups) is in QSettings.
//
// Conventions:
// - Times are INTEGER milliseconds since the Unix epoch, UTC.
// - Optional text is NULL when unknown, never ''.
// - Money, wherever a module needs it, is INTEGER minor units plus a TEXT ISO 4217 code
//   (e.g. price_minor 1999, currency 'EUR'); never REAL. The core stores no money.
// - Each table belongs to one repository class, which is the only code writing to it:
//   groups, group_tags, group_variables → GroupRepository; people, person_tags →
//   PersonRepository; members → MemberRepository; messages, message_attachments →
//   MessageRepository; message_search (the index, kept by triggers) → MessageSearch;
//   schema_modules → Database.
//
// Durability: WAL with synchronous=NORMAL. A crash of Chorus (or a SIGKILL) never loses a
// committed transaction and never corrupts the file; only a power cut or kernel crash may
// undo the last commits before the next checkpoint. Messages lost that way come back with
// the next MAM catch-up (lastStanzaId() moves back with them), so NORMAL's speed is worth
// it for ingest; what the operator types (notes, orders) commits with
// Transaction::Durability::Full, which fsyncs the WAL and everything before it.

#include "store/CoreSchema.h"

#include "store/Database.h"
#include "store/TextIndex.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace chorus::store {
namespace {

Migration groupsAndPeople()
{
    return {1, u"groups, people and members"_s, {
        // Versions of the feature modules' schemas (see Schema.h).
        uR"(CREATE TABLE schema_modules (
            name TEXT PRIMARY KEY,
            version INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        ) WITHOUT ROWID)"_s,
        // A group the operator runs: its XEP-0402 bookmark, the room configuration Chorus
        // manages (XEP-0045 form) and the join policy.
        uR"(CREATE TABLE groups (
            id INTEGER PRIMARY KEY,
            jid TEXT NOT NULL UNIQUE,               -- bare JID of the room
            name TEXT NOT NULL DEFAULT '',
            nick TEXT NOT NULL DEFAULT '',          -- the operator's nick there
            autojoin INTEGER NOT NULL DEFAULT 1,
            subject TEXT NOT NULL DEFAULT '',
            time_zone TEXT NOT NULL DEFAULT '',     -- IANA id, '' = the operator's
            config_name TEXT NOT NULL DEFAULT '',
            config_description TEXT NOT NULL DEFAULT '',
            config_members_only INTEGER NOT NULL DEFAULT 0,
            config_max_users INTEGER NOT NULL DEFAULT 500,
            config_persistent INTEGER NOT NULL DEFAULT 1,
            config_public INTEGER NOT NULL DEFAULT 0,
            config_real_jids_to_moderators INTEGER NOT NULL DEFAULT 1,
            config_history_length INTEGER NOT NULL DEFAULT 0,
            config_archived INTEGER NOT NULL DEFAULT 1,
            config_members_can_invite INTEGER NOT NULL DEFAULT 1,
            policy_open_invite_threshold INTEGER NOT NULL DEFAULT 100,
            policy_hard_cap INTEGER NOT NULL DEFAULT 500,
            policy_newcomers_see_history INTEGER NOT NULL DEFAULT 0,
            policy_invite_closed INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        ))"_s,
        uR"(CREATE TABLE group_tags (
            group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            tag TEXT NOT NULL,
            PRIMARY KEY (group_id, position)
        ) WITHOUT ROWID)"_s,
        u"CREATE INDEX group_tags_by_tag ON group_tags(tag, group_id)"_s,
        // Group-defined template variables ({price}, {meeting_point}...).
        uR"(CREATE TABLE group_variables (
            group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (group_id, name)
        ) WITHOUT ROWID)"_s,
        // A person across groups, keyed by chat::PersonKey ("jid:...", "occ:room/id",
        // "nick:room/nick"), with the operator's notes and tags.
        uR"(CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            basis INTEGER NOT NULL,                 -- 0 real JID, 1 occupant-id, 2 nick
            display_name TEXT NOT NULL DEFAULT '',  -- the nick last seen
            first_seen INTEGER,
            last_seen INTEGER,
            notes TEXT NOT NULL DEFAULT ''
        ))"_s,
        uR"(CREATE TABLE person_tags (
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            tag TEXT NOT NULL,
            PRIMARY KEY (person_id, position)
        ) WITHOUT ROWID)"_s,
        u"CREATE INDEX person_tags_by_tag ON person_tags(tag, person_id)"_s,
        // A person's standing in one group. Senders seen only in the archive are members
        // too (presence offline), so last_message_at and message_count cover history.
        uR"(CREATE TABLE members (
            group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            nick TEXT NOT NULL,
            occupant_id TEXT,                       -- XEP-0421
            real_jid TEXT,                          -- bare, where the room shows it
            role TEXT NOT NULL DEFAULT 'none',      -- XEP-0045 words, see chat::toString
            affiliation TEXT NOT NULL DEFAULT 'none',
            presence TEXT NOT NULL DEFAULT 'offline',
            status_text TEXT NOT NULL DEFAULT '',
            joined_at INTEGER,
            last_message_at INTEGER,
            message_count INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (group_id, person_id)
        ) WITHOUT ROWID)"_s,
        u"CREATE INDEX members_by_person ON members(person_id)"_s,
    }, {}};
}

Migration messages()
{
    return {2, u"messages and attachments"_s, {
        // One row per message stanza. Corrections (action 1) and moderator retractions
        // (action 2) are rows too, so that a page seen twice is recognised; their effect
        // is applied to the target row (body, original_body, corrected_by, retracted).
        uR"(CREATE TABLE messages (
            id INTEGER PRIMARY KEY,             -- (day << 40) + arrival: see MessageRepository.h
            group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
            kind INTEGER NOT NULL DEFAULT 0,    -- 0 group chat, 1 private through the room
            action INTEGER NOT NULL DEFAULT 0,  -- 0 message, 1 correction, 2 retraction
            outgoing INTEGER NOT NULL DEFAULT 0,
            archive TEXT,                       -- archive that gave stanza_id; '' = the room
            stanza_id TEXT,                     -- XEP-0359, unique per archive
            origin_id TEXT,                     -- XEP-0359, chosen by the sender
            xml_id TEXT,                        -- the stanza's id attribute
            sender_person INTEGER REFERENCES people(id) ON DELETE SET NULL,
            sender_nick TEXT NOT NULL DEFAULT '',
            sender_occupant_id TEXT,
            sender_real_jid TEXT,
            recipient_nick TEXT,
            body TEXT NOT NULL DEFAULT '',      -- as displayed: corrected, '' once retracted
            original_body TEXT,                 -- the first text, once corrected
            timestamp INTEGER NOT NULL,
            replaces_id TEXT,                   -- XEP-0308 (action 1)
            reply_to_id TEXT,                   -- XEP-0461
            reply_to_nick TEXT,
            retracts_id TEXT,                   -- XEP-0425 stanza-id of the target (action 2)
            retraction_reason TEXT,             -- on a retraction row and on its target
            corrected_by INTEGER,               -- id of the correction shown in body
            target_id INTEGER,                  -- action rows: the row acted on, NULL until known
            retracted INTEGER NOT NULL DEFAULT 0,
            attachment_count INTEGER NOT NULL DEFAULT 0
        ))"_s,
        // Deduplication: a stanza-id is unique within its archive. archive is '' for the
        // group's own archive (the room), so the key stays short.
        u"CREATE UNIQUE INDEX messages_by_stanza_id ON messages(group_id, archive, stanza_id) "
        "WHERE stanza_id IS NOT NULL"_s,
        u"CREATE INDEX messages_timeline ON messages(group_id, timestamp, id)"_s,
        // Origin-ids matter only for rows an origin-id may still match: our own messages
        // and rows without a stanza-id. Every other row stays out of this index (ingest
        // speed: each index costs a B-tree insert per message).
        u"CREATE INDEX messages_by_origin_id ON messages(group_id, origin_id) "
        "WHERE origin_id IS NOT NULL AND (stanza_id IS NULL OR outgoing = 1)"_s,
        // Corrections and retractions whose target has not arrived yet (archive pages come
        // in any order): applied when it does.
        u"CREATE INDEX messages_pending_actions ON messages(group_id) "
        "WHERE action <> 0 AND target_id IS NULL"_s,
        uR"(CREATE TABLE message_attachments (
            message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            url TEXT NOT NULL,
            mime_type TEXT,
            size INTEGER,                       -- bytes, NULL when unknown
            file_name TEXT,
            width INTEGER,
            height INTEGER,
            PRIMARY KEY (message_id, position)
        ) WITHOUT ROWID)"_s,
    }, {}};
}

// Kept as SQL so that the index stays exact under any update or delete (cascades
// included). New rows are indexed by MessageRepository in one statement per batch instead
// of an AFTER INSERT trigger: FTS5 flushes its pending index data at every statement
// savepoint, so a per-row trigger would write (and then merge) one tiny segment per message.
const QStringList kSearchTriggers{
    uR"(CREATE TRIGGER message_search_delete AFTER DELETE ON messages
        WHEN old.search_words IS NOT NULL BEGIN
        INSERT INTO message_search(message_search, rowid, search_words, search_tails,
                                   search_facets)
            VALUES ('delete', old.id, old.search_words, old.search_tails, old.search_facets);
    END)"_s,
    uR"(CREATE TRIGGER message_search_update
        AFTER UPDATE OF search_words, search_tails, group_id, sender_person ON messages BEGIN
        INSERT INTO message_search(message_search, rowid, search_words, search_tails,
                                   search_facets)
            SELECT 'delete', old.id, old.search_words, old.search_tails, old.search_facets
            WHERE old.search_words IS NOT NULL;
        INSERT INTO message_search(rowid, search_words, search_tails, search_facets)
            SELECT new.id, new.search_words, new.search_tails, new.search_facets
            WHERE new.search_words IS NOT NULL;
    END)"_s,
};

std::optional<StoreError> fillSearchText(Database &db)
{
    // The search text is cut in C++ (text::searchText), so existing rows get it here, then
    // go into the index in one statement, and only then do the triggers exist.
    QSqlQuery select(db.connection());
    select.setForwardOnly(true);
    if (!select.exec(u"SELECT id, body FROM messages WHERE body <> '' AND action = 0"_s))
        return db.error(select.lastError(), u"reading bodies"_s);
    QList<QPair<qint64, text::SearchText>> rows;
    while (select.next())
        rows.append({select.value(0).toLongLong(), text::searchText(select.value(1).toString())});
    select.finish();
    QSqlQuery update(db.connection());
    if (!update.prepare(u"UPDATE messages SET search_words = ?, search_tails = ? WHERE id = ?"_s))
        return db.error(update.lastError(), u"preparing search text update"_s);
    for (const auto &[id, search] : std::as_const(rows)) {
        update.bindValue(0, search.words);
        update.bindValue(1, search.tails.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                   : QVariant(search.tails));
        update.bindValue(2, id);
        if (!update.exec())
            return db.error(update.lastError(), u"storing search text"_s);
    }
    QStringList statements{
        u"INSERT INTO message_search(rowid, search_words, search_tails, search_facets) "
        "SELECT id, search_words, search_tails, search_facets FROM messages "
        "WHERE search_words IS NOT NULL"_s};
    statements += kSearchTriggers;
    return db.execute(statements);
}

Migration search()
{
    return {3, u"full-text search (words and CJK bigrams)"_s, {
        // What the index sees (text::searchText): words as written, CJK runs as bigrams,
        // and each run's last character. NULL for rows not searched (corrections,
        // retractions, retracted or empty messages).
        u"ALTER TABLE messages ADD COLUMN search_words TEXT"_s,
        u"ALTER TABLE messages ADD COLUMN search_tails TEXT"_s,
        // The group and the sender as words ("g12 p345"), so that search filters are
        // index lookups FTS5 intersects while it walks, not a row lookup per match.
        u"ALTER TABLE messages ADD COLUMN search_facets TEXT GENERATED ALWAYS AS "
        "('g' || group_id || ' p' || coalesce(sender_person, 0)) VIRTUAL"_s,
        // External content: the text lives once, in messages.
        u"CREATE VIRTUAL TABLE message_search USING fts5(search_words, search_tails, "
        "search_facets, content='messages', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2')"_s,
        // Merge segments eight at a time instead of four: ~10% less ingest work for
        // slightly more segments per lookup (measured with callgrind, bench_store).
        u"INSERT INTO message_search(message_search, rank) VALUES ('automerge', 8)"_s,
    }, fillSearchText};
}

} // namespace

SchemaModule coreSchema()
{
    return {u"core"_s, {groupsAndPeople(), messages(), search()}};
}

} // namespace chorus::store
