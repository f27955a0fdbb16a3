// The replies module's tables. A released step is never edited: append a step instead
// (see app/store/README.md). Times are INTEGER ms since the epoch, UTC; lists of words
// are JSON arrays of strings.
//
// Each table belongs to TemplateRepository, the only code writing it.

#include "replies/RepliesSchema.h"

using namespace Qt::StringLiterals;

namespace chorus::replies {
namespace {

store::Migration templates()
{
    return {1, u"template library, language variants, scopes, usage"_s, {
        // One canned reply. `position` keeps the library's order (the operator's order).
        uR"(CREATE TABLE replies_templates (
            id INTEGER PRIMARY KEY,
            template_key TEXT NOT NULL UNIQUE,      -- Template::id ("travel.power-plug")
            position INTEGER NOT NULL,
            category TEXT NOT NULL DEFAULT '',
            shortcut TEXT,                          -- "/plug"; NULL when none
            scope_kind TEXT NOT NULL DEFAULT 'all'
                CHECK (scope_kind IN ('all', 'tagged', 'groups')),
            attachment TEXT,                        -- local path or http(s) URL
            usage_count INTEGER NOT NULL DEFAULT 0 CHECK (usage_count >= 0),
            last_used INTEGER,                      -- NULL when never used
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        ))"_s,
        u"CREATE INDEX replies_templates_by_shortcut ON replies_templates(shortcut) "
        "WHERE shortcut IS NOT NULL"_s,
        // The text of a template per language ("en", "zh_CN"...).
        uR"(CREATE TABLE replies_variants (
            template_id INTEGER NOT NULL REFERENCES replies_templates(id) ON DELETE CASCADE,
            language TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            keywords TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(keywords)),
            PRIMARY KEY (template_id, language)
        ) WITHOUT ROWID)"_s,
        // Scope entries: tags (scope_kind 'tagged') or room JIDs (scope_kind 'groups').
        // Room JIDs stay text, not a key into groups: an imported library may name rooms
        // this account has not joined yet, and removing a group must not widen a scope.
        uR"(CREATE TABLE replies_scope_entries (
            template_id INTEGER NOT NULL REFERENCES replies_templates(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (template_id, position)
        ) WITHOUT ROWID)"_s,
        // Group variables the library declares ({plug_type}), described for the operator.
        // Their values per group live in the core's group_variables (GroupRepository).
        uR"(CREATE TABLE replies_variables (
            name TEXT PRIMARY KEY,
            position INTEGER NOT NULL,
            descriptions TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(descriptions)),
            example TEXT NOT NULL DEFAULT ''
        ) WITHOUT ROWID)"_s,
    }, {}};
}

} // namespace

store::SchemaModule repliesSchema()
{
    return {u"replies"_s, {templates()}};
}

} // namespace chorus::replies
