#pragma once

// RFC 4180 records: comma-separated, fields with a comma, quote or line break are
// quoted and their quotes doubled. Records end with CRLF when written; CRLF or LF
// is accepted when read.

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace chorus::sales::csv {

/// One record and the (1-based) line it starts on.
struct Record
{
    int line = 0;
    QStringList fields;
};

/// Where and why the text is not well-formed CSV.
struct SyntaxError
{
    int line = 0;
    QString reason;
};

/// Splits `text` into records; blank lines are skipped. Nothing on a syntax error.
std::optional<QList<Record>> parse(QStringView text, SyntaxError *error = nullptr);

/// One field, quoted only when it has to be (or when it has edge spaces, which
/// spreadsheet programs would otherwise trim).
QString quoteField(const QString &field);
/// One record with its CRLF.
QString formatRecord(const QStringList &fields);

} // namespace chorus::sales::csv
