#pragma once

#include <QString>
#include <QStringList>

namespace chorus::workspace {

/// Where the programs the local demo needs are: Chorus's own helpers (devserver, demoseed,
/// crowd, the demo groups) next to an installed chorus or in the build tree, and the
/// system's (prosody, prosodyctl, python3, openssl) on PATH.
struct DemoLocations
{
    QString devserver; ///< tools/devserver (a Python script)
    QString demoseed; ///< creates the demo groups as their operator
    QString crowd; ///< simulated members
    QString groups; ///< resources/demo/groups.json
    QString prosody;
    QString prosodyctl;
    QString python;
    QString openssl;

    /// Looks in the installed layout relative to `applicationDir` (bin/ →
    /// libexec/chorus, share/chorus/demo) first, then in the build tree this binary was
    /// built in. Empty fields are what was not found.
    static DemoLocations find(const QString &applicationDir);
    /// The build tree's helpers only (tests, which do not run from the app's folder).
    static DemoLocations fromBuildTree();

    /// True when Prosody itself is missing (the usual reason the demo is not offered).
    bool prosodyMissing() const { return prosody.isEmpty() || prosodyctl.isEmpty(); }
    /// Names of what is missing ("prosody", "python3", "crowd", ...); empty when complete.
    QStringList missing() const;
    bool isComplete() const { return missing().isEmpty(); }

private:
    void findSystemPrograms();
};

} // namespace chorus::workspace
