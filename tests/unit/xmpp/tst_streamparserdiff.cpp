// xmpp::StreamParser (the hand-written restricted-XML tokenizer) against the former
// QXmlStreamReader-based parser (ReferenceStreamParser): the benchmark's sample stream,
// the fuzzer's seeds, hand-picked edge cases and generated variants, each split at
// random byte boundaries, must give the same element trees, or both fail (see
// diffStreamParsers for the exact rules and the few documented differences).
#include "ReferenceStreamParser.h"
#include "SampleStream.h"
#include "StreamParserDiff.h"

#include "xmpp/Namespaces.h"
#include "xmpp/StreamParser.h"

#include <QDir>
#include <QRandomGenerator>
#include <QTest>

#include <map>

using namespace Qt::StringLiterals;
using chorus::test::DiffResult;
using chorus::test::Tolerance;
using chorus::xmpp::Element;
using chorus::xmpp::StreamErrorCondition;
using chorus::xmpp::StreamParser;
namespace ns = chorus::xmpp::ns;

namespace {

const QByteArray Header = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
                          "xmlns:stream='http://etherx.jabber.org/streams' id='s1' "
                          "from='localhost' version='1.0' xml:lang='en'>";

// Random chunk sizes from 1 to `largest` bytes.
QList<qsizetype> randomSizes(QRandomGenerator &rng, int largest)
{
    QList<qsizetype> sizes;
    for (int i = 0; i < 64; ++i)
        sizes.append(1 + rng.bounded(largest));
    return sizes;
}

QList<QByteArray> seeds()
{
    QList<QByteArray> out;
    const QDir dir(QStringLiteral(CHORUS_STREAMPARSER_SEEDS));
    for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            out.append(file.readAll().mid(1)); // the first byte picks the fuzzer's chunk size
    }
    return out;
}

// Bytes that steer a mutation into the parser's interesting corners.
const QList<QByteArray> Pieces {
    "<",
    ">",
    "/",
    "/>",
    "</",
    "'",
    "\"",
    "=",
    "&",
    ";",
    "&amp;",
    "&#x41;",
    "&#65;",
    "&lt",
    "&nbsp;",
    "&#0;",
    "&#xD800;",
    ":",
    "xmlns",
    "xmlns:p='u'",
    " xmlns='urn:x'",
    "p:",
    "xml:",
    "<![CDATA[",
    "]]>",
    "]]",
    "<!--",
    "-->",
    "<?",
    "?>",
    "<!DOCTYPE",
    " ",
    "\r\n",
    "\r",
    "\t",
    "\n",
    "x",
    "a='1'",
    "\xc3\xa9",
    "\xe4\xbd\xa0",
    "\xf0\x9f\x91\x8b",
    "\xc0\xaf",
    "\xed\xa0\x80",
    "\xef\xbf\xbe",
    "\x01",
    "\xef\xbb\xbf",
    "\xcc\x80",
    "\xc2\xb7",
    "<x/>",
    "<b>t</b>",
    "</stream:stream>",
    "<?xml version='1.0'?>",
    "0",
    "-",
    ".",
    "_",
    "$",
    "^",
    "{",
};

// Parses all of `input` at once: no error so far, and the elements.
template <typename Parser> std::pair<bool, QList<Element>> parseAtOnce(const QByteArray &input)
{
    Parser parser;
    parser.feed(input);
    QList<Element> elements;
    for (;;) {
        switch (parser.next()) {
        case StreamParser::Status::Header:
            continue;
        case StreamParser::Status::Element:
            elements.append(parser.takeElement());
            continue;
        case StreamParser::Status::Error:
            return {false, elements};
        default:
            return {true, elements};
        }
    }
}

QByteArray mutate(QRandomGenerator &rng, QByteArray input)
{
    const int edits = 1 + rng.bounded(3);
    for (int e = 0; e < edits && !input.isEmpty(); ++e) {
        const qsizetype at = rng.bounded(input.size());
        switch (rng.bounded(5)) {
        case 0: // truncate
            input.truncate(at);
            break;
        case 1:
            input.insert(at, Pieces[rng.bounded(Pieces.size())]);
            break;
        case 2:
            input.remove(at, 1 + rng.bounded(4));
            break;
        case 3:
            input.replace(at, 1, Pieces[rng.bounded(Pieces.size())]);
            break;
        default: { // repeat a stretch
            const qsizetype size = 1 + rng.bounded(qMin<qsizetype>(40, input.size() - at));
            input.insert(at, input.mid(at, size));
        }
        }
    }
    return input;
}

} // namespace

class tst_StreamParserDiff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sampleStreamAgrees();
    void sampleStreamSplitAtEveryByte();
    void fuzzSeedsAgree();
    void edgeCasesAgree_data();
    void edgeCasesAgree();
    void generatedVariantsAgree();
    void nameCharactersAgree();
    void strictRulesRefuseWhatTheReferenceAccepts_data();
    void strictRulesRefuseWhatTheReferenceAccepts();
};

void tst_StreamParserDiff::sampleStreamAgrees()
{
    const auto sample = chorus::bench::makeSampleStream(4, 12, 12);
    const QByteArray stream = sample.header + sample.mixed + "</stream:stream>";
    QRandomGenerator rng(7);
    for (const QList<qsizetype> &sizes : {QList<qsizetype> {}, QList<qsizetype> {16 * 1024},
                                          randomSizes(rng, 64), randomSizes(rng, 4096)}) {
        const DiffResult diff
            = chorus::test::diffStreamParsers(chorus::test::splitInput(stream, sizes));
        QVERIFY2(diff.problem.isEmpty(), qPrintable(diff.problem));
        QCOMPARE(diff.strict.elements.size(), sample.mixedStanzaCount);
        QVERIFY(diff.strict.ended);
    }
}

void tst_StreamParserDiff::sampleStreamSplitAtEveryByte()
{
    const auto sample = chorus::bench::makeSampleStream(1, 6, 6);
    const QByteArray stream = sample.header + sample.mixed;
    const DiffResult diff = chorus::test::diffStreamParsers(chorus::test::splitInput(stream, {1}));
    QVERIFY2(diff.problem.isEmpty(), qPrintable(diff.problem));
    QCOMPARE(diff.strict.elements.size(), sample.mixedStanzaCount);
    // Spot checks that the trees are the real thing, not merely equal.
    const Element presence = diff.strict.elements.first();
    QVERIFY(presence.is(u"presence", ns::Client));
    QCOMPARE(presence.child(u"x", u"http://jabber.org/protocol/muc#user")
                 .child(u"item", u"http://jabber.org/protocol/muc#user")
                 .attribute(u"role"),
             u"moderator"_s);
}

void tst_StreamParserDiff::fuzzSeedsAgree()
{
    const QList<QByteArray> inputs = seeds();
    QVERIFY(inputs.size() >= 10);
    QRandomGenerator rng(11);
    StreamParser::Limits fuzzLimits;
    fuzzLimits.maxStanzaBytes = 1 << 20;
    fuzzLimits.maxDepth = 16;
    for (const QByteArray &input : inputs) {
        for (const QList<qsizetype> &sizes : {QList<qsizetype> {}, QList<qsizetype> {1},
                                              randomSizes(rng, 16), randomSizes(rng, 97)}) {
            for (const StreamParser::Limits &limits : {StreamParser::Limits(), fuzzLimits}) {
                const DiffResult diff = chorus::test::diffStreamParsers(
                    chorus::test::splitInput(input, sizes), limits);
                QVERIFY2(diff.problem.isEmpty(),
                         qPrintable(diff.problem + u"\ninput: "_s + QString::fromUtf8(input)));
            }
        }
    }
}

void tst_StreamParserDiff::edgeCasesAgree_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("fails");
    const auto row = [](const char *name, const QByteArray &stanzas, bool fails) {
        QTest::newRow(name) << (Header + stanzas) << fails;
    };
    // Namespaces: default inheritance, prefixes, the stream prefix, xml:, undeclaring.
    row("default ns inherited", "<iq type='get'><query xmlns='urn:q'><item/></query></iq>", false);
    row("prefixes",
        "<m xmlns:p='urn:p' p:a='1' a='2'><p:x p:b='3'/><y xmlns:p='urn:other'><p:z/></y></m>",
        false);
    row("stream prefix", "<stream:features><x xmlns='urn:x'/></stream:features>", false);
    row("xml prefix", "<m xml:lang='de'><xml:b/></m>", false);
    row("undeclare default", "<m><body xmlns=''>x</body></m>", false);
    row("undeclared prefix", "<m><q:x/></m>", true);
    row("undeclared attribute prefix", "<m q:a='1'/>", true);
    row("xmlns prefix on element", "<xmlns:m/>", true);
    row("empty prefixed declaration", "<m xmlns:p=''/>", true);
    row("rebinding xml", "<m xmlns:xml='urn:x'/>", true);
    row("binding the xml namespace", "<m xmlns:p='http://www.w3.org/XML/1998/namespace'/>", true);
    row("xml bound to itself", "<m xmlns:xml='http://www.w3.org/XML/1998/namespace'/>", false);
    row("duplicate attribute", "<m a='1' a='2'/>", true);
    row("duplicate expanded name", "<m xmlns:p='u' xmlns:q='u' p:a='1' q:a='2'/>", true);
    row("same local name, other ns", "<m xmlns:p='u' p:a='1' a='2'/>", false);
    // Text: white space between children, mixed content, references, CDATA, line ends.
    row("indented children", "<m>\n  <body>x</body>\n  <x xmlns='urn:x'/>\n</m>", false);
    row("white space only", "<m>  \n\t </m>", false);
    row("mixed content", "<m>a<b/>b <c/> c</m>", false);
    row("nbsp before child", "<m>\xc2\xa0<b/>\xc2\xa0</m>", false);
    row("reference after child", "<m><b/>&#32;</m>", false);
    row("text then space then child", "<m>x <b/> </m>", false);
    row("cdata white space", "<m> <![CDATA[ ]]> <b/></m>", false);
    row("cdata", "<m>a<![CDATA[<&>]]>b<![CDATA[]]></m>", false);
    row("line ends", "<m a='1\r\n2\r3\n4\t5'>x\r\ny\rz<![CDATA[\r\n]]></m>", false);
    row("references",
        "<m a='&lt;&#x9;&#xA;&#xD;&quot;'>&lt;&gt;&amp;&apos;&quot;&#65;&#x1F44B;&#0065;</m>",
        false);
    row("undefined entity", "<m>&nbsp;</m>", true);
    row("undefined entity in attribute", "<m a='&nbsp;'/>", true);
    row("bad character reference", "<m>&#1;</m>", true);
    row("surrogate reference", "<m>&#xD800;</m>", true);
    row("huge reference", "<m>&#x100000041;</m>", true);
    row("uppercase X", "<m>&#X41;</m>", true);
    row("bare ampersand", "<m>a & b</m>", true);
    row("]]> in text", "<m>a]]>b</m>", true);
    row("]]> in attribute", "<m a=']]>'/>", false);
    row("> in attribute", "<m a='>'/>", false);
    row("< in attribute", "<m a='<'/>", true);
    // Tags.
    row("spaces in tags", "<m \n a = '1'\t/><n></n\r\n>", false);
    row("no space between attributes", "<m a='1'b='2'/>", true);
    row("slash space", "<m/ >", true);
    row("unquoted", "<m a=1/>", true);
    row("mismatched end", "<m></n>", true);
    row("end with prefix mismatch", "<m xmlns:p='urn:m'><p:x></x></m>", true);
    row("non-ascii names", "<m><\xe4\xbd\xa0 \xc3\xa9='1'/><b\xcc\x80\xc2\xb7/></m>", false);
    row("invalid name start", "<m><\xc2\xb7x/></m>", true);
    row("digit name", "<m><1x/></m>", true);
    row("two colons", "<m xmlns:p='u'><p:a:b/></m>", true);
    // Restricted XML.
    row("comment", "<m><!-- x --></m>", true);
    row("processing instruction", "<m><?pi x?></m>", true);
    row("doctype inside", "<!DOCTYPE x>", true);
    row("text between stanzas", "<m/>junk", true);
    row("cdata between stanzas", "<![CDATA[x]]>", true);
    row("reference between stanzas", "&#32;<m/>", true);
    row("stream end", "<m/>\n</stream:stream>", false);
    row("wrong stream end", "<m/></stream>", true);
    row("controls", "<m>\x01</m>", true);
    row("U+FFFE", "<m>\xef\xbf\xbe</m>", true);
    row("BOM in text", "<m>\xef\xbb\xbf</m>", false);
    // The prolog and the stream header.
    QTest::newRow("no declaration")
        << QByteArray("<stream:stream xmlns:stream='http://etherx.jabber.org/streams'><a/>")
        << false;
    QTest::newRow("byte order mark")
        << QByteArray("\xef\xbb\xbf<?xml version='1.0'?><stream:stream "
                      "xmlns:stream='http://etherx.jabber.org/streams'><a/>")
        << false;
    QTest::newRow("full declaration")
        << QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone='no' ?>\n<stream:stream "
                      "xmlns:stream='http://etherx.jabber.org/streams'/>")
        << false;
    QTest::newRow("version 1.1") << QByteArray(
        "<?xml version='1.1'?><stream:stream xmlns:stream='http://etherx.jabber.org/streams'>")
                                 << true;
    QTest::newRow("standalone first")
        << QByteArray("<?xml version='1.0' standalone='yes' encoding='UTF-8'?><stream:stream "
                      "xmlns:stream='http://etherx.jabber.org/streams'>")
        << true;
    QTest::newRow("bad encoding name")
        << QByteArray("<?xml version='1.0' encoding='1x'?><stream:stream "
                      "xmlns:stream='http://etherx.jabber.org/streams'>")
        << true;
    QTest::newRow("declaration late") << QByteArray(
        " <?xml version='1.0'?><stream:stream xmlns:stream='http://etherx.jabber.org/streams'>")
                                      << true;
    QTest::newRow("xml-stylesheet")
        << QByteArray("<?xml-stylesheet href='x'?><stream:stream "
                      "xmlns:stream='http://etherx.jabber.org/streams'>")
        << true;
    QTest::newRow("comment in prolog")
        << QByteArray("<!-- x --><stream:stream xmlns:stream='http://etherx.jabber.org/streams'>")
        << true;
    QTest::newRow("unprefixed stream")
        << QByteArray("<stream xmlns='http://etherx.jabber.org/streams'><features/></stream>")
        << false;
    QTest::newRow("two default declarations") << QByteArray(
        "<stream:stream xmlns='a' xmlns='b' xmlns:stream='http://etherx.jabber.org/streams'>")
                                              << true;
}

void tst_StreamParserDiff::edgeCasesAgree()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, fails);
    QRandomGenerator rng(3);
    for (const QList<qsizetype> &sizes :
         {QList<qsizetype> {}, QList<qsizetype> {1}, QList<qsizetype> {2}, randomSizes(rng, 9)}) {
        const DiffResult diff
            = chorus::test::diffStreamParsers(chorus::test::splitInput(input, sizes));
        QVERIFY2(diff.problem.isEmpty(), qPrintable(diff.problem));
        QCOMPARE(diff.strict.failed, fails);
        QVERIFY(diff.strict.sawHeader || fails);
    }
}

void tst_StreamParserDiff::generatedVariantsAgree()
{
    QList<QByteArray> bases = seeds();
    const auto sample = chorus::bench::makeSampleStream(1, 4, 4);
    bases.append(sample.header + sample.mixed.left(6000));
    QRandomGenerator rng(20261125);
    std::map<Tolerance, int> tolerated;
    int failed = 0;
    constexpr int Variants = 12000;
    for (int i = 0; i < Variants; ++i) {
        const QByteArray input = mutate(rng, bases[rng.bounded(bases.size())]);
        const DiffResult diff = chorus::test::diffStreamParsers(
            chorus::test::splitInput(input, randomSizes(rng, 1 + rng.bounded(64))));
        QVERIFY2(diff.problem.isEmpty(),
                 qPrintable(diff.problem + u"\ninput: "_s
                            + QString::fromLatin1(input.toPercentEncoding(" <>/='\"&;:!?[]-_.#"))));
        ++tolerated[diff.tolerance];
        failed += diff.strict.failed;
    }
    // The variants must exercise both sides: plenty of failures and of clean parses.
    QVERIFY2(failed > Variants / 10 && failed < Variants * 9 / 10,
             qPrintable(QString::number(failed)));
    qInfo("%d variants, %d refused; tolerated: strict rule %d, early detection %d, reference "
          "stalls on bad bytes %d, forbidden character %d, reference decoding ahead %d",
          Variants, failed, tolerated[Tolerance::StrictRule], tolerated[Tolerance::EarlyDetection],
          tolerated[Tolerance::ReferenceStalls], tolerated[Tolerance::ForbiddenCharacter],
          tolerated[Tolerance::ReferenceDecodesAhead]);
}

void tst_StreamParserDiff::nameCharactersAgree()
{
    // Every character of the Basic Multilingual Plane at the start and inside of an
    // element name, and (sampled) of an attribute name: QXmlStreamReader's name rules
    // (XML 1.0 fourth edition, Appendix B) must be the tokenizer's.
    int accepted = 0;
    for (char32_t c = 0x21; c < 0x10000; ++c) {
        if ((c >= 0xD800 && c < 0xE000) || c == '>' || c == '/')
            continue;
        const QByteArray ch = QString::fromUcs4(&c, 1).toUtf8();
        QList<QByteArray> inputs {Header + "<" + ch + "b/>", Header + "<b" + ch + "/>"};
        if (c < 0x80 || c % 7 == 0)
            inputs += {Header + "<b " + ch + "a='1'/>", Header + "<b a" + ch + "='1'/>"};
        for (const QByteArray &input : inputs) {
            // Most agree plainly; the full comparison (and its tolerances) for the rest.
            const auto [referenceOk, referenceElements]
                = parseAtOnce<chorus::test::ReferenceStreamParser>(input);
            const auto [ok, elements] = parseAtOnce<StreamParser>(input);
            if (ok == referenceOk && elements == referenceElements) {
                accepted += ok;
                continue;
            }
            const DiffResult diff = chorus::test::diffStreamParsers({input});
            QVERIFY2(diff.problem.isEmpty(),
                     qPrintable(u"U+%1: "_s.arg(uint(c), 4, 16, QChar(u'0')) + diff.problem));
        }
    }
    QVERIFY2(accepted > 40000, qPrintable(QString::number(accepted)));
}

void tst_StreamParserDiff::strictRulesRefuseWhatTheReferenceAccepts_data()
{
    QTest::addColumn<QByteArray>("stanza");
    QTest::newRow("declared twice") << QByteArray("<m xmlns:p='a' xmlns:p='b'/>");
    QTest::newRow("default declared twice") << QByteArray("<m xmlns='a' xmlns='b'/>");
    QTest::newRow("attribute name not a name") << QByteArray("<m a$b='1'/>");
    QTest::newRow("attribute local name starts with a digit")
        << QByteArray("<m xmlns:p='u' p:1='1'/>");
    QTest::newRow("control character in an attribute name") << QByteArray("<m a\x01='1'/>");
}

void tst_StreamParserDiff::strictRulesRefuseWhatTheReferenceAccepts()
{
    // XML that is not well-formed (XML 1.0 "Unique Att Spec", Name productions, Char)
    // that QXmlStreamReader lets through: refused, and the differential test knows why.
    QFETCH(QByteArray, stanza);
    chorus::test::ReferenceStreamParser reference;
    reference.feed(Header + stanza);
    QCOMPARE(reference.next(), StreamParser::Status::Header);
    QCOMPARE(reference.next(), StreamParser::Status::Element);

    StreamParser parser;
    parser.feed(Header + stanza);
    QCOMPARE(parser.next(), StreamParser::Status::Header);
    QCOMPARE(parser.next(), StreamParser::Status::Error);
    QCOMPARE(parser.error().condition, StreamErrorCondition::NotWellFormed);

    const DiffResult diff = chorus::test::diffStreamParsers({Header + stanza});
    QVERIFY2(diff.problem.isEmpty(), qPrintable(diff.problem));
    QVERIFY(diff.tolerance == Tolerance::StrictRule
            || diff.tolerance == Tolerance::ForbiddenCharacter);
}

QTEST_GUILESS_MAIN(tst_StreamParserDiff)
#include "tst_streamparserdiff.moc"
