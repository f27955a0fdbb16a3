#include "xmpp/StreamError.h"

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace chorus::xmpp {
namespace {

using C = StreamErrorCondition;
const std::array<std::pair<C, QStringView>, 25> &names()
{
    static const std::array<std::pair<C, QStringView>, 25> table {{
        {C::BadFormat, u"bad-format"},
        {C::BadNamespacePrefix, u"bad-namespace-prefix"},
        {C::Conflict, u"conflict"},
        {C::ConnectionTimeout, u"connection-timeout"},
        {C::HostGone, u"host-gone"},
        {C::HostUnknown, u"host-unknown"},
        {C::ImproperAddressing, u"improper-addressing"},
        {C::InternalServerError, u"internal-server-error"},
        {C::InvalidFrom, u"invalid-from"},
        {C::InvalidNamespace, u"invalid-namespace"},
        {C::InvalidXml, u"invalid-xml"},
        {C::NotAuthorized, u"not-authorized"},
        {C::NotWellFormed, u"not-well-formed"},
        {C::PolicyViolation, u"policy-violation"},
        {C::RemoteConnectionFailed, u"remote-connection-failed"},
        {C::Reset, u"reset"},
        {C::ResourceConstraint, u"resource-constraint"},
        {C::RestrictedXml, u"restricted-xml"},
        {C::SeeOtherHost, u"see-other-host"},
        {C::SystemShutdown, u"system-shutdown"},
        {C::UndefinedCondition, u"undefined-condition"},
        {C::UnsupportedEncoding, u"unsupported-encoding"},
        {C::UnsupportedFeature, u"unsupported-feature"},
        {C::UnsupportedStanzaType, u"unsupported-stanza-type"},
        {C::UnsupportedVersion, u"unsupported-version"},
    }};
    return table;
}

} // namespace

QString conditionName(StreamErrorCondition condition)
{
    for (const auto &[c, name] : names()) {
        if (c == condition)
            return name.toString();
    }
    return u"undefined-condition"_s;
}

StreamErrorCondition streamErrorConditionFromString(QStringView name)
{
    for (const auto &[c, n] : names()) {
        if (n == name)
            return c;
    }
    return C::UndefinedCondition;
}

} // namespace chorus::xmpp
