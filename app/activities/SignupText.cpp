#include "activities/SignupText.h"

#include "activities/Csv.h"

#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace chorus::activities {
namespace {

// Headings and footers of the rendered list, in both languages, so a pasted list is
// read the same whichever language it was posted in.
const QStringList &structuralPrefixes()
{
    static const QStringList prefixes {
        u"deadline"_s,   u"截止"_s,      u"spots left"_s, u"剩余名额"_s, u"signed up:"_s,
        u"已报名："_s,   u"已报名:"_s,   u"reply "_s,     u"回复"_s,     u"sign-up closed"_s,
        u"报名已截止"_s, u"list full"_s, u"名额已满"_s};
    return prefixes;
}

QString fieldLabel(const SignupConfig &config, const QString &key, Language language)
{
    for (const SignupField &field : config.fields) {
        if (field.key == key)
            return field.label(language);
    }
    return key;
}

QString choicesText(const SignupField &field, Language language)
{
    return field.choices.join(pick(language, u", "_s, u"、"_s));
}

QString joinExample(const SignupConfig &config, const QString &nick, Language language)
{
    QString keyword = pick(language, u"+1"_s, u"接龙"_s);
    if (!config.joinKeywords.contains(keyword) && !config.joinKeywords.isEmpty())
        keyword = config.joinKeywords.front();
    QStringList parts;
    bool nameUsed = false;
    for (const SignupField &field : config.fields) {
        if (!field.choices.isEmpty())
            parts.append(field.choices.front());
        else if (!nameUsed && !nick.isEmpty()) {
            parts.append(nick);
            nameUsed = true;
        } else
            parts.append(field.label(language));
    }
    return keyword + u' ' + parts.join(pick(language, u", "_s, u"，"_s));
}

QString ignoredText(const SignupOutcome &outcome)
{
    const Language l = outcome.language;
    QStringList parts;
    int removed = 0;
    for (const IgnoredLine &line : outcome.ignored) {
        switch (line.reason) {
        case IgnoredLine::Reason::EditsAnotherMember:
            parts.append(
                pick(l, u"the change to %1's line"_s, u"对%1那一行的修改"_s).arg(line.ownerNick));
            break;
        case IgnoredLine::Reason::AddsSomeoneElse:
            parts.append(pick(l, u"the extra line \"%1\" (everyone signs up for themselves)"_s,
                              u"多出的一行“%1”（请每人自己报名）"_s)
                             .arg(line.text));
            break;
        case IgnoredLine::Reason::AlreadyOnList:
            parts.append(pick(l, u"a second line for you (\"%1\")"_s, u"你的第二行（“%1”）"_s)
                             .arg(line.text));
            break;
        case IgnoredLine::Reason::Duplicate:
            parts.append(
                pick(l, u"a repeated line (\"%1\")"_s, u"重复的一行（“%1”）"_s).arg(line.text));
            break;
        case IgnoredLine::Reason::RemovesOwnLine:
            parts.append(pick(l, u"removing your own line (send -1 to withdraw)"_s,
                              u"删除你自己的那一行（退出请回复“退出”）"_s));
            break;
        case IgnoredLine::Reason::RemovesAnotherMember:
            ++removed;
            break;
        }
    }
    if (removed > 0)
        parts.append(pick(l, u"%1 line(s) missing from your copy (they stay on the list)"_s,
                          u"你的副本里少了%1行（这些报名仍然有效）"_s)
                         .arg(removed));
    if (parts.isEmpty())
        return {};
    return pick(l, u"Only your own line counts; ignored: %1."_s,
                u"只记录你自己的那一行；已忽略：%1。"_s)
        .arg(parts.join(pick(l, u"; "_s, u"；"_s)));
}

} // namespace

QString signupDisplayName(const SignupConfig &config, const SignupEntry &entry)
{
    for (const SignupField &field : config.fields) {
        if (field.isName && !entry.values.value(field.key).isEmpty())
            return entry.values.value(field.key);
    }
    return entry.nick;
}

QString signupEntryText(const SignupConfig &config, const SignupEntry &entry)
{
    QStringList parts {signupDisplayName(config, entry)};
    bool nameShown = false;
    for (const SignupField &field : config.fields) {
        const QString value = entry.values.value(field.key);
        if (field.isName && !nameShown && !value.isEmpty()) {
            nameShown = true; // already first
            continue;
        }
        if (!value.isEmpty())
            parts.append(value);
    }
    if (!entry.note.isEmpty())
        parts.append(entry.note);
    // One line per entry: a member's newline must not break the numbering.
    return parts.join(u' ').replace(u'\n', u' ').simplified();
}

QString renderSignupList(const SignupConfig &config, const SignupState &state, Language l)
{
    QStringList lines;
    if (!config.title.isEmpty())
        lines.append(config.title);
    if (config.deadline.isValid()) {
        const QTimeZone zone(config.timeZone);
        const QDateTime local = zone.isValid() ? config.deadline.toTimeZone(zone) : config.deadline;
        const QString when
            = localeFor(l).toString(local, pick(l, u"ddd d MMM, HH:mm"_s, u"M月d日 ddd HH:mm"_s));
        const QString zoneName = QString::fromUtf8(zone.isValid() ? zone.id() : "UTC");
        lines.append(pick(l, u"Deadline: %1 (%2)"_s, u"截止：%1（%2）"_s).arg(when, zoneName));
    }
    for (qsizetype i = 0; i < state.confirmed.size(); ++i)
        lines.append(u"%1. %2"_s.arg(i + 1).arg(signupEntryText(config, state.confirmed[i])));
    if (!state.waitlist.isEmpty()) {
        lines.append(pick(l, u"Waitlist:"_s, u"候补："_s));
        for (qsizetype i = 0; i < state.waitlist.size(); ++i)
            lines.append(u"%1. %2"_s.arg(i + 1).arg(signupEntryText(config, state.waitlist[i])));
    }
    if (config.capacity > 0) {
        const int left = std::max(0, config.capacity - int(state.confirmed.size()));
        lines.append(pick(l, u"Spots left: %1 of %2"_s, u"剩余名额：%1/%2"_s)
                         .arg(left)
                         .arg(config.capacity));
    } else {
        lines.append(pick(l, u"Signed up: %1"_s, u"已报名：%1人"_s).arg(state.confirmed.size()));
    }
    if (state.closed) {
        lines.append(pick(l, u"Sign-up closed."_s, u"报名已截止。"_s));
    } else {
        const QString join = config.joinKeywords.value(0, u"+1"_s);
        const QString leave = config.withdrawKeywords.value(0, u"-1"_s);
        lines.append(pick(l, u"Reply %1 to join, %2 to withdraw."_s, u"回复“%1”报名，“%2”退出。"_s)
                         .arg(join, leave));
    }
    return lines.join(u'\n');
}

QByteArray signupCsv(const SignupConfig &config, const SignupState &state, Language l)
{
    QStringList header {u"#"_s, pick(l, u"Status"_s, u"状态"_s), pick(l, u"Nick"_s, u"昵称"_s),
                        pick(l, u"Member"_s, u"成员"_s),
                        pick(l, u"Joined (UTC)"_s, u"报名时间（UTC）"_s)};
    for (const SignupField &field : config.fields)
        header.append(field.label(l));
    header.append(pick(l, u"Note"_s, u"备注"_s));
    QList<QStringList> rows {header};
    auto addRows = [&](const QList<SignupEntry> &entries, const QString &status) {
        for (qsizetype i = 0; i < entries.size(); ++i) {
            const SignupEntry &e = entries[i];
            QStringList row {QString::number(i + 1), status, e.nick, e.person.value,
                             e.joinedAt.toUTC().toString(Qt::ISODate)};
            for (const SignupField &field : config.fields)
                row.append(e.values.value(field.key));
            row.append(e.note);
            rows.append(row);
        }
    };
    addRows(state.confirmed, pick(l, u"confirmed"_s, u"正式"_s));
    addRows(state.waitlist, pick(l, u"waitlist"_s, u"候补"_s));
    return csv::write(rows);
}

QString signupReply(const SignupConfig &config, const SignupOutcome &outcome, const QString &nick)
{
    using Kind = SignupOutcome::Kind;
    const Language l = outcome.language;
    const QString at = u'@' + nick + u' ';
    QString text;
    switch (outcome.kind) {
    case Kind::NotForUs:
    case Kind::NoChange:
        break;
    case Kind::Joined:
        text = pick(l, u"you're #%1 on the list."_s, u"报名成功，第%1位。"_s).arg(outcome.position);
        break;
    case Kind::Waitlisted:
        text = pick(l, u"the list is full; you're #%1 on the waitlist."_s,
                    u"名额已满，你在候补第%1位。"_s)
                   .arg(outcome.position);
        break;
    case Kind::Updated:
        text = pick(l, u"your entry is updated."_s, u"已更新你的报名信息。"_s);
        break;
    case Kind::AlreadyOnList:
        text = outcome.onWaitlist
            ? pick(l, u"you're already #%1 on the waitlist."_s, u"你已在候补第%1位。"_s)
                  .arg(outcome.position)
            : pick(l, u"you're already #%1 on the list."_s, u"你已在名单第%1位。"_s)
                  .arg(outcome.position);
        break;
    case Kind::Withdrew:
        text = pick(l, u"you're off the list."_s, u"已退出。"_s);
        if (outcome.promoted)
            text += pick(l, u" @%1 moves up from the waitlist."_s, u"@%1 由候补转为正式。"_s)
                        .arg(outcome.promoted->nick);
        break;
    case Kind::NotOnList:
        text = pick(l, u"you weren't on the list."_s, u"你不在名单上。"_s);
        break;
    case Kind::Full:
        text = pick(l, u"sorry, the list is full."_s, u"抱歉，名额已满。"_s);
        break;
    case Kind::Closed:
        text = pick(l, u"the sign-up is closed."_s, u"报名已截止。"_s);
        break;
    case Kind::FieldsMissing: {
        QStringList missing;
        QStringList wrong;
        for (const FieldProblem &problem : outcome.problems) {
            const QString label = fieldLabel(config, problem.key, l);
            QString choices;
            for (const SignupField &field : config.fields) {
                if (field.key == problem.key && !field.choices.isEmpty())
                    choices = choicesText(field, l);
            }
            if (problem.kind == FieldProblem::Kind::Missing)
                missing.append(choices.isEmpty()
                                   ? label
                                   : pick(l, u"%1 (%2)"_s, u"%1（%2）"_s).arg(label, choices));
            else
                wrong.append(pick(l, u"\"%1\" is not a valid %2 (choose %3)"_s,
                                  u"“%1”不是有效的%2（可选：%3）"_s)
                                 .arg(problem.value, label, choices));
        }
        QStringList sentences;
        if (!missing.isEmpty())
            sentences.append(pick(l, u"please add: %1."_s, u"请补充：%1。"_s)
                                 .arg(missing.join(pick(l, u", "_s, u"、"_s))));
        if (!wrong.isEmpty())
            sentences.append(wrong.join(pick(l, u"; "_s, u"；"_s)) + pick(l, u"."_s, u"。"_s));
        sentences.append(
            pick(l, u"Example: %1"_s, u"例如：%1"_s).arg(joinExample(config, nick, l)));
        text = sentences.join(pick(l, u" "_s, u""_s));
        break;
    }
    }
    const QString ignored = ignoredText(outcome);
    if (!ignored.isEmpty())
        text = text.isEmpty() ? ignored : text + pick(l, u" "_s, u""_s) + ignored;
    return text.isEmpty() ? text : at + text;
}

bool isSignupStructuralLine(const SignupConfig &config, QStringView line)
{
    const QString folded = foldForMatching(line).trimmed();
    if (folded.isEmpty())
        return true;
    if (!config.title.isEmpty() && folded == foldForMatching(config.title).trimmed())
        return true;
    for (const QString &prefix : structuralPrefixes()) {
        if (folded.startsWith(prefix))
            return true;
    }
    return isWaitlistHeading(folded);
}

bool isWaitlistHeading(QStringView line)
{
    const QString folded = foldForMatching(line).trimmed();
    return folded == u"waitlist:"_s || folded == u"waitlist"_s || folded == u"候补："_s
        || folded == u"候补:"_s || folded == u"候补"_s || folded == u"候补名单"_s
        || folded == u"候补名单："_s || folded == u"候补名单:"_s;
}

} // namespace chorus::activities
