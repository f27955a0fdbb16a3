#include "replies/LibraryJson.h"

#include "replies/JsonLocator.h"
#include "replies/Renderer.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <limits>
#include <optional>

using namespace Qt::StringLiterals;

namespace chorus::replies {

namespace {

const auto kFormat = u"chorus-replies"_s;

// lupdate and QCoreApplication::translate() agree on this context.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(chorus::replies::Import)
};

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"true/false"_s;
    case QJsonValue::Double:
        return Text::tr("a number");
    case QJsonValue::String:
        return Text::tr("text");
    case QJsonValue::Array:
        return Text::tr("a list");
    case QJsonValue::Object:
        return Text::tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return Text::tr("nothing");
}

// Walks the parsed document; the first problem stops the import and is kept here.
class Reader
{
public:
    explicit Reader(const QString &text) : m_text(text) { }

    std::optional<ImportError> error;

    bool fail(ImportError::Code code, const QString &path, const QString &message)
    {
        if (!m_locator)
            m_locator.emplace(m_text);
        const auto [line, column] = lineColumn(m_text, m_locator->offsetOf(path));
        error = ImportError {code, line, column, path, message};
        return false;
    }

    int lineOf(const QString &path)
    {
        if (!m_locator)
            m_locator.emplace(m_text);
        return lineColumn(m_text, m_locator->offsetOf(path)).first;
    }

    bool onlyKeys(const QJsonObject &o, const QString &path, const QStringList &allowed)
    {
        for (const QString &key : o.keys()) {
            if (!allowed.contains(key)) {
                return fail(ImportError::Code::UnknownField, join(path, key),
                            Text::tr("unknown field '%1' (expected one of: %2)")
                                .arg(key, allowed.join(u", "_s)));
            }
        }
        return true;
    }

    static QString join(const QString &path, const QString &key)
    {
        return path.isEmpty() ? key : path + u'.' + key;
    }

    bool wrongType(const QString &path, const QString &expected, const QJsonValue &got)
    {
        return fail(ImportError::Code::WrongType, path,
                    Text::tr("expected %1, found %2").arg(expected, typeName(got)));
    }

    bool text(const QJsonObject &o, const QString &path, const QString &key, QString *out,
              bool required)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined()) {
            if (required)
                return fail(ImportError::Code::MissingField, path,
                            Text::tr("required field '%1' is missing").arg(key));
            return true;
        }
        if (!v.isString())
            return wrongType(join(path, key), Text::tr("text"), v);
        *out = v.toString();
        return true;
    }

    bool textList(const QJsonValue &v, const QString &path, QStringList *out)
    {
        if (!v.isArray())
            return wrongType(path, Text::tr("a list of text"), v);
        const QJsonArray array = v.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isString())
                return wrongType(path + u'[' + QString::number(i) + u']', Text::tr("text"),
                                 array.at(i));
            out->append(array.at(i).toString());
        }
        return true;
    }

    bool scope(const QJsonValue &v, const QString &path, Scope *out)
    {
        if (v.isUndefined() || v == QJsonValue(u"all"_s))
            return true;
        if (!v.isObject())
            return wrongType(path, Text::tr("\"all\" or an object with \"tags\" or \"groups\""), v);
        const QJsonObject o = v.toObject();
        if (!onlyKeys(o, path, {u"tags"_s, u"groups"_s}))
            return false;
        if (o.size() != 1)
            return fail(ImportError::Code::InvalidValue, path,
                        Text::tr("a scope has either \"tags\" or \"groups\""));
        if (o.contains(u"tags"_s)) {
            out->kind = Scope::Kind::Tagged;
            return textList(o.value(u"tags"_s), join(path, u"tags"_s), &out->tags);
        }
        out->kind = Scope::Kind::Groups;
        return textList(o.value(u"groups"_s), join(path, u"groups"_s), &out->groupIds);
    }

    bool usage(const QJsonValue &v, const QString &path, Template *t)
    {
        if (v.isUndefined())
            return true;
        if (!v.isObject())
            return wrongType(path, Text::tr("an object"), v);
        const QJsonObject o = v.toObject();
        if (!onlyKeys(o, path, {u"count"_s, u"lastUsed"_s}))
            return false;
        if (const QJsonValue count = o.value(u"count"_s); !count.isUndefined()) {
            const double d = count.toDouble(-1);
            if (!count.isDouble() || d < 0 || d > std::numeric_limits<int>::max()
                || d != std::floor(d))
                return fail(ImportError::Code::InvalidValue, join(path, u"count"_s),
                            Text::tr("the usage count must be a whole number, 0 or more"));
            t->usageCount = int(d);
        }
        QString last;
        if (!text(o, path, u"lastUsed"_s, &last, false))
            return false;
        if (!last.isEmpty()) {
            t->lastUsed = QDateTime::fromString(last, Qt::ISODateWithMs);
            if (!t->lastUsed.isValid() || t->lastUsed.timeSpec() == Qt::LocalTime)
                return fail(ImportError::Code::InvalidValue, join(path, u"lastUsed"_s),
                            Text::tr("'%1' is not a date and time with a zone, like "
                                     "2024-05-01T09:30:00Z")
                                .arg(last));
            t->lastUsed = t->lastUsed.toUTC();
        }
        return true;
    }

    bool variants(const QJsonValue &v, const QString &path, Template *t)
    {
        if (!v.isObject())
            return wrongType(path, Text::tr("an object of languages"), v);
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString vpath = join(path, it.key());
            if (normalizeLanguage(it.key()) != it.key())
                return fail(ImportError::Code::InvalidValue, vpath,
                            Text::tr("'%1' is not a language name like en or zh_CN").arg(it.key()));
            if (!it->isObject())
                return wrongType(vpath, Text::tr("an object"), *it);
            const QJsonObject vo = it->toObject();
            Variant variant;
            if (!onlyKeys(vo, vpath, {u"title"_s, u"body"_s, u"keywords"_s})
                || !text(vo, vpath, u"title"_s, &variant.title, true)
                || !text(vo, vpath, u"body"_s, &variant.body, true))
                return false;
            if (vo.contains(u"keywords"_s)
                && !textList(vo.value(u"keywords"_s), join(vpath, u"keywords"_s),
                             &variant.keywords))
                return false;
            t->variants.insert(it.key(), variant);
        }
        return true;
    }

    bool templateAt(const QJsonValue &v, const QString &path, Template *t)
    {
        if (!v.isObject())
            return wrongType(path, Text::tr("an object"), v);
        const QJsonObject o = v.toObject();
        if (!onlyKeys(o, path,
                      {u"id"_s, u"category"_s, u"shortcut"_s, u"scope"_s, u"attachment"_s,
                       u"usage"_s, u"variants"_s}))
            return false;
        if (!text(o, path, u"id"_s, &t->id, true)
            || !text(o, path, u"category"_s, &t->category, false)
            || !text(o, path, u"shortcut"_s, &t->shortcut, false)
            || !text(o, path, u"attachment"_s, &t->attachment, false)
            || !scope(o.value(u"scope"_s), join(path, u"scope"_s), &t->scope)
            || !usage(o.value(u"usage"_s), join(path, u"usage"_s), t))
            return false;
        if (!o.contains(u"variants"_s))
            return fail(ImportError::Code::MissingField, path,
                        Text::tr("required field 'variants' is missing"));
        if (!variants(o.value(u"variants"_s), join(path, u"variants"_s), t))
            return false;
        const QList<TemplateProblem> problems = validate(*t);
        if (!problems.isEmpty()) {
            const TemplateProblem &p = problems.first();
            QString message = p.message;
            if (p.position >= 0)
                message = Text::tr("%1 (template %2)").arg(message, t->id);
            return fail(ImportError::Code::InvalidValue, join(path, p.field), message);
        }
        return true;
    }

    bool variable(const QJsonValue &v, const QString &path, VariableSpec *spec)
    {
        if (!v.isObject())
            return wrongType(path, Text::tr("an object"), v);
        const QJsonObject o = v.toObject();
        if (!onlyKeys(o, path, {u"name"_s, u"description"_s, u"example"_s})
            || !text(o, path, u"name"_s, &spec->name, true)
            || !text(o, path, u"example"_s, &spec->example, false))
            return false;
        if (!isValidVariableName(spec->name))
            return fail(
                ImportError::Code::InvalidValue, join(path, u"name"_s),
                Text::tr("'%1' is not a variable name (letters, digits and '_')").arg(spec->name));
        if (TemplateRenderer::builtins().contains(spec->name))
            return fail(ImportError::Code::InvalidValue, join(path, u"name"_s),
                        Text::tr("'%1' is built in and cannot be redefined").arg(spec->name));
        const QJsonValue d = o.value(u"description"_s);
        if (d.isUndefined())
            return true;
        if (!d.isObject())
            return wrongType(join(path, u"description"_s), Text::tr("an object of languages"), d);
        const QJsonObject descriptions = d.toObject();
        for (auto it = descriptions.begin(); it != descriptions.end(); ++it) {
            const QString dpath = join(join(path, u"description"_s), it.key());
            if (normalizeLanguage(it.key()) != it.key())
                return fail(ImportError::Code::InvalidValue, dpath,
                            Text::tr("'%1' is not a language name like en or zh_CN").arg(it.key()));
            if (!it->isString())
                return wrongType(dpath, Text::tr("text"), *it);
            spec->descriptions.insert(it.key(), it->toString());
        }
        return true;
    }

private:
    const QString &m_text;
    std::optional<JsonLocator> m_locator;
};

} // namespace

ImportResult importLibraryJson(const QByteArray &bytes)
{
    const auto decoded = decodeUtf8(bytes);
    if (!decoded)
        return decoded.error();
    const QString text = decoded.value();
    if (text.trimmed().isEmpty())
        return ImportError {ImportError::Code::Empty, 0, 0, {}, Text::tr("the file is empty")};

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // The offset counts UTF-8 bytes; count characters for the column.
        const QString before = QString::fromUtf8(text.toUtf8().left(parseError.offset));
        const auto [line, column] = lineColumn(text, before.size());
        return ImportError {ImportError::Code::Syntax,
                            line,
                            column,
                            {},
                            Text::tr("not valid JSON: %1").arg(parseError.errorString())};
    }

    Reader r(text);
    if (!doc.isObject()) {
        r.fail(ImportError::Code::WrongFormat, {}, Text::tr("a reply library is a JSON object"));
        return *r.error;
    }
    const QJsonObject root = doc.object();
    if (root.value(u"format"_s).toString() != kFormat) {
        r.fail(ImportError::Code::WrongFormat, u"format"_s,
               Text::tr("not a Chorus reply library (\"format\" must be \"%1\")").arg(kFormat));
        return *r.error;
    }
    const QJsonValue version = root.value(u"version"_s);
    if (!version.isDouble() || version.toDouble() != std::floor(version.toDouble())
        || version.toInt() < 1 || version.toInt() > kLibraryJsonVersion) {
        r.fail(ImportError::Code::UnsupportedVersion, u"version"_s,
               Text::tr("schema version %1 is not supported (this Chorus reads 1 to %2)")
                   .arg(version.toVariant().toString())
                   .arg(kLibraryJsonVersion));
        return *r.error;
    }
    if (!r.onlyKeys(root, {}, {u"format"_s, u"version"_s, u"variables"_s, u"templates"_s}))
        return *r.error;

    TemplateLibrary library;
    const QJsonValue variables = root.value(u"variables"_s);
    if (!variables.isUndefined()) {
        if (!variables.isArray()) {
            r.wrongType(u"variables"_s, Text::tr("a list"), variables);
            return *r.error;
        }
        const QJsonArray array = variables.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString path = u"variables["_s + QString::number(i) + u']';
            VariableSpec spec;
            if (!r.variable(array.at(i), path, &spec))
                return *r.error;
            if (library.variableNames().contains(spec.name)) {
                r.fail(ImportError::Code::DuplicateId, path + u".name"_s,
                       Text::tr("variable '%1' is declared twice").arg(spec.name));
                return *r.error;
            }
            library.declare(spec);
        }
    }

    const QJsonValue templates = root.value(u"templates"_s);
    if (!templates.isArray()) {
        if (templates.isUndefined())
            r.fail(ImportError::Code::MissingField, {},
                   Text::tr("required field 'templates' is missing"));
        else
            r.wrongType(u"templates"_s, Text::tr("a list"), templates);
        return *r.error;
    }
    const QJsonArray array = templates.toArray();
    QHash<QString, int> indexOf;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = u"templates["_s + QString::number(i) + u']';
        Template t;
        if (!r.templateAt(array.at(i), path, &t))
            return *r.error;
        if (const auto it = indexOf.constFind(t.id); it != indexOf.cend()) {
            r.fail(ImportError::Code::DuplicateId, path + u".id"_s,
                   Text::tr("template id '%1' is already used on line %2")
                       .arg(t.id)
                       .arg(r.lineOf(u"templates["_s + QString::number(*it) + u"].id"_s)));
            return *r.error;
        }
        indexOf.insert(t.id, int(i));
        library.insert(std::move(t));
    }

    ImportedLibrary imported {library, {}};
    imported.duplicateShortcuts = duplicateShortcuts(library, [&](const QString &id) {
        return r.lineOf(u"templates["_s + QString::number(indexOf.value(id)) + u"].shortcut"_s);
    });
    return imported;
}

QByteArray exportLibraryJson(const TemplateLibrary &library)
{
    QJsonObject root;
    root.insert(u"format"_s, kFormat);
    root.insert(u"version"_s, kLibraryJsonVersion);
    QJsonArray variables;
    for (const VariableSpec &v : library.variables()) {
        QJsonObject o {{u"name"_s, v.name}};
        if (!v.descriptions.isEmpty()) {
            QJsonObject d;
            for (auto it = v.descriptions.cbegin(); it != v.descriptions.cend(); ++it)
                d.insert(it.key(), *it);
            o.insert(u"description"_s, d);
        }
        if (!v.example.isEmpty())
            o.insert(u"example"_s, v.example);
        variables.append(o);
    }
    if (!variables.isEmpty())
        root.insert(u"variables"_s, variables);

    QJsonArray templates;
    for (const Template &t : library.templates()) {
        QJsonObject o {{u"id"_s, t.id}};
        if (!t.category.isEmpty())
            o.insert(u"category"_s, t.category);
        if (!t.shortcut.isEmpty())
            o.insert(u"shortcut"_s, t.shortcut);
        if (t.scope.kind == Scope::Kind::Tagged)
            o.insert(u"scope"_s,
                     QJsonObject {{u"tags"_s, QJsonArray::fromStringList(t.scope.tags)}});
        else if (t.scope.kind == Scope::Kind::Groups)
            o.insert(u"scope"_s,
                     QJsonObject {{u"groups"_s, QJsonArray::fromStringList(t.scope.groupIds)}});
        if (!t.attachment.isEmpty())
            o.insert(u"attachment"_s, t.attachment);
        if (t.usageCount != 0 || t.lastUsed.isValid()) {
            QJsonObject usage {{u"count"_s, t.usageCount}};
            if (t.lastUsed.isValid())
                usage.insert(u"lastUsed"_s, t.lastUsed.toUTC().toString(Qt::ISODateWithMs));
            o.insert(u"usage"_s, usage);
        }
        QJsonObject variants;
        for (auto it = t.variants.cbegin(); it != t.variants.cend(); ++it) {
            QJsonObject v {{u"title"_s, it->title}, {u"body"_s, it->body}};
            if (!it->keywords.isEmpty())
                v.insert(u"keywords"_s, QJsonArray::fromStringList(it->keywords));
            variants.insert(it.key(), v);
        }
        o.insert(u"variants"_s, variants);
        templates.append(o);
    }
    root.insert(u"templates"_s, templates);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace chorus::replies
