#include "replies/LibraryCsv.h"

#include <QCoreApplication>
#include <QHash>

using namespace Qt::StringLiterals;

namespace chorus::replies {

namespace {

// lupdate and QCoreApplication::translate() agree on this context.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(chorus::replies::Import)
};

const QStringList kTemplateColumns = {u"id"_s,         u"category"_s,    u"shortcut"_s, u"scope"_s,
                                      u"attachment"_s, u"usage_count"_s, u"last_used"_s};
const QStringList kVariantFields = {u"title"_s, u"body"_s, u"keywords"_s};

struct Field
{
    QString text;
    int line = 1; ///< where the field starts
};

struct Record
{
    QList<Field> fields;
    int line = 1;
};

// Splits RFC 4180 text into records. A quoted field may span lines; its line is where
// it starts. Blank lines between records are skipped.
Expected<QList<Record>, ImportError> splitRecords(const QString &text)
{
    QList<Record> records;
    Record record;
    Field field;
    int line = 1;
    bool quoted = false, fieldWasQuoted = false, atFieldStart = true;
    int quoteLine = 0;
    const qsizetype n = text.size();
    const auto endField = [&] {
        record.fields.append(field);
        field = Field {{}, line};
        atFieldStart = true;
        fieldWasQuoted = false;
    };
    const auto endRecord = [&] {
        const bool blank = record.fields.isEmpty() && field.text.isEmpty() && !fieldWasQuoted;
        if (!blank) {
            endField();
            records.append(record);
        }
        record = Record {{}, line + 1};
        field = Field {{}, line + 1};
        atFieldStart = true;
        fieldWasQuoted = false;
    };
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < n && text.at(i + 1) == u'"') {
                    field.text.append(u'"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == u'\n')
                    ++line;
                field.text.append(c);
            }
            continue;
        }
        if (c == u'"' && atFieldStart) {
            quoted = fieldWasQuoted = true;
            quoteLine = line;
            atFieldStart = false;
        } else if (c == u'"') {
            const int column = int(record.fields.size()) + 1;
            return ImportError {
                ImportError::Code::Syntax,
                line,
                column,
                {},
                fieldWasQuoted ? Text::tr("text after a closing quote; a quote inside a quoted "
                                          "field is written \"\"")
                               : Text::tr("a quote in the middle of an unquoted field; quote the "
                                          "whole field")};
        } else if (c == u',') {
            endField();
        } else if (c == u'\r' && i + 1 < n && text.at(i + 1) == u'\n') {
            continue; // CRLF: the '\n' ends the record
        } else if (c == u'\n') {
            endRecord();
            ++line;
        } else {
            if (fieldWasQuoted)
                return ImportError {ImportError::Code::Syntax,
                                    line,
                                    int(record.fields.size()) + 1,
                                    {},
                                    Text::tr("text after a closing quote; a quote inside a quoted "
                                             "field is written \"\"")};
            field.text.append(c);
            atFieldStart = false;
        }
    }
    if (quoted)
        return ImportError {ImportError::Code::Syntax,
                            quoteLine,
                            int(record.fields.size()) + 1,
                            {},
                            Text::tr("a quoted field is never closed")};
    endRecord();
    return records;
}

QString quoteField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n')
        && !text.contains(u'\r') && text.trimmed() == text)
        return text;
    QString quoted = text;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

QString joinList(const QStringList &items)
{
    QStringList escaped;
    for (QString item : items)
        escaped.append(item.replace(u"\\"_s, u"\\\\"_s).replace(u";"_s, u"\\;"_s));
    return escaped.join(u';');
}

std::optional<QStringList> splitList(const QString &cell)
{
    QStringList items;
    if (cell.isEmpty())
        return items;
    QString current;
    for (qsizetype i = 0; i < cell.size(); ++i) {
        const QChar c = cell.at(i);
        if (c == u'\\') {
            if (i + 1 >= cell.size())
                return std::nullopt;
            current.append(cell.at(++i));
        } else if (c == u';') {
            items.append(current);
            current.clear();
        } else {
            current.append(c);
        }
    }
    items.append(current);
    return items;
}

QString scopeCell(const Scope &scope)
{
    switch (scope.kind) {
    case Scope::Kind::AllGroups:
        return u"all"_s;
    case Scope::Kind::Tagged:
        return u"tags:"_s + joinList(scope.tags);
    case Scope::Kind::Groups:
        return u"groups:"_s + joinList(scope.groupIds);
    }
    return u"all"_s;
}

} // namespace

ImportResult importLibraryCsv(const QByteArray &bytes)
{
    const auto decoded = decodeUtf8(bytes);
    if (!decoded)
        return decoded.error();
    const auto split = splitRecords(decoded.value());
    if (!split)
        return split.error();
    const QList<Record> &records = split.value();
    if (records.isEmpty())
        return ImportError {ImportError::Code::Empty, 0, 0, {}, Text::tr("the file is empty")};

    // Header: known template columns and <field>:<lang> columns, each once.
    const Record &header = records.first();
    QHash<QString, int> column;
    QStringList languages;
    for (int i = 0; i < header.fields.size(); ++i) {
        const QString name = header.fields.at(i).text.trimmed();
        const QString field = name.section(u':', 0, 0);
        const QString lang = name.section(u':', 1);
        const bool isVariant = kVariantFields.contains(field) && name.contains(u':');
        if (!kTemplateColumns.contains(name) && !isVariant)
            return ImportError {ImportError::Code::UnknownField, header.line, i + 1, name,
                                Text::tr("unknown column '%1' (expected %2 or title:<language>, "
                                         "body:<language>, keywords:<language>)")
                                    .arg(name, kTemplateColumns.join(u", "_s))};
        if (isVariant && normalizeLanguage(lang) != lang)
            return ImportError {ImportError::Code::InvalidValue, header.line, i + 1, name,
                                Text::tr("'%1' is not a language name like en or zh_CN").arg(lang)};
        if (column.contains(name))
            return ImportError {ImportError::Code::DuplicateId, header.line, i + 1, name,
                                Text::tr("column '%1' appears twice").arg(name)};
        column.insert(name, i);
        if (isVariant && !languages.contains(lang))
            languages.append(lang);
    }
    if (!column.contains(u"id"_s))
        return ImportError {ImportError::Code::MissingField, header.line, 0, u"id"_s,
                            Text::tr("the header has no 'id' column")};
    for (const QString &lang : languages) {
        for (const QString &required : {u"title:"_s + lang, u"body:"_s + lang}) {
            if (!column.contains(required))
                return ImportError {ImportError::Code::MissingField, header.line, 0, required,
                                    Text::tr("the header has no '%1' column").arg(required)};
        }
    }
    if (languages.isEmpty())
        return ImportError {ImportError::Code::MissingField, header.line, 0, u"body:en"_s,
                            Text::tr("the header has no language columns (title:en, body:en...)")};

    TemplateLibrary library;
    QHash<QString, int> lineOf;
    for (qsizetype r = 1; r < records.size(); ++r) {
        const Record &row = records.at(r);
        if (row.fields.size() != header.fields.size())
            return ImportError {ImportError::Code::FieldCount,
                                row.line,
                                0,
                                {},
                                Text::tr("this row has %1 fields, the header has %2")
                                    .arg(row.fields.size())
                                    .arg(header.fields.size())};
        const auto cell = [&](const QString &name) {
            const int at = column.value(name, -1);
            return at < 0 ? QString() : row.fields.at(at).text;
        };
        const auto fail = [&](ImportError::Code code, const QString &name, const QString &msg) {
            const int at = column.value(name, -1);
            return ImportError {code, at < 0 ? row.line : row.fields.at(at).line, at + 1, name,
                                msg};
        };

        Template t;
        t.id = cell(u"id"_s);
        t.category = cell(u"category"_s);
        t.shortcut = cell(u"shortcut"_s);
        t.attachment = cell(u"attachment"_s);

        const QString scope = cell(u"scope"_s);
        if (scope.startsWith(u"tags:"_s) || scope.startsWith(u"groups:"_s)) {
            const bool tags = scope.startsWith(u"tags:"_s);
            const auto list = splitList(scope.section(u':', 1));
            if (!list)
                return fail(ImportError::Code::InvalidValue, u"scope"_s,
                            Text::tr("a '\\' at the end of the list escapes nothing"));
            t.scope = tags ? Scope::tagged(*list) : Scope::groups(*list);
        } else if (!scope.isEmpty() && scope != u"all") {
            return fail(ImportError::Code::InvalidValue, u"scope"_s,
                        Text::tr("'%1' is not a scope: write all, tags:<tag;tag> or "
                                 "groups:<group;group>")
                            .arg(scope));
        }

        if (const QString count = cell(u"usage_count"_s); !count.isEmpty()) {
            bool ok = false;
            t.usageCount = count.toInt(&ok);
            if (!ok || t.usageCount < 0)
                return fail(ImportError::Code::InvalidValue, u"usage_count"_s,
                            Text::tr("the usage count must be a whole number, 0 or more"));
        }
        if (const QString last = cell(u"last_used"_s); !last.isEmpty()) {
            t.lastUsed = QDateTime::fromString(last, Qt::ISODateWithMs);
            if (!t.lastUsed.isValid() || t.lastUsed.timeSpec() == Qt::LocalTime)
                return fail(ImportError::Code::InvalidValue, u"last_used"_s,
                            Text::tr("'%1' is not a date and time with a zone, like "
                                     "2024-05-01T09:30:00Z")
                                .arg(last));
            t.lastUsed = t.lastUsed.toUTC();
        }

        for (const QString &lang : languages) {
            Variant v {cell(u"title:"_s + lang), cell(u"body:"_s + lang), {}};
            const auto keywords = splitList(cell(u"keywords:"_s + lang));
            if (!keywords)
                return fail(ImportError::Code::InvalidValue, u"keywords:"_s + lang,
                            Text::tr("a '\\' at the end of the list escapes nothing"));
            v.keywords = *keywords;
            if (v.title.isEmpty() && v.body.isEmpty() && v.keywords.isEmpty())
                continue; // no text in this language
            t.variants.insert(lang, v);
        }

        const QList<TemplateProblem> problems = validate(t);
        if (!problems.isEmpty()) {
            const TemplateProblem &p = problems.first();
            // "variants.en.body" -> column "body:en"; others are named as columns already.
            QString name = p.field;
            if (name.startsWith(u"variants."_s) && name.count(u'.') == 2)
                name = name.section(u'.', 2, 2) + u':' + name.section(u'.', 1, 1);
            else if (name.startsWith(u"scope."_s))
                name = u"scope"_s;
            else if (name == u"usage.count")
                name = u"usage_count"_s;
            else if (name == u"variants")
                name = u"title:"_s + languages.first();
            return fail(ImportError::Code::InvalidValue, name, p.message);
        }
        if (lineOf.contains(t.id))
            return fail(ImportError::Code::DuplicateId, u"id"_s,
                        Text::tr("template id '%1' is already used on line %2")
                            .arg(t.id)
                            .arg(lineOf.value(t.id)));
        lineOf.insert(t.id, row.line);
        library.insert(std::move(t));
    }

    ImportedLibrary imported {library, {}};
    imported.duplicateShortcuts
        = duplicateShortcuts(library, [&](const QString &id) { return lineOf.value(id); });
    return imported;
}

QByteArray exportLibraryCsv(const TemplateLibrary &library)
{
    QStringList languages;
    for (const Template &t : library.templates()) {
        for (const QString &lang : t.variants.keys()) {
            if (!languages.contains(lang))
                languages.append(lang);
        }
    }
    languages.sort();
    QStringList header = kTemplateColumns;
    for (const QString &lang : languages) {
        for (const QString &field : kVariantFields)
            header.append(field + u':' + lang);
    }
    QString out = header.join(u',') + u"\r\n"_s;
    for (const Template &t : library.templates()) {
        QStringList row
            = {t.id,
               t.category,
               t.shortcut,
               scopeCell(t.scope),
               t.attachment,
               QString::number(t.usageCount),
               t.lastUsed.isValid() ? t.lastUsed.toUTC().toString(Qt::ISODateWithMs) : QString()};
        for (const QString &lang : languages) {
            const Variant v = t.variants.value(lang);
            row << v.title << v.body << joinList(v.keywords);
        }
        for (QString &cell : row)
            cell = quoteField(cell);
        out += row.join(u',') + u"\r\n"_s;
    }
    return out.toUtf8();
}

} // namespace chorus::replies
