#pragma once

// RFC 4180 CSV: the writer guards against spreadsheet formula injection (member text
// that starts with = + - @ is prefixed with an apostrophe); the reader keeps each
// record's starting line number for error messages.

#include "core/Expected.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace chorus::activities::csv {

/// One cell, quoted when needed, formula-guarded.
QString cell(const QString &text);

/// Rows as UTF-8 with a byte-order mark (spreadsheets then read CJK right) and CRLF.
QByteArray write(const QList<QStringList> &rows);

struct Record
{
    int line = 0; ///< 1-based line where the record starts
    QStringList cells;
};

struct ReadError
{
    int line = 0;
    QString reason; ///< translated
};

/// Parses @p text (a leading BOM is ignored; blank lines are skipped).
Expected<QList<Record>, ReadError> read(QStringView text);

} // namespace chorus::activities::csv
