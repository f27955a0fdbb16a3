#include "sales/CatalogCsv.h"

#include "sales/Csv.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace chorus::sales {

namespace {

using Code = CatalogCsvProblem::Code;

enum Column {
    Id,
    Name,
    SynonymsEn,
    SynonymsZh,
    Description,
    Price,
    Currency,
    PricedPer,
    Options,
    AvailabilityColumn,
    ColumnCount
};

const QStringList &columnNames()
{
    static const QStringList names {
        u"id"_s,    u"name"_s,     u"synonyms_en"_s, u"synonyms_zh"_s, u"description"_s,
        u"price"_s, u"currency"_s, u"priced_per"_s,  u"options"_s,     u"availability"_s};
    return names;
}

bool isRequired(int column)
{
    return column == Id || column == Name || column == Price || column == Currency;
}

// Splits at unescaped `separator`, keeping escapes in the pieces; nullopt on a dangling
// backslash at the very end.
std::optional<QStringList> splitRaw(QStringView text, QChar separator)
{
    QStringList pieces;
    QString piece;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\\') {
            if (i + 1 >= text.size())
                return std::nullopt;
            piece.append(c);
            piece.append(text.at(++i));
        } else if (c == separator) {
            pieces.append(piece);
            piece.clear();
        } else {
            piece.append(c);
        }
    }
    pieces.append(piece);
    return pieces;
}

QString unescape(QStringView raw)
{
    QString result;
    result.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw.at(i) == u'\\' && i + 1 < raw.size())
            ++i;
        result.append(raw.at(i));
    }
    return result;
}

QString escape(const QString &text, QStringView specials)
{
    QString result;
    result.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'\\' || specials.contains(c))
            result.append(u'\\');
        result.append(c);
    }
    return result;
}

// "a|b|c" -> {a, b, c}; "" -> {}; an empty entry is an error.
std::optional<QStringList> readList(QStringView text)
{
    if (text.isEmpty())
        return QStringList {};
    const auto raw = splitRaw(text, u'|');
    if (!raw)
        return std::nullopt;
    QStringList result;
    for (const QString &piece : *raw) {
        if (piece.isEmpty())
            return std::nullopt;
        result.append(unescape(piece));
    }
    return result;
}

QString writeList(const QStringList &list)
{
    QStringList escaped;
    for (const QString &entry : list)
        escaped.append(escape(entry, u"|"));
    return escaped.join(u'|');
}

std::optional<QList<CatalogOption>> readOptions(QStringView text, QString *why)
{
    QList<CatalogOption> options;
    if (text.isEmpty())
        return options;
    const auto raw = splitRaw(text, u';');
    if (!raw) {
        *why = QCoreApplication::translate("chorus::sales::CatalogCsv",
                                           "the options end with a lone backslash");
        return std::nullopt;
    }
    for (const QString &spec : *raw) {
        const qsizetype eq = spec.indexOf(u'=');
        if (eq <= 0) {
            *why = QCoreApplication::translate("chorus::sales::CatalogCsv",
                                               "the option \"%1\" is not written key=kind")
                       .arg(spec);
            return std::nullopt;
        }
        CatalogOption option;
        option.key = spec.left(eq);
        QString rest = spec.mid(eq + 1);
        // The label starts at the first unescaped ':'.
        qsizetype colon = -1;
        for (qsizetype i = 0; i < rest.size(); ++i) {
            if (rest.at(i) == u'\\') {
                ++i;
            } else if (rest.at(i) == u':') {
                colon = i;
                break;
            }
        }
        QString kindText = colon < 0 ? rest : rest.left(colon);
        if (colon >= 0)
            option.label = unescape(QStringView(rest).mid(colon + 1));
        if (kindText.endsWith(u'*')) {
            option.required = true;
            kindText.chop(1);
        }
        const auto kind = CatalogOption::kindFromName(kindText);
        if (!kind) {
            *why = QCoreApplication::translate(
                       "chorus::sales::CatalogCsv",
                       "the option \"%1\" has the kind \"%2\"; use datetime, date, party_size, "
                       "pickup_point or text")
                       .arg(option.key, kindText);
            return std::nullopt;
        }
        option.kind = *kind;
        options.append(option);
    }
    return options;
}

QString writeOptions(const QList<CatalogOption> &options)
{
    QStringList specs;
    for (const CatalogOption &option : options) {
        QString spec = option.key + u'=' + CatalogOption::kindName(option.kind);
        if (option.required)
            spec += u'*';
        if (!option.label.isEmpty())
            spec += u':' + escape(option.label, u";:");
        specs.append(spec);
    }
    return specs.join(u';');
}

std::optional<Availability> readAvailability(QStringView text)
{
    if (text.isEmpty() || text == u"all")
        return Availability::allGroups();
    Availability availability;
    QStringView values;
    if (text.startsWith(u"tags:")) {
        availability.scope = Availability::Scope::GroupsWithTag;
        values = text.mid(5);
    } else if (text.startsWith(u"groups:")) {
        availability.scope = Availability::Scope::NamedGroups;
        values = text.mid(7);
    } else {
        return std::nullopt;
    }
    const auto list = readList(values);
    if (!list || list->isEmpty())
        return std::nullopt;
    availability.values = *list;
    return availability;
}

QString writeAvailability(const Availability &availability)
{
    switch (availability.scope) {
    case Availability::Scope::AllGroups:
        return u"all"_s;
    case Availability::Scope::GroupsWithTag:
        return u"tags:"_s + writeList(availability.values);
    case Availability::Scope::NamedGroups:
        return u"groups:"_s + writeList(availability.values);
    }
    return u"all"_s;
}

} // namespace

QString CatalogCsvError::summary() const
{
    QStringList lines;
    for (const CatalogCsvProblem &problem : problems) {
        lines.append(problem.line > 0
                         ? QCoreApplication::translate("chorus::sales::CatalogCsv", "line %1: %2")
                               .arg(problem.line)
                               .arg(problem.reason)
                         : problem.reason);
    }
    return lines.join(u'\n');
}

QStringList CatalogCsv::header()
{
    return columnNames();
}

Expected<QList<CatalogItem>, CatalogCsvError> CatalogCsv::read(const QByteArray &data)
{
    CatalogCsvError error;
    const auto refuse = [&](Code code, int line, const QString &reason) {
        error.problems.append(CatalogCsvProblem {code, line, reason});
    };

    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(data);
    if (decoder.hasError()) {
        refuse(Code::NotUtf8, 0,
               QCoreApplication::translate("chorus::sales::CatalogCsv",
                                           "the file is not UTF-8 text; save it as \"CSV UTF-8\""));
        return error;
    }
    csv::SyntaxError syntax;
    const auto records = csv::parse(text, &syntax);
    if (!records) {
        refuse(Code::Syntax, syntax.line, syntax.reason);
        return error;
    }
    if (records->isEmpty()) {
        refuse(Code::Empty, 0,
               QCoreApplication::translate("chorus::sales::CatalogCsv",
                                           "the file is empty; the first line must be the header"));
        return error;
    }

    // Header: which field holds which column.
    const csv::Record &head = records->first();
    QList<int> fieldOf(ColumnCount, -1);
    for (qsizetype f = 0; f < head.fields.size(); ++f) {
        const QString name = head.fields.at(f).trimmed().toLower();
        const int column = int(columnNames().indexOf(name));
        if (column < 0) {
            refuse(Code::UnknownColumn, head.line,
                   QCoreApplication::translate("chorus::sales::CatalogCsv",
                                               "unknown column \"%1\"; the columns are %2")
                       .arg(head.fields.at(f), columnNames().join(u", "_s)));
        } else if (fieldOf[column] >= 0) {
            refuse(Code::DuplicateColumn, head.line,
                   QCoreApplication::translate("chorus::sales::CatalogCsv",
                                               "the column \"%1\" appears twice")
                       .arg(name));
        } else {
            fieldOf[column] = int(f);
        }
    }
    for (int column = 0; column < ColumnCount; ++column) {
        if (isRequired(column) && fieldOf[column] < 0)
            refuse(Code::MissingColumn, head.line,
                   QCoreApplication::translate("chorus::sales::CatalogCsv",
                                               "the column \"%1\" is missing")
                       .arg(columnNames().at(column)));
    }
    if (!error.problems.isEmpty())
        return error;

    QList<CatalogItem> items;
    QHash<QString, int> firstLineOfId;
    for (qsizetype r = 1; r < records->size(); ++r) {
        const csv::Record &record = records->at(r);
        const int line = record.line;
        if (record.fields.size() != head.fields.size()) {
            refuse(Code::FieldCount, line,
                   QCoreApplication::translate(
                       "chorus::sales::CatalogCsv",
                       "%1 fields where the header has %2 (a comma inside a value needs quotes)")
                       .arg(record.fields.size())
                       .arg(head.fields.size()));
            continue;
        }
        const auto field = [&](int column) {
            return fieldOf[column] < 0 ? QString() : record.fields.at(fieldOf[column]);
        };
        const int before = int(error.problems.size());
        CatalogItem item;
        item.id = field(Id);
        item.name = field(Name);
        item.description = field(Description);
        for (int column : {int(Id), int(Name), int(Price), int(Currency)}) {
            if (field(column).isEmpty())
                refuse(Code::MissingValue, line,
                       QCoreApplication::translate("chorus::sales::CatalogCsv", "the %1 is empty")
                           .arg(columnNames().at(column)));
        }
        const QString currency = field(Currency);
        if (!currency.isEmpty() && !field(Price).isEmpty()) {
            if (!Money::isKnownCurrency(currency)) {
                refuse(Code::UnknownCurrency, line,
                       QCoreApplication::translate(
                           "chorus::sales::CatalogCsv",
                           "\"%1\" is not an ISO 4217 currency code (like USD, CNY, JPY)")
                           .arg(currency));
            } else {
                MoneyError moneyError;
                const auto price = Money::parse(field(Price), currency, &moneyError);
                if (!price)
                    refuse(Code::BadPrice, line,
                           QCoreApplication::translate("chorus::sales::CatalogCsv", "bad price: %1")
                               .arg(moneyError.message));
                else if (price->minorUnits() < 0)
                    refuse(Code::BadPrice, line,
                           QCoreApplication::translate("chorus::sales::CatalogCsv",
                                                       "the price %1 is negative")
                               .arg(field(Price)));
                else
                    item.price = *price;
            }
        }
        const auto en = readList(field(SynonymsEn));
        const auto zh = readList(field(SynonymsZh));
        if (!en || !zh)
            refuse(Code::BadList, line,
                   QCoreApplication::translate(
                       "chorus::sales::CatalogCsv",
                       "a synonym list has an empty entry or a lone backslash (separate with |)"));
        else {
            item.synonymsEn = *en;
            item.synonymsZh = *zh;
        }
        const QString pricedPer = field(PricedPer);
        if (const auto basis = priceBasisFromString(pricedPer))
            item.basis = *basis;
        else if (!pricedPer.isEmpty())
            refuse(Code::BadPricedPer, line,
                   QCoreApplication::translate("chorus::sales::CatalogCsv",
                                               "priced_per is \"%1\"; write item or person")
                       .arg(pricedPer));
        QString why;
        if (const auto options = readOptions(field(Options), &why))
            item.options = *options;
        else
            refuse(Code::BadOptions, line, why);
        if (const auto availability = readAvailability(field(AvailabilityColumn)))
            item.availability = *availability;
        else
            refuse(Code::BadAvailability, line,
                   QCoreApplication::translate(
                       "chorus::sales::CatalogCsv",
                       "availability is \"%1\"; write all, tags:a|b or groups:room@host")
                       .arg(field(AvailabilityColumn)));
        if (error.problems.size() == before) {
            for (const QString &problem : item.problems())
                refuse(Code::InvalidItem, line, problem);
        }
        if (!item.id.isEmpty()) {
            const auto seen = firstLineOfId.constFind(item.id);
            if (seen != firstLineOfId.cend())
                refuse(Code::DuplicateId, line,
                       QCoreApplication::translate("chorus::sales::CatalogCsv",
                                                   "the id \"%1\" is already used on line %2")
                           .arg(item.id)
                           .arg(*seen));
            else
                firstLineOfId.insert(item.id, line);
        }
        items.append(item);
    }
    if (!error.problems.isEmpty())
        return error;
    return items;
}

Expected<QByteArray, CatalogCsvError> CatalogCsv::write(const QList<CatalogItem> &items)
{
    CatalogCsvError error;
    QString text = csv::formatRecord(columnNames());
    int line = 2;
    QHash<QString, int> firstLineOfId;
    for (const CatalogItem &item : items) {
        // Problems are reported at the line the item would have had in the file.
        for (const QString &problem : item.problems())
            error.problems.append({Code::InvalidItem, line, problem});
        const auto seen = firstLineOfId.constFind(item.id);
        if (seen != firstLineOfId.cend())
            error.problems.append(
                {Code::DuplicateId, line,
                 QCoreApplication::translate("chorus::sales::CatalogCsv",
                                             "the id \"%1\" is already used on line %2")
                     .arg(item.id)
                     .arg(*seen)});
        else
            firstLineOfId.insert(item.id, line);
        const QString record = csv::formatRecord(
            {item.id, item.name, writeList(item.synonymsEn), writeList(item.synonymsZh),
             item.description, item.price.toPlainString(), item.price.currency(),
             priceBasisName(item.basis), writeOptions(item.options),
             writeAvailability(item.availability)});
        line += int(record.count(u'\n'));
        text += record;
    }
    if (!error.problems.isEmpty())
        return error;
    return text.toUtf8();
}

} // namespace chorus::sales
