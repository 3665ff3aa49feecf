#pragma once

#include <QLockFile>
#include <QString>

#include <memory>

namespace Smtpd {

// The per-user, per-account lock that lets one process at a time load, refresh and save an
// account's session: two command lines never refresh the same session at once (with rotating
// refresh tokens the loser would be signed out), and the app waits for a command line that is
// mid-refresh before it loads that account from the keychain. A lock file in the user's runtime
// folder (XDG_RUNTIME_DIR on Linux, mode 0700; QStandardPaths' runtime location elsewhere), named
// by a hash of the account's storage key (no email in a file name); a lock left by a process that
// died is taken over (QLockFile checks the pid). Never held across an idle period: only while a
// session is loaded, refreshed and saved.
class AccountLock
{
public:
    // `storageKey` is storageKeyFor(origin, principal); `folder` defaults to the runtime one.
    explicit AccountLock(const QString &storageKey, const QString &folder = defaultFolder());
    ~AccountLock();
    AccountLock(const AccountLock &) = delete;
    AccountLock &operator=(const AccountLock &) = delete;

    static QString defaultFolder();
    QString path() const { return m_path; }

    // Takes the lock without waiting. False when another live process holds it (or the
    // folder cannot be written: error() says which).
    bool tryLock();
    void unlock();
    bool isLocked() const;
    // A sentence for a person when the lock could not be taken for another reason than
    // "someone holds it"; empty otherwise.
    QString error() const;

private:
    QString m_path;
    std::unique_ptr<QLockFile> m_file;
};

} // namespace Smtpd
