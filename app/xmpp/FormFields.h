#pragma once

// The few XEP-0004 data-form operations the archive, bookmark, disco and upload code
// needs: a submit form for MAM queries and publish-options, and reading values out of
// extended disco info and node configuration.

#include "xmpp/Element.h"

#include <QList>
#include <QStringList>

#include <utility>

namespace chorus::xmpp {

using FormFieldList = QList<std::pair<QString, QStringList>>;

/// A form of type 'submit' with a hidden FORM_TYPE and `fields` in order.
Element makeSubmitForm(const QString &formType, const FormFieldList &fields);
/// The FORM_TYPE of a form (empty when it has none).
QString formTypeOf(const Element &form);
/// The values of field `var` (empty when the form has no such field).
QStringList formValues(const Element &form, QStringView var);
/// The first jabber:x:data child of `parent` whose FORM_TYPE is `formType`.
Element findForm(const Element &parent, QStringView formType);

} // namespace chorus::xmpp
