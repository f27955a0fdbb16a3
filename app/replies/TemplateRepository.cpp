#include "replies/TemplateRepository.h"

#include "store/JsonColumn.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace chorus::replies {
namespace {

using store::StoreError;
using store::Transaction;

// lupdate gives calls of tr() in this class's members the context below.
QString tr(const char *text)
{
    return QCoreApplication::translate("chorus::replies::TemplateRepository", text);
}

const QString kColumns = u"id, template_key, category, shortcut, scope_kind, attachment, "
                         "usage_count, last_used"_s;

QString scopeName(Scope::Kind kind)
{
    switch (kind) {
    case Scope::Kind::AllGroups: return u"all"_s;
    case Scope::Kind::Tagged: return u"tagged"_s;
    case Scope::Kind::Groups: return u"groups"_s;
    }
    return u"all"_s;
}

Scope::Kind scopeFromName(const QString &name)
{
    if (name == u"tagged")
        return Scope::Kind::Tagged;
    if (name == u"groups")
        return Scope::Kind::Groups;
    return Scope::Kind::AllGroups;
}

QVariant msOrNull(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch())
                          : QVariant(QMetaType::fromType<qint64>());
}

} // namespace

TemplateRepository::TemplateRepository(store::Database &db)
    : m_db(db),
      m_all(db, u"SELECT "_s + kColumns + u" FROM replies_templates ORDER BY position, id"_s),
      m_find(db, u"SELECT "_s + kColumns + u" FROM replies_templates WHERE template_key = ?"_s),
      m_variantsOf(db, u"SELECT language, title, body, keywords FROM replies_variants "
                       "WHERE template_id = ? ORDER BY language"_s),
      m_scopeOf(db, u"SELECT value FROM replies_scope_entries WHERE template_id = ? "
                    "ORDER BY position"_s),
      // Usage merges upwards: an edit made from a stale copy never lowers the count.
      m_upsert(db, uR"(INSERT INTO replies_templates(template_key, position, category, shortcut,
                scope_kind, attachment, usage_count, last_used, created_at, updated_at)
            VALUES (?, (SELECT coalesce(max(position), -1) + 1 FROM replies_templates),
                    ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(template_key) DO UPDATE SET
                category = excluded.category, shortcut = excluded.shortcut,
                scope_kind = excluded.scope_kind, attachment = excluded.attachment,
                usage_count = max(usage_count, excluded.usage_count),
                last_used = coalesce(max(last_used, excluded.last_used), last_used,
                                     excluded.last_used),
                updated_at = excluded.updated_at
            RETURNING id)"_s),
      m_clearVariants(db, u"DELETE FROM replies_variants WHERE template_id = ?"_s),
      m_addVariant(db, u"INSERT INTO replies_variants(template_id, language, title, body, "
                       "keywords) VALUES (?, ?, ?, ?, ?)"_s),
      m_clearScope(db, u"DELETE FROM replies_scope_entries WHERE template_id = ?"_s),
      m_addScope(db, u"INSERT INTO replies_scope_entries(template_id, position, value) "
                     "VALUES (?, ?, ?)"_s),
      m_remove(db, u"DELETE FROM replies_templates WHERE template_key = ?"_s),
      m_use(db, uR"(UPDATE replies_templates SET usage_count = usage_count + 1,
                last_used = coalesce(max(last_used, ?), ?)
            WHERE template_key = ? RETURNING usage_count)"_s),
      m_variables(db, u"SELECT name, descriptions, example FROM replies_variables "
                      "ORDER BY position, name"_s),
      m_declare(db, uR"(INSERT INTO replies_variables(name, position, descriptions, example)
            VALUES (?, (SELECT coalesce(max(position), -1) + 1 FROM replies_variables), ?, ?)
            ON CONFLICT(name) DO UPDATE SET descriptions = excluded.descriptions,
                example = excluded.example)"_s),
      m_removeVariable(db, u"DELETE FROM replies_variables WHERE name = ?"_s)
{
}

StoreError TemplateRepository::invalid(const QString &message, const QString &detail) const
{
    return StoreError{StoreError::Code::InvalidArgument, message, detail};
}

StoreError TemplateRepository::notFound(const QString &what) const
{
    return StoreError::make(StoreError::Code::NotFound, m_db.path(), what);
}

Expected<QList<Template>, StoreError> TemplateRepository::readTemplates(store::Statement &query)
{
    QList<Template> templates;
    QList<qint64> rowIds;
    while (query.next()) {
        Template t;
        rowIds.append(query.value(0).toLongLong());
        t.id = query.value(1).toString();
        t.category = query.value(2).toString();
        t.shortcut = query.value(3).toString();
        t.scope.kind = scopeFromName(query.value(4).toString());
        t.attachment = query.value(5).toString();
        t.usageCount = query.value(6).toInt();
        if (!query.isNull(7))
            t.lastUsed = QDateTime::fromMSecsSinceEpoch(query.value(7).toLongLong(), Qt::UTC);
        templates.append(t);
    }
    query.finish();
    for (qsizetype i = 0; i < templates.size(); ++i) {
        Template &t = templates[i];
        if (auto error = m_variantsOf.exec(rowIds.at(i)))
            return *error;
        while (m_variantsOf.next()) {
            t.variants.insert(m_variantsOf.value(0).toString(),
                              Variant{m_variantsOf.value(1).toString(),
                                      m_variantsOf.value(2).toString(),
                                      store::json::toList(m_variantsOf.value(3).toString())});
        }
        m_variantsOf.finish();
        if (t.scope.kind == Scope::Kind::AllGroups)
            continue;
        if (auto error = m_scopeOf.exec(rowIds.at(i)))
            return *error;
        QStringList &values = t.scope.kind == Scope::Kind::Tagged ? t.scope.tags : t.scope.groupIds;
        while (m_scopeOf.next())
            values.append(m_scopeOf.value(0).toString());
        m_scopeOf.finish();
    }
    return templates;
}

Expected<TemplateLibrary, StoreError> TemplateRepository::library()
{
    if (auto error = m_all.exec())
        return *error;
    const auto templates = readTemplates(m_all);
    if (!templates)
        return templates.error();
    TemplateLibrary library;
    for (const Template &t : templates.value())
        library.insert(t);
    if (auto error = m_variables.exec())
        return *error;
    while (m_variables.next()) {
        library.declare(VariableSpec{m_variables.value(0).toString(),
                                     store::json::toMap(m_variables.value(1).toString()),
                                     m_variables.value(2).toString()});
    }
    m_variables.finish();
    return library;
}

Expected<std::optional<Template>, StoreError> TemplateRepository::find(const QString &id)
{
    if (auto error = m_find.exec(id))
        return *error;
    const auto templates = readTemplates(m_find);
    if (!templates)
        return templates.error();
    if (templates.value().isEmpty())
        return std::optional<Template>();
    return std::optional<Template>(templates.value().first());
}

Expected<Done, StoreError> TemplateRepository::saveOne(const Template &t, qint64 now)
{
    const QList<TemplateProblem> problems = validate(t);
    if (!problems.isEmpty()) {
        QStringList lines;
        for (const TemplateProblem &problem : problems)
            lines << problem.field + u": "_s + problem.message;
        return invalid(tr("The template \"%1\" was not saved: %2")
                           .arg(t.id, lines.join(u"; "_s)),
                       u"template %1 invalid"_s.arg(t.id));
    }
    if (auto error = m_upsert.exec(t.id, t.category, store::nullable(t.shortcut),
                                   scopeName(t.scope.kind), store::nullable(t.attachment),
                                   t.usageCount, msOrNull(t.lastUsed), now, now))
        return *error;
    if (!m_upsert.next())
        return StoreError::make(StoreError::Code::Internal, m_db.path(), u"upsert gave no id"_s);
    const qint64 rowId = m_upsert.value(0).toLongLong();
    m_upsert.finish();
    if (auto error = m_clearVariants.exec(rowId))
        return *error;
    for (auto it = t.variants.cbegin(); it != t.variants.cend(); ++it) {
        if (auto error = m_addVariant.exec(rowId, it.key(), it->title, it->body,
                                           store::json::fromList(it->keywords)))
            return *error;
    }
    if (auto error = m_clearScope.exec(rowId))
        return *error;
    const QStringList values = t.scope.kind == Scope::Kind::Tagged ? t.scope.tags
        : t.scope.kind == Scope::Kind::Groups                      ? t.scope.groupIds
                                                                   : QStringList();
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (auto error = m_addScope.exec(rowId, int(i), values.at(i)))
            return *error;
    }
    return Done{};
}

Expected<Done, StoreError> TemplateRepository::save(const Template &t)
{
    Transaction transaction(m_db, Transaction::Durability::Full);
    if (auto error = transaction.begin())
        return *error;
    const auto saved = saveOne(t, QDateTime::currentMSecsSinceEpoch());
    if (!saved)
        return saved;
    if (auto error = transaction.commit())
        return *error;
    return Done{};
}

Expected<MergePlan, StoreError> TemplateRepository::merge(const TemplateLibrary &incoming)
{
    Transaction transaction(m_db, Transaction::Durability::Full);
    if (auto error = transaction.begin())
        return *error;
    const auto stored = library();
    if (!stored)
        return stored.error();
    const MergePlan plan = stored.value().planMerge(incoming);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const Template &t : incoming.templates()) {
        const auto saved = saveOne(t, now);
        if (!saved)
            return saved.error();
    }
    for (const VariableSpec &spec : incoming.variables()) {
        const auto declared = declareOne(spec);
        if (!declared)
            return declared.error();
    }
    if (auto error = transaction.commit())
        return *error;
    return plan;
}

Expected<Done, StoreError> TemplateRepository::remove(const QString &id)
{
    Transaction transaction(m_db, Transaction::Durability::Full);
    if (auto error = transaction.begin())
        return *error;
    if (auto error = m_remove.exec(id))
        return *error;
    if (m_remove.rowsAffected() == 0)
        return notFound(u"no template %1"_s.arg(id));
    if (auto error = transaction.commit())
        return *error;
    return Done{};
}

Expected<int, StoreError> TemplateRepository::recordUse(const QString &id, const QDateTime &when)
{
    if (!when.isValid())
        return invalid(tr("A template use needs a time."),
                       u"recordUse without a time"_s);
    // Usage feeds ranking only: a normal commit (a power cut may lose the latest counts).
    Transaction transaction(m_db);
    if (auto error = transaction.begin())
        return *error;
    if (auto error = m_use.exec(when.toMSecsSinceEpoch(), when.toMSecsSinceEpoch(), id))
        return *error;
    if (!m_use.next())
        return notFound(u"no template %1"_s.arg(id));
    const int count = m_use.value(0).toInt();
    m_use.finish();
    if (auto error = transaction.commit())
        return *error;
    return count;
}

Expected<Done, StoreError> TemplateRepository::declareOne(const VariableSpec &spec)
{
    if (spec.name.isEmpty())
        return invalid(tr("A group variable needs a name."),
                       u"variable without a name"_s);
    if (auto error = m_declare.exec(spec.name, store::json::fromMap(spec.descriptions),
                                    spec.example))
        return *error;
    return Done{};
}

Expected<Done, StoreError> TemplateRepository::declare(const VariableSpec &spec)
{
    Transaction transaction(m_db, Transaction::Durability::Full);
    if (auto error = transaction.begin())
        return *error;
    const auto declared = declareOne(spec);
    if (!declared)
        return declared;
    if (auto error = transaction.commit())
        return *error;
    return Done{};
}

Expected<Done, StoreError> TemplateRepository::removeVariable(const QString &name)
{
    Transaction transaction(m_db, Transaction::Durability::Full);
    if (auto error = transaction.begin())
        return *error;
    if (auto error = m_removeVariable.exec(name))
        return *error;
    if (m_removeVariable.rowsAffected() == 0)
        return notFound(u"no variable %1"_s.arg(name));
    if (auto error = transaction.commit())
        return *error;
    return Done{};
}

} // namespace chorus::replies
