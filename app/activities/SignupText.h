#pragma once

// The words of a sign-up chain: the list as reposted in the group, the replies to
// members (in the member's language), and the CSV export for the organiser.

#include "activities/SignupTypes.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace chorus::activities {

/// How an entry is named on the list: its name field when the chain has one, else the nick.
QString signupDisplayName(const SignupConfig &config, const SignupEntry &entry);
/// An entry's line on the list, without its number: "Alice Smith M".
QString signupEntryText(const SignupConfig &config, const SignupEntry &entry);

/// The whole list for reposting: title, deadline in group time, numbered entries,
/// waitlist, places left, how to join.
QString renderSignupList(const SignupConfig &config, const SignupState &state, Language language);

/// CSV for the organiser: list then waitlist, one column per field.
QByteArray signupCsv(const SignupConfig &config, const SignupState &state, Language language);

/// What to tell @p nick about @p outcome (in outcome.language); empty when nothing.
QString signupReply(const SignupConfig &config, const SignupOutcome &outcome, const QString &nick);

/// A line the list itself carries (title, deadline, headings, footer), in either language.
bool isSignupStructuralLine(const SignupConfig &config, QStringView line);
/// The heading above the waitlist, in either language.
bool isWaitlistHeading(QStringView line);

} // namespace chorus::activities
