#include "KeychainTokenStore.h"

#include "../Logging.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <memory>

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
            QCoreApplication::translate("Smtpd::KeychainTokenStore",
                "no keychain (Secret Service) is available in this session")};
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return {StoreError::Kind::Denied,
            QCoreApplication::translate("Smtpd::KeychainTokenStore",
                "access to the keychain was denied — it may be locked")};
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
            QCoreApplication::translate("Smtpd::KeychainTokenStore",
                "no keychain (Secret Service) is running in this session")};
    if (detail.contains(QLatin1String("collection"), Qt::CaseInsensitive)
        || detail.contains(QLatin1String("locked"), Qt::CaseInsensitive)
        || detail.contains(QLatin1String("prompt"), Qt::CaseInsensitive))
        return {StoreError::Kind::Denied,
            QCoreApplication::translate(
                "Smtpd::KeychainTokenStore", "the keyring is locked or has no default collection")};
    return {StoreError::Kind::Other,
        detail.isEmpty()
            ? QCoreApplication::translate("Smtpd::KeychainTokenStore", "the keychain failed")
            : detail};
}

// Runs one QtKeychain job and reports it on `store` (a StoreJob), bounded by `timeout`.
// A QtKeychain job cannot be cancelled: one that answers after its timeout was reported
// still takes effect, so `afterTimeout` (when given) gets to undo it.
template<typename Job>
void runKeychainJob(Job *job, StoreJob *store, std::chrono::milliseconds timeout,
    std::function<void(Job *)> onSuccess, std::function<void()> afterTimeout = {})
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    auto *timer = new QTimer(store);
    timer->setSingleShot(true);
    auto timedOut = std::make_shared<bool>(false);
    QObject::connect(timer, &QTimer::timeout, store, [store, timeout, timedOut] {
        *timedOut = true;
        const auto seconds = int(std::chrono::duration_cast<std::chrono::seconds>(timeout).count());
        store->finishLater({StoreError::Kind::Timeout,
            QCoreApplication::translate("Smtpd::KeychainTokenStore",
                "the keychain did not answer within %n seconds (it may be waiting for an "
                "unlock prompt)",
                nullptr, seconds)});
    });
    // Connected without a context: a late answer must be seen even when `store` is gone.
    QPointer<StoreJob> guard(store);
    QObject::connect(job, &QKeychain::Job::finished,
        [guard, timer = QPointer<QTimer>(timer), onSuccess, afterTimeout, timedOut](
            QKeychain::Job *finished) {
            const bool ok = finished->error() == QKeychain::NoError
                || finished->error() == QKeychain::EntryNotFound;
            if (*timedOut) {
                if (ok && afterTimeout)
                    afterTimeout();
                return;
            }
            if (!guard)
                return;
            if (timer)
                timer->stop();
            if (ok) {
                onSuccess(static_cast<Job *>(finished));
                return;
            }
            qCWarning(lcKeychain) << "keychain error" << int(finished->error());
            guard->finishLater(mapKeychainError(finished->error(), finished->errorString()));
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

// Where the tokens are kept, in English; translated in displayName().
static const char *keychainName()
{
#if defined(Q_OS_MACOS)
    return QT_TRANSLATE_NOOP("Smtpd::TokenStore", "the macOS Keychain");
#elif defined(Q_OS_WIN)
    return QT_TRANSLATE_NOOP("Smtpd::TokenStore", "the Windows Credential Manager");
#else
    return QT_TRANSLATE_NOOP("Smtpd::TokenStore", "the system keyring (Secret Service)");
#endif
}

QString KeychainTokenStore::displayName() const
{
    return QCoreApplication::translate("Smtpd::TokenStore", keychainName());
}

QString KeychainTokenStore::storageName() const
{
    return QString::fromUtf8(keychainName());
}

StoreJob *KeychainTokenStore::load(const QString &key)
{
    auto *store = new StoreJob(this);
    auto *job = new QKeychain::ReadPasswordJob(QLatin1String(Service));
    job->setKey(key);
    runKeychainJob<QKeychain::ReadPasswordJob>(
        job, store, m_timeout, [store, key](QKeychain::ReadPasswordJob *read) {
            if (read->error() == QKeychain::EntryNotFound)
                return store->finishLater({}, false);
            StoredSession session;
            const StoredSession::Decoded decoded
                = StoredSession::fromJson(read->binaryData(), &session);
            if (decoded == StoredSession::Decoded::NewerFormat) {
                // Left as it is: the newer version that wrote it can still use it.
                return store->finishLater({StoreError::Kind::NewerFormat,
                    QCoreApplication::translate("Smtpd::KeychainTokenStore",
                        "the saved sign-in was written by a newer version of "
                        "SMTPD Accounts")});
            }
            if (decoded != StoredSession::Decoded::Ok || session.storageKey() != key) {
                // Not something we can use: remove it, so the next start is clean.
                qCWarning(lcKeychain) << "removing an unreadable keychain item";
                removeItemLater(key);
                return store->finishLater(
                    {StoreError::Kind::Corrupt,
                        QCoreApplication::translate("Smtpd::KeychainTokenStore",
                            "the saved sign-in could not be read and "
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
    const QString key = session.storageKey();
    const quint64 generation = ++m_writeGeneration[key];
    job->setKey(key);
    job->setBinaryData(session.toJson());
    // The caller was told this write failed. If it lands after all (a slow unlock prompt),
    // it stays while the keychain is still the caller's store, and is taken back once the
    // caller has given the keychain up ("this run only"), now or later.
    QPointer<KeychainTokenStore> self(this);
    auto undo = [self, key, generation] {
        if (!self || self->m_writeGeneration.value(key) != generation)
            return; // written or removed again since: nothing of this write is left
        if (self->m_lateWritesAbandoned)
            self->takeBack(key);
        else
            self->m_landedLate.insert(key);
    };
    runKeychainJob<QKeychain::WritePasswordJob>(
        job, store, m_timeout, [store](QKeychain::WritePasswordJob *) { store->finishLater({}); },
        undo);
    return store;
}

void KeychainTokenStore::abandonLateWrites()
{
    m_lateWritesAbandoned = true;
    for (const QString &key : std::exchange(m_landedLate, {}))
        takeBack(key);
}

void KeychainTokenStore::takeBack(const QString &key)
{
    qCInfo(lcKeychain) << "a write that timed out landed late; removing it";
    ++m_writeGeneration[key];
    removeItemLater(key);
    emit lateWriteTakenBack();
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

StoreJob *KeychainTokenStore::clear(const QString &key)
{
    auto *store = new StoreJob(this);
    auto *job = new QKeychain::DeletePasswordJob(QLatin1String(Service));
    ++m_writeGeneration[key]; // a late write must not bring the item back either
    m_landedLate.remove(key);
    job->setKey(key);
    runKeychainJob<QKeychain::DeletePasswordJob>(
        job, store, m_timeout, [store](QKeychain::DeletePasswordJob *) { store->finishLater({}); });
    return store;
}

} // namespace Smtpd
