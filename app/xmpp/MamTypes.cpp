#include "xmpp/MamTypes.h"

#include "xmpp/DataForm.h"
#include "xmpp/Namespaces.h"
#include "xmpp/XmppDateTime.h"

using namespace Qt::StringLiterals;

namespace chorus::xmpp {

Element MamQuery::toQuery(const QString &queryId) const
{
    Element query(u"query"_s, ns::Mam);
    query.setAttribute(u"queryid"_s, queryId);
    DataForm form = DataForm::withFormType(ns::Mam);
    if (with.isValid())
        form.setValue(u"with"_s, with.toString());
    if (start.isValid())
        form.setValue(u"start"_s, formatXmppDateTime(start));
    if (end.isValid())
        form.setValue(u"end"_s, formatXmppDateTime(end));
    query.appendChild(form.toElement());
    Element set(u"set"_s, ns::Rsm);
    set.appendTextChild(u"max"_s, ns::Rsm, QString::number(qMax(0, max)));
    if (!after.isEmpty())
        set.appendTextChild(u"after"_s, ns::Rsm, after);
    if (before)
        set.appendTextChild(u"before"_s, ns::Rsm, *before);
    query.appendChild(set);
    return query;
}

MamError MamError::fromIqError(const IqError &error)
{
    MamError e;
    e.condition = error.condition;
    e.text = error.text;
    switch (error.code) {
    case IqError::Code::NotConnected:
        e.code = Code::NotConnected;
        return e;
    case IqError::Code::Timeout:
        e.code = Code::Timeout;
        return e;
    case IqError::Code::SessionLost:
        e.code = Code::SessionLost;
        return e;
    case IqError::Code::StanzaError:
        break;
    }
    if (error.condition == u"item-not-found")
        e.code = Code::ItemNotFound;
    else if (error.condition == u"bad-request" || error.condition == u"not-acceptable")
        e.code = Code::BadRequest;
    else if (error.condition == u"feature-not-implemented"
             || error.condition == u"service-unavailable")
        e.code = Code::NotSupported;
    else if (error.condition == u"forbidden" || error.condition == u"not-allowed"
             || error.condition == u"registration-required" || error.condition == u"not-authorized")
        e.code = Code::Forbidden;
    else
        e.code = Code::Remote;
    return e;
}

} // namespace chorus::xmpp
