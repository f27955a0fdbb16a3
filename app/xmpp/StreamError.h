#pragma once

#include <QString>

namespace chorus::xmpp {

/// Defined conditions of a stream error (RFC 6120 section 4.9.3).
enum class StreamErrorCondition {
    BadFormat,
    BadNamespacePrefix,
    Conflict,
    ConnectionTimeout,
    HostGone,
    HostUnknown,
    ImproperAddressing,
    InternalServerError,
    InvalidFrom,
    InvalidNamespace,
    InvalidXml,
    NotAuthorized,
    NotWellFormed,
    PolicyViolation,
    RemoteConnectionFailed,
    Reset,
    ResourceConstraint,
    RestrictedXml,
    SeeOtherHost,
    SystemShutdown,
    UndefinedCondition,
    UnsupportedEncoding,
    UnsupportedFeature,
    UnsupportedStanzaType,
    UnsupportedVersion,
};

/// The element name of a condition ("restricted-xml").
QString conditionName(StreamErrorCondition condition);
/// The condition named `name`; UndefinedCondition for unknown names.
StreamErrorCondition streamErrorConditionFromString(QStringView name);

/// A stream error, sent or received: the condition and an optional explanation.
struct StreamError
{
    StreamErrorCondition condition = StreamErrorCondition::UndefinedCondition;
    QString text;
};

} // namespace chorus::xmpp
