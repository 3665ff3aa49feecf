#pragma once

#include "TokenStore.h"

#include <QObject>

#include <functional>

namespace Smtpd {

// Where one session's secrets are written: the keychain, or memory for this run only when
// the person chose so after keychain trouble.
//
//   save(A) ──► write A ──────────► done(A)
//   save(B) ──► (queued)                   └─► write C ──► done(B), done(C)
//   save(C) ──► (replaces B)
//
// Writes are one at a time and the newest wins, so an older token set can never land after a
// newer one (with rotation the older refresh token is already dead). isBusy() tells whether
// anything asked has not landed yet, for a tidy quit.
class SessionStorage final : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const StoreError &error)>;

    explicit SessionStorage(TokenStore *keychain, QObject *parent = nullptr);

    bool isThisRunOnly() const { return m_thisRunOnly; }
    // From now on, keep sessions in memory only (forgotten at quit).
    void keepThisRunOnly()
    {
        m_thisRunOnly = true;
        for (Work &work : m_queue) // nothing still waiting goes to the keychain either
            work.target = m_memory;
        m_keychain->abandonLateWrites();
    }
    QString displayName() const { return store()->displayName(); }
    QString storageName() const { return store()->storageName(); }
    // From now on nothing more reaches the keychain (the account is being forgotten): later
    // work stays in memory. What was asked before still lands where it was meant to.
    void closeKeychain() { m_keychainClosed = true; }

    // The caller deletes the job (deleteLater) once it finished.
    StoreJob *load(const QString &key) { return store()->load(key); }
    StoreJob *checkWritable() { return store()->checkWritable(); }
    // `done` is called once the write of `session` (or of a newer one that replaced it while
    // it waited) has landed or failed. Never called synchronously.
    void save(const StoredSession &session, const Done &done = {});
    // Removes the item under `key` (after any write in flight, so it cannot come back).
    void remove(const QString &key, const Done &done = {});
    // Drops writes that have not started, without calling their `done` (what they would
    // write is no longer wanted, e.g. the session is being signed out).
    void cancelPendingSaves();

    bool isBusy() const { return m_running || m_queue.size() > 0; }

signals:
    // Everything asked has landed.
    void idle();

private:
    struct Work
    {
        bool isSave = true;
        StoredSession session;
        QString key;
        QList<Done> done;
        TokenStore *target = nullptr; // chosen when it was asked for
    };

    TokenStore *store() const;
    void startNext();

    TokenStore *m_keychain;
    TokenStore *m_memory;
    bool m_thisRunOnly = false;
    bool m_keychainClosed = false;
    bool m_running = false;
    QList<Work> m_queue;
};

} // namespace Smtpd
