#pragma once

#include "auth/TokenStore.h"

#include <QHash>
#include <QList>
#include <QSet>

#include <functional>

namespace TestSupport {

// A token store in memory whose keychain-like behaviour a test scripts: writes can be held
// (a slow keyring: they land only when released, in order) and any operation can fail.
class ScriptedStore final : public Smtpd::TokenStore
{
    Q_OBJECT

public:
    using TokenStore::TokenStore;

    Smtpd::StoreJob *load(const QString &key) override;
    Smtpd::StoreJob *save(const Smtpd::StoredSession &session) override;
    Smtpd::StoreJob *clear(const QString &key) override;
    Smtpd::StoreJob *checkWritable() override;
    QString displayName() const override { return QStringLiteral("scripted store"); }
    bool isPersistent() const override { return true; }

    // Writes (saves and removals) wait until releaseWrites() while held.
    void setHoldWrites(bool hold);
    void releaseWrites();
    // Lets the held writes land newest first, as a keychain answering out of order would.
    void releaseWritesNewestFirst();
    int writesApplied() const { return m_applied; }
    int heldWrites() const { return int(m_held.size()); }
    // Loads answer only at releaseLoads() while held (a keyring waiting for its unlock
    // prompt), with what the item held when they were asked.
    void setHoldLoads(bool hold) { m_holdLoads = hold; }
    void releaseLoads();
    void setFailSaves(bool fail) { m_failSaves = fail; }
    void setFailClears(bool fail) { m_failClears = fail; }

    bool contains(const QString &key) const { return m_items.contains(key); }
    Smtpd::StoredSession item(const QString &key) const { return m_items.value(key); }
    const QHash<QString, Smtpd::StoredSession> &items() const { return m_items; }
    // Every refresh token ever written.
    const QSet<QString> &everSaved() const { return m_everSaved; }
    void putRaw(const QString &key, const Smtpd::StoredSession &session)
    {
        m_items.insert(key, session);
    }

private:
    struct Write
    {
        Smtpd::StoreJob *job;
        bool isSave;
        QString key;
        Smtpd::StoredSession session;
    };
    void apply(const Write &write);

    QHash<QString, Smtpd::StoredSession> m_items;
    QSet<QString> m_everSaved;
    QList<Write> m_held;
    bool m_hold = false;
    bool m_holdLoads = false;
    QList<std::function<void()>> m_heldLoads;
    bool m_failSaves = false;
    bool m_failClears = false;
    int m_applied = 0;
};

} // namespace TestSupport
