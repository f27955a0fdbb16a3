#pragma once

// Shared by the MamManager tests: a client logged in to a scripted server with a
// MamManager and a sink behind it, and the archive's side of a query.

#include "ScriptedClient.h"

#include "xmpp/Extension.h"
#include "xmpp/DataForm.h"
#include "xmpp/MamManager.h"
#include "xmpp/Namespaces.h"

#include <QObject>
#include <QTest>

#include <memory>
#include <optional>

namespace chorus::xmpp::mamtest {

inline const QString Room = QStringLiteral("bali@conference.localhost");

// What the client asked in one archive query.
struct QueryIn
{
    QString iqId;
    QString queryId;
    QString to;
    QString after;
    std::optional<QString> before;
    QString start;
    int max = -1;
    DataForm form;
};

class Sink : public Extension
{
public:
    bool handleStanza(const Element &stanza) override
    {
        seen.append(stanza);
        return false;
    }
    QList<Element> seen;
};

inline QByteArray resultXml(const QString &from, const QString &queryId, const QString &id,
                            const QString &nick, const QString &body, const QByteArray &extra = {},
                            const QString &innerFrom = {})
{
    QByteArray xml = "<message";
    if (!from.isNull())
        xml += " from='" + from.toUtf8() + "'";
    xml += " to='user@localhost/chorus'><result xmlns='urn:xmpp:mam:2' queryid='" + queryId.toUtf8()
        + "' id='" + id.toUtf8()
        + "'><forwarded xmlns='urn:xmpp:forward:0'>"
          "<delay xmlns='urn:xmpp:delay' stamp='2024-05-01T10:00:00Z'/>"
          "<message xmlns='jabber:client' type='groupchat' from='"
        + (innerFrom.isEmpty() ? (Room + u'/' + nick) : innerFrom).toUtf8() + "' id='orig-"
        + id.toUtf8() + "'><body>" + body.toUtf8() + "</body>" + extra
        + "</message></forwarded></result></message>";
    return xml;
}

inline QByteArray finXml(const QueryIn &q, const QString &from, bool complete,
                         const QStringList &ids, int count = -1)
{
    QByteArray xml = "<iq type='result' id='" + q.iqId.toUtf8() + "'";
    if (!from.isEmpty())
        xml += " from='" + from.toUtf8() + "'";
    xml += "><fin xmlns='urn:xmpp:mam:2'" + QByteArray(complete ? " complete='true'" : "")
        + "><set xmlns='http://jabber.org/protocol/rsm'>";
    if (!ids.isEmpty())
        xml += "<first index='0'>" + ids.first().toUtf8() + "</first><last>" + ids.last().toUtf8()
            + "</last>";
    if (count >= 0)
        xml += "<count>" + QByteArray::number(count) + "</count>";
    return xml + "</set></fin></iq>";
}

class MamTestBase : public QObject
{
protected:
    void setUp();
    void tearDown();
    std::optional<QueryIn> nextQuery();
    void answer(const QueryIn &q, const QStringList &ids, bool complete,
                const QString &nickPrefix = QStringLiteral("n"));

    std::unique_ptr<test::ScriptedClient> m_c;
    std::unique_ptr<MamManager> m_mam;
    std::unique_ptr<Sink> m_sink;
};

inline void MamTestBase::setUp()
{
    auto s = test::ScriptedClient::defaultSettings();
    s.plaintextOnLoopback = true;
    s.resource = QStringLiteral("chorus");
    m_c = std::make_unique<test::ScriptedClient>(s);
    m_mam = std::make_unique<MamManager>();
    m_sink = std::make_unique<Sink>();
    m_c->client->addExtension(m_mam.get());
    m_c->client->addExtension(m_sink.get());
    QVERIFY2(m_c->login(), qPrintable(m_c->server.failure()));
}

inline void MamTestBase::tearDown()
{
    m_mam.reset();
    m_sink.reset();
    m_c.reset();
}

inline std::optional<QueryIn> MamTestBase::nextQuery()
{
    const auto iq = m_c->server.nextStanza();
    if (!iq || !iq->is(u"iq", ns::Client))
        return std::nullopt;
    const Element query = iq->child(u"query", ns::Mam);
    if (query.isNull())
        return std::nullopt;
    QueryIn q;
    q.iqId = iq->attribute(u"id");
    q.to = iq->attribute(u"to");
    q.queryId = query.attribute(u"queryid");
    const Element set = query.child(u"set", ns::Rsm);
    q.after = set.childText(u"after", ns::Rsm);
    if (set.hasChild(u"before", ns::Rsm))
        q.before = set.childText(u"before", ns::Rsm);
    q.max = set.childText(u"max", ns::Rsm).toInt();
    q.form = DataForm::findIn(query).value_or(DataForm());
    q.start = q.form.value(QStringLiteral("start"));
    return q;
}

inline void MamTestBase::answer(const QueryIn &q, const QStringList &ids, bool complete,
                                const QString &nickPrefix)
{
    const QString archive = q.to.isEmpty() ? QString() : q.to;
    for (const QString &id : ids)
        m_c->server.send(
            resultXml(archive, q.queryId, id, nickPrefix + id, QStringLiteral("body ") + id));
    m_c->server.send(finXml(q, archive, complete, ids));
}

} // namespace chorus::xmpp::mamtest
