#pragma once

#include "ApiError.h"
#include "RequestPolicy.h"

#include <QDateTime>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace Smtpd {

class Clock;

// One API call in flight. It emits finished() exactly once, never from inside the call that
// created it (even an argument error is reported through the event loop), so callers have a
// single code path. Subclasses decode the body of a successful answer into a typed value.
//
//   ApiClient::x() --> ApiReply::start(QNetworkReply) --readyRead--> body (capped)
//                                  |--redirected--> same-origin GET? follow : abort
//                                  |--timer-------> abort (Timeout)
//                                  `--finished----> error mapping / decodeSuccess() --> finished()
class ApiReply : public QObject
{
    Q_OBJECT

public:
    ~ApiReply() override;

    bool isFinished() const { return m_finished; }
    const ApiError &error() const { return m_error; }
    int httpStatus() const { return m_httpStatus; }
    // The answer's Date header, in the server's clock; invalid when it had none.
    QDateTime serverDate() const { return m_serverDate; }
    // The local time the answer arrived.
    QDateTime receivedAt() const { return m_receivedAt; }

    // Stops the call; finished() follows through the event loop with a Cancelled error. Does
    // nothing once finished or already aborted. Deleting the reply instead emits nothing.
    void abort();

signals:
    void finished();

protected:
    explicit ApiReply(QObject *parent = nullptr);
    // Called with the body of a 2xx answer; returns an error when it cannot be used. The
    // body is overwritten and dropped right after (it may hold a secret).
    virtual ApiError decodeSuccess(const QByteArray &body);
    // Whether a 403 means "your role may not do this" (ApiError::Kind::Forbidden) rather than
    // a refused credential. False for the token endpoints; true for the account calls.
    virtual bool refusalMeansNoPermission() const { return false; }

private:
    friend class ApiClient;

    enum class AbortReason {
        None,
        Cancelled,
        Timeout,
        TooLarge,
        CrossOriginRedirect,
        RedirectedNonGet
    };

    void start(QNetworkReply *reply, const RequestPolicy &policy, const Clock *clock);
    void failLater(const ApiError &error);

    void onMetaDataChanged();
    void onReadyRead();
    void onRedirected(const QUrl &target);
    void onNetworkFinished();
    void abortFor(AbortReason reason);
    ApiError transportError(const QNetworkReply *reply) const;
    ApiError httpError(const QNetworkReply *reply, const QByteArray &body) const;
    void complete(const ApiError &error);

    QPointer<QNetworkReply> m_reply;
    QTimer m_timer;
    RequestPolicy m_policy;
    const Clock *m_clock = nullptr;
    QString m_host;
    QByteArray m_body;
    QString m_tlsProblem;
    QString m_redirectHost;
    AbortReason m_abortReason = AbortReason::None;
    ApiError m_error;
    int m_httpStatus = 0;
    QDateTime m_serverDate;
    QDateTime m_receivedAt;
    bool m_finished = false;
};

} // namespace Smtpd
