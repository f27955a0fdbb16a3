#include "store/StoreError.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSqlError>
#include <QStorageInfo>

#include <cerrno>
#include <cstring>

#include <sys/resource.h>

using namespace Qt::StringLiterals;

namespace chorus::store {
namespace {

// SQLite's primary result codes (stable, documented in sqlite3.h); the Qt driver reports
// extended codes, whose low byte is the primary one.
enum SqliteCode {
    Perm = 3,
    Busy = 5,
    LockedCode = 6,
    ReadOnlyCode = 8,
    IoErr = 10,
    CorruptCode = 11,
    Full = 13,
    CantOpen = 14,
    NotADb = 26,
};

const char *const kContext = "chorus::store::StoreError";

// A write that failed with EFBIG or ENOSPC comes back as SQLITE_IOERR_WRITE (or _FSYNC,
// _TRUNCATE), not SQLITE_FULL, so look at the volume and at the process's file size limit.
bool looksFull(const QString &path)
{
    if (path.isEmpty() || path == u":memory:")
        return false;
    const QFileInfo info(path);
    QStorageInfo volume(info.absolutePath());
    if (volume.isValid() && volume.bytesAvailable() >= 0 && volume.bytesAvailable() < 4 << 20)
        return true;
    rlimit limit{};
    if (getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
        const qint64 margin = 256 << 10;
        for (const QString &suffix : {u""_s, u"-wal"_s, u"-journal"_s}) {
            const QFileInfo file(path + suffix);
            if (file.exists() && file.size() + margin >= qint64(limit.rlim_cur))
                return true;
        }
    }
    return false;
}

} // namespace

QString codeName(StoreError::Code code)
{
    using C = StoreError::Code;
    switch (code) {
    case C::NewerSchema: return u"NewerSchema"_s;
    case C::Corrupt: return u"Corrupt"_s;
    case C::ReadOnly: return u"ReadOnly"_s;
    case C::DiskFull: return u"DiskFull"_s;
    case C::Locked: return u"Locked"_s;
    case C::CannotOpen: return u"CannotOpen"_s;
    case C::IoError: return u"IoError"_s;
    case C::MigrationFailed: return u"MigrationFailed"_s;
    case C::InvalidArgument: return u"InvalidArgument"_s;
    case C::NotFound: return u"NotFound"_s;
    case C::Closed: return u"Closed"_s;
    case C::Internal: return u"Internal"_s;
    }
    return u"Internal"_s;
}

QString StoreError::describe(Code code, const QString &path)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate(kContext, text); };
    switch (code) {
    case Code::NewerSchema:
        return tr("The message store %1 was written by a newer version of Chorus. "
                  "Chorus has not changed it. Update Chorus to open this profile.")
            .arg(path);
    case Code::Corrupt:
        return tr("The message store %1 is damaged or is not a Chorus database. Chorus has not "
                  "changed it. Quit Chorus and move the file aside (or restore a backup): "
                  "history is downloaded from the server again, but notes and orders kept only "
                  "in this file will be missing.")
            .arg(path);
    case Code::ReadOnly:
        return tr("Chorus cannot write to the message store %1. Check that the file and its "
                  "folder are writable by you and that the disk is not mounted read-only.")
            .arg(path);
    case Code::DiskFull:
        return tr("The disk holding the message store %1 is full. Nothing already stored was "
                  "lost; free some space and Chorus will continue saving.")
            .arg(path);
    case Code::Locked:
        return tr("The message store %1 is in use by another program (perhaps a second Chorus "
                  "with the same profile). Close it and try again.")
            .arg(path);
    case Code::CannotOpen:
        return tr("Chorus cannot open or create the message store %1. Check that the folder "
                  "exists and that you may write to it.")
            .arg(path);
    case Code::IoError:
        return tr("The disk reported an error while Chorus used the message store %1. Check the "
                  "disk; nothing was half-written.")
            .arg(path);
    case Code::MigrationFailed:
        return tr("Chorus could not upgrade the message store %1. It was left as it was before "
                  "the upgrade; please report this problem.")
            .arg(path);
    case Code::InvalidArgument:
        return tr("The request to the message store was not valid.");
    case Code::NotFound:
        return tr("The requested item is not in the message store.");
    case Code::Closed:
        return tr("The message store is not open.");
    case Code::Internal:
        return tr("The message store %1 reported an unexpected error; please report this "
                  "problem.")
            .arg(path);
    }
    return {};
}

StoreError StoreError::make(Code code, const QString &path, const QString &detail)
{
    return StoreError{code, describe(code, path), detail};
}

StoreError StoreError::fromSql(const QSqlError &error, int systemErrno, const QString &path,
                               const QString &context)
{
    bool ok = false;
    const int extended = error.nativeErrorCode().toInt(&ok);
    return fromSqlite(ok ? extended : -1, systemErrno, error.text(), path, context);
}

StoreError StoreError::fromSqlite(int extended, int systemErrno, const QString &text,
                                  const QString &path, const QString &context)
{
    const int primary = extended >= 0 ? (extended & 0xff) : -1;
    Code code = Code::Internal;
    switch (primary) {
    case Busy:
    case LockedCode: code = Code::Locked; break;
    case ReadOnlyCode:
    case Perm: code = Code::ReadOnly; break;
    case CorruptCode:
    case NotADb: code = Code::Corrupt; break;
    case Full: code = Code::DiskFull; break;
    case CantOpen: code = Code::CannotOpen; break;
    case IoErr: code = Code::IoError; break;
    default: break;
    }
    // A write refused by the OS comes back as SQLITE_IOERR_WRITE (or _FSYNC, _TRUNCATE,
    // even SQLITE_CANTOPEN for a new WAL): errno tells what it really was.
    if (primary == IoErr || primary == CantOpen || primary == Full || primary == ReadOnlyCode) {
        switch (systemErrno) {
        case ENOSPC:
        case EFBIG:
        case EDQUOT: code = Code::DiskFull; break;
        case EROFS:
        case EACCES:
        case EPERM: code = Code::ReadOnly; break;
        default:
            if (primary == IoErr && looksFull(path))
                code = Code::DiskFull;
            break;
        }
    }
    QString detail = text;
    if (extended >= 0)
        detail += u" (SQLite code %1)"_s.arg(extended);
    if (systemErrno != 0)
        detail += u" (%1)"_s.arg(QString::fromLocal8Bit(std::strerror(systemErrno)));
    if (!context.isEmpty())
        detail = context + u": "_s + detail;
    return make(code, path, detail);
}

QString StoreError::toString() const
{
    return u"%1: %2 [%3]"_s.arg(codeName(code), message, detail);
}

} // namespace chorus::store
