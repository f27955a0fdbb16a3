#include "xmpp/DataForm.h"

#include "xmpp/Namespaces.h"

using namespace Qt::StringLiterals;

namespace chorus::xmpp {
namespace {

// Field values and labels are user-visible text, never structure: cap each so a
// hostile form cannot make us hold megabytes per field.
constexpr int maxTextLength = 64 * 1024;

QString capped(const QString &text)
{
    return text.size() > maxTextLength ? text.left(maxTextLength) : text;
}

std::optional<DataForm::Type> typeFromString(QStringView text)
{
    if (text == u"form")
        return DataForm::Type::Form;
    if (text == u"submit")
        return DataForm::Type::Submit;
    if (text == u"cancel")
        return DataForm::Type::Cancel;
    if (text == u"result")
        return DataForm::Type::Result;
    return std::nullopt;
}

QString typeToString(DataForm::Type type)
{
    switch (type) {
    case DataForm::Type::Form:
        return u"form"_s;
    case DataForm::Type::Submit:
        return u"submit"_s;
    case DataForm::Type::Cancel:
        return u"cancel"_s;
    case DataForm::Type::Result:
        return u"result"_s;
    }
    return u"form"_s;
}

DataForm::Field parseField(const Element &e)
{
    DataForm::Field f;
    f.var = capped(e.attribute(u"var"));
    f.type = e.attribute(u"type").left(64);
    f.label = capped(e.attribute(u"label"));
    for (const Element &c : e.children()) {
        if (c.ns() != ns::DataForms)
            continue;
        const QString name = c.name();
        if (name == u"value") {
            if (f.values.size() < DataForm::maxValues)
                f.values.append(capped(c.text()));
        } else if (name == u"desc") {
            f.desc = capped(c.text());
        } else if (name == u"required") {
            f.required = true;
        } else if (name == u"option") {
            if (f.options.size() < DataForm::maxValues)
                f.options.append({capped(c.attribute(u"label")),
                                  capped(c.childText(u"value", ns::DataForms))});
        }
    }
    const Element range
        = e.child(u"validate", ns::DataFormsValidate).child(u"range", ns::DataFormsValidate);
    f.rangeMin = range.attribute(u"min").left(64);
    f.rangeMax = range.attribute(u"max").left(64);
    return f;
}

} // namespace

std::optional<bool> DataForm::Field::boolValue() const
{
    const QString v = value().trimmed();
    if (v == u"1" || v == u"true")
        return true;
    if (v == u"0" || v == u"false" || (v.isEmpty() && type == u"boolean"))
        return false;
    return std::nullopt;
}

bool DataForm::Field::allows(const QString &value) const
{
    if (options.isEmpty())
        return true;
    for (const Option &o : options) {
        if (o.value == value)
            return true;
    }
    return false;
}

std::optional<DataForm> DataForm::fromElement(const Element &x)
{
    if (!x.is(u"x", ns::DataForms))
        return std::nullopt;
    DataForm form;
    // An unknown type is read as "form": the fields are still worth showing.
    form.m_type = typeFromString(x.attribute(u"type")).value_or(Type::Form);
    for (const Element &c : x.children()) {
        if (c.ns() != ns::DataForms)
            continue;
        const QString name = c.name();
        if (name == u"title") {
            form.m_title = capped(c.text());
        } else if (name == u"instructions") {
            if (form.m_instructions.size() < maxValues)
                form.m_instructions.append(capped(c.text()));
        } else if (name == u"field") {
            if (form.m_fields.size() < maxFields)
                form.m_fields.append(parseField(c));
        }
        // <reported/> and <item/> (multi-item results) are not used by Chorus.
    }
    return form;
}

std::optional<DataForm> DataForm::findIn(const Element &parent)
{
    return fromElement(parent.child(u"x", ns::DataForms));
}

std::optional<DataForm> DataForm::findIn(const Element &parent, QStringView formType)
{
    for (const Element &x : parent.children(u"x", ns::DataForms)) {
        std::optional<DataForm> form = fromElement(x);
        if (form && form->formType() == formType)
            return form;
    }
    return std::nullopt;
}

DataForm DataForm::withFormType(const QString &formType, Type type)
{
    DataForm form(type);
    Field field;
    field.var = u"FORM_TYPE"_s;
    field.type = u"hidden"_s;
    field.values = {formType};
    form.m_fields.append(field);
    return form;
}

Element DataForm::toElement() const
{
    Element x(u"x"_s, ns::DataForms);
    x.setAttribute(u"type"_s, typeToString(m_type));
    if (!m_title.isEmpty())
        x.appendTextChild(u"title"_s, ns::DataForms, m_title);
    for (const QString &line : m_instructions)
        x.appendTextChild(u"instructions"_s, ns::DataForms, line);
    for (const Field &f : m_fields) {
        Element field(u"field"_s, ns::DataForms);
        if (!f.var.isEmpty())
            field.setAttribute(u"var"_s, f.var);
        if (!f.type.isEmpty())
            field.setAttribute(u"type"_s, f.type);
        if (!f.label.isEmpty())
            field.setAttribute(u"label"_s, f.label);
        if (!f.desc.isEmpty())
            field.appendTextChild(u"desc"_s, ns::DataForms, f.desc);
        if (f.required)
            field.appendChild(Element(u"required"_s, ns::DataForms));
        if (!f.rangeMin.isEmpty() || !f.rangeMax.isEmpty()) {
            Element range(u"range"_s, ns::DataFormsValidate);
            if (!f.rangeMin.isEmpty())
                range.setAttribute(u"min"_s, f.rangeMin);
            if (!f.rangeMax.isEmpty())
                range.setAttribute(u"max"_s, f.rangeMax);
            field.appendChild(Element(u"validate"_s, ns::DataFormsValidate).appendChild(range));
        }
        for (const QString &v : f.values)
            field.appendTextChild(u"value"_s, ns::DataForms, v);
        for (const Option &o : f.options) {
            Element option(u"option"_s, ns::DataForms);
            if (!o.label.isEmpty())
                option.setAttribute(u"label"_s, o.label);
            option.appendTextChild(u"value"_s, ns::DataForms, o.value);
            field.appendChild(option);
        }
        x.appendChild(field);
    }
    return x;
}

QString DataForm::formType() const
{
    const Field *f = field(u"FORM_TYPE"_s);
    return f ? f->value() : QString();
}

const DataForm::Field *DataForm::field(const QString &var) const
{
    for (const Field &f : m_fields) {
        if (f.var == var)
            return &f;
    }
    return nullptr;
}

DataForm::Field *DataForm::field(const QString &var)
{
    for (Field &f : m_fields) {
        if (f.var == var)
            return &f;
    }
    return nullptr;
}

QString DataForm::value(const QString &var) const
{
    const Field *f = field(var);
    return f ? f->value() : QString();
}

QStringList DataForm::values(const QString &var) const
{
    const Field *f = field(var);
    return f ? f->values : QStringList();
}

void DataForm::setValues(const QString &var, const QStringList &values)
{
    if (Field *f = field(var)) {
        f->values = values;
        return;
    }
    Field f;
    f.var = var;
    f.values = values;
    m_fields.append(f);
}

void DataForm::setBool(const QString &var, bool value)
{
    setValue(var, value ? u"1"_s : u"0"_s);
}

DataForm DataForm::toSubmission() const
{
    DataForm out(Type::Submit);
    for (const Field &f : m_fields) {
        if (f.var.isEmpty() || f.type == u"fixed")
            continue;
        Field s;
        s.var = f.var;
        s.type = f.type;
        s.values = f.values;
        out.m_fields.append(s);
    }
    return out;
}

std::optional<DataForm> parseDataForm(const QByteArray &xml)
{
    const auto element = Element::fromXml(xml, ns::DataForms);
    if (!element)
        return std::nullopt;
    return DataForm::fromElement(*element);
}

} // namespace chorus::xmpp
