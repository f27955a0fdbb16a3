#pragma once

// The template library as the account store keeps it. Owns the replies_* tables (see
// RepliesSchema.cpp); build it on the store's threads, e.g.
// `session.repository<replies::TemplateRepository>()` inside AsyncStore::write/read.

#include "replies/Library.h"
#include "replies/Template.h"

#include "core/Expected.h"
#include "store/Statement.h"
#include "store/StoreError.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace chorus::replies {

/// Templates (with language variants, scope, usage count and last use) and the library's
/// declared group variables. Writes of what the operator typed commit durably.
class TemplateRepository
{
public:
    explicit TemplateRepository(store::Database &db);

    /// The whole library: templates in library order with their usage, and the variables.
    Expected<TemplateLibrary, store::StoreError> library();
    /// The template with this id, or nullopt.
    Expected<std::optional<Template>, store::StoreError> find(const QString &id);

    /// Inserts `t` (at the end of the library) or replaces the template with its id in
    /// place. Refuses a template validate() finds problems in. Usage is never lowered:
    /// the higher count and the later last use of the stored and the given one are kept.
    Expected<Done, store::StoreError> save(const Template &t);
    /// Merges an imported library in one transaction (all or nothing), like
    /// TemplateLibrary::merge(); returns what it changed, planned against the stored library.
    Expected<MergePlan, store::StoreError> merge(const TemplateLibrary &incoming);
    /// Removes the template; NotFound when there is none.
    Expected<Done, store::StoreError> remove(const QString &id);

    /// Counts one use of template `id` at `when`; returns the new usage count.
    Expected<int, store::StoreError> recordUse(const QString &id, const QDateTime &when);

    /// Declares (or replaces, by name) a group variable.
    Expected<Done, store::StoreError> declare(const VariableSpec &spec);
    /// Removes a declared variable; NotFound when there is none.
    Expected<Done, store::StoreError> removeVariable(const QString &name);

private:
    Expected<Done, store::StoreError> saveOne(const Template &t, qint64 now);
    Expected<Done, store::StoreError> declareOne(const VariableSpec &spec);
    Expected<QList<Template>, store::StoreError> readTemplates(store::Statement &query);
    store::StoreError invalid(const QString &message, const QString &detail) const;
    store::StoreError notFound(const QString &what) const;

    store::Database &m_db;
    store::Statement m_all, m_find, m_variantsOf, m_scopeOf, m_upsert,
        m_clearVariants, m_addVariant, m_clearScope, m_addScope, m_remove, m_use, m_variables,
        m_declare, m_removeVariable;
};

} // namespace chorus::replies
