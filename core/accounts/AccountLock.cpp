#include "AccountLock.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace Smtpd {

AccountLock::AccountLock(const QString &storageKey, const QString &folder)
    : m_path(folder + QStringLiteral("/account-")
        + QString::fromLatin1(
            QCryptographicHash::hash(storageKey.toUtf8(), QCryptographicHash::Sha256)
                .toHex()
                .left(32))
        + QStringLiteral(".lock"))
    , m_file(std::make_unique<QLockFile>(m_path))
{
    // Held for as long as a load-refresh-save takes, which has no fixed bound on a slow
    // server: only a dead holder makes a lock stale, never its age.
    m_file->setStaleLockTime(0);
}

AccountLock::~AccountLock() = default;

QString AccountLock::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation)
        + QStringLiteral("/smtpd-accounts");
}

bool AccountLock::tryLock()
{
    if (m_file->isLocked())
        return true;
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QFile::setPermissions(QFileInfo(m_path).absolutePath(),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return m_file->tryLock(0);
}

void AccountLock::unlock()
{
    if (m_file->isLocked())
        m_file->unlock();
}

bool AccountLock::isLocked() const
{
    return m_file->isLocked();
}

QString AccountLock::error() const
{
    switch (m_file->error()) {
    case QLockFile::NoError:
    case QLockFile::LockFailedError:
        return {};
    case QLockFile::PermissionError:
        return QCoreApplication::translate(
            "Smtpd::AccountLock", "The account lock %1 cannot be created: permission denied.")
            .arg(m_path);
    case QLockFile::UnknownError:
        break;
    }
    return QCoreApplication::translate(
        "Smtpd::AccountLock", "The account lock %1 cannot be created.")
        .arg(m_path);
}

} // namespace Smtpd
