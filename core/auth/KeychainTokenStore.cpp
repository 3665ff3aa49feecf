#include "KeychainTokenStore.h"

#include "../Logging.h"

#include <QTimer>
#include <qt6keychain/keychain.h>

namespace Smtpd {

namespace {

StoreError mapKeychainError(QKeychain::Error error, const QString &detail)
{
    switch (error) {
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
        return {};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return {StoreError::Kind::Unavailable,
            QStringLiteral("no keychain (Secret Service) is available in this session")};
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return {StoreError::Kind::Denied,
            QStringLiteral("access to the keychain was denied — it may be locked")};
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    // libsecret reports most trouble as OtherError; its text tells the cases apart.
    if (detail.contains(QLatin1String("autolaunch"), Qt::CaseInsensitive)
        || detail.contains(QLatin1String("Could not connect"), Qt::CaseInsensitive)
        || detail.contains(QLatin1String("org.freedesktop.secrets"))
        || detail.contains(QLatin1String("D-Bus"), Qt::CaseInsensitive)
        || detail.contains(QLatin1String("DBus"), Qt::CaseInsensitive))
        return {StoreError::Kind::Unavailable,
            QStringLiteral("no keychain (Secret Service) is running in this session")};
    if (detail.contains(QLatin1String("collection"), Qt::CaseInsensitive)
        || detail.contains(QLatin1String("locked"), Qt::CaseInsensitive)
        || detail.contains(QLatin1String("prompt"), Qt::CaseInsensitive))
        return {StoreError::Kind::Denied,
            QStringLiteral("the keyring is locked or has no default collection")};
    return {
        StoreError::Kind::Other, detail.isEmpty() ? QStringLiteral("the keychain failed") : detail};
}

// Runs one QtKeychain job and reports it on `store` (a StoreJob), bounded by `timeout`.
template<typename Job>
void runKeychainJob(Job *job, StoreJob *store, std::chrono::milliseconds timeout,
    std::function<void(Job *)> onSuccess)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    auto *timer = new QTimer(store);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, store, [store, timeout] {
        store->finishLater({StoreError::Kind::Timeout,
            QStringLiteral("the keychain did not answer within %1 seconds (it may "
                           "be waiting for an unlock prompt)")
                .arg(std::chrono::duration_cast<std::chrono::seconds>(timeout).count())});
    });
    QObject::connect(
        job, &QKeychain::Job::finished, store, [store, timer, onSuccess](QKeychain::Job *finished) {
            timer->stop();
            auto *typed = static_cast<Job *>(finished);
            if (finished->error() == QKeychain::NoError
                || finished->error() == QKeychain::EntryNotFound) {
                onSuccess(typed);
                return;
            }
            qCWarning(lcKeychain) << "keychain error" << int(finished->error());
            store->finishLater(mapKeychainError(finished->error(), finished->errorString()));
        });
    timer->start(timeout);
    job->start();
}

// Removes an item without waiting for the answer (nothing depends on it).
void removeItemLater(const QString &key)
{
    auto *remove = new QKeychain::DeletePasswordJob(QLatin1String(KeychainTokenStore::Service));
    remove->setKey(key);
    remove->setAutoDelete(true);
    remove->start();
}

} // namespace

KeychainTokenStore::KeychainTokenStore(QObject *parent)
    : TokenStore(parent)
{ }

QString KeychainTokenStore::displayName() const
{
#if defined(Q_OS_MACOS)
    return tr("the macOS Keychain");
#elif defined(Q_OS_WIN)
    return tr("the Windows Credential Manager");
#else
    return tr("the system keyring (Secret Service)");
#endif
}

StoreJob *KeychainTokenStore::load(const QString &account)
{
    auto *store = new StoreJob(this);
    auto *job = new QKeychain::ReadPasswordJob(QLatin1String(Service));
    job->setKey(account);
    runKeychainJob<QKeychain::ReadPasswordJob>(
        job, store, m_timeout, [this, store, account](QKeychain::ReadPasswordJob *read) {
            if (read->error() == QKeychain::EntryNotFound)
                return store->finishLater({}, false);
            StoredSession session;
            if (!StoredSession::fromJson(read->binaryData(), &session)
                || storageKeyFor(session.account) != account) {
                // Not something we can use: remove it, so the next start is clean.
                qCWarning(lcKeychain) << "removing an unreadable keychain item";
                removeItemLater(account);
                return store->finishLater(
                    {StoreError::Kind::Corrupt,
                        QStringLiteral("the saved sign-in could not be read and "
                                       "was removed")},
                    false);
            }
            store->finishLater({}, true, session);
        });
    return store;
}

StoreJob *KeychainTokenStore::save(const StoredSession &session)
{
    auto *store = new StoreJob(this);
    auto *job = new QKeychain::WritePasswordJob(QLatin1String(Service));
    job->setKey(storageKeyFor(session.account));
    job->setBinaryData(session.toJson());
    runKeychainJob<QKeychain::WritePasswordJob>(
        job, store, m_timeout, [store](QKeychain::WritePasswordJob *) { store->finishLater({}); });
    return store;
}

StoreJob *KeychainTokenStore::checkWritable()
{
    // Writes a throwaway item and removes it again; holds nothing secret.
    static const QString probeKey = QStringLiteral("smtpd-accounts-write-check");
    auto *store = new StoreJob(this);
    auto *job = new QKeychain::WritePasswordJob(QLatin1String(Service));
    job->setKey(probeKey);
    job->setBinaryData("probe");
    runKeychainJob<QKeychain::WritePasswordJob>(
        job, store, m_timeout, [store](QKeychain::WritePasswordJob *) {
            removeItemLater(probeKey);
            store->finishLater({});
        });
    return store;
}

StoreJob *KeychainTokenStore::clear(const QString &account)
{
    auto *store = new StoreJob(this);
    auto *job = new QKeychain::DeletePasswordJob(QLatin1String(Service));
    job->setKey(account);
    runKeychainJob<QKeychain::DeletePasswordJob>(
        job, store, m_timeout, [store](QKeychain::DeletePasswordJob *) { store->finishLater({}); });
    return store;
}

} // namespace Smtpd
