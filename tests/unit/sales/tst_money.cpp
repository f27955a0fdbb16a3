// Money: minor units per ISO 4217 currency, exact parsing, formatting in en and zh_CN
// with unambiguous symbols, and totals that never add two currencies together.
#include "sales/Money.h"

#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using chorus::sales::Money;
using chorus::sales::MoneyError;
using chorus::sales::MoneyTotals;

namespace {
const QString nbsp = QString(QChar(0x00A0));
}

class tst_Money : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void minorDigits_data();
    void minorDigits();
    void parse_data();
    void parse();
    void parseRefuses_data();
    void parseRefuses();
    void parseExtremes();
    void decimalsAddUpExactly();
    void plainString_data();
    void plainString();
    void format_data();
    void format();
    void arithmeticStaysInOneCurrency();
    void totalsPerCurrency();
    void totalsOverflowChangesNothing();
};

void tst_Money::minorDigits_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("digits");
    QTest::newRow("USD") << u"USD"_s << 2;
    QTest::newRow("CNY") << u"CNY"_s << 2;
    QTest::newRow("EUR") << u"EUR"_s << 2;
    QTest::newRow("GBP") << u"GBP"_s << 2;
    QTest::newRow("JPY") << u"JPY"_s << 0;
    QTest::newRow("KRW") << u"KRW"_s << 0;
    QTest::newRow("IDR (whole rupiah)") << u"IDR"_s << 0;
    QTest::newRow("VND") << u"VND"_s << 0;
    QTest::newRow("BHD") << u"BHD"_s << 3;
    QTest::newRow("KWD") << u"KWD"_s << 3;
    QTest::newRow("TND") << u"TND"_s << 3;
    QTest::newRow("CLF") << u"CLF"_s << 4;
    QTest::newRow("lower case is not a code") << u"usd"_s << -1;
    QTest::newRow("XYZ") << u"XYZ"_s << -1;
    QTest::newRow("gold has no minor unit") << u"XAU"_s << -1;
    QTest::newRow("empty") << QString() << -1;
    QTest::newRow("too long") << u"USDT"_s << -1;
}

void tst_Money::minorDigits()
{
    QFETCH(QString, code);
    QFETCH(int, digits);
    QCOMPARE(Money::minorDigits(code), digits);
    QCOMPARE(Money::isKnownCurrency(code), digits >= 0);
}

void tst_Money::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<qint64>("minor");
    QTest::newRow("12.50 USD") << u"12.50"_s << u"USD"_s << qint64(1250);
    QTest::newRow("12.5 USD") << u"12.5"_s << u"USD"_s << qint64(1250);
    QTest::newRow("12 USD") << u"12"_s << u"USD"_s << qint64(1200);
    QTest::newRow("0.05 USD") << u"0.05"_s << u"USD"_s << qint64(5);
    QTest::newRow("-3.00 USD") << u"-3.00"_s << u"USD"_s << qint64(-300);
    QTest::newRow("1200 JPY") << u"1200"_s << u"JPY"_s << qint64(1200);
    QTest::newRow("350000 IDR") << u"350000"_s << u"IDR"_s << qint64(350000);
    QTest::newRow("1.234 BHD") << u"1.234"_s << u"BHD"_s << qint64(1234);
    QTest::newRow("1.2 BHD") << u"1.2"_s << u"BHD"_s << qint64(1200);
    QTest::newRow("leading zeros") << u"007.10"_s << u"CNY"_s << qint64(710);
}

void tst_Money::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, currency);
    QFETCH(qint64, minor);
    const auto money = Money::parse(text, currency);
    QVERIFY(money);
    QCOMPARE(money->minorUnits(), minor);
    QCOMPARE(money->currency(), currency);
}

void tst_Money::parseRefuses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<int>("code");
    const int bad = int(MoneyError::Code::BadAmount);
    QTest::newRow("empty") << QString() << u"USD"_s << bad;
    QTest::newRow("dot") << u"."_s << u"USD"_s << bad;
    QTest::newRow("trailing dot") << u"1."_s << u"USD"_s << bad;
    QTest::newRow("no integer part") << u".5"_s << u"USD"_s << bad;
    QTest::newRow("grouping") << u"1,000"_s << u"USD"_s << bad;
    QTest::newRow("letters") << u"abc"_s << u"USD"_s << bad;
    QTest::newRow("exponent") << u"1e3"_s << u"USD"_s << bad;
    QTest::newRow("space") << u" 12"_s << u"USD"_s << bad;
    QTest::newRow("plus") << u"+1"_s << u"USD"_s << bad;
    QTest::newRow("double minus") << u"--1"_s << u"USD"_s << bad;
    QTest::newRow("two dots") << u"1.2.3"_s << u"USD"_s << bad;
    QTest::newRow("fullwidth digits") << u"１２"_s << u"USD"_s << bad;
    QTest::newRow("symbol") << u"$12"_s << u"USD"_s << bad;
    QTest::newRow("yen has no decimals")
        << u"1.5"_s << u"JPY"_s << int(MoneyError::Code::TooManyDecimals);
    QTest::newRow("three decimals in USD")
        << u"12.505"_s << u"USD"_s << int(MoneyError::Code::TooManyDecimals);
    QTest::newRow("unknown currency")
        << u"12.50"_s << u"XYZ"_s << int(MoneyError::Code::UnknownCurrency);
    QTest::newRow("too large") << u"92233720368547758.08"_s << u"USD"_s
                               << int(MoneyError::Code::Overflow);
    QTest::newRow("too small") << u"-92233720368547758.09"_s << u"USD"_s
                               << int(MoneyError::Code::Overflow);
    QTest::newRow("far too large")
        << u"99999999999999999999999"_s << u"JPY"_s << int(MoneyError::Code::Overflow);
}

void tst_Money::parseRefuses()
{
    QFETCH(QString, text);
    QFETCH(QString, currency);
    QFETCH(int, code);
    MoneyError error;
    QVERIFY(!Money::parse(text, currency, &error));
    QCOMPARE(int(error.code), code);
    QVERIFY(!error.message.isEmpty());
}

void tst_Money::parseExtremes()
{
    const auto max = Money::parse(u"92233720368547758.07", u"USD"_s);
    QVERIFY(max);
    QCOMPARE(max->minorUnits(), std::numeric_limits<qint64>::max());
    const auto min = Money::parse(u"-92233720368547758.08", u"USD"_s);
    QVERIFY(min);
    QCOMPARE(min->minorUnits(), std::numeric_limits<qint64>::min());
    QCOMPARE(min->toPlainString(), u"-92233720368547758.08"_s);
}

void tst_Money::decimalsAddUpExactly()
{
    // 0.10 + 0.20 is 0.30 exactly, as it is not in binary floating point.
    const auto sum = Money::parse(u"0.10", u"USD"_s)->plus(*Money::parse(u"0.20", u"USD"_s));
    QVERIFY(sum);
    QCOMPARE(*sum, *Money::parse(u"0.30", u"USD"_s));
}

void tst_Money::plainString_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("text");
    QTest::newRow("USD") << qint64(1250) << u"USD"_s << u"12.50"_s;
    QTest::newRow("USD cents") << qint64(-5) << u"USD"_s << u"-0.05"_s;
    QTest::newRow("JPY") << qint64(1200) << u"JPY"_s << u"1200"_s;
    QTest::newRow("BHD") << qint64(1234) << u"BHD"_s << u"1.234"_s;
    QTest::newRow("zero CNY") << qint64(0) << u"CNY"_s << u"0.00"_s;
}

void tst_Money::plainString()
{
    QFETCH(qint64, minor);
    QFETCH(QString, currency);
    QFETCH(QString, text);
    const Money money(minor, currency);
    QCOMPARE(money.toPlainString(), text);
    QCOMPARE(Money::parse(text, currency), std::optional<Money>(money)); // and back
}

void tst_Money::format_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("text");
    // The locale's own currency gets its bare symbol; every other one a qualified symbol.
    QTest::newRow("en USD") << u"en_US"_s << qint64(1250) << u"USD"_s << u"$12.50"_s;
    QTest::newRow("en CNY") << u"en_US"_s << qint64(8800) << u"CNY"_s << u"CN¥88.00"_s;
    QTest::newRow("en JPY") << u"en_US"_s << qint64(1200) << u"JPY"_s << u"JP¥1,200"_s;
    QTest::newRow("en IDR") << u"en_US"_s << qint64(350000) << u"IDR"_s
                            << u"Rp"_s + nbsp + u"350,000"_s;
    QTest::newRow("en EUR") << u"en_US"_s << qint64(999) << u"EUR"_s << u"€9.99"_s;
    QTest::newRow("en NOK (no symbol: code)")
        << u"en_US"_s << qint64(1250) << u"NOK"_s << u"NOK"_s + nbsp + u"12.50"_s;
    QTest::newRow("en large") << u"en_US"_s << qint64(123456789) << u"USD"_s << u"$1,234,567.89"_s;
    QTest::newRow("en negative") << u"en_US"_s << qint64(-1250) << u"USD"_s << u"-$12.50"_s;
    QTest::newRow("en BHD") << u"en_US"_s << qint64(1234) << u"BHD"_s
                            << u"BHD"_s + nbsp + u"1.234"_s;
    QTest::newRow("en_GB GBP") << u"en_GB"_s << qint64(3500) << u"GBP"_s << u"£35.00"_s;
    QTest::newRow("en_GB USD") << u"en_GB"_s << qint64(3000) << u"USD"_s << u"US$30.00"_s;
    QTest::newRow("zh CNY") << u"zh_CN"_s << qint64(8800) << u"CNY"_s << u"¥88.00"_s;
    QTest::newRow("zh USD") << u"zh_CN"_s << qint64(1250) << u"USD"_s << u"US$12.50"_s;
    QTest::newRow("zh JPY") << u"zh_CN"_s << qint64(4500) << u"JPY"_s << u"JP¥4,500"_s;
    QTest::newRow("zh large CNY") << u"zh_CN"_s << qint64(240000) << u"CNY"_s << u"¥2,400.00"_s;
    QTest::newRow("zh negative") << u"zh_CN"_s << qint64(-9900) << u"CNY"_s << u"-¥99.00"_s;
    QTest::newRow("minimum qint64") << u"en_US"_s << std::numeric_limits<qint64>::min() << u"USD"_s
                                    << u"-$92,233,720,368,547,758.08"_s;
}

void tst_Money::format()
{
    QFETCH(QString, locale);
    QFETCH(qint64, minor);
    QFETCH(QString, currency);
    QFETCH(QString, text);
    QCOMPARE(Money(minor, currency).format(QLocale(locale)), text);
}

void tst_Money::arithmeticStaysInOneCurrency()
{
    const Money usd(1250, u"USD"_s), cny(8800, u"CNY"_s);
    MoneyError error;
    QVERIFY(!usd.plus(cny, &error));
    QCOMPARE(error.code, MoneyError::Code::CurrencyMismatch);
    QVERIFY(!usd.minus(cny, &error));
    QCOMPARE(error.code, MoneyError::Code::CurrencyMismatch);
    QCOMPARE(usd.plus(Money(50, u"USD"_s)), std::optional<Money>(Money(1300, u"USD"_s)));
    QCOMPARE(usd.times(3), std::optional<Money>(Money(3750, u"USD"_s)));
    QVERIFY(!Money(std::numeric_limits<qint64>::max() / 2 + 1, u"USD"_s).times(2, &error));
    QCOMPARE(error.code, MoneyError::Code::Overflow);
    QVERIFY(!Money(std::numeric_limits<qint64>::max(), u"USD"_s).plus(Money(1, u"USD"_s)));
}

void tst_Money::totalsPerCurrency()
{
    MoneyTotals totals;
    QVERIFY(totals.add(Money(1250, u"USD"_s)));
    QVERIFY(totals.add(Money(8800, u"CNY"_s)));
    QVERIFY(totals.add(Money(250, u"USD"_s)));
    QVERIFY(totals.add(Money(450000, u"IDR"_s)));
    QCOMPARE(totals.of(u"USD"_s), Money(1500, u"USD"_s));
    QCOMPARE(totals.of(u"CNY"_s), Money(8800, u"CNY"_s));
    QCOMPARE(totals.of(u"JPY"_s), Money(0, u"JPY"_s));
    QCOMPARE(totals.currencies(), (QStringList {u"CNY"_s, u"IDR"_s, u"USD"_s}));
    QCOMPARE(
        totals.amounts(),
        (QList<Money> {Money(8800, u"CNY"_s), Money(450000, u"IDR"_s), Money(1500, u"USD"_s)}));
    QCOMPARE(totals.format(QLocale(u"en_US"_s)), u"CN¥88.00 + Rp"_s + nbsp + u"450,000 + $15.00"_s);
    QVERIFY(!totals.add(Money(100, u"XYZ"_s))); // not a currency: refused
    QCOMPARE(totals.currencies().size(), 3);

    MoneyTotals other;
    other.add(Money(500, u"USD"_s));
    other.add(Money(3500, u"GBP"_s));
    QVERIFY(totals.add(other));
    QCOMPARE(totals.of(u"USD"_s), Money(2000, u"USD"_s));
    QCOMPARE(totals.of(u"GBP"_s), Money(3500, u"GBP"_s));
}

void tst_Money::totalsOverflowChangesNothing()
{
    MoneyTotals totals;
    totals.add(Money(std::numeric_limits<qint64>::max(), u"USD"_s));
    totals.add(Money(100, u"CNY"_s));
    const MoneyTotals before = totals;
    QVERIFY(!totals.add(Money(1, u"USD"_s)));
    QCOMPARE(totals, before);
    MoneyTotals more;
    more.add(Money(5, u"CNY"_s));
    more.add(Money(1, u"USD"_s));
    QVERIFY(!totals.add(more)); // all or nothing: CNY is not added either
    QCOMPARE(totals, before);
}

QTEST_GUILESS_MAIN(tst_Money)
#include "tst_money.moc"
