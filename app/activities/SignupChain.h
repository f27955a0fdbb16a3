#pragma once

// A sign-up chain (接龙): the canonical numbered list that members join and leave by
// message, with a capacity, a waitlist and a deadline. Members often paste the whole
// list back with their line added; only their own addition (or their own edit) counts,
// and everything else in the paste is reported as ignored.

#include "activities/SignupParser.h"
#include "activities/SignupTypes.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace chorus::activities {

class SignupChain
{
public:
    explicit SignupChain(SignupConfig config, SignupState state = {});

    const SignupConfig &config() const { return m_config; }
    const SignupState &state() const { return m_state; }

    /// Applies one group message: join, withdraw, pasted list, or nothing.
    SignupOutcome handle(const SignupMessage &message);
    /// Adds a member (a message or the operator); @p fieldsText as after a join keyword.
    SignupOutcome join(const chat::PersonKey &person, const QString &nick,
                       const QString &fieldsText, const QDateTime &at, Language language);
    /// Removes a member; the first on the waitlist moves up if a place frees.
    SignupOutcome withdraw(const chat::PersonKey &person, const QString &nick, const QDateTime &at,
                           Language language);

    /// Closes the chain once @p now reaches the deadline; true only when it closes now.
    bool closeIfDue(const QDateTime &now);
    void close() { m_state.closed = true; }
    bool isClosed() const { return m_state.closed; }

    /// Places left on the list; -1 when there is no limit.
    int spotsLeft() const;
    /// 1-based position on the list or (with @p onWaitlist) the waitlist.
    std::optional<int> positionOf(const chat::PersonKey &person, bool *onWaitlist = nullptr) const;

    /// The list for reposting in @p language (the group's by default).
    QString render(std::optional<Language> language = std::nullopt) const;
    QByteArray toCsv(std::optional<Language> language = std::nullopt) const;

private:
    SignupOutcome applyPaste(const SignupMessage &message, const QList<PastedLine> &lines);
    SignupOutcome updateEntry(SignupEntry *entry, const QString &fieldsText, Language language);
    SignupEntry *find(const chat::PersonKey &person);
    SignupOutcome finish(SignupOutcome outcome, const QString &nick) const;

    SignupConfig m_config;
    SignupState m_state;
    SignupParser m_parser;
};

} // namespace chorus::activities
