#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace chorus::store::json {

// Lists and string maps kept in one text column as compact JSON (feature repositories:
// keywords, synonyms, form values). Unreadable text reads as empty, never as an error.

QString fromList(const QStringList &list);
QStringList toList(const QString &text);
QString fromMap(const QMap<QString, QString> &map);
QMap<QString, QString> toMap(const QString &text);

} // namespace chorus::store::json
