#include "activities/Csv.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace chorus::activities::csv {

QString cell(const QString &text)
{
    QString value = text;
    if (!value.isEmpty() && QStringView(u"=+-@\t\r").contains(value.front()))
        value.prepend(u'\'');
    if (value.contains(u',') || value.contains(u'"') || value.contains(u'\n')
        || value.contains(u'\r')) {
        value.replace(u"\""_s, u"\"\""_s);
        value = u'"' + value + u'"';
    }
    return value;
}

QByteArray write(const QList<QStringList> &rows)
{
    QString out;
    for (const QStringList &row : rows) {
        QStringList cells;
        cells.reserve(row.size());
        for (const QString &c : row)
            cells.append(cell(c));
        out += cells.join(u',') + u"\r\n"_s;
    }
    return "\xEF\xBB\xBF" + out.toUtf8();
}

Expected<QList<Record>, ReadError> read(QStringView text)
{
    if (text.startsWith(QChar(0xFEFF)))
        text = text.mid(1);
    QList<Record> records;
    Record current;
    QString field;
    bool quoted = false; // inside a quoted field
    bool wasQuoted = false; // the current field was quoted (text after it is an error)
    bool recordHasContent = false;
    int line = 1;
    int quoteLine = 0;
    current.line = 1;

    auto endField = [&] {
        current.cells.append(field);
        field.clear();
        wasQuoted = false;
    };
    auto endRecord = [&] {
        endField();
        const bool blank
            = current.cells.size() == 1 && current.cells.front().isEmpty() && !recordHasContent;
        if (!blank)
            records.append(current);
        current = Record {};
        recordHasContent = false;
    };

    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text[i + 1] == u'"') {
                    field.append(u'"');
                    ++i;
                } else {
                    quoted = false;
                    wasQuoted = true;
                }
            } else {
                if (c == u'\n')
                    ++line;
                field.append(c);
            }
            continue;
        }
        if (c == u'"') {
            if (!field.isEmpty() || wasQuoted)
                return ReadError {
                    line,
                    QCoreApplication::translate("chorus::activities::Csv",
                                                "A quote (\") appears inside an unquoted value; "
                                                "quote the whole value and double inner quotes.")};
            quoted = true;
            recordHasContent = true;
            quoteLine = line;
        } else if (c == u',') {
            endField();
            recordHasContent = true;
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n')
                ++i;
            endRecord();
            ++line;
            current.line = line;
        } else {
            if (wasQuoted)
                return ReadError {line,
                                  QCoreApplication::translate(
                                      "chorus::activities::Csv",
                                      "Text follows a closing quote; put a comma after it.")};
            field.append(c);
        }
    }
    if (quoted)
        return ReadError {quoteLine,
                          QCoreApplication::translate("chorus::activities::Csv",
                                                      "A quoted value is never closed.")};
    if (!field.isEmpty() || !current.cells.isEmpty() || recordHasContent)
        endRecord();
    return records;
}

} // namespace chorus::activities::csv
