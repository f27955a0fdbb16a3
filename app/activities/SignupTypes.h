#pragma once

// Value types of a sign-up chain (接龙): what the organiser configures, who is on the
// list, and what a member's message did. Plain values, so the store can persist them.

#include "activities/Language.h"
#include "chat/Types.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace chorus::activities {

/// Something each member must (or may) give when joining: a name, a shirt size...
struct SignupField
{
    QString key; ///< stable id, e.g. "name", "size"
    QString labelEn; ///< "shirt size"
    QString labelZh; ///< "尺码"
    QStringList choices; ///< allowed values (matched ignoring case); empty = free text
    bool required = true;
    bool isName = false; ///< the member's name: shown on the list instead of their nick

    QString label(Language language) const { return pick(language, labelEn, labelZh); }
    friend bool operator==(const SignupField &, const SignupField &) = default;
};

QStringList defaultJoinKeywords(); ///< +1, 接龙, join, 报名
QStringList defaultWithdrawKeywords(); ///< -1, 退出, withdraw

/// How a sign-up chain is set up.
struct SignupConfig
{
    QString title;
    int capacity = 0; ///< places on the list; 0 = no limit
    int waitlistCapacity = -1; ///< places on the waitlist; -1 = no limit, 0 = no waitlist
    QDateTime deadline; ///< UTC; invalid = open until closed by hand
    QByteArray timeZone; ///< the group's IANA zone: the deadline is shown in it
    Language language = Language::English; ///< the group's language for the list
    QList<SignupField> fields;
    QStringList joinKeywords = defaultJoinKeywords();
    QStringList withdrawKeywords = defaultWithdrawKeywords();
};

/// One member on the list or the waitlist.
struct SignupEntry
{
    chat::PersonKey person;
    QString nick; ///< shown on the list
    QMap<QString, QString> values; ///< field key -> value
    QString note; ///< anything they wrote that no field took
    QDateTime joinedAt; ///< UTC
    friend bool operator==(const SignupEntry &, const SignupEntry &) = default;
};

/// Everything a chain keeps: persist this, restore with SignupChain(config, state).
struct SignupState
{
    QList<SignupEntry> confirmed;
    QList<SignupEntry> waitlist;
    bool closed = false;
    friend bool operator==(const SignupState &, const SignupState &) = default;
};

/// A group message offered to the chain.
struct SignupMessage
{
    chat::PersonKey sender;
    QString nick;
    QString body;
    QDateTime at; ///< UTC
};

/// A field value that is missing or not one of the choices.
struct FieldProblem
{
    enum class Kind { Missing, NotAChoice };
    Kind kind = Kind::Missing;
    QString key;
    QString value; ///< what was given, for NotAChoice
    friend bool operator==(const FieldProblem &, const FieldProblem &) = default;
};

/// A line of a pasted list that the chain did not take, and why.
struct IgnoredLine
{
    enum class Reason {
        EditsAnotherMember, ///< changed someone else's line
        RemovesAnotherMember, ///< someone else's line is missing from the paste
        RemovesOwnLine, ///< the sender's own line is missing (withdraw with -1 instead)
        AddsSomeoneElse, ///< a new line beyond the sender's own one
        AlreadyOnList, ///< a second line for the sender
        Duplicate, ///< the same line twice
    };
    Reason reason = Reason::Duplicate;
    QString text; ///< the pasted line (or the canonical one that was removed)
    QString ownerNick; ///< whose line it was, when known
    friend bool operator==(const IgnoredLine &, const IgnoredLine &) = default;
};

/// What a message did to the chain.
struct SignupOutcome
{
    enum class Kind {
        NotForUs, ///< not a sign-up message; nothing changed
        NoChange, ///< a pasted list that added nothing (see ignored)
        Joined, ///< on the list at `position`
        Waitlisted, ///< on the waitlist at `position`
        Updated, ///< their own entry's fields changed
        AlreadyOnList, ///< joined again: nothing changed
        Withdrew, ///< removed (see promoted)
        NotOnList, ///< withdrew without being on the list
        FieldsMissing, ///< not added: see problems
        Full, ///< not added: list and waitlist are full
        Closed, ///< not changed: the sign-up is closed
    };
    Kind kind = Kind::NotForUs;
    int position = 0; ///< 1-based, on the list or the waitlist
    bool onWaitlist = false;
    QList<FieldProblem> problems;
    std::optional<SignupEntry> promoted; ///< moved up from the waitlist by this withdrawal
    QList<IgnoredLine> ignored;
    Language language = Language::English; ///< of `reply`: the member's
    QString reply; ///< what to tell the member; empty when nothing needs saying
    bool listChanged = false; ///< the list should be reposted
};

} // namespace chorus::activities
