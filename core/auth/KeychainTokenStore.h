#pragma once

#include "TokenStore.h"

#include <QHash>
#include <QSet>

#include <chrono>

namespace Smtpd {

// The session in the operating system's keychain through QtKeychain (the Secret Service on
// Linux): service "smtpd-accounts", one item per account, holding one JSON blob. The
// insecure plaintext fallback is off: when there is no keychain the caller is told so.
class KeychainTokenStore final : public TokenStore
{
    Q_OBJECT

public:
    static constexpr char Service[] = "smtpd-accounts";

    explicit KeychainTokenStore(QObject *parent = nullptr);

    // A keychain job that has not finished after this long is reported as a Timeout
    // (a locked keyring can wait forever on an unlock prompt nobody sees).
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    StoreJob *load(const QString &key) override;
    StoreJob *save(const StoredSession &session) override;
    StoreJob *clear(const QString &key) override;
    StoreJob *checkWritable() override;
    QString displayName() const override;
    QString storageName() const override;
    void abandonLateWrites() override;
    bool isPersistent() const override { return true; }

signals:
    // A write reported as timed out landed after the caller gave the keychain up, and is
    // being removed again.
    void lateWriteTakenBack();

private:
    std::chrono::milliseconds m_timeout {std::chrono::seconds(15)};
    void takeBack(const QString &key);

    QHash<QString, quint64> m_writeGeneration; // per item: bumped by every write and removal
    QSet<QString> m_landedLate; // timed-out writes that landed while the keychain was in use
    bool m_lateWritesAbandoned = false;
};

} // namespace Smtpd
