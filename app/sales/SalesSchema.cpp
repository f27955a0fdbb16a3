// The sales module's tables. A released step is never edited: append a step instead (see
// app/store/README.md). Times are INTEGER ms since the epoch, UTC. Money is INTEGER minor
// units plus a TEXT ISO 4217 code, never REAL, and never summed across currencies.
//
// Owners: sales_catalog_items, sales_catalog_options → CatalogRepository; sales_orders,
// sales_order_lines, sales_order_totals, sales_order_events → OrderRepository.

#include "sales/SalesSchema.h"

using namespace Qt::StringLiterals;

namespace chorus::sales {
namespace {

const QString kStates =
    u"('none', 'draft', 'quoted', 'confirmed', 'paid', 'fulfilled', 'cancelled', 'refunded')"_s;

store::Migration catalogAndOrders()
{
    return {1, u"catalog, orders, order lines, totals and event history"_s, {
        // What the workspace sells, in the operator's order. Lists are JSON arrays.
        uR"(CREATE TABLE sales_catalog_items (
            id INTEGER PRIMARY KEY,
            item_key TEXT NOT NULL UNIQUE,          -- CatalogItem::id
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            synonyms_en TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(synonyms_en)),
            synonyms_zh TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(synonyms_zh)),
            description TEXT NOT NULL DEFAULT '',
            price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
            currency TEXT NOT NULL CHECK (length(currency) = 3),
            priced_per TEXT NOT NULL DEFAULT 'item' CHECK (priced_per IN ('item', 'person')),
            availability TEXT NOT NULL DEFAULT 'all'
                CHECK (availability IN ('all', 'tags', 'groups')),
            availability_values TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(availability_values)),
            updated_at INTEGER NOT NULL
        ))"_s,
        uR"(CREATE TABLE sales_catalog_options (
            item_id INTEGER NOT NULL REFERENCES sales_catalog_items(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            option_key TEXT NOT NULL,
            kind TEXT NOT NULL
                CHECK (kind IN ('datetime', 'date', 'party_size', 'pickup_point', 'text')),
            required INTEGER NOT NULL DEFAULT 0,
            label TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (item_id, position),
            UNIQUE (item_id, option_key)
        ) WITHOUT ROWID)"_s,
        // An order. The group, customer and source message link to the core rows while
        // those exist (SET NULL when removed); the JID, person key and stanza-id are kept
        // as text so that an order, a business record, outlives the chat room it came from.
        // `state` caches the fold of the order's events (OrderLifecycle) for filtering; it
        // is rewritten with every event, in the same transaction.
        uR"(CREATE TABLE sales_orders (
            id INTEGER PRIMARY KEY,
            order_key TEXT NOT NULL UNIQUE,         -- Order::id (a UUID)
            number_prefix TEXT NOT NULL,            -- "BALI" of BALI-20260506-007
            number_day TEXT NOT NULL,               -- group-local day, 'YYYY-MM-DD'
            number_sequence INTEGER NOT NULL CHECK (number_sequence >= 1),
            group_id INTEGER REFERENCES groups(id) ON DELETE SET NULL,
            group_jid TEXT NOT NULL,
            customer_person INTEGER REFERENCES people(id) ON DELETE SET NULL,
            customer_key TEXT,                      -- chat::PersonKey value
            customer_nick TEXT,
            source_message INTEGER REFERENCES messages(id) ON DELETE SET NULL,
            source_message_id TEXT,                 -- XEP-0359 id of the request
            when_at INTEGER,                        -- the booked time, UTC ms
            when_zone TEXT,                         -- its IANA zone (NULL: when_offset)
            when_offset INTEGER,                    -- seconds east of UTC without a zone
            date_only INTEGER NOT NULL DEFAULT 0,
            party_size INTEGER NOT NULL DEFAULT 0,
            notes TEXT NOT NULL DEFAULT '',
            state TEXT NOT NULL CHECK (state IN )"_s + kStates + uR"(),
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            UNIQUE (number_prefix, number_day, number_sequence)
        ))"_s,
        u"CREATE INDEX sales_orders_by_group ON sales_orders(group_jid, created_at)"_s,
        u"CREATE INDEX sales_orders_by_customer ON sales_orders(customer_key) "
        "WHERE customer_key IS NOT NULL"_s,
        u"CREATE INDEX sales_orders_by_state ON sales_orders(state, created_at)"_s,
        u"CREATE INDEX sales_orders_by_created ON sales_orders(created_at)"_s,
        uR"(CREATE TABLE sales_order_lines (
            order_id INTEGER NOT NULL REFERENCES sales_orders(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            item_key TEXT NOT NULL,                 -- catalog id when ordered (no key: the
            item_name TEXT NOT NULL,                -- catalog may change or drop the item)
            quantity INTEGER NOT NULL CHECK (quantity >= 1),
            unit_minor INTEGER NOT NULL,
            currency TEXT NOT NULL CHECK (length(currency) = 3),
            note TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (order_id, position)
        ) WITHOUT ROWID)"_s,
        // The order's total per currency (sum of its lines), for reports in SQL.
        uR"(CREATE TABLE sales_order_totals (
            order_id INTEGER NOT NULL REFERENCES sales_orders(id) ON DELETE CASCADE,
            currency TEXT NOT NULL CHECK (length(currency) = 3),
            total_minor INTEGER NOT NULL,
            PRIMARY KEY (order_id, currency)
        ) WITHOUT ROWID)"_s,
        u"CREATE INDEX sales_order_totals_by_currency ON sales_order_totals(currency)"_s,
        // The audit trail: append-only (triggers below refuse changes and deletes, and the
        // key to sales_orders has no cascade, so an order with history cannot be deleted).
        uR"(CREATE TABLE sales_order_events (
            id INTEGER PRIMARY KEY,
            event_key TEXT NOT NULL UNIQUE,         -- OrderEvent::id (a UUID)
            order_id INTEGER NOT NULL REFERENCES sales_orders(id),
            author TEXT NOT NULL,                   -- operator account (bare JID)
            at INTEGER NOT NULL,
            message_id TEXT,                        -- XEP-0359 id of the chat message
            message INTEGER REFERENCES messages(id) ON DELETE SET NULL,
            from_state TEXT NOT NULL CHECK (from_state IN )"_s + kStates + uR"(),
            to_state TEXT NOT NULL CHECK (to_state IN )"_s + kStates + uR"(),
            note TEXT NOT NULL DEFAULT ''
        ))"_s,
        u"CREATE INDEX sales_order_events_by_order ON sales_order_events(order_id, id)"_s,
        // `message` may still be cleared by its ON DELETE SET NULL (a removed group).
        uR"(CREATE TRIGGER sales_order_events_append_only
            BEFORE UPDATE OF event_key, order_id, author, at, message_id, from_state, to_state,
                note ON sales_order_events
            BEGIN SELECT RAISE(ABORT, 'order events are append-only'); END)"_s,
        uR"(CREATE TRIGGER sales_order_events_kept
            BEFORE DELETE ON sales_order_events
            BEGIN SELECT RAISE(ABORT, 'order events are append-only'); END)"_s,
    }, {}};
}

} // namespace

store::SchemaModule salesSchema()
{
    return {u"sales"_s, {catalogAndOrders()}};
}

} // namespace chorus::sales
