#pragma once

#include "xmpp/DataForm.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace chorus::xmpp {

/// The room settings Chorus manages, mapped onto whatever configuration form the
/// server offers (XEP-0045 §10.2 muc#roomconfig, plus the fields Prosody and ejabberd
/// use for the same thing). Unset members are left as the server has them.
struct MucRoomConfig
{
    std::optional<QString> name;
    std::optional<QString> description;
    std::optional<bool> membersOnly;
    std::optional<int> maxUsers; ///< 0: no limit (or the server's largest)
    std::optional<bool> realJidsToAnyone; ///< whois: true = anyone, false = moderators
    std::optional<bool> persistent;
    std::optional<bool> isPublic;
    std::optional<bool> moderated;
    std::optional<int> historyLength; ///< messages sent to newcomers on join
    std::optional<bool> archived; ///< XEP-0313 archive of the room
    std::optional<bool> membersCanInvite;

    /// Reads the values a server's form holds (fields it lacks stay unset).
    static MucRoomConfig fromForm(const DataForm &form);

    /// The submission that applies this config to `serverForm`, and what could not be
    /// applied exactly: `unsupported` names settings the server has no field for,
    /// `adjusted` those changed to the nearest value the server allows.
    struct Submission
    {
        DataForm form;
        QStringList unsupported;
        QStringList adjusted;
    };
    Submission applyTo(const DataForm &serverForm) const;

    friend bool operator==(const MucRoomConfig &, const MucRoomConfig &) = default;
};

/// The field names each setting may have, first the XEP-0045 one (tests and
/// diagnostics print them).
namespace mucfield {
QStringList name();
QStringList description();
QStringList membersOnly();
QStringList maxUsers();
QStringList whois();
QStringList persistent();
QStringList isPublic();
QStringList moderated();
QStringList historyLength();
QStringList archived();
QStringList membersCanInvite();
} // namespace mucfield

} // namespace chorus::xmpp
