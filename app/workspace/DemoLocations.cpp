#include "workspace/DemoLocations.h"

#include "workspace/DemoPaths.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace chorus::workspace {
namespace {

QString executableAt(const QString &path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable() ? info.absoluteFilePath() : QString();
}

QString fileAt(const QString &path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isReadable() ? info.absoluteFilePath() : QString();
}

} // namespace

DemoLocations DemoLocations::fromBuildTree()
{
    DemoLocations l;
    l.devserver = executableAt(QString::fromUtf8(demo_paths::kBuildDevserver));
    l.demoseed = executableAt(QString::fromUtf8(demo_paths::kBuildDemoseed));
    l.crowd = executableAt(QString::fromUtf8(demo_paths::kBuildCrowd));
    l.groups = fileAt(QString::fromUtf8(demo_paths::kBuildGroups));
    l.findSystemPrograms();
    return l;
}

DemoLocations DemoLocations::find(const QString &applicationDir)
{
    const QDir app(applicationDir);
    const QString libexec = app.filePath(QString::fromUtf8(demo_paths::kInstalledHelpersFromBin));
    const QString data = app.filePath(QString::fromUtf8(demo_paths::kInstalledDataFromBin));
    DemoLocations l;
    l.devserver = executableAt(libexec + u"/devserver"_s);
    l.demoseed = executableAt(libexec + u"/demoseed"_s);
    l.crowd = executableAt(libexec + u"/crowd"_s);
    l.groups = fileAt(data + u"/demo/groups.json"_s);
    // Not installed together: the build tree this binary came from, all or nothing, so
    // an installed chorus never mixes in helpers of another version.
    if (l.devserver.isEmpty() || l.demoseed.isEmpty() || l.crowd.isEmpty() || l.groups.isEmpty())
        return fromBuildTree();
    l.findSystemPrograms();
    return l;
}

void DemoLocations::findSystemPrograms()
{
    prosody = QStandardPaths::findExecutable(u"prosody"_s);
    prosodyctl = QStandardPaths::findExecutable(u"prosodyctl"_s);
    python = QStandardPaths::findExecutable(u"python3"_s);
    openssl = QStandardPaths::findExecutable(u"openssl"_s);
}

QStringList DemoLocations::missing() const
{
    QStringList names;
    const std::pair<const QString *, QString> all[]
        = {{&prosody, u"prosody"_s}, {&prosodyctl, u"prosodyctl"_s}, {&python, u"python3"_s},
           {&openssl, u"openssl"_s}, {&devserver, u"devserver"_s},   {&demoseed, u"demoseed"_s},
           {&crowd, u"crowd"_s},     {&groups, u"groups.json"_s}};
    for (const auto &[path, name] : all) {
        if (path->isEmpty())
            names << name;
    }
    return names;
}

} // namespace chorus::workspace
