#pragma once

#include <QFile>
#include <QString>

namespace chorus::test {

/// Writes an executable shell script at `path` that prints `stderrLine` on standard
/// error and exits with `exitCode`: a stand-in for a helper program that fails the way
/// a broken server makes it fail. Returns false when it cannot be written.
inline bool writeFailingProgram(const QString &path, const QByteArray &stderrLine, int exitCode)
{
    QFile script(path);
    if (!script.open(QIODevice::WriteOnly))
        return false;
    script.write("#!/bin/sh\necho '" + stderrLine + "' >&2\nexit " + QByteArray::number(exitCode)
                 + "\n");
    script.close();
    return script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

} // namespace chorus::test
