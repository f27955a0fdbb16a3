#include "replies/Placeholders.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace chorus::replies {

namespace {

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

// lupdate and QCoreApplication::translate() agree on this context.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(chorus::replies::Placeholders)
};

SyntaxError error(SyntaxError::Code code, int position)
{
    QString message;
    switch (code) {
    case SyntaxError::Code::UnclosedBrace:
        message = Text::tr("'{' at position %1 is not closed; write '{{' for a literal brace");
        break;
    case SyntaxError::Code::StrayClosingBrace:
        message = Text::tr("'}' at position %1 closes nothing; write '}}' for a literal brace");
        break;
    case SyntaxError::Code::EmptyName:
        message = Text::tr("'{}' at position %1 names no variable");
        break;
    case SyntaxError::Code::InvalidName:
        message = Text::tr("character at position %1 cannot be part of a variable name "
                           "(letters, digits and '_' only)");
        break;
    }
    // Positions are shown 1-based, as an editor counts columns.
    return {code, position, message.arg(position + 1)};
}

} // namespace

QStringList ParsedText::variables() const
{
    QStringList names;
    for (const Segment &s : segments) {
        if (s.kind == Segment::Kind::Variable && !names.contains(s.text))
            names.append(s.text);
    }
    return names;
}

bool isValidVariableName(const QString &name)
{
    if (name.isEmpty() || name.front().isDigit())
        return false;
    for (QChar c : name) {
        if (!isNameChar(c))
            return false;
    }
    return true;
}

QString escapeBraces(const QString &text)
{
    QString out = text;
    out.replace(u"{"_s, u"{{"_s).replace(u"}"_s, u"}}"_s);
    return out;
}

ParsedText parsePlaceholders(const QString &text)
{
    ParsedText parsed;
    QString literal;
    int literalStart = 0;
    const auto flushLiteral = [&](int next) {
        if (!literal.isEmpty())
            parsed.segments.append({Segment::Kind::Text, literal, literalStart});
        literal.clear();
        literalStart = next;
    };

    const int n = int(text.size());
    int i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (c == u'}') {
            if (i + 1 < n && text.at(i + 1) == u'}') {
                literal.append(u'}');
                i += 2;
            } else {
                parsed.errors.append(error(SyntaxError::Code::StrayClosingBrace, i));
                literal.append(u'}');
                ++i;
            }
            continue;
        }
        if (c != u'{') {
            literal.append(c);
            ++i;
            continue;
        }
        if (i + 1 < n && text.at(i + 1) == u'{') {
            literal.append(u'{');
            i += 2;
            continue;
        }
        // A variable: scan the name up to '}'. A line break, another '{' or the end
        // means the brace was never closed; any other odd character is a bad name.
        int j = i + 1;
        int badAt = -1;
        while (j < n && text.at(j) != u'}' && text.at(j) != u'{' && text.at(j) != u'\n') {
            if (badAt < 0 && !isNameChar(text.at(j)))
                badAt = j;
            ++j;
        }
        if (j >= n || text.at(j) != u'}') {
            if (j < n && text.at(j) == u'{' && badAt < 0)
                parsed.errors.append(error(SyntaxError::Code::InvalidName, j));
            else
                parsed.errors.append(error(SyntaxError::Code::UnclosedBrace, i));
            literal.append(text.mid(i, j - i));
            i = j;
            continue;
        }
        const QString name = text.mid(i + 1, j - i - 1);
        if (name.isEmpty()) {
            parsed.errors.append(error(SyntaxError::Code::EmptyName, i));
        } else if (badAt >= 0) {
            parsed.errors.append(error(SyntaxError::Code::InvalidName, badAt));
        } else if (name.front().isDigit()) {
            parsed.errors.append(error(SyntaxError::Code::InvalidName, i + 1));
        } else {
            flushLiteral(i);
            parsed.segments.append({Segment::Kind::Variable, name, i});
            literalStart = j + 1;
            i = j + 1;
            continue;
        }
        literal.append(text.mid(i, j + 1 - i));
        i = j + 1;
    }
    flushLiteral(n);
    return parsed;
}

} // namespace chorus::replies
