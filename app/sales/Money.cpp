#include "sales/Money.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <limits>

using namespace Qt::StringLiterals;

namespace chorus::sales {

namespace {

struct CurrencyDigits
{
    const char *code;
    int digits;
};

// Active ISO 4217 codes and their minor units (sorted for binary search). One deliberate
// exception: IDR is listed with 2 by ISO, but sen have not circulated for decades and
// every price is quoted in whole rupiah, so Chorus keeps it at 0.
constexpr std::array<CurrencyDigits, 167> kCurrencies {{
    {"AED", 2}, {"AFN", 2}, {"ALL", 2}, {"AMD", 2}, {"ANG", 2}, {"AOA", 2}, {"ARS", 2}, {"AUD", 2},
    {"AWG", 2}, {"AZN", 2}, {"BAM", 2}, {"BBD", 2}, {"BDT", 2}, {"BGN", 2}, {"BHD", 3}, {"BIF", 0},
    {"BMD", 2}, {"BND", 2}, {"BOB", 2}, {"BOV", 2}, {"BRL", 2}, {"BSD", 2}, {"BTN", 2}, {"BWP", 2},
    {"BYN", 2}, {"BZD", 2}, {"CAD", 2}, {"CDF", 2}, {"CHE", 2}, {"CHF", 2}, {"CHW", 2}, {"CLF", 4},
    {"CLP", 0}, {"CNY", 2}, {"COP", 2}, {"COU", 2}, {"CRC", 2}, {"CUC", 2}, {"CUP", 2}, {"CVE", 2},
    {"CZK", 2}, {"DJF", 0}, {"DKK", 2}, {"DOP", 2}, {"DZD", 2}, {"EGP", 2}, {"ERN", 2}, {"ETB", 2},
    {"EUR", 2}, {"FJD", 2}, {"FKP", 2}, {"GBP", 2}, {"GEL", 2}, {"GHS", 2}, {"GIP", 2}, {"GMD", 2},
    {"GNF", 0}, {"GTQ", 2}, {"GYD", 2}, {"HKD", 2}, {"HNL", 2}, {"HTG", 2}, {"HUF", 2}, {"IDR", 0},
    {"ILS", 2}, {"INR", 2}, {"IQD", 3}, {"IRR", 2}, {"ISK", 0}, {"JMD", 2}, {"JOD", 3}, {"JPY", 0},
    {"KES", 2}, {"KGS", 2}, {"KHR", 2}, {"KMF", 0}, {"KPW", 2}, {"KRW", 0}, {"KWD", 3}, {"KYD", 2},
    {"KZT", 2}, {"LAK", 2}, {"LBP", 2}, {"LKR", 2}, {"LRD", 2}, {"LSL", 2}, {"LYD", 3}, {"MAD", 2},
    {"MDL", 2}, {"MGA", 2}, {"MKD", 2}, {"MMK", 2}, {"MNT", 2}, {"MOP", 2}, {"MRU", 2}, {"MUR", 2},
    {"MVR", 2}, {"MWK", 2}, {"MXN", 2}, {"MXV", 2}, {"MYR", 2}, {"MZN", 2}, {"NAD", 2}, {"NGN", 2},
    {"NIO", 2}, {"NOK", 2}, {"NPR", 2}, {"NZD", 2}, {"OMR", 3}, {"PAB", 2}, {"PEN", 2}, {"PGK", 2},
    {"PHP", 2}, {"PKR", 2}, {"PLN", 2}, {"PYG", 0}, {"QAR", 2}, {"RON", 2}, {"RSD", 2}, {"RUB", 2},
    {"RWF", 0}, {"SAR", 2}, {"SBD", 2}, {"SCR", 2}, {"SDG", 2}, {"SEK", 2}, {"SGD", 2}, {"SHP", 2},
    {"SLE", 2}, {"SLL", 2}, {"SOS", 2}, {"SRD", 2}, {"SSP", 2}, {"STN", 2}, {"SVC", 2}, {"SYP", 2},
    {"SZL", 2}, {"THB", 2}, {"TJS", 2}, {"TMT", 2}, {"TND", 3}, {"TOP", 2}, {"TRY", 2}, {"TTD", 2},
    {"TWD", 2}, {"TZS", 2}, {"UAH", 2}, {"UGX", 0}, {"USD", 2}, {"USN", 2}, {"UYI", 0}, {"UYU", 2},
    {"UYW", 4}, {"UZS", 2}, {"VED", 2}, {"VES", 2}, {"VND", 0}, {"VUV", 0}, {"WST", 2}, {"XAF", 0},
    {"XCD", 2}, {"XOF", 0}, {"XPF", 0}, {"YER", 2}, {"ZAR", 2}, {"ZMW", 2}, {"ZWL", 2},
}};

// Symbols that say which currency they are wherever they are read. A bare "$" or "¥"
// does not: a Chinese operator reads "¥" as yuan, a Japanese guest as yen, and a catalog
// here mixes USD, CNY, JPY and IDR. So the bare local symbol is used only for the
// locale's own currency (USD in en_US, CNY in zh_CN); every other currency gets a
// qualified symbol (CLDR's international forms: US$, CN¥, JP¥, HK$...).
struct CurrencySymbol
{
    const char *code;
    const char *symbol; // UTF-8
};
constexpr std::array<CurrencySymbol, 22> kSymbols {{
    {"AUD", "A$"}, {"BRL", "R$"},  {"CAD", "CA$"}, {"CHF", "CHF"}, {"CNY", "CN¥"}, {"EUR", "€"},
    {"GBP", "£"},  {"HKD", "HK$"}, {"IDR", "Rp"},  {"ILS", "₪"},   {"INR", "₹"},   {"JPY", "JP¥"},
    {"KRW", "₩"},  {"MXN", "MX$"}, {"MYR", "RM"},  {"NZD", "NZ$"}, {"PHP", "₱"},   {"SGD", "S$"},
    {"THB", "฿"},  {"TWD", "NT$"}, {"USD", "US$"}, {"VND", "₫"},
}};

void setError(MoneyError *error, MoneyError::Code code, const QString &message)
{
    if (error)
        *error = MoneyError {code, message};
}

qint64 pow10(int digits)
{
    qint64 result = 1;
    for (int i = 0; i < digits; ++i)
        result *= 10;
    return result;
}

} // namespace

int Money::minorDigits(QStringView currency)
{
    if (currency.size() != 3)
        return -1;
    const QByteArray code = currency.toLatin1();
    const auto it = std::lower_bound(kCurrencies.begin(), kCurrencies.end(), code,
                                     [](const CurrencyDigits &entry, const QByteArray &key) {
                                         return qstrcmp(entry.code, key.constData()) < 0;
                                     });
    if (it == kCurrencies.end() || qstrcmp(it->code, code.constData()) != 0)
        return -1;
    return it->digits;
}

std::optional<Money> Money::parse(QStringView amount, const QString &currency, MoneyError *error)
{
    const int digits = minorDigits(currency);
    if (digits < 0) {
        setError(error, MoneyError::Code::UnknownCurrency,
                 QCoreApplication::translate("chorus::sales::Money",
                                             "\"%1\" is not an ISO 4217 currency code")
                     .arg(currency));
        return std::nullopt;
    }
    const auto bad = [&] {
        setError(error, MoneyError::Code::BadAmount,
                 QCoreApplication::translate("chorus::sales::Money",
                                             "\"%1\" is not an amount (write it like 12.50)")
                     .arg(amount));
        return std::nullopt;
    };
    qsizetype i = 0;
    const bool negative = !amount.isEmpty() && amount.front() == u'-';
    if (negative)
        ++i;
    // Accumulate as a negative number so that the minimum qint64 is reachable too.
    qint64 value = 0;
    int intDigits = 0, fracDigits = 0;
    bool seenPoint = false;
    constexpr qint64 kMin = std::numeric_limits<qint64>::min();
    for (; i < amount.size(); ++i) {
        const QChar c = amount.at(i);
        if (c == u'.' && !seenPoint) {
            seenPoint = true;
            continue;
        }
        if (c < u'0' || c > u'9')
            return bad();
        if (seenPoint && ++fracDigits > digits) {
            setError(error, MoneyError::Code::TooManyDecimals,
                     QCoreApplication::translate("chorus::sales::Money",
                                                 "%1 has at most %n decimal(s), \"%2\" has more",
                                                 nullptr, digits)
                         .arg(currency, amount));
            return std::nullopt;
        }
        if (!seenPoint)
            ++intDigits;
        const int d = c.unicode() - u'0';
        if (value < (kMin + d) / 10) {
            setError(error, MoneyError::Code::Overflow,
                     QCoreApplication::translate("chorus::sales::Money", "\"%1\" is too large")
                         .arg(amount));
            return std::nullopt;
        }
        value = value * 10 - d;
    }
    if (intDigits == 0 || (seenPoint && fracDigits == 0))
        return bad();
    for (int k = fracDigits; k < digits; ++k) {
        if (value < kMin / 10) {
            setError(error, MoneyError::Code::Overflow,
                     QCoreApplication::translate("chorus::sales::Money", "\"%1\" is too large")
                         .arg(amount));
            return std::nullopt;
        }
        value *= 10;
    }
    if (!negative) {
        if (value == kMin) {
            setError(error, MoneyError::Code::Overflow,
                     QCoreApplication::translate("chorus::sales::Money", "\"%1\" is too large")
                         .arg(amount));
            return std::nullopt;
        }
        value = -value;
    }
    return Money(value, currency);
}

QString Money::toPlainString() const
{
    const int digits = std::max(0, minorDigits(m_currency));
    // Unsigned magnitude: -minimum qint64 does not fit in qint64.
    const quint64 magnitude = m_minor < 0 ? quint64(0) - quint64(m_minor) : quint64(m_minor);
    const quint64 scale = quint64(pow10(digits));
    QString text = QString::number(magnitude / scale);
    if (digits > 0)
        text += u'.' + QString::number(magnitude % scale).rightJustified(digits, u'0');
    return m_minor < 0 ? u'-' + text : text;
}

QString Money::symbolFor(QStringView currency, const QLocale &locale)
{
    if (locale.currencySymbol(QLocale::CurrencyIsoCode) == currency)
        return locale.currencySymbol(QLocale::CurrencySymbol);
    const QByteArray code = currency.toLatin1();
    for (const auto &entry : kSymbols) {
        if (code == entry.code)
            return QString::fromUtf8(entry.symbol);
    }
    return currency.toString();
}

QString Money::format(const QLocale &locale) const
{
    const int digits = std::max(0, minorDigits(m_currency));
    const quint64 magnitude = m_minor < 0 ? quint64(0) - quint64(m_minor) : quint64(m_minor);
    const quint64 scale = quint64(pow10(digits));
    // The number is composed from integers (no double), then put where the locale's
    // currency pattern puts "1": that keeps the locale's symbol placement exactly.
    QString number = locale.toString(magnitude / scale);
    if (digits > 0) {
        QLocale plain = locale;
        plain.setNumberOptions(QLocale::OmitGroupSeparator);
        number += locale.decimalPoint()
            + plain.toString(magnitude % scale).rightJustified(digits, locale.zeroDigit().at(0));
    }
    QString symbol = symbolFor(m_currency, locale);
    // Letter symbols ("Rp", "CHF", ISO codes) would run into the digits.
    if (!symbol.isEmpty() && symbol.back().isLetter())
        symbol += QChar(0x00A0);
    QString pattern = locale.toCurrencyString(qlonglong(1), symbol);
    const QString one = locale.toString(1);
    const qsizetype at = pattern.lastIndexOf(one);
    const QString positive = at < 0 ? symbol + number : pattern.replace(at, one.size(), number);
    // Qt 6.4 formats negatives with CLDR's accounting pattern "($1.00)", which reads as a
    // remark rather than a refund; a leading minus sign is what operators expect.
    return m_minor < 0 ? locale.negativeSign() + positive : positive;
}

std::optional<Money> Money::plus(const Money &other, MoneyError *error) const
{
    if (other.m_currency != m_currency) {
        setError(error, MoneyError::Code::CurrencyMismatch,
                 QCoreApplication::translate("chorus::sales::Money", "cannot add %1 to %2")
                     .arg(other.m_currency, m_currency));
        return std::nullopt;
    }
    qint64 sum = 0;
    if (__builtin_add_overflow(m_minor, other.m_minor, &sum)) {
        setError(error, MoneyError::Code::Overflow,
                 QCoreApplication::translate("chorus::sales::Money", "the amount is too large"));
        return std::nullopt;
    }
    return Money(sum, m_currency);
}

std::optional<Money> Money::minus(const Money &other, MoneyError *error) const
{
    if (other.m_currency != m_currency) {
        setError(error, MoneyError::Code::CurrencyMismatch,
                 QCoreApplication::translate("chorus::sales::Money", "cannot subtract %1 from %2")
                     .arg(other.m_currency, m_currency));
        return std::nullopt;
    }
    qint64 difference = 0;
    if (__builtin_sub_overflow(m_minor, other.m_minor, &difference)) {
        setError(error, MoneyError::Code::Overflow,
                 QCoreApplication::translate("chorus::sales::Money", "the amount is too large"));
        return std::nullopt;
    }
    return Money(difference, m_currency);
}

std::optional<Money> Money::times(qint64 factor, MoneyError *error) const
{
    qint64 product = 0;
    if (__builtin_mul_overflow(m_minor, factor, &product)) {
        setError(error, MoneyError::Code::Overflow,
                 QCoreApplication::translate("chorus::sales::Money", "the amount is too large"));
        return std::nullopt;
    }
    return Money(product, m_currency);
}

bool MoneyTotals::add(const Money &amount)
{
    if (!amount.isValid())
        return false;
    qint64 sum = 0;
    if (__builtin_add_overflow(m_totals.value(amount.currency()), amount.minorUnits(), &sum))
        return false;
    m_totals.insert(amount.currency(), sum);
    return true;
}

bool MoneyTotals::add(const MoneyTotals &other)
{
    MoneyTotals result = *this;
    for (auto it = other.m_totals.cbegin(); it != other.m_totals.cend(); ++it) {
        if (!result.add(Money(it.value(), it.key())))
            return false;
    }
    *this = result;
    return true;
}

Money MoneyTotals::of(const QString &currency) const
{
    return Money(m_totals.value(currency), currency);
}

QList<Money> MoneyTotals::amounts() const
{
    QList<Money> result;
    for (auto it = m_totals.cbegin(); it != m_totals.cend(); ++it)
        result.append(Money(it.value(), it.key()));
    return result;
}

QString MoneyTotals::format(const QLocale &locale) const
{
    QStringList parts;
    for (const Money &amount : amounts())
        parts.append(amount.format(locale));
    return parts.join(u" + "_s);
}

} // namespace chorus::sales
