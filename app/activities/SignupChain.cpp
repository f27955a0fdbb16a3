#include "activities/SignupChain.h"

#include "activities/SignupText.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace chorus::activities {

QStringList defaultJoinKeywords()
{
    return {u"+1"_s, u"接龙"_s, u"join"_s, u"报名"_s};
}

QStringList defaultWithdrawKeywords()
{
    return {u"-1"_s, u"退出"_s, u"withdraw"_s};
}

SignupChain::SignupChain(SignupConfig config, SignupState state)
    : m_config(std::move(config)), m_state(std::move(state)), m_parser(m_config)
{
}

SignupEntry *SignupChain::find(const chat::PersonKey &person)
{
    for (SignupEntry &e : m_state.confirmed) {
        if (e.person == person)
            return &e;
    }
    for (SignupEntry &e : m_state.waitlist) {
        if (e.person == person)
            return &e;
    }
    return nullptr;
}

std::optional<int> SignupChain::positionOf(const chat::PersonKey &person, bool *onWaitlist) const
{
    for (qsizetype i = 0; i < m_state.confirmed.size(); ++i) {
        if (m_state.confirmed[i].person == person) {
            if (onWaitlist)
                *onWaitlist = false;
            return int(i + 1);
        }
    }
    for (qsizetype i = 0; i < m_state.waitlist.size(); ++i) {
        if (m_state.waitlist[i].person == person) {
            if (onWaitlist)
                *onWaitlist = true;
            return int(i + 1);
        }
    }
    return std::nullopt;
}

int SignupChain::spotsLeft() const
{
    if (m_config.capacity <= 0)
        return -1;
    return std::max(0, m_config.capacity - int(m_state.confirmed.size()));
}

bool SignupChain::closeIfDue(const QDateTime &now)
{
    if (m_state.closed || !m_config.deadline.isValid() || !now.isValid() || now < m_config.deadline)
        return false;
    m_state.closed = true;
    return true;
}

QString SignupChain::render(std::optional<Language> language) const
{
    return renderSignupList(m_config, m_state, language.value_or(m_config.language));
}

QByteArray SignupChain::toCsv(std::optional<Language> language) const
{
    return signupCsv(m_config, m_state, language.value_or(m_config.language));
}

SignupOutcome SignupChain::finish(SignupOutcome outcome, const QString &nick) const
{
    outcome.reply = signupReply(m_config, outcome, nick);
    return outcome;
}

SignupOutcome SignupChain::handle(const SignupMessage &message)
{
    if (!message.sender.isValid())
        return {};
    const SignupCommand command = m_parser.parse(message.body);
    if (command.kind == SignupCommand::Kind::None)
        return {};
    const Language language = languageOf(message.body, m_config.language);
    closeIfDue(message.at);
    if (m_state.closed) {
        SignupOutcome outcome;
        outcome.kind = SignupOutcome::Kind::Closed;
        outcome.language = language;
        return finish(outcome, message.nick);
    }
    switch (command.kind) {
    case SignupCommand::Kind::Join:
        return join(message.sender, message.nick, command.rest, message.at, language);
    case SignupCommand::Kind::Withdraw:
        return withdraw(message.sender, message.nick, message.at, language);
    case SignupCommand::Kind::PastedList:
        return applyPaste(message, command.lines);
    case SignupCommand::Kind::None:
        break;
    }
    return {};
}

SignupOutcome SignupChain::updateEntry(SignupEntry *entry, const QString &fieldsText,
                                       Language language)
{
    SignupOutcome outcome;
    outcome.language = language;
    const ParsedFields parsed = m_parser.parseFields(fieldsText);
    if (!parsed.problems.isEmpty()) {
        outcome.kind = SignupOutcome::Kind::FieldsMissing;
        outcome.problems = parsed.problems;
        return outcome;
    }
    SignupEntry updated = *entry;
    for (auto it = parsed.values.cbegin(); it != parsed.values.cend(); ++it)
        updated.values.insert(it.key(), it.value());
    if (!parsed.note.isEmpty())
        updated.note = parsed.note;
    outcome.position = positionOf(entry->person, &outcome.onWaitlist).value_or(0);
    if (updated == *entry) {
        outcome.kind = SignupOutcome::Kind::AlreadyOnList;
        return outcome;
    }
    *entry = updated;
    outcome.kind = SignupOutcome::Kind::Updated;
    outcome.listChanged = true;
    return outcome;
}

SignupOutcome SignupChain::join(const chat::PersonKey &person, const QString &nick,
                                const QString &fieldsText, const QDateTime &at, Language language)
{
    SignupOutcome outcome;
    outcome.language = language;
    if (!person.isValid())
        return outcome;
    if (m_state.closed) {
        outcome.kind = SignupOutcome::Kind::Closed;
        return finish(outcome, nick);
    }
    if (SignupEntry *existing = find(person))
        return finish(updateEntry(existing, fieldsText, language), nick);

    const ParsedFields parsed = m_parser.parseFields(fieldsText);
    QList<FieldProblem> problems = parsed.problems;
    for (const FieldProblem &missing : m_parser.missingFields(parsed.values)) {
        const bool alreadyReported
            = std::any_of(problems.cbegin(), problems.cend(),
                          [&](const FieldProblem &p) { return p.key == missing.key; });
        if (!alreadyReported)
            problems.append(missing);
    }
    if (!problems.isEmpty()) {
        outcome.kind = SignupOutcome::Kind::FieldsMissing;
        outcome.problems = problems;
        return finish(outcome, nick);
    }

    SignupEntry entry {person, nick, parsed.values, parsed.note, at.toUTC()};
    if (m_config.capacity <= 0 || m_state.confirmed.size() < m_config.capacity) {
        m_state.confirmed.append(entry);
        outcome.kind = SignupOutcome::Kind::Joined;
        outcome.position = int(m_state.confirmed.size());
    } else if (m_config.waitlistCapacity < 0
               || m_state.waitlist.size() < m_config.waitlistCapacity) {
        m_state.waitlist.append(entry);
        outcome.kind = SignupOutcome::Kind::Waitlisted;
        outcome.onWaitlist = true;
        outcome.position = int(m_state.waitlist.size());
    } else {
        outcome.kind = SignupOutcome::Kind::Full;
        return finish(outcome, nick);
    }
    outcome.listChanged = true;
    return finish(outcome, nick);
}

SignupOutcome SignupChain::withdraw(const chat::PersonKey &person, const QString &nick,
                                    const QDateTime &at, Language language)
{
    Q_UNUSED(at);
    SignupOutcome outcome;
    outcome.language = language;
    if (m_state.closed) {
        outcome.kind = SignupOutcome::Kind::Closed;
        return finish(outcome, nick);
    }
    bool onWaitlist = false;
    const std::optional<int> position = positionOf(person, &onWaitlist);
    if (!position) {
        outcome.kind = SignupOutcome::Kind::NotOnList;
        return finish(outcome, nick);
    }
    if (onWaitlist) {
        m_state.waitlist.removeAt(*position - 1);
    } else {
        m_state.confirmed.removeAt(*position - 1);
        const bool roomFreed
            = m_config.capacity <= 0 || m_state.confirmed.size() < m_config.capacity;
        if (roomFreed && !m_state.waitlist.isEmpty()) {
            outcome.promoted = m_state.waitlist.takeFirst();
            m_state.confirmed.append(*outcome.promoted);
        }
    }
    outcome.kind = SignupOutcome::Kind::Withdrew;
    outcome.listChanged = true;
    return finish(outcome, nick);
}

SignupOutcome SignupChain::applyPaste(const SignupMessage &message, const QList<PastedLine> &lines)
{
    // Every entry, list then waitlist, with the key its line is compared by.
    struct Canonical
    {
        const SignupEntry *entry;
        QString key;
    };
    QList<Canonical> canonical;
    for (const QList<SignupEntry> *list : {&m_state.confirmed, &m_state.waitlist}) {
        for (const SignupEntry &e : *list)
            canonical.append({&e, SignupParser::lineKey(signupEntryText(m_config, e))});
    }
    // Whose line a changed line is: the longest name on the list it starts with.
    auto ownerOf = [&](const QString &content) -> const SignupEntry * {
        const SignupEntry *best = nullptr;
        qsizetype bestLength = 0;
        for (const Canonical &c : canonical) {
            const QString name = signupDisplayName(m_config, *c.entry);
            if (name.size() > bestLength && SignupParser::startsWithName(content, name)) {
                best = c.entry;
                bestLength = name.size();
            }
        }
        return best;
    };
    // With a name field the name is data; otherwise the line starts with the nick.
    const bool hasNameField = std::any_of(m_config.fields.cbegin(), m_config.fields.cend(),
                                          [](const SignupField &f) { return f.isName; });
    auto fieldsOf = [&](const QString &content) {
        const QString text = m_parser.withoutJoinKeyword(content);
        return hasNameField ? text : SignupParser::withoutName(text, message.nick);
    };

    QList<IgnoredLine> ignored;
    QSet<QString> exact; // person keys whose line the paste carries unchanged
    QList<PastedLine> unmatched;
    for (const PastedLine &line : lines) {
        const QString key = SignupParser::lineKey(line.content);
        if (key.isEmpty())
            continue; // "4." left blank for the next person
        const auto match = std::find_if(canonical.cbegin(), canonical.cend(),
                                        [&](const Canonical &c) { return c.key == key; });
        if (match == canonical.cend()) {
            unmatched.append(line);
        } else if (exact.contains(match->entry->person.value)) {
            ignored.append({IgnoredLine::Reason::Duplicate, line.content, match->entry->nick});
        } else {
            exact.insert(match->entry->person.value);
        }
    }

    // A changed line is an edit of the entry whose name it starts with, unless that
    // entry's own line is there unchanged: then it is a new line (another "Alice").
    QSet<QString> seen = exact; // person keys whose line the paste accounts for
    std::optional<PastedLine> ownEdit;
    QList<PastedLine> additions;
    const bool senderListed = positionOf(message.sender).has_value();
    for (const PastedLine &line : unmatched) {
        const SignupEntry *owner = ownerOf(line.content);
        if (!owner || exact.contains(owner->person.value)) {
            additions.append(line);
        } else if (owner->person == message.sender) {
            if (!ownEdit)
                ownEdit = line;
            else
                ignored.append({IgnoredLine::Reason::AlreadyOnList, line.content, owner->nick});
            seen.insert(owner->person.value);
        } else {
            ignored.append({IgnoredLine::Reason::EditsAnotherMember, line.content, owner->nick});
            seen.insert(owner->person.value);
        }
    }

    // The sender's addition: the line that carries their name, else the last new line
    // (members append at the end). Any other new line is someone else's business.
    std::optional<PastedLine> addition;
    if (!senderListed && !additions.isEmpty()) {
        qsizetype chosen = additions.size() - 1;
        for (qsizetype i = 0; i < additions.size(); ++i) {
            if (SignupParser::startsWithName(additions[i].content, message.nick)) {
                chosen = i;
                break;
            }
        }
        addition = additions.takeAt(chosen);
    }
    for (const PastedLine &line : additions) {
        const bool own = SignupParser::startsWithName(line.content, message.nick);
        ignored.append(
            {own ? IgnoredLine::Reason::AlreadyOnList : IgnoredLine::Reason::AddsSomeoneElse,
             line.content, own ? message.nick : QString()});
    }
    for (const Canonical &c : canonical) {
        if (seen.contains(c.entry->person.value))
            continue;
        const bool own = c.entry->person == message.sender;
        ignored.append(
            {own ? IgnoredLine::Reason::RemovesOwnLine : IgnoredLine::Reason::RemovesAnotherMember,
             signupEntryText(m_config, *c.entry), c.entry->nick});
    }

    // The member's language is that of their own line, not of the list they copied.
    SignupOutcome outcome;
    if (addition) {
        outcome = join(message.sender, message.nick, fieldsOf(addition->content), message.at,
                       languageOf(addition->content, m_config.language));
    } else if (ownEdit) {
        outcome = updateEntry(find(message.sender), fieldsOf(ownEdit->content),
                              languageOf(ownEdit->content, m_config.language));
    } else {
        outcome.kind = SignupOutcome::Kind::NoChange;
        outcome.language = m_config.language;
        if (senderListed)
            outcome.position = positionOf(message.sender, &outcome.onWaitlist).value_or(0);
    }
    outcome.ignored = ignored;
    return finish(outcome, message.nick);
}

} // namespace chorus::activities
