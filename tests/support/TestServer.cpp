#include "TestServer.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace chorus::test {
namespace {

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

} // namespace

std::optional<QByteArray> TestServer::devserver(const QStringList &args, QString *error,
                                                int timeoutMs)
{
    const QString tool = qEnvironmentVariable("CHORUS_DEVSERVER");
    if (tool.isEmpty()) {
        setError(error, u"CHORUS_DEVSERVER is not set: run the test through ctest"_s);
        return std::nullopt;
    }
    QProcess p;
    p.start(tool, args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        setError(error, u"devserver %1 timed out"_s.arg(args.join(u' ')));
        return std::nullopt;
    }
    const QList<QByteArray> lines = p.readAllStandardOutput().trimmed().split('\n');
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        setError(error, u"devserver %1 failed: %2 %3"_s.arg(
                            args.join(u' '), QString::fromUtf8(lines.value(lines.size() - 1)),
                            QString::fromUtf8(p.readAllStandardError())));
        return std::nullopt;
    }
    return lines.value(lines.size() - 1);
}

std::optional<TestServer> TestServer::fromStateFile(const QString &dir, QString *error)
{
    QFile file(dir + u"/server.json"_s);
    if (!file.open(QIODevice::ReadOnly)) {
        setError(error, u"no server state at %1: did the fixture start?"_s.arg(file.fileName()));
        return std::nullopt;
    }
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    TestServer s;
    s.m_kind = o.value(u"server"_s).toString();
    s.m_host = o.value(u"host"_s).toString();
    s.m_port = quint16(o.value(u"c2s_port"_s).toInt());
    s.m_tlsPort = quint16(o.value(u"c2s_tls_port"_s).toInt());
    s.m_httpPort = quint16(o.value(u"http_port"_s).toInt());
    s.m_domain = o.value(u"domain"_s).toString();
    s.m_muc = o.value(u"muc"_s).toString();
    s.m_cert = o.value(u"cert"_s).toString();
    s.m_dir = o.value(u"dir"_s).toString();
    s.m_pid = o.value(u"pid"_s).toInteger();
    if (s.m_port == 0 || s.m_domain.isEmpty()) {
        setError(error, u"malformed server state in %1"_s.arg(file.fileName()));
        return std::nullopt;
    }
    return s;
}

std::optional<TestServer> TestServer::fromEnvironment(QString *error)
{
    const QString dir = qEnvironmentVariable("CHORUS_TEST_SERVER_DIR");
    if (dir.isEmpty()) {
        setError(error, u"CHORUS_TEST_SERVER_DIR is not set: run the test through ctest"_s);
        return std::nullopt;
    }
    return fromStateFile(dir, error);
}

std::optional<TestServer> TestServer::startPrivate(const QString &kind, const QString &dir,
                                                   const QStringList &extraArgs, QString *error)
{
    QStringList args{u"start"_s, kind, u"--dir"_s, dir, u"--fresh"_s};
    args += extraArgs;
    if (!devserver(args, error))
        return std::nullopt;
    return fromStateFile(dir, error);
}

bool TestServer::stop() const
{
    return devserver({u"stop"_s, u"--dir"_s, m_dir}).has_value();
}

bool TestServer::addUsers(const QList<QPair<QString, QString>> &users, QString *error) const
{
    QStringList args{u"adduser"_s, u"--dir"_s, m_dir};
    for (const auto &[name, password] : users)
        args << name << password;
    return devserver(args, error).has_value();
}

QString TestServer::uniqueName(const QString &prefix)
{
    static QAtomicInt counter;
    return u"%1-%2-%3"_s.arg(prefix)
        .arg(QCoreApplication::applicationPid())
        .arg(counter.fetchAndAddRelaxed(1) + 1);
}

} // namespace chorus::test
