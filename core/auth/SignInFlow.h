#pragma once

#include "../api/ApiError.h"
#include "../api/TokenGrant.h"

#include <QObject>
#include <QPointer>

namespace Smtpd {

class ApiClient;
class TokenReply;

// Password (or API key) grants, one on the wire at a time.
//
//   start() ──► POST /oauth/token ──► granted(grant, account)   the Session adopts and saves
//                  │                                            the tokens at once (the grant
//                  │                                            has already ended any older
//                  │                                            session of this user)
//                  ├─► failed(error)
//                  └─ cancel(): the request is not aborted (it may have reached the server,
//                     where a grant ends every older session); its answer comes as
//                     lateGrant() for the Session to take in or revoke, and a new start()
//                     waits until it is in, so a late grant can never end a newer one.
class SignInFlow final : public QObject
{
    Q_OBJECT

public:
    explicit SignInFlow(ApiClient *api, QObject *parent = nullptr);
    ~SignInFlow() override;

    void start(const QString &username, const QString &secret);
    void cancel();
    // A request on the wire (a cancelled one included).
    bool isBusy() const { return !m_reply.isNull(); }

signals:
    void granted(const Smtpd::TokenGrant &grant, const QString &account);
    void failed(const Smtpd::ApiError &error);
    // A cancelled grant that the server made all the same.
    void lateGrant(const Smtpd::TokenGrant &grant, const QString &account);
    // A cancelled request has ended (after lateGrant(), when there was one).
    void cancelledRequestEnded();

private:
    void send();

    ApiClient *m_api;
    QPointer<TokenReply> m_reply; // the one request on the wire
    bool m_running = false; // a start() not yet answered nor cancelled
    bool m_cancelled = false; // the request on the wire belongs to a cancelled attempt
    QString m_account;
    QString m_queuedUser; // a start() waiting for a cancelled request to finish
    QString m_queuedSecret;
    bool m_queued = false;
};

} // namespace Smtpd
