#include "replies/ImportError.h"

#include <QCoreApplication>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace chorus::replies {

QString ImportError::toString() const
{
    QStringList where;
    if (line > 0)
        where.append(QCoreApplication::translate("chorus::replies::Import", "line %1").arg(line));
    if (column > 0)
        where.append(
            QCoreApplication::translate("chorus::replies::Import", "column %1").arg(column));
    if (!field.isEmpty())
        where.append(field);
    return where.isEmpty() ? message : where.join(u", "_s) + u": "_s + message;
}

Expected<QString, ImportError> decodeUtf8(const QByteArray &bytes)
{
    QByteArrayView view(bytes);
    if (view.startsWith("\xEF\xBB\xBF"))
        view = view.sliced(3);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(view);
    if (!decoder.hasError())
        return text;
    // Find the first bad line by decoding line by line: slower, but only on failure.
    int line = 1;
    for (QByteArrayView rest = view; !rest.isEmpty(); ++line) {
        const qsizetype nl = rest.indexOf('\n');
        const QByteArrayView chunk = nl < 0 ? rest : rest.first(nl);
        QStringDecoder lineDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString decoded = lineDecoder.decode(chunk);
        if (lineDecoder.hasError()) {
            const qsizetype bad = decoded.indexOf(QChar::ReplacementCharacter);
            return ImportError {ImportError::Code::NotUtf8,
                                line,
                                int(bad < 0 ? 1 : bad + 1),
                                {},
                                QCoreApplication::translate("chorus::replies::Import",
                                                            "the file is not UTF-8 text; save it "
                                                            "as UTF-8 and import it again")};
        }
        rest = nl < 0 ? QByteArrayView() : rest.sliced(nl + 1);
    }
    return ImportError {
        ImportError::Code::NotUtf8,
        0,
        0,
        {},
        QCoreApplication::translate("chorus::replies::Import", "the file is not UTF-8 text")};
}

std::pair<int, int> lineColumn(const QString &text, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, text.size());
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (text.at(i) == u'\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    return {line, int(offset - lineStart + 1)};
}

QList<DuplicateShortcut> duplicateShortcuts(const TemplateLibrary &library,
                                            const std::function<int(const QString &)> &lineOf)
{
    QList<DuplicateShortcut> out;
    for (const ShortcutClash &clash : library.shortcutClashes()) {
        DuplicateShortcut d {clash.shortcut, clash.templateIds, {}};
        for (const QString &id : clash.templateIds)
            d.lines.append(lineOf(id));
        out.append(d);
    }
    return out;
}

} // namespace chorus::replies
