#include "workspace/Profile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace chorus::workspace {

Profile::Profile(const QString &dir)
    : m_dir(dir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                          : QDir(dir).absolutePath())
{
    m_usable = QDir().mkpath(m_dir);
}

QString Profile::settingsPath() const
{
    return QDir(m_dir).filePath(u"chorus.ini"_s);
}

std::unique_ptr<QSettings> Profile::openSettings() const
{
    return std::make_unique<QSettings>(settingsPath(), QSettings::IniFormat);
}

QString Profile::databasePath(const QString &accountJid) const
{
    // The bare JID may hold characters a file system dislikes; a short hash keeps the
    // name portable, the readable prefix keeps it recognisable.
    QString safe;
    for (const QChar c : accountJid.toLower()) {
        safe += (c.isLetterOrNumber() || c == u'.' || c == u'-' || c == u'_' || c == u'@')
                    ? c
                    : u'_';
    }
    const QByteArray hash =
        QCryptographicHash::hash(accountJid.toUtf8(), QCryptographicHash::Sha256).toHex().left(8);
    return QDir(m_dir).filePath(safe.left(64) + u'-' + QString::fromLatin1(hash) + u".sqlite"_s);
}

} // namespace chorus::workspace
