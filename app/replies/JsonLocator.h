#pragma once

// Where each value of a JSON text starts, by path ("templates[3].variants.en.body"), so
// that an import error names the line of the field it is about. QJsonDocument keeps no
// positions, hence this small second pass over text already known to be valid JSON.

#include <QHash>
#include <QString>

namespace chorus::replies {

class JsonLocator
{
public:
    /// Scans `text`, which must be well-formed JSON (QJsonDocument accepted it).
    explicit JsonLocator(const QString &text);

    /// Offset where the value at `path` starts; for a path that does not exist, the
    /// offset of its nearest existing ancestor (the object lacking a field).
    qsizetype offsetOf(const QString &path) const;

    /// The parent of a path: "a.b[2].c" -> "a.b[2]" -> "a.b" -> "a" -> "".
    static QString parentPath(const QString &path);

private:
    void value(const QString &path);
    void skipWhitespace();
    QString string();

    const QString &m_text;
    qsizetype m_pos = 0;
    QHash<QString, qsizetype> m_offsets;
};

} // namespace chorus::replies
