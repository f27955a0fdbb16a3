#pragma once

// The {variable} syntax of template text: "{name}" is a variable, "{{" and "}}" are
// literal braces, anything else with a brace is an error at a precise position.

#include <QList>
#include <QString>
#include <QStringList>

namespace chorus::replies {

/// One piece of parsed template text: literal text or a variable name.
struct Segment
{
    enum class Kind { Text, Variable };
    Kind kind = Kind::Text;
    QString text; ///< the literal (braces unescaped) or the variable's name
    int position = 0; ///< offset of the piece in the source text
    friend bool operator==(const Segment &, const Segment &) = default;
};

/// A brace the parser could not make sense of.
struct SyntaxError
{
    enum class Code {
        UnclosedBrace, ///< "{name" with no '}' before the end of the line
        StrayClosingBrace, ///< a single '}' that closes nothing (write "}}")
        EmptyName, ///< "{}"
        InvalidName, ///< "{two words}", "{a{b}": the name has a character it may not
    };
    Code code = Code::UnclosedBrace;
    int position = 0; ///< offset of the offending character in the text
    QString message; ///< human, translated
    friend bool operator==(const SyntaxError &, const SyntaxError &) = default;
};

/// Template text split into segments, with every syntax error found.
struct ParsedText
{
    QList<Segment> segments;
    QList<SyntaxError> errors;
    bool ok() const { return errors.isEmpty(); }
    /// Distinct variable names in order of first appearance.
    QStringList variables() const;
};

/// Parses `text`; never fails, errors are collected (each brace problem once).
ParsedText parsePlaceholders(const QString &text);

/// True for a variable name: letters, digits and '_' (any script), not starting with
/// a digit.
bool isValidVariableName(const QString &name);

/// Escapes literal braces so that `text` renders as itself.
QString escapeBraces(const QString &text);

} // namespace chorus::replies
