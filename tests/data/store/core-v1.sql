-- Frozen copy of the Chorus store at core schema version 1, with sample data.
-- Never regenerate it from the current code: it is what an older Chorus wrote, and
-- tst_store_migrations upgrades it. One statement per ";" at the end of a line.
PRAGMA application_id = 1128813139;
CREATE TABLE schema_modules (
            name TEXT PRIMARY KEY,
            version INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        ) WITHOUT ROWID;
CREATE TABLE groups (
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
        );
CREATE TABLE group_tags (
            group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            tag TEXT NOT NULL,
            PRIMARY KEY (group_id, position)
        ) WITHOUT ROWID;
CREATE INDEX group_tags_by_tag ON group_tags(tag, group_id);
CREATE TABLE group_variables (
            group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (group_id, name)
        ) WITHOUT ROWID;
CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            basis INTEGER NOT NULL,                 -- 0 real JID, 1 occupant-id, 2 nick
            display_name TEXT NOT NULL DEFAULT '',  -- the nick last seen
            first_seen INTEGER,
            last_seen INTEGER,
            notes TEXT NOT NULL DEFAULT ''
        );
CREATE TABLE person_tags (
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            tag TEXT NOT NULL,
            PRIMARY KEY (person_id, position)
        ) WITHOUT ROWID;
CREATE INDEX person_tags_by_tag ON person_tags(tag, person_id);
CREATE TABLE members (
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
        ) WITHOUT ROWID;
CREATE INDEX members_by_person ON members(person_id);
INSERT INTO groups(id, jid, name, nick, autojoin, subject, time_zone, config_name, config_members_only, config_max_users, policy_open_invite_threshold, policy_hard_cap, policy_invite_closed, created_at, updated_at) VALUES (1, 'yoga@conference.example.org', 'Morning yoga', 'coach', 1, 'Stretch at 7', 'Europe/Paris', 'Yoga', 1, 300, 80, 300, 1, 1700000000000, 1700000000000);
INSERT INTO groups(id, jid, name, nick, autojoin, time_zone, created_at, updated_at) VALUES (2, 'zh@conference.example.org', '中文班', '老师', 0, 'Asia/Shanghai', 1700000000000, 1700000000000);
INSERT INTO group_tags(group_id, position, tag) VALUES (1, 0, 'fitness');
INSERT INTO group_tags(group_id, position, tag) VALUES (1, 1, 'paris');
INSERT INTO group_tags(group_id, position, tag) VALUES (2, 0, 'language');
INSERT INTO group_variables(group_id, name, value) VALUES (1, 'price', '12 EUR');
INSERT INTO group_variables(group_id, name, value) VALUES (2, 'meeting_point', '图书馆门口');
INSERT INTO people(id, key, basis, display_name, first_seen, last_seen, notes) VALUES (1, 'jid:alice@example.org', 0, 'alice', 1700000100000, 1700000500000, 'Prefers mornings; paid for March');
INSERT INTO people(id, key, basis, display_name, first_seen, last_seen, notes) VALUES (2, 'occ:zh@conference.example.org/occ-wang', 1, '小王', 1700000200000, 1700000600000, '');
INSERT INTO person_tags(person_id, position, tag) VALUES (1, 0, 'vip');
INSERT INTO members(group_id, person_id, nick, occupant_id, real_jid, role, affiliation, presence, joined_at, last_message_at, message_count) VALUES (1, 1, 'alice', NULL, 'alice@example.org', 'participant', 'member', 'away', 1700000100000, 1700000500000, 2);
INSERT INTO members(group_id, person_id, nick, occupant_id, real_jid, role, affiliation, presence, joined_at, last_message_at, message_count) VALUES (2, 2, '小王', 'occ-wang', NULL, 'participant', 'none', 'online', 1700000200000, 1700000600000, 2);
PRAGMA user_version = 1;
