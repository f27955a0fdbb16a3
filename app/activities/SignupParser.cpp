#include "activities/SignupParser.h"

#include "activities/SignupText.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace chorus::activities {
namespace {

// Separators between values: ASCII and CJK punctuation, and line breaks.
const QRegularExpression &valueSeparators()
{
    static const QRegularExpression re(u"[,，;；、/|\\n\\t]+"_s);
    return re;
}

bool isSeparator(QChar c)
{
    return c.isSpace() || QStringView(u",，;；、/|:：.。-—").contains(c);
}

QString trimSeparators(const QString &text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && isSeparator(text[begin]))
        ++begin;
    while (end > begin && isSeparator(text[end - 1]))
        --end;
    return text.mid(begin, end - begin);
}

bool isAsciiAlnum(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

// Drops the quoted part of a reply ("> original text" lines at the top).
QStringList bodyLines(const QString &body)
{
    QStringList lines = body.split(u'\n');
    for (QString &line : lines) {
        if (line.endsWith(u'\r'))
            line.chop(1);
    }
    while (!lines.isEmpty()) {
        const QString t = lines.front().trimmed();
        if (!(t.startsWith(u'>') || t.startsWith(u'＞')))
            break;
        lines.removeFirst();
    }
    return lines;
}

} // namespace

SignupParser::SignupParser(const SignupConfig &config) : m_config(config)
{
}

QString SignupParser::lineKey(QStringView text)
{
    QString key;
    for (QChar c : foldForMatching(text)) {
        if (c.isLetterOrNumber())
            key.append(c);
    }
    return key;
}

bool SignupParser::startsWithName(QStringView text, QStringView nick)
{
    const QString t = foldForMatching(text).trimmed();
    const QString n = foldForMatching(nick).trimmed();
    if (n.isEmpty() || !t.startsWith(n))
        return false;
    if (t.size() == n.size())
        return true;
    const QChar next = t[n.size()];
    return !next.isLetterOrNumber() || isHan(next) || isHan(n.back());
}

QString SignupParser::withoutName(const QString &text, const QString &nick)
{
    const QString trimmed = text.trimmed();
    if (!startsWithName(trimmed, nick))
        return trimmed;
    return trimSeparators(trimmed.mid(nick.trimmed().size()));
}

qsizetype SignupParser::keywordLength(const QString &folded, const QStringList &keywords)
{
    qsizetype best = 0;
    for (const QString &keyword : keywords) {
        const QString k = foldForMatching(keyword).trimmed();
        if (k.isEmpty() || k.size() <= best || !folded.startsWith(k))
            continue;
        if (folded.size() > k.size()) {
            // "+1" must not match "+10", "join" must not match "joined"; CJK needs no gap.
            const QChar last = k.back();
            const QChar next = folded[k.size()];
            if (last.isDigit() && next.isDigit())
                continue;
            if (isAsciiAlnum(last) && last.isLetter() && isAsciiAlnum(next))
                continue;
        }
        best = k.size();
    }
    return best;
}

QString SignupParser::withoutJoinKeyword(const QString &text) const
{
    const QString trimmed = text.trimmed();
    const qsizetype n = keywordLength(foldForMatching(trimmed), m_config.joinKeywords);
    return n ? trimSeparators(trimmed.mid(n)) : trimmed;
}

SignupCommand SignupParser::parse(const QString &body) const
{
    SignupCommand command;
    const QStringList lines = bodyLines(body);

    // A pasted list: two numbered lines, or the title followed by a numbered line.
    static const QRegularExpression numbered(
        u"^\\s*[#]?\\s*(\\d{1,3})\\s*(?:[.、,:)\\]】]|\\s)\\s*(.*)$"_s);
    QList<PastedLine> entries;
    int numberedCount = 0;
    bool titleSeen = false;
    bool inList = false;
    bool inWaitlist = false;
    const QString titleKey = lineKey(m_config.title);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString folded = foldForMatching(lines[i]);
        if (folded.trimmed().isEmpty())
            continue;
        if (!titleKey.isEmpty() && lineKey(folded) == titleKey && !inList) {
            titleSeen = true;
            continue;
        }
        if (isWaitlistHeading(folded)) {
            inWaitlist = true;
            inList = true;
            continue;
        }
        if (isSignupStructuralLine(m_config, folded))
            continue;
        const auto m = numbered.match(folded);
        if (m.hasMatch()) {
            ++numberedCount;
            inList = true;
            // Keep the member's own spelling of the content, not the folded one.
            const qsizetype contentStart = m.capturedStart(2);
            entries.append({int(i + 1), m.captured(1).toInt(), lines[i].mid(contentStart).trimmed(),
                            inWaitlist});
        } else if (inList) {
            entries.append({int(i + 1), -1, lines[i].trimmed(), inWaitlist});
        }
    }
    if (numberedCount >= 2 || (titleSeen && numberedCount >= 1)) {
        command.kind = SignupCommand::Kind::PastedList;
        command.lines = entries;
        return command;
    }

    const QString text = lines.join(u'\n').trimmed();
    const QString folded = foldForMatching(text);
    const qsizetype withdraw = keywordLength(folded, m_config.withdrawKeywords);
    const qsizetype join = keywordLength(folded, m_config.joinKeywords);
    if (withdraw > 0 && withdraw >= join) {
        command.kind = SignupCommand::Kind::Withdraw;
        command.rest = trimSeparators(text.mid(withdraw));
    } else if (join > 0) {
        command.kind = SignupCommand::Kind::Join;
        command.rest = trimSeparators(text.mid(join));
    }
    return command;
}

QString SignupParser::matchChoice(const SignupField &field, const QString &token) const
{
    QString t = foldForMatching(token).trimmed();
    // "L码", "XL号", "size L": the unit words are not part of the value.
    for (const QString &unit : {u"码"_s, u"号"_s}) {
        if (t.endsWith(unit))
            t.chop(unit.size());
    }
    if (t.startsWith(u"size "_s))
        t = t.mid(5);
    t = t.trimmed();
    for (const QString &choice : field.choices) {
        if (foldForMatching(choice).trimmed() == t)
            return choice;
    }
    return {};
}

ParsedFields SignupParser::parseFields(const QString &input) const
{
    ParsedFields out;
    const QString text = trimSeparators(input);
    if (m_config.fields.isEmpty()) {
        out.note = text;
        return out;
    }

    // 1. Labelled values: "size: M", "尺码：L", "name=Bob".
    struct Label
    {
        qsizetype start;
        qsizetype valueStart;
        QString key;
    };
    QList<Label> labels;
    const QString folded = foldForMatching(text);
    for (const SignupField &field : m_config.fields) {
        for (const QString &name : {field.key, field.labelEn, field.labelZh}) {
            const QString n = foldForMatching(name).trimmed();
            if (n.isEmpty())
                continue;
            for (qsizetype at = folded.indexOf(n); at >= 0; at = folded.indexOf(n, at + 1)) {
                if (at > 0 && isAsciiAlnum(folded[at - 1]) && isAsciiAlnum(n.front()))
                    continue;
                qsizetype end = at + n.size();
                while (end < folded.size() && folded[end] == u' ')
                    ++end;
                if (end < folded.size() && (folded[end] == u':' || folded[end] == u'='))
                    labels.append({at, end + 1, field.key});
            }
        }
    }
    std::sort(labels.begin(), labels.end(),
              [](const Label &a, const Label &b) { return a.start < b.start; });
    // Overlapping labels ("shirt size" and "size"): keep the one that starts first.
    QList<Label> kept;
    for (const Label &label : labels) {
        if (!kept.isEmpty() && label.start < kept.back().valueStart)
            continue;
        kept.append(label);
    }
    QString unlabelled = kept.isEmpty() ? text : text.left(kept.front().start);
    for (qsizetype i = 0; i < kept.size(); ++i) {
        const qsizetype end = i + 1 < kept.size() ? kept[i + 1].start : text.size();
        const QString value
            = trimSeparators(text.mid(kept[i].valueStart, end - kept[i].valueStart));
        if (value.isEmpty() || out.values.contains(kept[i].key))
            continue;
        const auto field = std::find_if(m_config.fields.cbegin(), m_config.fields.cend(),
                                        [&](const SignupField &f) { return f.key == kept[i].key; });
        if (!field->choices.isEmpty()) {
            const QString choice = matchChoice(*field, value);
            if (choice.isEmpty()) {
                out.problems.append({FieldProblem::Kind::NotAChoice, field->key, value});
                continue;
            }
            out.values.insert(field->key, choice);
        } else {
            out.values.insert(field->key, value);
        }
    }

    // 2. Unlabelled values: choices find their field, the rest fill free fields in order.
    QList<const SignupField *> unfilled;
    for (const SignupField &field : m_config.fields) {
        if (!out.values.contains(field.key))
            unfilled.append(&field);
    }
    QStringList tokens;
    for (const QString &t :
         trimSeparators(unlabelled).split(valueSeparators(), Qt::SkipEmptyParts)) {
        if (!t.trimmed().isEmpty())
            tokens.append(t.trimmed());
    }
    if (tokens.size() == 1 && unfilled.size() > 1)
        tokens = tokens.front().split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts);

    QStringList rest;
    for (const QString &token : tokens) {
        bool used = false;
        for (qsizetype i = 0; i < unfilled.size() && !used; ++i) {
            if (unfilled[i]->choices.isEmpty())
                continue;
            const QString choice = matchChoice(*unfilled[i], token);
            if (!choice.isEmpty()) {
                out.values.insert(unfilled[i]->key, choice);
                unfilled.removeAt(i);
                used = true;
            }
        }
        if (!used)
            rest.append(token);
    }
    QList<const SignupField *> free;
    for (const SignupField *field : unfilled) {
        if (field->choices.isEmpty())
            free.append(field);
    }
    for (qsizetype i = 0; i < free.size() && !rest.isEmpty(); ++i) {
        // The last free field takes what is left ("Mary Ann" is one name).
        const QString value = i + 1 < free.size() ? rest.takeFirst() : rest.join(u' ');
        if (i + 1 >= free.size())
            rest.clear();
        out.values.insert(free[i]->key, value);
    }
    out.note = rest.join(u' ');
    return out;
}

QList<FieldProblem> SignupParser::missingFields(const QMap<QString, QString> &values) const
{
    QList<FieldProblem> problems;
    for (const SignupField &field : m_config.fields) {
        if (field.required && values.value(field.key).trimmed().isEmpty())
            problems.append({FieldProblem::Kind::Missing, field.key, {}});
    }
    return problems;
}

} // namespace chorus::activities
