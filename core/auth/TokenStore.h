#pragma once

#include "StoredSession.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>

namespace Smtpd {

// Why the secret store could not do what was asked. Never holds a secret.
struct StoreError
{
    enum class Kind {
        None,
        Unavailable, // no Secret Service / keychain on this system or session
        Denied, // locked, or access refused
        Timeout, // the keychain did not answer (often a hidden unlock prompt)
        Corrupt, // the stored item is not ours or is damaged (it has been removed)
        NewerFormat, // a newer version of the app wrote the item: it is kept, and not used
        Other,
    };
    Kind kind = Kind::None;
    QString message; // a sentence for people: "<why>", shown as "Keychain unavailable: <why>"

    explicit operator bool() const { return kind != Kind::None; }
};

// One load, save or clear in flight. Like ApiReply: finished() is emitted exactly once, and
// never from inside the call that created the job.
class StoreJob final : public QObject
{
    Q_OBJECT

public:
    explicit StoreJob(QObject *parent = nullptr)
        : QObject(parent)
    { }

    bool isFinished() const { return m_finished; }
    const StoreError &error() const { return m_error; }
    // For a load: whether an item was found, and what it held.
    bool found() const { return m_found; }
    const StoredSession &session() const { return m_session; }

    // Called by the store that made the job.
    void finishLater(
        const StoreError &error, bool found = false, const StoredSession &session = {});

signals:
    void finished();

private:
    bool m_finished = false;
    bool m_found = false;
    StoreError m_error;
    StoredSession m_session;
};

// Where one account's session secrets live: asynchronous load / save / clear.
class TokenStore : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // `key` is StoredSession::storageKey(); save() derives it from the session.
    virtual StoreJob *load(const QString &key) = 0;
    virtual StoreJob *save(const StoredSession &session) = 0;
    virtual StoreJob *clear(const QString &key) = 0;
    // Checks that the store can be written to right now (a keychain can report a locked item
    // as missing when its unlock prompt cannot be shown; a write then tells the truth).
    virtual StoreJob *checkWritable() = 0;
    // What the user is told about where the tokens are kept, in the user's language.
    virtual QString displayName() const = 0;
    // The same in English, for scripts (`status --json`): a source text of the context
    // "Smtpd::TokenStore", so a reader can still show it translated.
    virtual QString storageName() const { return displayName(); }
    // False for a store that forgets everything when the app quits.
    virtual bool isPersistent() const = 0;
    // The caller stops using this store for now ("this run only"): a write it was told had
    // failed must not stay behind if it lands after all.
    virtual void abandonLateWrites() { }
};

// Keeps the session in memory only: for "this run only" and for tests.
class MemoryTokenStore final : public TokenStore
{
    Q_OBJECT

public:
    using TokenStore::TokenStore;

    StoreJob *load(const QString &account) override;
    StoreJob *save(const StoredSession &session) override;
    StoreJob *clear(const QString &account) override;
    StoreJob *checkWritable() override;
    QString displayName() const override
    {
        return QCoreApplication::translate("Smtpd::TokenStore", MemoryName);
    }
    QString storageName() const override { return QString::fromUtf8(MemoryName); }
    bool isPersistent() const override { return false; }

private:
    static constexpr const char *MemoryName
        = QT_TRANSLATE_NOOP("Smtpd::TokenStore", "this run only (not saved)");
    QHash<QString, StoredSession> m_sessions;
};

} // namespace Smtpd
