#pragma once

#include "xmpp/DataForm.h"
#include "xmpp/Element.h"
#include "xmpp/Jid.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace chorus::xmpp {

/// An XEP-0030 identity.
struct DiscoIdentity
{
    QString category;
    QString type;
    QString name;
    QString lang;
    friend bool operator==(const DiscoIdentity &, const DiscoIdentity &) = default;
};

/// What an entity says it is and can do (XEP-0030 disco#info), with its XEP-0128
/// extended information forms.
struct DiscoInfo
{
    QList<DiscoIdentity> identities;
    QStringList features;
    QList<DataForm> forms; ///< XEP-0128 extended information (forms of type result)

    bool hasFeature(QStringView feature) const { return features.contains(feature); }
    bool hasIdentity(QStringView category, QStringView type) const;
    /// The first value of field `var` in the form with FORM_TYPE `formType`.
    QString formValue(QStringView formType, QStringView var) const;

    /// From a disco#info <query/>.
    static std::optional<DiscoInfo> fromQuery(const Element &query);
    /// The <query xmlns='disco#info'/> (with `node` when set).
    Element toQuery(const QString &node = {}) const;

    /// The XEP-0115 verification string (before hashing).
    QString capsString() const;
    /// XEP-0115 'ver' with SHA-1 (base64).
    QString capsVer() const;
    /// False when XEP-0115 section 5.4 makes the info unusable for caps (duplicate
    /// identities or features, several forms with one FORM_TYPE, a form without one
    /// being fine: it is ignored).
    bool isValidForCaps() const;

    friend bool operator==(const DiscoInfo &, const DiscoInfo &) = default;
};

/// An XEP-0030 item.
struct DiscoItem
{
    Jid jid;
    QString node;
    QString name;
    friend bool operator==(const DiscoItem &, const DiscoItem &) = default;
};

} // namespace chorus::xmpp

Q_DECLARE_METATYPE(chorus::xmpp::DiscoInfo)
