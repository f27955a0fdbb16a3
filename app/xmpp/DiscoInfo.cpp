#include "xmpp/DiscoInfo.h"

#include "xmpp/Namespaces.h"

#include <QCryptographicHash>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace chorus::xmpp {
namespace {

QString identityKey(const DiscoIdentity &i)
{
    return i.category + u'/' + i.type + u'/' + i.lang + u'/' + i.name;
}

// XEP-0115 sorts with "i;octet" collation: compare UTF-8 bytes.
bool octetLess(const QString &a, const QString &b)
{
    return a.toUtf8() < b.toUtf8();
}

} // namespace

bool DiscoInfo::hasIdentity(QStringView category, QStringView type) const
{
    return std::any_of(identities.cbegin(), identities.cend(), [&](const DiscoIdentity &i) {
        return i.category == category && i.type == type;
    });
}

QString DiscoInfo::formValue(QStringView formType, QStringView var) const
{
    for (const DataForm &form : forms) {
        if (form.formType() == formType)
            return form.value(var.toString());
    }
    return {};
}

std::optional<DiscoInfo> DiscoInfo::fromQuery(const Element &query)
{
    if (!query.is(u"query", ns::DiscoInfo))
        return std::nullopt;
    DiscoInfo info;
    for (const Element &child : query.children()) {
        if (child.is(u"identity", ns::DiscoInfo)) {
            info.identities.append({child.attribute(u"category"), child.attribute(u"type"),
                                    child.attribute(u"name"), child.attribute(u"lang", ns::Xml)});
        } else if (child.is(u"feature", ns::DiscoInfo)) {
            const QString var = child.attribute(u"var");
            if (!var.isEmpty())
                info.features.append(var);
        } else if (auto form = DataForm::fromElement(child)) {
            info.forms.append(*form);
        }
    }
    return info;
}

Element DiscoInfo::toQuery(const QString &node) const
{
    Element query(u"query"_s, ns::DiscoInfo);
    if (!node.isEmpty())
        query.setAttribute(u"node"_s, node);
    for (const DiscoIdentity &i : identities) {
        Element identity(u"identity"_s, ns::DiscoInfo);
        identity.setAttribute(u"category"_s, i.category).setAttribute(u"type"_s, i.type);
        if (!i.name.isEmpty())
            identity.setAttribute(u"name"_s, i.name);
        if (!i.lang.isEmpty())
            identity.setAttribute(u"lang"_s, i.lang, ns::Xml);
        query.appendChild(identity);
    }
    for (const QString &feature : features)
        query.appendChild(Element(u"feature"_s, ns::DiscoInfo).setAttribute(u"var"_s, feature));
    for (const DataForm &form : forms)
        query.appendChild(form.toElement());
    return query;
}

QString DiscoInfo::capsString() const
{
    QStringList ids;
    for (const DiscoIdentity &i : identities)
        ids.append(identityKey(i));
    std::sort(ids.begin(), ids.end(), octetLess);
    QStringList feats = features;
    std::sort(feats.begin(), feats.end(), octetLess);
    QString s;
    for (const QString &i : std::as_const(ids))
        s += i + u'<';
    for (const QString &f : std::as_const(feats))
        s += f + u'<';
    QList<DataForm> typed;
    for (const DataForm &form : forms) {
        if (!form.formType().isEmpty())
            typed.append(form);
    }
    std::sort(typed.begin(), typed.end(), [](const DataForm &a, const DataForm &b) {
        return octetLess(a.formType(), b.formType());
    });
    for (const DataForm &form : std::as_const(typed)) {
        s += form.formType() + u'<';
        QList<DataForm::Field> fields;
        for (const DataForm::Field &field : form.fields()) {
            if (field.var != u"FORM_TYPE")
                fields.append(field);
        }
        std::sort(fields.begin(), fields.end(),
                  [](const DataForm::Field &a, const DataForm::Field &b) {
                      return octetLess(a.var, b.var);
                  });
        for (const DataForm::Field &field : std::as_const(fields)) {
            s += field.var + u'<';
            QStringList values = field.values;
            std::sort(values.begin(), values.end(), octetLess);
            for (const QString &value : std::as_const(values))
                s += value + u'<';
        }
    }
    return s;
}

QString DiscoInfo::capsVer() const
{
    return QString::fromLatin1(
        QCryptographicHash::hash(capsString().toUtf8(), QCryptographicHash::Sha1).toBase64());
}

bool DiscoInfo::isValidForCaps() const
{
    QSet<QString> seen;
    for (const DiscoIdentity &i : identities) {
        if (seen.contains(identityKey(i)))
            return false;
        seen.insert(identityKey(i));
    }
    if (QSet<QString>(features.cbegin(), features.cend()).size() != features.size())
        return false;
    QSet<QString> types;
    for (const DataForm &form : forms) {
        const QString type = form.formType();
        if (type.isEmpty())
            continue;
        if (types.contains(type))
            return false;
        types.insert(type);
    }
    return true;
}

} // namespace chorus::xmpp
