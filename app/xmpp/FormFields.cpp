#include "xmpp/FormFields.h"

#include "xmpp/Namespaces.h"

using namespace Qt::StringLiterals;

namespace chorus::xmpp {

Element makeSubmitForm(const QString &formType, const FormFieldList &fields)
{
    Element form(u"x"_s, ns::DataForms);
    form.setAttribute(u"type"_s, u"submit"_s);
    Element type(u"field"_s, ns::DataForms);
    type.setAttribute(u"var"_s, u"FORM_TYPE"_s).setAttribute(u"type"_s, u"hidden"_s);
    type.appendTextChild(u"value"_s, ns::DataForms, formType);
    form.appendChild(type);
    for (const auto &[var, values] : fields) {
        Element field(u"field"_s, ns::DataForms);
        field.setAttribute(u"var"_s, var);
        for (const QString &value : values)
            field.appendTextChild(u"value"_s, ns::DataForms, value);
        form.appendChild(field);
    }
    return form;
}

QStringList formValues(const Element &form, QStringView var)
{
    for (const Element &field : form.children(u"field", ns::DataForms)) {
        if (field.attribute(u"var") != var)
            continue;
        QStringList values;
        for (const Element &value : field.children(u"value", ns::DataForms))
            values.append(value.text());
        return values;
    }
    return {};
}

QString formTypeOf(const Element &form)
{
    const QStringList values = formValues(form, u"FORM_TYPE");
    return values.isEmpty() ? QString() : values.first();
}

Element findForm(const Element &parent, QStringView formType)
{
    for (const Element &form : parent.children(u"x", ns::DataForms)) {
        if (formTypeOf(form) == formType)
            return form;
    }
    return {};
}

} // namespace chorus::xmpp
