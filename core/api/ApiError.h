#pragma once

#include <QMetaType>
#include <QString>

namespace Smtpd {

// The one error value of the whole app. It never holds a secret: only what went wrong,
// the server's own code and message, and a sentence that can be shown to a person.
class ApiError
{
public:
    enum class Kind {
        None, // no error
        Configuration, // the client was set up wrongly (e.g. a non-https server URL)
        Network, // could not reach the server, or the connection broke
        Tls, // the secure connection could not be established
        Timeout, // the server did not answer in time
        Http, // the server answered with an error status
        Forbidden, // an account call refused with 403: the principal's role does not allow it
        Protocol, // the server's answer was not what the SMTPD API sends
        Cancelled, // the caller cancelled the request
    };

    // Error codes the SMTPD API documents.
    static constexpr int CodeBadCredentials = 40102;
    static constexpr int CodeRefreshTokenInvalid = 40106;

    ApiError() = default;

    static ApiError configuration(const QString &userMessage);
    static ApiError network(const QString &userMessage, const QString &detail = {});
    static ApiError tls(const QString &userMessage, const QString &detail = {});
    static ApiError timeout(const QString &userMessage);
    static ApiError http(
        int status, int serverCode, const QString &serverMessage, const QString &userMessage);
    // A 403 on an account call (API keys, billing): the signed-in user or key may not do this.
    // The token endpoint's 403s (40102, 40106) stay Http: they are about credentials.
    static ApiError forbidden(
        int serverCode, const QString &serverMessage, const QString &userMessage);
    static ApiError protocol(const QString &userMessage, const QString &detail = {});
    static ApiError cancelled();

    Kind kind() const { return m_kind; }
    bool isError() const { return m_kind != Kind::None; }
    explicit operator bool() const { return isError(); }

    int httpStatus() const { return m_httpStatus; }
    int serverCode() const { return m_serverCode; }
    QString serverMessage() const { return m_serverMessage; }
    // A full sentence for people: what happened and, where it helps, what to do.
    QString userMessage() const { return m_userMessage; }
    // Technical detail for logs and "details" views (never a secret).
    QString detail() const { return m_detail; }

    // The retry delay the server asked for (Retry-After), in seconds; -1 when none.
    int retryAfterSeconds() const { return m_retryAfterSeconds; }
    void setRetryAfterSeconds(int seconds) { m_retryAfterSeconds = seconds; }

    // True when the token endpoint definitively said the refresh token is dead.
    bool isRefreshTokenRejected() const;
    // True for a 401 on a bearer call: the access token was not accepted.
    bool isAccessTokenRejected() const;
    // True when the server refused an account call for the principal's role (Forbidden).
    bool isForbidden() const { return m_kind == Kind::Forbidden; }

    static QString kindName(Kind kind);

private:
    ApiError(Kind kind, const QString &userMessage, const QString &detail);

    Kind m_kind = Kind::None;
    int m_httpStatus = 0;
    int m_serverCode = 0;
    int m_retryAfterSeconds = -1;
    QString m_serverMessage;
    QString m_userMessage;
    QString m_detail;
};

} // namespace Smtpd

Q_DECLARE_METATYPE(Smtpd::ApiError)
