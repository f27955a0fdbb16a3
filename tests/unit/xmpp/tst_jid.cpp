// xmpp::Jid: RFC 7622 parsing, canonical form, limits and rejection of invalid input.
#include "xmpp/Jid.h"

#include <QTest>

using namespace Qt::StringLiterals;
using chorus::xmpp::Jid;

class tst_Jid : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void lengthLimits();
    void bareAndResource();
};

void tst_Jid::valid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("node");
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QString>("resource");
    QTest::newRow("domain") << u"example.org"_s << QString() << u"example.org"_s << QString();
    QTest::newRow("bare") << u"alice@example.org"_s << u"alice"_s << u"example.org"_s << QString();
    QTest::newRow("full") << u"alice@example.org/phone"_s << u"alice"_s << u"example.org"_s
                          << u"phone"_s;
    QTest::newRow("case folded") << u"Alice@Example.ORG/Phone"_s << u"alice"_s << u"example.org"_s
                                 << u"Phone"_s;
    QTest::newRow("trailing dot") << u"alice@example.org./r"_s << u"alice"_s << u"example.org"_s
                                  << u"r"_s;
    QTest::newRow("resource with @ and /")
        << u"room@conference.example.org/Ann @ home/2"_s << u"room"_s << u"conference.example.org"_s
        << u"Ann @ home/2"_s;
    QTest::newRow("domain resource")
        << u"example.org/admin"_s << QString() << u"example.org"_s << u"admin"_s;
    QTest::newRow("ipv6") << u"a@[::1]"_s << u"a"_s << u"[::1]"_s << QString();
    QTest::newRow("unicode") << u"张伟@例子.中国/手机"_s << u"张伟"_s << u"例子.中国"_s
                             << u"手机"_s;
    QTest::newRow("nfc") << u"re\u0301ne@example.org"_s << u"réne"_s << u"example.org"_s
                         << QString();
}

void tst_Jid::valid()
{
    QFETCH(QString, input);
    QFETCH(QString, node);
    QFETCH(QString, domain);
    QFETCH(QString, resource);
    const auto jid = Jid::parse(input);
    QVERIFY(jid);
    QCOMPARE(jid->node(), node);
    QCOMPARE(jid->domain(), domain);
    QCOMPARE(jid->resource(), resource);
    // The canonical form parses back to the same address.
    QCOMPARE(Jid::parse(jid->toString()), jid);
}

void tst_Jid::invalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("empty") << QString();
    QTest::newRow("empty node") << u"@example.org"_s;
    QTest::newRow("empty resource") << u"alice@example.org/"_s;
    QTest::newRow("empty domain") << u"alice@/r"_s;
    QTest::newRow("only dot") << u"."_s;
    QTest::newRow("space in node") << u"al ice@example.org"_s;
    QTest::newRow("quote in node") << u"al'ice@example.org"_s;
    QTest::newRow("colon in node") << u"a:b@example.org"_s;
    QTest::newRow("space in domain") << u"alice@exa mple.org"_s;
    QTest::newRow("empty label") << u"alice@example..org"_s;
    QTest::newRow("control in resource") << u"alice@example.org/a\u0007b"_s;
    QTest::newRow("bad ipv6") << u"a@[not-an-ip]"_s;
    QTest::newRow("two @ before slash") << u"a@b@example.org"_s;
}

void tst_Jid::invalid()
{
    QFETCH(QString, input);
    QVERIFY2(!Jid::parse(input), qPrintable(input));
    QVERIFY(!Jid::fromString(input).isValid());
}

void tst_Jid::lengthLimits()
{
    const QString node1023(1023, u'a');
    QVERIFY(Jid::parse(node1023 + u"@example.org"_s));
    QVERIFY(!Jid::parse(node1023 + u"a@example.org"_s));
    // The limit is in bytes: 342 three-byte characters are 1026 bytes.
    QVERIFY(!Jid::parse(QString(342, QChar(0x4E2D)) + u"@example.org"_s));
    QVERIFY(Jid::parse(QString(341, QChar(0x4E2D)) + u"@example.org"_s));
    QVERIFY(!Jid::parse(u"a@example.org/"_s + QString(1024, u'r')));
    QVERIFY(!Jid::parse(u"a@"_s + QString(64, u'x') + u".org"_s)); // a DNS label has 63 at most
}

void tst_Jid::bareAndResource()
{
    const Jid full = Jid::fromString(u"Alice@Example.org/Phone");
    QVERIFY(full.isFull());
    QCOMPARE(full.toString(), u"alice@example.org/Phone"_s);
    QCOMPARE(full.bare().toString(), u"alice@example.org"_s);
    QVERIFY(full.bare().isBare());
    QCOMPARE(full.bare().withResource(u"laptop").toString(), u"alice@example.org/laptop"_s);
    QVERIFY(!full.withResource(u"bad\u0001").isValid());
    QVERIFY(Jid::fromString(u"example.org").isDomain());
    QVERIFY(Jid::fromString(u"a@example.org") == Jid::fromString(u"A@EXAMPLE.ORG"));
    QVERIFY(Jid::fromString(u"a@example.org/R") != Jid::fromString(u"a@example.org/r"));
}

QTEST_GUILESS_MAIN(tst_Jid)
#include "tst_jid.moc"
