// xmpp::StreamParser: incremental parsing in arbitrary chunks, the stream header and
// end, restarts, and one test per attack the parser stops: DOCTYPE and entity
// expansion, processing instructions, comments, undeclared entities, oversized
// stanzas, deep nesting, invalid UTF-8 and encoding switches.
#include "xmpp/Namespaces.h"
#include "xmpp/StreamParser.h"

#include <QTest>

using namespace Qt::StringLiterals;
using chorus::xmpp::Element;
using chorus::xmpp::StreamErrorCondition;
using chorus::xmpp::StreamParser;
namespace ns = chorus::xmpp::ns;

namespace {

const QByteArray Header = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
                          "xmlns:stream='http://etherx.jabber.org/streams' id='s1' "
                          "from='localhost' version='1.0' xml:lang='en'>";

struct Outcome
{
    bool header = false;
    QList<Element> elements;
    bool ended = false;
    bool failed = false;
    StreamErrorCondition condition = StreamErrorCondition::UndefinedCondition;
    qsizetype fedWhenFailed = -1; ///< bytes fed when the error was reported
};

// Feeds `data` in chunks of `chunk` bytes, collecting what the parser reports.
Outcome parse(const QByteArray &data, qsizetype chunk = 0, StreamParser::Limits limits = {})
{
    StreamParser parser(limits);
    Outcome out;
    if (chunk <= 0)
        chunk = data.size();
    for (qsizetype off = 0; off < data.size() && !out.failed; off += chunk) {
        parser.feed(data.mid(off, chunk));
        for (bool more = true; more;) {
            switch (parser.next()) {
            case StreamParser::Status::Header:
                out.header = true;
                break;
            case StreamParser::Status::Element:
                out.elements.append(parser.takeElement());
                break;
            case StreamParser::Status::StreamEnd:
                out.ended = true;
                more = false;
                break;
            case StreamParser::Status::NeedMoreData:
                more = false;
                break;
            case StreamParser::Status::Error:
                out.failed = true;
                out.condition = parser.error().condition;
                out.fedWhenFailed = qMin(off + chunk, data.size());
                more = false;
                break;
            }
        }
    }
    return out;
}

} // namespace

class tst_StreamParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void headerAndElements();
    void anyChunkingGivesTheSameElements();
    void keepalivesAndStreamEnd();
    void restartForANewStream();
    void predefinedEntitiesAndCdataAreFine();
    void wrongRootIsRefused();
    void textBetweenStanzasIsRefused();

    // Attacks.
    void doctypeWithEntityExpansionIsRestricted();
    void processingInstructionIsRestricted();
    void commentIsRestricted();
    void undeclaredEntityIsRestricted();
    void oversizedStanzaIsRefused();
    void oversizedStanzaIsRefusedBeforeItEnds();
    void stanzaUnderTheLimitPasses();
    void dataAfterAStanzaDoesNotCountTowardsIt();
    void deepNestingIsRefused();
    void invalidUtf8IsRefused_data();
    void invalidUtf8IsRefused();
    void encodingCannotBeSwitched();
    void failureIsFinal();
};

void tst_StreamParser::headerAndElements()
{
    StreamParser parser;
    parser.feed(Header + "<message to='a@localhost' type='chat'><body>hi</body></message>");
    QCOMPARE(parser.next(), StreamParser::Status::Header);
    QCOMPARE(parser.header().id, u"s1"_s);
    QCOMPARE(parser.header().from, u"localhost"_s);
    QCOMPARE(parser.header().version, u"1.0"_s);
    QCOMPARE(parser.header().lang, u"en"_s);
    QCOMPARE(parser.header().defaultNs, ns::Client);
    QCOMPARE(parser.next(), StreamParser::Status::Element);
    const Element message = parser.takeElement();
    QVERIFY(message.is(u"message", ns::Client));
    QCOMPARE(message.attribute(u"type"), u"chat"_s);
    QCOMPARE(message.childText(u"body", ns::Client), u"hi"_s);
    QCOMPARE(parser.next(), StreamParser::Status::NeedMoreData);
}

void tst_StreamParser::anyChunkingGivesTheSameElements()
{
    const QByteArray stanzas
        = "<presence from='r@c/N\xc3\xa9' id='p1'><x xmlns='http://jabber.org/protocol/muc#user'>"
          "<item affiliation='member' role='participant'/></x></presence>"
          "<message type='groupchat'><body>\xe4\xbd\xa0\xe5\xa5\xbd &amp; \xf0\x9f\x91\x8b</body>"
          "<delay xmlns='urn:xmpp:delay' stamp='2026-01-01T00:00:00Z'/></message>"
          "<iq type='result' id='q1'/>";
    const Outcome whole = parse(Header + stanzas);
    QCOMPARE(whole.elements.size(), 3);
    for (qsizetype chunk : {1, 2, 3, 7, 64}) {
        const Outcome pieces = parse(Header + stanzas, chunk);
        QVERIFY(!pieces.failed);
        QCOMPARE(pieces.elements, whole.elements);
    }
    QCOMPARE(whole.elements[1].childText(u"body", ns::Client), u"你好 & 👋"_s);
    QCOMPARE(whole.elements[0].attribute(u"from"), u"r@c/Né"_s);
}

void tst_StreamParser::keepalivesAndStreamEnd()
{
    const Outcome out = parse(Header + " \n <iq type='get' id='1'/>\n\t </stream:stream>", 5);
    QVERIFY(!out.failed);
    QCOMPARE(out.elements.size(), 1);
    QVERIFY(out.ended);
}

void tst_StreamParser::restartForANewStream()
{
    StreamParser parser;
    parser.feed(Header + "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>");
    QCOMPARE(parser.next(), StreamParser::Status::Header);
    QCOMPARE(parser.next(), StreamParser::Status::Element);
    parser.takeElement();
    parser.reset();
    parser.feed(QByteArray(Header).replace("s1", "s2") + "<stream:features/>");
    QCOMPARE(parser.next(), StreamParser::Status::Header);
    QCOMPARE(parser.header().id, u"s2"_s);
    QCOMPARE(parser.next(), StreamParser::Status::Element);
    QVERIFY(parser.takeElement().is(u"features", ns::Stream));
}

void tst_StreamParser::predefinedEntitiesAndCdataAreFine()
{
    const Outcome out = parse(
        Header
        + "<message><body>&lt;&gt;&amp;&quot;&apos;&#65;&#x42;<![CDATA[<x>]]></body></message>");
    QVERIFY(!out.failed);
    QCOMPARE(out.elements.value(0).childText(u"body", ns::Client), u"<>&\"'AB<x>"_s);
}

void tst_StreamParser::wrongRootIsRefused()
{
    QCOMPARE(parse("<html><body/></html>").condition, StreamErrorCondition::BadFormat);
    QCOMPARE(parse("<stream:stream xmlns:stream='urn:wrong'>").condition,
             StreamErrorCondition::InvalidNamespace);
}

void tst_StreamParser::textBetweenStanzasIsRefused()
{
    const Outcome out = parse(Header + "<iq type='get' id='1'/>junk<iq type='get' id='2'/>");
    QVERIFY(out.failed);
    QCOMPARE(out.condition, StreamErrorCondition::BadFormat);
}

void tst_StreamParser::doctypeWithEntityExpansionIsRestricted()
{
    // The "billion laughs": never expanded, the DOCTYPE alone ends the stream.
    const QByteArray attack
        = "<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>"
          "<!ENTITY lol2 '&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'>"
          "<!ENTITY lol3 '&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;'>]>"
          "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>"
          "<message><body>&lol3;</body></message>";
    const Outcome out = parse(attack);
    QVERIFY(out.failed);
    QCOMPARE(out.condition, StreamErrorCondition::RestrictedXml);
    QVERIFY(out.elements.isEmpty());
}

void tst_StreamParser::processingInstructionIsRestricted()
{
    const Outcome out = parse(Header + "<message><?evil data?><body>x</body></message>");
    QVERIFY(out.failed);
    QCOMPARE(out.condition, StreamErrorCondition::RestrictedXml);
    QVERIFY(out.elements.isEmpty());
    QCOMPARE(parse(Header + "<?evil?>").condition, StreamErrorCondition::RestrictedXml);
}

void tst_StreamParser::commentIsRestricted()
{
    const Outcome out = parse(Header + "<message><!-- hidden --><body>x</body></message>");
    QVERIFY(out.failed);
    QCOMPARE(out.condition, StreamErrorCondition::RestrictedXml);
    QVERIFY(out.elements.isEmpty());
}

void tst_StreamParser::undeclaredEntityIsRestricted()
{
    const Outcome out = parse(Header + "<message><body>a &nbsp; b</body></message>");
    QVERIFY(out.failed);
    QCOMPARE(out.condition, StreamErrorCondition::RestrictedXml);
    QVERIFY(out.elements.isEmpty());
}

void tst_StreamParser::oversizedStanzaIsRefused()
{
    const QByteArray body(300 * 1024, 'x');
    const Outcome out = parse(Header + "<message><body>" + body + "</body></message>");
    QVERIFY(out.failed);
    QCOMPARE(out.condition, StreamErrorCondition::PolicyViolation);
    QVERIFY(out.elements.isEmpty());
}

void tst_StreamParser::oversizedStanzaIsRefusedBeforeItEnds()
{
    // A peer that never closes the element cannot make us buffer without bound: the
    // error comes at most one chunk after the limit, not at the end of the stanza.
    const QByteArray body(4 * 1024 * 1024, 'x');
    const QByteArray data = Header + "<message><body>" + body + "</body></message>";
    const qsizetype chunk = 16 * 1024;
    const Outcome out = parse(data, chunk);
    QVERIFY(out.failed);
    QCOMPARE(out.condition, StreamErrorCondition::PolicyViolation);
    QVERIFY2(out.fedWhenFailed <= Header.size() + 256 * 1024 + 2 * chunk,
             qPrintable(QString::number(out.fedWhenFailed)));
}

void tst_StreamParser::stanzaUnderTheLimitPasses()
{
    const QByteArray body(250 * 1024, 'y');
    const Outcome out = parse(Header + "<message><body>" + body + "</body></message>", 16 * 1024);
    QVERIFY(!out.failed);
    QCOMPARE(out.elements.size(), 1);
    QCOMPARE(out.elements[0].childText(u"body", ns::Client).size(), body.size());
    // The limit is configurable.
    StreamParser::Limits small;
    small.maxStanzaBytes = 1024;
    QCOMPARE(
        parse(Header + "<message><body>" + QByteArray(2000, 'z') + "</body></message>", 0, small)
            .condition,
        StreamErrorCondition::PolicyViolation);
}

void tst_StreamParser::dataAfterAStanzaDoesNotCountTowardsIt()
{
    // A 200 KiB stanza whose end arrives in one read together with 100 KiB of other
    // stanzas: only its own bytes count.
    const QByteArray big = "<message><body>" + QByteArray(200 * 1024, 'b') + "</body></message>";
    QByteArray following;
    int presences = 0;
    for (; following.size() < 100 * 1024; ++presences)
        following += "<presence from='r@c/n'><status>" + QByteArray(1000, 's') + "</status></presence>";
    StreamParser parser;
    parser.feed(Header + big.left(10 * 1024));
    QCOMPARE(parser.next(), StreamParser::Status::Header);
    QCOMPARE(parser.next(), StreamParser::Status::NeedMoreData);
    parser.feed(big.mid(10 * 1024) + following);
    int elements = 0;
    for (auto status = parser.next(); status != StreamParser::Status::NeedMoreData; status = parser.next()) {
        QVERIFY2(status == StreamParser::Status::Element, qPrintable(parser.error().text));
        parser.takeElement();
        ++elements;
    }
    QCOMPARE(elements, 1 + presences);
}

void tst_StreamParser::deepNestingIsRefused()
{
    const auto nested = [](int depth) {
        QByteArray open, close;
        for (int i = 0; i < depth; ++i) {
            open += "<x>";
            close.prepend("</x>");
        }
        return Header + open + close;
    };
    const Outcome ok = parse(nested(64));
    QVERIFY(!ok.failed);
    QCOMPARE(ok.elements.size(), 1);
    const Outcome deep = parse(nested(65));
    QVERIFY(deep.failed);
    QCOMPARE(deep.condition, StreamErrorCondition::PolicyViolation);
    // Refused while opening, before the peer closes anything.
    const Outcome unclosed
        = parse(Header + QByteArray(100000 * 3, 'x').replace("xxx", "<x>"), 1024);
    QCOMPARE(unclosed.condition, StreamErrorCondition::PolicyViolation);
}

void tst_StreamParser::invalidUtf8IsRefused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("stray continuation") << QByteArray("a\x80z");
    QTest::newRow("invalid byte") << QByteArray("a\xff\xfez");
    QTest::newRow("overlong slash") << QByteArray("a\xc0\xafz");
    QTest::newRow("surrogate") << QByteArray("a\xed\xa0\x80z");
    QTest::newRow("beyond U+10FFFF") << QByteArray("a\xf4\x90\x80\x80z");
    QTest::newRow("truncated sequence") << QByteArray("a\xe4\xbdz");
}

void tst_StreamParser::invalidUtf8IsRefused()
{
    QFETCH(QByteArray, bytes);
    for (qsizetype chunk : {0, 1}) {
        const Outcome out = parse(Header + "<message><body>" + bytes + "</body></message>", chunk);
        QVERIFY(out.failed);
        QCOMPARE(out.condition, StreamErrorCondition::NotWellFormed);
        QVERIFY(out.elements.isEmpty());
    }
}

void tst_StreamParser::encodingCannotBeSwitched()
{
    // Declaring ISO-8859-1 does not make 0xE9 a valid character.
    const Outcome latin1 = parse(
        "<?xml version='1.0' encoding='ISO-8859-1'?>"
        "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>"
        "<message><body>caf\xe9</body></message>");
    QVERIFY(latin1.failed);
    QVERIFY(latin1.elements.isEmpty());
    // Nor does a UTF-16 byte order mark switch the decoder.
    QByteArray utf16("\xff\xfe");
    for (char c : QByteArray("<stream:stream xmlns:stream='http://etherx.jabber.org/streams'>")) {
        utf16 += c;
        utf16 += '\0';
    }
    const Outcome bom = parse(utf16);
    QVERIFY(bom.failed);
    QVERIFY(!bom.header);
}

void tst_StreamParser::failureIsFinal()
{
    StreamParser parser;
    parser.feed(Header + "<!-- x -->");
    QCOMPARE(parser.next(), StreamParser::Status::Header);
    QCOMPARE(parser.next(), StreamParser::Status::Error);
    parser.feed("<iq type='get' id='1'/>");
    QCOMPARE(parser.next(), StreamParser::Status::Error);
    QVERIFY(parser.hasFailed());
}

QTEST_GUILESS_MAIN(tst_StreamParser)
#include "tst_streamparser.moc"
