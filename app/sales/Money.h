#pragma once

// Money as integer minor units plus an ISO 4217 code. Amounts of different currencies
// never add up: sums are kept per currency in MoneyTotals.

#include <QLocale>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringView>

#include <optional>

namespace chorus::sales {

/// Why an amount could not be read or computed.
struct MoneyError
{
    enum class Code {
        UnknownCurrency, ///< not an active ISO 4217 code we know
        BadAmount, ///< not a plain decimal number ("12.50", "-3", "88")
        TooManyDecimals, ///< more fraction digits than the currency has ("1.5" JPY)
        Overflow, ///< does not fit in 64-bit minor units
        CurrencyMismatch, ///< arithmetic across two currencies
    };
    Code code = Code::BadAmount;
    QString message;
};

/// An amount of one currency in minor units (cents, fen, yen).
class Money
{
public:
    Money() = default;
    /// `minor` in the currency's smallest unit; `currency` must be known (see isKnownCurrency).
    Money(qint64 minor, const QString &currency) : m_minor(minor), m_currency(currency) { }

    /// Digits after the decimal point for an ISO 4217 code, or -1 if the code is unknown.
    static int minorDigits(QStringView currency);
    static bool isKnownCurrency(QStringView currency) { return minorDigits(currency) >= 0; }

    /// Reads a plain decimal ("12.50", "12.5", "12", "-3.00") without floating point.
    /// No grouping separators, no symbols, at most minorDigits() fraction digits.
    static std::optional<Money> parse(QStringView amount, const QString &currency,
                                      MoneyError *error = nullptr);

    qint64 minorUnits() const { return m_minor; }
    QString currency() const { return m_currency; }
    bool isValid() const { return isKnownCurrency(m_currency); }
    bool isZero() const { return m_minor == 0; }

    /// Plain decimal with exactly minorDigits() fraction digits: "12.50", "1200", "-0.005".
    QString toPlainString() const;
    /// For people: grouping, decimal mark and a currency symbol chosen for `locale`
    /// (see symbolFor()), e.g. "$12.50" / "CN¥88.00" in en_US, "¥88.00" / "US$12.50" in zh_CN.
    QString format(const QLocale &locale) const;
    /// The symbol format() uses for `currency` in `locale`.
    static QString symbolFor(QStringView currency, const QLocale &locale);

    /// Sum or difference in the same currency; nullopt on a currency mismatch or overflow.
    std::optional<Money> plus(const Money &other, MoneyError *error = nullptr) const;
    std::optional<Money> minus(const Money &other, MoneyError *error = nullptr) const;
    /// The amount times `factor` (a quantity); nullopt on overflow.
    std::optional<Money> times(qint64 factor, MoneyError *error = nullptr) const;

    friend bool operator==(const Money &, const Money &) = default;

private:
    qint64 m_minor = 0;
    QString m_currency;
};

/// Totals kept per currency: the only way Chorus sums money.
class MoneyTotals
{
public:
    /// Adds `amount` to its currency's total; false (and nothing changes) on overflow
    /// or an invalid amount.
    bool add(const Money &amount);
    /// Adds every currency of `other`; false (and nothing changes) on overflow.
    bool add(const MoneyTotals &other);

    /// The total of one currency (zero of that currency when there is none).
    Money of(const QString &currency) const;
    /// One Money per currency, ordered by currency code.
    QList<Money> amounts() const;
    QStringList currencies() const { return m_totals.keys(); }
    bool isEmpty() const { return m_totals.isEmpty(); }
    /// Each currency formatted for `locale`, joined with " + " in code order.
    QString format(const QLocale &locale) const;

    friend bool operator==(const MoneyTotals &, const MoneyTotals &) = default;

private:
    QMap<QString, qint64> m_totals;
};

} // namespace chorus::sales

Q_DECLARE_METATYPE(chorus::sales::Money)
