#pragma once

#include "xmpp/Element.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace chorus::xmpp {

/// A XEP-0004 data form (`<x xmlns='jabber:x:data'/>`): room configuration, search,
/// registration. Forms come from other entities, so parsing is defensive: unknown
/// types and field types are kept as text, sizes are capped (maxFields, maxValues),
/// and nothing in the input can make parsing fail other than not being a form.
class DataForm
{
public:
    enum class Type { Form, Submit, Cancel, Result };

    struct Option
    {
        QString label;
        QString value;
        friend bool operator==(const Option &, const Option &) = default;
    };

    struct Field
    {
        QString var;
        QString type; ///< "boolean", "text-single", "list-single"...; empty means text-single
        QString label;
        QString desc;
        bool required = false;
        QStringList values;
        QList<Option> options;
        /// XEP-0122 <validate><range min max/></validate> bounds, empty when not given
        /// (Prosody states pubsub#max_items "max" this way).
        QString rangeMin;
        QString rangeMax;

        QString value() const { return values.value(0); }
        /// A boolean field's value ("1"/"true" are true); nullopt when not a boolean.
        std::optional<bool> boolValue() const;
        /// True when `value` is one of the options (or the field has none).
        bool allows(const QString &value) const;
        friend bool operator==(const Field &, const Field &) = default;
    };

    static constexpr int maxFields = 512;
    static constexpr int maxValues = 1024; ///< per field, and options per field

    DataForm() = default;
    explicit DataForm(Type type) : m_type(type) { }

    /// Parses an `<x xmlns='jabber:x:data'/>` element; nullopt when it is not one.
    static std::optional<DataForm> fromElement(const Element &x);
    /// The form inside `parent` (e.g. a muc#owner <query/>), nullopt when none.
    static std::optional<DataForm> findIn(const Element &parent);
    /// The first form inside `parent` whose FORM_TYPE is `formType`, nullopt when none.
    static std::optional<DataForm> findIn(const Element &parent, QStringView formType);
    /// A form of `type` whose first field is the hidden FORM_TYPE (XEP-0068): a MAM
    /// query, pubsub publish-options or node configuration.
    static DataForm withFormType(const QString &formType, Type type = Type::Submit);
    /// Serialises as `<x xmlns='jabber:x:data'/>`.
    Element toElement() const;

    Type type() const { return m_type; }
    void setType(Type type) { m_type = type; }
    QString title() const { return m_title; }
    void setTitle(const QString &title) { m_title = title; }
    QStringList instructions() const { return m_instructions; }
    void setInstructions(const QStringList &lines) { m_instructions = lines; }

    /// The FORM_TYPE hidden field's value (XEP-0068), empty when there is none.
    QString formType() const;

    const QList<Field> &fields() const { return m_fields; }
    QList<Field> &fields() { return m_fields; }
    bool hasField(const QString &var) const { return field(var) != nullptr; }
    const Field *field(const QString &var) const;
    Field *field(const QString &var);
    /// The first value of `var`, empty when absent.
    QString value(const QString &var) const;
    /// All values of `var`, empty when absent.
    QStringList values(const QString &var) const;
    /// Sets a field's values, adding a text-single field when it is missing.
    void setValues(const QString &var, const QStringList &values);
    void setValue(const QString &var, const QString &value) { setValues(var, {value}); }
    void setBool(const QString &var, bool value);
    void appendField(const Field &field) { m_fields.append(field); }

    /// The submission of this form as it stands: type submit, every field that has a
    /// var (fixed fields dropped), with its type and values, no labels or options.
    DataForm toSubmission() const;

    friend bool operator==(const DataForm &, const DataForm &) = default;

private:
    Type m_type = Type::Form;
    QString m_title;
    QStringList m_instructions;
    QList<Field> m_fields;
};

/// Parses XML text holding one data form: the entry point for fuzzing and tests.
std::optional<DataForm> parseDataForm(const QByteArray &xml);

} // namespace chorus::xmpp
