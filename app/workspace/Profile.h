#pragma once

#include <QString>

#include <memory>

class QSettings;

namespace chorus::workspace {

/// Where one operator's state lives: the settings file, the databases, the logs.
/// `--profile DIR` puts all of it under DIR; by default it is the platform's
/// application data location.
class Profile
{
public:
    /// Uses `dir`, or the standard location when it is empty. Creates it if needed.
    explicit Profile(const QString &dir = {});

    QString directory() const { return m_dir; }
    bool isUsable() const { return m_usable; }

    /// UI state (geometry, splitters, open groups): never secrets.
    std::unique_ptr<QSettings> openSettings() const;
    QString settingsPath() const;

    /// One SQLite file per account.
    QString databasePath(const QString &accountJid) const;

private:
    QString m_dir;
    bool m_usable = false;
};

} // namespace chorus::workspace
