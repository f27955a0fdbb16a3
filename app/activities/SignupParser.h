#pragma once

// Reads sign-up messages: a join or withdraw keyword with optional field values
// ("+1 Alice, M", "接龙 张三 L码", "name: Bob size: XL"), or a whole numbered list pasted
// back with the sender's line added (the WeChat habit). Pure text work, no state.

#include "activities/SignupTypes.h"

#include <QList>
#include <QMap>
#include <QString>

namespace chorus::activities {

/// A line of a pasted list.
struct PastedLine
{
    int lineNo = 0; ///< 1-based line in the message
    int number = -1; ///< the number it carried; -1 if none
    QString content; ///< the text after the number
    bool inWaitlist = false; ///< below a waitlist heading
};

/// What a message asks of a sign-up chain.
struct SignupCommand
{
    enum class Kind { None, Join, Withdraw, PastedList };
    Kind kind = Kind::None;
    QString rest; ///< Join/Withdraw: the text after the keyword
    QList<PastedLine> lines; ///< PastedList: the entry lines
};

/// Field values read from free text.
struct ParsedFields
{
    QMap<QString, QString> values; ///< field key -> value (choices in their configured spelling)
    QString note; ///< text no field took
    QList<FieldProblem> problems; ///< values that are not one of a field's choices
};

class SignupParser
{
public:
    explicit SignupParser(const SignupConfig &config);

    /// Classifies @p body (quoted reply lines starting with '>' are ignored).
    SignupCommand parse(const QString &body) const;
    /// Reads field values from the text after a keyword (or from a pasted line).
    ParsedFields parseFields(const QString &text) const;
    /// Required fields still missing from @p values.
    QList<FieldProblem> missingFields(const QMap<QString, QString> &values) const;
    /// @p text without a leading join keyword ("+1 Carol L" -> "Carol L").
    QString withoutJoinKeyword(const QString &text) const;

    /// Comparison key of a list line: letters and digits only, case-folded, so that
    /// reformatting (punctuation, spacing, full-width characters) does not matter.
    static QString lineKey(QStringView text);
    /// True when @p text starts with the name @p nick followed by a word boundary.
    static bool startsWithName(QStringView text, QStringView nick);
    /// @p text with a leading @p nick (and the separators after it) removed.
    static QString withoutName(const QString &text, const QString &nick);

private:
    // Length of the keyword @p text starts with (longest of @p keywords), or 0.
    static qsizetype keywordLength(const QString &folded, const QStringList &keywords);
    QString matchChoice(const SignupField &field, const QString &token) const;

    SignupConfig m_config;
};

} // namespace chorus::activities
