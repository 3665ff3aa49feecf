#pragma once

#include "EmulatorTypes.h"

#include <QJsonObject>

namespace SmtpdEmulator {

// The API keys of every account: created through the API or given in the users file. Keeps
// a hash of each secret, never the secret. A key is active until it is revoked or has gone
// 90 days (emulator clock) without use ("Keys are revoked automatically after 90 days of
// inactivity"); counted from its creation when it was never used. An inactive key cannot
// sign in, authenticate by HTTP Basic, or refresh its sessions.
class ApiKeyService
{
public:
    static constexpr qint64 InactivityLimitMs = 90LL * 24 * 60 * 60 * 1000;

    struct Key
    {
        QString id;
        QString accountId;
        QString userId; // who created it (or whose users-file entry holds it)
        QString name;
        QString key;
        QByteArray secretHash; // SHA-256
        QString role;
        qint64 createdMs = 0;
        qint64 modifiedMs = 0;
        qint64 lastAccessedMs = 0; // 0: never used
        bool revoked = false;
    };

    // A key of the users file, created at `nowMs`.
    void addConfigured(const User &owner, const ApiKeyCredential &credential, qint64 nowMs);
    // A new key; `secret` receives its secret (for the 201 answer only).
    const Key &create(
        const User &owner, const QString &name, const QString &role, QString *secret, qint64 nowMs);

    const Key *find(const QString &id) const;
    const Key *findByKey(const QString &key) const;
    // The key whose key and secret these are (active or not).
    const Key *match(const QString &key, const QString &secret) const;
    bool isActive(const Key &key, qint64 nowMs) const;
    // The key was used now (a sign-in, a refresh of its session, a call).
    void touch(const QString &id, qint64 nowMs);
    void revoke(const QString &id, qint64 nowMs);
    QList<const Key *> inAccount(const QString &accountId) const;

    // {"id", "account_id", "name", "key", "is_active", "last_accessed_at_utc",
    //  "created_at_utc", "modified_at_utc"} with the times in seconds as the docs show them
    // (0 for never), plus "role" (not in the docs' list). Never the secret.
    QJsonObject toJson(const Key &key, qint64 nowMs) const;

private:
    Key *findMutable(const QString &id);

    QList<Key> m_keys; // in creation order
};

} // namespace SmtpdEmulator
