// xmpp::Element: building, lookups by name and namespace, serialisation (escaping,
// namespaces, characters XML forbids) and the parse/serialise round trip.
#include "xmpp/Element.h"
#include "xmpp/Namespaces.h"

#include <QTest>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;
using chorus::xmpp::Element;
namespace ns = chorus::xmpp::ns;

class tst_Element : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void nullElementIsHarmless();
    void buildAndLookUp();
    void lookupsRespectNamespaces();
    void serialisesWithInheritedNamespace();
    void escapesAndDropsForbiddenCharacters();
    void roundTrip();
    void xmlLangAndNamespacedAttributes();
    void writesThroughQXmlStreamWriter();
    void copiesAreIndependent();
    void fromXmlRejectsBadInput();
};

void tst_Element::nullElementIsHarmless()
{
    const Element e;
    QVERIFY(e.isNull());
    QVERIFY(e.child(u"body", ns::Client).isNull());
    QVERIFY(e.attribute(u"id").isNull());
    QVERIFY(e.children().isEmpty());
    QCOMPARE(e.toXml(), QByteArray());
}

void tst_Element::buildAndLookUp()
{
    Element message(u"message"_s, ns::Client);
    message.setAttribute(u"type"_s, u"groupchat"_s)
        .setAttribute(u"to"_s, u"room@conference.localhost"_s)
        .appendTextChild(u"body"_s, ns::Client, u"hello"_s)
        .appendChild(Element(u"origin-id"_s, u"urn:xmpp:sid:0"_s).setAttribute(u"id"_s, u"o1"_s));
    QCOMPARE(message.attribute(u"type"), u"groupchat"_s);
    QVERIFY(message.hasAttribute(u"to"));
    QVERIFY(!message.hasAttribute(u"from"));
    QCOMPARE(message.childText(u"body", ns::Client), u"hello"_s);
    QCOMPARE(message.child(u"origin-id", u"urn:xmpp:sid:0").attribute(u"id"), u"o1"_s);
    QCOMPARE(message.children().size(), 2);
    message.setAttribute(u"type"_s, u"chat"_s);
    QCOMPARE(message.attributes().size(), 2);
    QCOMPARE(message.attribute(u"type"), u"chat"_s);
    QCOMPARE(message.removeChildren(u"body", ns::Client), 1);
    QVERIFY(!message.hasChild(u"body", ns::Client));
}

void tst_Element::lookupsRespectNamespaces()
{
    // A <body/> in another namespace is not the message body.
    const auto e = Element::fromXml(
        "<message><body xmlns='urn:evil'>fake</body><body>real</body></message>", ns::Client);
    QVERIFY(e);
    QCOMPARE(e->childText(u"body", ns::Client), u"real"_s);
    QCOMPARE(e->children(u"body", u"urn:evil").size(), 1);
    QCOMPARE(e->childrenInNamespace(ns::Client).size(), 1);
}

void tst_Element::serialisesWithInheritedNamespace()
{
    Element iq(u"iq"_s, ns::Client);
    iq.setAttribute(u"type"_s, u"get"_s).appendChild(Element(u"ping"_s, ns::Ping));
    QCOMPARE(iq.toXml(ns::Client),
             QByteArray("<iq type=\"get\"><ping xmlns=\"urn:xmpp:ping\"/></iq>"));
    QCOMPARE(iq.toXml(),
             QByteArray(
                 "<iq xmlns=\"jabber:client\" type=\"get\"><ping xmlns=\"urn:xmpp:ping\"/></iq>"));
}

void tst_Element::escapesAndDropsForbiddenCharacters()
{
    Element body(u"body"_s, ns::Client);
    body.setAttribute(u"a"_s, u"x\"<&>\ty"_s);
    body.setText(u"1 < 2 & 3 > 2 \x01\x08 ok"_s + QChar(0xD800) + u"!"_s);
    QCOMPARE(
        body.toXml(ns::Client),
        QByteArray("<body a=\"x&quot;&lt;&amp;&gt;&#x9;y\">1 &lt; 2 &amp; 3 &gt; 2  ok!</body>"));
    // What was written parses back to what was meant (minus the forbidden characters).
    const auto back = Element::fromXml(body.toXml(ns::Client), ns::Client);
    QVERIFY(back);
    QCOMPARE(back->attribute(u"a"), u"x\"<&>\ty"_s);
    QCOMPARE(back->text(), u"1 < 2 & 3 > 2  ok!"_s);
}

void tst_Element::roundTrip()
{
    const QByteArray xml
        = "<message from='room@conference.localhost/Ann' type='groupchat' id='m1'>"
          "<body>\xe4\xbd\xa0\xe5\xa5\xbd \xf0\x9f\x91\x8b</body>"
          "<stanza-id xmlns='urn:xmpp:sid:0' id='s1' by='room@conference.localhost'/>"
          "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='member' "
          "role='participant'/></x>"
          "</message>";
    const auto parsed = Element::fromXml(xml, ns::Client);
    QVERIFY(parsed);
    QCOMPARE(parsed->childText(u"body", ns::Client), u"你好 👋"_s);
    const auto again = Element::fromXml(parsed->toXml(), QString());
    QVERIFY(again);
    QCOMPARE(*again, *parsed);
}

void tst_Element::xmlLangAndNamespacedAttributes()
{
    const auto e = Element::fromXml("<body xml:lang='de' xmlns:p='urn:x' p:flag='1'>Hallo</body>",
                                    ns::Client);
    QVERIFY(e);
    QCOMPARE(e->attribute(u"lang", ns::Xml), u"de"_s);
    QCOMPARE(e->attribute(u"flag", u"urn:x"), u"1"_s);
    QVERIFY(e->attribute(u"flag").isNull());
    const auto again = Element::fromXml(e->toXml(ns::Client), ns::Client);
    QVERIFY(again);
    QCOMPARE(*again, *e);
}

void tst_Element::writesThroughQXmlStreamWriter()
{
    Element presence(u"presence"_s, ns::Client);
    presence.appendChild(
        Element(u"x"_s, u"http://jabber.org/protocol/muc"_s)
            .appendTextChild(u"password"_s, u"http://jabber.org/protocol/muc"_s, u"p&w"_s));
    QByteArray out;
    QXmlStreamWriter writer(&out);
    presence.write(writer);
    const auto back = Element::fromXml(out);
    QVERIFY2(back, out.constData());
    QCOMPARE(*back, presence);
}

void tst_Element::copiesAreIndependent()
{
    Element a(u"message"_s, ns::Client);
    a.setAttribute(u"id"_s, u"1"_s);
    Element b = a;
    b.setAttribute(u"id"_s, u"2"_s).appendTextChild(u"body"_s, ns::Client, u"x"_s);
    QCOMPARE(a.attribute(u"id"), u"1"_s);
    QVERIFY(a.children().isEmpty());
    QVERIFY(a != b);
}

void tst_Element::fromXmlRejectsBadInput()
{
    QVERIFY(!Element::fromXml("<a><b></a>"));
    QVERIFY(!Element::fromXml("<a/><b/>"));
    QVERIFY(!Element::fromXml("<!-- c --><a/>"));
    QVERIFY(!Element::fromXml("<a>&custom;</a>"));
    QVERIFY(!Element::fromXml(""));
}

QTEST_GUILESS_MAIN(tst_Element)
#include "tst_element.moc"
