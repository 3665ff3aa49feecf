#pragma once

#include "../api/ApiError.h"
#include "../api/TokenGrant.h"

#include <QObject>
#include <QPointer>

namespace Smtpd {

class ApiClient;
class TokenReply;

// One password (or API key) grant, cancellable until the server answers.
//
//   start() ──► POST /oauth/token ──► granted(grant, account)   the Session adopts and saves
//                  │                                            the tokens at once (the grant
//                  │                                            has already ended any older
//                  │                                            session of this user)
//                  ├─► failed(error)
//                  └─ cancel() before the answer: nothing is emitted
//
// After the grant there is nothing left to cancel: the new session is the person's.
class SignInFlow final : public QObject
{
    Q_OBJECT

public:
    explicit SignInFlow(ApiClient *api, QObject *parent = nullptr);
    ~SignInFlow() override;

    // Starts a grant; a grant already running is dropped first.
    void start(const QString &username, const QString &secret);
    void cancel();
    bool isRunning() const { return !m_reply.isNull(); }
    QString account() const { return m_account; }

signals:
    void granted(const Smtpd::TokenGrant &grant, const QString &account);
    void failed(const Smtpd::ApiError &error);

private:
    ApiClient *m_api;
    QPointer<TokenReply> m_reply;
    QString m_account;
};

} // namespace Smtpd
