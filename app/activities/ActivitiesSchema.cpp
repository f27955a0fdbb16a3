// The activities module's tables. A released step is never edited: append a step instead
// (see app/store/README.md). Times are INTEGER ms since the epoch, UTC.
//
// Owners: activities_definitions, activities_targets, activities_firings →
// ActivityRepository; activities_signup_runs, activities_signup_entries → SignupRepository.

#include "activities/ActivitiesSchema.h"

using namespace Qt::StringLiterals;

namespace chorus::activities {
namespace {

store::Migration definitionsAndFirings()
{
    return {1, u"activity definitions, targets, firing log, sign-up runs"_s, {
        // An activity as the operator set it up. The schedule is the RRULE with its start
        // on each target group's wall clock (the zone is the group's).
        uR"(CREATE TABLE activities_definitions (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('post', 'signup', 'wordchain', 'interview')),
            title TEXT NOT NULL,
            payload TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(payload)),
            rrule TEXT NOT NULL DEFAULT '',         -- '' = started by hand only
            start_date TEXT,                        -- 'YYYY-MM-DD', group wall clock
            start_time TEXT,                        -- 'HH:MM:SS'
            catch_up TEXT NOT NULL DEFAULT 'fire_once_late'
                CHECK (catch_up IN ('skip', 'fire_once_late', 'ask')),
            catch_up_grace_s INTEGER NOT NULL DEFAULT 120,
            catch_up_late_window_s INTEGER NOT NULL DEFAULT 7200,
            spacing_s INTEGER NOT NULL DEFAULT 30,  -- between sends of one firing
            enabled INTEGER NOT NULL DEFAULT 1,
            enabled_since INTEGER,                  -- firings before it never count
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        ))"_s,
        // The groups an activity posts in. covered_until: the catch-up decision's
        // coveredUntil (firings up to it were decided even if none was recorded).
        uR"(CREATE TABLE activities_targets (
            activity_id INTEGER NOT NULL REFERENCES activities_definitions(id) ON DELETE CASCADE,
            group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            covered_until INTEGER,
            PRIMARY KEY (activity_id, group_id)
        ) WITHOUT ROWID)"_s,
        u"CREATE INDEX activities_targets_by_group ON activities_targets(group_id)"_s,
        // Every scheduled occurrence in every target group, recorded once: the unique key
        // is what refuses a second firing, in the transaction that stores the message
        // sent (by origin-id). One occurrence of a multi-group activity is one row per
        // group, each with its own message.
        uR"(CREATE TABLE activities_firings (
            id INTEGER PRIMARY KEY,
            activity_id INTEGER NOT NULL REFERENCES activities_definitions(id) ON DELETE CASCADE,
            group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
            occurrence INTEGER NOT NULL,            -- the scheduled instant (Firing::at)
            outcome TEXT NOT NULL CHECK (outcome IN ('sent', 'skipped', 'asked')),
            origin_id TEXT,                         -- XEP-0359 origin-id of the message sent
            message INTEGER REFERENCES messages(id) ON DELETE SET NULL,
            recorded_at INTEGER NOT NULL,
            UNIQUE (activity_id, group_id, occurrence)
        ))"_s,
        u"CREATE INDEX activities_firings_waiting ON activities_firings(activity_id) "
        "WHERE outcome = 'asked'"_s,
        // One run of a sign-up chain (one occurrence in one group) and its canonical list.
        uR"(CREATE TABLE activities_signup_runs (
            id INTEGER PRIMARY KEY,
            activity_id INTEGER NOT NULL REFERENCES activities_definitions(id) ON DELETE CASCADE,
            group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
            occurrence INTEGER NOT NULL,
            closed INTEGER NOT NULL DEFAULT 0,
            updated_at INTEGER NOT NULL,
            UNIQUE (activity_id, group_id, occurrence)
        ))"_s,
        uR"(CREATE TABLE activities_signup_entries (
            run_id INTEGER NOT NULL REFERENCES activities_signup_runs(id) ON DELETE CASCADE,
            waitlist INTEGER NOT NULL CHECK (waitlist IN (0, 1)),
            position INTEGER NOT NULL,              -- 0-based on the list or the waitlist
            person_key TEXT NOT NULL,               -- chat::PersonKey value
            person_basis INTEGER NOT NULL,
            person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
            nick TEXT NOT NULL,
            field_values TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(field_values)),
            note TEXT NOT NULL DEFAULT '',
            joined_at INTEGER,
            PRIMARY KEY (run_id, waitlist, position),
            UNIQUE (run_id, person_key)
        ) WITHOUT ROWID)"_s,
    }, {}};
}

} // namespace

store::SchemaModule activitiesSchema()
{
    return {u"activities"_s, {definitionsAndFirings()}};
}

} // namespace chorus::activities
