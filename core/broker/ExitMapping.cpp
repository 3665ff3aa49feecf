#include "ExitMapping.h"

#include <QCoreApplication>

namespace Smtpd::Broker {

ExitCode exitCodeFor(const ApiError &error)
{
    if (!error)
        return ExitCode::Ok;
    if (error.isRefreshTokenRejected())
        return ExitCode::SessionEnded;
    if (error.kind() == ApiError::Kind::Http && error.serverCode() == ApiError::CodeBadCredentials)
        return ExitCode::SignInRefused;
    switch (error.kind()) {
    case ApiError::Kind::Network:
    case ApiError::Kind::Tls:
    case ApiError::Kind::Timeout:
        return ExitCode::Unreachable;
    case ApiError::Kind::Http:
        return error.httpStatus() >= 500 ? ExitCode::Unreachable : ExitCode::Failure;
    default:
        return ExitCode::Failure;
    }
}

ExitCode exitCodeFor(Session::State state, Session::Reason reason)
{
    if (reason == Session::Reason::SignedInElsewhere
        || reason == Session::Reason::ServerEndedSession
        || reason == Session::Reason::SessionLimitReached)
        return ExitCode::SessionEnded;
    switch (state) {
    case Session::State::Active:
    case Session::State::Refreshing:
        return ExitCode::Ok;
    case Session::State::SignedOut:
    case Session::State::SigningOut:
        return ExitCode::NotSignedIn;
    case Session::State::Expired:
        return ExitCode::SessionEnded;
    case Session::State::Offline:
        return ExitCode::Unreachable;
    case Session::State::KeychainUnavailable:
        return ExitCode::KeychainUnavailable;
    case Session::State::SigningIn:
    case Session::State::Restoring:
        break;
    }
    return ExitCode::Failure;
}

QString stateName(Session::State state)
{
    const QString name = toString(state);
    QString snake;
    for (qsizetype i = 0; i < name.size(); ++i) {
        if (name.at(i).isUpper() && i > 0)
            snake += QLatin1Char('_');
        snake += name.at(i).toLower();
    }
    return snake;
}

QString sessionProblem(
    const QString &who, Session::State state, Session::Reason reason, const QString &detail)
{
    const QString because = detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(detail);
    switch (reason) {
    case Session::Reason::SignedInElsewhere:
        return QCoreApplication::translate("Smtpd::Broker",
            "The session of %1 has ended: it was signed in elsewhere. Sign in "
            "again with: smtpd-accounts login")
            .arg(who);
    case Session::Reason::ServerEndedSession:
        return QCoreApplication::translate("Smtpd::Broker",
            "The server ended the session of %1 (most likely a sign-in "
            "elsewhere). Sign in again with: smtpd-accounts login")
            .arg(who);
    case Session::Reason::SessionLimitReached:
        return QCoreApplication::translate("Smtpd::Broker",
            "The 30-day session of %1 has ended. Sign in again with: "
            "smtpd-accounts login")
            .arg(who);
    case Session::Reason::StoredSessionUnreadable:
        return QCoreApplication::translate("Smtpd::Broker",
            "The stored session of %1 was damaged and has been removed. Sign "
            "in again with: smtpd-accounts login")
            .arg(who);
    case Session::Reason::StoredSessionNewerVersion:
        return QCoreApplication::translate("Smtpd::Broker",
            "The session of %1 was saved by a newer version of SMTPD "
            "Accounts; this version leaves it alone.")
            .arg(who);
    default:
        break;
    }
    switch (state) {
    case Session::State::SignedOut:
    case Session::State::SigningOut:
        return QCoreApplication::translate(
            "Smtpd::Broker", "%1 is not signed in. Sign in with: smtpd-accounts login")
            .arg(who);
    case Session::State::Expired:
        return QCoreApplication::translate("Smtpd::Broker",
            "The session of %1 has ended. Sign in again with: smtpd-accounts "
            "login")
            .arg(who);
    case Session::State::Offline:
        return QCoreApplication::translate(
            "Smtpd::Broker", "The server of %1 could not be reached%2.")
            .arg(who, because);
    case Session::State::KeychainUnavailable:
        return QCoreApplication::translate("Smtpd::Broker", "The keychain could not be used%1.")
            .arg(because);
    default:
        break;
    }
    return QCoreApplication::translate(
        "Smtpd::Broker", "The session of %1 is not usable right now%2.")
        .arg(who, because);
}

} // namespace Smtpd::Broker
