#pragma once

// The CSV form of a reply library, for spreadsheets and translators: one row per
// template, one title/body/keywords column triple per language. CSV carries templates
// only; variable declarations travel in the JSON form. Import is all or nothing.
//
// Columns: id, category, shortcut, scope, attachment, usage_count, last_used, then
// title:<lang>, body:<lang>, keywords:<lang> per language. Only id and one body/title
// pair are required. Lists (keywords, scope tags or groups) are ';'-separated with
// "\;" and "\\" as escapes; a scope cell is "all", "tags:a;b" or "groups:a;b".

#include "replies/ImportError.h"
#include "replies/Library.h"

#include <QByteArray>

namespace chorus::replies {

/// Parses CSV (RFC 4180: comma, double quotes, CRLF or LF); refuses the whole file
/// with the line, column name and reason.
ImportResult importLibraryCsv(const QByteArray &bytes);

/// Writes the templates of `library` as CSV (UTF-8, CRLF, header first).
QByteArray exportLibraryCsv(const TemplateLibrary &library);

} // namespace chorus::replies
