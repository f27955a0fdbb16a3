#include "BenchOutput.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonArray>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace chorus::bench {

void note(const QString &text)
{
    std::fprintf(stderr, "%s: %s\n", qPrintable(QCoreApplication::applicationName()),
                 qPrintable(text));
}

int fail(const QString &why)
{
    note(why);
    std::printf(
        "%s\n",
        QJsonDocument(QJsonObject {{u"error"_s, why}}).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    return 1;
}

QString loadAverage()
{
    QFile f(u"/proc/loadavg"_s);
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).section(u' ', 0, 2)
                                       : QString();
}

void ResultLine::key(const char *key)
{
    if (!m_body.isEmpty())
        m_body += ", ";
    m_body += '"' + QByteArray(key) + "\": ";
}

ResultLine &ResultLine::add(const char *k, double value, int decimals)
{
    key(k);
    m_body += QByteArray::number(value, 'f', decimals);
    return *this;
}

ResultLine &ResultLine::add(const char *k, qint64 value)
{
    key(k);
    m_body += QByteArray::number(value);
    return *this;
}

ResultLine &ResultLine::add(const char *k, const QString &value)
{
    key(k);
    // A one-element array gives the string JSON's quoting and escapes.
    const QByteArray array = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    m_body += array.mid(1, array.size() - 2);
    return *this;
}

void ResultLine::print() const
{
    std::printf("%s\n", toJson().constData());
    std::fflush(stdout);
}

} // namespace chorus::bench
