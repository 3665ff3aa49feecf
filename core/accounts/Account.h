#pragma once

#include "AccountRecord.h"

#include <QObject>
#include <QSslCertificate>

class QNetworkAccessManager;

namespace Smtpd {

class AccountConsole;
class ApiClient;
class Clock;
class Session;
class TokenStore;

// One account: a server and the email or API key that signed in there, with its own
// ApiClient (pointed at that server only, with its CA file) and its own Session. Sessions of
// different accounts share nothing but the network access manager and the keychain.
class Account final : public QObject
{
    Q_OBJECT

public:
    Account(const AccountRecord &record, const QList<QSslCertificate> &caCertificates,
        QNetworkAccessManager *network, const Clock *clock, TokenStore *store,
        QObject *parent = nullptr);

    const AccountRecord &record() const { return m_record; }
    QString id() const { return m_record.id(); }
    QString origin() const { return m_record.origin(); }
    QUrl server() const { return m_record.server; }
    QString who() const { return m_record.who(); }
    // The name a person knows the account by: the profile's name, else who().
    QString displayName() const;
    Session *session() const { return m_session; }
    ApiClient *api() const { return m_api; }
    // The account's API keys and billing, through its session.
    AccountConsole *console() const { return m_console; }
    // Why the account's server settings cannot be used (an unreadable CA file); empty if fine.
    QString problem() const { return m_problem; }

    // Trust `authorities` (read from `caFile`) for this account's server from now on.
    void setCertificateAuthority(const QString &caFile, const QList<QSslCertificate> &authorities);

    // Whether `name` names this account: its email, key label or display name, optionally
    // followed by "@server" (the host, host:port or origin).
    bool matches(const QString &name) const;

signals:
    // The display name changed (the profile arrived).
    void nameChanged();

private:
    friend class AccountManager;
    void setRecordName(const QString &name) { m_record.name = name; }

    AccountRecord m_record;
    ApiClient *m_api;
    Session *m_session;
    AccountConsole *m_console;
    QString m_problem;
};

} // namespace Smtpd
