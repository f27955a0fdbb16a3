#include "sales/Csv.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace chorus::sales::csv {

std::optional<QList<Record>> parse(QStringView text, SyntaxError *error)
{
    QList<Record> records;
    Record current;
    QString field;
    int line = 1;
    bool inQuotes = false;
    bool fieldWasQuoted = false; // the field had quotes: only a delimiter may follow
    bool recordHasContent = false;
    int quoteStartLine = 0;

    const auto fail = [&](int at, const QString &reason) {
        if (error)
            *error = SyntaxError {at, reason};
        return std::nullopt;
    };
    const auto endField = [&] {
        current.fields.append(field);
        field.clear();
        fieldWasQuoted = false;
    };
    const auto endRecord = [&] {
        // A blank line is not a record with one empty field.
        if (recordHasContent || !current.fields.isEmpty()) {
            endField();
            records.append(current);
        }
        current = Record {};
        field.clear();
        fieldWasQuoted = false;
        recordHasContent = false;
    };

    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (current.line == 0)
            current.line = line;
        if (inQuotes) {
            if (c == u'"') {
                if (i + 1 < n && text.at(i + 1) == u'"') {
                    field.append(u'"');
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == u'\n')
                    ++line;
                field.append(c);
            }
            continue;
        }
        if (c == u'"') {
            if (!field.isEmpty() || fieldWasQuoted)
                return fail(line,
                            QCoreApplication::translate(
                                "chorus::sales::Csv",
                                "a quote inside an unquoted field (quote the whole field "
                                "and double the quote)"));
            inQuotes = true;
            fieldWasQuoted = true;
            recordHasContent = true;
            quoteStartLine = line;
        } else if (c == u',') {
            endField();
            recordHasContent = true;
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < n && text.at(i + 1) == u'\n')
                ++i;
            endRecord();
            ++line;
        } else {
            if (fieldWasQuoted)
                return fail(line,
                            QCoreApplication::translate(
                                "chorus::sales::Csv",
                                "text after a closing quote (a field is either quoted "
                                "completely or not at all)"));
            field.append(c);
            recordHasContent = true;
        }
    }
    if (inQuotes)
        return fail(
            quoteStartLine,
            QCoreApplication::translate("chorus::sales::Csv", "a quoted field is never closed"));
    endRecord();
    return records;
}

QString quoteField(const QString &field)
{
    bool needsQuotes = !field.isEmpty() && (field.front().isSpace() || field.back().isSpace());
    for (const QChar c : field) {
        if (c == u',' || c == u'"' || c == u'\r' || c == u'\n') {
            needsQuotes = true;
            break;
        }
    }
    if (!needsQuotes)
        return field;
    QString quoted = field;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

QString formatRecord(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &field : fields)
        quoted.append(quoteField(field));
    return quoted.join(u',') + u"\r\n"_s;
}

} // namespace chorus::sales::csv
