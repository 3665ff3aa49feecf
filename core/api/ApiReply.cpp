#include "ApiReply.h"

#include "../Clock.h"
#include "../Logging.h"
#include "HttpDate.h"
#include "JsonObjectReader.h"

#include <QNetworkAccessManager>
#include <QSslError>

namespace Smtpd {

ApiReply::ApiReply(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] { abortFor(AbortReason::Timeout); });
}

ApiReply::~ApiReply()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

ApiError ApiReply::decodeSuccess(const QByteArray &)
{
    return {};
}

void ApiReply::start(QNetworkReply *reply, const RequestPolicy &policy, const Clock *clock)
{
    m_reply = reply;
    m_policy = policy;
    m_clock = clock;
    m_host = reply->url().host();
    connect(reply, &QNetworkReply::metaDataChanged, this, &ApiReply::onMetaDataChanged);
    connect(reply, &QNetworkReply::readyRead, this, &ApiReply::onReadyRead);
    connect(reply, &QNetworkReply::redirected, this, &ApiReply::onRedirected);
    connect(reply, &QNetworkReply::finished, this, &ApiReply::onNetworkFinished);
    // The errors are only recorded to explain the failure; they are never ignored.
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        QStringList reasons;
        for (const QSslError &error : errors)
            reasons.append(error.errorString());
        reasons.removeDuplicates();
        m_tlsProblem = reasons.join(QStringLiteral("; "));
    });
    m_timer.start(m_policy.timeout);
}

void ApiReply::failLater(const ApiError &error)
{
    QMetaObject::invokeMethod(
        this, [this, error] { complete(error); }, Qt::QueuedConnection);
}

void ApiReply::abort()
{
    if (m_finished || m_abortReason != AbortReason::None)
        return; // finished already, or a cancel is on its way
    m_abortReason = AbortReason::Cancelled;
    m_timer.stop();
    if (m_reply) {
        // Cut off from the network reply first: its abort() emits its finished() right here,
        // which would otherwise finish this reply inside the caller's abort() call.
        QNetworkReply *reply = m_reply;
        m_reply.clear();
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    // Queued with this object as context: deleting the reply before it runs drops it.
    failLater(ApiError::cancelled());
}

void ApiReply::abortFor(AbortReason reason)
{
    if (!m_reply || m_finished)
        return;
    if (m_abortReason == AbortReason::None)
        m_abortReason = reason;
    m_reply->abort(); // finished() follows, and is mapped by m_abortReason
}

void ApiReply::onMetaDataChanged()
{
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid() && length.toLongLong() > m_policy.maxResponseBytes)
        abortFor(AbortReason::TooLarge);
}

void ApiReply::onReadyRead()
{
    // Read as it streams in, so an oversized answer is stopped at the cap instead of being
    // buffered to its end.
    const qint64 room = m_policy.maxResponseBytes - m_body.size();
    if (m_reply->bytesAvailable() > room) {
        abortFor(AbortReason::TooLarge);
        return;
    }
    m_body.append(m_reply->readAll());
}

void ApiReply::onRedirected(const QUrl &target)
{
    const QUrl origin = m_reply->request().url();
    const bool sameOrigin = target.scheme() == origin.scheme()
        && target.host().compare(origin.host(), Qt::CaseInsensitive) == 0
        && target.port(443) == origin.port(443);
    if (!sameOrigin) {
        // Never follow: the request carries credentials that belong to the configured server.
        m_redirectHost = target.host();
        abortFor(AbortReason::CrossOriginRedirect);
        return;
    }
    // Only a GET may be repeated. Qt can send a followed request twice when it retires the
    // redirected connection (seen under load), and a token request must never run twice: a
    // second grant or rotation would kill the refresh token the first one handed out.
    if (m_reply->operation() != QNetworkAccessManager::GetOperation) {
        abortFor(AbortReason::RedirectedNonGet);
        return;
    }
    emit m_reply->redirectAllowed();
}

// Qt turns an HTTP error status into an error code of its own: the whole content range
// (403, 404, 405, 409 Conflict, 410 Gone, 401, any other 4xx), the whole server range (5xx),
// and ProtocolInvalidOperationError (400, 418). Each means the server did answer; every other
// code is a transport failure, even when a status line had already arrived.
static bool isStatusErrorCode(QNetworkReply::NetworkError code)
{
    return (code >= QNetworkReply::ContentAccessDenied
               && code <= QNetworkReply::UnknownContentError)
        || (code >= QNetworkReply::InternalServerError && code <= QNetworkReply::UnknownServerError)
        || code == QNetworkReply::ProtocolInvalidOperationError;
}

void ApiReply::onNetworkFinished()
{
    m_timer.stop();
    QNetworkReply *reply = m_reply;
    m_reply.clear();
    reply->deleteLater();
    if (m_abortReason == AbortReason::None && reply->bytesAvailable() > 0)
        m_body.append(reply->read(m_policy.maxResponseBytes - m_body.size() + 1));

    m_receivedAt = m_clock ? m_clock->now() : QDateTime::currentDateTimeUtc();
    m_httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_serverDate = parseHttpDate(reply->rawHeader("Date"));
    if (m_abortReason == AbortReason::None && m_body.size() > m_policy.maxResponseBytes)
        m_abortReason = AbortReason::TooLarge;

    switch (m_abortReason) {
    case AbortReason::Cancelled:
        return complete(ApiError::cancelled());
    case AbortReason::Timeout: {
        const auto seconds
            = int(std::chrono::duration_cast<std::chrono::seconds>(m_policy.timeout).count());
        return complete(ApiError::timeout(
            tr("%1 did not answer within %n seconds. The server may be busy or your "
               "connection slow; try again in a moment.",
                nullptr, seconds)
                .arg(m_host)));
    }
    case AbortReason::TooLarge:
        return complete(ApiError::protocol(
            tr("%1 sent an answer larger than %2 KiB, which no SMTPD API answer is; "
               "it was not read to the end. The address may not be an SMTPD API "
               "server.")
                .arg(m_host)
                .arg(m_policy.maxResponseBytes / 1024),
            QStringLiteral("response over %1 bytes").arg(m_policy.maxResponseBytes)));
    case AbortReason::CrossOriginRedirect:
        return complete(ApiError::protocol(
            tr("%1 tried to send the request on to another site (%2). It was not "
               "followed, so your credentials stayed with %1.")
                .arg(m_host, m_redirectHost),
            QStringLiteral("cross-origin redirect refused")));
    case AbortReason::RedirectedNonGet:
        return complete(
            ApiError::protocol(tr("%1 redirected a token request, which the SMTPD API never does. "
                                  "It was not sent again; check the server address.")
                                   .arg(m_host),
                QStringLiteral("redirect of a non-GET request not followed")));
    case AbortReason::None:
        break;
    }
    const QNetworkReply::NetworkError code = reply->error();
    if (code != QNetworkReply::NoError && !(isStatusErrorCode(code) && m_httpStatus >= 400))
        return complete(transportError(reply));
    if (m_httpStatus < 200 || m_httpStatus > 299)
        return complete(httpError(reply, m_body));

    const QByteArray contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    if (looksLikeHtml(m_body, contentType))
        return complete(ApiError::protocol(
            tr("%1 did not answer as the SMTPD API: it sent a web page instead. A "
               "Wi-Fi sign-in page or a proxy may be in the way, or the server "
               "address is wrong.")
                .arg(m_host),
            QStringLiteral("HTML answer to an API call")));
    const ApiError decoded = decodeSuccess(m_body);
    // A grant's tokens or a new API key's secret are in the raw body: not kept past decoding.
    m_body.fill('\0');
    m_body.clear();
    complete(decoded);
}

ApiError ApiReply::transportError(const QNetworkReply *reply) const
{
    const QNetworkReply::NetworkError code = reply->error();
    const QString detail = reply->errorString();
    switch (code) {
    case QNetworkReply::ConnectionRefusedError:
        return ApiError::network(
            tr("Could not connect to %1: the server refused the connection. It may "
               "be down; try again later.")
                .arg(m_host),
            detail);
    case QNetworkReply::HostNotFoundError:
        return ApiError::network(
            tr("Could not find the server %1. Check your internet connection and "
               "the server address.")
                .arg(m_host),
            detail);
    case QNetworkReply::RemoteHostClosedError:
        return ApiError::network(
            tr("The connection to %1 was cut off before the whole answer arrived. "
               "Try again in a moment.")
                .arg(m_host),
            detail);
    case QNetworkReply::TimeoutError:
        return ApiError::timeout(
            tr("%1 did not answer in time. Try again in a moment.").arg(m_host));
    case QNetworkReply::SslHandshakeFailedError:
        return ApiError::tls(
            tr("A secure connection to %1 could not be made: %2. Nothing was sent.")
                .arg(m_host, m_tlsProblem.isEmpty() ? detail : m_tlsProblem),
            detail);
    case QNetworkReply::InsecureRedirectError:
    case QNetworkReply::TooManyRedirectsError:
        return ApiError::protocol(
            tr("%1 redirected the request in a way that was not followed.").arg(m_host), detail);
    case QNetworkReply::ProtocolFailure:
    case QNetworkReply::ProtocolUnknownError:
        return ApiError::protocol(
            tr("%1 answered in a way that is not valid HTTP.").arg(m_host), detail);
    case QNetworkReply::OperationCanceledError:
        return ApiError::cancelled();
    default:
        if (code >= QNetworkReply::ProxyConnectionRefusedError
            && code <= QNetworkReply::UnknownProxyError)
            return ApiError::network(
                tr("The network proxy did not let the request through to %1.").arg(m_host), detail);
        return ApiError::network(
            tr("Could not reach %1. Check your internet connection.").arg(m_host), detail);
    }
}

static int parseRetryAfter(const QByteArray &value, const QDateTime &serverDate)
{
    bool ok = false;
    const int seconds = value.trimmed().toInt(&ok);
    if (ok)
        return qMax(0, seconds);
    const QDateTime when = parseHttpDate(value);
    if (when.isValid() && serverDate.isValid())
        return static_cast<int>(qMax<qint64>(0, serverDate.secsTo(when)));
    return -1;
}

ApiError ApiReply::httpError(const QNetworkReply *reply, const QByteArray &body) const
{
    const QByteArray contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    const QString reason
        = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString().trimmed();
    const QString statusText = reason.isEmpty()
        ? QStringLiteral("HTTP %1").arg(m_httpStatus)
        : QStringLiteral("HTTP %1 %2").arg(m_httpStatus).arg(reason);

    const ServerErrorBody server = decodeServerErrorBody(body, contentType);
    const int serverCode = server.code;
    const QString serverMessage = server.message;

    QString userMessage;
    if (!serverMessage.isEmpty()) {
        userMessage = serverMessage;
        if (!userMessage.endsWith(QLatin1Char('.')) && !userMessage.endsWith(QLatin1Char('!'))
            && !userMessage.endsWith(QLatin1Char('?')))
            userMessage += QLatin1Char('.');
    } else if (m_httpStatus == 401 || m_httpStatus == 403) {
        userMessage = tr("%1 refused the request (%2).").arg(m_host, statusText);
    } else if (m_httpStatus == 404) {
        userMessage = tr("%1 does not offer this part of the SMTPD API (%2). Check "
                         "the server address.")
                          .arg(m_host, statusText);
    } else if (m_httpStatus == 429) {
        userMessage = tr("%1 is receiving too many requests (%2). Try again in a "
                         "moment.")
                          .arg(m_host, statusText);
    } else if (m_httpStatus >= 500) {
        userMessage
            = tr("%1 has a problem right now (%2). Try again later.").arg(m_host, statusText);
    } else {
        userMessage = tr("%1 answered with an error (%2).").arg(m_host, statusText);
    }
    if (m_httpStatus == 403 && refusalMeansNoPermission()) {
        if (serverMessage.isEmpty())
            userMessage = tr("%1 did not allow this: the role you are signed in "
                             "with may not do it (%2).")
                              .arg(m_host, statusText);
        return ApiError::forbidden(serverCode, serverMessage, userMessage);
    }
    ApiError error = ApiError::http(m_httpStatus, serverCode, serverMessage, userMessage);
    error.setRetryAfterSeconds(parseRetryAfter(reply->rawHeader("Retry-After"), m_serverDate));
    return error;
}

void ApiReply::complete(const ApiError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    m_error = error;
    if (error)
        qCDebug(lcApi) << "request failed:" << ApiError::kindName(error.kind()) << "status"
                       << error.httpStatus() << "code" << error.serverCode();
    emit finished();
}

} // namespace Smtpd
